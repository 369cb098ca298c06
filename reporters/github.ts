// GitHub Actions workflow commands (annotations) and the Markdown job summary.
import path from 'node:path';
import { commandData, commandProperty, markdownCode, visible } from '../runner/escape.js';
import { refLocationText, type Diagnostic, type Reporter, type RunResult, type Severity } from '../runner/types.js';

/** GitHub shows at most this many annotations of each level per step. */
export const ANNOTATIONS_PER_LEVEL = 10;
const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'notice' };

function fileIn(result: RunResult, repoName: string, file: string): string {
  const repo = result.repos.find((r) => r.name === repoName);
  const base = (repo?.displayPath ?? '.').split(path.sep).join('/');
  return file === '.' ? base : path.posix.join(base, file);
}

const fileOf = (result: RunResult, d: Diagnostic) => fileIn(result, d.location.repo, d.location.path);

/** The second places of a finding, for a one-line text: ` (the pin header: a.yml:1)`. */
function relatedText(result: RunResult, d: Diagnostic): string {
  if (!d.related?.length) return '';
  return ` (${d.related.map((r) => `${r.label}: ${fileIn(result, r.repo, r.path)}:${r.line}`).join('; ')})`;
}

export const github: Reporter = (result) => {
  const shown: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  const lines: string[] = [];
  let hidden = 0;
  for (const d of result.diagnostics) {
    if (shown[d.severity] >= ANNOTATIONS_PER_LEVEL) {
      hidden++;
      continue;
    }
    shown[d.severity]++;
    const ref = refLocationText(d.location);
    if (ref !== undefined) {
      // A ref is no file of the checkout: an annotation without a file, the ref in its text.
      const text = `${visible(ref)}: ${visible(d.message)}${d.suggestion ? ` (fix: ${visible(d.suggestion)})` : ''}`;
      lines.push(`::${COMMAND[d.severity]} title=${commandProperty(visible(d.ruleId))}::${commandData(text)}`);
      continue;
    }
    const props = [
      `file=${commandProperty(visible(fileOf(result, d)))}`,
      `line=${d.location.line}`,
      `col=${d.location.column}`,
      ...(d.location.endLine !== undefined ? [`endLine=${d.location.endLine}`] : []),
      ...(d.location.endColumn !== undefined && (d.location.endLine ?? d.location.line) === d.location.line ? [`endColumn=${d.location.endColumn}`] : []),
      `title=${commandProperty(visible(d.ruleId))}`,
    ];
    const text = `${visible(d.message + relatedText(result, d))}${d.suggestion ? ` (fix: ${visible(d.suggestion)})` : ''}`;
    lines.push(`::${COMMAND[d.severity]} ${props.join(',')}::${commandData(text)}`);
  }
  if (hidden) {
    lines.push(`::notice title=porgs-lint::${hidden} more finding(s) not annotated (GitHub shows ${ANNOTATIONS_PER_LEVEL} per level per step); see the job summary or the SARIF upload`);
  }
  const { errors, warnings, notes } = result.summary;
  lines.push(`porgs-lint: ${errors} error(s), ${warnings} warning(s), ${notes} note(s)`);
  return lines.join('\n') + '\n';
};

const cell = (s: string) => markdownCode(s, { inTable: true });

export function githubStepSummary(result: RunResult): string {
  const { errors, warnings, notes } = result.summary;
  const out = [`## porgs-lint: ${errors} error(s), ${warnings} warning(s), ${notes} note(s)`, ''];
  for (const repo of result.repos) out.push(`- ${markdownCode(repo.displayPath)}: ${repo.kind}, ${repo.mode} mode (${markdownCode(repo.modeReason)})`);
  if (result.diagnostics.length) {
    out.push('', '| severity | location | message | rule |', '|---|---|---|---|');
    for (const d of result.diagnostics) {
      out.push(`| ${d.severity} | ${cell(refLocationText(d.location) ?? `${fileOf(result, d)}:${d.location.line}:${d.location.column}`)} | ${cell(d.message + relatedText(result, d))} | ${cell(d.ruleId)} |`);
    }
  }
  return out.join('\n') + '\n\n';
}
