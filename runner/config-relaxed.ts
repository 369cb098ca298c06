// `meta/config-relaxed`: with --config-rev, every way the checked-out config (and baseline) weakens
// the trusted one of that revision, at the key that does it. The run itself applies the trusted
// config; these findings make the attempted change visible, and no baseline or suppression hides them.
import path from 'node:path';
import { addedEntries, parseBaseline } from './baseline.js';
import { ruleSetting, settingSpan, type Config } from './config.js';
import type { TrustedComparison } from './config-source.js';
import { offsetToPosition } from './parsers/parse-outcome.js';
import { policyShape } from './local-policies.js';
import type { RepoKind, RuleMeta, SeveritySetting, Span } from './types.js';
import { MODES, REPO_KINDS } from './types.js';

export const CONFIG_RELAXED = 'meta/config-relaxed';

export interface Relaxation {
  /** Where in the checked-out config; [] when it is a setting the file no longer has. */
  keyPath: string[];
  /** A messageId of meta/config-relaxed, and its data; `data.setting` identifies the finding. */
  messageId: string;
  data: Record<string, string>;
}

export interface RelaxedSetting {
  /** File relative to the repo root, `/` separators. */
  path: string;
  at: Span;
  messageId: string;
  data: Record<string, string>;
}

/** The release policy keys of `[kinds.<kind>]`: changing any of them changes what is judged. */
const POLICY_KEYS: ReadonlyArray<{ field: 'releaseBranches' | 'releaseTag' | 'tagFormat' | 'devBranches' | 'protectedBranches'; key: string; what: (kind: RepoKind) => string }> = [
  { field: 'releaseBranches', key: 'release-branches', what: (kind) => `which branches put ${kind} repos in release mode` },
  { field: 'releaseTag', key: 'release-tag', what: (kind) => `which tags put ${kind} repos in release mode` },
  { field: 'tagFormat', key: 'tag-format', what: (kind) => `which tag names the hook accepts in ${kind} repos` },
  { field: 'devBranches', key: 'dev-branches', what: (kind) => `which branches of ${kind} repos are judged as dev branches` },
  { field: 'protectedBranches', key: 'protected-branches', what: (kind) => `which branches of ${kind} repos the hook protects` },
];

const RANK: Record<SeveritySetting, number> = { off: 0, note: 1, warning: 2, error: 3 };
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A rule as the trusted and the current config define it: the same built-in, or a policy of each. */
interface RulePair {
  was: Pick<RuleMeta, 'id' | 'kinds' | 'severity' | 'options'>;
  now: Pick<RuleMeta, 'id' | 'kinds' | 'severity' | 'options'>;
  /** A policy: its key path in the current config. */
  policyAt?: readonly string[];
}

/** Rule severities lowered or turned off, and options changed, merged across the kinds they touch. */
function ruleRelaxations(trusted: Config, current: Config, pairs: readonly RulePair[], rev: string): Relaxation[] {
  const found = new Map<string, Relaxation & { kinds: RepoKind[]; allKinds: number }>();
  const add = (meta: RulePair['was'], keyPath: string[], messageId: string, data: Record<string, string>, kind: RepoKind) => {
    const id = `${keyPath.join('.')}\0${messageId}\0${JSON.stringify(data)}`;
    const entry = found.get(id) ?? { keyPath, messageId, data: { rule: meta.id, rev, ...data }, kinds: [], allKinds: meta.kinds.length };
    entry.kinds.push(kind);
    found.set(id, entry);
  };
  for (const { was: meta, now: nowMeta, policyAt } of pairs) {
    for (const kind of REPO_KINDS) {
      if (!meta.kinds.includes(kind)) continue;
      const was = ruleSetting(trusted, meta, kind);
      // A policy that no longer lists the kind is off for it.
      const applies = nowMeta.kinds.includes(kind);
      const now = applies ? ruleSetting(current, nowMeta, kind) : { severity: 'off' as const, options: was.options };
      const perKind = current.kinds[kind]?.rules.get(meta.id);
      const global = current.rules.get(meta.id);
      if (RANK[now.severity] < RANK[was.severity]) {
        const own = policyAt ? [...policyAt, applies ? 'severity' : 'kinds'] : [];
        const keyPath = applies && perKind?.severity ? ['kinds', kind, 'rules', meta.id] : applies && global?.severity ? ['rules', meta.id] : own;
        add(meta, keyPath, now.severity === 'off' ? 'ruleOff' : 'ruleLowered', { now: now.severity, was: was.severity }, kind);
      }
      const changed = Object.keys({ ...was.options, ...now.options }).filter((o) => !same(was.options[o], now.options[o]));
      if (changed.length) {
        const keyPath = perKind?.options ? ['kinds', kind, 'rules', meta.id, 'options'] : global?.options ? ['rules', meta.id, 'options'] : [];
        add(meta, keyPath, 'optionsChanged', { options: changed.join(', ') }, kind);
      }
    }
  }
  return [...found.values()].map(({ keyPath, messageId, data, kinds, allKinds }) => ({
    keyPath,
    messageId,
    data: { ...data, scope: kinds.length < allKinds ? ` for ${kinds.join(', ')} repos` : '', setting: `${data.rule} ${messageId} ${data.options ?? data.now ?? ''}` },
  }));
}

/** The trusted config's policies: removed, or changed in what they check or when they run (their severity: ruleRelaxations). */
function policyRelaxations(trusted: Config, current: Config, rev: string): { pairs: RulePair[]; found: Relaxation[] } {
  const pairs: RulePair[] = [];
  const found: Relaxation[] = [];
  const byId = new Map(current.policies.map((p) => [p.id, p]));
  for (const was of trusted.policies) {
    const now = byId.get(was.id);
    const data = (what: string) => ({ rule: was.id, rev, setting: `policy ${was.id} ${what}` });
    if (!now) {
      found.push({ keyPath: [], messageId: 'localPolicyRemoved', data: { ...data('removed'), was: was.severity } });
      continue;
    }
    pairs.push({ was, now, policyAt: now.keyPath });
    const droppedModes = (was.modes ?? MODES).filter((m) => !(now.modes ?? MODES).includes(m));
    if (droppedModes.length) found.push({ keyPath: [...now.keyPath, 'modes'], messageId: 'localPolicyChanged', data: { ...data('modes'), what: `no longer runs in ${droppedModes.join(', ')} mode` } });
    if (policyShape(was) !== policyShape(now)) found.push({ keyPath: [...now.keyPath], messageId: 'localPolicyChanged', data: { ...data('checks'), what: 'changes what it matches or the files it reads' } });
  }
  return { pairs, found };
}

/** Each way `current` weakens `trusted` (the config at `rev`), as a message and the key that does it. */
export function configRelaxations(trusted: Config, current: Config, rules: readonly RuleMeta[], rev: string): Relaxation[] {
  const policies = policyRelaxations(trusted, current, rev);
  const builtIn = rules.filter((meta) => !meta.definedIn).map((meta) => ({ was: meta, now: meta }));
  const out = [...ruleRelaxations(trusted, current, [...builtIn, ...policies.pairs], rev), ...policies.found];
  const push = (keyPath: string[], messageId: string, setting: string, data: Record<string, string> = {}) => out.push({ keyPath, messageId, data: { ...data, rev, setting } });
  for (const glob of current.ignore.filter((g) => !trusted.ignore.includes(g))) push(['ignore'], 'ignoreAdded', `ignore ${glob}`, { glob });
  for (const kind of REPO_KINDS) {
    const was = trusted.kinds[kind];
    const now = current.kinds[kind];
    for (const { field, key, what } of POLICY_KEYS) {
      const a = was?.[field];
      const b = now?.[field];
      const changed = a instanceof RegExp || b instanceof RegExp ? (a as RegExp | undefined)?.source !== (b as RegExp | undefined)?.source : !same(a, b);
      if (!changed) continue;
      const keyPath = b !== undefined ? ['kinds', kind, key] : [];
      push(keyPath, 'policyChanged', `${key} ${kind}`, { what: what(kind) });
    }
  }
  const trustedRepos = new Map(trusted.repos.map((r) => [r.path, r]));
  const base = current.file ? path.dirname(current.file) : '.';
  for (const repo of current.repos) {
    const was = trustedRepos.get(repo.path);
    const at = ['repos', repo.name];
    if (!was) {
      const folder = path.relative(base, repo.path) || '.';
      push([...at, 'path'], 'repoAdded', `repo ${repo.name}`, { folder, repo: repo.name });
      continue;
    }
    if (repo.mode && repo.mode !== was.mode) push([...at, 'mode'], 'modeForced', `mode ${repo.name}`, { mode: repo.mode, repo: repo.name });
    if (repo.kind && repo.kind !== was.kind) push([...at, 'kind'], 'kindSet', `kind ${repo.name}`, { kind: repo.kind, repo: repo.name });
  }
  if (trusted.hook.verifySignatures && !current.hook.verifySignatures) {
    const keyPath = current.locate?.(['hook', 'verify-signatures']) ? ['hook', 'verify-signatures'] : [];
    push(keyPath, 'signaturesOff', 'hook verify-signatures');
  }
  return out;
}

/** Position of the n-th (0-based) quoted occurrence of `text` in `source`. */
function nthOccurrence(source: string, text: string, n: number): Span {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    const next = source.indexOf(JSON.stringify(text), at + 1);
    if (next === -1) break;
    at = next;
  }
  return at === -1 ? { line: 1, column: 1 } : offsetToPosition(source, at);
}

function baselineRelaxations(baseline: NonNullable<TrustedComparison['baseline']>, rev: string): RelaxedSetting[] {
  let added;
  try {
    added = addedEntries(parseBaseline(baseline.trusted, `${baseline.file}@${rev}`), parseBaseline(baseline.current, baseline.file));
  } catch {
    return []; // a broken baseline fails the run where it is applied
  }
  const seen = new Map<string, number>();
  const total = new Map<string, number>();
  for (const e of added) total.set(e.fingerprint, (total.get(e.fingerprint) ?? 0) + 1);
  return added.map((e) => {
    const n = seen.get(e.fingerprint) ?? 0;
    seen.set(e.fingerprint, n + 1);
    // The added copies of a fingerprint are taken to be its last occurrences in the file.
    const occurrences = baseline.current.split(JSON.stringify(e.fingerprint)).length - 1;
    return {
      path: baseline.file,
      at: nthOccurrence(baseline.current, e.fingerprint, occurrences - total.get(e.fingerprint)! + n),
      messageId: 'baselineEntryAdded',
      data: { rule: e.ruleId, path: e.path, message: e.message, rev, setting: `baseline ${e.fingerprint} ${n}` },
    };
  });
}

/** Every relaxation of the trusted config and baseline by the checked-out files. */
export function relaxedSettings(comparison: TrustedComparison, trusted: Config, rules: readonly RuleMeta[]): RelaxedSetting[] {
  const { current, rev, root } = comparison;
  const out: RelaxedSetting[] = [];
  if (current?.file) {
    const file = path.relative(root, current.file).split(path.sep).join('/');
    for (const r of configRelaxations(trusted, current, rules, rev)) {
      out.push({ path: file, at: settingSpan(current, r.keyPath), messageId: r.messageId, data: r.data });
    }
  }
  if (comparison.baseline) out.push(...baselineRelaxations(comparison.baseline, rev));
  return out;
}
