// docs/stale-reference on a docs tree that names things in the other three repos (each at its
// release branch, given as data), one stale name at a time; what is not a reference (templates,
// host paths, the user's files) stays silent; missing repos, git and site give "cannot verify".
import { describe, expect, it } from 'vitest';
import { EMPTY_CONFIG } from '../../runner/config.js';
import { MemorySource } from '../../runner/memory-source.js';
import { lint } from '../../runner/run.js';
import { lintCase, RuleTester } from '../../runner/testing.js';
import { ALL, CONFIG, DOCS, IMAGES, IMAGES_PAGE, MY_RESOURCES, NOTES, RESOURCES_PAGE, WRAPPER, images, resources, wrapper } from './stale-workspace.js';

const RULE = 'docs/stale-reference';
const tester = new RuleTester();
const WRAPPER_TIP = 'Exegol master (306a967)';
type Change = string | null | ((text: string) => string);

function edit(files: Readonly<Record<string, string>>, changes: Record<string, Change>): Record<string, string> {
  const out = { ...files };
  for (const [file, change] of Object.entries(changes)) {
    if (change === null) delete out[file];
    else if (typeof change === 'string') out[file] = change;
    else {
      if (out[file] === undefined) throw new Error(`no ${file} to edit`);
      out[file] = change(out[file]);
    }
  }
  return out;
}
const replace = (from: string, to: string) => (text: string) => {
  if (!text.includes(from)) throw new Error(`"${from}" is not in the text`);
  return text.replace(from, to);
};
const docs = (changes: Record<string, Change>) => edit(DOCS, changes);

tester.run(RULE, {
  valid: [
    { name: 'every file, module, folder, branch and image path named still exists', files: DOCS, repos: ALL() },
    {
      name: 'template lines, host and system paths, and the user\'s files are no references',
      files: docs({ [IMAGES_PAGE]: (t) => `${t}\nRun \`python3 /path/to/Exegol/setup.py\` or \`sources/install/package_yourtool.sh\`.\nEdit \`/etc/rc.d/rc.local\` and \`/usr/local/bin/exegol-dev\`.\n` }),
      repos: ALL(),
    },
    {
      name: 'a branch name no repo of the run has is not taken for one (`type/description`)',
      files: docs({ [RESOURCES_PAGE]: (t) => `${t}\n\`\`\`bash\ngit checkout feature/description\n\`\`\`\n` }),
      repos: ALL(),
    },
    {
      name: 'a page about no known repo is not checked',
      files: { ...DOCS, 'docs/src/faq.md': '# FAQ\n\nRun `python3 setup.py` and checkout the `master` branch.\n' },
      repos: ALL(),
    },
    {
      name: 'a user\'s own files on a page about the wrapper or the images: in prose, in commands, under /workspace',
      files: {
        ...DOCS,
        'docs/src/wrapper/tips.md': '# Tips\n\nSave `results.txt`, run `./run.sh` or `loot/scan.sh`.\n\n```bash\npython3 exploit.py\npython3 scripts/poc.py\nbash /workspace/run.sh\n```\n',
      },
      repos: ALL(),
    },
    {
      name: 'a heading that says "image" in passing names no repo; a git -C folder under it is not the images repo\'s',
      files: { ...DOCS, 'docs/src/wrapper/custom.md': '# Custom\n\n## Using a custom image\n\n```bash\npython3 exegol.py\ngit -C exegol-resources pull\n```\n' },
      repos: ALL(),
    },
    {
      name: 'a line naming the docs repo is about the docs: its branches are not looked up in the others',
      files: docs({ [NOTES]: (t) => t.replace('1. Point exegol-images', '1. Merge the Exegol-docs `dev-wrapper` branch into main\n1. Point exegol-images') }),
      repos: ALL(),
      repoName: 'Exegol-docs',
    },
    {
      name: 'folders named by kind (images, resources): the submodules still lead to them, by the gitlinks\' commits',
      files: docs({ [MY_RESOURCES]: (t) => t.replace('Exegol-images repo', 'exegol-images submodule') }),
      repos: [wrapper(), { ...images(), name: 'images' }, { ...resources(), name: 'resources' }],
    },
    {
      name: 'an absolute path that is a path of the docs repo itself',
      files: { ...DOCS, 'docs/src/contribute/docs.md': '# Docs\n\nPages live in `/docs/src/contribute/`.\n' },
      repos: [wrapper(), images({ ...IMAGES, 'notes.txt': 'see /docs/src/\n' }), resources()],
    },
  ],
  invalid: [
    {
      name: 'a script renamed in the images repo, named on a line that names that repo',
      files: docs({ [MY_RESOURCES]: replace('`load_supported_setups.sh`', '`load_supported_setup.sh`') }),
      repos: ALL(),
      findings: [
        {
          messageId: 'missingFile',
          path: MY_RESOURCES,
          line: 3,
          column: 26,
          severity: 'warning',
          data: { name: 'load_supported_setup.sh', kind: 'images', repo: 'Exegol-images main (a013042)', tried: 'file called load_supported_setup.sh', hint: ' (did you mean "load_supported_setups.sh"?)' },
        },
      ],
    },
    {
      name: 'a file the wrapper dropped, run under the wrapper\'s heading',
      files: docs({ [NOTES]: replace('python3 -m build --sdist', 'python3 setup.py clean test') }),
      repos: ALL(),
      findings: [{ messageId: 'missingFile', path: NOTES, line: 13, data: { name: 'setup.py', kind: 'wrapper', repo: WRAPPER_TIP, tried: 'file called setup.py', hint: '' } }],
    },
    {
      name: 'a test file written with dots, and a module, that the wrapper no longer has',
      files: docs({ [NOTES]: (t) => t.replace('tests.exegol_test.py', 'tests.test_exegol.py').replace('exegol.config.ConstantConfig', 'exegol.config.OldConfig') }),
      repos: ALL(),
      findings: [
        { messageId: 'missingModule', path: NOTES, line: 16, data: { name: 'exegol.config.OldConfig', kind: 'wrapper', repo: WRAPPER_TIP, tried: 'exegol/config/OldConfig.py or exegol/config/OldConfig/', hint: '' } },
        { messageId: 'missingModule', path: NOTES, line: 18, data: { name: 'tests.test_exegol.py', kind: 'wrapper', repo: WRAPPER_TIP, tried: 'tests/test_exegol.py', hint: '' } },
      ],
    },
    {
      name: 'git -C on a submodule folder renamed since; the branch after it is not looked up',
      files: docs({ [NOTES]: replace('git -C exegol-images checkout main', 'git -C exegol-docker-build checkout main') }),
      repos: ALL(),
      findings: [{ messageId: 'missingFolder', path: NOTES, line: 10, column: 8, data: { name: 'exegol-docker-build', kind: 'wrapper', repo: WRAPPER_TIP, tried: 'exegol-docker-build', hint: '' } }],
    },
    {
      name: '"latest master" for two submodules whose repos only have main: one finding naming both',
      files: docs({ [NOTES]: replace('to latest main', 'to latest master') }),
      repos: ALL(),
      findings: [{ messageId: 'missingBranch', path: NOTES, line: 7, data: { name: 'master', kind: 'images or resources', branches: 'main, dev (Exegol-images); main (Exegol-resources)' } }],
    },
    {
      name: 'checkout the dev branch of a repo that has main only (the page\'s place names the repo)',
      files: docs({ [RESOURCES_PAGE]: replace('the `main` branch', 'the `dev` branch') }),
      repos: ALL(),
      findings: [{ messageId: 'missingBranch', path: RESOURCES_PAGE, line: 4, column: 18, data: { name: 'dev', kind: 'resources', branches: 'main (Exegol-resources)' } }],
    },
    {
      name: 'git merge of a branch the images repo lacks, under its heading',
      files: docs({ [NOTES]: replace('git merge --ff-only main', 'git merge --ff-only master') }),
      repos: ALL(),
      findings: [{ messageId: 'missingBranch', path: NOTES, line: 29, data: { name: 'master', kind: 'images', branches: 'main, dev (Exegol-images)' } }],
    },
    {
      name: 'git pull after cd into a submodule folder: the branch is that repo\'s',
      files: docs({ [NOTES]: replace('git -C exegol-resources pull', 'cd exegol-resources\ngit pull origin dev') }),
      repos: ALL(),
      findings: [{ messageId: 'missingBranch', path: NOTES, line: 12, data: { name: 'dev', kind: 'resources', branches: 'main (Exegol-resources)' } }],
    },
    {
      name: 'a path of the images repo that moved',
      files: docs({ [MY_RESOURCES]: (t) => `${t}\nPackages are in \`sources/install/package_old.sh\` of the Exegol-images repo.\n` }),
      repos: ALL(),
      findings: [{ messageId: 'missingPath', path: MY_RESOURCES, line: 7, data: { name: 'sources/install/package_old.sh', kind: 'images', repo: 'Exegol-images main (a013042)', tried: 'sources/install/package_old.sh', hint: ' (did you mean "sources/install/package_base.sh"?)' } }],
    },
    {
      name: 'a path inside the image that no file names any more',
      files: docs({ [IMAGES_PAGE]: replace('/.exegol/skel/zsh/zshrc', '/.exegol/skel/zsh/zprofile') }),
      repos: ALL(),
      findings: [{ messageId: 'unnamedImagePath', path: IMAGES_PAGE, line: 4, data: { name: '/.exegol/skel/zsh/zprofile', kind: 'images', repos: `Exegol-images main (a013042) or ${WRAPPER_TIP}` } }],
    },
    {
      name: 'a path under a folder of the user\'s own is looked up once the option no longer lists it',
      files: docs({ [IMAGES_PAGE]: replace('/opt/my-resources/setup/arsenal-cheats/', '/opt/my-resources/setup/old-cheats/') }),
      repos: ALL(),
      options: { 'user-folders': ['/workspace'] },
      findings: [{ messageId: 'unnamedImagePath', path: IMAGES_PAGE, line: 4, data: { name: '/opt/my-resources/setup/old-cheats/', kind: 'images', repos: `Exegol-images main (a013042) or ${WRAPPER_TIP}` } }],
    },
    {
      name: 'docs alone: one note per repo its references are about (branches are not told from other words without the repos)',
      files: DOCS,
      findings: [
        { messageId: 'noRepo', path: NOTES, line: 10, column: 8, severity: 'note', unverified: true, data: { count: 6, docs: 'repo work tree', kind: 'wrapper' } },
        { messageId: 'noRepo', path: MY_RESOURCES, line: 3, column: 91, severity: 'note', unverified: true, data: { count: 2, docs: 'repo work tree', kind: 'images' } },
      ],
    },
    {
      name: 'an images repo that is no git repository: read as a work tree, its branches unknown',
      files: docs({ [MY_RESOURCES]: replace('`load_supported_setups.sh`', '`load_supported_setup.sh`') }),
      repos: [wrapper(), { name: 'Exegol-images', kind: 'images', files: IMAGES }, resources()],
      findings: [
        { messageId: 'noBranches', path: NOTES, line: 7, severity: 'note', unverified: true, data: { docs: 'repo work tree', kind: 'images', repo: 'Exegol-images work tree' } },
        { messageId: 'missingFile', path: MY_RESOURCES, line: 3, data: { name: 'load_supported_setup.sh', kind: 'images', repo: 'Exegol-images work tree', tried: 'file called load_supported_setup.sh', hint: ' (did you mean "load_supported_setups.sh"?)' } },
        { messageId: 'notReleaseBranch', path: MY_RESOURCES, line: 3, severity: 'note', data: { docs: 'repo work tree', kind: 'images', repo: 'Exegol-images work tree', branch: 'main', reason: 'the repo was given without git facts' } },
      ],
    },
    {
      name: 'no VitePress config: nothing is read',
      files: docs({ [CONFIG]: null }),
      repos: ALL(),
      findings: [{ messageId: 'noSite', line: 1, unverified: true, data: { docs: 'repo work tree', reason: 'no VitePress config (.vitepress/config.js, .mjs, .ts or .mts) was found' } }],
    },
  ],
});

describe('docs/stale-reference on odd input', () => {
  it('a .gitmodules with odd paths and a broken section: the repos are still told by their names in the run', async () => {
    const odd = { ...WRAPPER, '.gitmodules': '[submodule "x"]\n\tpath = ../../etc\n\turl = \n[submodule\n' };
    const found = await lintCase(RULE, { files: docs({ [NOTES]: replace('to latest main', 'to latest master') }), repos: [wrapper(odd), images(), resources()] });
    expect(found.map((d) => `${d.messageId} ${d.location.line} ${d.data?.kind}`)).toEqual(['missingBranch 7 images or resources']);
  });
});

describe('docs/stale-reference reads the other repos only to search them', () => {
  it('a file it searched is not a file the run checked: its suppression comments are not judged', async () => {
    const helper = '# porgs-lint-disable-next-line images/install-add-history\nls /opt/tools/bin/\n';
    const run = (on: boolean) =>
      lint({
        repos: [
          { name: 'Exegol-docs', kind: 'docs', source: new MemorySource(docs({ [IMAGES_PAGE]: (t) => `${t}\nTools are in \`/opt/tools/bin/gone-tool\`.\n` })) },
          { name: 'Exegol-images', kind: 'images', source: new MemorySource({ ...IMAGES, 'sources/unread-helper.sh': helper }) },
        ],
        mode: 'dev',
        today: '2026-01-15',
        config: { ...EMPTY_CONFIG, rules: new Map(on ? [[RULE, { severity: 'warning' as const }]] : []) },
        env: {},
      });
    const unused = async (on: boolean) => (await run(on)).diagnostics.filter((d) => d.ruleId === 'meta/unused-suppression').map((d) => d.location.path);
    const withRule = await run(true);
    expect(withRule.diagnostics.filter((d) => d.ruleId === RULE && d.messageId === 'unnamedImagePath').map((d) => d.data?.name)).toEqual(['/opt/tools/bin/gone-tool']);
    expect(await unused(true)).toEqual(await unused(false));
  });
});

describe('docs/stale-reference is off by default', () => {
  const run = (rules: Map<string, { severity?: 'warning' | 'off' }>, named: string[] = []) =>
    lint({
      rules: named,
      repos: [{ name: 'Exegol-docs', kind: 'docs', source: new MemorySource(docs({ [NOTES]: replace('python3 -m build --sdist', 'python3 setup.py test') })) }, ...ALL().map((r) => ({ name: r.name, kind: r.kind, source: new MemorySource(r.files), git: r.git }))],
      mode: 'release',
      today: '2026-01-15',
      config: { ...EMPTY_CONFIG, rules },
      env: {},
    });

  it('does not run without a setting', async () => {
    const result = await run(new Map());
    expect(result.diagnostics.filter((d) => d.ruleId === RULE)).toEqual([]);
    expect(result.rules.map((r) => r.meta.id)).not.toContain(RULE);
  });

  it('runs when named (--rule), unless the config turns it off', async () => {
    const named = await run(new Map(), [RULE]);
    expect(named.diagnostics.filter((d) => d.ruleId === RULE).map((d) => `${d.location.line} ${d.severity}`)).toEqual(['13 warning']);
    const off = await run(new Map([[RULE, { severity: 'off' as const }]]), [RULE]);
    expect(off.diagnostics.filter((d) => d.ruleId === RULE)).toEqual([]);
  });

  it('runs once the config sets its severity', async () => {
    const result = await run(new Map([[RULE, { severity: 'warning' as const }]]));
    expect(result.diagnostics.filter((d) => d.ruleId === RULE).map((d) => `${d.location.path}:${d.location.line} ${d.messageId}`)).toEqual([`${NOTES}:13 missingFile`]);
  });
});
