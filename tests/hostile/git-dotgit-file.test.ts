// A `.git` file (and the `commondir` of the folder it names) is followed only to what git itself
// makes for this checkout: a linked worktree's or a submodule's git folder. Pointing it at any
// other repository on the machine must not make porgs-lint read that repository.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { commitAll, git, makeRepo, tagRepo, tmpDir, writeFiles } from '../helpers/git.js';
import { tempFolders, within } from '../helpers/hostile.js';

const keep = tempFolders();
const SECRET = 'SECRET-7f3a9c';

/** A repository on the machine that the checked folder must never read. */
async function secretRepo(): Promise<string> {
  const dir = keep(await makeRepo({ fixture: 'wrapper-5x', branch: 'master' }));
  await writeFiles(dir, { 'exegol/config/ConstantConfig.py': `__version__ = "${SECRET}"\n` });
  await commitAll(dir, `${SECRET} commit message`);
  return dir;
}

/** A folder that is not a repository but holds a copy of the files, to hold a crafted `.git` file. */
async function craftedCheckout(dotGit: string): Promise<string> {
  const dir = keep(tmpDir());
  await writeFiles(dir, { 'exegol/config/ConstantConfig.py': '__version__ = "5.1.4"\n', '.git': dotGit });
  return dir;
}

const lint = (dir: string) => within(10_000, () => runCli(['--mode', 'dev', '--rule', 'wrapper/version-increases', '--format', 'json', dir]));
const rev = (dir: string) => within(10_000, () => runCli(['--rev', 'HEAD', '--format', 'json', dir]));

function notes(stdout: string): string[] {
  return JSON.parse(stdout).diagnostics.map((d: { severity: string; message: string }) => `${d.severity} ${d.message}`);
}

describe('what git makes is still followed', () => {
  it('a linked worktree made by git worktree add: lint and --rev read it', async () => {
    const main = keep(await makeRepo({ fixture: 'wrapper-5x', branch: 'master' }));
    const worktree = path.join(keep(tmpDir()), 'wt');
    await git(main, 'worktree', 'add', '-q', worktree, '-b', 'feature');
    const res = await lint(worktree);
    expect(res.code, res.stderr).toBe(0);
    expect(notes(res.stdout).join('\n')).not.toContain('cannot verify');
    const r = await rev(worktree);
    expect([r.code, r.stderr]).toEqual([expect.any(Number), '']);
    expect(r.code).toBeLessThan(2);
  }, 30_000);

  it('a submodule checkout made by git submodule add from a local bare repo: lint and --rev read it', async () => {
    const source = keep(await makeRepo({ fixture: 'wrapper-5x', branch: 'master' }));
    await tagRepo(source, '5.0.0', { annotated: true });
    const bare = path.join(keep(tmpDir()), 'sub.git');
    await git(source, 'clone', '-q', '--bare', source, bare);
    const superRepo = keep(await makeRepo());
    await git(superRepo, 'submodule', 'add', '-q', bare, 'sub');
    const sub = path.join(superRepo, 'sub');
    expect((await fs.readFile(path.join(sub, '.git'), 'utf8')).trim()).toBe('gitdir: ../.git/modules/sub');
    const res = await lint(sub);
    expect(res.code, res.stderr).toBe(0);
    expect(notes(res.stdout).join('\n')).not.toContain('cannot verify');
    const r = await rev(sub);
    expect([r.code, r.stderr]).toEqual([expect.any(Number), '']);
    expect(r.code).toBeLessThan(2);
  }, 30_000);
});

describe('a .git file naming another repository is refused, never read', () => {
  const refusal = (target: string) => `the .git file points at ${target}, which is not a worktree or submodule git folder of this checkout; not read`;

  it('gitdir: <another repo>/.git', async () => {
    const secret = await secretRepo();
    const target = await fs.realpath(path.join(secret, '.git'));
    const dir = await craftedCheckout(`gitdir: ${target}\n`);
    const res = await lint(dir);
    expect(res.code, res.stderr).toBe(0);
    expect(notes(res.stdout)).toEqual([`note cannot verify: whether 5.1.4 is above earlier release tags: cannot read .git: ${refusal(target)}`]);
    const r = await rev(dir);
    expect([r.code, r.stderr.trim()]).toEqual([2, `porgs-lint: --rev HEAD: ${dir}: cannot read .git: ${refusal(target)}`]);
    for (const out of [res.stdout, res.stderr, r.stdout, r.stderr]) expect(out).not.toContain(SECRET);
  }, 30_000);

  it('a worktree-like folder inside the checkout whose commondir names another repository', async () => {
    const secret = await secretRepo();
    const dir = await craftedCheckout('gitdir: fake\n');
    const fake = path.join(dir, 'fake');
    await writeFiles(fake, { HEAD: 'ref: refs/heads/master\n', gitdir: `${path.join(dir, '.git')}\n`, commondir: `${path.join(secret, '.git')}\n` });
    const target = await fs.realpath(fake);
    const res = await lint(dir);
    expect(notes(res.stdout)).toEqual([`note cannot verify: whether 5.1.4 is above earlier release tags: cannot read .git: ${refusal(target)}`]);
    const r = await rev(dir);
    expect([r.code, r.stderr.trim()]).toEqual([2, `porgs-lint: --rev HEAD: ${dir}: cannot read .git: ${refusal(target)}`]);
    for (const out of [res.stdout, res.stderr, r.stdout, r.stderr]) expect(out).not.toContain(SECRET);
  }, 30_000);

  it('a submodule git folder whose commondir leaves the superproject .git', async () => {
    const secret = await secretRepo();
    const source = keep(await makeRepo({ fixture: 'wrapper-5x', branch: 'master' }));
    const superRepo = keep(await makeRepo());
    await git(superRepo, 'submodule', 'add', '-q', source, 'sub');
    const modules = await fs.realpath(path.join(superRepo, '.git/modules/sub'));
    await fs.writeFile(path.join(modules, 'commondir'), `${path.join(secret, '.git')}\n`);
    const sub = path.join(superRepo, 'sub');
    const res = await lint(sub);
    const why = `${modules}/commondir points at ${await fs.realpath(path.join(secret, '.git'))}, outside ${await fs.realpath(path.join(superRepo, '.git'))}; not read`;
    expect(notes(res.stdout)).toEqual([`note cannot verify: whether 5.1.4 is above earlier release tags: cannot read .git: ${why}`]);
    const r = await rev(sub);
    expect([r.code, r.stderr.trim()]).toEqual([2, `porgs-lint: --rev HEAD: ${sub}: cannot read .git: ${why}`]);
    for (const out of [res.stdout, res.stderr, r.stdout, r.stderr]) expect(out).not.toContain(SECRET);
  }, 30_000);

  it('the path in the refusal is escaped', async () => {
    const secret = await secretRepo();
    const odd = path.join(keep(tmpDir()), 'a\x1b[31mb');
    await fs.cp(path.join(secret, '.git'), odd, { recursive: true });
    const dir = await craftedCheckout(`gitdir: ${odd}\n`);
    const res = await lint(dir);
    expect(res.stdout + res.stderr).not.toContain('\x1b');
    expect(notes(res.stdout)).toEqual([expect.stringContaining('which is not a worktree or submodule git folder of this checkout; not read')]);
    expect(res.stdout).not.toContain(SECRET);
  }, 30_000);
});

describe('a submodule clone under .git/modules whose commondir names another repository', () => {
  it('is not read when the superproject checks its gitlink', async () => {
    const secret = keep(await makeRepo({ files: { 'secret.txt': `${SECRET}\n` } }));
    const gitlink = await git(secret, 'rev-parse', 'HEAD');
    const dir = keep(await makeRepo({ fixture: 'wrapper-5x', branch: 'master' }));
    await writeFiles(dir, { '.gitmodules': '[submodule "exegol-images"]\n\tpath = exegol-images\n\turl = https://github.com/ThePorgs/Exegol-images\n\tbranch = main\n' });
    await git(dir, 'add', '-A');
    await git(dir, 'update-index', '--add', '--cacheinfo', `160000,${gitlink},exegol-images`);
    await git(dir, 'commit', '-q', '-m', 'submodule');
    const clone = path.join(dir, '.git/modules/exegol-images');
    await writeFiles(clone, { HEAD: 'ref: refs/heads/main\n', commondir: `${path.join(secret, '.git')}\n` });
    const res = await runCli(['--mode', 'release', '--rule', 'wrapper/submodule-on-main', '--format', 'json', dir]);
    const why = `${await fs.realpath(clone)}/commondir points at ${await fs.realpath(path.join(secret, '.git'))}, outside ${await fs.realpath(path.join(dir, '.git'))}; not read`;
    expect(notes(res.stdout)).toEqual([expect.stringMatching(/^note cannot verify: whether exegol-images \(\w+\) is on main: /)]);
    expect(notes(res.stdout)[0]).toContain(`cannot read its git folder: ${why}`);
    expect(res.stdout + res.stderr).not.toContain(SECRET);
  }, 30_000);
});
