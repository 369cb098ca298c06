// The git plumbing the pre-push hook asks of `GitFacts.run` (hook/history.ts), answered from a
// memory store: `for-each-ref` with object atoms, and `rev-list --parents --topo-order
// --ignore-missing --stdin`. Anything else fails and says so; nothing is guessed.
import type { GitResult } from './git.js';
import type { MemoryStore } from './memory-git-store.js';

const cannot = (why: string): GitResult => ({ code: -1, stdout: '', stderr: '', failure: why });

const ok = (stdout: string): GitResult => ({ code: 0, stdout, stderr: '' });

export function runPlumbing(store: MemoryStore, args: readonly string[], input?: string): GitResult {
  const [command, ...rest] = args;
  try {
    if (command === 'for-each-ref') return forEachRef(store, rest);
    if (command === 'rev-list') return revList(store, rest, input ?? '');
  } catch (err) {
    return cannot((err as Error).message);
  }
  if (command === 'verify-tag') return cannot('no signature verification in memory');
  return cannot(`memory git does not run "git ${String(command)}"; it answers only for-each-ref and rev-list --parents --stdin`);
}

/** `%(refname)`, `%(objecttype)`, `%(objectname)`, and `%(*...)` for the object a tag points to; `%00`, `%%`, `%xx`. */
function formatRef(store: MemoryStore, format: string, ref: string, oid: string): string | { unknown: string } {
  let unknown: string | undefined;
  const line = format.replace(/%(?:%|([0-9a-fA-F]{2})|\((\*?)([a-z]+)\))/g, (whole, hex: string | undefined, deref: string, atom: string) => {
    if (whole === '%%') return '%';
    if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
    const obj = store.objects.get(oid);
    const target = deref ? (obj?.type === 'tag' ? store.objects.get(obj.target!) : undefined) : obj;
    if (atom === 'refname' && !deref) return ref;
    if (atom === 'objectname') return target?.oid ?? '';
    if (atom === 'objecttype') return target?.type ?? '';
    unknown ??= `${deref}${atom}`;
    return '';
  });
  return unknown === undefined ? line : { unknown };
}

function forEachRef(store: MemoryStore, args: readonly string[]): GitResult {
  let format = '%(objectname) %(objecttype)\t%(refname)';
  let merged: Set<string> | undefined;
  const patterns: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg.startsWith('--merged=')) {
      const tip = store.peel(store.resolveSpec(arg.slice('--merged='.length)), 'commit');
      if (!tip) return { code: 129, stdout: '', stderr: "error: option `merged' must point to a commit\n" };
      merged = store.reach([tip]);
    } else if (arg.startsWith('-')) return cannot(`memory git does not know the for-each-ref option ${arg}`);
    else if (/[*?[]/.test(arg)) return cannot(`memory git does not match ref patterns with wildcards (${arg})`);
    else patterns.push(arg.replace(/\/+$/, ''));
  }
  let out = '';
  for (const [ref, oid] of store.refs) {
    if (patterns.length && !patterns.some((p) => ref === p || ref.startsWith(`${p}/`))) continue;
    if (merged) {
      const commit = store.peel(oid, 'commit');
      if (!commit || !merged.has(commit)) continue;
    }
    const line = formatRef(store, format, ref, oid);
    if (typeof line !== 'string') return cannot(`memory git does not know the for-each-ref field %(${line.unknown})`);
    out += `${line}\n`;
  }
  return ok(out);
}

const REV_LIST_FLAGS = ['--parents', '--topo-order', '--ignore-missing', '--stdin'];

/**
 * The commits the input lines reach, each with its parents in this clone (none at a shallow
 * boundary), children before their parents; names that resolve to no commit are skipped. Among
 * commits with no order between them, git's order may differ: callers rely on none.
 */
function revList(store: MemoryStore, args: readonly string[], input: string): GitResult {
  if (args.length !== REV_LIST_FLAGS.length || !REV_LIST_FLAGS.every((f) => args.includes(f))) {
    return cannot(`memory git runs rev-list only as "rev-list ${REV_LIST_FLAGS.join(' ')}"`);
  }
  const tips: string[] = [];
  for (const line of input.split('\n').map((l) => l.trim())) {
    if (line === '') continue;
    if (line.startsWith('-') || line.startsWith('^') || line.includes('..')) return cannot(`memory git does not read "${line}" from rev-list's input`);
    const commit = store.peel(store.resolveSpec(line), 'commit');
    if (commit) tips.push(commit);
  }
  const commits = store.reach(tips);
  const waiting = new Map<string, number>([...commits].map((c) => [c, 0]));
  for (const c of commits) for (const p of store.objects.get(c)!.parents!) waiting.set(p, waiting.get(p)! + 1);
  const ready = [...commits].filter((c) => waiting.get(c) === 0).reverse();
  let out = '';
  while (ready.length) {
    const c = ready.pop()!;
    const parents = store.objects.get(c)!.parents!;
    out += `${[c, ...parents].join(' ')}\n`;
    for (const p of [...parents].reverse()) {
      const left = waiting.get(p)! - 1;
      waiting.set(p, left);
      if (left === 0) ready.push(p);
    }
  }
  return ok(out);
}
