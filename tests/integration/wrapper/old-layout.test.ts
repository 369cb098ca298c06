// The single-file wrapper of 2.4.0-3.1.12 (tests/fixtures/wrapper-3.x): one exegol.py with
// `VERSION = "3.1.12.dev"` next to a Dockerfile, no exegol/ package, no pyproject.toml, no tests.
// Every wrapper rule is either right on it or silent with a note; none points at a file the
// revision does not have.
import { promises as fs } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../../runner/registry.js';
import { commitAll, copyFixture, git, makeRepo, tagRepo, writeFiles } from '../../helpers/git.js';
import { edit } from '../../helpers/fixture-edit.js';
import { editedFiles } from '../../helpers/fixture-files.js';
import { found, foundInMemory } from '../../helpers/found.js';

const WRAPPER_RULES = (await loadRules()).filter((r) => r.id.startsWith('wrapper/') || r.id.startsWith('workflow/')).map((r) => r.id);
const VERSION_LINE = (v: string) => (old: string) => old.replace(/^VERSION = ".*"$/m, `VERSION = "${v}"`);

const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => fs.rm(d, { recursive: true, force: true }))));
const keep = (dir: string) => (made.push(dir), dir);

async function setVersion(dir: string, v: string): Promise<void> {
  const file = `${dir}/exegol.py`;
  await fs.writeFile(file, VERSION_LINE(v)(await fs.readFile(file, 'utf8')));
}

/** master: 3.1.11 (tagged), then dev with 3.1.12.dev; returns the repo on dev. */
async function singleFileHistory(): Promise<string> {
  const dir = keep(await makeRepo({ fixture: 'wrapper-3.x', branch: 'master', empty: true }));
  await setVersion(dir, '3.1.11');
  await commitAll(dir, 'Release 3.1.11');
  await tagRepo(dir, '3.1.11');
  await git(dir, 'checkout', '-q', '-b', 'dev');
  await setVersion(dir, '3.1.12.dev');
  await commitAll(dir, 'New dev version');
  return dir;
}

describe('the single-file wrapper (exegol.py, 2.4.0-3.1.12)', () => {
  it('is clean for every wrapper rule on a release tag and on dev, and reads VERSION from exegol.py', async () => {
    const dir = await singleFileHistory();
    expect(await found(dir, WRAPPER_RULES)).toEqual([]);
    expect(await found(dir, WRAPPER_RULES, { rev: '3.1.11' })).toEqual([]);
    await setVersion(dir, '3.1.12b1');
    expect(await found(dir, ['wrapper/dev-version-is-prerelease', 'wrapper/version-format'])).toEqual([
      { rule: 'wrapper/dev-version-is-prerelease', severity: 'warning', messageId: 'noDevSegment', at: 'exegol.py:17', data: { version: '3.1.12b1', expected: '3.1.12.dev' } },
    ]);
  });

  it('reports a release tagged on a .dev version, at the VERSION line', async () => {
    const dir = await singleFileHistory();
    await tagRepo(dir, '3.1.12', { annotated: true });
    expect(await found(dir, WRAPPER_RULES, { rev: '3.1.12' })).toEqual([
      { rule: 'wrapper/version-matches-tag', severity: 'error', messageId: 'notTagged', at: 'exegol.py:17', data: { version: '3.1.12.dev', tag: '3.1.12', tagged: '3.1.12' } },
      { rule: 'wrapper/version-no-prerelease', severity: 'error', messageId: 'devRelease', at: 'exegol.py:17', data: { version: '3.1.12.dev', base: '3.1.12' } },
    ]);
  });

  it('asks for the next dev release when dev still carries the released version', async () => {
    const dir = await singleFileHistory();
    await git(dir, 'checkout', '-q', '3.1.11');
    expect(await found(dir, ['wrapper/dev-version-is-prerelease'], { mode: 'dev' })).toEqual([
      { rule: 'wrapper/dev-version-is-prerelease', severity: 'warning', messageId: 'devBumpDue', at: 'exegol.py:17', data: { version: '3.1.11', tag: '3.1.11', next: '3.1.12.dev' } },
    ]);
  });

  it('under --rev after the move to the exegol/ package, judges each revision by its own layout', async () => {
    const dir = await singleFileHistory();
    await git(dir, 'checkout', '-q', 'master');
    await git(dir, 'merge', '-q', '--ff-only', 'dev');
    await git(dir, 'rm', '-q', '-r', 'sources', 'Dockerfile');
    await copyFixture('wrapper-4.1', dir);
    await writeFiles(dir, { 'exegol.py': '#!/usr/bin/env python3\nfrom exegol.manager.ExegolController import main\n\nif __name__ == "__main__":\n    main()\n' });
    await commitAll(dir, 'Exegol 4');
    await tagRepo(dir, '4.1.1', { annotated: true });
    expect(await found(dir, WRAPPER_RULES)).toEqual([]);
    expect(await found(dir, WRAPPER_RULES, { rev: '3.1.11' })).toEqual([]);
    // dev was left at 3.1.12.dev, behind master: the one finding is that, not the layout.
    const master = await git(dir, 'rev-parse', 'master');
    expect(await found(dir, WRAPPER_RULES, { rev: 'dev', mode: 'dev' })).toEqual([
      {
        rule: 'wrapper/dev-contains-release',
        severity: 'error',
        messageId: 'notContained',
        at: 'exegol.py:17',
        data: { ref: 'master', commit: master.slice(0, 12), checked: 'branch dev', release: 'master', devBranch: 'dev' },
      },
    ]);
  });

  it('says once, as a note, when exegol.py declares no version, or when no known layout is there', async () => {
    const early = editedFiles('wrapper-3.x', { 'exegol.py': edit('VERSION = "3.1.12.dev"\n', '') });
    const note = { rule: 'wrapper/version-declared', severity: 'note', unverified: true };
    expect(await foundInMemory(early, WRAPPER_RULES, { mode: 'release' })).toEqual([{ ...note, messageId: 'singleFileUnversioned', at: 'exegol.py:1', data: { file: 'exegol.py' } }]);
    const none = { Dockerfile: 'FROM kalilinux/kali-rolling\n', 'install.sh': '#!/bin/bash\n' };
    expect(await foundInMemory(none, WRAPPER_RULES, { mode: 'release', kind: 'wrapper' })).toEqual([
      { ...note, messageId: 'noLayout', at: 'Dockerfile:1', data: { looked: 'exegol/config/ConstantConfig.py, exegol/utils/ConstantConfig.py, exegol/__init__.py' } },
    ]);
  });
});
