// A checked repository must not choose where porgs-lint writes: not through a committed symbolic
// link named like the report or like a folder on its path, not through a repo name in its config.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { commitAll, git, makeFolder, tmpDir, writeFiles } from '../helpers/git.js';

const WRAPPER = { 'exegol/config/ConstantConfig.py': '__version__ = "5.2.0b1"\n' };
const RULE = ['--mode', 'release', '--rule', 'wrapper/version-no-prerelease'];
const VICTIM_TEXT = 'the CI user\'s dotfile\n';

const made: string[] = [];
const temp = (prefix?: string) => {
  const dir = tmpDir(prefix);
  made.push(dir);
  return dir;
};
afterAll(async () => {
  await Promise.all(made.map((d) => fs.rm(d, { recursive: true, force: true })));
});

/** base/ws/repo with committed links `porgs.sarif -> ../../victim` and `reports -> <elsewhere>`. */
async function hostileCheckout() {
  const base = temp('porgs-out-');
  const repo = path.join(base, 'ws', 'repo');
  const elsewhere = path.join(base, 'elsewhere');
  await fs.mkdir(elsewhere, { recursive: true });
  await writeFiles(repo, WRAPPER);
  const victim = path.join(base, 'victim');
  await fs.writeFile(victim, VICTIM_TEXT);
  await fs.symlink('../../victim', path.join(repo, 'porgs.sarif'));
  await fs.symlink(elsewhere, path.join(repo, 'reports'));
  await git(repo, 'init', '-q', '-b', 'master');
  await commitAll(repo, 'links named like the reports');
  expect(await git(repo, 'ls-files', '-s', 'porgs.sarif', 'reports')).toMatch(/^120000 .*\tporgs\.sarif\n120000 .*\treports$/);
  return { base, repo, victim, elsewhere };
}

describe('a committed symbolic link does not redirect a report', () => {
  it('refuses to write porgs.sarif through a link to a file outside the repo, and the victim is untouched', async () => {
    const { repo, victim } = await hostileCheckout();
    const res = await runCli([...RULE, '--format', 'sarif=porgs.sarif'], { cwd: repo });
    expect(res.code).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain(`--format sarif=porgs.sarif: ${path.join(repo, 'porgs.sarif')} is a symbolic link`);
    expect(await fs.readFile(victim, 'utf8')).toBe(VICTIM_TEXT);
    expect((await fs.lstat(path.join(repo, 'porgs.sarif'))).isSymbolicLink()).toBe(true);
  });

  it('refuses a folder on the path that is a link inside the repo, and writes nothing where it points', async () => {
    const { repo, elsewhere } = await hostileCheckout();
    for (const args of [['--format', 'sarif=reports/porgs.sarif'], ['--format', 'sarif=reports/{repo}.sarif'], ['--format', 'json', '-o', 'reports/out.json']]) {
      const res = await runCli([...RULE, ...args], { cwd: repo });
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr, args.join(' ')).toContain(`${path.join(repo, 'reports')} is a symbolic link inside the checked repository`);
    }
    expect(await fs.readdir(elsewhere)).toEqual([]);
  });

  it('refuses the same links when the repo is given as a folder and the report path goes into it', async () => {
    const { base, repo, elsewhere } = await hostileCheckout();
    const res = await runCli([...RULE, '--format', `sarif=${path.join(repo, 'reports', 'x.sarif')}`, repo], { cwd: base });
    expect(res.code).toBe(2);
    expect(await fs.readdir(elsewhere)).toEqual([]);
  });

  it('still follows the user\'s own links outside the checked repos, and leaves no temp file', async () => {
    const repo = await makeFolder({ files: WRAPPER });
    made.push(repo);
    const user = temp('porgs-user-');
    const real = path.join(user, 'real-reports');
    await fs.mkdir(real);
    await fs.symlink(real, path.join(user, 'reports'));
    await fs.writeFile(path.join(real, 'out.sarif'), 'old report\n');
    const res = await runCli([...RULE, '--format', 'sarif=reports/out.sarif', repo], { cwd: user });
    expect(res.code).toBe(1);
    expect(await fs.readdir(real)).toEqual(['out.sarif']);
    expect(JSON.parse(await fs.readFile(path.join(real, 'out.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('refuses an output file that is itself a link, even outside the repos', async () => {
    const repo = await makeFolder({ files: WRAPPER });
    made.push(repo);
    const user = temp('porgs-user-');
    const target = path.join(user, 'target');
    await fs.writeFile(target, 'keep\n');
    await fs.symlink(target, path.join(user, 'out.json'));
    const res = await runCli([...RULE, '--format', 'json', '-o', path.join(user, 'out.json'), repo]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(`porgs-lint: -o ${path.join(user, 'out.json')}: ${path.join(user, 'out.json')} is a symbolic link; porgs-lint writes only to a regular file: remove it or choose another name\n`);
    expect(await fs.readFile(target, 'utf8')).toBe('keep\n');
  });
});

describe('{repo} in an output name', () => {
  it('is a config error at file:line when a [repos.*] name could leave the folder', async () => {
    const ws = temp('porgs-ws-');
    await writeFiles(path.join(ws, 'Exegol'), WRAPPER);
    await writeFiles(ws, { 'porgs-lint.toml': '[repos."../../x"]\npath = "Exegol"\n' });
    const res = await runCli([...RULE, '--config', 'porgs-lint.toml', '--format', 'sarif=reports/{repo}.sarif'], { cwd: ws });
    expect(res.code).toBe(2);
    expect(res.stderr.trim()).toMatch(/^porgs-lint: porgs-lint\.toml:1:\d+: repo name "\.\.\/\.\.\/x" is not allowed: use letters, digits/);
    expect(await fs.readdir(ws)).toEqual(['Exegol', 'porgs-lint.toml']);
    await expect(fs.access(path.join(ws, '..', 'x.sarif'))).rejects.toThrow();
  });

  it('expands a folder name to a safe file name inside the chosen folder', async () => {
    const ws = temp('porgs-ws-');
    const odd = path.join(ws, '..odd name;$(id)');
    await writeFiles(odd, WRAPPER);
    const res = await runCli([...RULE, '--format', 'sarif=reports/{repo}.sarif', odd], { cwd: ws });
    expect(res.code).toBe(1);
    expect(await fs.readdir(path.join(ws, 'reports'))).toEqual(['odd-name-id-.sarif']);
  });

  it('keeps two formats from both going to standard output', async () => {
    const repo = await makeFolder({ files: WRAPPER });
    made.push(repo);
    const res = await runCli([...RULE, '--format', 'json', '--format', 'sarif', repo]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr.trim()).toBe('porgs-lint: --format json, --format sarif: only one format can go to standard output; give the others a file (--format sarif=<file>)');
  });
});
