// What a rule may ask for. Every view is computed at most once per repo and only when asked;
// a file that cannot be read or parsed yields `undefined` and a `meta/parse-error`
// diagnostic at that file (reported once, by the context, not by the rule).
import type { Mode, RepoInfo, RepoKind, ReportInput, Span } from './types.js';
import type { GitFacts } from './git-facts.js';
import type { ReleasePolicy } from './policy.js';
import type { PythonFile } from './parsers/python.js';
import type { TomlFile } from './parsers/toml.js';
import type { YamlFile } from './parsers/yaml.js';
import type { BashFile } from './parsers/bash.js';
import type { MarkdownPage } from './parsers/markdown.js';
import type { Frontmatter } from './parsers/frontmatter.js';
import type { CsvFile } from './parsers/csv.js';
import type { RedirectsFile } from './parsers/redirects.js';
import type { VitePressSite } from './docs/site.js';

export interface FileEntry {
  /** Path relative to the repo root, `/` separators. */
  path: string;
  type: 'file' | 'dir' | 'symlink' | 'gitlink';
}

/** Another commit of a repo, read through git without a checkout (see `RepoView.atCommit`). */
export interface CommitView {
  readonly commit: string;
  /** Text of a regular file at that commit; undefined when missing, not a regular file, binary or oversized. */
  read(path: string): Promise<string | undefined>;
  /** Direct children of a folder at that commit ('' for the root); [] when missing. */
  list(dir: string): Promise<FileEntry[]>;
  /** Python facts of a file at that commit; undefined when missing or not parsable (nothing is reported). */
  python(path: string): Promise<PythonFile | undefined>;
}

export interface RepoView {
  readonly info: RepoInfo;
  readonly kind: RepoKind;
  readonly mode: Mode;
  /** The repo's release policy (release and dev branches, release-tag pattern): its kind's defaults, as the config overrides them. */
  readonly policy: ReleasePolicy;
  /** Today's date (YYYY-MM-DD) from `--today`, for date rules. */
  readonly today: string;
  /** Text of a file, or undefined when missing (also for binary or oversized files). */
  read(path: string): Promise<string | undefined>;
  /**
   * Text of a file read only to search it (another repo's files, for names), not as a file the run
   * checks: its suppression comments are not checked, and it is not kept for excerpts.
   */
  readToSearch(path: string): Promise<string | undefined>;
  exists(path: string): Promise<boolean>;
  /** Direct children of a folder ('' for the root); [] when missing. */
  list(dir: string): Promise<FileEntry[]>;
  /** Files matching a glob (picomatch syntax), sorted. */
  glob(pattern: string): Promise<string[]>;
  python(path: string): Promise<PythonFile | undefined>;
  toml(path: string): Promise<TomlFile | undefined>;
  yaml(path: string): Promise<YamlFile | undefined>;
  /** Functions, commands, comments, assignments and if chains of a shell script. */
  bash(path: string): Promise<BashFile | undefined>;
  /** Headings with their VitePress anchors, links/images/HTML href+src outside code, includes of a Markdown page. */
  markdown(path: string): Promise<MarkdownPage | undefined>;
  /** The YAML frontmatter of a Markdown page (`present: false` when it has none). */
  frontmatter(path: string): Promise<Frontmatter | undefined>;
  /** Rows of a CSV file with their lines, and the Markdown links written in its cells. */
  csv(path: string): Promise<CsvFile | undefined>;
  /** Static redirects (`source destination [status]` lines) of a Cloudflare-style redirects file. */
  redirects(path: string): Promise<RedirectsFile | undefined>;
  /** The VitePress site (config read without running it, pages, theme globs, link resolution); undefined without a `.vitepress/config.*`. */
  vitepress(): Promise<VitePressSite | undefined>;
  /** Git facts for the checked commit; `available` is false outside a git repo. */
  readonly git: GitFacts;
  /** Another commit of this repo (a release tag's), read through git; needs `git.available`. */
  atCommit(commit: string): CommitView;
  /** Memoise a derived fact shared by several rules (e.g. the wrapper version). */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export interface RuleContext<M extends string = string, O = Readonly<Record<string, unknown>>> extends RepoView {
  /** Options of the running rule: its declared defaults, as the config sets them. */
  readonly options: O;
  /** Report a finding of the running rule at its configured severity. */
  report(input: ReportInput<M>): void;
  /** A finding that is at most a warning (the configured severity, capped at warning): a step that is due, not yet late. */
  warn(input: ReportInput<M>): void;
  /** Information worth knowing that is not a violation (e.g. "on main but behind its tip"): always a note. */
  note(input: ReportInput<M>): void;
  /** A fact the rule could not establish here (no clone, shallow history...): a note of the "cannot verify" kind. */
  cannotVerify(input: ReportInput<M>): void;
  /**
   * Another repo of the workspace by kind (its first one), for a rule that declares the kind in
   * `reads` or `readsIfPresent`; the checked repo for its own kind. Asking for an undeclared kind
   * is the rule's bug (it throws).
   */
  repoOfKind(kind: RepoKind): RepoView | undefined;
}

export type { Span };
