// Policies written in a config (`[[policy]]`): rules as data, with one matcher each. A config found
// in a checked repository is hostile input, so a policy is data only: its patterns and globs come
// from the safe subsets, its text is repo text (escaped on the way out like any), and it has no
// doc page or link of its own. This module turns validated config data into policies; the
// matchers that run them are in runner/policy-rules.ts.
import { placeholders } from './messages.js';
import { compileSafeRegex, type MatchCost } from './safe-regex.js';
import type { Mode, RepoKind, Severity } from './types.js';

/** `local/<name>`: the namespace no built-in rule or plugin uses. */
export const POLICY_ID = /^local\/[a-z0-9][a-z0-9-]{0,62}$/;
export const POLICY_ID_RULE = 'the name of lowercase letters, digits and "-", starting with a letter or digit, at most 63 characters';
/** Lines (and command arguments) longer than this are not matched: a "cannot verify" note says so. */
export const MAX_POLICY_INPUT = 1000;
/** A config is data a repository may write: it cannot make a run do unbounded work. */
export const MAX_POLICIES = 100;
export const POLICY_INSIDE = ['anywhere', 'install-functions'] as const;

/** The matchers, each with what it does (the config schema's descriptions). */
export const MATCHERS = {
  'forbid-line': 'A pattern no line of the files may match: each line that matches is a finding.',
  require: 'A pattern some line of each file must match: a file without such a line is a finding.',
  command: 'A command of the bash view of the files (shell scripts): its names, a pattern of its arguments, and where it counts.',
} as const;
export type MatcherKind = keyof typeof MATCHERS;

/** The data each matcher gives a finding, which the policy's message may insert as {{name}}. */
export const MATCHER_DATA: Readonly<Record<MatcherKind, readonly string[]>> = {
  'forbid-line': ['match'],
  require: ['pattern'],
  command: ['match', 'function'],
};

export interface Pattern {
  regex: RegExp;
  cost: MatchCost;
}

export type PolicyMatcher =
  | { kind: 'forbid-line'; pattern: Pattern }
  | { kind: 'require'; pattern: Pattern }
  | { kind: 'command'; names: readonly string[]; args?: Pattern; inside: (typeof POLICY_INSIDE)[number] };

export interface LocalPolicy {
  id: string;
  description: string;
  kinds: readonly RepoKind[];
  modes?: readonly Mode[];
  severity: Severity;
  message: string;
  files: readonly string[];
  matcher: PolicyMatcher;
  /** Its key path in the config: ['policy', '<index>']. */
  keyPath: readonly string[];
  /** Where it is written, as messages name it: `porgs-lint.toml:12:1`. */
  definedIn: string;
}

type Fail = (keyPath: readonly string[], message: string) => never;

const compile = (source: string): Pattern => {
  const res = compileSafeRegex(source, MAX_POLICY_INPUT);
  if (!res.ok) throw new Error(`policy pattern ${source} was validated, yet ${res.reason}`);
  return { regex: res.regex, cost: res.cost };
};

/** Policies from the validated `policy` list: ids unique, messages inserting only their matcher's data. */
export function readPolicies(list: ReadonlyArray<Record<string, unknown>>, fail: Fail, position: (keyPath: readonly string[]) => string): LocalPolicy[] {
  if (list.length > MAX_POLICIES) fail(['policy', String(MAX_POLICIES)], `a config may define at most ${MAX_POLICIES} policies; this one defines ${list.length}`);
  const seen = new Map<string, string>();
  return list.map((entry, i) => {
    const keyPath = ['policy', String(i)];
    const id = entry.id as string;
    const first = seen.get(id);
    if (first) fail([...keyPath, 'id'], `policy id "${id}" is defined twice (first at ${first}); give each policy its own id`);
    seen.set(id, position([...keyPath, 'id']));
    const kind = (Object.keys(MATCHERS) as MatcherKind[]).find((k) => Object.hasOwn(entry, k))!;
    const message = entry.message as string;
    const unknown = placeholders(message).filter((name) => !MATCHER_DATA[kind].includes(name));
    if (unknown.length) {
      fail([...keyPath, 'message'], `message of ${id} inserts {{${unknown[0]}}}, which a ${kind} policy does not give; it may insert ${MATCHER_DATA[kind].map((n) => `{{${n}}}`).join(', ')}`);
    }
    return {
      id,
      description: entry.description as string,
      kinds: entry.kinds as RepoKind[],
      ...(entry.modes ? { modes: entry.modes as Mode[] } : {}),
      severity: entry.severity as Severity,
      message,
      files: entry.files as string[],
      matcher: matcherOf(kind, entry[kind]),
      keyPath,
      definedIn: position(keyPath),
    };
  });
}

function matcherOf(kind: MatcherKind, value: unknown): PolicyMatcher {
  if (kind !== 'command') return { kind, pattern: compile(value as string) };
  const table = value as { name: string[]; args?: string; inside?: (typeof POLICY_INSIDE)[number] };
  return { kind, names: table.name, ...(table.args !== undefined ? { args: compile(table.args) } : {}), inside: table.inside ?? 'anywhere' };
}

/** What a policy checks, in words (explain, SARIF fullDescription). */
export function describeMatcher(p: Pick<LocalPolicy, 'matcher' | 'files'>): string {
  const m = p.matcher;
  const where = `in files matching ${p.files.join(', ')}`;
  if (m.kind === 'forbid-line') return `Each line ${where} that matches /${m.pattern.regex.source}/ is a finding.`;
  if (m.kind === 'require') return `Each file matching ${p.files.join(', ')} must have a line that matches /${m.pattern.regex.source}/.`;
  const args = m.args ? ` whose arguments match /${m.args.regex.source}/` : '';
  const inside = m.inside === 'install-functions' ? ' inside an install_* function' : '';
  return `Each command ${m.names.join(', ')}${args}${inside} ${where} is a finding.`;
}

/** What identifies a policy's checks, to tell a changed one from the same one (meta/config-relaxed). */
export function policyShape(p: LocalPolicy): string {
  const m = p.matcher;
  const pattern = m.kind === 'command' ? { names: m.names, args: m.args?.regex.source, inside: m.inside } : { pattern: m.pattern.regex.source };
  return JSON.stringify({ kind: m.kind, ...pattern, files: p.files });
}
