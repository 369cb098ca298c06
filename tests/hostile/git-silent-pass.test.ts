// Rules comparing with earlier releases never pass in silence: on a clone without tags or history
// (actions/checkout's default: one commit, no tags), or when the tags cannot be listed, they say
// what is missing and how to get it; a repository that has no tags at all is told apart.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { findings } from '../helpers/lint.js';
import { commitAll, git, makeRepo, tagRepo, tmpDir, writeFiles } from '../helpers/git.js';
import { tempFolders } from '../helpers/hostile.js';

const keep = tempFolders();
const CC = 'exegol/config/ConstantConfig.py';
const RULE = ['wrapper/version-increases'];

/** An origin released as 5.1.4 whose next commit lowers the version to 5.1.3. */
async function origin(): Promise<string> {
  const dir = keep(await makeRepo({ fixture: 'wrapper-5x', branch: 'master' }));
  await writeFiles(dir, { [CC]: '__version__ = "5.1.4"\n' });
  await commitAll(dir, 'release');
  await tagRepo(dir, '5.1.4', { annotated: true });
  await writeFiles(dir, { [CC]: '__version__ = "5.1.3"\n' });
  await commitAll(dir, 'version goes down');
  return dir;
}

async function clone(from: string, ...args: string[]): Promise<string> {
  const parent = keep(tmpDir());
  await git(parent, 'clone', '-q', ...args, `file://${from}`, 'clone');
  return path.join(parent, 'clone');
}

const DOWN = 'wrapper/version-increases error exegol/config/ConstantConfig.py:1 version 5.1.3 is not above the earlier release 5.1.4; bump it (e.g. 5.1.5b1)';

describe('wrapper/version-increases never passes in silence', () => {
  it('on a depth-1 clone without tags (actions/checkout default), then finds the error once fetched', async () => {
    const shallow = await clone(await origin(), '--depth', '1', '--no-tags');
    expect(await findings(shallow, RULE, { mode: 'dev' })).toEqual([
      'wrapper/version-increases note exegol/config/ConstantConfig.py:1 cannot verify: whether 5.1.3 is above earlier release tags: the clone is shallow and has no earlier release tag: history and tags were not fetched; run "git fetch --tags --unshallow" (GitHub Actions: actions/checkout with fetch-depth: 0)',
    ]);
    await git(shallow, 'fetch', '-q', '--tags', '--unshallow');
    expect(await findings(shallow, RULE, { mode: 'dev' })).toEqual([DOWN]);
  });

  it('on a full clone fetched without its tags, told apart from a repository without tags', async () => {
    const src = await origin();
    const noTags = await clone(src, '--no-tags');
    expect(await findings(noTags, RULE, { mode: 'dev' })).toEqual([
      'wrapper/version-increases note exegol/config/ConstantConfig.py:1 cannot verify: whether 5.1.3 is above earlier release tags: the clone has remote branches but no tags: the tags were not fetched; run "git fetch --tags" (GitHub Actions: actions/checkout with fetch-depth: 0, which fetches the tags too)',
    ]);
    // A repository that was never released: no tags, no remote. Nothing is missing.
    const unreleased = keep(await makeRepo({ fixture: 'wrapper-5x', branch: 'master' }));
    expect(await findings(unreleased, RULE, { mode: 'dev' })).toEqual([]);
  });

  it('when a corrupt tag object makes git for-each-ref fail: git\'s reason, not "no tags"', async () => {
    const dir = await origin();
    const tag = await git(dir, 'rev-parse', 'refs/tags/5.1.4');
    const file = path.join(dir, '.git/objects', tag.slice(0, 2), tag.slice(2));
    await fs.chmod(file, 0o644);
    await fs.writeFile(file, 'not a zlib stream');
    expect(await findings(dir, RULE, { mode: 'dev' })).toEqual([
      `wrapper/version-increases note exegol/config/ConstantConfig.py:1 cannot verify: whether 5.1.3 is above earlier release tags: the tags cannot be read: git for-each-ref failed: missing object ${tag} for refs/tags/5.1.4`,
    ]);
  });
});

describe('wrapper/spawn-version-bumped never passes in silence', () => {
  it('on a shallow clone of a release commit whose earlier releases are not fetched', async () => {
    const src = keep(await makeRepo({ fixture: 'wrapper-5x', branch: 'master' }));
    await writeFiles(src, { 'exegol/utils/imgsync/spawn.sh': '# Spawn Version:2\n' });
    await commitAll(src, 'release 5.1.4');
    await tagRepo(src, '5.1.4', { annotated: true });
    await writeFiles(src, { 'exegol/utils/imgsync/spawn.sh': '# Spawn Version:2\necho changed\n', [CC]: '__version__ = "5.1.5"\n' });
    await commitAll(src, 'release 5.1.5');
    await tagRepo(src, '5.1.5', { annotated: true });
    const shallow = await clone(src, '--depth', '1');
    expect(await findings(shallow, ['wrapper/spawn-version-bumped'], { mode: 'release' })).toEqual([
      'wrapper/spawn-version-bumped note exegol/utils/imgsync/spawn.sh:1 cannot verify: whether spawn.sh changed since the previous release: the clone is shallow and has no earlier release tag: history and tags were not fetched; run "git fetch --tags --unshallow" (GitHub Actions: actions/checkout with fetch-depth: 0)',
    ]);
    await git(shallow, 'fetch', '-q', '--tags', '--unshallow');
    expect(await findings(shallow, ['wrapper/spawn-version-bumped'], { mode: 'release' })).toEqual([
      expect.stringContaining('spawn.sh changed since 5.1.4 but its spawn version is still 2'),
    ]);
  });
});

describe('the pre-push hook never passes in silence on a shallow clone', () => {
  it('says "cannot verify" when the history that would tell a fast-forward is cut off', async () => {
    const src = keep(await makeRepo({ fixture: 'wrapper-5x', branch: 'dev' }));
    await git(src, 'rm', '-q', '.gitmodules');
    const older = await commitAll(src, 'older');
    await writeFiles(src, { 'b.txt': 'b\n' });
    await commitAll(src, 'newer');
    const shallow = await clone(src, '--depth', '1', '--branch', 'dev');
    await git(shallow, 'fetch', '-q', '--depth', '1', 'origin', older);
    await writeFiles(shallow, { 'c.txt': 'c\n' });
    const local = await commitAll(shallow, 'local work');
    const res = await runCli(['pre-push', 'origin', 'url'], { cwd: shallow, input: `refs/heads/dev ${local} refs/heads/dev ${older}\n` });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('cannot verify: the history here is incomplete (shallow clone), so whether this push is a fast-forward of origin/dev is unknown (git fetch --unshallow origin)');
  });
});
