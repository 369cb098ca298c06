// SARIF 2.1.0 for GitHub code scanning: one run per repo, full rule metadata, repo-relative
// URIs under %SRCROOT%, GitHub's line hash plus our line-independent fingerprint.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { jsonSafe } from '../runner/escape.js';
import { PACKAGE_ROOT } from '../runner/tool.js';
import { refLocationText, type Diagnostic, type Reporter, type RepoInfo, type RuleMeta, type RunResult, type Severity } from '../runner/types.js';
import { lineHashes } from './line-hash.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** GitHub's documented limit of results per run. */
export const MAX_RESULTS_PER_RUN = 25_000;
export const FINGERPRINT_KEY = 'porgsLint/v2';

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

const pascal = (id: string) =>
  id
    .split(/[/-]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

export function encodeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** A plugin's rule links to the plugin's pages; a policy written in a config has no link: its text may come from a checked repo. */
function helpUri(result: RunResult, meta: RuleMeta): string | undefined {
  if (meta.plugin) return meta.plugin.docsUrl;
  return meta.docs === undefined ? undefined : `${result.tool.informationUri}/blob/v${result.tool.version}/${meta.docs}`;
}

function ruleDescriptor(result: RunResult, meta: RuleMeta, severity: Severity) {
  const page = docPage(meta);
  const uri = helpUri(result, meta);
  return {
    id: meta.id,
    name: pascal(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.details ?? meta.description },
    help: uri
      ? { text: `${meta.details ?? meta.description}\nDocumentation: ${uri}`, markdown: page ?? `${meta.description}\n\n[Documentation](${uri})` }
      : { text: meta.details ?? meta.description },
    ...(uri ? { helpUri: uri } : {}),
    defaultConfiguration: { level: severity },
    properties: { tags: [...new Set([...(meta.tags ?? []), 'porgs-lint'])], precision: meta.precision ?? 'high' },
  };
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/** A file and region; a ref (no file of the checkout) as a logical location. */
function location(d: Diagnostic, region: Record<string, number>) {
  if (d.location.ref !== undefined) return { logicalLocations: [{ name: d.location.ref, fullyQualifiedName: refLocationText(d.location), kind: 'ref' }] };
  return {
    physicalLocation: {
      artifactLocation: { uri: d.location.path === '.' ? '' : encodeUri(d.location.path), uriBaseId: '%SRCROOT%' },
      region,
    },
  };
}

function run(result: RunResult, repo: RepoInfo) {
  const rules = result.rules.map((r) => ruleDescriptor(result, r.meta, r.severity));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  let diags = result.diagnostics.filter((d) => d.location.repo === repo.name);
  const notifications: object[] = [];
  if (diags.length > MAX_RESULTS_PER_RUN) {
    const dropped = diags.length - MAX_RESULTS_PER_RUN;
    diags = [...diags].sort((a, b) => RANK[a.severity] - RANK[b.severity]).slice(0, MAX_RESULTS_PER_RUN);
    notifications.push({
      level: 'warning',
      message: { text: `${dropped} less severe result(s) left out to stay within GitHub's limit of ${MAX_RESULTS_PER_RUN} results per run` },
    });
  }
  const hashes = new Map<string, string[]>();
  const hashOf = (d: Diagnostic) => {
    if (d.location.ref !== undefined) return undefined;
    const text = result.readFile(repo.name, d.location.path);
    if (text === undefined) return undefined;
    if (!hashes.has(d.location.path)) hashes.set(d.location.path, lineHashes(text));
    return hashes.get(d.location.path)![d.location.line - 1];
  };
  const results = diags.map((d) => {
    const lineHash = hashOf(d);
    const region: Record<string, number> = { startLine: d.location.line, startColumn: d.location.column };
    if (d.location.endLine !== undefined) region.endLine = d.location.endLine;
    if (d.location.endColumn !== undefined) region.endColumn = d.location.endColumn;
    if (d.unverified || d.ruleId === 'meta/parse-error') {
      notifications.push({
        level: d.severity,
        message: { text: `${refLocationText(d.location) ?? `${d.location.path}:${d.location.line}`}: ${d.message}` },
        descriptor: { id: d.ruleId },
      });
    }
    return {
      ruleId: d.ruleId,
      ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
      level: d.severity,
      message: { text: d.suggestion ? `${d.message} (fix: ${d.suggestion})` : d.message },
      locations: [location(d, region)],
      partialFingerprints: {
        ...(lineHash ? { primaryLocationLineHash: lineHash } : {}),
        [FINGERPRINT_KEY]: d.fingerprint,
      },
      // The finding as data: which message, its values, and its kind ("cannot verify" is a kind, not a wording).
      properties: { messageId: d.messageId, data: d.data, ...(d.unverified ? { kind: 'cannot-verify' } : {}) },
    };
  });
  return {
    tool: {
      driver: {
        name: result.tool.name,
        version: result.tool.version,
        semanticVersion: result.tool.version,
        informationUri: result.tool.informationUri,
        rules,
      },
    },
    automationDetails: { id: `porgs-lint/${repo.kind}/${repo.mode}/` },
    originalUriBaseIds: { '%SRCROOT%': { uri: `file://${encodeUri(repo.root.split(path.sep).join('/'))}/` } },
    columnKind: 'unicodeCodePoints',
    invocations: [
      {
        executionSuccessful: result.executionSuccessful,
        startTimeUtc: result.startTime,
        endTimeUtc: result.endTime,
        toolExecutionNotifications: notifications,
      },
    ],
    results,
    properties: { mode: repo.mode, modeReason: repo.modeReason, ...(repo.rev ? { rev: repo.rev } : {}) },
  };
}

export function buildSarif(result: RunResult) {
  return { $schema: SARIF_SCHEMA, version: '2.1.0' as const, runs: result.repos.map((repo) => run(result, repo)) };
}

/** Control, bidi and other invisible characters of repo text go out as \uXXXX escapes (same data). */
export const sarif: Reporter = (result) => jsonSafe(JSON.stringify(buildSarif(result), null, 2)) + '\n';
