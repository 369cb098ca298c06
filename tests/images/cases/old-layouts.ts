// The images repo of the zsh era (up to images 3.1.1): add-aliases / add-history read
// sources/assets/zsh/{aliases,history}.d, as their definitions in common.sh say.
import { loadRules } from '../../../runner/registry.js';
import { RuleTester, type ExpectedFinding } from '../../../runner/testing.js';
import type { Change } from '../../helpers/fixture-edit.js';
import { editedFiles } from '../../helpers/fixture-files.js';
import { COMMON, edit } from '../fixture.js';

const IMAGES_RULES = (await loadRules()).filter((r) => r.id.startsWith('images/')).map((r) => r.id);
const BASE = 'sources/install/package_base.sh';
const MISC = 'sources/install/package_misc.sh';
const ZSH_ALIASES = 'sources/assets/zsh/aliases.d';
const ZSH_HISTORY = 'sources/assets/zsh/history.d';
const SHELLS_HISTORY = 'sources/assets/shells/history.d';
const HISTORY_READ = '"/root/sources/assets/zsh/history.d/$*"';

const images31 = (changes: Readonly<Record<string, Change>> = {}) => editedFiles('images-3.1', changes);
const tester = new RuleTester();

for (const rule of IMAGES_RULES) tester.run(rule, { valid: [{ name: 'the zsh-era fixture, release', files: images31(), mode: 'release' }], invalid: [] });

const zshFolders = images31({ [`${ZSH_HISTORY}/goshs`]: null, [`${SHELLS_HISTORY}/goshs`]: 'goshs\n', [`${ZSH_ALIASES}/oldtool`]: "alias o='oldtool'\n" });
const helperFilesRemoved = images31({ [`${ZSH_HISTORY}/samba`]: null, [`${ZSH_HISTORY}/ntpdate`]: null, [`${ZSH_ALIASES}/php`]: null });
const historyRead = (written: string) => images31({ [COMMON]: edit(HISTORY_READ, written) });

/** Every history call of the fixture, checked against today's folder, which the fixture does not have. */
const MISSING_IN_SHELLS_FOLDER: ExpectedFinding[] = [
  { messageId: 'missingFileViaHelper', path: BASE, line: 33, column: 5, data: { helper: 'fapt-history', name: 'dnsutils', folder: SHELLS_HISTORY } },
  { messageId: 'missingFileViaHelper', path: BASE, line: 33, column: 5, data: { helper: 'fapt-history', name: 'samba', folder: SHELLS_HISTORY } },
  { messageId: 'missingFile', path: MISC, line: 10, column: 5, data: { name: 'arsenal', folder: SHELLS_HISTORY } },
  { messageId: 'missingFile', path: MISC, line: 19, column: 5, data: { name: 'goshs', folder: SHELLS_HISTORY } },
];
const fallbackNote = (messageId: string, written?: string): ExpectedFinding => ({
  messageId,
  path: COMMON,
  line: 35,
  column: 10,
  severity: 'note',
  data: { script: COMMON, line: 35, ...(written === undefined ? {} : { written }) },
});

tester.run('images/history-file-exists', {
  valid: [{ name: 'a file only install_apt_tool reads, under a condition, is not required', files: images31({ [`${ZSH_HISTORY}/ntpdate`]: null }) }],
  invalid: [
    {
      name: 'the zsh folder the definition reads, not today\'s shells folder',
      files: zshFolders,
      findings: [{ messageId: 'missingFile', path: MISC, line: 19, column: 5, data: { name: 'goshs', folder: ZSH_HISTORY } }],
    },
    {
      name: 'a file fapt-history passes on to add-history; not one install_apt_tool reads under a condition',
      files: helperFilesRemoved,
      findings: [{ messageId: 'missingFileViaHelper', path: BASE, line: 33, column: 5, data: { helper: 'fapt-history', name: 'samba', folder: ZSH_HISTORY } }],
    },
    {
      name: 'today\'s folder, with a note, when the definition reads a computed path',
      files: historyRead('"$ASSETS/history.d/$*"'),
      findings: [fallbackNote('folderComputedPath', '"$ASSETS/history.d/$*"'), ...MISSING_IN_SHELLS_FOLDER],
    },
    {
      name: 'never a folder outside sources/, even one written to climb out',
      files: historyRead('"/root/sources/../../../etc/$*"'),
      findings: [fallbackNote('folderNotPlainPath', '"/root/sources/../../../etc/$*"'), ...MISSING_IN_SHELLS_FOLDER],
    },
    {
      name: 'never a folder the image does not copy from the repo',
      files: historyRead('"/etc/history.d/$*"'),
      findings: [fallbackNote('folderOutsideSources', '"/etc/history.d/$*"'), ...MISSING_IN_SHELLS_FOLDER],
    },
    {
      name: 'a definition that reads no file named by its arguments',
      files: historyRead('"/root/sources/assets/zsh/history.d/all"'),
      findings: [fallbackNote('folderNoFileArgument'), ...MISSING_IN_SHELLS_FOLDER],
    },
  ],
});

tester.run('images/aliases-file-exists', {
  valid: [{ name: 'the zsh folders', files: zshFolders }],
  invalid: [
    {
      name: 'a file fapt-aliases passes on to add-aliases',
      files: helperFilesRemoved,
      findings: [{ messageId: 'missingFileViaHelper', path: BASE, line: 34, column: 5, data: { helper: 'fapt-aliases', name: 'php', folder: ZSH_ALIASES } }],
    },
  ],
});

tester.run('images/orphan-aliases-file', {
  valid: [{ name: 'files read through fapt-aliases are installed', files: images31() }],
  invalid: [
    {
      name: 'a file in the zsh folder nothing installs',
      files: zshFolders,
      findings: [{ messageId: 'notInstalled', path: `${ZSH_ALIASES}/oldtool`, line: 1, column: 1, data: { name: 'oldtool' } }],
    },
    {
      name: 'today\'s folder, with a note, when nothing defines add-aliases',
      files: images31({ [COMMON]: edit('function add-aliases() {', 'function add_aliases_old() {') }),
      findings: [{ messageId: 'folderNotDefined', path: COMMON, line: 1, column: 1, severity: 'note', data: {} }],
    },
  ],
});

tester.run('images/orphan-history-file', {
  valid: [
    { name: 'a file install_apt_tool reads under a condition is installed', files: images31() },
    { name: 'a file in today\'s shells folder is not checked in the zsh era', files: zshFolders },
  ],
  invalid: [
    {
      name: 'the file install_apt_tool reads once it no longer calls add-history',
      files: images31({ [COMMON]: edit('        add-history $1\n', '        echo $1\n') }),
      findings: [{ messageId: 'notInstalled', path: `${ZSH_HISTORY}/ntpdate`, line: 1, column: 1, data: { name: 'ntpdate' } }],
    },
  ],
});
