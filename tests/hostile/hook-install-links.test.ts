// `hook install` edits files of the checked-out repository (.husky/pre-push, lefthook.yml). A
// repository may commit them as symbolic links to a file of the user, or `.husky` as a link to a
// folder outside it: install refuses with a reason and writes nothing there.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { commitAll, makeRepo, tmpDir } from '../helpers/git.js';
import { installManager } from '../integration/hook-managers/managers.js';

const VICTIM = 'export PATH=/usr/bin\n';

async function victim(): Promise<string> {
  const file = path.join(tmpDir('porgs-victim-'), '.profile');
  await fs.writeFile(file, VICTIM);
  return file;
}

describe('hook install never writes through a link the repository planted', () => {
  it('refuses a .husky/pre-push that is a symbolic link', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    const target = await victim();
    await installManager(dir, 'husky');
    await fs.rm(path.join(dir, '.husky/pre-push'));
    await fs.symlink(target, path.join(dir, '.husky/pre-push'));
    await commitAll(dir, 'a link');
    const res = await runCli(['hook', 'install'], { cwd: dir });
    expect(res.stderr).toContain('.husky/pre-push is not a regular file (a symbolic link or special file); nothing written');
    expect(res.code).toBe(2);
    expect(await fs.readFile(target, 'utf8')).toBe(VICTIM);
  });

  it('refuses a .husky folder that leads outside the repository', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    const outside = path.dirname(await victim());
    await installManager(dir, 'husky');
    await fs.rm(path.join(dir, '.husky/pre-push'));
    await fs.cp(path.join(dir, '.husky/_'), path.join(outside, '_'), { recursive: true });
    await fs.rm(path.join(dir, '.husky'), { recursive: true });
    await fs.symlink(outside, path.join(dir, '.husky'));
    const res = await runCli(['hook', 'install'], { cwd: dir });
    expect(res.stderr).toContain('(a symbolic link); nothing written');
    expect(res.code).toBe(2);
    await expect(fs.stat(path.join(outside, 'pre-push'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a lefthook.yml that is a symbolic link', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    const target = await victim();
    await installManager(dir, 'lefthook');
    await fs.rm(path.join(dir, 'lefthook.yml'));
    await fs.symlink(target, path.join(dir, 'lefthook.yml'));
    const res = await runCli(['hook', 'install'], { cwd: dir });
    expect(res.stderr).toContain('lefthook.yml is not a regular file (a symbolic link or special file); nothing written');
    expect(res.code).toBe(2);
    expect(await fs.readFile(target, 'utf8')).toBe(VICTIM);
  });
});
