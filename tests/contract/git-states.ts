// The repositories the git facts contract runs on, as data: each is built with real git
// (tests/helpers/git-state.ts) and given to the memory git facts (runner/memory-git.ts).
import type { GitState } from '../../runner/memory-git.js';

/** Branches, remote branches, every kind of tag, a merge, a symlink, CRLF text and a submodule clone. */
export const HISTORY: GitState = {
  commits: [
    { id: 'c1', files: { 'README.md': 'one\n', 'src/a.txt': 'a1\n' } },
    {
      id: 'c2',
      parents: ['c1'],
      files: { 'README.md': 'one\n', 'src/a.txt': 'a2\r\n', 'src/deep/b.txt': 'b\n', link: { symlink: 'src/a.txt' } },
      gitlinks: { 'modules/sub': 's2' },
    },
    { id: 'c3', parents: ['c2'], files: { 'README.md': 'three\n' }, gitlinks: { 'modules/sub': 's3', other: 'nowhere' } },
    { id: 'd1', parents: ['c1'], files: { 'README.md': 'dev\n' } },
    { id: 'm1', parents: ['d1', 'c3'], files: { 'README.md': 'merged\n' } },
  ],
  branches: { master: 'c3', dev: 'm1', ambiguous: 'c1' },
  remoteBranches: { 'origin/master': 'c2', 'origin/dev': 'd1' },
  tags: [
    { name: '1.0.0', target: 'c1' },
    { name: '2.0.0', target: 'c2', annotated: true },
    { name: '2.0.0-final', target: '2.0.0', annotated: true },
    { name: '2.0.0-alias', target: '2.0.0' },
    { name: '3.0.0', target: 'c3', annotated: true, signed: true },
    { name: 'ambiguous', target: 'c3' },
    { name: 'dev-only', target: 'd1' },
  ],
  head: { branch: 'master' },
  submodules: {
    sub: {
      commits: [{ id: 's1', files: { 'x.txt': '1\n' } }, { id: 's2', parents: ['s1'], files: { 'x.txt': '2\n' } }, { id: 's3', parents: ['s2'], files: { 'x.txt': '3\n' } }],
      branches: { main: 's3' },
      head: { commit: 's2' },
    },
  },
};

export const DETACHED: GitState = {
  commits: [{ id: 'x1', files: { 'a.txt': 'x\n' } }, { id: 'x2', parents: ['x1'] }],
  branches: { main: 'x2' },
  head: { commit: 'x1' },
};

/** Cut at k2: k1 is not in the clone; o1 is an unrelated root, so "not an ancestor" cannot be told. */
export const SHALLOW: GitState = {
  commits: [
    { id: 'k1', files: { f: '1\n' } },
    { id: 'k2', parents: ['k1'], files: { f: '2\n' } },
    { id: 'k3', parents: ['k2'], files: { f: '3\n' } },
    { id: 'o1', files: { g: 'o\n' } },
  ],
  branches: { main: 'k3', other: 'o1' },
  tags: [{ name: 'v2', target: 'k2' }],
  head: { branch: 'main' },
  shallow: ['k2'],
};

export const UNBORN: GitState = { commits: [], head: { branch: 'main' } };
