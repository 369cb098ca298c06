// A .gitmodules submodule name that leaves .git/modules (`../../x`) and points git at a folder
// committed in the repository, whose config declares a promisor remote with an `uploadpack`
// command: git runs that command when asked for an object it lacks.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { commitAll, git, GIT_ENV, makeRepo, writeFiles } from '../helpers/git.js';
import { tempFolders, trap, trapFolder, type Trap } from '../helpers/hostile.js';

const keep = tempFolders();
const run = promisify(execFile);
const Z = '0'.repeat(40);

/** A wrapper repo on master whose submodule "../../x" has a gitlink to a commit nobody has. */
async function trappedRepo(): Promise<{ dir: string; uploadpack: Trap; missing: string }> {
  const uploadpack = trap(trapFolder(keep), 'uploadpack');
  const dir = keep(await makeRepo({ fixture: 'wrapper-5x', branch: 'master' }));
  await writeFiles(dir, {
    '.gitmodules': '[submodule "../../x"]\n\tpath = exegol-images\n\turl = https://github.com/ThePorgs/Exegol-images\n\tbranch = main\n',
    'x/HEAD': 'ref: refs/heads/main\n',
    'x/objects/.keep': '',
    'x/refs/.keep': '',
    'x/config': [
      '[core]',
      '\trepositoryformatversion = 1',
      '\tbare = true',
      '[extensions]',
      '\tpartialClone = origin',
      '[remote "origin"]',
      '\turl = file:///nonexistent',
      '\tpromisor = true',
      `\tuploadpack = ${uploadpack.program}`,
      '',
    ].join('\n'),
  });
  const missing = 'ab'.repeat(20);
  await git(dir, 'add', '-A');
  await git(dir, 'update-index', '--add', '--cacheinfo', `160000,${missing},exegol-images`);
  await git(dir, 'commit', '-q', '-m', 'submodule with a hostile name');
  return { dir, uploadpack, missing };
}

const NAME_ERROR = 'submodule name "../../x" has a ".." component; git refuses it and porgs-lint reads nothing for it';

describe('a submodule name pointing git at a committed promisor folder', () => {
  it('is live: git itself runs the uploadpack command of the committed folder', async () => {
    const { dir, uploadpack, missing } = await trappedRepo();
    await run('git', [`--git-dir=${path.join(dir, '.git/modules/../../x')}`, 'cat-file', '-e', `${missing}^{commit}`], { env: GIT_ENV }).catch(() => undefined);
    expect(uploadpack.fired()).toBe(true);
  });

  it('runs nothing in release mode and with --rev, and reports the name at its .gitmodules line', async () => {
    const { dir, uploadpack } = await trappedRepo();
    for (const extra of [[], ['--rev', 'HEAD']]) {
      const res = await runCli(['--mode', 'release', '--format', 'json', ...extra, dir]);
      expect(uploadpack.fired()).toBe(false);
      expect(res.code, res.stderr).toBe(1);
      const found = JSON.parse(res.stdout).diagnostics.filter((d: { ruleId: string }) => d.ruleId.includes('submodule') || d.ruleId === 'wrapper/gitmodules-name');
      expect(found.map((d: { ruleId: string; severity: string; location: { path: string; line: number }; message: string }) => [d.ruleId, d.severity, `${d.location.path}:${d.location.line}`, d.message])).toEqual([
        ['wrapper/gitmodules-name', 'error', '.gitmodules:1', expect.stringContaining(NAME_ERROR)],
        ['wrapper/submodule-on-main', 'note', '.gitmodules:2', expect.stringMatching(/cannot verify: whether exegol-images \(ababababab\w+\) is on main: the submodule name "\.\.\/\.\.\/x" has a "\.\." component; nothing is read for it/)],
      ]);
    }
  });

  it('runs nothing in the pre-push hook on a release tag, and blocks the tag for the name', async () => {
    const { dir, uploadpack } = await trappedRepo();
    await git(dir, 'tag', '5.1.4');
    const head = await git(dir, 'rev-parse', 'HEAD');
    const res = await runCli(['pre-push', 'origin', 'url'], { cwd: dir, input: `refs/tags/5.1.4 ${head} refs/tags/5.1.4 ${Z}\n` });
    expect(uploadpack.fired()).toBe(false);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`${NAME_ERROR}: name the submodule after its path (e.g. [submodule "exegol-images"]) [wrapper/gitmodules-name on tag 5.1.4]`);
  });

  it('reads the name with git\'s escapes: "..\\/..\\/x" is ../../x', async () => {
    const { dir, uploadpack } = await trappedRepo();
    await writeFiles(dir, { '.gitmodules': '[submodule "..\\/..\\/x"]\n\tpath = exegol-images\n\tbranch = main\n' });
    expect(await git(dir, 'config', '-f', '.gitmodules', '--get', 'submodule.../../x.path')).toBe('exegol-images');
    await commitAll(dir, 'escaped name');
    const res = await runCli(['--mode', 'release', '--rule', 'wrapper/gitmodules-name', '--rule', 'wrapper/submodule-on-main', dir]);
    expect(uploadpack.fired()).toBe(false);
    expect(res.stdout).toContain(NAME_ERROR);
  });
});
