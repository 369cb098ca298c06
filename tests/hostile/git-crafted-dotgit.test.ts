// Crafted .git contents: FIFOs where files belong (reading one blocks forever), a HEAD that walks
// out of refs/ onto /dev/zero, symlinks leaving .git, and objects whose size is huge. Each run must
// finish quickly with a "cannot verify" note (or exit 2 where nothing can be done) naming the file.
import { promises as fs, symlinkSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openGitFacts } from '../../runner/git-facts.js';
import { runCli } from '../helpers/cli.js';
import { commitAll, git, makeRepo, tagRepo, writeFiles } from '../helpers/git.js';
import { mkfifo, tempFolders, within } from '../helpers/hostile.js';

const keep = tempFolders();
const Z = '0'.repeat(40);

async function wrapperRepo(): Promise<string> {
  const dir = keep(await makeRepo({ fixture: 'wrapper-5x', branch: 'master' }));
  await tagRepo(dir, '5.1.3', { annotated: true });
  await writeFiles(dir, { 'exegol/config/ConstantConfig.py': '__version__ = "5.1.4"\n' });
  await commitAll(dir, 'next');
  return dir;
}

/** The version-increases note of a dev lint, which needs HEAD, the tags and the objects. */
async function gitNote(dir: string): Promise<string[]> {
  const res = await within(10_000, () => runCli(['--mode', 'dev', '--rule', 'wrapper/version-increases', '--format', 'json', dir]));
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout).diagnostics.map((d: { severity: string; message: string }) => `${d.severity} ${d.message}`);
}

const cannotVerify = (why: string) => `note cannot verify: whether 5.1.4 is above earlier release tags: ${why}`;

describe('FIFOs in .git finish at once', () => {
  it.each([
    ['HEAD', 'cannot read .git: .git/HEAD is not a regular file'],
    ['packed-refs', 'cannot read .git: .git/packed-refs is not a regular file'],
    ['refs/heads/feature', 'cannot read .git: .git/refs/heads/feature is not a regular file'],
    ['objects/info/alternates', 'cannot read .git: .git/objects/info/alternates is not a regular file'],
  ])('a FIFO as %s', async (file, why) => {
    const dir = await wrapperRepo();
    await mkfifo(path.join(dir, '.git', file));
    expect(await gitNote(dir)).toEqual([cannotVerify(why)]);
  }, 20_000);

  it('a FIFO as HEAD: --rev is a usage error and the pre-push hook fails closed, both at once', async () => {
    const dir = await wrapperRepo();
    const head = await git(dir, 'rev-parse', 'HEAD');
    await mkfifo(path.join(dir, '.git', 'HEAD'));
    const rev = await within(10_000, () => runCli(['--rev', head, dir]));
    expect([rev.code, rev.stderr.trim()]).toEqual([2, expect.stringMatching(/^porgs-lint: --rev [0-9a-f]{40}: cannot read the git data of .*: \.git\/HEAD is not a regular file$/)]);
    const hook = await within(10_000, () => runCli(['pre-push', 'origin', 'url'], { cwd: dir, input: `refs/heads/dev ${head} refs/heads/dev ${Z}\n` }));
    expect([hook.code, hook.stderr]).toEqual([2, expect.stringContaining('cannot read the repository: cannot read .git: .git/HEAD is not a regular file')]);
  }, 30_000);
});

describe('HEAD and refs that lead out of .git', () => {
  it('HEAD pointing at refs/heads/../../../../dev/zero is refused by its name, never read', async () => {
    const dir = await wrapperRepo();
    await fs.writeFile(path.join(dir, '.git/HEAD'), 'ref: refs/heads/../../../../dev/zero\n');
    expect(await gitNote(dir)).toEqual([cannotVerify('cannot read .git: HEAD points at "refs/heads/../../../../dev/zero", which is not a valid ref name (contains "..")')]);
  });

  it('symlinks in .git are not followed: a tag ref, packed-refs', async () => {
    const dir = await wrapperRepo();
    symlinkSync('/dev/zero', path.join(dir, '.git/packed-refs'));
    expect(await gitNote(dir)).toEqual([cannotVerify('cannot read .git: .git/packed-refs is a symbolic link; not followed')]);
    await fs.rm(path.join(dir, '.git/packed-refs'));
    symlinkSync(path.join(dir, '.git/refs/heads/master'), path.join(dir, '.git/refs/tags/9.9.9'));
    expect(await gitNote(dir)).toEqual([cannotVerify('cannot read .git: .git/refs/tags/9.9.9 is a symbolic link; not followed')]);
  });
});

describe('a repository format porgs-lint cannot read safely', () => {
  it('an unknown extension, or an unknown format version, is "cannot verify", never git on the repo', async () => {
    const dir = await wrapperRepo();
    const config = (...args: string[]) => git(dir, 'config', '-f', '.git/config', ...args);
    await config('core.repositoryformatversion', '1');
    await config('extensions.refStorage', 'reftable');
    expect(await gitNote(dir)).toEqual([cannotVerify('cannot read .git: the repository uses extensions.refstorage, which porgs-lint cannot read safely')]);
    await config('--unset', 'extensions.refStorage');
    await config('core.repositoryformatversion', '2');
    expect(await gitNote(dir)).toEqual([cannotVerify('cannot read .git: core.repositoryformatversion is 2, which git 2.39 does not read')]);
  });
});

describe('objects are bounded before they are read', () => {
  /** A loose object file whose header declares `declared` bytes, with `body` as content. */
  async function looseObject(dir: string, oid: string, declared: number, body: Buffer): Promise<void> {
    const file = path.join(dir, '.git/objects', oid.slice(0, 2), oid.slice(2));
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, deflateSync(Buffer.concat([Buffer.from(`tag ${declared}\0`), body])));
    await fs.writeFile(path.join(dir, '.git/refs/tags/9.9.9'), `${oid}\n`);
  }

  it('a tag object declaring 3 GB is refused by its header, without inflating it', async () => {
    const dir = await wrapperRepo();
    await looseObject(dir, 'ab'.repeat(20), 3_000_000_000, Buffer.from('object 0\n'));
    expect(await gitNote(dir)).toEqual([cannotVerify('the tags cannot be read: object abababababab is 3000000000 bytes, more than the 1048576 porgs-lint reads')]);
  });

  it('a 64 MB zlib bomb is refused by its header; one that lies about its size is never inflated past it', async () => {
    const dir = await wrapperRepo();
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    await looseObject(dir, 'cd'.repeat(20), zeros.length, zeros);
    expect(await gitNote(dir)).toEqual([cannotVerify('the tags cannot be read: object cdcdcdcdcdcd is 67108864 bytes, more than the 1048576 porgs-lint reads')]);
    // Declared 100 bytes, 64 MB inside: inflating stops at the declared size; git then gives its reason.
    await fs.rm(path.join(dir, '.git/objects/cd'), { recursive: true });
    await looseObject(dir, 'ef'.repeat(20), 100, zeros);
    const [note] = await gitNote(dir);
    expect(note).toMatch(/^note cannot verify: whether 5\.1\.4 is above earlier release tags: the tags cannot be read: git for-each-ref failed: /);
  }, 30_000);

  it('cat-file blobs above the 5 MB file limit are skipped as they stream, and the stream stays in step', async () => {
    const dir = await wrapperRepo();
    await writeFiles(dir, { 'big.txt': 'x'.repeat(6 * 1024 * 1024), 'small.txt': 'small\n' });
    await commitAll(dir, 'a big file');
    const facts = await openGitFacts({ root: dir });
    const [big, small] = await Promise.all([facts.object('HEAD:big.txt'), facts.object('HEAD:small.txt')]);
    facts.close();
    expect([big?.type, big?.size, big?.tooLarge, big?.content.length]).toEqual(['blob', 6 * 1024 * 1024, true, 0]);
    expect([small?.tooLarge, small?.content.toString()]).toEqual([false, 'small\n']);
    await writeFiles(dir, { 'exegol/config/ConstantConfig.py': `__version__ = "5.1.4"\n#${'x'.repeat(6 * 1024 * 1024)}\n` });
    await commitAll(dir, 'a big version file');
    const res = await runCli(['--rev', 'HEAD', '--mode', 'dev', '--rule', 'wrapper/version-declared', dir]);
    expect(res.stdout).toContain('cannot read exegol/config/ConstantConfig.py: file is larger than 5 MB');
  });
});

describe('an index porgs-lint does not read', () => {
  it('is "cannot verify" for the gitlink rules, not "no gitlinks"', async () => {
    const dir = await wrapperRepo();
    await git(dir, 'update-index', '--split-index');
    const res = await runCli(['--mode', 'release', '--rule', 'wrapper/gitmodules-gitlink', '--rule', 'wrapper/submodule-on-main', '--format', 'json', dir]);
    expect(JSON.parse(res.stdout).diagnostics.map((d: { ruleId: string; severity: string; message: string }) => `${d.ruleId} ${d.severity} ${d.message}`)).toEqual([
      'wrapper/gitmodules-gitlink note cannot verify: whether the submodules have gitlinks: the index is split (core.splitIndex), which porgs-lint does not read',
      'wrapper/submodule-on-main note cannot verify: whether the submodules are on main: their gitlinks cannot be read: the index is split (core.splitIndex), which porgs-lint does not read',
    ]);
  });
});
