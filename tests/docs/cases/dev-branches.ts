// docs/dev-contains-main on git facts given as data (runner/memory-git.ts, held to real git's answers
// by the git-facts contract suite): each dev branch of the docs policy contains main.
import { unavailableGit } from '../../../runner/git-facts.js';
import { memoryGit, oidOf, type GitState } from '../../../runner/memory-git.js';
import { RuleTester } from '../../../runner/testing.js';
import { CONFIG, docs } from './fixture.js';

const tester = new RuleTester();
const files = docs();

/** `base`, then `release` on main after it and `work` on the dev branch after it: main is ahead of the dev branch until it is merged. */
function history(head: GitState['head'], extra: Partial<GitState> = {}): GitState {
  return {
    commits: [
      { id: 'base', files },
      { id: 'release', parents: ['base'], files },
      { id: 'work', parents: ['base'], files },
      { id: 'merged', parents: ['release'], files },
    ],
    branches: { main: 'release', dev: 'merged', 'dev-wrapper': 'work', 'dev-images': 'merged', 'feat/search': 'work' },
    head,
    ...extra,
  };
}

const RELEASE = oidOf('release').slice(0, 12);

tester.run('docs/dev-contains-main', {
  valid: [
    { name: 'dev, fast-forwarded onto main after the release', files, git: memoryGit(history({ branch: 'dev' })) },
    { name: 'dev-images, likewise', files, git: memoryGit(history({ branch: 'dev-images' })) },
    { name: 'a feature branch cut before the release is not judged', files, git: memoryGit(history({ branch: 'feat/search' })) },
  ],
  invalid: [
    {
      name: 'dev-wrapper lacks the release',
      files,
      git: memoryGit(history({ branch: 'dev-wrapper' })),
      findings: [{ messageId: 'notContained', path: CONFIG, line: 1, column: 1, data: { ref: 'main', commit: RELEASE, checked: 'branch dev-wrapper', release: 'main', devBranch: 'dev-wrapper' } }],
    },
    {
      name: 'a detached commit lacking it: the docs have three dev branches, so none is named',
      files,
      git: memoryGit(history({ commit: 'work' })),
      findings: [{ messageId: 'notContainedNoDevBranch', path: CONFIG, line: 1, data: { ref: 'main', commit: RELEASE, checked: `commit ${oidOf('work').slice(0, 12)}`, release: 'main' } }],
    },
    {
      name: 'main known only as a remote-tracking branch',
      files,
      git: memoryGit(history({ branch: 'dev-wrapper' }, { branches: { 'dev-wrapper': 'work' }, remoteBranches: { 'origin/main': 'release' } })),
      findings: [{ messageId: 'notContained', path: CONFIG, line: 1, data: { ref: 'origin/main', commit: RELEASE, checked: 'branch dev-wrapper', release: 'main', devBranch: 'dev-wrapper' } }],
    },
    {
      name: 'no main here (a single-branch clone): cannot verify',
      files,
      git: memoryGit(history({ branch: 'dev' }, { branches: { dev: 'merged' } })),
      findings: [{ messageId: 'noReleaseBranch', path: CONFIG, line: 1, unverified: true, severity: 'note', data: { checked: 'branch dev', release: 'main' } }],
    },
    {
      name: 'a shallow clone cut above the release: cannot verify',
      files,
      git: memoryGit(history({ branch: 'dev-wrapper' }, { shallow: ['work'] })),
      findings: [{ messageId: 'shallow', path: CONFIG, line: 1, unverified: true, data: { checked: 'branch dev-wrapper', ref: 'main' } }],
    },
    {
      name: 'not a git repository: cannot verify',
      files,
      git: unavailableGit('not a git repository'),
      findings: [{ messageId: 'noGit', path: CONFIG, line: 1, unverified: true, data: { release: 'main', reason: 'not a git repository' } }],
    },
  ],
});
