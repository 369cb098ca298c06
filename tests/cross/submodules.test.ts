// wrapper/submodule-on-main checked against the images and resources repos of the workspace: the
// repo named like the submodule's URL first, any repo of those kinds that has the commit next, the
// local clone (.git/modules) last; "cannot verify" only when no copy has the commit.
import { memoryGit, oidOf, type GitState } from '../../runner/memory-git.js';
import { RuleTester, type OtherRepo } from '../../runner/testing.js';
import { WRAPPER_51 } from './workspace.js';

const tester = new RuleTester();

/** The wrapper at a release, its gitlinks pointing at commits labelled in the sub-repos' states. */
function wrapperGit(images: string, resources: string): GitState {
  return { commits: [{ id: 'release', files: { ...WRAPPER_51 }, gitlinks: { 'exegol-images': images, 'exegol-resources': resources } }], branches: { master: 'release' }, head: { branch: 'master' } };
}

/** A sub-repo whose main (local and origin/main) is at the last of `main`; `others` are commits off main. */
function subRepo(name: string, kind: 'images' | 'resources', main: string[], others: string[] = []): OtherRepo {
  const commits: GitState['commits'] = main.map((id, i) => ({ id, parents: i ? [main[i - 1]] : [], files: { [`${id}.txt`]: id } }));
  for (const id of others) commits.push({ id, parents: [main[0]], files: { [`${id}.txt`]: id } });
  const tip = main[main.length - 1];
  const branches = Object.fromEntries([['main', tip], ...others.map((id) => [`feature-${id}`, id])]);
  return { name, kind, files: {}, git: memoryGit({ commits, branches, remoteBranches: { 'origin/main': tip }, head: { branch: 'main' } }) };
}

const images = subRepo('Exegol-images', 'images', ['img-1', 'img-2', 'img-3']);
const resources = subRepo('Exegol-resources', 'resources', ['res-1'], ['res-feature']);
const base = { files: WRAPPER_51, mode: 'release' as const, repoName: 'Exegol' };
const rev = (repo: string) => `${repo} work tree`;
const short = (label: string) => oidOf(label).slice(0, 12);

tester.run('wrapper/submodule-on-main', {
  valid: [{ name: 'both submodules at the tip of main in the workspace repos', ...base, git: memoryGit(wrapperGit('img-3', 'res-1')), repos: [images, resources] }],
  invalid: [
    {
      name: 'behind main in the images repo, off main in the resources repo',
      ...base,
      git: memoryGit(wrapperGit('img-2', 'res-feature')),
      repos: [images, resources],
      findings: [
        { messageId: 'behindMainInRepo', path: '.gitmodules', line: 2, severity: 'note', data: { path: 'exegol-images', commit: short('img-2'), behind: 1, ref: 'refs/remotes/origin/main', wrapper: rev('Exegol'), repo: rev('Exegol-images') } },
        { messageId: 'offMainInRepo', path: '.gitmodules', line: 6, severity: 'error', data: { path: 'exegol-resources', commit: short('res-feature'), ref: 'refs/remotes/origin/main', quotedPath: 'exegol-resources', wrapper: rev('Exegol'), repo: rev('Exegol-resources') } },
      ],
    },
    {
      name: 'a repo of the kind under another name that has the commit decides too',
      ...base,
      git: memoryGit(wrapperGit('img-2', 'res-1')),
      repos: [{ ...images, name: 'imgs' }],
      findings: [
        { messageId: 'behindMainInRepo', line: 2, data: { path: 'exegol-images', commit: short('img-2'), behind: 1, ref: 'refs/remotes/origin/main', wrapper: rev('Exegol'), repo: rev('imgs') } },
        { messageId: 'noClone', line: 6, unverified: true },
      ],
    },
    {
      name: 'the matching repo lacks the commit and there is no local clone: cannot verify, naming it',
      ...base,
      git: memoryGit(wrapperGit('img-4', 'res-1')),
      repos: [images, resources],
      findings: [{ messageId: 'notInRepo', line: 2, unverified: true, data: { path: 'exegol-images', commit: short('img-4'), wrapper: rev('Exegol'), repo: rev('Exegol-images') } }],
    },
  ],
});
