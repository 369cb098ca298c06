// The version rules where git decides: release tags (lightweight, annotated, signed), history,
// shallow clones. The file-only cases run in memory: cases/version-files.ts.
import { describe, expect, it } from 'vitest';
import { commitAll, git, makeFolder, makeRepo, tagRepo, tmpDir, writeFiles } from '../../helpers/git.js';
import { found } from '../../helpers/found.js';

const VERSION_RULES = [
  'wrapper/version-declared',
  'wrapper/version-format',
  'wrapper/version-no-prerelease',
  'wrapper/version-matches-tag',
  'wrapper/version-increases',
  'wrapper/test-version-matches',
  'wrapper/tests-import-exists',
  'wrapper/requirements-sync',
];
const CC = 'exegol/config/ConstantConfig.py';

describe('historical layouts', () => {
  for (const [fixture, version] of [['wrapper-4.1', '4.1.1'], ['wrapper-4.3', '4.3.9'], ['wrapper-5x', '5.1.4']] as const) {
    it(`${fixture}: a correct release tagged ${version} is clean`, async () => {
      const dir = await makeRepo({ fixture, branch: 'master' });
      await tagRepo(dir, version, { annotated: true });
      expect(await found(dir, VERSION_RULES)).toEqual([]);
    });
  }
});

describe('wrapper/version-matches-tag', () => {
  for (const kind of ['lightweight', 'annotated', 'signed'] as const) {
    it(`compares with a ${kind} release tag`, async () => {
      const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
      await tagRepo(dir, '5.1.5', { annotated: kind === 'annotated', signed: kind === 'signed' });
      expect(await found(dir, ['wrapper/version-matches-tag'])).toEqual([
        { rule: 'wrapper/version-matches-tag', severity: 'error', messageId: 'notTagged', at: `${CC}:4`, data: { version: '5.1.4', tag: '5.1.5', tagged: '5.1.5' } },
      ]);
    });
  }

  it('does not run without a release tag, and ignores non-release tags', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    await tagRepo(dir, 'v5.1.9');
    expect(await found(dir, ['wrapper/version-matches-tag'])).toEqual([]);
  });
});

describe('wrapper/version-increases', () => {
  it('fires below an ancestor release tag, ignores tags off the history and on the commit itself', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    await tagRepo(dir, '5.1.4', { annotated: true });
    expect(await found(dir, ['wrapper/version-increases'])).toEqual([]);
    await git(dir, 'checkout', '-q', '-b', 'dev');
    await writeFiles(dir, { [CC]: '__version__ = "5.1.3b1"\n' });
    await commitAll(dir);
    expect(await found(dir, ['wrapper/version-increases'])).toEqual([
      { rule: 'wrapper/version-increases', severity: 'error', messageId: 'notAbove', at: `${CC}:1`, data: { version: '5.1.3b1', release: '5.1.4', next: '5.1.5b1' } },
    ]);
    await git(dir, 'checkout', '-q', '-b', 'side', 'HEAD~1');
    await writeFiles(dir, { 'x.txt': 'x' });
    await commitAll(dir);
    await tagRepo(dir, '9.9.9');
    await git(dir, 'checkout', '-q', 'dev');
    await writeFiles(dir, { [CC]: '__version__ = "5.1.5b1"\n' });
    await commitAll(dir);
    expect(await found(dir, ['wrapper/version-increases'])).toEqual([]);
  });

  it('says "cannot verify" outside git and in a shallow clone missing the tagged commit', async () => {
    const folder = await makeFolder({ fixture: 'wrapper-5x' });
    const unknown = { rule: 'wrapper/version-increases', severity: 'note', messageId: 'releasesUnknown', unverified: true };
    expect(await found(folder, ['wrapper/version-increases'], { mode: 'dev' })).toEqual([{ ...unknown, at: `${CC}:4`, data: { version: '5.1.4', reason: 'not a git repository' } }]);
    const origin = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    await tagRepo(origin, '5.1.4', { annotated: true });
    await writeFiles(origin, { [CC]: '__version__ = "5.1.5"\n' });
    await commitAll(origin);
    const shallow = tmpDir();
    await git(shallow, 'clone', '-q', '--depth', '1', '--no-single-branch', `file://${origin}`, 'clone');
    await git(`${shallow}/clone`, 'fetch', '-q', '--depth', '1', 'origin', 'refs/tags/5.1.4:refs/tags/5.1.4');
    expect(await found(`${shallow}/clone`, ['wrapper/version-increases'])).toEqual([
      {
        ...unknown,
        at: `${CC}:1`,
        data: {
          version: '5.1.5',
          reason: 'the history is incomplete (shallow clone): whether tag 5.1.4 is in it cannot be told; run "git fetch --tags --unshallow" (GitHub Actions: actions/checkout with fetch-depth: 0)',
        },
      },
    ]);
  });
});

describe('wrapper/dev-version-is-prerelease', () => {
  it('asks for the post-release bump when dev still carries a released version', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    await tagRepo(dir, '5.1.4', { signed: true });
    await git(dir, 'checkout', '-q', '-b', 'dev');
    // Right after the fast-forward, dev's HEAD carries the release tag: still dev mode (the branch
    // decides), and the bump is due, a warning: the documented flow pushes dev before bumping.
    const rule = 'wrapper/dev-version-is-prerelease';
    const released = { version: '5.1.4', tag: '5.1.4', next: '5.1.5b1' };
    const due = { rule, severity: 'warning', messageId: 'betaBumpDue', at: `${CC}:4`, data: released };
    expect(await found(dir, [rule])).toEqual([due]);
    expect(await found(dir, [rule], { mode: 'dev' })).toEqual([due]);
    // A commit beyond the release without the bump: an error.
    await writeFiles(dir, { 'NOTES.md': 'work\n' });
    await commitAll(dir, 'work after the release');
    expect(await found(dir, [rule])).toEqual([{ rule, severity: 'error', messageId: 'betaBumpMissing', at: `${CC}:4`, data: released }]);
    // A version no tag names yet is only expected to be a beta.
    await writeFiles(dir, { [CC]: '__version__ = "5.1.5"\n' });
    expect(await found(dir, [rule], { mode: 'dev' })).toEqual([{ rule, severity: 'warning', messageId: 'noBeta', at: `${CC}:1`, data: { version: '5.1.5', expected: '5.1.5b1' } }]);
    await writeFiles(dir, { [CC]: '__version__ = "5.1.5b1"\n' });
    expect(await found(dir, [rule], { mode: 'dev' })).toEqual([]);
  });
});

describe('PEP 440 dev releases', () => {
  it('parse as a segment below every pre-release, .dev alone being .dev0', async () => {
    const { comparePep440, parsePep440 } = await import('../../../rules/wrapper/_pep440.js');
    expect(parsePep440('3.1.12.dev')).toEqual({ text: '3.1.12.dev', release: [3, 1, 12], base: '3.1.12', pre: { letter: 'dev', number: 0 } });
    expect(['3.1.12.dev.1', '3.1.12b1.dev1', '3.1.12-dev', '3.1.12dev'].map(parsePep440)).toEqual([undefined, undefined, undefined, undefined]);
    const order = ['3.1.11', '3.1.12.dev', '3.1.12.dev2', '3.1.12a1', '3.1.12b1', '3.1.12rc1', '3.1.12'];
    const parsed = order.map((t) => parsePep440(t)!);
    expect([...parsed].reverse().sort(comparePep440).map((v) => v.text)).toEqual(order);
  });
});
