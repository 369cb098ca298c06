// SARIF `reportingDescriptor`s: what code scanning shows beside every alert of a rule. The doc
// page is the one source of the longer texts: its "Why" section becomes fullDescription, the whole
// page help.markdown.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../runner/tool.js';
import { ruleDocUrl } from './doc-links.js';
import { MODES, REPO_KINDS, type RuleMeta, type RunResult, type Severity } from '../runner/types.js';

/** GitHub's limit for shortDescription and fullDescription. */
export const MAX_DESCRIPTION = 1024;

const pages = new Map<string, string | undefined>();
function docPage(meta: RuleMeta): string | undefined {
  if (meta.plugin || meta.docs === undefined) return undefined; // no page in this package
  if (!pages.has(meta.docs)) {
    try {
      pages.set(meta.docs, readFileSync(path.join(PACKAGE_ROOT, meta.docs), 'utf8'));
    } catch {
      pages.set(meta.docs, undefined);
    }
  }
  return pages.get(meta.docs);
}

/** The "## Why" section of a doc page as one paragraph (links and bold as plain text, `code` kept); undefined without one. */
export function whySection(page: string): string | undefined {
  const lines = page.split('\n');
  const start = lines.findIndex((l) => /^##\s+Why\s*$/.test(l));
  if (start === -1) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^#{1,2}\s/.test(l));
  const text = lines
    .slice(start + 1, end === -1 ? undefined : end)
    .join(' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return text || undefined;
}

const list = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** When a rule runs, as a sentence: its kinds, its modes, and the release-tag condition. */
export function appliesWhen(meta: Pick<RuleMeta, 'kinds' | 'modes' | 'onReleaseTag'>): string {
  const kinds = REPO_KINDS.every((k) => meta.kinds.includes(k)) ? 'every kind of repo' : `${list(meta.kinds)} repos`;
  const modes = MODES.every((m) => meta.modes.includes(m)) ? 'in release and dev mode' : `in ${list(meta.modes)} mode`;
  return `Applies to ${kinds}, ${modes}${meta.onReleaseTag ? ', on a commit that carries a release tag' : ''}.`;
}

/** At most `max` characters, cut after the last whole sentence that fits. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const sentence = cut.lastIndexOf('. ');
  return sentence > max / 2 ? cut.slice(0, sentence + 1) : `${cut.trimEnd()}…`;
}

/** Why the rule matters (the doc page's "Why", else its details) and when it applies. */
export function fullDescription(meta: RuleMeta, page: string | undefined): string {
  const when = appliesWhen(meta);
  const why = (page && whySection(page)) ?? (meta.details !== meta.description ? meta.details : undefined);
  return why ? `${clip(why, MAX_DESCRIPTION - when.length - 1)} ${when}` : clip(`${meta.description} ${when}`, MAX_DESCRIPTION);
}

/** GitHub's `problem.severity` for a level. */
const PROBLEM_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'recommendation' };
/**
 * GitHub's `security-severity` (a CVSS-like score) of a rule tagged "security", from its level:
 * error is high (7.0–8.9), warning medium (4.0–6.9), note low (0.1–3.9).
 */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', note: '2.0' };

const pascal = (id: string) =>
  id
    .split(/[/-]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

export function ruleDescriptor(tool: RunResult['tool'], meta: RuleMeta, severity: Severity) {
  const page = docPage(meta);
  // A plugin's rule links to the plugin's pages (the user named the plugin); a policy has no link.
  const uri = meta.plugin ? meta.plugin.docsUrl : ruleDocUrl(tool, meta);
  const full = fullDescription(meta, page);
  const tags = [...new Set([...(meta.tags ?? []), 'porgs-lint'])];
  return {
    id: meta.id,
    name: pascal(meta.id),
    shortDescription: { text: clip(meta.description, MAX_DESCRIPTION) },
    fullDescription: { text: full },
    help: {
      text: uri ? `${full}\nDocumentation: ${uri}` : full,
      markdown: page ?? `${meta.description}\n\n${full}${uri ? `\n\n[Documentation](${uri})` : ''}`,
    },
    ...(uri ? { helpUri: uri } : {}),
    defaultConfiguration: { level: severity },
    properties: {
      tags,
      precision: meta.precision ?? 'high',
      'problem.severity': PROBLEM_SEVERITY[severity],
      ...(tags.includes('security') ? { 'security-severity': SECURITY_SEVERITY[severity] } : {}),
    },
  };
}
