import { defineRule } from '../../runner/types.js';
import { checkDevContainsRelease, DEV_CONTAINS_MESSAGES } from '../wrapper/_dev-contains.js';

export default defineRule({
  description: 'Each dev branch of the docs (`dev`, `dev-wrapper`, `dev-images`) contains the release branch.',
  details:
    'The docs are written ahead of the code on three dev branches: `dev` for the site, `dev-wrapper` and `dev-images` for what the next wrapper and images releases change. Each must contain `main`, fast-forwarded onto it after every release (`git merge main --ff-only`, as for the other repos): a fix published on `main` and missing from a dev branch conflicts, or is undone, when that branch is merged. Checked on the dev branches of the repo policy (`dev-branches`) and on a detached commit; another branch need not contain the release. The release branch is the first of the policy (`release-branches`): its local branch, else a remote-tracking branch of that name. The finding is anchored at the repo\'s marker file (the VitePress config).',
  kinds: ['docs'],
  modes: ['dev'],
  severity: 'error',
  messages: {
    ...DEV_CONTAINS_MESSAGES,
    notContainedNoDevBranch: 'branch {{ref}} ({{commit}}) is not contained in {{checked}}: after a release fast-forward the dev branch this commit belongs to onto {{release}}',
  },
  identity: ['release', 'ref'],
  tags: ['release', 'git'],
  precision: 'very-high',
  async check(ctx) {
    // A detached commit is told to merge into its dev branch; with one dev branch, that one is named.
    const { devBranches } = ctx.policy;
    await checkDevContainsRelease(ctx, async () => ({ path: '.' }), () => (devBranches.length === 1 ? devBranches[0] : undefined));
  },
});
