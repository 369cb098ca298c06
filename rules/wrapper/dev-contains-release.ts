import { defineRule } from '../../runner/types.js';
import { checkDevContainsRelease, DEV_CONTAINS_MESSAGES } from './_dev-contains.js';
import { wrapperVersion } from './_version.js';

export default defineRule({
  description: 'A dev branch contains the release branch: it was fast-forwarded after the last release.',
  details:
    'Checked on the dev branches of the repo policy (`dev-branches`), and on a detached commit; another branch need not contain the release. The release branch is the first of the repo policy (`release-branches`); its local branch is used, else a remote-tracking branch of that name. The finding is anchored at the version line, the fact a release changes.',
  kinds: ['wrapper'],
  modes: ['dev'],
  severity: 'error',
  messages: {
    ...DEV_CONTAINS_MESSAGES,
    notContainedNoDevBranch: 'branch {{ref}} ({{commit}}) is not contained in {{checked}}: after a release fast-forward this branch onto {{release}}',
  },
  // The release branch (as found: `master`, `origin/master`), not the commits, which move on.
  identity: ['release', 'ref'],
  tags: ['release', 'git'],
  precision: 'very-high',
  async check(ctx) {
    // Anchored at the version line when there is one; else the run loop anchors at the repo's marker file.
    const versionLine = async () => {
      const { found } = await wrapperVersion(ctx);
      return found ? { path: found.path, at: found.span } : { path: '.' };
    };
    await checkDevContainsRelease(ctx, versionLine, () => ctx.policy.devBranches[0]);
  },
});
