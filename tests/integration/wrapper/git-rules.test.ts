// spawn.sh, .gitmodules, submodules and dev where git decides: real submodules, clones, tags and
// branches (the file-only cases run in memory: cases/spawn-gitmodules.ts).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git, makeRepo, tagRepo, writeFiles } from '../../helpers/git.js';
import { found } from '../../helpers/found.js';

const SPAWN = 'exegol/utils/imgsync/spawn.sh';
const CC = 'exegol/config/ConstantConfig.py';
const spawn = (n: string, body = '') => `#!/bin/bash\n# DO NOT CHANGE the syntax or text of the following line, only increment the version number\n# Spawn Version:${n}\n${body}`;

describe('wrapper/spawn-version-bumped', () => {
  it('fires when the body changed without a bump since the previous release tag', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    await writeFiles(dir, { [SPAWN]: spawn('2') });
    await commitAll(dir);
    await tagRepo(dir, '5.1.4', { annotated: true });
    await writeFiles(dir, { [SPAWN]: spawn('2', 'echo new\n'), [CC]: '__version__ = "5.1.5"\n' });
    await commitAll(dir);
    await tagRepo(dir, '5.1.5', { signed: true });
    expect(await found(dir, ['wrapper/spawn-version-bumped'])).toEqual([
      { rule: 'wrapper/spawn-version-bumped', severity: 'error', messageId: 'notBumped', at: `${SPAWN}:3`, data: { tag: '5.1.4', version: '2', next: 3 } },
    ]);
    await writeFiles(dir, { [SPAWN]: spawn('3', 'echo new\n') });
    await commitAll(dir);
    await git(dir, 'tag', '-f', '5.1.5');
    expect(await found(dir, ['wrapper/spawn-version-bumped'])).toEqual([]);
    // Without a release tag on the commit the rule does not run.
    await writeFiles(dir, { [SPAWN]: spawn('3', 'echo newer\n') });
    await commitAll(dir);
    expect(await found(dir, ['wrapper/spawn-version-bumped'])).toEqual([]);
  });
});

async function subRepo(name: string): Promise<string> {
  const dir = await makeRepo({ files: { 'README.md': `# ${name}\n` }, branch: 'main' });
  return dir;
}

async function wrapperWithSubmodules(): Promise<{ dir: string; images: string }> {
  const images = await subRepo('images');
  const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
  await writeFiles(dir, { '.gitmodules': '' });
  await git(dir, 'rm', '-q', '--cached', '.gitmodules');
  await git(dir, 'submodule', 'add', '-q', '-b', 'main', images, 'exegol-images');
  await commitAll(dir, 'add images');
  return { dir, images };
}

describe('wrapper/gitmodules-gitlink and wrapper/submodule-on-main', () => {
  it('are silent for a submodule at the tip of main with a local clone', async () => {
    const { dir } = await wrapperWithSubmodules();
    expect(await found(dir, ['wrapper/gitmodules-gitlink', 'wrapper/submodule-on-main'])).toEqual([]);
  });

  it('note a submodule behind main and fire for one off main', async () => {
    const { dir, images } = await wrapperWithSubmodules();
    await writeFiles(images, { 'new.txt': 'x' });
    await commitAll(images, 'ahead');
    await git(path.join(dir, 'exegol-images'), 'fetch', '-q', 'origin');
    expect(await found(dir, ['wrapper/submodule-on-main'])).toEqual([
      { rule: 'wrapper/submodule-on-main', severity: 'note', messageId: 'behindMain', at: '.gitmodules:2', data: { path: 'exegol-images', behind: 1, ref: 'refs/remotes/origin/main' } },
    ]);
    const sub = path.join(dir, 'exegol-images');
    await git(sub, 'checkout', '-q', '-b', 'feature');
    await writeFiles(sub, { 'feature.txt': 'f' });
    await commitAll(sub, 'feature work');
    const feature = await git(sub, 'rev-parse', 'HEAD');
    await commitAll(dir, 'point at feature');
    expect(await found(dir, ['wrapper/submodule-on-main'])).toEqual([
      {
        rule: 'wrapper/submodule-on-main',
        severity: 'error',
        messageId: 'offMain',
        at: '.gitmodules:2',
        data: { path: 'exegol-images', commit: feature.slice(0, 12), ref: 'refs/remotes/origin/main', quotedPath: 'exegol-images' },
      },
    ]);
  });

  it('say "cannot verify" without a local clone, and catch undeclared or missing gitlinks', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    const sha = await git(dir, 'rev-parse', 'HEAD');
    await git(dir, 'update-index', '--add', '--cacheinfo', `160000,${sha},exegol-images`);
    await git(dir, 'update-index', '--add', '--cacheinfo', `160000,${sha},stray`);
    await git(dir, 'commit', '-q', '-m', 'gitlinks without clones');
    const commit = sha.slice(0, 12);
    const gitlinkFindings = [
      { rule: 'wrapper/gitmodules-gitlink', severity: 'error', messageId: 'undeclared', at: '.gitmodules:1', data: { path: 'stray', commit } },
      { rule: 'wrapper/gitmodules-gitlink', severity: 'error', messageId: 'noGitlink', at: '.gitmodules:6', data: { path: 'exegol-resources' } },
    ];
    expect(await found(dir, ['wrapper/gitmodules-gitlink', 'wrapper/submodule-on-main'])).toEqual([
      gitlinkFindings[0],
      {
        rule: 'wrapper/submodule-on-main',
        severity: 'note',
        messageId: 'noClone',
        at: '.gitmodules:2',
        data: { path: 'exegol-images', commit, reason: 'no local clone has that commit (run "git submodule update --init")' },
        unverified: true,
      },
      gitlinkFindings[1],
    ]);
    // --rev reads gitlinks from the commit's tree, not the index.
    expect(await found(dir, ['wrapper/gitmodules-gitlink'], { rev: 'HEAD' })).toEqual(gitlinkFindings);
  });

  it('put an undeclared gitlink of a commit without .gitmodules at the gitlink, never at a missing .gitmodules', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    const sha = await git(dir, 'rev-parse', 'HEAD');
    await git(dir, 'rm', '-q', '.gitmodules');
    await git(dir, 'update-index', '--add', '--cacheinfo', `160000,${sha},stray`);
    await git(dir, 'commit', '-q', '-m', 'a gitlink, no .gitmodules');
    expect(await found(dir, ['wrapper/gitmodules-gitlink'], { rev: 'HEAD' })).toEqual([
      { rule: 'wrapper/gitmodules-gitlink', severity: 'error', messageId: 'undeclaredNoGitmodules', at: 'stray:1', data: { path: 'stray', commit: sha.slice(0, 12) } },
    ]);
  });
});

describe('wrapper/dev-contains-release', () => {
  it('fires until dev is fast-forwarded to master, also on a detached HEAD', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    await git(dir, 'checkout', '-q', '-b', 'dev');
    await git(dir, 'checkout', '-q', 'master');
    await writeFiles(dir, { 'CHANGELOG.md': 'release\n' });
    const master = await commitAll(dir, 'release');
    await git(dir, 'checkout', '-q', 'dev');
    const missing = { rule: 'wrapper/dev-contains-release', severity: 'error', messageId: 'notContained', at: `${CC}:4` };
    const data = { ref: 'master', commit: master.slice(0, 12), release: 'master', devBranch: 'dev' };
    expect(await found(dir, ['wrapper/dev-contains-release'])).toEqual([{ ...missing, data: { ...data, checked: 'branch dev' } }]);
    // A detached commit is judged too; the fix names the policy's first dev branch.
    const devCommit = await git(dir, 'rev-parse', 'HEAD');
    await git(dir, 'checkout', '-q', '--detach', 'HEAD');
    expect(await found(dir, ['wrapper/dev-contains-release'], { mode: 'dev' })).toEqual([{ ...missing, data: { ...data, checked: `commit ${devCommit.slice(0, 12)}` } }]);
    await git(dir, 'checkout', '-q', 'dev');
    // A feature branch cut before the release is not a dev branch of the policy: not judged.
    await git(dir, 'checkout', '-q', '-b', 'feature/old');
    expect(await found(dir, ['wrapper/dev-contains-release'])).toEqual([]);
    await git(dir, 'checkout', '-q', 'dev');
    await git(dir, 'merge', '-q', '--ff-only', 'master');
    await writeFiles(dir, { [CC]: '__version__ = "5.1.5b1"\n' });
    await commitAll(dir, 'next beta');
    expect(await found(dir, ['wrapper/dev-contains-release'])).toEqual([]);
    await git(dir, 'checkout', '-q', '--detach', 'HEAD');
    expect(await found(dir, ['wrapper/dev-contains-release'], { mode: 'dev' })).toEqual([]);
  });

  it('reads the release branch from the policy and finds it as a remote-tracking branch of any remote', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'trunk' });
    await git(dir, 'checkout', '-q', '-b', 'dev');
    await git(dir, 'checkout', '-q', 'trunk');
    await writeFiles(dir, { 'CHANGELOG.md': 'release\n' });
    const trunk = await commitAll(dir, 'release');
    await git(dir, 'update-ref', 'refs/remotes/upstream/trunk', trunk);
    await git(dir, 'checkout', '-q', 'dev');
    await git(dir, 'branch', '-q', '-D', 'trunk');
    await writeFiles(dir, { 'porgs-lint.toml': '[kinds.wrapper]\nrelease-branches = ["trunk"]\n' });
    expect(await found(dir, ['wrapper/dev-contains-release'])).toEqual([
      {
        rule: 'wrapper/dev-contains-release',
        severity: 'error',
        messageId: 'notContained',
        at: `${CC}:4`,
        data: { ref: 'upstream/trunk', commit: trunk.slice(0, 12), checked: 'branch dev', release: 'trunk', devBranch: 'dev' },
      },
    ]);
  });

  it('says "cannot verify" without a release branch', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'dev' });
    expect(await found(dir, ['wrapper/dev-contains-release'])).toEqual([
      { rule: 'wrapper/dev-contains-release', severity: 'note', messageId: 'noReleaseBranch', at: `${CC}:4`, data: { checked: 'branch dev', release: 'master' }, unverified: true },
    ]);
  });
});
