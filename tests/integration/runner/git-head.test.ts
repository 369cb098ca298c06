// HEAD and tags read from .git without starting git must agree with git, or step aside.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRefs, tagsFromSnapshot } from '../../../runner/git-disk.js';
import { openGitFacts } from '../../../runner/git-facts.js';
import { commitAll, git, makeRepo, tagRepo, tmpDir, writeFiles } from '../../helpers/git.js';

/** HEAD as git facts read it from .git (no git process without --rev). */
async function readHead(dir: string) {
  const facts = await openGitFacts({ root: dir });
  facts.close();
  return facts.available ? { commit: facts.commit, branch: facts.branch, shallow: facts.shallow } : undefined;
}

const readTagsFromDisk = (gitDir: string) => tagsFromSnapshot(path.join(gitDir, 'objects'), readRefs(gitDir));

async function gitSays(dir: string) {
  const commit = await git(dir, 'rev-parse', 'HEAD');
  const sym = await git(dir, 'rev-parse', '--symbolic-full-name', 'HEAD');
  return { commit, branch: sym.startsWith('refs/heads/') ? sym.slice('refs/heads/'.length) : undefined };
}

describe('HEAD read from .git', () => {
  it('agrees with git on a branch, a nested branch name, packed refs and a detached HEAD', async () => {
    const dir = await makeRepo({ files: { 'a.txt': 'a\n' }, branch: 'dev' });
    await writeFiles(dir, { 'b.txt': 'b\n' });
    await commitAll(dir, 'second');
    const check = async () => {
      const fast = await readHead(dir);
      expect({ commit: fast?.commit, branch: fast?.branch }).toEqual(await gitSays(dir));
    };
    await check();
    await git(dir, 'checkout', '-q', '-b', 'feature/x');
    await check();
    await git(dir, 'pack-refs', '--all');
    await expect(fs.access(path.join(dir, '.git/refs/heads/feature/x'))).rejects.toThrow();
    await check();
    await git(dir, 'checkout', '-q', '--detach', 'HEAD~1');
    await check();
    expect((await readHead(dir))!.shallow).toBe(false);
  });

  it('sees a shallow clone, reads a linked worktree through its .git file, and knows an empty repo', async () => {
    const origin = await makeRepo({ files: { 'a.txt': 'a\n' } });
    await writeFiles(origin, { 'b.txt': 'b\n' });
    await commitAll(origin, 'second');
    const shallow = path.join(tmpDir(), 'shallow');
    await git(path.dirname(shallow), 'clone', '-q', '--depth', '1', `file://${origin}`, shallow);
    expect(await readHead(shallow)).toMatchObject({ shallow: true, branch: 'main', commit: await git(origin, 'rev-parse', 'HEAD') });

    const worktree = path.join(tmpDir(), 'wt');
    await git(origin, 'worktree', 'add', '-q', worktree, '-b', 'other');
    expect((await fs.lstat(path.join(worktree, '.git'))).isFile()).toBe(true);
    expect(await readHead(worktree)).toEqual({ branch: 'other', commit: await git(origin, 'rev-parse', 'HEAD'), shallow: false });
    // The worktree's tags and ancestry come from the common folder of the main repo.
    await tagRepo(origin, '1.0.0', { annotated: true, rev: 'HEAD~1' });
    const facts = await openGitFacts({ root: worktree });
    expect((await facts.tags()).map((t) => [t.name, t.commit])).toEqual([['1.0.0', await git(origin, 'rev-parse', 'HEAD~1')]]);
    expect(await facts.isAncestor(await git(origin, 'rev-parse', 'HEAD~1'), facts.commit!)).toBe(true);
    facts.close();

    // A submodule checkout: its .git file points into the superproject's .git/modules.
    const sub = await makeRepo({ files: { 'README.md': '# sub\n' } });
    const superRepo = await makeRepo({ files: { 'a.txt': 'a\n' } });
    await git(superRepo, 'submodule', 'add', '-q', sub, 'sub');
    expect((await fs.readFile(path.join(superRepo, 'sub/.git'), 'utf8')).trim()).toBe('gitdir: ../.git/modules/sub');
    expect(await readHead(path.join(superRepo, 'sub'))).toEqual({ branch: 'main', commit: await git(sub, 'rev-parse', 'HEAD'), shallow: false });

    const empty = await makeRepo({ empty: true });
    expect(await readHead(empty)).toBeUndefined();
    const none = await openGitFacts({ root: empty });
    expect([none.available, none.reason]).toEqual([false, 'the repository has no commits yet']);
  });
});

describe('readTagsFromDisk', () => {
  /** What git says: every tag, its object, and the object it peels to in the end (`name^{}`). */
  async function gitTags(dir: string) {
    const out = await git(dir, 'for-each-ref', 'refs/tags', '--format=%(refname:short) %(objecttype) %(objectname)');
    const tags = [];
    for (const l of out.split('\n').filter(Boolean)) {
      const [name, type, object] = l.split(' ');
      tags.push({ name, object, annotated: type === 'tag', commit: await git(dir, 'rev-parse', `refs/tags/${name}^{}`) });
    }
    return tags.sort((a, b) => (a.name < b.name ? -1 : 1));
  }
  const sorted = (t: ReturnType<typeof readTagsFromDisk>) => t && [...t].sort((a, b) => (a.name < b.name ? -1 : 1));

  it('agrees with git for loose lightweight, annotated, signed and nested tags, then packed refs, then a clone', async () => {
    const dir = await makeRepo({ files: { 'a.txt': 'a\n' } });
    await tagRepo(dir, '1.0.0');
    await writeFiles(dir, { 'b.txt': 'b\n' });
    await commitAll(dir, 'second');
    await tagRepo(dir, '1.1.0', { annotated: true });
    await tagRepo(dir, 'release/1.2.0', { signed: true });
    await git(dir, 'tag', '-a', 'nested', '-m', 'tag of a tag', '1.1.0');
    const gitDir = path.join(dir, '.git');
    expect(sorted(readTagsFromDisk(gitDir))).toEqual(await gitTags(dir));
    await git(dir, 'pack-refs', '--all');
    expect(sorted(readTagsFromDisk(gitDir))).toEqual(await gitTags(dir));
    const clone = path.join(tmpDir(), 'clone');
    await git(path.dirname(clone), 'clone', '-q', `file://${dir}`, clone);
    expect(sorted(readTagsFromDisk(path.join(clone, '.git')))).toEqual(await gitTags(clone));
    // git's own path (a worktree, so no reading of .git) gives the same tags, nested one included
    const worktree = path.join(tmpDir(), 'wt');
    await git(dir, 'worktree', 'add', '-q', '--detach', worktree);
    const facts = await openGitFacts({ root: worktree });
    expect(await facts.tags()).toEqual(await gitTags(dir));
    facts.close();
  });

  it('steps aside when a loose tag points to a packed object', async () => {
    const dir = await makeRepo({ files: { 'a.txt': 'a\n' } });
    await git(dir, 'gc', '-q');
    await tagRepo(dir, '2.0.0');
    expect(existsSync(path.join(dir, '.git/refs/tags/2.0.0'))).toBe(true);
    expect(readTagsFromDisk(path.join(dir, '.git'))).toBeUndefined();
    const facts = await openGitFacts({ root: dir });
    expect((await facts.tags()).map((t) => t.name)).toEqual(['2.0.0']);
    facts.close();
  });
});
