// The version, its test, tests/__init__.py and the requirements, on every historical layout, in
// memory (collected by rules.test.ts). Git-dependent cases: version.test.ts.
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../../runner/testing.js';
import { edit } from '../../helpers/fixture-edit.js';
import { editedFiles, fixtureFiles } from '../../helpers/fixture-files.js';
import { foundInMemory } from '../../helpers/found.js';

const CC = 'exegol/config/ConstantConfig.py';
const LOOKED = 'exegol/config/ConstantConfig.py, exegol/utils/ConstantConfig.py, exegol/__init__.py';
const cc = (version: string) => ({ [CC]: `__version__ = "${version}"\n` });
/** The single-file wrapper of 2.4.0-3.1.12 with its VERSION line set, or removed (null). */
const singleFile = (version: string | null) =>
  editedFiles('wrapper-3.x', { 'exegol.py': edit('VERSION = "3.1.12.dev"\n', version === null ? '' : `VERSION = "${version}"\n`) });
const tester = new RuleTester();

tester.run('wrapper/version-declared', {
  valid: [
    { name: 'the 5.x package', files: fixtureFiles('wrapper-5x') },
    { name: 'the 4.1 class attribute', files: fixtureFiles('wrapper-4.1') },
    { name: 'the single-file VERSION', files: singleFile('3.1.12.dev') },
  ],
  invalid: [
    {
      name: 'a ConstantConfig.py without a version',
      files: { [CC]: 'class ConstantConfig:\n    pass\n' },
      findings: [{ messageId: 'notFound', line: 1, data: { looked: LOOKED, file: CC } }],
    },
    {
      name: 'a single-file wrapper without VERSION is noted, not reported',
      files: singleFile(null),
      findings: [{ messageId: 'singleFileUnversioned', path: 'exegol.py', line: 1, severity: 'note', unverified: true, data: { file: 'exegol.py' } }],
    },
    {
      name: 'no known layout: noted at the marker file',
      files: { Dockerfile: 'FROM kalilinux/kali-rolling\n', 'install.sh': '#!/bin/bash\n' },
      findings: [{ messageId: 'noLayout', path: 'Dockerfile', line: 1, severity: 'note', unverified: true, data: { looked: LOOKED } }],
    },
  ],
});

tester.run('wrapper/version-format', {
  valid: [
    { name: 'an alpha', files: { [CC]: "__version__ = '5.2.0a3'\n" }, mode: 'dev' },
    { name: 'a dev release in the single-file wrapper', files: singleFile('3.1.12.dev'), mode: 'dev' },
  ],
  invalid: [
    { name: 'not X.Y.Z', files: cc('v5.2'), mode: 'dev', findings: [{ messageId: 'notPep440', line: 1, column: 15, data: { version: 'v5.2' } }] },
    {
      name: 'a dev release in the exegol/ package',
      files: cc('5.2.0.dev1'),
      findings: [{ messageId: 'devRelease', line: 1, column: 15, data: { version: '5.2.0.dev1', beta: '5.2.0b1' } }],
    },
  ],
});

tester.run('wrapper/version-no-prerelease', {
  valid: [
    { name: 'a final release', files: cc('5.1.4') },
    { name: 'a beta on dev', files: cc('5.2.0b1'), mode: 'dev' },
  ],
  invalid: [
    { name: 'a beta on release', files: cc('5.2.0b1'), findings: [{ messageId: 'preRelease', line: 1, column: 15, data: { version: '5.2.0b1', base: '5.2.0' } }] },
    { name: 'a dev release on release', files: cc('5.2.0.dev1'), findings: [{ messageId: 'devRelease', line: 1, data: { version: '5.2.0.dev1', base: '5.2.0' } }] },
    {
      name: 'a dev release of the single-file wrapper on release',
      files: singleFile('3.1.12.dev'),
      findings: [{ messageId: 'devRelease', path: 'exegol.py', line: 17, data: { version: '3.1.12.dev', base: '3.1.12' } }],
    },
    {
      name: '__version__ in exegol/__init__.py, through `from exegol import __version__`',
      files: { 'exegol/__init__.py': '__version__ = "4.3.0b2"\n', [CC]: 'from exegol import __version__\n\n\nclass ConstantConfig:\n    version: str = __version__\n' },
      findings: [{ messageId: 'preRelease', path: 'exegol/__init__.py', line: 1, data: { version: '4.3.0b2', base: '4.3.0' } }],
    },
    {
      name: 'the file pyproject.toml names comes first',
      files: {
        'pyproject.toml': '[project]\nname = "Exegol"\n[tool.pdm.version]\nsource = "file"\npath = "exegol/version.py"\n',
        'exegol/version.py': '__version__ = "6.0.0rc1"\n',
        [CC]: '__version__ = "1.0.0"\n',
      },
      findings: [{ messageId: 'preRelease', path: 'exegol/version.py', line: 1, data: { version: '6.0.0rc1', base: '6.0.0' } }],
    },
  ],
});

tester.run('wrapper/dev-version-is-prerelease', {
  valid: [
    { name: 'a beta', files: cc('5.1.5b1') },
    { name: 'a dev release in the single-file wrapper', files: singleFile('3.1.12.dev') },
  ],
  invalid: [
    { name: 'a version never released, without a beta', files: cc('5.1.5'), findings: [{ messageId: 'noBeta', line: 1, severity: 'warning', data: { version: '5.1.5', expected: '5.1.5b1' } }] },
    {
      name: 'a beta in the single-file wrapper, which used dev releases',
      files: singleFile('3.1.12b1'),
      findings: [{ messageId: 'noDevSegment', path: 'exegol.py', line: 17, severity: 'warning', data: { version: '3.1.12b1', expected: '3.1.12.dev' } }],
    },
  ],
});

const versionTest = (expected: string) => ({ 'tests/exegol_test.py': `from exegol.config.ConstantConfig import __version__\n\n\ndef test_version():\n    assert __version__ == '${expected}'\n` });
tester.run('wrapper/test-version-matches', {
  valid: [
    { name: 'dev: the version without its beta segment', files: editedFiles('wrapper-5x', { ...cc('5.1.5b1'), ...versionTest('5.1.5') }), mode: 'dev' },
    { name: 'release: the version', files: fixtureFiles('wrapper-5x') },
  ],
  invalid: [
    {
      name: 'dev: the version with its beta segment is not expected',
      files: editedFiles('wrapper-5x', cc('5.1.5b1')),
      mode: 'dev',
      findings: [{ messageId: 'devMismatch', path: 'tests/exegol_test.py', line: 5, column: 27, data: { asserted: '5.1.4', version: '5.1.5b1', expected: '5.1.5' } }],
    },
    {
      name: 'release: the base of a beta is not the version',
      files: editedFiles('wrapper-5x', { ...cc('5.1.5b1'), ...versionTest('5.1.5') }),
      findings: [{ messageId: 'releaseMismatch', path: 'tests/exegol_test.py', line: 5, data: { asserted: '5.1.5', version: '5.1.5b1', expected: '5.1.5b1' } }],
    },
    {
      name: 'the old test module name and the class attribute',
      files: editedFiles('wrapper-4.1', { 'tests/test_exegol.py': "def test_version():\n    assert ConstantConfig.version == '4.1.0'\n" }),
      findings: [{ messageId: 'releaseMismatch', path: 'tests/test_exegol.py', line: 2, data: { asserted: '4.1.0', version: '4.1.1', expected: '4.1.1' } }],
    },
  ],
});

const renamedImport = { 'tests/__init__.py': 'from tests.test_exegol import test_version\n' };
tester.run('wrapper/tests-import-exists', {
  valid: [{ name: 'the 5.x tests', files: fixtureFiles('wrapper-5x') }],
  invalid: [
    {
      name: 'a renamed test module, with the modules that exist',
      files: editedFiles('wrapper-5x', renamedImport),
      findings: [{ messageId: 'missingModule', path: 'tests/__init__.py', line: 1, data: { module: 'tests.test_exegol', file: 'tests/test_exegol.py', modules: 'tests/exegol_test.py' } }],
    },
    {
      name: 'a renamed test module and no other',
      files: renamedImport,
      findings: [{ messageId: 'missingModuleNoOther', line: 1, data: { module: 'tests.test_exegol', file: 'tests/test_exegol.py' } }],
    },
  ],
});

tester.run('wrapper/requirements-sync', {
  valid: [
    { name: 'equal lists', files: fixtureFiles('wrapper-5x') },
    { name: 'the setup.py era, no pyproject.toml', files: fixtureFiles('wrapper-4.1') },
    { name: 'comments and options in requirements.txt', files: editedFiles('wrapper-5x', { 'requirements.txt': (old) => `# pinned\n--index-url https://pypi.org/simple\n${old.replace('\n', ' # the engine\n')}` }) },
  ],
  invalid: [
    {
      name: 'an entry missing at the end of requirements.txt',
      files: editedFiles('wrapper-5x', { 'requirements.txt': edit('pyjwt[crypto]~=2.10.1\n', '') }),
      findings: [{ messageId: 'onlyInPyproject', path: 'requirements.txt', line: 8, data: { dependency: 'pyjwt[crypto]~=2.10.1' } }],
    },
    {
      name: 'an extra entry in requirements.txt',
      files: editedFiles('wrapper-5x', { 'requirements.txt': (old) => `${old}packaging>=24\n` }),
      findings: [{ messageId: 'onlyInRequirements', path: 'requirements.txt', line: 9, data: { requirement: 'packaging>=24' } }],
    },
    {
      name: 'entries compared whole and in order',
      files: editedFiles('wrapper-5x', { 'requirements.txt': edit('rich~=13.9.4', 'rich~=13.9.5') }),
      findings: [{ messageId: 'differs', path: 'requirements.txt', line: 3, column: 1, endColumn: 13, data: { index: 3, requirement: 'rich~=13.9.5', dependency: 'rich~=13.9.4' } }],
    },
  ],
});

describe('files the wrapper rules cannot parse', () => {
  it('are a parse error; version-declared then finds no version, and nothing crashes', async () => {
    const got = await foundInMemory({ [CC]: '__version__ = "5.1.4"\nclass ConstantConfig(\n' }, ['wrapper/version-declared', 'wrapper/version-format'], { kind: 'wrapper', mode: 'dev' });
    expect(got.map((f) => [f.rule, f.messageId, f.at, f.data.language])).toEqual([
      ['wrapper/version-declared', 'notFound', `${CC}:1`, undefined],
      ['meta/parse-error', 'cannotParse', `${CC}:3`, 'Python'],
    ]);
  });

  it('a broken tests/__init__.py and pyproject.toml are parse errors, not findings of the rules', async () => {
    const files = editedFiles('wrapper-5x', { 'tests/__init__.py': 'from tests.test_exegol import (\n', 'pyproject.toml': '[project\ndependencies = []\n' });
    const got = await foundInMemory(files, ['wrapper/tests-import-exists', 'wrapper/requirements-sync'], { kind: 'wrapper', mode: 'dev' });
    expect(got.map((f) => [f.rule, f.messageId, f.at, f.data.language])).toEqual([
      ['meta/parse-error', 'cannotParse', 'pyproject.toml:1', 'TOML'],
      ['meta/parse-error', 'cannotParse', expect.stringMatching(/^tests\/__init__\.py:\d+$/), 'Python'],
    ]);
  });
});
