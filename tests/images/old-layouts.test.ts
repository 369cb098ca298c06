// The images repo of the zsh era (up to images 3.1.1): add-aliases / add-history read
// sources/assets/zsh/{aliases,history}.d, as their definitions in common.sh say.
import { promises as fs } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../runner/registry.js';
import { editedFixture as editFixture, edit, type Change } from '../helpers/fixture-edit.js';
import { makeRepo as newRepo, type MakeRepoOptions } from '../helpers/git.js';
import { findings } from '../helpers/lint.js';

const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => fs.rm(d, { recursive: true, force: true }))));
const keep = (dir: string) => (made.push(dir), dir);
const editedFixture = async (fixture: string, changes: Record<string, Change>) => keep(await editFixture(fixture, changes));
const makeRepo = async (opts: MakeRepoOptions) => keep(await newRepo(opts));

const IMAGES_RULES = (await loadRules()).filter((r) => r.id.startsWith('images/')).map((r) => r.id);
const ASSET_RULES = ['images/aliases-file-exists', 'images/history-file-exists', 'images/orphan-aliases-file', 'images/orphan-history-file'];
const COMMON = 'sources/install/common.sh';
const ZSH_HISTORY = '"/root/sources/assets/zsh/history.d/$*"';

const lintImages = (dir: string, rules: string[]) => findings(dir, rules, { kind: 'images', mode: 'dev' });

describe('the zsh-era images fixture', () => {
  it('is clean for every images rule, in a git repo on main', async () => {
    const dir = await makeRepo({ fixture: 'images-3.1', branch: 'main' });
    expect(await findings(dir, IMAGES_RULES)).toEqual([]);
  });

  it('checks the zsh folders the definitions read, not today\'s shells folders', async () => {
    const dir = await editedFixture('images-3.1', {
      'sources/assets/zsh/history.d/goshs': null,
      'sources/assets/shells/history.d/goshs': 'goshs\n',
      'sources/assets/zsh/aliases.d/oldtool': "alias o='oldtool'\n",
    });
    expect(await lintImages(dir, ASSET_RULES)).toEqual([
      "images/orphan-aliases-file warning sources/assets/zsh/aliases.d/oldtool:1 no install function calls add-aliases oldtool, so this file never reaches the image; add the call to the tool's install function, or delete the file",
      'images/history-file-exists error sources/install/package_misc.sh:19 add-history goshs reads sources/assets/zsh/history.d/goshs, which does not exist: the build would skip it silently; create the file, or fix the name',
    ]);
  });

  it('counts the files helpers like fapt-history read through add-history, and checks those they always read', async () => {
    const dir = await editedFixture('images-3.1', {
      'sources/assets/zsh/history.d/samba': null,
      'sources/assets/zsh/history.d/ntpdate': null,
      'sources/assets/zsh/aliases.d/php': null,
    });
    expect(await lintImages(dir, ASSET_RULES)).toEqual([
      'images/history-file-exists error sources/install/package_base.sh:33 fapt-history passes samba to add-history, which reads sources/assets/zsh/history.d/samba, which does not exist: the build would skip it silently; create the file, or fix the name',
      'images/aliases-file-exists error sources/install/package_base.sh:34 fapt-aliases passes php to add-aliases, which reads sources/assets/zsh/aliases.d/php, which does not exist: the build would skip it silently; create the file, or fix the name',
    ]);
    // install_apt_tool reads history.d/ntpdate only when "history" is among its arguments: not
    // reported missing above, but it keeps the file from being an orphan.
    const orphans = await editedFixture('images-3.1', { [COMMON]: edit('        add-history $1\n', '        echo $1\n') });
    expect(await lintImages(orphans, ['images/orphan-history-file'])).toEqual([
      "images/orphan-history-file warning sources/assets/zsh/history.d/ntpdate:1 no install function calls add-history ntpdate, so this file never reaches the image; add the call to the tool's install function, or delete the file",
    ]);
  });

  it('falls back to today\'s folder with a note when the definition reads a computed path or is missing', async () => {
    const computed = await editedFixture('images-3.1', { [COMMON]: edit(ZSH_HISTORY, '"$ASSETS/history.d/$*"') });
    expect(await lintImages(computed, ['images/history-file-exists'])).toEqual([
      'images/history-file-exists note sources/install/common.sh:35 checked sources/assets/shells/history.d, today\'s folder for add-history, because the definition of add-history at sources/install/common.sh:35 cannot be read: it reads "$ASSETS/history.d/$*", a path computed at run time',
      'images/history-file-exists error sources/install/package_base.sh:33 fapt-history passes dnsutils to add-history, which reads sources/assets/shells/history.d/dnsutils, which does not exist: the build would skip it silently; create the file, or fix the name',
      'images/history-file-exists error sources/install/package_base.sh:33 fapt-history passes samba to add-history, which reads sources/assets/shells/history.d/samba, which does not exist: the build would skip it silently; create the file, or fix the name',
      'images/history-file-exists error sources/install/package_misc.sh:10 add-history arsenal reads sources/assets/shells/history.d/arsenal, which does not exist: the build would skip it silently; create the file, or fix the name',
      'images/history-file-exists error sources/install/package_misc.sh:19 add-history goshs reads sources/assets/shells/history.d/goshs, which does not exist: the build would skip it silently; create the file, or fix the name',
    ]);
    const missing = await editedFixture('images-3.1', { [COMMON]: edit('function add-aliases() {', 'function add_aliases_old() {') });
    expect(await lintImages(missing, ['images/orphan-aliases-file'])).toEqual([
      "images/orphan-aliases-file note sources/install/common.sh:1 checked sources/assets/shells/aliases.d, today's folder for add-aliases, because no install script that parses defines add-aliases",
    ]);
  });

  it('never takes a folder outside sources/ from the definition, even one written to climb out', async () => {
    const dir = await editedFixture('images-3.1', { [COMMON]: edit(ZSH_HISTORY, '"/root/sources/../../../etc/$*"') });
    expect((await lintImages(dir, ['images/history-file-exists']))[0]).toBe(
      'images/history-file-exists note sources/install/common.sh:35 checked sources/assets/shells/history.d, today\'s folder for add-history, because the definition of add-history at sources/install/common.sh:35 cannot be read: it reads "/root/sources/../../../etc/$*", which is not a plain folder path under sources/',
    );
  });
});
