// Resources rules on a realistic update-resources.sh and its committed resources_list.csv. They
// read files only, so every case runs in memory on the fixture with a few lines changed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RuleTester, type RuleCase } from '../../runner/testing.js';
import { lint } from '../../runner/run.js';
import { MemorySource } from '../../runner/memory-source.js';
import { edit } from '../helpers/fixture-edit.js';
import { FIXTURES } from '../helpers/git.js';

const SCRIPT = 'update-resources.sh';
const LIST = 'resources_list.csv';
const HEADER = 'Resource,Link,Description';
const RESOURCES_RULES = ['resources/add-fn-called', 'resources/add-fn-has-list', 'resources/add-to-list-format', 'resources/list-in-sync'];
const WORKFLOW_RULES = ['workflow/actions-pinned', 'workflow/pin-header-consistent'];

const fixture = (file: string) => readFileSync(`${FIXTURES}resources/${file}`, 'utf8');
const FIXTURE: Readonly<Record<string, string>> = { [SCRIPT]: fixture(SCRIPT), [LIST]: fixture(LIST), 'README.md': fixture('README.md') };

/** New text, an edit of the fixture's text, or null to leave the file out. */
type Change = string | ((old: string) => string) | null;

/** The fixture's files with a few changed. */
function resources(changes: Record<string, Change> = {}): Record<string, string> {
  const files: Record<string, string> = { ...FIXTURE };
  for (const [file, change] of Object.entries(changes)) {
    if (change === null) delete files[file];
    else files[file] = typeof change === 'string' ? change : change(files[file]);
  }
  return files;
}

const ROWS = {
  sysinternals: 'SysInternals,https://learn.microsoft.com/en-us/sysinternals,Windows utilities signed by Microsoft',
  pspy: 'pspy,https://github.com/DominicBreuker/pspy,Monitor linux processes without root permissions',
  mimipenguin: 'mimipenguin,https://github.com/huntergregal/mimipenguin,A tool to dump the login password from the current linux user',
};

/** add_resources forgets add_pspy (line 45), and update_submodules (line 63) loses its rows. */
const FORGOTTEN = resources({
  [SCRIPT]: (old) =>
    edit('  add_pspy\n', '')(old).replace(
      '  add-to-list "mimipenguin,https://github.com/huntergregal/mimipenguin,A tool to dump the login password from the current linux user"\n  add-to-list "PowerSploit,https://github.com/PowerShellMafia/PowerSploit,A PowerShell Post-Exploitation Framework"\n',
      '',
    ),
});
const NO_ENTRY = resources({ [SCRIPT]: (old) => old.replace(/function add_resources\(\) \{[^}]*\}\n/, '').replace('\nadd_resources\n', '\n') });
/** add_resources calls a helper, and add_pspy writes its row through a function of its own. */
const HELPER_AND_NESTED = resources({
  [SCRIPT]: (old) =>
    edit('function add_resources() {\n  init_list\n', 'function add_resources() {\n  info "Starting"\n  init_list\n')(old).replace(
      '  add-to-list "pspy,https://github.com/DominicBreuker/pspy,Monitor linux processes without root permissions"\n}',
      '  add_pspy_list\n}\n\nfunction add_pspy_list() {\n  add-to-list "pspy,https://github.com/DominicBreuker/pspy,Monitor linux processes without root permissions"\n}',
    ),
});
const OWN_HEADER = resources({
  [SCRIPT]: edit('function add_resources() {\n  init_list\n', 'function add_resources() {\n  rm -f resources_list.csv\n  add-to-list "Resource,Link,Description"\n'),
});
/** add_resources writes the header after the first resource (line 42). */
const LATE_HEADER = resources({
  [SCRIPT]: edit('function add_resources() {\n  init_list\n  add_sysinternals\n', 'function add_resources() {\n  rm -f resources_list.csv\n  add_sysinternals\n  add-to-list "Resource,Link,Description"\n'),
});
/** A script from before the resources list: no add-to-list function, no rows, no list. */
const PREDATES_LIST = resources({
  [SCRIPT]: (old) => old.replace(/^ *add-to-list .*\n/gm, '').replace(/function add-to-list\(\) \{\n[^}]*\}\n/, '').replace(/function init_list\(\) \{\n[^}]*\}\n/, '').replace('  init_list\n', ''),
  [LIST]: null,
});
const NO_SCRIPT = { 'README.md': '# resources\n' };
const UNPARSABLE = resources({ [SCRIPT]: (old) => old.replace('function add_resources() {', 'function add_resources() {\n  if [[ -d x ]]; then') });

const CLEAN: readonly RuleCase[] = [
  { name: 'the fixture', files: FIXTURE },
  { name: 'a helper called from add_resources; rows of a function the resource calls', files: HELPER_AND_NESTED },
  { name: 'add_resources writes the header row itself', files: OWN_HEADER },
  { name: 'no update-resources.sh', files: NO_SCRIPT },
];

const CHISEL_ROW = '  add-to-list "Chisel,https://github.com/jpillora/chisel,A fast TCP/UDP tunnel over HTTP"\n';
/** Each kind of bad row, one a line from line 60 (in place of Chisel's row). */
const BAD_ROWS = [
  'add-to-list',
  'add-to-list Chisel,https://github.com/jpillora/chisel,A fast tunnel',
  'add-to-list "Chisel"',
  'add-to-list "Chisel,https://github.com/jpillora/chisel"',
  'add-to-list ",https://github.com/jpillora/chisel,A fast tunnel"',
  'add-to-list "Chisel,github.com/jpillora/chisel,"',
];

new RuleTester().run('resources/add-to-list-format', {
  valid: [
    ...CLEAN,
    { name: 'a row built at run time is not checked', files: resources({ [SCRIPT]: edit('A fast TCP/UDP tunnel over HTTP"', 'A fast TCP/UDP tunnel, over HTTP ($VERSION)"') }) },
    { name: 'a script from before the list', files: PREDATES_LIST },
  ],
  invalid: [
    {
      name: 'an empty link, and a comma in the description',
      files: resources({ [SCRIPT]: edit(CHISEL_ROW, '  add-to-list "Some webshells,,PHP and ASPX webshells"\n  add-to-list "Chisel,https://github.com/jpillora/chisel,A fast TCP/UDP tunnel, over HTTP"\n') }),
      findings: [
        { messageId: 'emptyLink', path: SCRIPT, line: 60, column: 15, data: { row: 'Some webshells,,PHP and ASPX webshells' } },
        { messageId: 'tooManyColumns', path: SCRIPT, line: 61, column: 15, data: { row: 'Chisel,https://github.com/jpillora/chisel,A fast TCP/UDP tunnel, over HTTP', count: 4 } },
      ],
    },
    {
      name: 'no row, an unquoted row, too few columns, an empty name, an empty description with a link that is not a URL',
      files: resources({ [SCRIPT]: edit(CHISEL_ROW, BAD_ROWS.map((r) => `  ${r}\n`).join('')) }),
      findings: [
        { messageId: 'noRow', path: SCRIPT, line: 60, column: 3, data: {} },
        { messageId: 'unquotedRow', path: SCRIPT, line: 61, column: 59, data: { count: 3, row: 'Chisel,https://github.com/jpillora/chisel,A fast tunnel' } },
        { messageId: 'oneColumn', path: SCRIPT, line: 62, data: { row: 'Chisel', count: 1 } },
        { messageId: 'tooFewColumns', path: SCRIPT, line: 63, data: { row: 'Chisel,https://github.com/jpillora/chisel', count: 2 } },
        { messageId: 'emptyName', path: SCRIPT, line: 64, data: { row: ',https://github.com/jpillora/chisel,A fast tunnel' } },
        { messageId: 'emptyDescription', path: SCRIPT, line: 65, data: { row: 'Chisel,github.com/jpillora/chisel,' } },
        { messageId: 'linkNotHttp', path: SCRIPT, line: 65, data: { row: 'Chisel,github.com/jpillora/chisel,', link: 'github.com/jpillora/chisel' } },
      ],
    },
  ],
});

new RuleTester().run('resources/add-fn-called', {
  valid: [...CLEAN, { name: 'a script from before the list', files: PREDATES_LIST }],
  invalid: [
    { name: 'an add_* function add_resources forgets', files: FORGOTTEN, findings: [{ messageId: 'notCalled', path: SCRIPT, line: 45, column: 10, data: { function: 'add_pspy', entryLine: 69 }, related: [{ line: 69, column: 10, label: 'the add_resources function' }] }] },
    { name: 'no add_resources', files: NO_ENTRY, findings: [{ messageId: 'noEntry', path: SCRIPT, line: 1, column: 1, data: { function: 'add_resources' } }] },
  ],
});

new RuleTester().run('resources/add-fn-has-list', {
  valid: [...CLEAN, { name: 'no add_resources', files: NO_ENTRY }],
  invalid: [
    { name: 'a called function that never calls add-to-list', files: FORGOTTEN, findings: [{ messageId: 'noRow', path: SCRIPT, line: 63, column: 10, data: { function: 'update_submodules', callLine: 73 }, related: [{ line: 73, column: 3, label: 'the call from add_resources' }] }] },
    { name: 'a script from before the list: one note', files: PREDATES_LIST, findings: [{ messageId: 'predatesList', path: SCRIPT, line: 1, severity: 'note', data: {} }] },
  ],
});

new RuleTester().run('resources/list-in-sync', {
  valid: [
    ...CLEAN,
    { name: 'no add_resources', files: NO_ENTRY },
    { name: 'CRLF line ends', files: resources({ [LIST]: (old) => old.replace(/\n/g, '\r\n') }) },
    { name: 'a script that does not write the header', files: resources({ [SCRIPT]: edit('  add-to-list "Resource,Link,Description"\n', '') }) },
  ],
  invalid: [
    {
      name: 'two resources called in the other order',
      files: resources({ [SCRIPT]: edit('  add_sysinternals\n  add_pspy\n', '  add_pspy\n  add_sysinternals\n') }),
      findings: [{ messageId: 'otherRow', path: LIST, line: 2, column: 1, data: { line: 2, listed: ROWS.sysinternals, written: ROWS.pspy, function: 'add_pspy', scriptLine: 50 }, related: [{ path: SCRIPT, line: 50, column: 3, label: 'the add-to-list call' }] }],
    },
    {
      name: 'the header written after the first resource',
      files: LATE_HEADER,
      findings: [{ messageId: 'otherRow', path: LIST, line: 1, data: { line: 1, listed: HEADER, written: ROWS.sysinternals, function: 'add_sysinternals', scriptLine: 42 } }],
    },
    {
      name: 'another header, where the script writes none',
      files: resources({ [SCRIPT]: edit('  add-to-list "Resource,Link,Description"\n', ''), [LIST]: edit(`${HEADER}\n`, 'Name,Link,Description\n') }),
      findings: [{ messageId: 'otherHeader', path: LIST, line: 1, data: { line: 1, listed: 'Name,Link,Description', written: HEADER } }],
    },
    {
      name: 'a list shorter than the script',
      files: resources({ [LIST]: (old) => old.split('\n').slice(0, 4).join('\n') + '\n' }),
      findings: [{ messageId: 'missingRow', path: LIST, line: 4, data: { line: 4, written: ROWS.mimipenguin, function: 'update_submodules', scriptLine: 66 }, related: [{ path: SCRIPT, line: 66 }] }],
    },
    {
      name: 'a list longer than the script',
      files: resources({ [LIST]: (old) => `${old}Old tool,https://example.org,Removed\n` }),
      findings: [{ messageId: 'extraRow', path: LIST, line: 7, data: { line: 7, listed: 'Old tool,https://example.org,Removed' } }],
    },
    {
      name: 'no list: reported at add_resources',
      files: resources({ [LIST]: null }),
      findings: [{ messageId: 'missingList', path: SCRIPT, line: 71, column: 1, data: { file: LIST, rows: 5 } }],
    },
    {
      name: 'a row built at run time: cannot verify',
      files: resources({ [SCRIPT]: edit('A fast TCP/UDP tunnel over HTTP"', 'A fast TCP/UDP tunnel over HTTP ($VERSION)"') }),
      findings: [{ messageId: 'builtAtRunTime', path: SCRIPT, line: 60, severity: 'note', unverified: true, data: {} }],
    },
    { name: 'a script from before the list: one note', files: PREDATES_LIST, findings: [{ messageId: 'predatesList', path: SCRIPT, line: 1, severity: 'note', data: {} }] },
  ],
});

for (const rule of WORKFLOW_RULES) new RuleTester().run(rule, { valid: [{ name: 'the resources fixture', files: FIXTURE, kind: 'resources' }], invalid: [] });

describe('bad input for the resources rules', () => {
  it('an unparsable update-resources.sh gives one parse error and no rule failure', async () => {
    const result = await lint({ repos: [{ name: 'repo', source: new MemorySource(UNPARSABLE) }], kind: 'resources', mode: 'release', rules: ['meta/parse-error', ...RESOURCES_RULES], today: '2026-01-15', env: {} });
    expect(result.diagnostics.map((d) => [d.ruleId, d.messageId, d.location.path, d.data.language])).toEqual([['meta/parse-error', 'cannotParse', SCRIPT, 'bash']]);
  });
});
