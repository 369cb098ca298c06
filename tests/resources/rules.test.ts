// Resources rules on a realistic update-resources.sh and its committed resources_list.csv.
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../runner/registry.js';
import { editedFixture, edit, type Change } from '../helpers/fixture-edit.js';
import { makeFolder, makeRepo } from '../helpers/git.js';
import { findings } from '../helpers/lint.js';

const RESOURCES_RULES = (await loadRules()).filter((r) => r.id.startsWith('resources/') || r.id.startsWith('workflow/')).map((r) => r.id);
const SCRIPT = 'update-resources.sh';
const LIST = 'resources_list.csv';

const resources = (changes: Record<string, Change> = {}) => editedFixture('resources', changes);
const lintResources = (dir: string, rules: string[]) => findings(dir, rules, { kind: 'resources', mode: 'release' });

describe('the resources fixture', () => {
  it('is clean for every resources and workflow rule on main', async () => {
    const dir = await makeRepo({ fixture: 'resources', branch: 'main' });
    expect(RESOURCES_RULES.length).toBeGreaterThanOrEqual(6);
    expect(await findings(dir, RESOURCES_RULES)).toEqual([]);
  });
});

describe('resources/add-to-list-format', () => {
  it('fires on an empty link and a comma in the description; the header row is exempt', async () => {
    const dir = await resources({
      [SCRIPT]: edit(
        '  add-to-list "Chisel,https://github.com/jpillora/chisel,A fast TCP/UDP tunnel over HTTP"\n',
        '  add-to-list "Some webshells,,PHP and ASPX webshells"\n  add-to-list "Chisel,https://github.com/jpillora/chisel,A fast TCP/UDP tunnel, over HTTP"\n',
      ),
    });
    expect(await lintResources(dir, ['resources/add-to-list-format'])).toEqual([
      'resources/add-to-list-format error update-resources.sh:60 add-to-list row "Some webshells,,PHP and ASPX webshells" has an empty link; give the project\'s http(s):// URL',
      'resources/add-to-list-format error update-resources.sh:61 add-to-list row "Chisel,https://github.com/jpillora/chisel,A fast TCP/UDP tunnel, over HTTP" has 4 columns; it needs exactly 3 (name,link,description) and "no comma allowed in description"',
    ]);
  });
});

describe('resources/add-fn-called and resources/add-fn-has-list', () => {
  it('fire on an add_* function add_resources forgets, and on a called function without add-to-list', async () => {
    const dir = await resources({
      [SCRIPT]: (old) =>
        edit('  add_pspy\n', '')(old).replace(
          '  add-to-list "mimipenguin,https://github.com/huntergregal/mimipenguin,A tool to dump the login password from the current linux user"\n  add-to-list "PowerSploit,https://github.com/PowerShellMafia/PowerSploit,A PowerShell Post-Exploitation Framework"\n',
          '',
        ),
    });
    expect(await lintResources(dir, ['resources/add-fn-called', 'resources/add-fn-has-list'])).toEqual([
      'resources/add-fn-called error update-resources.sh:45 add_pspy is not called from add_resources (line 69), so its resource is never downloaded; call it there, or remove it',
      'resources/add-fn-has-list error update-resources.sh:63 update_submodules (called from add_resources at line 73) never calls add-to-list, so its resource is missing from resources_list.csv; add add-to-list "Name,https://...,description"',
    ]);
  });

  it('add-fn-called fires once at the file when there is no add_resources', async () => {
    const dir = await resources({ [SCRIPT]: (old) => old.replace(/function add_resources\(\) \{[^}]*\}\n/, '').replace('\nadd_resources\n', '\n') });
    expect(await lintResources(dir, ['resources/add-fn-called', 'resources/add-fn-has-list', 'resources/list-in-sync'])).toEqual([
      'resources/add-fn-called error update-resources.sh:1 no add_resources() function; the update workflow runs it to download every resource: define it and call each add_* function from it',
    ]);
  });
});

describe('helpers and nested functions', () => {
  it('a helper called from add_resources is not a resource, and rows of a function the resource calls count', async () => {
    const dir = await resources({
      [SCRIPT]: (old) =>
        edit('function add_resources() {\n  init_list\n', 'function add_resources() {\n  info "Starting"\n  init_list\n')(old).replace(
          '  add-to-list "pspy,https://github.com/DominicBreuker/pspy,Monitor linux processes without root permissions"\n}',
          '  add_pspy_list\n}\n\nfunction add_pspy_list() {\n  add-to-list "pspy,https://github.com/DominicBreuker/pspy,Monitor linux processes without root permissions"\n}',
        ),
    });
    expect(await lintResources(dir, ['resources/add-fn-called', 'resources/add-fn-has-list', 'resources/list-in-sync'])).toEqual([]);
  });
});

describe('add_resources writing the header row itself', () => {
  it('is not taken for a resource function, and its row counts in the list order', async () => {
    const dir = await resources({
      [SCRIPT]: edit('function add_resources() {\n  init_list\n', 'function add_resources() {\n  rm -f resources_list.csv\n  add-to-list "Resource,Link,Description"\n'),
    });
    expect(await lintResources(dir, ['resources/add-fn-has-list', 'resources/add-fn-called', 'resources/list-in-sync', 'resources/add-to-list-format'])).toEqual([]);
    const late = await resources({
      [SCRIPT]: edit('function add_resources() {\n  init_list\n  add_sysinternals\n', 'function add_resources() {\n  rm -f resources_list.csv\n  add_sysinternals\n  add-to-list "Resource,Link,Description"\n'),
    });
    expect(await lintResources(late, ['resources/list-in-sync'])).toEqual([
      'resources/list-in-sync error resources_list.csv:1 line 1 is "Resource,Link,Description" but update-resources.sh writes "SysInternals,https://learn.microsoft.com/en-us/sysinternals,Windows utilities signed by Microsoft" (add_sysinternals, update-resources.sh:42); update resources_list.csv to match the script',
    ]);
  });
});

describe('resources/list-in-sync', () => {
  it('points at the first line that differs from the rows in call order', async () => {
    const swapped = await resources({ [SCRIPT]: edit('  add_sysinternals\n  add_pspy\n', '  add_pspy\n  add_sysinternals\n') });
    expect(await lintResources(swapped, ['resources/list-in-sync'])).toEqual([
      'resources/list-in-sync error resources_list.csv:2 line 2 is "SysInternals,https://learn.microsoft.com/en-us/sysinternals,Windows utilities signed by Microsoft" but update-resources.sh writes "pspy,https://github.com/DominicBreuker/pspy,Monitor linux processes without root permissions" (add_pspy, update-resources.sh:50); update resources_list.csv to match the script',
    ]);
    const shorter = await resources({ [LIST]: (old) => old.split('\n').slice(0, 4).join('\n') + '\n' });
    expect(await lintResources(shorter, ['resources/list-in-sync'])).toEqual([
      'resources/list-in-sync error resources_list.csv:4 resources_list.csv ends at line 4 but update-resources.sh also writes "mimipenguin,https://github.com/huntergregal/mimipenguin,A tool to dump the login password from the current linux user" (update_submodules, update-resources.sh:66); add the missing rows',
    ]);
    const longer = await resources({ [LIST]: (old) => `${old}Old tool,https://example.org,Removed\n` });
    expect(await lintResources(longer, ['resources/list-in-sync'])).toEqual([
      'resources/list-in-sync error resources_list.csv:7 line 7 "Old tool,https://example.org,Removed" is not written by update-resources.sh; remove it, or add its add-to-list call',
    ]);
  });

  it('accepts CRLF line ends, and reports a missing list at add_resources', async () => {
    const crlf = await resources({ [LIST]: (old) => old.replace(/\n/g, '\r\n') });
    expect(await lintResources(crlf, ['resources/list-in-sync'])).toEqual([]);
    const missing = await resources({ [LIST]: null });
    expect(await lintResources(missing, ['resources/list-in-sync'])).toEqual([
      'resources/list-in-sync error update-resources.sh:71 resources_list.csv is missing; commit it: the header "Resource,Link,Description" and then the 5 rows add_resources writes',
    ]);
  });

  it('says "cannot verify" when a row is built at run time', async () => {
    const dir = await resources({ [SCRIPT]: edit('A fast TCP/UDP tunnel over HTTP"', 'A fast TCP/UDP tunnel over HTTP ($VERSION)"') });
    expect(await lintResources(dir, ['resources/list-in-sync'])).toEqual([
      'resources/list-in-sync note update-resources.sh:60 cannot verify: this add-to-list row is built at run time, so resources_list.csv cannot be compared with the script',
    ]);
  });
});

describe('bad input', () => {
  it('an unparsable update-resources.sh gives one parse error and no rule failure', async () => {
    const dir = await resources({ [SCRIPT]: (old) => old.replace('function add_resources() {', 'function add_resources() {\n  if [[ -d x ]]; then') });
    const got = await findings(dir, ['meta/parse-error', ...RESOURCES_RULES], { kind: 'resources', mode: 'release' });
    expect(got).toEqual([expect.stringMatching(/^meta\/parse-error error update-resources\.sh:\d+ update-resources\.sh could not be parsed as bash: syntax error/)]);
  });

  it('a resources repo without update-resources.sh gives nothing to report', async () => {
    const dir = await makeFolder({ files: { 'README.md': '# resources\n' } });
    expect(await findings(dir, RESOURCES_RULES, { kind: 'resources', mode: 'release' })).toEqual([]);
  });
});

describe('a script from before the resources list', () => {
  it('gets one note per list rule instead of an error per resource, when it defines no add-to-list and commits no list', async () => {
    const dir = await resources({
      [SCRIPT]: (old) => old.replace(/^ *add-to-list .*\n/gm, '').replace(/function add-to-list\(\) \{\n[^}]*\}\n/, '').replace(/function init_list\(\) \{\n[^}]*\}\n/, '').replace('  init_list\n', ''),
      [LIST]: null,
    });
    expect(await lintResources(dir, RESOURCES_RULES)).toEqual([
      'resources/add-fn-has-list note update-resources.sh:1 update-resources.sh defines no add-to-list function: this revision predates resources_list.csv, so whether each resource adds its row is not checked',
      'resources/list-in-sync note update-resources.sh:1 update-resources.sh defines no add-to-list function: this revision predates resources_list.csv, and none is committed: nothing to compare',
    ]);
  });
});
