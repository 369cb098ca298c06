// spawn.sh, .gitmodules, submodules and dev: real submodules, clones, tags and branches.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git, makeFolder, makeRepo, tagRepo, writeFiles } from '../helpers/git.js';
import { findings } from '../helpers/lint.js';

const SPAWN = 'exegol/utils/imgsync/spawn.sh';
const spawn = (n: string, body = '') => `#!/bin/bash\n# DO NOT CHANGE the syntax or text of the following line, only increment the version number\n# Spawn Version:${n}\n${body}`;

describe('wrapper/spawn-version', () => {
  it('accepts digits on release and a/b on dev; is n/a before spawn.sh existed', async () => {
    const dir = await makeFolder({ fixture: 'wrapper-5x' });
    expect(await findings(dir, ['wrapper/spawn-version'], { mode: 'release' })).toEqual([]);
    await writeFiles(dir, { [SPAWN]: spawn('3b') });
    expect(await findings(dir, ['wrapper/spawn-version'], { mode: 'dev' })).toEqual([]);
    expect(await findings(dir, ['wrapper/spawn-version'], { mode: 'release' })).toEqual([
      'wrapper/spawn-version error exegol/utils/imgsync/spawn.sh:3 spawn version 3b is not digits only; on a release branch use "# Spawn Version:3"',
    ]);
    expect(await findings(await makeFolder({ fixture: 'wrapper-4.1' }), ['wrapper/spawn-version'], { mode: 'release' })).toEqual([]);
  });

  it('reports a malformed line, a second line and a missing line', async () => {
    const dir = await makeFolder({ fixture: 'wrapper-5x' });
    await writeFiles(dir, { [SPAWN]: '#!/bin/bash\n# Spawn version: 4\n' });
    expect(await findings(dir, ['wrapper/spawn-version'], { mode: 'dev' })).toEqual([
      'wrapper/spawn-version error exegol/utils/imgsync/spawn.sh:2 "# Spawn version: 4" does not have the exact syntax the containers read; write "# Spawn Version:4"',
    ]);
    await writeFiles(dir, { [SPAWN]: spawn('4', '# Spawn Version:5\n') });
    expect(await findings(dir, ['wrapper/spawn-version'], { mode: 'dev' })).toEqual([
      'wrapper/spawn-version error exegol/utils/imgsync/spawn.sh:4 second spawn version line (the first is line 3); keep exactly one "# Spawn Version:N"',
    ]);
    await writeFiles(dir, { [SPAWN]: '#!/bin/bash\necho hi\n' });
    expect(await findings(dir, ['wrapper/spawn-version'], { mode: 'dev' })).toEqual([expect.stringMatching(/spawn\.sh:1 no "# Spawn Version:N" line/)]);
  });
});

describe('wrapper/spawn-version-bumped', () => {
  it('fires when the body changed without a bump since the previous release tag', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    await writeFiles(dir, { [SPAWN]: spawn('2') });
    await commitAll(dir);
    await tagRepo(dir, '5.1.4', { annotated: true });
    await writeFiles(dir, { [SPAWN]: spawn('2', 'echo new\n'), 'exegol/config/ConstantConfig.py': '__version__ = "5.1.5"\n' });
    await commitAll(dir);
    await tagRepo(dir, '5.1.5', { signed: true });
    expect(await findings(dir, ['wrapper/spawn-version-bumped'])).toEqual([
      'wrapper/spawn-version-bumped error exegol/utils/imgsync/spawn.sh:3 spawn.sh changed since 5.1.4 but its spawn version is still 2; existing containers will not refresh it: use "# Spawn Version:3"',
    ]);
    await writeFiles(dir, { [SPAWN]: spawn('3', 'echo new\n') });
    await commitAll(dir);
    await git(dir, 'tag', '-f', '5.1.5');
    expect(await findings(dir, ['wrapper/spawn-version-bumped'])).toEqual([]);
    // Without a release tag on the commit the rule does not run.
    await writeFiles(dir, { [SPAWN]: spawn('3', 'echo newer\n') });
    await commitAll(dir);
    expect(await findings(dir, ['wrapper/spawn-version-bumped'])).toEqual([]);
  });
});

describe('wrapper/gitmodules-branch-main', () => {
  it('fires for a missing or wrong branch, keyed by path', async () => {
    const dir = await makeFolder({ fixture: 'wrapper-4.3' });
    expect(await findings(dir, ['wrapper/gitmodules-branch-main'], { mode: 'dev' })).toEqual([]);
    await writeFiles(dir, { '.gitmodules': '[submodule "sources"]\n\tpath = exegol-docker-build\n\tbranch = dev\n[submodule "exegol-resources"]\n\tpath = exegol-resources\n' });
    expect(await findings(dir, ['wrapper/gitmodules-branch-main'], { mode: 'dev' })).toEqual([
      'wrapper/gitmodules-branch-main error .gitmodules:3 submodule exegol-docker-build tracks branch dev; releases point the submodules at main: set "branch = main"',
      'wrapper/gitmodules-branch-main error .gitmodules:4 submodule exegol-resources has no "branch = main"; add it so "git submodule update --remote" follows main',
    ]);
  });

  it('treats a binary .gitmodules as unreadable, not a crash', async () => {
    const dir = await makeFolder({ fixture: 'wrapper-5x', files: { '.gitmodules': '\0\0\0' } });
    expect(await findings(dir, ['wrapper/gitmodules-branch-main'], { mode: 'dev' })).toEqual([
      'meta/parse-error error .gitmodules:1 cannot read .gitmodules: binary file (contains NUL bytes)',
    ]);
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
    expect(await findings(dir, ['wrapper/gitmodules-gitlink', 'wrapper/submodule-on-main'])).toEqual([]);
  });

  it('note a submodule behind main and fire for one off main', async () => {
    const { dir, images } = await wrapperWithSubmodules();
    await writeFiles(images, { 'new.txt': 'x' });
    await commitAll(images, 'ahead');
    await git(path.join(dir, 'exegol-images'), 'fetch', '-q', 'origin');
    expect(await findings(dir, ['wrapper/submodule-on-main'])).toEqual([
      'wrapper/submodule-on-main note .gitmodules:2 exegol-images is on main but 1 commit(s) behind refs/remotes/origin/main; update it if this release should ship them',
    ]);
    const sub = path.join(dir, 'exegol-images');
    await git(sub, 'checkout', '-q', '-b', 'feature');
    await writeFiles(sub, { 'feature.txt': 'f' });
    await commitAll(sub, 'feature work');
    await commitAll(dir, 'point at feature');
    expect(await findings(dir, ['wrapper/submodule-on-main'])).toEqual([
      expect.stringMatching(/^wrapper\/submodule-on-main error \.gitmodules:2 exegol-images points at [0-9a-f]{12}, which is not on refs\/remotes\/origin\/main; point it at main/),
    ]);
  });

  it('say "cannot verify" without a local clone, and catch undeclared or missing gitlinks', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    const sha = await git(dir, 'rev-parse', 'HEAD');
    await git(dir, 'update-index', '--add', '--cacheinfo', `160000,${sha},exegol-images`);
    await git(dir, 'update-index', '--add', '--cacheinfo', `160000,${sha},stray`);
    await git(dir, 'commit', '-q', '-m', 'gitlinks without clones');
    expect(await findings(dir, ['wrapper/gitmodules-gitlink', 'wrapper/submodule-on-main'])).toEqual([
      'wrapper/gitmodules-gitlink error .gitmodules:1 gitlink stray (commit ' + sha.slice(0, 12) + ') is not declared in .gitmodules; add a [submodule] entry with path = stray or "git rm --cached stray"',
      `wrapper/submodule-on-main note .gitmodules:2 cannot verify: whether exegol-images (${sha.slice(0, 12)}) is on main: no local clone has that commit (run "git submodule update --init")`,
      'wrapper/gitmodules-gitlink error .gitmodules:6 submodule path exegol-resources has no gitlink in this commit; run "git submodule add" again or remove the entry',
    ]);
    // --rev reads gitlinks from the commit's tree, not the index.
    const viaRev = await findings(dir, ['wrapper/gitmodules-gitlink'], { rev: 'HEAD' });
    expect(viaRev).toHaveLength(2);
  });

  it('put an undeclared gitlink of a commit without .gitmodules at the gitlink, never at a missing .gitmodules', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    const sha = await git(dir, 'rev-parse', 'HEAD');
    await git(dir, 'rm', '-q', '.gitmodules');
    await git(dir, 'update-index', '--add', '--cacheinfo', `160000,${sha},stray`);
    await git(dir, 'commit', '-q', '-m', 'a gitlink, no .gitmodules');
    expect(await findings(dir, ['wrapper/gitmodules-gitlink'], { rev: 'HEAD' })).toEqual([
      `wrapper/gitmodules-gitlink error stray:1 gitlink stray (commit ${sha.slice(0, 12)}) is not declared: this commit has no .gitmodules; create it with a [submodule] entry with path = stray, or "git rm --cached stray"`,
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
    expect(await findings(dir, ['wrapper/dev-contains-release'])).toEqual([
      `wrapper/dev-contains-release error exegol/config/ConstantConfig.py:4 branch master (${master.slice(0, 12)}) is not contained in branch dev: after a release run "git checkout dev && git merge master --ff-only && git push"`,
    ]);
    // A feature branch cut before the release is not a dev branch of the policy: not judged.
    await git(dir, 'checkout', '-q', '-b', 'feature/old');
    expect(await findings(dir, ['wrapper/dev-contains-release'])).toEqual([]);
    await git(dir, 'checkout', '-q', 'dev');
    await git(dir, 'merge', '-q', '--ff-only', 'master');
    await writeFiles(dir, { 'exegol/config/ConstantConfig.py': '__version__ = "5.1.5b1"\n' });
    await commitAll(dir, 'next beta');
    expect(await findings(dir, ['wrapper/dev-contains-release'])).toEqual([]);
    await git(dir, 'checkout', '-q', '--detach', 'HEAD');
    expect(await findings(dir, ['wrapper/dev-contains-release'], { mode: 'dev' })).toEqual([]);
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
    expect(await findings(dir, ['wrapper/dev-contains-release'])).toEqual([
      `wrapper/dev-contains-release error exegol/config/ConstantConfig.py:4 branch upstream/trunk (${trunk.slice(0, 12)}) is not contained in branch dev: after a release run "git checkout dev && git merge trunk --ff-only && git push"`,
    ]);
  });

  it('says "cannot verify" without a release branch', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'dev' });
    expect(await findings(dir, ['wrapper/dev-contains-release'])).toEqual([
      'wrapper/dev-contains-release note exegol/config/ConstantConfig.py:4 cannot verify: whether branch dev contains branch master: no local or remote-tracking branch master exists here (fetch it)',
    ]);
  });
});
