// porgs-lint.toml (or .yaml/.yml/.json): data only, never executed. Every mistake is a
// ConfigError with file:line and a "did you mean".
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { didYouMean, UsageError } from './errors.js';
import { readRegularFile } from './user-files.js';
import { refNameProblem } from './ref-names.js';
import { compileSafeRegex } from './safe-regex.js';
import { unsafeGlobReason } from './safe-glob.js';
import { isWithin } from './paths.js';
import type { Mode, RepoKind, RuleMeta, RuleOption, Severity, SeveritySetting, Span } from './types.js';
import { REPO_KINDS } from './types.js';

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
}

export const EMPTY_CONFIG: Config = { ignore: [], rules: new Map(), kinds: {}, repos: [], hook: { verifySignatures: false } };

export class ConfigError extends UsageError {}

export type Locate = (keyPath: readonly string[]) => Span | undefined;

/** Configs are small; a bigger file in a checked repo is a mistake or an attack. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Repo names become file names (`--format sarif=reports/{repo}.sarif`): letters, digits, `.`, `_`
 * and `-`, starting with a letter or digit, at most 64, and no `..`.
 */
const REPO_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const REPO_NAME_RULE = 'use letters, digits, ".", "_" and "-", start with a letter or digit, at most 64 characters, no ".."';

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

const SEVERITY_VALUES: readonly SeveritySetting[] = ['off', 'note', 'warning', 'error'];

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
type CheckKeys = (obj: Record<string, unknown>, allowed: readonly string[], at: readonly string[]) => void;
const isTable = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function parseConfig(text: string, knownRules: readonly RuleMeta[], origin: ConfigOrigin): Promise<Config> {
  const { file, displayFile } = origin;
  const { data, locate } = await parseConfigText(displayFile, text, file);
  const fail: Fail = (keyPath, message) => {
    throw new ConfigError(`${configPosition({ displayFile, locate }, keyPath)}: ${message}`);
  };
  const checkKeys: CheckKeys = (obj, allowed, at) => {
    for (const k of Object.keys(obj)) {
      if (!allowed.includes(k)) fail([...at, k], `unknown key "${[...at, k].join('.')}"${didYouMean(k, allowed)}; allowed: ${allowed.join(', ')}`);
    }
  };
  const stringList = (v: unknown, at: readonly string[]): string[] => {
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) fail(at, `"${at.join('.')}" must be a list of strings`);
    return v as string[];
  };
  const ruleIds = knownRules.map((r) => r.id);
  const byId = new Map(knownRules.map((r) => [r.id, r]));

  const parseRules = (obj: unknown, at: readonly string[]): Map<string, RuleSetting> => {
    if (!isTable(obj)) fail(at, `"${at.join('.')}" must be a table of rule ids`);
    const out = new Map<string, RuleSetting>();
    for (const [id, value] of Object.entries(obj as Record<string, unknown>)) {
      const meta = byId.get(id);
      if (!meta) fail([...at, id], `unknown rule id "${id}"${didYouMean(id, ruleIds)}; see porgs-lint --list-rules`);
      const setting: RuleSetting = {};
      const sev = (v: unknown, p: readonly string[]) => {
        if (typeof v !== 'string' || !SEVERITY_VALUES.includes(v as SeveritySetting)) {
          fail(p, `severity of ${id} must be one of ${SEVERITY_VALUES.join(', ')}${typeof v === 'string' ? didYouMean(v, SEVERITY_VALUES) : ''}`);
        }
        return v as SeveritySetting;
      };
      if (typeof value === 'string') setting.severity = sev(value, [...at, id]);
      else if (isTable(value)) {
        checkKeys(value, ['severity', 'options'], [...at, id]);
        if (value.severity !== undefined) setting.severity = sev(value.severity, [...at, id, 'severity']);
        if (value.options !== undefined) {
          if (!isTable(value.options)) fail([...at, id, 'options'], `options of ${id} must be a table`);
          const declared = meta!.options ?? {};
          for (const [name, v] of Object.entries(value.options as Record<string, unknown>)) {
            const spec = declared[name];
            if (!spec) fail([...at, id, 'options', name], `${id} has no option "${name}"${didYouMean(name, Object.keys(declared))}`);
            const problem = optionProblem(spec!, v);
            if (problem) fail([...at, id, 'options', name], `option "${name}" of ${id} ${problem}`);
          }
          setting.options = value.options as Record<string, unknown>;
        }
      } else fail([...at, id], `setting of ${id} must be a severity string or a table { severity, options }`);
      out.set(id, setting);
    }
    return out;
  };

  if (!isTable(data)) fail([], 'the config must be a table of settings');
  const root = data as Record<string, unknown>;
  // A config may come with the checked repository: naming code to load is never its part.
  if (Object.hasOwn(root, 'plugins')) fail(['plugins'], 'a config file cannot name plugins, since a config may come with the checked repository; plugins are loaded only from --plugin <absolute path or package> or the plugins option of lint(): remove "plugins" here');
  checkKeys(root, ['ignore', 'rules', 'kinds', 'repos', 'hook'], []);
  const config: Config = { file, displayFile, locate, ignore: [], rules: new Map(), kinds: {}, repos: [], hook: { verifySignatures: false } };
  if (root.ignore !== undefined) {
    config.ignore = stringList(root.ignore, ['ignore']);
    config.ignore.forEach((glob, i) => {
      const why = unsafeGlobReason(glob);
      if (why) fail(['ignore', String(i)], `ignore glob "${glob}" ${why}`);
    });
  }
  if (root.rules !== undefined) config.rules = parseRules(root.rules, ['rules']);
  if (root.kinds !== undefined) {
    if (!isTable(root.kinds)) fail(['kinds'], '"kinds" must be a table keyed by repo kind');
    for (const [kind, v] of Object.entries(root.kinds as Record<string, unknown>)) {
      if (!REPO_KINDS.includes(kind as RepoKind)) fail(['kinds', kind], `unknown repo kind "${kind}"${didYouMean(kind, REPO_KINDS)}`);
      if (!isTable(v)) fail(['kinds', kind], `"kinds.${kind}" must be a table`);
      const t = v as Record<string, unknown>;
      checkKeys(t, [...POLICY_KEYS, 'rules'], ['kinds', kind]);
      const settings: KindSettings = { rules: new Map() };
      const at = (key: string) => ['kinds', kind, key];
      const branches = (key: string) => (t[key] === undefined ? undefined : branchList(t[key], at(key), fail, stringList));
      const pattern = (key: string) => (t[key] === undefined ? undefined : policyRegex(t[key], key, at(key), fail));
      settings.releaseBranches = branches('release-branches');
      settings.devBranches = branches('dev-branches');
      settings.protectedBranches = branches('protected-branches');
      settings.releaseTag = pattern('release-tag');
      settings.tagFormat = pattern('tag-format');
      for (const k of Object.keys(settings) as (keyof KindSettings)[]) if (settings[k] === undefined) delete settings[k];
      if (t.rules !== undefined) settings.rules = parseRules(t.rules, ['kinds', kind, 'rules']);
      config.kinds[kind as RepoKind] = settings;
    }
  }
  if (root.repos !== undefined) config.repos = await parseRepos(root.repos, origin, fail, checkKeys);
  if (root.hook !== undefined) {
    if (!isTable(root.hook)) fail(['hook'], '"hook" must be a table');
    const t = root.hook as Record<string, unknown>;
    checkKeys(t, ['verify-signatures'], ['hook']);
    if (t['verify-signatures'] !== undefined) {
      if (typeof t['verify-signatures'] !== 'boolean') fail(['hook', 'verify-signatures'], 'verify-signatures must be true or false');
      config.hook.verifySignatures = t['verify-signatures'] as boolean;
    }
  }
  return config;
}

/** The release-policy keys of `[kinds.<kind>]` (runner/policy.ts). */
const POLICY_KEYS = ['release-branches', 'release-tag', 'tag-format', 'dev-branches', 'protected-branches'] as const;

/** Branch names, each one git would accept as `refs/heads/<name>`. */
function branchList(v: unknown, at: readonly string[], fail: Fail, stringList: (v: unknown, at: readonly string[]) => string[]): string[] {
  const names = stringList(v, at);
  for (const name of names) {
    const problem = refNameProblem(`refs/heads/${name}`);
    if (problem || name === '') fail(at, `"${at.join('.')}": "${name}" is not a branch name git accepts (refs/heads/${name} ${problem ?? 'is empty'})`);
  }
  return names;
}

/** A release-policy pattern, compiled through the safe-regex subset. */
function policyRegex(v: unknown, key: string, at: readonly string[], fail: Fail): RegExp {
  if (typeof v !== 'string') fail(at, `${key} must be a regular expression string`);
  const compiled = compileSafeRegex(v as string);
  if (!compiled.ok) fail(at, `${key} ${compiled.reason}`);
  return (compiled as { regex: RegExp }).regex;
}

async function parseRepos(value: unknown, origin: ConfigOrigin, fail: Fail, checkKeys: CheckKeys): Promise<RepoEntry[]> {
  if (!isTable(value)) fail(['repos'], '"repos" must be a table keyed by repo name');
  const repos: RepoEntry[] = [];
  const byFolder = new Map<string, string>();
  const byLowerName = new Map<string, string>();
  const home = origin.confineReposTo && { lexical: origin.confineReposTo, real: await realOrSelf(origin.confineReposTo) };
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (!isValidRepoName(name)) fail(['repos', name], `repo name "${name}" is not allowed: ${REPO_NAME_RULE}`);
    const twin = byLowerName.get(name.toLowerCase());
    if (twin) fail(['repos', name], `repos.${name} and repos.${twin} differ only in case: their {repo} report files would be one file on a case-insensitive file system; rename one`);
    byLowerName.set(name.toLowerCase(), name);
    if (!isTable(v)) fail(['repos', name], `"repos.${name}" must be a table with a path`);
    const t = v as Record<string, unknown>;
    checkKeys(t, ['path', 'kind', 'mode'], ['repos', name]);
    if (typeof t.path !== 'string') fail(['repos', name], `"repos.${name}.path" is required and must be a string`);
    if (t.kind !== undefined && !REPO_KINDS.includes(t.kind as RepoKind)) {
      fail(['repos', name, 'kind'], `unknown repo kind "${String(t.kind)}"${didYouMean(String(t.kind), REPO_KINDS)}`);
    }
    if (t.mode !== undefined && !['auto', 'release', 'dev'].includes(t.mode as string)) {
      fail(['repos', name, 'mode'], `mode must be auto, release or dev`);
    }
    const folder = path.resolve(origin.baseDir, t.path as string);
    // Through the real path: a committed link `sub -> ../private` must not pass for a folder inside.
    const real = await realOrSelf(folder);
    if (home && !(isWithin(folder, home.lexical) && isWithin(real, home.real))) {
      if (origin.dropOutsideRepos) continue;
      fail(
        ['repos', name, 'path'],
        `repos.${name}.path "${t.path as string}" names a folder outside ${home.lexical}, the repository this config was found in; in CI (CI is set) such a config may only name folders inside its repository: pass the repositories as folder arguments (porgs-lint ../Exegol ../Exegol-docs) or a config of your own with --config <file>`,
      );
    }
    const same = byFolder.get(real);
    if (same) fail(['repos', name, 'path'], `repos.${name}.path names the same folder as repos.${same}: one folder is one repo; remove one of the two entries`);
    byFolder.set(real, name);
    repos.push({ name, path: folder, kind: t.kind as RepoKind | undefined, mode: t.mode === 'auto' ? undefined : (t.mode as Mode | undefined) });
  }
  return repos;
}

/** Effective severity and options of a rule for a repo kind: kind settings over global over defaults. */
export function ruleSetting(config: Config, meta: RuleMeta, kind: RepoKind): { severity: SeveritySetting; options: Record<string, unknown> } {
  const global = config.rules.get(meta.id);
  const perKind = config.kinds[kind]?.rules.get(meta.id);
  const defaults = Object.fromEntries(Object.entries(meta.options ?? {}).map(([k, o]) => [k, o.default]));
  return {
    severity: perKind?.severity ?? global?.severity ?? meta.severity,
    options: { ...defaults, ...global?.options, ...perKind?.options },
  };
}

/** Why a value does not fit a declared option (type, enum, range), or undefined when it does. */
export function optionProblem(spec: RuleOption, v: unknown): string | undefined {
  const typed = spec.type === 'string[]' ? Array.isArray(v) && v.every((x) => typeof x === 'string') : typeof v === spec.type && (spec.type !== 'number' || Number.isFinite(v));
  if (!typed) return `must be a ${spec.type === 'string[]' ? 'list of strings' : spec.type}`;
  if (spec.type === 'string' && spec.enum && !spec.enum.includes(v as string)) return `must be one of ${spec.enum.join(', ')}${didYouMean(v as string, spec.enum)}`;
  if (spec.type === 'number' && spec.min !== undefined && (v as number) < spec.min) return `must be at least ${spec.min}`;
  if (spec.type === 'number' && spec.max !== undefined && (v as number) > spec.max) return `must be at most ${spec.max}`;
  return undefined;
}

export type { Severity };
