// SARIF 2.1.0 for GitHub code scanning: one run per repo, the metadata of the rules that ran for it,
// repo-relative URIs under %SRCROOT%, complete regions with snippets, second places as related
// locations, GitHub's line hash plus our line-independent fingerprint.
import path from 'node:path';
import { jsonSafe } from '../runner/escape.js';
import { LineIndex } from '../runner/lines.js';
import { refLocationText, type Diagnostic, type RelatedLocation, type Reporter, type RepoInfo, type RunResult, type Severity } from '../runner/types.js';
import { lineHashes } from './line-hash.js';
import { COLUMN_KIND, region } from './sarif-regions.js';
import { ruleDescriptor } from './sarif-rules.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** GitHub's documented limit of results per run. */
export const MAX_RESULTS_PER_RUN = 25_000;
export const FINGERPRINT_KEY = 'porgsLint/v2';
/** The base of the run's own repo; another repo of the workspace gets `%REPO:<name>%`. */
export const SRCROOT = '%SRCROOT%';

export function encodeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

const rootUri = (repo: RepoInfo) => `file://${encodeUri(repo.root.split(path.sep).join('/'))}/`;

const RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/** Files of the run as lines, each indexed once. */
function fileLines(result: RunResult) {
  const indexes = new Map<string, LineIndex | undefined>();
  const index = (repo: string, file: string) => {
    const key = `${repo}\0${file}`;
    if (!indexes.has(key)) {
      const text = result.readFile(repo, file);
      indexes.set(key, text === undefined ? undefined : new LineIndex(text));
    }
    return indexes.get(key);
  };
  return (repo: string, file: string) => (line: number) => index(repo, file)?.lineText(line);
}

/** The rules listed for a repo: those that ran for it, and those of its results (runner findings). */
function rulesOf(result: RunResult, repo: RepoInfo, diags: readonly Diagnostic[]) {
  const ran = result.rulesRun?.[repo.name];
  const wanted = new Set([...(ran ? Object.keys(ran) : result.rules.map((r) => r.meta.id)), ...diags.map((d) => d.ruleId)]);
  return result.rules
    .filter((r) => wanted.has(r.meta.id))
    .map((r) => ruleDescriptor(result.tool, r.meta, ran?.[r.meta.id] ?? r.severity));
}

/** A link to a related location in a message, with SARIF's escapes for brackets. */
const link = (label: string, id: number) => `[${label.replace(/[[\]\\]/g, '\\$&')}](${id})`;
/** Repo text that would read as a link to a related location (`[x](1)`) keeps its brackets literal. */
const plain = (text: string) => text.replace(/\[(?=[^\]]*\]\(\d+\))/g, '\\[');

function messageText(d: Diagnostic): string {
  const related = d.related?.length ? ` (${d.related.map((r, i) => link(r.label, i + 1)).join(', ')})` : '';
  return `${plain(d.message)}${related}${d.suggestion ? ` (fix: ${plain(d.suggestion)})` : ''}`;
}

/** The run's findings within GitHub's limit (the most severe kept), and the notification saying so. */
function capped(diags: Diagnostic[], notifications: object[]): Diagnostic[] {
  if (diags.length <= MAX_RESULTS_PER_RUN) return diags;
  const dropped = diags.length - MAX_RESULTS_PER_RUN;
  notifications.push({
    level: 'warning',
    message: { text: `${dropped} less severe result(s) left out to stay within GitHub's limit of ${MAX_RESULTS_PER_RUN} results per run` },
  });
  return [...diags].sort((a, b) => RANK[a.severity] - RANK[b.severity]).slice(0, MAX_RESULTS_PER_RUN);
}

/** GitHub's line hash of a finding's line, each file hashed once. */
function lineHasher(result: RunResult, repo: RepoInfo) {
  const hashes = new Map<string, string[]>();
  return (d: Diagnostic) => {
    if (d.location.ref !== undefined) return undefined;
    const text = result.readFile(repo.name, d.location.path);
    if (text === undefined) return undefined;
    if (!hashes.has(d.location.path)) hashes.set(d.location.path, lineHashes(text));
    return hashes.get(d.location.path)![d.location.line - 1];
  };
}

/** Physical locations: the run's repo under %SRCROOT%, another repo of the workspace under a base of its own. */
function locator(result: RunResult, repo: RepoInfo) {
  const lines = fileLines(result);
  const others = new Map<string, RepoInfo>();
  const baseOf = (name: string) => {
    if (name === repo.name) return SRCROOT;
    const other = (result.workspace ?? result.repos).find((r) => r.name === name);
    if (other) others.set(name, other);
    return `%REPO:${name}%`;
  };
  return {
    physical: (repoName: string, file: string, at: Diagnostic['location'] | RelatedLocation) => ({
      artifactLocation: { uri: file === '.' ? '' : encodeUri(file), uriBaseId: baseOf(repoName) },
      region: region(at, lines(repoName, file)),
    }),
    /** The bases the locations made so far use. */
    baseIds: () => {
      const ids: Record<string, object> = { [SRCROOT]: { uri: rootUri(repo) } };
      for (const [name, other] of others) ids[`%REPO:${name}%`] = { uri: rootUri(other), description: { text: `the ${other.kind} repo ${name}` } };
      return ids;
    },
  };
}

function run(result: RunResult, repo: RepoInfo) {
  const notifications: object[] = [];
  const diags = capped(
    result.diagnostics.filter((d) => d.location.repo === repo.name),
    notifications,
  );
  const rules = rulesOf(result, repo, diags);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const hashOf = lineHasher(result, repo);
  const { physical, baseIds } = locator(result, repo);
  const results = diags.map((d) => {
    const lineHash = hashOf(d);
    if (d.unverified || d.ruleId === 'meta/parse-error') {
      notifications.push({
        level: d.severity,
        message: { text: `${refLocationText(d.location) ?? `${d.location.path}:${d.location.line}`}: ${d.message}` },
        descriptor: { id: d.ruleId },
      });
    }
    // A ref (no file of the checkout) is a logical location.
    const location =
      d.location.ref !== undefined
        ? { logicalLocations: [{ name: d.location.ref, fullyQualifiedName: refLocationText(d.location), kind: 'ref' }] }
        : { physicalLocation: physical(repo.name, d.location.path, d.location) };
    return {
      ruleId: d.ruleId,
      ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
      level: d.severity,
      message: { text: messageText(d) },
      locations: [location],
      ...(d.related?.length
        ? { relatedLocations: d.related.map((r, i) => ({ id: i + 1, physicalLocation: physical(r.repo, r.path, r), message: { text: r.label } })) }
        : {}),
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
    originalUriBaseIds: baseIds(),
    columnKind: COLUMN_KIND,
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
