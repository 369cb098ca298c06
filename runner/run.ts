// The run loop: workspace -> repo contexts -> rules -> diagnostics (data). No output here.
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { ConfigError, EMPTY_CONFIG, ruleSetting, safeRepoName, type Config } from './config.js';
import { CONFIG_RELAXED, relaxedSettings } from './config-relaxed.js';
import { chooseConfig, type ConfigChoice } from './config-source.js';
import { RepoContext, preloadParser, rawFinding } from './context.js';
import { metaRule } from '../rules/meta/_meta.js';
import { isRealDate } from './dates.js';
import { fingerprint } from './fingerprint.js';
import { didYouMean, UsageError } from './errors.js';
import { allRuleMeta, loadRules, META_RULES } from './registry.js';
import { configEntry, resolveRepo, type RepoModel } from './repo-model.js';
import { runResult } from './result.js';
import { finish } from './finish.js';
import { MISSING_REPO, type Mode, type RepoKind, type Rule, type RuleMeta, type RunResult, type Severity } from './types.js';
import { shellPath } from './shell-quote.js';
import type { Source } from './source.js';
import { unavailableGit, type GitFacts } from './git-facts.js';
import { pluginLabel, pluginsForRun, refuseInsideRepos, type LoadedPlugins, type PluginSpec } from './plugins.js';

export interface LintOptions {
  /** Repo folders; default: the config's repos, else the current folder. */
  dirs?: string[];
  mode?: Mode | 'auto';
  rev?: string;
  kind?: RepoKind;
  /** Run only these rule ids. */
  rules?: string[];
  /** Rules added by a program embedding porgs-lint, run like the built-in ones. */
  extraRules?: Rule[];
  /**
   * Plugins to load (docs/plugins.md): a module's absolute path, the name of a package installed
   * beside porgs-lint, or a plugin object. Their rules have ids `<plugin>/<rule>`.
   */
  plugins?: readonly PluginSpec[];
  today?: string;
  configPath?: string;
  /** Read the config from this trusted revision of the first repo; report how the checked-out one relaxes it. */
  configRev?: string;
  /** The baseline the caller applies: with `configRev`, entries added since that revision are reported. */
  baselinePath?: string;
  /** Use this config instead of reading one (the hook passes its own). */
  config?: Config;
  cwd?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Cache parsed bash views in this folder across runs (the CLI's default; the API caches nothing). */
  cacheDir?: string;
  /** Repos given as data (files and git facts) instead of folders: nothing is read from disk for them. */
  repos?: ProvidedRepo[];
}

export interface ProvidedRepo {
  /** Display name, unique within the run. */
  name: string;
  source: Source;
  /** Default: no git (`available: false`). */
  git?: GitFacts;
  /** The repo's kind and mode, for one repo among several given as data (default: the run's `kind` and `mode`, else detected). */
  kind?: RepoKind;
  mode?: Mode;
}

const NO_GIT = 'the repo was given without git facts';

export interface PreparedRepo extends RepoModel {
  ctx?: RepoContext;
}

export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export { fingerprint };

/** The rules of a config's `[[policy]]` entries; the module is loaded only when there are some. */
export async function configPolicyRules(config: Config): Promise<Rule[]> {
  if (!config.policies.length) return [];
  const { policyRule } = await import('./policy-rules.js');
  return config.policies.map(policyRule);
}

async function resolveConfig(opts: LintOptions, cwd: string, firstDir: string | undefined, plugins?: LoadedPlugins): Promise<ConfigChoice> {
  if (opts.config) return { config: opts.config };
  // Repos given as data have no folder to find a config in.
  if (opts.repos?.length && !opts.configPath) return { config: EMPTY_CONFIG };
  const baselinePath = opts.baselinePath === undefined ? undefined : path.resolve(cwd, opts.baselinePath);
  const extraRules = [...(opts.extraRules ?? []), ...(plugins?.rules ?? [])];
  try {
    return await chooseConfig({ configPath: opts.configPath, configRev: opts.configRev, firstDir, cwd, env: opts.env ?? process.env, baselinePath, extraRules });
  } catch (err) {
    // A config that sets a rule of a plugin that failed to load would otherwise only say "unknown rule id".
    const failed = plugins?.failures ?? [];
    if (!(err instanceof ConfigError) || !failed.length) throw err;
    throw new ConfigError(`${err.message}; ${failed.map((f) => `${pluginLabel(f.plugin)} could not be loaded (${f.error})`).join('; ')}`);
  }
}

/** A folder that exists but cannot be listed is said so, not mistaken for a missing one. */
async function checkRepoFolder(dir: string, root: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(root);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`cannot read ${dir}: permission denied; give this user read access to it and its parent folders`);
    throw new UsageError(`${dir}: no such folder`);
  }
  if (!stat.isDirectory()) throw new UsageError(`${dir}: not a folder`);
  try {
    await fs.access(root, fsConstants.R_OK | fsConstants.X_OK);
  } catch {
    throw new UsageError(`cannot read ${dir}: permission denied; give this user read access to it`);
  }
}

async function prepareRepo(dir: string, name: string, opts: LintOptions, config: Config, cwd: string, namedBy?: string): Promise<PreparedRepo> {
  const root = path.resolve(cwd, dir);
  const given = opts.repos?.find((r) => r.name === name);
  if (!given) await checkRepoFolder(dir, root);
  return resolveRepo({
    provided: given && { source: given.source, git: given.git ?? unavailableGit(NO_GIT) },
    root,
    dir,
    name,
    cwd,
    config,
    env: opts.env ?? process.env,
    rev: opts.rev,
    kind: given?.kind ? { kind: given.kind, source: 'given with the repo' } : opts.kind ? { kind: opts.kind, source: '--kind' } : undefined,
    mode: given?.mode ? { mode: given.mode, source: 'given with the repo' } : opts.mode && opts.mode !== 'auto' ? { mode: opts.mode, source: `--mode ${opts.mode}` } : undefined,
    namedBy,
  });
}

/** Names from folder names, made safe as file names (`{repo}`) and unique, also ignoring case. */
function uniqueNames(dirs: string[], cwd: string): string[] {
  const taken = new Set<string>();
  return dirs.map((d) => {
    const base = safeRepoName(path.basename(path.resolve(cwd, d)));
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

async function applies(rule: RuleMeta, repo: PreparedRepo, config: Config, selected = false): Promise<{ run: boolean; why: string }> {
  const { kind, mode } = repo.info;
  if (!rule.kinds.includes(kind)) return { run: false, why: `applies to ${rule.kinds.join(', ')} repos, this is a ${kind} repo` };
  if (!rule.modes.includes(mode)) return { run: false, why: `runs in ${rule.modes.join(', ')} mode, this run is ${mode} (${repo.info.modeReason})` };
  if (ruleSetting(config, rule, kind, selected).severity === 'off') {
    const setInConfig = config.rules.has(rule.id) || config.kinds[kind]?.rules.has(rule.id);
    if (setInConfig || rule.enabledByDefault !== false) return { run: false, why: 'turned off in the config' };
    return { run: false, why: `off by default: turn it on in the config ("${rule.id}" = "${rule.severity}" under [rules]) or name it with --rule` };
  }
  if (rule.onReleaseTag) {
    const tags = await repo.git.tagsAtCommit();
    if (!tags.some((t) => repo.policy.releaseTag.test(t.name))) return { run: false, why: 'runs only on a commit with a release tag, and this commit has none' };
  }
  return { run: true, why: `applies to ${kind} repos in ${mode} mode` };
}

/** Why a rule does or does not run for a repo (for `explain`). */
export async function explainApplicability(ruleId: string, opts: LintOptions): Promise<string[]> {
  const cwd = opts.cwd ?? process.cwd();
  const dirs = opts.dirs?.length ? opts.dirs : ['.'];
  const { config } = await resolveConfig(opts, cwd, dirs[0]);
  const meta = [...(await allRuleMeta()), ...(opts.extraRules ?? []), ...(await configPolicyRules(config))].find((r) => r.id === ruleId);
  if (!meta) return [];
  const names = uniqueNames(dirs, cwd);
  const repos: PreparedRepo[] = [];
  try {
    for (let i = 0; i < dirs.length; i++) repos.push(await prepareRepo(dirs[i], names[i], opts, config, cwd));
    const kinds = new Set(repos.map((r) => r.info.kind));
    const missing = (meta.reads ?? []).filter((k) => !kinds.has(k));
    const out: string[] = [];
    for (const repo of repos) {
      let { run, why } = await applies(meta, repo, config);
      if (run && missing.length) [run, why] = [false, `it compares with the ${missing.join(' and ')} repo, which this run does not have: give its folder too (it says "cannot verify")`];
      else if (run && meta.reads?.length) why += `, compared with the ${meta.reads.join(' and ')} repo of this run`;
      out.push(`${repo.info.displayPath} (${repo.info.kind}, ${repo.info.mode} mode: ${repo.info.modeReason}): ${run ? 'runs' : 'does not run'}: ${why}`);
    }
    return out;
  } finally {
    for (const r of repos) r.git.close();
  }
}

export async function lint(opts: LintOptions = {}): Promise<RunResult> {
  const startTime = new Date().toISOString();
  const cwd = opts.cwd ?? process.cwd();
  const today = opts.today ?? localToday();
  if (!isRealDate(today)) throw new UsageError(`--today ${today}: expected a real date as YYYY-MM-DD`);

  const explicitDirs = opts.repos?.length ? opts.repos.map((r) => r.name) : opts.dirs?.length ? opts.dirs : undefined;
  const folders = (dirs: readonly string[]) => (opts.repos?.length ? [] : dirs.map((d) => path.resolve(cwd, d)));
  const plugins = await pluginsForRun(opts.plugins, folders(explicitDirs ?? ['.']));
  const { config, trusted } = await resolveConfig(opts, cwd, explicitDirs?.[0], plugins);
  const fromConfig = !explicitDirs && config.repos.length > 0;
  const dirs = explicitDirs ?? (fromConfig ? config.repos.map((e) => e.path) : ['.']);
  // The config's [repos] are known only now: a plugin inside one of them is refused before any rule runs.
  if (fromConfig) for (const file of plugins.files) await refuseInsideRepos(file, folders(dirs), pluginLabel(file));
  // A config's policies run like the rules a caller or a plugin adds.
  const extraRules = [...(opts.extraRules ?? []), ...plugins.rules, ...(await configPolicyRules(config))];
  // A folder given on the command line keeps the kind and mode its config entry sets; a repo the
  // config brought into the workspace says which config named it.
  const entries = dirs.map((d) => configEntry(config, path.resolve(cwd, d)));
  const names = opts.repos?.length ? opts.repos.map((r) => r.name) : fromConfig ? config.repos.map((e) => e.name) : uniqueNames(dirs, cwd);

  const known = new Map<string, RuleMeta>([...(await allRuleMeta()), ...extraRules].map((r) => [r.id, r]));
  if (opts.rules?.length) {
    for (const id of opts.rules) {
      if (!known.has(id)) throw new UsageError(`--rule ${id}: unknown rule id${didYouMean(id, known.keys())}; see porgs-lint --list-rules`);
    }
  }
  const isSelected = (id: string) => !opts.rules?.length || opts.rules.includes(id);
  // A rule named with --rule runs even when it is off by default (not when the config turns it off).
  const named = (id: string) => !!opts.rules?.includes(id);

  const repos: PreparedRepo[] = [];
  try {
    // With a parse cache, most runs never load a parser: loading one ahead would be wasted.
    const preload = (kind: RepoKind | undefined, mode?: Mode) => {
      if (opts.cacheDir !== undefined || !kind) return;
      for (const r of known.values()) if (isSelected(r.id) && r.kinds.includes(kind) && (!mode || r.modes.includes(mode))) r.parsers?.forEach(preloadParser);
    };
    for (let i = 0; i < dirs.length; i++) {
      preload(opts.repos?.[i]?.kind ?? opts.kind ?? entries[i]?.kind);
      const repo = await prepareRepo(dirs[i], names[i], opts, config, cwd, fromConfig ? config.displayFile : undefined);
      preload(repo.info.kind, repo.info.mode);
      repos.push(repo);
    }
    // Only the modules of rules that run on some repo are loaded (kind, mode, severity, release tag).
    const runs = new Set<string>();
    await Promise.all(
      [...known.values()].map(async (meta) => {
        if (!isSelected(meta.id)) return;
        for (const repo of repos) if ((await applies(meta, repo, config, named(meta.id))).run) return void runs.add(meta.id);
      }),
    );
    // A rule given by the caller replaces a built-in of the same id (the rule tester runs a definition).
    const given = new Set(extraRules.map((r) => r.id));
    const selected = [...(await loadRules({ ids: runs })).filter((r) => !given.has(r.id)), ...extraRules].filter((r) => isSelected(r.id));
    const severityOf = (id: string, kind: RepoKind) => ruleSetting(config, known.get(id)!, kind, named(id)).severity;
    const workspace = new Map<RepoKind, RepoContext>();
    for (const repo of repos) {
      const parseSev = severityOf('meta/parse-error', repo.info.kind);
      repo.ctx = new RepoContext(repo.info, repo.source, repo.git, repo.policy, today, parseSev, opts.cacheDir);
      if (!workspace.has(repo.info.kind)) workspace.set(repo.info.kind, repo.ctx);
    }

    if (trusted) reportRelaxations(repos, trusted, config, [...known.values()], severityOf);

    const enabled = new Map<string, { meta: RuleMeta; severity: Severity }>();
    const ran = new Map<string, Set<string>>();
    const missingSaid = new Set<string>();
    const rulesRun: Record<string, Record<string, Severity>> = {};
    let executionSuccessful = plugins.failures.length === 0;
    for (const { plugin, error } of plugins.failures) {
      const first = repos[0];
      first?.ctx!.findings.push(rawFinding(metaRule('meta/internal-error'), 'error', first.info.name, { path: '.', messageId: 'pluginFailed', data: { plugin, error } }));
    }
    // The repos run at once, so one repo's git waits overlap another's parsing; what depends on the
    // order (a rule's recorded severity, which repo says a missing repo's note) is settled after,
    // in the repos' order.
    const waiting = new Map<PreparedRepo, Array<{ rule: Rule; missing: RepoKind[] }>>();
    await Promise.all(
      repos.map(async (repo) => {
        const ctx = repo.ctx!;
        const ranHere = new Set<string>();
        ran.set(repo.info.name, ranHere);
        const severityHere: Record<string, Severity> = (rulesRun[repo.info.name] = {});
        const missingHere: Array<{ rule: Rule; missing: RepoKind[] }> = [];
        waiting.set(repo, missingHere);
        await Promise.all(
          selected.map(async (rule: Rule) => {
            if (!(await applies(rule, repo, config, named(rule.id))).run) return;
            const { severity, options } = ruleSetting(config, rule, repo.info.kind, named(rule.id));
            if (severity === 'off') return;
            ranHere.add(rule.id);
            severityHere[rule.id] = severity;
            const missing = rule.reads?.filter((k) => !workspace.has(k)) ?? [];
            if (missing.length) return void missingHere.push({ rule, missing });
            try {
              await rule.check(ctx.forRule(rule, severity, options, workspace));
            } catch (err) {
              executionSuccessful = false;
              const error = String((err as Error)?.message ?? err);
              ctx.findings.push(rawFinding(metaRule('meta/internal-error'), 'error', repo.info.name, { path: '.', messageId: 'ruleFailed', data: { rule: rule.id, error } }));
            }
          }),
        );
      }),
    );
    for (const repo of repos) {
      for (const rule of selected) {
        const severity = rulesRun[repo.info.name]?.[rule.id];
        if (severity && !enabled.has(rule.id)) enabled.set(rule.id, { meta: rule, severity });
      }
      const missingHere = (waiting.get(repo) ?? []).sort((a, b) => selected.indexOf(a.rule) - selected.indexOf(b.rule));
      for (const { rule, missing } of missingHere) missingRepoNotes(rule, repo, missing, missingSaid);
    }
    for (const meta of META_RULES) {
      const sev = repos.length ? severityOf(meta.id, repos[0].info.kind) : meta.severity;
      if (sev !== 'off') enabled.set(meta.id, { meta, severity: sev });
    }

    const diagnostics = await finish(repos, config, ran, severityOf);
    const byName = new Map(repos.map((r) => [r.info.name, r]));
    return runResult({
      repos: repos.map((r) => r.info),
      diagnostics,
      rules: [...enabled.values()].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1)),
      rulesRun,
      readFile: (repo, file) => byName.get(repo)?.ctx?.texts.get(file),
      startTime,
      executionSuccessful,
    });
  } finally {
    for (const r of repos) r.git.close();
  }
}

/**
 * A cross-repo rule whose other repo is not in the run does not run: one "cannot verify" note per
 * rule and missing kind in the run, in the first repo it applies to, naming the repo to add.
 */
function missingRepoNotes(rule: Rule, repo: PreparedRepo, missing: readonly RepoKind[], said: Set<string>): void {
  for (const kind of missing) {
    if (said.has(`${rule.id}\0${kind}`)) continue;
    said.add(`${rule.id}\0${kind}`);
    const data = { kind, repo: repo.info.name, folder: shellPath(repo.info.displayPath) };
    repo.ctx!.findings.push(rawFinding({ ...rule, identity: ['kind'] }, 'note', repo.info.name, { path: '.', messageId: MISSING_REPO, data }, true));
  }
}

/** `meta/config-relaxed` findings, in the repo the trusted config was read from. */
function reportRelaxations(
  repos: PreparedRepo[],
  trusted: NonNullable<ConfigChoice['trusted']>,
  config: Config,
  rules: RuleMeta[],
  severityOf: (id: string, kind: RepoKind) => Severity | 'off',
): void {
  const repo = repos.find((r) => r.info.root === trusted.root) ?? repos[0];
  const severity = repo && severityOf(CONFIG_RELAXED, repo.info.kind);
  if (!repo || severity === 'off') return;
  for (const r of relaxedSettings(trusted, config, rules)) {
    repo.ctx!.findings.push(rawFinding(metaRule(CONFIG_RELAXED), severity, repo.info.name, { path: r.path, at: r.at, messageId: r.messageId, data: r.data }));
  }
}


export { ConfigError };
