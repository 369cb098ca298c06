// spawn.sh and .gitmodules as files, in memory (collected by rules.test.ts); what needs tags,
// gitlinks or submodule clones is in git-rules.test.ts.
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../../runner/testing.js';
import { editedFiles, fixtureFiles } from '../../helpers/fixture-files.js';
import { foundInMemory } from '../../helpers/found.js';

const SPAWN = 'exegol/utils/imgsync/spawn.sh';
const spawn = (n: string, body = '') => ({
  [SPAWN]: `#!/bin/bash\n# DO NOT CHANGE the syntax or text of the following line, only increment the version number\n# Spawn Version:${n}\n${body}`,
});
const tester = new RuleTester();

tester.run('wrapper/spawn-version', {
  valid: [
    { name: 'digits on release', files: fixtureFiles('wrapper-5x') },
    { name: 'a/b on dev', files: spawn('3b'), mode: 'dev' },
    { name: 'no spawn.sh before 4.3.0', files: fixtureFiles('wrapper-4.1') },
  ],
  invalid: [
    {
      name: 'a/b on release',
      files: spawn('3b'),
      findings: [{ messageId: 'notDigits', line: 3, column: 17, endColumn: 19, data: { version: '3b', digits: '3' } }],
    },
    {
      name: 'other letters on dev',
      files: spawn('3-rc'),
      mode: 'dev',
      findings: [{ messageId: 'notDigitsOrAb', line: 3, column: 17, data: { version: '3-rc', digits: '3' } }],
    },
    {
      name: 'a line that is not the exact syntax',
      files: { [SPAWN]: '#!/bin/bash\n# Spawn version: 4\n' },
      mode: 'dev',
      findings: [{ messageId: 'badSyntax', line: 2, column: 1, endColumn: 19, data: { text: '# Spawn version: 4', version: '4' } }],
    },
    {
      name: 'a second line',
      files: spawn('4', '# Spawn Version:5\n'),
      mode: 'dev',
      findings: [{ messageId: 'second', line: 4, data: { firstLine: 3 }, related: [{ line: 3, column: 1, label: 'the first spawn version line' }] }],
    },
    { name: 'no line', files: { [SPAWN]: '#!/bin/bash\necho hi\n' }, mode: 'dev', findings: [{ messageId: 'missing', line: 1, data: {} }] },
  ],
});

const GITMODULES_43 = fixtureFiles('wrapper-4.3')['.gitmodules'];
tester.run('wrapper/gitmodules-branch-main', {
  valid: [{ name: 'every submodule on main, names differing from paths', files: fixtureFiles('wrapper-4.3'), mode: 'dev' }],
  invalid: [
    {
      name: 'a wrong branch and a missing one, named by path',
      files: { '.gitmodules': '[submodule "sources"]\n\tpath = exegol-docker-build\n\tbranch = dev\n[submodule "exegol-resources"]\n\tpath = exegol-resources\n' },
      mode: 'dev',
      findings: [
        { messageId: 'notMain', line: 3, data: { submodule: 'exegol-docker-build', branch: 'dev' } },
        { messageId: 'noBranch', line: 4, data: { submodule: 'exegol-resources' } },
      ],
    },
    {
      name: 'a submodule without a path is named by its name',
      files: { '.gitmodules': '[submodule "sources"]\n\tbranch = "master"\n' },
      findings: [{ messageId: 'notMain', line: 2, data: { submodule: 'sources', branch: 'master' } }],
    },
  ],
});

tester.run('wrapper/gitmodules-name', {
  valid: [{ name: 'names git accepts', files: { '.gitmodules': GITMODULES_43 } }],
  invalid: [
    {
      name: 'a name that leaves .git/modules, with its path as the suggestion',
      files: { '.gitmodules': '[submodule "../../hooks"]\n\tpath = exegol-images\n\tbranch = main\n' },
      findings: [{ messageId: 'unsafeName', line: 1, data: { name: '../../hooks', problem: 'has a ".." component', suggested: 'exegol-images' } }],
    },
    {
      name: 'a line git cannot read',
      files: { '.gitmodules': `${GITMODULES_43}[submodule "broken\n\tpath = x\n` },
      findings: [{ messageId: 'syntax', line: 9, data: { problem: 'unterminated subsection name' } }],
    },
  ],
});

// Without git facts, the rules that compare .gitmodules with the commit say so instead of passing.
tester.run('wrapper/gitmodules-gitlink', {
  valid: [{ name: 'no .gitmodules and no git: nothing to compare', files: fixtureFiles('wrapper-4.1') }],
  invalid: [
    {
      name: 'submodules but no git facts',
      files: { '.gitmodules': GITMODULES_43 },
      findings: [{ messageId: 'noGit', line: 1, severity: 'note', unverified: true, data: { reason: 'the repo was given without git facts' } }],
    },
  ],
});

tester.run('wrapper/submodule-on-main', {
  valid: [{ name: 'no .gitmodules and no git: nothing to check', files: fixtureFiles('wrapper-4.1') }],
  invalid: [
    {
      name: 'submodules but no git facts',
      files: { '.gitmodules': GITMODULES_43 },
      findings: [{ messageId: 'noGit', line: 1, severity: 'note', unverified: true, data: { reason: 'the repo was given without git facts' } }],
    },
  ],
});

describe('a binary .gitmodules', () => {
  it('is unreadable (a parse error), not a crash nor a finding of the rules', async () => {
    const files = editedFiles('wrapper-5x', { '.gitmodules': '\0\0\0' });
    expect(await foundInMemory(files, ['wrapper/gitmodules-branch-main', 'wrapper/gitmodules-name'], { kind: 'wrapper', mode: 'dev' })).toEqual([
      { rule: 'meta/parse-error', severity: 'error', messageId: 'cannotRead', at: '.gitmodules:1', data: { path: '.gitmodules', reason: 'binary file (contains NUL bytes)' } },
    ]);
  });
});
