// The cross-repo fixtures as repos given as data: the wrapper at 5.1.0 (its work tree) with the 5.0.0
// release in its history, the docs tree and the resources list.
import { memoryGit, type GitState } from '../../runner/memory-git.js';
import type { OtherRepo } from '../../runner/testing.js';
import { fixtureFiles } from '../helpers/fixture-files.js';

export const WRAPPER_50 = fixtureFiles('cross/wrapper-5.0');
export const WRAPPER_51 = fixtureFiles('cross/wrapper-5.1');
export const DOCS = fixtureFiles('cross/docs');
export const RESOURCES = fixtureFiles('cross/resources');

/** The wrapper's history: the 5.0.0 release, then the checked commit with `files`. */
export function wrapperHistory(files: Readonly<Record<string, string>> = WRAPPER_51, previous: Readonly<Record<string, string>> = WRAPPER_50): GitState {
  return {
    commits: [
      { id: 'release-5.0.0', files: { ...previous } },
      { id: 'checked', parents: ['release-5.0.0'], files: { ...files } },
    ],
    tags: [{ name: '5.0.0', target: 'release-5.0.0', annotated: true }],
    branches: { dev: 'checked' },
    head: { branch: 'dev' },
  };
}

/** The wrapper as another repo of a docs rule's case. */
export function wrapperRepo(files: Readonly<Record<string, string>> = WRAPPER_51, previous?: Readonly<Record<string, string>>): OtherRepo {
  return { name: 'Exegol', kind: 'wrapper', files, git: memoryGit(wrapperHistory(files, previous)) };
}

export function resourcesRepo(files: Readonly<Record<string, string>> = RESOURCES): OtherRepo {
  return { name: 'Exegol-resources', kind: 'resources', files };
}
