// The data every part of porgs-lint exchanges: repos, rules, diagnostics.
// Rules and reporters depend on this module only (plus the context interface).

export type Severity = 'error' | 'warning' | 'note';
export type SeveritySetting = Severity | 'off';
export type RepoKind = 'wrapper' | 'images' | 'docs' | 'resources';
export type Mode = 'release' | 'dev';
export const PARSER_NAMES = ['python', 'toml', 'yaml', 'bash', 'typescript', 'javascript', 'vue', 'markdown', 'frontmatter', 'csv', 'redirects'] as const;
export type ParserName = (typeof PARSER_NAMES)[number];

export const REPO_KINDS: readonly RepoKind[] = ['wrapper', 'images', 'docs', 'resources'];
export const MODES: readonly Mode[] = ['release', 'dev'];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

/** 1-based line and column (columns in UTF-16 code units: JavaScript string offsets + 1); the end column is exclusive. */
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

/** Values a message template interpolates (`{{name}}`); kept as data in every report. */
export type MessageData = Readonly<Record<string, string | number>>;

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  /** Which of the rule's `meta.messages` this is; with `data`, the finding as data. */
  messageId: string;
  data: MessageData;
  /** The message rendered from its template, for people. Nothing reads meaning from it. */
  message: string;
  location: Location;
  /** Other places the finding involves (the header line of a pin, the other definition of a duplicate). */
  related?: RelatedLocation[];
  suggestion?: string;
  /** A "cannot verify" finding: the rule could not establish a fact here (`--fail-on-unverified` fails on it). */
  unverified?: true;
  /** Stable across line moves and rewording: hash of rule id, path, messageId and the identity data (runner/fingerprint.ts). */
  fingerprint: string;
}

/** A second place a finding involves; `label` says what it is ("the pin header", "first defined here"). */
export interface RelatedLocation extends Span {
  repo: string;
  path: string;
  label: string;
}

/** What a rule hands to `ctx.report`. Position defaults to line 1, column 1 of the file. */
export interface ReportInput<M extends string = string> {
  path: string;
  at?: Span;
  messageId: M;
  data?: MessageData;
  /** Other places involved; `repo` defaults to the finding's repo. */
  related?: ReadonlyArray<{ path: string; at?: Span; label: string; repo?: string }>;
  suggestion?: string;
  /** Report in another repo of the workspace (cross-repo rules). Defaults to the checked repo. */
  repo?: string;
}

export type OptionType = 'string' | 'number' | 'boolean' | 'string[]';

interface OptionBase {
  description: string;
}
export type RuleOption =
  | (OptionBase & { type: 'string'; default: string; enum?: readonly string[] })
  | (OptionBase & { type: 'number'; default: number; min?: number; max?: number })
  | (OptionBase & { type: 'boolean'; default: boolean })
  | (OptionBase & { type: 'string[]'; default: readonly string[] });

export type RuleOptions = Readonly<Record<string, RuleOption>>;

/** The option values a rule sees, typed from its declaration. */
export type OptionValues<O extends RuleOptions | undefined> = O extends RuleOptions
  ? { readonly [K in keyof O]: O[K]['type'] extends 'string' ? string : O[K]['type'] extends 'number' ? number : O[K]['type'] extends 'boolean' ? boolean : readonly string[] }
  : Readonly<Record<string, never>>;

export type Precision = 'very-high' | 'high' | 'medium' | 'low';

/** What every rule states about itself, declared or derived alike. */
interface RuleFields {
  /** One sentence, shown by --list-rules, explain, SARIF shortDescription. */
  description: string;
  /** Longer text for `explain` and SARIF fullDescription. Defaults to description. */
  details?: string;
  /** Repo kinds the rule applies to. */
  kinds: readonly RepoKind[];
  /** Runs only when the checked commit carries a release tag (e.g. version equals tag). */
  onReleaseTag?: boolean;
  /**
   * False for a rule that runs only when the config sets its severity or `--rule` names it (a rule
   * whose precision is not yet proven); `severity` is then its severity once turned on. Default true.
   */
  enabledByDefault?: boolean;
  /**
   * Other repo kinds the rule compares with (a cross-repo rule); `ctx.repoOfKind` gives them. When
   * one is not in the run, the rule does not run: the runner says "cannot verify" once per run,
   * naming the repo to add (messageId `missingRepo`, which the rule's doc page documents).
   */
  reads?: readonly RepoKind[];
  /** Other repo kinds the rule reads when the run has them, and does without otherwise. */
  readsIfPresent?: readonly RepoKind[];
  severity: Severity;
  /**
   * The data fields that identify a finding (the offending text): with the rule id, path and
   * messageId they make its fingerprint. Without one present, the reported line's text does.
   */
  identity?: readonly string[];
  /** Parsers the rule reads with; the run starts loading them while it prepares the repo. */
  parsers?: readonly ParserName[];
  /** SARIF properties. */
  tags?: readonly string[];
}

/** What a rule module declares; the id and the doc page come from its file path. */
export interface RuleDefinition<M extends string = string, O extends RuleOptions | undefined = RuleOptions | undefined> extends RuleFields {
  /** Modes the rule runs in; default both. */
  modes?: readonly Mode[];
  /** Message templates by messageId; `{{name}}` takes `data.name`. */
  messages: Readonly<Record<M, string>>;
  options?: O;
  /** Default 'high'. */
  precision?: Precision;
  check(ctx: RuleContext<M, OptionValues<O>>): void | Promise<void>;
}

/** A rule's metadata with what its path fixes and the defaults filled in. */
export interface RuleMeta extends RuleFields {
  /** `<group>/<name>`, part of the public contract; from the rule's file path. */
  id: string;
  /**
   * Path of the doc page relative to the package root: `docs/rules/<id>.md`. A policy written in a
   * config has none (nor any link): its description and details are its documentation; a plugin's
   * rule has none in this package (see `plugin`).
   */
  docs?: string;
  /** A policy written in a config: where (`porgs-lint.toml:12:1`). */
  definedIn?: string;
  modes: readonly Mode[];
  messages: Readonly<Record<string, string>>;
  options?: RuleOptions;
  precision: Precision;
  /**
   * Set for a rule a plugin brings (`--plugin`, the `plugins` option of `lint()`): the plugin's
   * name, and the address of the rule's documentation when the plugin gives one. Such a rule has
   * no page in this package (`docs` is empty).
   */
  plugin?: { name: string; docsUrl?: string };
}

/** Forward declaration to avoid a cycle; the implementation lives in runner/context.ts. */
export type { RuleContext } from './context-api.js';
import type { RuleContext } from './context-api.js';

export interface Rule extends RuleMeta {
  check(ctx: RuleContext<string, Readonly<Record<string, unknown>>>): void | Promise<void>;
}

/** A rule module's default export. Types `ctx.report`'s messageIds and `ctx.options` from the declaration. */
export function defineRule<const M extends string, const O extends RuleOptions | undefined = undefined>(rule: RuleDefinition<M, O>): RuleDefinition<M, O> {
  return rule;
}

/** The doc page of a rule id. */
export const docsPath = (id: string) => `docs/rules/${id}.md`;

/** The runner's "cannot verify" note of a cross-repo rule whose other repo is not in the run. */
export const MISSING_REPO = 'missingRepo';
const MISSING_REPO_TEMPLATE =
  'no {{kind}} repository in this run to compare {{repo}} with; give its folder too (porgs-lint {{folder}} <{{kind}} folder>), or list it as a [repos.<name>] table with kind = "{{kind}}" in a config given with --config';

/** A cross-repo rule's messages with the runner's `missingRepo` note. */
const withRunnerMessages = (def: Pick<RuleDefinition<string, RuleOptions | undefined>, 'messages' | 'reads'>) =>
  def.reads?.length ? { ...def.messages, [MISSING_REPO]: MISSING_REPO_TEMPLATE } : def.messages;

/** A rule with what its file path fixes (id, doc page) and the defaults filled in. */
export function ruleFromDefinition(id: string, def: RuleDefinition<string, RuleOptions | undefined>): Rule {
  return {
    ...def,
    id,
    docs: docsPath(id),
    modes: def.modes ?? MODES,
    messages: withRunnerMessages(def),
    precision: def.precision ?? 'high',
    check: def.check as Rule['check'],
  };
}

/** Metadata (no check) with the same defaults: the runner's own findings and the hook's checks. */
export function metaFromDefinition(id: string, def: Omit<RuleDefinition<string, RuleOptions | undefined>, 'check'>): RuleMeta {
  return { ...def, id, docs: docsPath(id), modes: def.modes ?? MODES, messages: withRunnerMessages(def), precision: def.precision ?? 'high' };
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
  /**
   * Every repo of the run, when `repos` is one part of it (a report per repo): a finding's related
   * place in another repo of the workspace is located from it.
   */
  workspace?: RepoInfo[];
  diagnostics: Diagnostic[];
  /** Rules that were enabled for at least one repo, with their effective severity. */
  rules: Array<{ meta: RuleMeta; severity: Severity }>;
  /** By repo name: the rules that ran for that repo (its kind and mode), with their severity there. */
  rulesRun?: Readonly<Record<string, Readonly<Record<string, Severity>>>>;
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
  /** Rule ids as terminal links to their doc pages (pretty; a terminal that gets colour only). */
  links?: boolean;
  /** Working directory reports are relative to. */
  cwd: string;
}

export type Reporter = (result: RunResult, options: ReporterOptions) => string;
