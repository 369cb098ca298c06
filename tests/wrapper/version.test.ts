// The version rules on every historical layout, with real git history and tags.
import { describe, expect, it } from 'vitest';
import { commitAll, git, makeFolder, makeRepo, tagRepo, tmpDir, writeFiles } from '../helpers/git.js';
import { findings } from '../helpers/lint.js';

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
      expect(await findings(dir, VERSION_RULES)).toEqual([]);
    });
  }

  it('finds __version__ in exegol/__init__.py through `from exegol import __version__`', async () => {
    const dir = await makeRepo({
      branch: 'master',
      files: {
        'exegol/__init__.py': '__version__ = "4.3.0b2"\n',
        [CC]: 'from exegol import __version__\n\n\nclass ConstantConfig:\n    version: str = __version__\n',
      },
    });
    expect(await findings(dir, ['wrapper/version-no-prerelease'])).toEqual([
      'wrapper/version-no-prerelease error exegol/__init__.py:1 version 4.3.0b2 has a pre-release tag; on a release branch use 4.3.0',
    ]);
  });

  it('follows the file pyproject.toml names', async () => {
    const dir = await makeFolder({
      files: {
        'pyproject.toml': '[project]\nname = "Exegol"\n[tool.pdm.version]\nsource = "file"\npath = "exegol/version.py"\n',
        'exegol/version.py': '__version__ = "6.0.0rc1"\n',
        [CC]: '__version__ = "1.0.0"\n',
      },
    });
    expect(await findings(dir, ['wrapper/version-no-prerelease'], { mode: 'release', kind: 'wrapper' })).toEqual([
      'wrapper/version-no-prerelease error exegol/version.py:1 version 6.0.0rc1 has a pre-release tag; on a release branch use 6.0.0',
    ]);
  });
});

describe('wrapper/version-declared and wrapper/version-format', () => {
  it('fire when the version is missing or malformed, and stay silent otherwise', async () => {
    const dir = await makeFolder({ files: { [CC]: 'class ConstantConfig:\n    pass\n' } });
    expect(await findings(dir, ['wrapper/version-declared'], { mode: 'dev' })).toEqual([
      expect.stringMatching(/^wrapper\/version-declared error exegol\/config\/ConstantConfig\.py:1 no version found: looked for .* in exegol\/config\/ConstantConfig\.py, exegol\/utils\/ConstantConfig\.py, exegol\/__init__\.py;/),
    ]);
    await writeFiles(dir, { [CC]: '__version__ = "v5.2"\n' });
    expect(await findings(dir, ['wrapper/version-declared', 'wrapper/version-format'], { mode: 'dev' })).toEqual([
      expect.stringMatching(/^wrapper\/version-format error .*:1 version "v5\.2" is not X\.Y\.Z/),
    ]);
    await writeFiles(dir, { [CC]: "__version__ = '5.2.0a3'\n" });
    expect(await findings(dir, ['wrapper/version-declared', 'wrapper/version-format'], { mode: 'dev' })).toEqual([]);
  });

  it('report unparsable Python as meta/parse-error without crashing', async () => {
    const dir = await makeFolder({ files: { [CC]: '__version__ = "5.1.4"\nclass ConstantConfig(\n' } });
    const got = await findings(dir, ['wrapper/version-declared', 'wrapper/version-format'], { mode: 'dev', kind: 'wrapper' });
    expect(got).toContainEqual(expect.stringMatching(/^meta\/parse-error error exegol\/config\/ConstantConfig\.py:\d+ .*could not be parsed as Python/));
    expect(got).toContainEqual(expect.stringMatching(/^wrapper\/version-declared error/));
  });
});

describe('wrapper/version-no-prerelease', () => {
  it('fires on release, stays silent on dev', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    await writeFiles(dir, { [CC]: '__version__ = "5.2.0b1"\n' });
    await commitAll(dir);
    expect(await findings(dir, ['wrapper/version-no-prerelease'])).toEqual([
      'wrapper/version-no-prerelease error exegol/config/ConstantConfig.py:1 version 5.2.0b1 has a pre-release tag; on a release branch use 5.2.0',
    ]);
    await git(dir, 'checkout', '-q', '-b', 'dev');
    expect(await findings(dir, ['wrapper/version-no-prerelease'])).toEqual([]);
  });
});

describe('wrapper/version-matches-tag', () => {
  for (const kind of ['lightweight', 'annotated', 'signed'] as const) {
    it(`compares with a ${kind} release tag`, async () => {
      const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
      await tagRepo(dir, '5.1.5', { annotated: kind === 'annotated', signed: kind === 'signed' });
      expect(await findings(dir, ['wrapper/version-matches-tag'])).toEqual([
        expect.stringMatching(/^wrapper\/version-matches-tag error exegol\/config\/ConstantConfig\.py:4 version 5\.1\.4 does not match the release tag 5\.1\.5/),
      ]);
    });
  }

  it('does not run without a release tag, and ignores non-release tags', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    await tagRepo(dir, 'v5.1.9');
    expect(await findings(dir, ['wrapper/version-matches-tag'])).toEqual([]);
  });
});

describe('wrapper/version-increases', () => {
  it('fires below an ancestor release tag, ignores tags off the history and on the commit itself', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    await tagRepo(dir, '5.1.4', { annotated: true });
    expect(await findings(dir, ['wrapper/version-increases'])).toEqual([]);
    await git(dir, 'checkout', '-q', '-b', 'dev');
    await writeFiles(dir, { [CC]: '__version__ = "5.1.3b1"\n' });
    await commitAll(dir);
    expect(await findings(dir, ['wrapper/version-increases'])).toEqual([
      'wrapper/version-increases error exegol/config/ConstantConfig.py:1 version 5.1.3b1 is not above the earlier release 5.1.4; bump it (e.g. 5.1.5b1)',
    ]);
    await git(dir, 'checkout', '-q', '-b', 'side', 'HEAD~1');
    await writeFiles(dir, { 'x.txt': 'x' });
    await commitAll(dir);
    await tagRepo(dir, '9.9.9');
    await git(dir, 'checkout', '-q', 'dev');
    await writeFiles(dir, { [CC]: '__version__ = "5.1.5b1"\n' });
    await commitAll(dir);
    expect(await findings(dir, ['wrapper/version-increases'])).toEqual([]);
  });

  it('says "cannot verify" outside git and in a shallow clone missing the tagged commit', async () => {
    const folder = await makeFolder({ fixture: 'wrapper-5x' });
    expect(await findings(folder, ['wrapper/version-increases'], { mode: 'dev' })).toEqual([
      'wrapper/version-increases note exegol/config/ConstantConfig.py:4 cannot verify: whether 5.1.4 is above earlier release tags: not a git repository',
    ]);
    const origin = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    await tagRepo(origin, '5.1.4', { annotated: true });
    await writeFiles(origin, { [CC]: '__version__ = "5.1.5"\n' });
    await commitAll(origin);
    const shallow = tmpDir();
    await git(shallow, 'clone', '-q', '--depth', '1', '--no-single-branch', `file://${origin}`, 'clone');
    await git(`${shallow}/clone`, 'fetch', '-q', '--depth', '1', 'origin', 'refs/tags/5.1.4:refs/tags/5.1.4');
    expect(await findings(`${shallow}/clone`, ['wrapper/version-increases'])).toEqual([
      'wrapper/version-increases note exegol/config/ConstantConfig.py:1 cannot verify: whether 5.1.5 is above earlier release tags: the history is incomplete (shallow clone): whether tag 5.1.4 is in it cannot be told; run "git fetch --tags --unshallow" (GitHub Actions: actions/checkout with fetch-depth: 0)',
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
    const due = 'wrapper/dev-version-is-prerelease warning exegol/config/ConstantConfig.py:4 this commit is the release of tag 5.1.4: the post-release beta bump is due; set the version to 5.1.5b1 in the next commit';
    expect(await findings(dir, ['wrapper/dev-version-is-prerelease'])).toEqual([due]);
    expect(await findings(dir, ['wrapper/dev-version-is-prerelease'], { mode: 'dev' })).toEqual([due]);
    // A commit beyond the release without the bump: an error.
    await writeFiles(dir, { 'NOTES.md': 'work\n' });
    await commitAll(dir, 'work after the release');
    expect(await findings(dir, ['wrapper/dev-version-is-prerelease'])).toEqual([
      'wrapper/dev-version-is-prerelease error exegol/config/ConstantConfig.py:4 version 5.1.4 is already released (tag 5.1.4) and this branch has commits beyond it; the post-release bump to the next beta is missing: set it to 5.1.5b1',
    ]);
    await writeFiles(dir, { [CC]: '__version__ = "5.1.5"\n' });
    expect(await findings(dir, ['wrapper/dev-version-is-prerelease'], { mode: 'dev' })).toEqual([
      'wrapper/dev-version-is-prerelease warning exegol/config/ConstantConfig.py:1 version 5.1.5 has no beta segment on a dev branch; use 5.1.5b1 until the release',
    ]);
    await writeFiles(dir, { [CC]: '__version__ = "5.1.5b1"\n' });
    expect(await findings(dir, ['wrapper/dev-version-is-prerelease'], { mode: 'dev' })).toEqual([]);
  });
});

describe('wrapper/test-version-matches', () => {
  it('expects the version on release and its base on dev, at the assert', async () => {
    const dir = await makeFolder({ fixture: 'wrapper-5x' });
    await writeFiles(dir, { [CC]: '__version__ = "5.1.5b1"\n' });
    expect(await findings(dir, ['wrapper/test-version-matches'], { mode: 'dev' })).toEqual([
      "wrapper/test-version-matches error tests/exegol_test.py:5 the version test asserts '5.1.4' but dev mode expects the version 5.1.5b1 without its pre-release segment: '5.1.5'",
    ]);
    await writeFiles(dir, { 'tests/exegol_test.py': "from exegol.config.ConstantConfig import __version__\n\n\ndef test_version():\n    assert __version__ == '5.1.5'\n" });
    expect(await findings(dir, ['wrapper/test-version-matches'], { mode: 'dev' })).toEqual([]);
    expect(await findings(dir, ['wrapper/test-version-matches'], { mode: 'release' })).toHaveLength(1);
  });

  it('reads the old test module name and class attribute', async () => {
    const dir = await makeFolder({ fixture: 'wrapper-4.1' });
    await writeFiles(dir, { 'tests/test_exegol.py': "def test_version():\n    assert ConstantConfig.version == '4.1.0'\n" });
    expect(await findings(dir, ['wrapper/test-version-matches'], { mode: 'release' })).toEqual([
      "wrapper/test-version-matches error tests/test_exegol.py:2 the version test asserts '4.1.0' but release mode expects the version 4.1.1: '4.1.1'",
    ]);
  });
});

describe('wrapper/tests-import-exists', () => {
  it('fires for a renamed test module, stays silent otherwise, survives a broken file', async () => {
    const dir = await makeFolder({ fixture: 'wrapper-5x' });
    expect(await findings(dir, ['wrapper/tests-import-exists'], { mode: 'dev' })).toEqual([]);
    await writeFiles(dir, { 'tests/__init__.py': 'from tests.test_exegol import test_version\n' });
    expect(await findings(dir, ['wrapper/tests-import-exists'], { mode: 'dev' })).toEqual([
      'wrapper/tests-import-exists error tests/__init__.py:1 imports tests.test_exegol but tests/test_exegol.py does not exist (test modules here: tests/exegol_test.py); import the renamed module',
    ]);
    await writeFiles(dir, { 'tests/__init__.py': 'from tests.test_exegol import (\n' });
    expect(await findings(dir, ['wrapper/tests-import-exists'], { mode: 'dev' })).toEqual([expect.stringMatching(/^meta\/parse-error error tests\/__init__\.py:/)]);
  });
});

describe('wrapper/requirements-sync', () => {
  it('compares entries whole and in order; silent in the setup.py era; survives bad TOML', async () => {
    const dir = await makeFolder({ fixture: 'wrapper-5x' });
    expect(await findings(dir, ['wrapper/requirements-sync'], { mode: 'dev' })).toEqual([]);
    await writeFiles(dir, { 'requirements.txt': 'docker~=7.1.0\nrequests~=2.32.3\nrich~=13.9.4\nGitPython~=3.1.44\nPyYAML>=6.0.2\nargcomplete~=3.5.3\ntzlocal~=5.2\n' });
    expect(await findings(dir, ['wrapper/requirements-sync'], { mode: 'dev' })).toEqual([
      'wrapper/requirements-sync error requirements.txt:8 pyproject.toml [project].dependencies has "pyjwt[crypto]~=2.10.1" which requirements.txt lacks; add it at the end of requirements.txt',
    ]);
    await writeFiles(dir, { 'pyproject.toml': '[project\ndependencies = []\n' });
    expect(await findings(dir, ['wrapper/requirements-sync'], { mode: 'dev' })).toEqual([expect.stringMatching(/^meta\/parse-error error pyproject\.toml:1 .*could not be parsed as TOML/)]);
    expect(await findings(await makeFolder({ fixture: 'wrapper-4.1' }), ['wrapper/requirements-sync'], { mode: 'dev' })).toEqual([]);
  });
});

describe('PEP 440 dev releases', () => {
  it('parse as a segment below every pre-release, .dev alone being .dev0', async () => {
    const { comparePep440, parsePep440 } = await import('../../rules/wrapper/_pep440.js');
    expect(parsePep440('3.1.12.dev')).toEqual({ text: '3.1.12.dev', release: [3, 1, 12], base: '3.1.12', pre: { letter: 'dev', number: 0 } });
    expect(['3.1.12.dev.1', '3.1.12b1.dev1', '3.1.12-dev', '3.1.12dev'].map(parsePep440)).toEqual([undefined, undefined, undefined, undefined]);
    const order = ['3.1.11', '3.1.12.dev', '3.1.12.dev2', '3.1.12a1', '3.1.12b1', '3.1.12rc1', '3.1.12'];
    const parsed = order.map((t) => parsePep440(t)!);
    expect([...parsed].reverse().sort(comparePep440).map((v) => v.text)).toEqual(order);
  });

  it('are a format error in the exegol/ package, where the release workflow expects betas', async () => {
    const dir = await makeFolder({ files: { [CC]: '__version__ = "5.2.0.dev1"\n' } });
    expect(await findings(dir, ['wrapper/version-format', 'wrapper/version-no-prerelease'], { mode: 'release', kind: 'wrapper' })).toEqual([
      'wrapper/version-format error exegol/config/ConstantConfig.py:1 version "5.2.0.dev1" is a PEP 440 dev release, which the release workflow and the version checks do not expect; use a beta instead, e.g. 5.2.0b1',
      'wrapper/version-no-prerelease error exegol/config/ConstantConfig.py:1 version 5.2.0.dev1 has a dev-release tag; on a release branch use 5.2.0',
    ]);
  });
});
