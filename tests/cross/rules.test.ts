// The cross-repo rules on the fixtures of tests/fixtures/cross (a docs tree, the wrapper at 5.0.0
// and 5.1.0, a resources list), one mistake at a time, in memory. The docs rules run on the docs
// repo with the other repos beside it; without them they say "cannot verify" once.
import { RuleTester } from '../../runner/testing.js';
import { editedFiles } from '../helpers/fixture-files.js';
import { memoryGit } from '../../runner/memory-git.js';
import { DOCS, RESOURCES, WRAPPER_50, WRAPPER_51, resourcesRepo, wrapperRepo } from './workspace.js';

const tester = new RuleTester();
const CLI = 'docs/src/wrapper/cli';
const CONFIG = 'docs/.vitepress/config.mts';
const ACTIONS = 'exegol/console/cli/actions/ExegolParameters.py';
const GENERIC = 'exegol/console/cli/actions/GenericParameters.py';
const revisions = { docs: 'repo work tree', wrapper: 'Exegol work tree' };
const docs = (changes: Parameters<typeof editedFiles>[1]) => editedFiles('cross/docs', changes);
const wrapper51 = (changes: Parameters<typeof editedFiles>[1]) => editedFiles('cross/wrapper-5.1', changes);
const noRow = (flag: string) => (text: string) => text.split('\n').filter((l) => !l.includes(flag)).join('\n');
const missingWrapper = { messageId: 'missingRepo', line: 1, path: CONFIG, severity: 'note' as const, unverified: true, data: { kind: 'wrapper', repo: 'repo', folder: 'repo' } };

tester.run('docs/cli-action-page', {
  valid: [{ name: 'every action has a page and a sidebar entry', files: DOCS, repos: [wrapperRepo()] }],
  invalid: [
    {
      name: 'an action without a page: at the sidebar, the class as related place',
      files: docs({ [`${CLI}/upgrade.md`]: null, [CONFIG]: noRow('upgrade') }),
      repos: [wrapperRepo()],
      findings: [{ messageId: 'noPage', path: CONFIG, line: 27, data: { action: 'upgrade', page: `${CLI}/upgrade.md`, ...revisions }, related: [{ repo: 'Exegol', path: ACTIONS, line: 41 }] }],
    },
    {
      name: 'an action whose page is gone but whose sidebar entry stays: at that entry',
      files: docs({ [`${CLI}/upgrade.md`]: null }),
      repos: [wrapperRepo()],
      findings: [{ messageId: 'noPageLinked', path: CONFIG, line: 31, column: 38, data: { action: 'upgrade', page: `${CLI}/upgrade.md`, ...revisions }, related: [{ repo: 'Exegol', path: ACTIONS, line: 41 }] }],
    },
    {
      name: 'a page without a sidebar entry',
      files: docs({ [CONFIG]: noRow('upgrade') }),
      repos: [wrapperRepo()],
      findings: [{ messageId: 'notInSidebar', path: CONFIG, line: 27, data: { action: 'upgrade', page: `${CLI}/upgrade.md`, ...revisions }, related: [{ repo: 'Exegol', path: ACTIONS, line: 41, label: 'class Upgrade in the wrapper' }, { repo: 'repo', path: `${CLI}/upgrade.md`, line: 1, label: 'the page' }] }],
    },
    {
      name: 'a page for an action the wrapper does not have (docs ahead of 5.0.0)',
      files: DOCS,
      repos: [wrapperRepo(WRAPPER_50)],
      findings: [{ messageId: 'unknownAction', path: `${CLI}/upgrade.md`, line: 1, data: { action: 'upgrade', page: `${CLI}/upgrade.md`, hint: '', ...revisions } }],
    },
    {
      name: 'a page whose H1 misspells the action',
      files: docs({ [`${CLI}/install.md`]: (t) => t.replace('# `install` action', '# `instal` action') }),
      repos: [wrapperRepo()],
      findings: [
        { messageId: 'noPage', path: CONFIG, line: 27, data: { action: 'install', page: `${CLI}/install.md`, ...revisions } },
        { messageId: 'unknownAction', path: `${CLI}/install.md`, line: 1, data: { action: 'instal', page: `${CLI}/install.md`, hint: ' (did you mean "install"?)', ...revisions } },
      ],
    },
    { name: 'no wrapper in the run: one note naming the repo to add', files: DOCS, findings: [missingWrapper] },
    {
      name: 'a wrapper without an actions folder cannot be compared',
      files: DOCS,
      repos: [{ name: 'Exegol', kind: 'wrapper', files: { 'exegol/config/ConstantConfig.py': '__version__ = "5.1.0"\n' } }],
      findings: [{ messageId: 'noCli', path: CONFIG, line: 1, unverified: true, severity: 'note', data: { folder: 'exegol/console/cli/actions', ...revisions } }],
    },
  ],
});

tester.run('docs/cli-option-documented', {
  valid: [
    { name: 'every flag mentioned on its page or a linked page that shares it', files: DOCS, repos: [wrapperRepo()] },
    { name: 'the 5.0.0 wrapper has fewer flags: nothing missing', files: DOCS, repos: [wrapperRepo(WRAPPER_50)] },
  ],
  invalid: [
    {
      name: 'a flag gone from the page that exec delegates to: both pages miss it',
      files: docs({ [`${CLI}/start.md`]: noRow('--hostname') }),
      repos: [wrapperRepo()],
      findings: [
        { messageId: 'notMentioned', path: `${CLI}/exec.md`, line: 9, data: { flag: '--hostname', action: 'exec', page: `${CLI}/exec.md`, ...revisions }, related: [{ repo: 'Exegol', path: GENERIC, line: 85, label: 'defined in class ContainerCreation' }] },
        { messageId: 'notMentioned', path: `${CLI}/start.md`, line: 6, data: { flag: '--hostname', action: 'start', page: `${CLI}/start.md`, ...revisions } },
      ],
    },
    {
      name: 'a mention inside an HTML comment does not count, neither on the page nor through delegation',
      files: DOCS,
      repos: [wrapperRepo(wrapper51({ [GENERIC]: (t) => t.replace('self.log = Option("-l", "--log",', 'self.log_method = Option("--log-method", dest="log_method")\n        self.log = Option("-l", "--log",') }))],
      findings: [
        { messageId: 'notMentioned', path: `${CLI}/restart.md`, line: 5, data: { flag: '--log-method', action: 'restart', page: `${CLI}/restart.md`, ...revisions } },
        { messageId: 'notMentioned', path: `${CLI}/start.md`, line: 6, data: { flag: '--log-method', action: 'start', page: `${CLI}/start.md`, ...revisions } },
      ],
    },
    {
      name: 'a linked page does not stand in for an option the two actions do not share',
      files: docs({
        [`${CLI}/exec.md`]: (t) => t.replace(/`?--tmp`?/g, 'a temporary container').replace(/\| a temporary container .*\n/, ''),
        [`${CLI}/start.md`]: (t) => t.replace('## Command examples', 'To run a single command in a throwaway container, see `exegol exec --tmp`.\n\n## Command examples'),
      }),
      repos: [wrapperRepo()],
      findings: [{ messageId: 'notMentioned', path: `${CLI}/exec.md`, line: 9, data: { flag: '--tmp', action: 'exec', page: `${CLI}/exec.md`, ...revisions } }],
    },
    {
      name: 'a global option documented on no page: once, at the first page',
      files: docs({ [`${CLI}/version.md`]: noRow('--accept-eula') }),
      repos: [wrapperRepo()],
      findings: [{ messageId: 'globalNotMentioned', path: `${CLI}/exec.md`, line: 9, data: { flag: '--accept-eula', action: '*', ...revisions }, related: [{ repo: 'Exegol', path: 'exegol/console/cli/actions/Command.py', line: 46, label: 'defined in class Command' }] }],
    },
    { name: 'no wrapper in the run', files: DOCS, findings: [missingWrapper] },
  ],
});

tester.run('docs/cli-option-exists', {
  valid: [
    { name: 'every table flag is an option of its action, -h/--help implicit', files: DOCS, repos: [wrapperRepo()] },
    {
      name: 'flags outside a table\'s first column, or in a fenced block, are not checked',
      files: docs({ [`${CLI}/install.md`]: (t) => `${t}\nUse \`--force\` with care.\n\n\`\`\`text\n| \`--force\` | not a table |\n|---|---|\n| \`--force\` | x |\n\`\`\`\n\n| Option | Note |\n|---|---|\n| \`IMAGE\` | see \`--force\` |\n` }),
      repos: [wrapperRepo()],
    },
  ],
  invalid: [
    {
      name: 'the docs ahead of the 5.0.0 wrapper: rows of flags it does not have',
      files: DOCS,
      repos: [wrapperRepo(WRAPPER_50)],
      findings: [
        { messageId: 'unknownFlag', path: `${CLI}/start.md`, line: 20, column: 4, data: { flag: '--network', action: 'start', hint: '', ...revisions }, related: [{ repo: 'Exegol', path: ACTIONS, line: 6 }] },
        { messageId: 'unknownFlag', path: `${CLI}/version.md`, line: 16, column: 4, data: { flag: '--accept-eula', action: 'version', hint: '', ...revisions } },
      ],
    },
    {
      name: 'a typo, with the flag meant',
      files: docs({ [`${CLI}/start.md`]: (t) => t.replace('`--hostname HOSTNAME`', '`--hostnme HOSTNAME`') }),
      repos: [wrapperRepo()],
      findings: [{ messageId: 'unknownFlag', path: `${CLI}/start.md`, line: 19, column: 4, endColumn: 13, data: { flag: '--hostnme', action: 'start', hint: ' (did you mean "--hostname"?)', ...revisions } }],
    },
    {
      name: 'a flag of another action in this action\'s table (short flags get no guess)',
      files: docs({ [`${CLI}/install.md`]: (t) => t.replace('| `IMAGE` |', '| `-F`, `IMAGE` |') }),
      repos: [wrapperRepo()],
      findings: [{ messageId: 'unknownFlag', path: `${CLI}/install.md`, line: 9, column: 4, data: { flag: '-F', action: 'install', hint: '', ...revisions } }],
    },
    {
      name: 'an action deriving from a class outside the actions folder: cannot verify',
      files: docs({ [`${CLI}/install.md`]: (t) => t.replace('| `IMAGE` |', '| `--pull` |') }),
      repos: [wrapperRepo(wrapper51({ [ACTIONS]: (t) => t.replace('class Install(Command, ImageSelector):', 'class Install(Command, ImageSelector, RegistryMixin):') }))],
      findings: [{ messageId: 'unresolvedBase', path: `${CLI}/install.md`, line: 9, severity: 'note', unverified: true, data: { flag: '--pull', action: 'install', bases: 'RegistryMixin', ...revisions } }],
    },
    { name: 'no wrapper in the run', files: DOCS, findings: [missingWrapper] },
  ],
});

const withRelease = { ...revisions, release: '5.0.0' };

tester.run('docs/new-feature-documented', {
  valid: [
    { name: 'the action and flags new since 5.0.0 are in the docs and the README', files: DOCS, repos: [wrapperRepo()] },
    {
      name: 'a README that names no action or flag need not list new ones',
      files: DOCS,
      repos: [wrapperRepo(wrapper51({ 'README.md': '# Exegol\n\nHow to install Exegol: https://exegol.com/install\n' }))],
    },
    { name: 'nothing new since the release', files: DOCS, repos: [wrapperRepo(WRAPPER_51, WRAPPER_51)] },
  ],
  invalid: [
    {
      name: 'a new action without a page: at the sidebar entry that leads to it',
      files: docs({ [`${CLI}/upgrade.md`]: null }),
      repos: [wrapperRepo()],
      findings: [{ messageId: 'actionUndocumented', path: CONFIG, line: 31, data: { action: 'upgrade', page: `${CLI}/upgrade.md`, ...withRelease }, related: [{ repo: 'Exegol', path: ACTIONS, line: 41 }] }],
    },
    {
      name: 'a new action without a page or sidebar entry: at the first entry of the action pages',
      files: docs({ [`${CLI}/upgrade.md`]: null, [CONFIG]: noRow('upgrade') }),
      repos: [wrapperRepo()],
      findings: [{ messageId: 'actionUndocumented', path: CONFIG, line: 27, data: { action: 'upgrade', page: `${CLI}/upgrade.md`, ...withRelease } }],
    },
    {
      name: 'a new flag mentioned on no page of the docs: at each action\'s page',
      files: docs({ [`${CLI}/start.md`]: noRow('--network'), 'docs/src/wrapper/features.md': (t) => t.replace('`--network`', 'an option') }),
      repos: [wrapperRepo()],
      findings: [
        { messageId: 'flagUndocumented', path: `${CLI}/exec.md`, line: 9, data: { flag: '--network', action: 'exec', page: `${CLI}/exec.md`, ...withRelease } },
        { messageId: 'flagUndocumented', path: `${CLI}/start.md`, line: 6, data: { flag: '--network', action: 'start', page: `${CLI}/start.md`, ...withRelease }, related: [{ repo: 'Exegol', path: GENERIC, line: 89 }] },
      ],
    },
    {
      name: 'a README that presents the command line but not the new action and flag: in the wrapper',
      files: DOCS,
      repos: [wrapperRepo(wrapper51({ 'README.md': (t) => t.replace('exegol upgrade demo\n', '').replace('`--network`', 'a network option') }))],
      findings: [
        { messageId: 'actionNotInReadme', repo: 'Exegol', path: 'README.md', line: 8, data: { action: 'upgrade', ...withRelease } },
        // --network comes from a mixin both exec and start inherit: one finding naming both.
        { messageId: 'flagNotInReadme', repo: 'Exegol', path: 'README.md', line: 8, data: { action: 'exec', actions: 'actions "exec" and "start"', flag: '--network', ...withRelease } },
      ],
    },
    {
      name: 'no earlier release tag: cannot tell what is new',
      files: DOCS,
      repos: [{ name: 'Exegol', kind: 'wrapper', files: WRAPPER_51, git: memoryGit({ commits: [{ id: 'only', files: { ...WRAPPER_51 } }], branches: { dev: 'only' }, head: { branch: 'dev' } }) }],
      findings: [{ messageId: 'noPrevious', path: CONFIG, line: 1, unverified: true, data: { reason: 'no release tag is in the history of the checked commit', release: '', ...revisions } }],
    },
    {
      name: 'a wrapper given without git',
      files: DOCS,
      repos: [{ name: 'Exegol', kind: 'wrapper', files: WRAPPER_51 }],
      findings: [{ messageId: 'noGit', path: CONFIG, line: 1, unverified: true, data: { reason: 'the repo was given without git facts', release: '', ...revisions } }],
    },
    { name: 'no wrapper in the run', files: DOCS, findings: [missingWrapper] },
  ],
});

const COPY = 'docs/src/public/exegol_resources/resources_list.csv';
const listRevisions = { docs: 'repo work tree', resources: 'Exegol-resources work tree', list: 'resources_list.csv', copy: COPY };
const RUBEUS = 'Rubeus,https://github.com/GhostPack/Rubeus,Toolset for raw Kerberos interaction and abuses';

tester.run('docs/resources-list-synced', {
  valid: [
    { name: 'the copy equals the list', files: DOCS, repos: [resourcesRepo()] },
    { name: 'line endings and a missing final newline do not count', files: docs({ [COPY]: (t) => t.replace(/\n/g, '\r\n').trimEnd() }), repos: [resourcesRepo()] },
  ],
  invalid: [
    {
      name: 'a row changed in the resources repo',
      files: DOCS,
      repos: [resourcesRepo(editedFiles('cross/resources', { 'resources_list.csv': (t) => t.replace('without root permissions', 'without root') }))],
      findings: [
        {
          messageId: 'differs',
          path: COPY,
          line: 3,
          data: { ...listRevisions, line: 3, copied: 'pspy,https://github.com/DominicBreuker/pspy,Monitor linux processes without root permissions', listed: 'pspy,https://github.com/DominicBreuker/pspy,Monitor linux processes without root' },
          related: [{ repo: 'Exegol-resources', path: 'resources_list.csv', line: 3 }],
        },
      ],
    },
    {
      name: 'a row added in the resources repo',
      files: docs({ [COPY]: noRow('Rubeus') }),
      repos: [resourcesRepo()],
      findings: [{ messageId: 'shorter', path: COPY, line: 3, data: { ...listRevisions, line: 3, listed: RUBEUS, missing: 1 } }],
    },
    {
      name: 'a row removed from the resources repo',
      files: DOCS,
      repos: [resourcesRepo(editedFiles('cross/resources', { 'resources_list.csv': noRow('Rubeus') }))],
      findings: [{ messageId: 'longer', path: COPY, line: 4, data: { ...listRevisions, line: 4, copied: RUBEUS, extra: 1 } }],
    },
    {
      name: 'a resources repo without its list',
      files: DOCS,
      repos: [resourcesRepo({ 'update-resources.sh': RESOURCES['update-resources.sh'] })],
      findings: [{ messageId: 'noList', path: COPY, line: 1, unverified: true, data: listRevisions }],
    },
    { name: 'docs without a copy: a note', files: docs({ [COPY]: null }), repos: [resourcesRepo()], findings: [{ messageId: 'noCopy', path: CONFIG, line: 1, severity: 'note', data: listRevisions }] },
    { name: 'no resources repo in the run', files: DOCS, findings: [{ ...missingWrapper, data: { kind: 'resources', repo: 'repo', folder: 'repo' } }] },
  ],
});
