// porgs-lint.toml (or .yaml/.yml/.json): data only, never executed. Every mistake is a
// ConfigError with file:line and a "did you mean"; what is a mistake is said once, in the config
// definition (runner/config-definition.ts), which also makes the JSON Schema.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';
import { readRegularFile } from './user-files.js';
import { compileSafeRegex } from './safe-regex.js';
import { isWithin } from './paths.js';
import { CONFIG_DEFINITION, REPO_NAME } from './config-definition.js';
import { isTable, validateConfig } from './config-validate.js';
import { POLICY_ID, readPolicies, type LocalPolicy } from './local-policies.js';
import type { Mode, RepoKind, RuleMeta, Severity, SeveritySetting, Span } from './types.js';

export { optionProblem } from './config-validate.js';
export { REPO_NAME_RULE } from './config-definition.js';

export const CONFIG_NAMES = ['porgs-lint.toml', 'porgs-lint.yaml', 'porgs-lint.yml', 'porgs-lint.json'];

export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

export interface KindSettings {
  releaseBranches?: string[];
  releaseTag?: RegExp;
  tagFormat?: RegExp;
  devBranches?: string[];
  protectedBranches?: string[];
  rules: Map<string, RuleSetting>;
}

export interface RepoEntry {
  name: string;
  /** Absolute. */
  path: string;
  kind?: RepoKind;
  mode?: Mode;
}

export interface Config {
  file?: string;
  /** The config as named in messages: relative to the working directory, or `<name>@<rev>`. */
  displayFile?: string;
  /** Where a key path is written in the config, for messages at file:line. */
  locate?: Locate;
  ignore: string[];
  rules: Map<string, RuleSetting>;
  kinds: Partial<Record<RepoKind, KindSettings>>;
  repos: RepoEntry[];
  hook: { verifySignatures: boolean };
  /** `[[policy]]`: rules written as data (runner/local-policies.ts). */
  policies: LocalPolicy[];
}

export const EMPTY_CONFIG: Config = { ignore: [], rules: new Map(), kinds: {}, repos: [], hook: { verifySignatures: false }, policies: [] };

export class ConfigError extends UsageError {}

export type Locate = (keyPath: readonly string[]) => Span | undefined;

/** Configs are small; a bigger file in a checked repo is a mistake or an attack. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export function isValidRepoName(name: string): boolean {
  return REPO_NAME.test(name) && !name.includes('..');
}

/** A valid repo name made from a folder name; `maxLength` leaves room for a "-2" suffix. */
export function safeRepoName(folderName: string, maxLength = 60): string {
  const name = folderName
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, maxLength);
  return name || 'repo';
}

/** Where a key path (or its nearest located parent) is written in a config; line 1 when nowhere. */
export function settingSpan(config: Pick<Config, 'locate'>, keyPath: readonly string[]): Span {
  let span: Span | undefined;
  for (let n = keyPath.length; n > 0 && !span; n--) span = config.locate?.(keyPath.slice(0, n));
  return span ?? { line: 1, column: 1 };
}

/** `file:line:column` of a key path in a config, for messages. */
export function configPosition(config: Pick<Config, 'displayFile' | 'file' | 'locate'>, keyPath: readonly string[]): string {
  const { line, column } = settingSpan(config, keyPath);
  return `${config.displayFile ?? config.file ?? 'config'}:${line}:${column}`;
}

const realOrSelf = (p: string) => fs.realpath(p).catch(() => p);

async function parseConfigText(displayFile: string, text: string, file: string): Promise<{ data: unknown; locate: Locate }> {
  const where = (line: number, column: number) => `${displayFile}:${line}:${column}`;
  if (file.endsWith('.toml')) {
    const parse = await (await import('./parsers/toml.js')).load();
    const res = parse(text);
    if (!res.ok) throw new ConfigError(`${where(res.error.line, res.error.column)}: invalid TOML: ${res.error.message}`);
    return { data: res.value.data, locate: res.value.locate };
  }
  if (file.endsWith('.yaml') || file.endsWith('.yml')) {
    const parse = await (await import('./parsers/yaml.js')).load();
    const res = parse(text);
    if (!res.ok) throw new ConfigError(`${where(res.error.line, res.error.column)}: invalid YAML: ${res.error.message}`);
    return { data: res.value.data, locate: (p) => res.value.locate(p) };
  }
  try {
    return { data: JSON.parse(text), locate: (p) => locateJsonKey(text, p) };
  } catch (err) {
    const m = /position (\d+)/.exec(String(err));
    const { offsetToPosition } = await import('./parsers/parse-outcome.js');
    const pos = m ? offsetToPosition(text, Number(m[1])) : { line: 1, column: 1 };
    throw new ConfigError(`${where(pos.line, pos.column)}: invalid JSON: ${(err as Error).message}`);
  }
}

/** JSON keeps no positions; the last key of the path is found by its quoted text after its parents. */
function locateJsonKey(text: string, keyPath: readonly string[]): Span | undefined {
  let from = 0;
  for (const key of keyPath) {
    const i = text.indexOf(JSON.stringify(key), from);
    if (i === -1) return undefined;
    from = i;
  }
  const before = text.slice(0, from);
  const line = before.split('\n').length;
  return { line, column: from - before.lastIndexOf('\n') };
}

/** The config at the root of `dir`, whatever type of file it is (the loader refuses non-regular ones). */
export async function findConfig(dir: string): Promise<string | undefined> {
  for (const name of CONFIG_NAMES) {
    const p = path.join(dir, name);
    try {
      await fs.lstat(p);
      return p;
    } catch {
      /* not there */
    }
  }
  return undefined;
}

export interface LoadOptions {
  /** Named by the user (`--config`): a symbolic link is followed. A config found in a checked repo is not. */
  named?: boolean;
  /** `[repos.*] path` must lie inside this folder (a config found in a repo, in CI). */
  confineReposTo?: string;
  /** With `confineReposTo`: leave entries outside it out instead of failing (folders given on the command line make the workspace). */
  dropOutsideRepos?: boolean;
}

export async function loadConfig(file: string, knownRules: readonly RuleMeta[], displayFile = file, options: LoadOptions = {}): Promise<Config> {
  const read = await readRegularFile(file, MAX_CONFIG_BYTES, options.named ? 'follow' : 'refuse');
  if (!read.ok) {
    const why = !options.named && read.reason.startsWith('a symbolic link') ? '; porgs-lint does not follow links in a checked repository' : '';
    throw new ConfigError(`${displayFile}: cannot read config: ${read.reason}${why}`);
  }
  const { confineReposTo, dropOutsideRepos } = options;
  return parseConfig(read.text, knownRules, { file, displayFile, baseDir: path.dirname(file), confineReposTo, dropOutsideRepos });
}

export interface ConfigOrigin {
  /** The file (or, for a config read from git, its name): its extension tells the syntax. */
  file: string;
  displayFile: string;
  /** Folder `[repos.*] path` is relative to. */
  baseDir: string;
  confineReposTo?: string;
  dropOutsideRepos?: boolean;
}

type Fail = (keyPath: readonly string[], message: string) => never;
type Data = Record<string, unknown>;

export async function parseConfig(text: string, knownRules: readonly RuleMeta[], origin: ConfigOrigin): Promise<Config> {
  const { file, displayFile } = origin;
  const { data, locate } = await parseConfigText(displayFile, text, file);
  const fail: Fail = (keyPath, message) => {
    throw new ConfigError(`${configPosition({ displayFile, locate }, keyPath)}: ${message}`);
  };
  // A config may come with the checked repository: naming code to load is never its part.
  if (isTable(data) && Object.hasOwn(data, 'plugins')) fail(['plugins'], 'a config file cannot name plugins, since a config may come with the checked repository; plugins are loaded only from --plugin <absolute path or package> or the plugins option of lint(): remove "plugins" here');
  // `[rules]` may name the policies this config defines.
  const policyIds = isTable(data) && Array.isArray(data.policy) ? data.policy.map((p) => (isTable(p) && typeof p.id === 'string' && POLICY_ID.test(p.id) ? p.id : '')).filter(Boolean) : [];
  const rules = new Map<string, Pick<RuleMeta, 'id' | 'options'>>([...knownRules.map((r) => [r.id, r] as const), ...policyIds.map((id) => [id, { id }] as const)]);
  validateConfig(data, CONFIG_DEFINITION, { fail, rules });
  const root = data as Data;
  const config: Config = { file, displayFile, locate, ignore: (root.ignore as string[] | undefined) ?? [], rules: new Map(), kinds: {}, repos: [], hook: { verifySignatures: false }, policies: [] };
  if (root.rules !== undefined) config.rules = ruleSettings(root.rules as Data);
  for (const [kind, t] of Object.entries((root.kinds ?? {}) as Record<RepoKind, Data>)) config.kinds[kind as RepoKind] = kindSettings(t);
  if (root.repos !== undefined) config.repos = await parseRepos(root.repos as Data, origin, fail);
  const hook = root.hook as Data | undefined;
  if (hook?.['verify-signatures'] !== undefined) config.hook.verifySignatures = hook['verify-signatures'] as boolean;
  if (root.policy !== undefined) config.policies = readPolicies(root.policy as Data[], fail, (keyPath) => configPosition(config, keyPath));
  return config;
}

/** Validated `[rules]` data as settings. */
function ruleSettings(table: Data): Map<string, RuleSetting> {
  const out = new Map<string, RuleSetting>();
  for (const [id, value] of Object.entries(table)) {
    if (typeof value === 'string') out.set(id, { severity: value as SeveritySetting });
    else {
      const t = value as { severity?: SeveritySetting; options?: Record<string, unknown> };
      out.set(id, { ...(t.severity !== undefined ? { severity: t.severity } : {}), ...(t.options !== undefined ? { options: t.options } : {}) });
    }
  }
  return out;
}

/** Validated `[kinds.<kind>]` data: the release policy keys it sets, and its rule settings. */
function kindSettings(t: Data): KindSettings {
  const settings: KindSettings = { rules: new Map() };
  const branches = (key: string) => t[key] as string[] | undefined;
  const pattern = (key: string) => (t[key] === undefined ? undefined : (compileSafeRegex(t[key] as string) as { regex: RegExp }).regex);
  settings.releaseBranches = branches('release-branches');
  settings.devBranches = branches('dev-branches');
  settings.protectedBranches = branches('protected-branches');
  settings.releaseTag = pattern('release-tag');
  settings.tagFormat = pattern('tag-format');
  for (const k of Object.keys(settings) as (keyof KindSettings)[]) if (settings[k] === undefined) delete settings[k];
  if (t.rules !== undefined) settings.rules = ruleSettings(t.rules as Data);
  return settings;
}

/** Validated `[repos.*]` data as workspace members: folders resolved, confined in CI, each folder once. */
async function parseRepos(value: Data, origin: ConfigOrigin, fail: Fail): Promise<RepoEntry[]> {
  const repos: RepoEntry[] = [];
  const byFolder = new Map<string, string>();
  const byLowerName = new Map<string, string>();
  const home = origin.confineReposTo && { lexical: origin.confineReposTo, real: await realOrSelf(origin.confineReposTo) };
  for (const [name, v] of Object.entries(value)) {
    const twin = byLowerName.get(name.toLowerCase());
    if (twin) fail(['repos', name], `repos.${name} and repos.${twin} differ only in case: their {repo} report files would be one file on a case-insensitive file system; rename one`);
    byLowerName.set(name.toLowerCase(), name);
    const t = v as { path: string; kind?: RepoKind; mode?: Mode | 'auto' };
    const folder = path.resolve(origin.baseDir, t.path);
    // Through the real path: a committed link `sub -> ../private` must not pass for a folder inside.
    const real = await realOrSelf(folder);
    if (home && !(isWithin(folder, home.lexical) && isWithin(real, home.real))) {
      if (origin.dropOutsideRepos) continue;
      fail(
        ['repos', name, 'path'],
        `repos.${name}.path "${t.path}" names a folder outside ${home.lexical}, the repository this config was found in; in CI (CI is set) such a config may only name folders inside its repository: pass the repositories as folder arguments (porgs-lint ../Exegol ../Exegol-docs) or a config of your own with --config <file>`,
      );
    }
    const same = byFolder.get(real);
    if (same) fail(['repos', name, 'path'], `repos.${name}.path names the same folder as repos.${same}: one folder is one repo; remove one of the two entries`);
    byFolder.set(real, name);
    repos.push({ name, path: folder, kind: t.kind, mode: t.mode === 'auto' ? undefined : t.mode });
  }
  return repos;
}

/** Effective severity and options of a rule for a repo kind: kind settings over global over defaults. */
/**
 * A rule's severity and options for a kind of repo: the config's setting, else the rule's default
 * (`off` for a rule not enabled by default, unless `selected`: named with `--rule`).
 */
export function ruleSetting(
  config: Config,
  meta: Pick<RuleMeta, 'id' | 'severity' | 'options' | 'enabledByDefault'>,
  kind: RepoKind,
  selected = false,
): { severity: SeveritySetting; options: Record<string, unknown> } {
  const global = config.rules.get(meta.id);
  const perKind = config.kinds[kind]?.rules.get(meta.id);
  const defaults = Object.fromEntries(Object.entries(meta.options ?? {}).map(([k, o]) => [k, o.default]));
  return {
    severity: perKind?.severity ?? global?.severity ?? (meta.enabledByDefault === false && !selected ? 'off' : meta.severity),
    options: { ...defaults, ...global?.options, ...perKind?.options },
  };
}

export type { Severity };
