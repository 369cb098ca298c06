// The per-repo context: lazy, memoised views over one Source. Parse failures become
// `meta/parse-error` findings here, once per file, so rules only see parsed data or undefined.
import type { CommitView, FileEntry, RepoView, RuleContext } from './context-api.js';
import { commitView } from './commit-view.js';
import type { GitFacts } from './git-facts.js';
import type { ReleasePolicy } from './policy.js';
import type { ParseOutcome } from './parsers/parse-outcome.js';
import { IdentityLog } from './identity-log.js';
import { loadPicomatch } from './load-picomatch.js';
import type { Source } from './source.js';
import { normalisePath } from './source.js';
import { cacheFor, parseTextThroughCache, parseThroughCache, type ViewParser } from './view-cache.js';
import type { MessageData, Mode, ParserName, RelatedLocation, RepoInfo, RepoKind, ReportInput, Rule, RuleMeta, Severity, Span } from './types.js';
import { CANNOT_VERIFY_PREFIX, renderMessage } from './messages.js';
import { META_RULES_BY_ID } from '../rules/meta/_meta.js';

/** A finding before fingerprinting and suppression: the raw output of a rule, as data. */
export interface RawFinding {
  ruleId: string;
  severity: Severity;
  repo: string;
  path: string;
  at?: Span;
  messageId: string;
  data: MessageData;
  /** Rendered from the template (with the "cannot verify" prefix for that kind). */
  message: string;
  suggestion?: string;
  related?: RelatedLocation[];
  /** Values of the rule's identity fields present in `data`; none: the reported line's text identifies it. */
  identity: string[];
  /** Set by `ctx.cannotVerify`: the rule could not establish a fact. */
  unverified?: true;
}

/** A rule's finding as data: the message rendered once, the identity picked from the data. */
export function rawFinding(
  rule: Pick<RuleMeta, 'id' | 'messages' | 'identity'>,
  severity: Severity,
  repo: string,
  input: ReportInput,
  unverified?: boolean,
): RawFinding {
  const data = input.data ?? {};
  const rendered = renderMessage(rule.id, rule.messages, input.messageId, data);
  return {
    ruleId: rule.id,
    severity,
    repo: input.repo ?? repo,
    path: input.path,
    ...(input.at ? { at: input.at } : {}),
    messageId: input.messageId,
    data,
    message: unverified ? `${CANNOT_VERIFY_PREFIX}${rendered}` : rendered,
    ...(input.suggestion ? { suggestion: input.suggestion } : {}),
    ...(input.related?.length
      ? { related: input.related.map((r) => ({ repo: r.repo ?? input.repo ?? repo, path: r.path, line: r.at?.line ?? 1, column: r.at?.column ?? 1, ...(r.at?.endLine ? { endLine: r.at.endLine } : {}), ...(r.at?.endColumn ? { endColumn: r.at.endColumn } : {}), label: r.label })) }
      : {}),
    identity: (rule.identity ?? []).filter((k) => Object.hasOwn(data, k)).map((k) => `${k}=${data[k]}`),
    ...(unverified ? { unverified: true as const } : {}),
  };
}


const parserModules: Record<ViewParser, () => Promise<{ load: () => Promise<(text: string) => ParseOutcome<unknown>> }>> = {
  python: () => import('./parsers/python.js'),
  toml: () => import('./parsers/toml.js'),
  yaml: () => import('./parsers/yaml.js'),
  bash: () => import('./parsers/bash.js'),
  typescript: () => import('./parsers/typescript.js'),
  javascript: () => import('./parsers/javascript.js'),
  vue: () => import('./parsers/vue.js'),
  markdown: () => import('./parsers/markdown.js'),
  frontmatter: () => import('./parsers/frontmatter.js'),
  csv: () => import('./parsers/csv.js'),
  redirects: () => import('./parsers/redirects.js'),
  'glob-call': () => import('./parsers/theme-script.js'),
};

const PARSER_LABEL: Record<ViewParser, string> = {
  python: 'Python',
  toml: 'TOML',
  yaml: 'YAML',
  bash: 'bash',
  typescript: 'TypeScript',
  javascript: 'JavaScript',
  vue: 'a Vue component',
  markdown: 'Markdown',
  frontmatter: 'Markdown with YAML frontmatter',
  csv: 'CSV',
  redirects: 'redirects',
  'glob-call': 'a theme file',
};

/** The parser of a VitePress script file, by its extension. */
const SCRIPT_PARSER: Record<string, ParserName> = { ts: 'typescript', mts: 'typescript', cts: 'typescript', js: 'javascript', mjs: 'javascript', cjs: 'javascript', vue: 'vue' };

const loadedParsers = new Map<ViewParser, Promise<(text: string) => ParseOutcome<unknown>>>();

function parserFor(name: ViewParser) {
  let p = loadedParsers.get(name);
  if (!p) {
    p = parserModules[name]().then((m) => m.load());
    loadedParsers.set(name, p);
  }
  return p;
}

// Only a parser whose load is mostly off the main thread (wasm compiled in the background) is
// worth starting early: loading a JS parser costs main-thread time, wasted when the rule then
// finds nothing to parse (e.g. no workflow file).
const PRELOADED: ReadonlySet<ParserName> = new Set(['bash']);

/** Start loading a parser now so it is ready when a rule first asks. */
export function preloadParser(name: ParserName): void {
  if (PRELOADED.has(name)) parserFor(name).catch(() => undefined);
}

export { loadPicomatch };

export class RepoContext implements RepoView {
  readonly findings: RawFinding[] = [];
  /** Texts read so far, for excerpts, fingerprints and suppression comments. */
  readonly texts = new Map<string, string>();
  private readonly reads = new Map<string, Promise<string | undefined>>();
  private readonly views = new Map<string, Promise<unknown>>();
  private readonly memos = new Map<string, Promise<unknown>>();
  private readonly reportedUnreadable = new Set<string>();
  private identityLog?: IdentityLog;

  constructor(
    readonly info: RepoInfo,
    readonly source: Source,
    readonly git: GitFacts,
    readonly policy: ReleasePolicy,
    readonly today: string,
    private readonly parseErrorSeverity: Severity | 'off',
    /** Where parsed views are cached across runs; undefined: no cache. */
    private readonly cacheDir?: string,
  ) {}

  get kind(): RepoKind {
    return this.info.kind;
  }
  get mode(): Mode {
    return this.info.mode;
  }

  private metaFinding(path: string, messageId: string, data: MessageData, line = 1, column = 1): void {
    if (this.parseErrorSeverity === 'off') return;
    this.findings.push(rawFinding(META_RULES_BY_ID.get('meta/parse-error')!, this.parseErrorSeverity, this.info.name, { path, at: { line, column }, messageId, data }));
  }

  read(file: string): Promise<string | undefined> {
    const rel = normalisePath(file);
    let p = this.reads.get(rel);
    if (!p) {
      p = this.source.read(rel).then((res) => {
        if (res.ok) {
          this.texts.set(rel, res.text);
          return res.text;
        }
        if (res.reason === 'unreadable' && !this.reportedUnreadable.has(rel)) {
          this.reportedUnreadable.add(rel);
          this.metaFinding(rel, 'cannotRead', { path: rel, reason: res.detail });
        }
        return undefined;
      });
      this.reads.set(rel, p);
    }
    return p;
  }

  async readToSearch(file: string): Promise<string | undefined> {
    const rel = normalisePath(file);
    if (this.reads.has(rel)) return this.reads.get(rel);
    const res = await this.source.read(rel);
    return res.ok ? res.text : undefined;
  }

  async exists(file: string): Promise<boolean> {
    const rel = normalisePath(file);
    const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    return (await this.list(dir)).some((e) => e.path === rel);
  }

  list(dir: string): Promise<FileEntry[]> {
    const rel = normalisePath(dir);
    return this.memo(`list:${rel}`, async () => {
      const entries = await this.source.list(rel);
      this.reportUnlistedFolders();
      return entries;
    });
  }

  /** A folder that could not be listed is said once: its files are missing from every rule's view. */
  private reportUnlistedFolders(): void {
    for (const [dir, why] of this.source.listFailures?.() ?? []) {
      const shown = dir || '.';
      if (this.reportedUnreadable.has(`${shown}/`)) continue;
      this.reportedUnreadable.add(`${shown}/`);
      this.metaFinding(shown, 'cannotListFolder', { folder: shown, reason: why });
    }
  }

  async glob(pattern: string): Promise<string[]> {
    const picomatch = await loadPicomatch();
    const isMatch = picomatch(pattern, { dot: true });
    const files = await this.source.allFiles();
    this.reportUnlistedFolders();
    return files.filter((f) => isMatch(f));
  }

  private view<T>(parser: ViewParser, file: string): Promise<T | undefined> {
    const rel = normalisePath(file);
    const key = `${parser}:${rel}`;
    let p = this.views.get(key) as Promise<T | undefined> | undefined;
    if (!p) {
      p = (async () => {
        const outcome = await this.parse(parser, rel);
        if (outcome === undefined) return undefined;
        if (outcome.ok) return outcome.value as T;
        const { line, column, message } = outcome.error;
        this.metaFinding(rel, 'cannotParse', { path: rel, language: PARSER_LABEL[parser], error: message }, line, column);
        return undefined;
      })();
      this.views.set(key, p);
    }
    return p;
  }

  /**
   * The parse outcome of a file (undefined when it cannot be read), from the parse cache when it holds
   * one: first by the file's identity, without reading it; else by its content.
   */
  private async parse(parser: ViewParser, rel: string): Promise<ParseOutcome<unknown> | undefined> {
    const cache = this.cacheDir === undefined ? undefined : cacheFor(this.cacheDir, parser);
    if (!cache) {
      const text = await this.read(rel);
      return text === undefined ? undefined : (await parserFor(parser))(text);
    }
    return parseThroughCache(cache, parser, rel, {
      read: (f) => this.read(f),
      identity: async (f) => this.source.identity?.(f),
      // One log per repository, read once per run (this context).
      log: () => (this.identityLog ??= new IdentityLog(this.cacheDir!, this.info.root)),
      parser: () => parserFor(parser),
    });
  }

  python(file: string) {
    return this.view<import('./parsers/python.js').PythonFile>('python', file);
  }
  toml(file: string) {
    return this.view<import('./parsers/toml.js').TomlFile>('toml', file);
  }
  yaml(file: string) {
    return this.view<import('./parsers/yaml.js').YamlFile>('yaml', file);
  }
  bash(file: string) {
    return this.view<import('./parsers/bash.js').BashFile>('bash', file);
  }
  markdown(file: string) {
    return this.view<import('./parsers/markdown.js').MarkdownPage>('markdown', file);
  }
  frontmatter(file: string) {
    return this.view<import('./parsers/frontmatter.js').Frontmatter>('frontmatter', file);
  }
  csv(file: string) {
    return this.view<import('./parsers/csv.js').CsvFile>('csv', file);
  }
  redirects(file: string) {
    return this.view<import('./parsers/redirects.js').RedirectsFile>('redirects', file);
  }
  /** Facts of a VitePress script (config, sidebar files, theme), parsed by its extension. */
  script(file: string) {
    const parser = SCRIPT_PARSER[file.slice(file.lastIndexOf('.') + 1)];
    return parser ? this.view<import('./parsers/script-facts.js').ScriptFacts>(parser, file) : Promise.resolve(undefined);
  }
  /** A theme file's script facts when it may hold a glob call, else null (not parsed). */
  async themeScript(file: string) {
    return (await this.view<boolean>('glob-call', file)) ? this.script(file) : null;
  }
  vitepress() {
    return this.memo('vitepress', async () => {
      const { loadVitePressSite } = await import('./docs/site.js');
      return loadVitePressSite({ allFiles: () => this.source.allFiles(), read: (f) => this.read(f), script: (f) => this.script(f), themeScript: (f) => this.themeScript(f) });
    });
  }

  private readonly commitViews = new Map<string, CommitView>();

  atCommit(commit: string): CommitView {
    let view = this.commitViews.get(commit);
    if (!view) {
      // A file unchanged since that commit is the checked one's: its view is parsed once.
      const python = async (file: string, text: string) => {
        if ((await this.read(file)) === text) return this.python(file);
        // Found in the parse cache by content: a warm run parses no Python of the other commit either.
        const cache = this.cacheDir === undefined ? undefined : cacheFor(this.cacheDir, 'python');
        const outcome = cache ? await parseTextThroughCache(cache, 'python', text, () => parserFor('python')) : (await parserFor('python'))(text);
        return outcome.ok ? (outcome.value as import('./parsers/python.js').PythonFile) : undefined;
      };
      this.commitViews.set(commit, (view = commitView(this.git, commit, python)));
    }
    return view;
  }

  memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let p = this.memos.get(key) as Promise<T> | undefined;
    if (!p) {
      p = compute();
      this.memos.set(key, p);
    }
    return p;
  }

  /** The context handed to one rule: same views, plus reporting under the rule's id. */
  forRule(rule: Rule, severity: Severity, options: Record<string, unknown>, workspace: Map<RepoKind, RepoContext>): RuleContext {
    const repo = this;
    const push = (input: ReportInput, sev: Severity, unverified?: true) => repo.findings.push(rawFinding(rule, sev, repo.info.name, input, unverified));
    return {
      info: repo.info,
      kind: repo.kind,
      mode: repo.mode,
      policy: repo.policy,
      today: repo.today,
      git: repo.git,
      options,
      read: (f) => repo.read(f),
      readToSearch: (f) => repo.readToSearch(f),
      exists: (f) => repo.exists(f),
      list: (d) => repo.list(d),
      glob: (p) => repo.glob(p),
      python: (f) => repo.python(f),
      toml: (f) => repo.toml(f),
      yaml: (f) => repo.yaml(f),
      bash: (f) => repo.bash(f),
      markdown: (f) => repo.markdown(f),
      frontmatter: (f) => repo.frontmatter(f),
      csv: (f) => repo.csv(f),
      redirects: (f) => repo.redirects(f),
      vitepress: () => repo.vitepress(),
      atCommit: (c) => repo.atCommit(c),
      memo: (k, c) => repo.memo(k, c),
      report: (input) => push(input, severity),
      warn: (input) => push(input, severity === 'error' ? 'warning' : severity),
      note: (input) => push(input, 'note'),
      cannotVerify: (input) => push(input, 'note', true),
      repoOfKind: (kind) => {
        if (kind === repo.kind) return repo;
        if (!rule.reads?.includes(kind) && !rule.readsIfPresent?.includes(kind)) throw new Error(`${rule.id} reads the ${kind} repo without declaring it in reads or readsIfPresent`);
        return workspace.get(kind);
      },
    };
  }
}
