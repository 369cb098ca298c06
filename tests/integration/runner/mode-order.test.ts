// The mode order against real git: --rev (flag, tag on it, branch naming it; CI ignored), then for a
// work tree: --mode > attached branch > CI variables > release tag on a detached HEAD > dev.
import { promises as fs } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openGitFacts } from '../../../runner/git-facts.js';
import { decideMode } from '../../../runner/mode.js';
import { DEFAULT_POLICY } from '../../../runner/policy.js';
import type { Mode } from '../../../runner/types.js';
import { commitAll, git, makeRepo, tagRepo, tmpDir, writeFiles } from '../../helpers/git.js';

const made: string[] = [];
afterAll(async () => {
  for (const d of made) await fs.rm(d, { recursive: true, force: true });
});

async function modeOf(root: string, env: Record<string, string> = {}, opts: { rev?: string; flag?: Mode } = {}) {
  const facts = await openGitFacts({ root, rev: opts.rev });
  try {
    return await decideMode({ flag: opts.flag, git: facts, env, policy: DEFAULT_POLICY.wrapper });
  } finally {
    facts.close();
  }
}

/** master with release 5.1.4, dev fast-forwarded onto it (git merge master --ff-only). */
async function releasedRepo(): Promise<string> {
  const dir = await makeRepo({ branch: 'master' });
  made.push(dir);
  await tagRepo(dir, '5.1.4', { annotated: true });
  await git(dir, 'checkout', '-q', '-b', 'dev');
  return dir;
}

describe('mode order', () => {
  it('--mode wins over everything', async () => {
    const dir = await releasedRepo();
    expect(await modeOf(dir, { GITHUB_BASE_REF: 'master' }, { flag: 'dev' })).toEqual({ mode: 'dev', reason: '--mode dev' });
    expect(await modeOf(dir, {}, { flag: 'release', rev: 'dev' })).toEqual({ mode: 'release', reason: '--mode release' });
  });

  it('dev fast-forwarded onto a release tag is dev: the checked-out branch decides, not the tag', async () => {
    const dir = await releasedRepo();
    expect(await modeOf(dir)).toEqual({ mode: 'dev', reason: 'the checked-out HEAD is branch dev, not a release branch (master)' });
    await git(dir, 'checkout', '-q', 'master');
    expect(await modeOf(dir)).toEqual({ mode: 'release', reason: 'the checked-out HEAD is branch master, a release branch' });
  });

  it('an attached branch wins over CI variables', async () => {
    const dir = await releasedRepo();
    expect((await modeOf(dir, { GITHUB_BASE_REF: 'master', GITHUB_REF: 'refs/tags/5.1.4' })).mode).toBe('dev');
  });

  it('on a detached HEAD, CI variables decide: base ref, then a pushed tag or branch; a head ref alone is dev', async () => {
    const dir = await releasedRepo();
    await writeFiles(dir, { 'NEW.md': 'x\n' });
    await commitAll(dir, 'work beyond the release');
    await git(dir, 'checkout', '-q', '--detach');
    expect(await modeOf(dir, { GITHUB_BASE_REF: 'master', GITHUB_REF: 'refs/pull/7/merge', GITHUB_HEAD_REF: 'feature' })).toEqual({
      mode: 'release',
      reason: 'pull request into branch master (GITHUB_BASE_REF), a release branch',
    });
    expect(await modeOf(dir, { GITHUB_BASE_REF: 'dev' })).toEqual({ mode: 'dev', reason: 'pull request into branch dev (GITHUB_BASE_REF)' });
    expect(await modeOf(dir, { GITHUB_REF: 'refs/tags/5.1.4' })).toEqual({ mode: 'release', reason: 'CI builds tag 5.1.4, a release tag (GITHUB_REF)' });
    expect(await modeOf(dir, { GITHUB_REF: 'refs/heads/master' })).toEqual({ mode: 'release', reason: 'CI builds branch master (GITHUB_REF), a release branch' });
    expect(await modeOf(dir, { GITHUB_HEAD_REF: 'master' })).toEqual({
      mode: 'dev',
      reason: 'pull request from branch master (GITHUB_HEAD_REF; a head branch alone never means release)',
    });
    expect(await modeOf(dir)).toEqual({ mode: 'dev', reason: 'defaulting to dev: HEAD is detached and not on a release tag' });
  });

  it('a detached HEAD on a release tag is release when CI names nothing; two release tags are both named', async () => {
    const dir = await releasedRepo();
    await tagRepo(dir, '5.1.5');
    await git(dir, 'checkout', '-q', '--detach');
    expect(await modeOf(dir)).toEqual({ mode: 'release', reason: 'the detached HEAD carries release tags 5.1.4, 5.1.5' });
  });

  it('with --rev only the revision decides: CI variables are ignored', async () => {
    const dir = await releasedRepo();
    const ci = { GITHUB_BASE_REF: 'master', GITHUB_REF: 'refs/heads/master' };
    // dev fast-forwarded onto the release carries its tag; the branch --rev names decides.
    expect(await modeOf(dir, ci, { rev: 'dev' })).toEqual({ mode: 'dev', reason: '--rev dev is branch dev, not a release branch (master)' });
    await writeFiles(dir, { 'NEW.md': 'x\n' });
    await commitAll(dir, 'beyond');
    expect(await modeOf(dir, ci, { rev: '5.1.4' })).toEqual({ mode: 'release', reason: '--rev 5.1.4 carries release tag 5.1.4' });
    expect(await modeOf(dir, ci, { rev: 'master' })).toEqual({ mode: 'release', reason: '--rev master is branch master, a release branch' });
    expect(await modeOf(dir, ci, { rev: 'dev' })).toEqual({ mode: 'dev', reason: '--rev dev is branch dev, not a release branch (master)' });
    const head = (await git(dir, 'rev-parse', 'HEAD')).trim();
    expect(await modeOf(dir, ci, { rev: head })).toEqual({
      mode: 'dev',
      reason: `--rev ${head} is neither a release branch nor on a release tag (CI variables are not read with --rev)`,
    });
  });

  it('outside git, CI variables still decide, else dev with the reason', async () => {
    const dir = tmpDir();
    made.push(dir);
    expect(await modeOf(dir, { GITHUB_REF: 'refs/heads/master' })).toEqual({ mode: 'release', reason: 'CI builds branch master (GITHUB_REF), a release branch' });
    expect(await modeOf(dir)).toEqual({ mode: 'dev', reason: 'defaulting to dev: not a git repository' });
  });
});
