// porgs-lint.toml (or .yaml/.yml/.json): data only, never executed. Every mistake is a
// ConfigError with file:line and a "did you mean".
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { didYouMean, UsageError } from './errors.js';
import { compileSafeRegex } from './safe-regex.js';
import type { Mode, RepoKind, RuleMeta, Severity, SeveritySetting, Span } from './types.js';
import { REPO_KINDS } from './types.js';

export const CONFIG_NAMES = ['porgs-lint.toml', 'porgs-lint.yaml', 'porgs-lint.yml', 'porgs-lint.json'];

export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

export interface KindSettings {
  releaseBranches?: string[];
  releaseTag?: RegExp;
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
  ignore: string[];
  rules: Map<string, RuleSetting>;
  kinds: Partial<Record<RepoKind, KindSettings>>;
  repos: RepoEntry[];
  hook: { verifySignatures: boolean };
}

export const EMPTY_CONFIG: Config = { ignore: [], rules: new Map(), kinds: {}, repos: [], hook: { verifySignatures: false } };

export class ConfigError extends UsageError {}

type Locate = (keyPath: readonly string[]) => Span | undefined;

async function parseConfigText(file: string, text: string): Promise<{ data: unknown; locate: Locate }> {
  const where = (line: number, column: number) => `${file}:${line}:${column}`;
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

export async function findConfig(dir: string): Promise<string | undefined> {
  for (const name of CONFIG_NAMES) {
    const p = path.join(dir, name);
    try {
      if ((await fs.stat(p)).isFile()) return p;
    } catch {
      /* not there */
    }
  }
  return undefined;
}

const SEVERITY_VALUES: readonly SeveritySetting[] = ['off', 'note', 'warning', 'error'];

export async function loadConfig(file: string, knownRules: readonly RuleMeta[], displayFile = file): Promise<Config> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${displayFile}: cannot read config: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  const { data, locate } = await parseConfigText(displayFile, text);
  const fail = (keyPath: readonly string[], message: string): never => {
    let span: Span | undefined;
    for (let n = keyPath.length; n > 0 && !span; n--) span = locate(keyPath.slice(0, n));
    throw new ConfigError(`${displayFile}:${span?.line ?? 1}:${span?.column ?? 1}: ${message}`);
  };
  const isTable = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const checkKeys = (obj: Record<string, unknown>, allowed: readonly string[], at: readonly string[]) => {
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
            const ok =
              spec!.type === 'string[]' ? Array.isArray(v) && v.every((x) => typeof x === 'string') : typeof v === spec!.type;
            if (!ok) fail([...at, id, 'options', name], `option "${name}" of ${id} must be a ${spec!.type}`);
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
  checkKeys(root, ['ignore', 'rules', 'kinds', 'repos', 'hook'], []);
  const config: Config = { file, ignore: [], rules: new Map(), kinds: {}, repos: [], hook: { verifySignatures: false } };
  if (root.ignore !== undefined) config.ignore = stringList(root.ignore, ['ignore']);
  if (root.rules !== undefined) config.rules = parseRules(root.rules, ['rules']);
  if (root.kinds !== undefined) {
    if (!isTable(root.kinds)) fail(['kinds'], '"kinds" must be a table keyed by repo kind');
    for (const [kind, v] of Object.entries(root.kinds as Record<string, unknown>)) {
      if (!REPO_KINDS.includes(kind as RepoKind)) fail(['kinds', kind], `unknown repo kind "${kind}"${didYouMean(kind, REPO_KINDS)}`);
      if (!isTable(v)) fail(['kinds', kind], `"kinds.${kind}" must be a table`);
      const t = v as Record<string, unknown>;
      checkKeys(t, ['release-branches', 'release-tag', 'rules'], ['kinds', kind]);
      const settings: KindSettings = { rules: new Map() };
      if (t['release-branches'] !== undefined) settings.releaseBranches = stringList(t['release-branches'], ['kinds', kind, 'release-branches']);
      if (t['release-tag'] !== undefined) {
        if (typeof t['release-tag'] !== 'string') fail(['kinds', kind, 'release-tag'], 'release-tag must be a regular expression string');
        const compiled = compileSafeRegex(t['release-tag'] as string);
        if (!compiled.ok) fail(['kinds', kind, 'release-tag'], `release-tag ${compiled.reason}`);
        else settings.releaseTag = compiled.regex;
      }
      if (t.rules !== undefined) settings.rules = parseRules(t.rules, ['kinds', kind, 'rules']);
      config.kinds[kind as RepoKind] = settings;
    }
  }
  if (root.repos !== undefined) {
    if (!isTable(root.repos)) fail(['repos'], '"repos" must be a table keyed by repo name');
    for (const [name, v] of Object.entries(root.repos as Record<string, unknown>)) {
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
      config.repos.push({
        name,
        path: path.resolve(path.dirname(file), t.path as string),
        kind: t.kind as RepoKind | undefined,
        mode: t.mode === 'auto' ? undefined : (t.mode as Mode | undefined),
      });
    }
  }
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

export type { Severity };
