// The single-file wrapper of 2.4.0-3.1.12 (tests/fixtures/wrapper-3.x): one exegol.py with
// `VERSION = "3.1.12.dev"` next to a Dockerfile, no exegol/ package, no pyproject.toml, no tests.
// Every wrapper rule is either right on it or silent with a note; none points at a file the
// revision does not have.
import { promises as fs } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../runner/registry.js';
import { commitAll, copyFixture, git, makeFolder, makeRepo, tagRepo, writeFiles } from '../helpers/git.js';
import { findings } from '../helpers/lint.js';

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
    expect(await findings(dir, WRAPPER_RULES)).toEqual([]);
    expect(await findings(dir, WRAPPER_RULES, { rev: '3.1.11' })).toEqual([]);
    await setVersion(dir, '3.1.12b1');
    expect(await findings(dir, ['wrapper/dev-version-is-prerelease', 'wrapper/version-format'])).toEqual([
      'wrapper/dev-version-is-prerelease warning exegol.py:17 version 3.1.12b1 has no .dev segment on a dev branch; use 3.1.12.dev until the release',
    ]);
  });

  it('reports a release tagged on a .dev version, at the VERSION line', async () => {
    const dir = await singleFileHistory();
    await tagRepo(dir, '3.1.12', { annotated: true });
    expect(await findings(dir, WRAPPER_RULES, { rev: '3.1.12' })).toEqual([
      'wrapper/version-matches-tag error exegol.py:17 version 3.1.12.dev does not match the release tag 3.1.12 on this commit; the release publishes the version, so set it to 3.1.12 or re-tag',
      'wrapper/version-no-prerelease error exegol.py:17 version 3.1.12.dev has a dev-release tag; on a release branch use 3.1.12',
    ]);
  });

  it('asks for the next dev release when dev still carries the released version', async () => {
    const dir = await singleFileHistory();
    await git(dir, 'checkout', '-q', '3.1.11');
    expect(await findings(dir, ['wrapper/dev-version-is-prerelease'], { mode: 'dev' })).toEqual([
      'wrapper/dev-version-is-prerelease warning exegol.py:17 this commit is the release of tag 3.1.11: the post-release dev release bump is due; set the version to 3.1.12.dev in the next commit',
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
    expect(await findings(dir, WRAPPER_RULES)).toEqual([]);
    expect(await findings(dir, WRAPPER_RULES, { rev: '3.1.11' })).toEqual([]);
    // dev was left at 3.1.12.dev, behind master: the one finding is that, not the layout.
    expect(await findings(dir, WRAPPER_RULES, { rev: 'dev', mode: 'dev' })).toEqual([
      expect.stringMatching(/^wrapper\/dev-contains-release error exegol\.py:17 branch master \([0-9a-f]{12}\) is not contained in branch dev/),
    ]);
  });

  it('says once, as a note, when exegol.py declares no version, or when no known layout is there', async () => {
    const early = keep(await makeFolder({ fixture: 'wrapper-3.x' }));
    await fs.writeFile(`${early}/exegol.py`, (await fs.readFile(`${early}/exegol.py`, 'utf8')).replace(/^VERSION = .*\n/m, ''));
    expect(await findings(early, WRAPPER_RULES, { mode: 'release' })).toEqual([
      'wrapper/version-declared note exegol.py:1 cannot verify: exegol.py declares no VERSION = "X.Y.Z": this single-file wrapper predates the version convention, so there is no version to check',
    ]);
    const none = keep(await makeFolder({ files: { Dockerfile: 'FROM kalilinux/kali-rolling\n', 'install.sh': '#!/bin/bash\n' } }));
    expect(await findings(none, WRAPPER_RULES, { mode: 'release', kind: 'wrapper' })).toEqual([
      'wrapper/version-declared note Dockerfile:1 cannot verify: no wrapper layout porgs-lint knows is at this revision (none of exegol/config/ConstantConfig.py, exegol/utils/ConstantConfig.py, exegol/__init__.py exists), so the version rules have nothing to read',
    ]);
  });
});
