import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openGitFacts } from '../../../runner/git-facts.js';
import { decideMode } from '../../../runner/mode.js';
import { GitRevisionSource, WorktreeSource } from '../../../runner/source.js';
import { commitAll, git, makeFolder, makeRepo, tagRepo, tmpDir, writeFiles } from '../../helpers/git.js';

const modeOf = async (root: string, env: Record<string, string> = {}, rev?: string) =>
  decideMode({ git: await openGitFacts({ root, rev }), env, policy: { releaseBranches: ['master'], releaseTag: /^\d+\.\d+\.\d+$/ } });

describe('sources', () => {
  it('reads a commit without a checkout, including files deleted from the work tree', async () => {
    const dir = await makeRepo({ files: { 'a.txt': 'one\n', 'sub/b.txt': 'two\n' } });
    await tagRepo(dir, '1.0.0', { annotated: true });
    await writeFiles(dir, { 'a.txt': 'changed\n' });
    await fs.rm(path.join(dir, 'sub'), { recursive: true });
    const facts = await openGitFacts({ root: dir, rev: '1.0.0' });
    const src = new GitRevisionSource(facts);
    expect(await src.read('a.txt')).toEqual({ ok: true, text: 'one\n' });
    expect(await src.read('sub/b.txt')).toEqual({ ok: true, text: 'two\n' });
    expect(await src.read('missing.txt')).toEqual({ ok: false, reason: 'missing' });
    expect((await src.list('')).map((e) => `${e.type}:${e.path}`)).toEqual(['file:a.txt', 'dir:sub']);
    expect(await src.allFiles()).toEqual(['a.txt', 'sub/b.txt']);
    const work = new WorktreeSource(dir);
    expect(await work.read('a.txt')).toEqual({ ok: true, text: 'changed\n' });
    facts.close();
  });

  it('refuses symlinks leading outside the repo and binary files', async () => {
    const outside = await makeFolder({ files: { 'secret.txt': 'secret\n' } });
    const dir = await makeFolder({ files: { 'bin.dat': 'a\0b' } });
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(dir, 'link.txt'));
    const src = new WorktreeSource(dir);
    expect(await src.read('link.txt')).toMatchObject({ ok: false, reason: 'unreadable', detail: expect.stringContaining('outside') });
    expect(await src.read('bin.dat')).toMatchObject({ ok: false, reason: 'unreadable', detail: expect.stringContaining('binary') });
  });
});

describe('git facts', () => {
  it('are unavailable outside git and in a sub-folder of another repo', async () => {
    expect((await openGitFacts({ root: tmpDir() })).reason).toBe('not a git repository');
    const repo = await makeRepo({ files: { 'inner/x.txt': 'x' } });
    const facts = await openGitFacts({ root: path.join(repo, 'inner') });
    expect(facts.available).toBe(false);
    expect(facts.reason).toMatch(/not the root of a git repository/);
  });

  it('peel annotated tags and answer ancestry', async () => {
    const dir = await makeRepo({ files: { 'a.txt': '1' }, branch: 'master' });
    const first = await git(dir, 'rev-parse', 'HEAD');
    await tagRepo(dir, '1.0.0', { annotated: true });
    await tagRepo(dir, 'light');
    await writeFiles(dir, { 'a.txt': '2' });
    const second = await commitAll(dir);
    const facts = await openGitFacts({ root: dir });
    expect(facts.branch).toBe('master');
    expect(await facts.tags()).toEqual([
      expect.objectContaining({ name: '1.0.0', commit: first, annotated: true }),
      expect.objectContaining({ name: 'light', commit: first, annotated: false }),
    ]);
    expect(await facts.isAncestor(first, second)).toBe(true);
    expect(await facts.isAncestor(second, first)).toBe(false);
    expect(await facts.isAncestor('0'.repeat(40), second)).toBeUndefined();
    facts.close();
  });

  it('rejects an unknown --rev', async () => {
    const dir = await makeRepo();
    await expect(openGitFacts({ root: dir, rev: 'nope' })).rejects.toThrow(/--rev nope: no such commit, branch or tag/);
  });
});

describe('mode', () => {
  it('falls back to dev outside git, saying why', async () => {
    expect(await modeOf(tmpDir())).toEqual({ mode: 'dev', reason: 'defaulting to dev: not a git repository' });
  });
});
