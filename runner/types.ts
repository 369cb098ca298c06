// The data every part of porgs-lint exchanges: repos, rules, diagnostics.
// Rules and reporters depend on this module only (plus the context interface).

export type Severity = 'error' | 'warning' | 'note';
export type SeveritySetting = Severity | 'off';
export type RepoKind = 'wrapper' | 'images' | 'docs' | 'resources';
export type Mode = 'release' | 'dev';
export type ParserName = 'python' | 'toml' | 'yaml' | 'bash' | 'typescript' | 'javascript' | 'vue' | 'markdown' | 'frontmatter' | 'csv' | 'redirects';

export const REPO_KINDS: readonly RepoKind[] = ['wrapper', 'images', 'docs', 'resources'];
export const MODES: readonly Mode[] = ['release', 'dev'];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

/** 1-based line and column; end is inclusive of the last character's column + 1 (exclusive end). */
export interface Span {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface Location extends Span {
  /** Repo name as shown in reports (its folder name, or the config key). */
  repo: string;
  /** Relative to the repo root, `/` separators. */
  path: string;
  /**
   * A finding about a ref rather than a file (the pre-push hook): the full ref name, with `path`
   * '.' and line and column 1 only as placeholders that reporters do not show.
   */
  ref?: string;
  /** The commits of `ref` the finding covers: `old..new`, or one commit. */
  range?: string;
}

/** How a ref location reads: `refs/heads/dev (abc..def)`; undefined for a file location. */
export function refLocationText(location: Location): string | undefined {
  if (location.ref === undefined) return undefined;
  return location.range ? `${location.ref} (${location.range})` : location.ref;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  location: Location;
  suggestion?: string;
  /** A "cannot verify" note: the rule could not establish a fact here (`--fail-on-unverified` fails on it). */
  unverified?: true;
  /** Stable across line moves: hash of rule id + path + normalised offending text. */
  fingerprint: string;
}

/** What a rule hands to `ctx.report`. Position defaults to line 1, column 1 of the file. */
export interface ReportInput {
  path: string;
  at?: Span;
  message: string;
  suggestion?: string;
  /**
   * The offending text used for the fingerprint. Defaults to the trimmed text of the
   * reported line (or the message when the file cannot be read). Give it when the line
   * text is not what makes the finding unique (e.g. a missing file).
   */
  key?: string;
  /** Report in another repo of the workspace (cross-repo rules). Defaults to the checked repo. */
  repo?: string;
}

export type OptionType = 'string' | 'number' | 'boolean' | 'string[]';

export interface RuleOption {
  type: OptionType;
  default: unknown;
  description: string;
}

export interface RuleMeta {
  /** `<group>/<name>`, part of the public contract. */
  id: string;
  /** One sentence, shown by --list-rules, explain, SARIF shortDescription. */
  description: string;
  /** Longer text for `explain` and SARIF fullDescription. Defaults to description. */
  details?: string;
  /** Repo kinds the rule applies to. */
  kinds: readonly RepoKind[];
  /** Modes the rule runs in. */
  modes: readonly Mode[];
  /** Runs only when the checked commit carries a release tag (e.g. version equals tag). */
  onReleaseTag?: boolean;
  severity: Severity;
  /** Path of the doc page relative to the package root: `docs/rules/<id>.md`. */
  docs: string;
  options?: Record<string, RuleOption>;
  /** Parsers the rule reads with; the run starts loading them while it prepares the repo. */
  parsers?: readonly ParserName[];
  /** SARIF properties. */
  tags?: readonly string[];
  precision?: 'very-high' | 'high' | 'medium' | 'low';
}

/** Forward declaration to avoid a cycle; the implementation lives in runner/context.ts. */
export type { RuleContext } from './context-api.js';
import type { RuleContext } from './context-api.js';

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void | Promise<void>;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export interface RepoInfo {
  /** Display name (folder name or config key); unique within a run. */
  name: string;
  /** Absolute path of the repo root. */
  root: string;
  /** Path as given by the user or config, for reports. */
  displayPath: string;
  kind: RepoKind;
  kindReason: string;
  mode: Mode;
  modeReason: string;
  /** The revision read (`--rev`), or undefined for the work tree. */
  rev?: string;
  /** Commit id checked, when known. */
  commit?: string;
  /** The config whose `[repos.*]` table brought this repo into the run (as shown in messages). */
  namedBy?: string;
}

export interface RunSummary {
  errors: number;
  warnings: number;
  notes: number;
}

export function summarize(diagnostics: readonly Diagnostic[]): RunSummary {
  const summary = { errors: 0, warnings: 0, notes: 0 };
  for (const d of diagnostics) summary[d.severity === 'error' ? 'errors' : d.severity === 'warning' ? 'warnings' : 'notes']++;
  return summary;
}

/** Everything a reporter needs; reporters are pure functions of this. */
export interface RunResult {
  tool: { name: string; version: string; informationUri: string };
  repos: RepoInfo[];
  diagnostics: Diagnostic[];
  /** Rules that were enabled for at least one repo, with their effective severity. */
  rules: Array<{ meta: RuleMeta; severity: Severity }>;
  summary: RunSummary;
  /** Read-only file access for source excerpts (pretty) and line hashes (SARIF). */
  readFile(repo: string, path: string): string | undefined;
  /** ISO timestamps; the only non-deterministic data in a run. */
  startTime: string;
  endTime: string;
  /** Whether every repo could be analysed (false after an internal failure in a rule). */
  executionSuccessful: boolean;
}

export interface ReporterOptions {
  color: boolean;
  /** Working directory reports are relative to. */
  cwd: string;
}

export type Reporter = (result: RunResult, options: ReporterOptions) => string;
