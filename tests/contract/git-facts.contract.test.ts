// One suite, two implementations: the git facts of a real repository (built with git from a state
// described as data) and the in-memory git facts of the same state answer every question alike.
// Object ids differ between the two (memory ids come from labels), so answers are compared
// through each side's label <-> id map; blob ids are git's on both sides. The real signed tag is
// signed with a throwaway SSH key, the memory one carries a PGP block: only the presence of a
// signature is compared (the memory facts refuse verify-tag: tests/runner/memory-git.test.ts).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGraph, readRefTips } from '../../hook/history.js';
import { openGitFacts, RevError, type GitFacts } from '../../runner/git-facts.js';
import { idsOf, memoryGit, oidOf, type GitIds, type GitState } from '../../runner/memory-git.js';
import { GitRevisionSource } from '../../runner/source.js';
import { materialise } from '../helpers/git-state.js';
import { DETACHED, HISTORY, SHALLOW, UNBORN } from './git-states.js';

interface Repo {
  ids: GitIds;
  open(rev?: string): Promise<GitFacts>;
}

type Backend = (state: GitState) => Promise<Repo>;

const realGit: Backend = async (state) => {
  const { root, ids } = await materialise(state);
  return { ids, open: (rev) => openGitFacts({ root, rev }) };
};

const memory: Backend = async (state) => ({ ids: idsOf(state), open: async (rev) => memoryGit({ ...state, rev }) });

const blobOid = (text: string) => createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0${text}`).digest('hex');

describe.each([
  ['real git', realGit],
  ['memory', memory],
])('git facts contract: %s', (_name, backend) => {
  const opened: GitFacts[] = [];
  let history: Repo, detached: Repo, shallow: Repo, unborn: Repo;
  /** Label of an object id of this side: a commit label, `tag:<name>` for a tag object, else the id itself. */
  let label: (oid: string | undefined) => string | undefined;
  /** Object id of a commit label or `tag:<name>` on this side. */
  let id: (name: string) => string;

  const open = async (repo: Repo, rev?: string) => {
    const facts = await repo.open(rev);
    opened.push(facts);
    return facts;
  };

  beforeAll(async () => {
    [history, detached, shallow, unborn] = await Promise.all([HISTORY, DETACHED, SHALLOW, UNBORN].map(backend));
    const names = new Map<string, string>([[oidOf('nowhere'), 'nowhere']]);
    const add = (ids: GitIds) => {
      for (const [l, oid] of ids.commits) names.set(oid, l);
      for (const [t, oid] of ids.tagObjects) names.set(oid, `tag:${t}`);
      Object.values(ids.submodules).forEach(add);
    };
    [history, detached, shallow].forEach((r) => add(r.ids));
    const ids = new Map([...names].map(([oid, l]) => [l, oid]));
    label = (oid) => (oid === undefined ? undefined : (names.get(oid) ?? oid));
    id = (name) => ids.get(name) ?? `${name} has no id`;
  });

  afterAll(() => opened.forEach((f) => f.close()));

  it('lists tags sorted by name, annotated ones peeled through a tag of a tag', async () => {
    const facts = await open(history);
    const tags = (await facts.listTags()).tags.map((t) => ({ ...t, commit: label(t.commit), object: label(t.object) }));
    expect(tags).toEqual([
      { name: '1.0.0', commit: 'c1', object: 'c1', annotated: false },
      { name: '2.0.0', commit: 'c2', object: 'tag:2.0.0', annotated: true },
      // A lightweight tag made on an annotated one points at its tag object.
      { name: '2.0.0-alias', commit: 'c2', object: 'tag:2.0.0', annotated: true },
      { name: '2.0.0-final', commit: 'c2', object: 'tag:2.0.0-final', annotated: true },
      { name: '3.0.0', commit: 'c3', object: 'tag:3.0.0', annotated: true },
      { name: 'ambiguous', commit: 'c3', object: 'c3', annotated: false },
      { name: 'dev-only', commit: 'd1', object: 'd1', annotated: false },
    ]);
    expect((await facts.listTags()).error).toBeUndefined();
    expect((await facts.tagsAtCommit()).map((t) => t.name)).toEqual(['3.0.0', 'ambiguous']);
  });

  it('names the tags in a commit history, or why it cannot', async () => {
    const facts = await open(history);
    expect([...(await facts.tagsInHistory(id('c3'))).names].sort()).toEqual(['1.0.0', '2.0.0', '2.0.0-alias', '2.0.0-final', '3.0.0', 'ambiguous']);
    expect([...(await facts.tagsInHistory(id('d1'))).names].sort()).toEqual(['1.0.0', 'dev-only']);
    expect(await facts.tagsInHistory('master')).toEqual({ names: new Set(), error: 'master is not a commit id' });
    expect(await facts.tagsInHistory('0'.repeat(40))).toEqual({ names: new Set(), error: "git for-each-ref --merged failed: option `merged' must point to a commit" });
  });

  it('answers ancestry and counts commits', async () => {
    const facts = await open(history);
    expect(await facts.isAncestor(id('c1'), id('c3'))).toBe(true);
    expect(await facts.isAncestor(id('c3'), id('c1'))).toBe(false);
    expect(await facts.isAncestor(id('d1'), id('c3'))).toBe(false);
    expect(await facts.isAncestor(id('c3'), id('m1'))).toBe(true);
    expect(await facts.isAncestor('2.0.0', 'master')).toBe(true);
    expect(await facts.isAncestor('0'.repeat(40), id('c3'))).toBeUndefined();
    expect(await facts.countCommits(id('c1'), id('c3'))).toBe(2);
    expect(await facts.countCommits(id('c3'), id('m1'))).toBe(2);
    expect(await facts.countCommits(id('c3'), id('c1'))).toBe(0);
    expect(await facts.countCommits('origin/dev', 'dev')).toBe(3);
    expect(await facts.countCommits('nope', 'dev')).toBeUndefined();
  });

  it('resolves branches, remote branches, tags, ids and suffixes as git does', async () => {
    const facts = await open(history);
    const resolved = async (ref: string) => label(await facts.resolve(ref));
    expect(await resolved('master')).toBe('c3');
    expect(await resolved('origin/dev')).toBe('d1');
    expect(await resolved('2.0.0')).toBe('c2');
    expect(await resolved('2.0.0-final')).toBe('c2');
    expect(await resolved('ambiguous')).toBe('c3'); // a tag before a branch of the same name
    expect(await resolved('refs/heads/ambiguous')).toBe('c1');
    expect(await resolved('HEAD')).toBe('c3');
    expect(await resolved('master~1')).toBe('c2');
    expect(await resolved('dev^2')).toBe('c3');
    expect(await resolved('dev^3')).toBeUndefined();
    expect(await resolved(id('c2'))).toBe('c2');
    expect(await resolved(id('c1').slice(0, 12))).toBe('c1');
    expect(await resolved(id('tag:2.0.0'))).toBe('c2');
    expect(await resolved('nope')).toBeUndefined();
    expect(await resolved('0'.repeat(40))).toBeUndefined();
  });

  it('gives branch tips, the local branch first, and knows remote branches', async () => {
    const facts = await open(history);
    const tips = (branch: string) => facts.branchTips(branch).map((t) => `${t.ref}=${label(t.oid)}`);
    expect(tips('master')).toEqual(['master=c3', 'origin/master=c2']);
    expect(tips('dev')).toEqual(['dev=m1', 'origin/dev=d1']);
    expect(tips('nope')).toEqual([]);
    expect(facts.branchNames()).toEqual(['ambiguous', 'dev', 'master']); // origin/dev and origin/master name no other branch
    expect((await open(shallow)).branchNames()).toEqual(['main', 'other']);
    expect(facts.hasRemoteBranches).toBe(true);
    expect((await open(detached)).hasRemoteBranches).toBe(false);
  });

  it('has commits by full id only, a tag object peeling to its commit', async () => {
    const facts = await open(history);
    expect(await facts.hasCommit(id('c1'))).toBe(true);
    expect(await facts.hasCommit(id('tag:2.0.0'))).toBe(true);
    expect(await facts.hasCommit('master')).toBe(false);
    expect(await facts.hasCommit(blobOid('one\n'))).toBe(false);
    expect(await facts.hasCommit('0'.repeat(40))).toBe(false);
  });

  it('reads gitlinks of the checkout (its index) and of a --rev commit', async () => {
    const links = async (rev?: string) => {
      const res = await (await open(history, rev)).listGitlinks();
      return { error: res.error, links: res.links.map((l) => `${l.path}=${label(l.commit)}`) };
    };
    expect(await links()).toEqual({ error: undefined, links: ['modules/sub=s3', 'other=nowhere'] });
    expect(await links('2.0.0')).toEqual({ error: undefined, links: ['modules/sub=s2'] });
    expect((await (await open(history, '1.0.0')).gitlinks()).length).toBe(0);
  });

  it('reads a file at a commit as stored (no line-ending change), undefined for folders and missing paths', async () => {
    const facts = await open(history);
    expect(await facts.readAt(id('c2'), 'src/a.txt')).toBe('a2\r\n');
    expect(await facts.readAt('2.0.0', 'src/deep/b.txt')).toBe('b\n');
    expect(await facts.readAt(id('c2'), 'link')).toBe('src/a.txt'); // a symlink's blob is its target
    expect(await facts.readAt(id('c2'), 'src')).toBeUndefined();
    expect(await facts.readAt(id('c1'), 'src/deep/b.txt')).toBeUndefined();
    expect(await facts.readAt('0'.repeat(40), 'README.md')).toBeUndefined();
  });

  it('walks the tree of a --rev commit level by level in git order, none for the work tree', async () => {
    expect(await (await open(history)).tree()).toBeUndefined();
    const tree = await (await open(history, '2.0.0')).tree();
    expect(tree!.map((e) => ({ ...e, oid: e.type === 'tree' ? 'a tree' : label(e.oid) }))).toEqual([
      { mode: '100644', type: 'blob', oid: blobOid('one\n'), path: 'README.md' },
      { mode: '120000', type: 'blob', oid: blobOid('src/a.txt'), path: 'link' },
      { mode: '040000', type: 'tree', oid: 'a tree', path: 'modules' },
      { mode: '040000', type: 'tree', oid: 'a tree', path: 'src' },
      { mode: '160000', type: 'commit', oid: 's2', path: 'modules/sub' },
      { mode: '100644', type: 'blob', oid: blobOid('a2\r\n'), path: 'src/a.txt' },
      { mode: '040000', type: 'tree', oid: 'a tree', path: 'src/deep' },
      { mode: '100644', type: 'blob', oid: blobOid('b\n'), path: 'src/deep/b.txt' },
    ]);
  });

  it('reads raw objects by id, by peeling suffix and by <commit>:<path>', async () => {
    const facts = await open(history);
    const obj = async (spec: string) => {
      const o = await facts.object(spec);
      return o && { type: o.type, oid: label(o.oid), size: o.size, tooLarge: o.tooLarge };
    };
    expect(await obj(`${id('c2')}:src/a.txt`)).toEqual({ type: 'blob', oid: blobOid('a2\r\n'), size: 4, tooLarge: false });
    expect((await facts.object(`${id('c2')}:src/a.txt`))!.content.toString()).toBe('a2\r\n');
    expect((await obj(`${id('c2')}:src`))?.type).toBe('tree');
    expect((await obj(`${id('c2')}^{tree}`))?.type).toBe('tree');
    expect(await obj(`${id('c2')}:modules/sub`)).toBeUndefined(); // a gitlink's commit is in the submodule's clone
    expect(await obj(`${id('c2')}:nope`)).toBeUndefined();
    expect((await obj(id('c1')))?.type).toBe('commit');
    expect((await obj(`${id('tag:2.0.0-final')}^{commit}`))?.oid).toBe('c2');
    expect((await obj(`${id('tag:2.0.0-final')}^{}`))?.oid).toBe('c2');
    expect((await obj('2.0.0'))?.oid).toBe('tag:2.0.0');
    expect((await obj('1.0.0'))?.oid).toBe('c1');
    expect(await obj('0'.repeat(40))).toBeUndefined();
    expect(await obj(`${id('c1')}\n${id('c2')}`)).toBeUndefined();
  });

  it('gives tag objects as git writes them: what they tag, and a signature block when signed', async () => {
    const facts = await open(history);
    const header = async (name: string) => {
      const text = (await facts.object(id(`tag:${name}`)))!.content.toString('utf8');
      const [, object, type, tag] = /^object (\w+)\ntype (\w+)\ntag (.+)\n/.exec(text)!;
      return { object: label(object), type, tag, signed: /-----BEGIN (PGP|SSH) SIGNATURE-----/.test(text) };
    };
    expect(await header('2.0.0')).toEqual({ object: 'c2', type: 'commit', tag: '2.0.0', signed: false });
    expect(await header('2.0.0-final')).toEqual({ object: 'tag:2.0.0', type: 'tag', tag: '2.0.0-final', signed: false });
    expect(await header('3.0.0')).toEqual({ object: 'c3', type: 'commit', tag: '3.0.0', signed: true });
  });

  it('tells the branch, detached state and commit for HEAD on a branch, a detached HEAD and each kind of --rev', async () => {
    const state = async (repo: Repo, rev?: string) => {
      const f = await open(repo, rev);
      return { available: f.available, commit: label(f.commit), branch: f.branch, detached: f.detached, rev: f.rev, shallow: f.shallow };
    };
    expect(await state(history)).toEqual({ available: true, commit: 'c3', branch: 'master', detached: false, rev: undefined, shallow: false });
    expect(await state(history, '2.0.0')).toEqual({ available: true, commit: 'c2', branch: undefined, detached: false, rev: '2.0.0', shallow: false });
    expect(await state(history, 'dev')).toEqual({ available: true, commit: 'm1', branch: 'dev', detached: false, rev: 'dev', shallow: false });
    expect(await state(history, 'origin/dev')).toEqual({ available: true, commit: 'd1', branch: 'dev', detached: false, rev: 'origin/dev', shallow: false });
    expect(await state(history, 'ambiguous')).toEqual({ available: true, commit: 'c3', branch: undefined, detached: false, rev: 'ambiguous', shallow: false });
    expect(await state(history, 'HEAD')).toEqual({ available: true, commit: 'c3', branch: 'master', detached: false, rev: 'HEAD', shallow: false });
    expect(await state(detached)).toEqual({ available: true, commit: 'x1', branch: undefined, detached: true, rev: undefined, shallow: false });
    await expect(history.open('nope')).rejects.toThrow(RevError);
    await expect(history.open('nope')).rejects.toThrow(/^--rev nope: no such commit, branch or tag in /);
    const none = await open(unborn);
    expect({ available: none.available, reason: none.reason }).toEqual({ available: false, reason: 'the repository has no commits yet' });
  });

  it('in a shallow clone: the cut commit has no parents, missing history is unknown, never "not an ancestor"', async () => {
    const facts = await open(shallow);
    expect(facts.shallow).toBe(true);
    expect(await facts.isAncestor(id('k2'), id('k3'))).toBe(true);
    expect(await facts.isAncestor(id('o1'), id('k3'))).toBeUndefined();
    expect(await facts.isAncestor(id('k1'), id('k3'))).toBeUndefined();
    expect(await facts.hasCommit(id('k1'))).toBe(false);
    expect(await facts.hasCommit(id('k2'))).toBe(true);
    expect(await facts.countCommits(id('k2'), id('k3'))).toBe(1);
    expect(await facts.countCommits(id('o1'), id('k3'))).toBe(2);
    expect(await facts.countCommits(id('k1'), id('k3'))).toBeUndefined();
    expect(await facts.resolve('main~2')).toBeUndefined();
    expect([...(await facts.tagsInHistory(id('k3'))).names]).toEqual(['v2']);
    const graph = await readGraph(facts, [id('k3'), id('k1')]);
    expect(typeof graph === 'string' ? graph : [...['k3', 'k2', 'k1'].map((c) => `${c}:${graph.has(id(c))}:${graph.parentsOf(id(c)).map(label).join(',')}`)]).toEqual([
      'k3:true:k2',
      'k2:true:',
      'k1:false:',
    ]);
  });

  it("answers the pre-push hook's two plumbing calls: ref tips and the commit graph", async () => {
    const facts = await open(history);
    const tips = await readRefTips(facts, ['master', 'nope']);
    if (typeof tips === 'string') throw new Error(tips);
    expect(Object.fromEntries([...tips.commits].map(([ref, oid]) => [ref, label(oid)]))).toEqual({
      'refs/heads/master': 'c3',
      'refs/remotes/origin/dev': 'd1',
      'refs/remotes/origin/master': 'c2',
      'refs/tags/1.0.0': 'c1',
      'refs/tags/2.0.0': 'c2',
      'refs/tags/2.0.0-alias': 'c2',
      'refs/tags/3.0.0': 'c3',
      'refs/tags/ambiguous': 'c3',
      'refs/tags/dev-only': 'd1',
    });
    expect(tips.published.map(label)).toEqual(['d1', 'c2', 'c1', 'c2', 'c2', 'c3', 'c3', 'd1']);
    const graph = await readGraph(facts, [id('m1'), '0'.repeat(40)]);
    if (typeof graph === 'string') throw new Error(graph);
    const order = graph.ordered(new Set(['m1', 'd1', 'c3', 'c2', 'c1'].map(id))).map(label);
    expect(Object.fromEntries(order.map((c) => [c, graph.parentsOf(id(c!)).map(label)]))).toEqual({ m1: ['d1', 'c3'], d1: ['c1'], c3: ['c2'], c2: ['c1'], c1: [] });
    for (const [child, parent] of [['m1', 'd1'], ['m1', 'c3'], ['c3', 'c2'], ['c2', 'c1'], ['d1', 'c1']]) expect(order.indexOf(child)).toBeLessThan(order.indexOf(parent));
    expect([...graph.firstParents(id('m1'))].map(label)).toEqual(['m1', 'd1', 'c1']);
  });

  it('reads a --rev commit through the git revision source alike: normalised text, symlinks and gitlinks not read', async () => {
    const src = new GitRevisionSource(await open(history, '2.0.0'));
    expect(await src.read('src/a.txt')).toEqual({ ok: true, text: 'a2\n' });
    expect(await src.read('link')).toEqual({ ok: false, reason: 'unreadable', detail: 'symlink in the commit; not followed' });
    expect(await src.read('modules/sub')).toEqual({ ok: false, reason: 'missing' });
    expect(await src.read('nope.txt')).toEqual({ ok: false, reason: 'missing' });
    expect((await src.list('')).map((e) => `${e.type}:${e.path}`)).toEqual(['file:README.md', 'symlink:link', 'dir:modules', 'dir:src']);
    expect((await src.list('modules')).map((e) => `${e.type}:${e.path}`)).toEqual(['gitlink:modules/sub']);
    expect(await src.allFiles()).toEqual(['README.md', 'link', 'src/a.txt', 'src/deep/b.txt']);
  });

  it("opens a submodule's local clone: its HEAD, no branch, its own history; unavailable without one", async () => {
    const facts = await open(history);
    const sub = await facts.submodule('sub');
    opened.push(sub);
    expect({ available: sub.available, commit: label(sub.commit), branch: sub.branch, detached: sub.detached }).toEqual({ available: true, commit: 's2', branch: undefined, detached: true });
    expect(label(await sub.resolve('main'))).toBe('s3');
    expect(await sub.isAncestor(id('s2'), 'main')).toBe(true);
    expect(await sub.countCommits(id('s2'), 'main')).toBe(1);
    expect(await sub.hasCommit(id('s1'))).toBe(true);
    expect(await sub.hasCommit(id('c1'))).toBe(false);
    expect(await sub.readAt('main', 'x.txt')).toBe('3\n');
    expect(await sub.gitlinks()).toEqual([]);
    const none = await facts.submodule('other');
    expect({ available: none.available, reason: none.reason }).toEqual({ available: false, reason: 'no local clone has that commit (run "git submodule update --init")' });
    expect((await facts.submodule('../escape')).reason).toBe('the submodule name "../escape" has a ".." component; nothing is read for it');
  });
});
