import { defineRule } from '../../runner/types.js';

export default defineRule({
  description: 'Each dev branch of the docs (`dev`, `dev-wrapper`, `dev-images`) contains the release branch.',
  details:
    'The docs are written ahead of the code on three dev branches: `dev` for the site, `dev-wrapper` and `dev-images` for what the next wrapper and images releases change. Each must contain `main`, fast-forwarded onto it after every release (`git merge main --ff-only`, as for the other repos): a fix published on `main` and missing from a dev branch conflicts, or is undone, when that branch is merged. Checked on the dev branches of the repo policy (`dev-branches`) and on a detached commit; another branch need not contain the release. The release branch is the first of the policy (`release-branches`): its local branch, else a remote-tracking branch of that name. The finding is anchored at the repo\'s marker file (the VitePress config).',
  kinds: ['docs'],
  modes: ['dev'],
  severity: 'error',
  messages: {
    notContained: 'branch {{ref}} ({{commit}}) is not contained in {{checked}}: after a release run "git checkout {{devBranch}} && git merge {{release}} --ff-only && git push"',
    notContainedNoDevBranch: 'branch {{ref}} ({{commit}}) is not contained in {{checked}}: after a release fast-forward the dev branch this commit belongs to onto {{release}}',
    noGit: 'whether this branch contains branch {{release}}: {{reason}}',
    noReleaseBranch: 'whether {{checked}} contains branch {{release}}: no local or remote-tracking branch {{release}} exists here (fetch it)',
    shallow: 'whether {{checked}} contains branch {{ref}}: history is missing (shallow clone)',
  },
  identity: ['release', 'ref'],
  tags: ['release', 'git'],
  precision: 'very-high',
  async check(ctx) {
    if (ctx.git.branch && !ctx.policy.devBranches.includes(ctx.git.branch)) return;
    const release = ctx.policy.releaseBranches[0];
    if (!ctx.git.available) {
      ctx.cannotVerify({ path: '.', messageId: 'noGit', data: { release, reason: ctx.git.reason ?? 'git facts are unavailable' } });
      return;
    }
    const checked = ctx.git.branch ? `branch ${ctx.git.branch}` : `commit ${ctx.git.commit!.slice(0, 12)}`;
    const tip = ctx.git.branchTips(release)[0];
    if (!tip) {
      ctx.cannotVerify({ path: '.', messageId: 'noReleaseBranch', data: { checked, release } });
      return;
    }
    const contains = await ctx.git.isAncestor(tip.oid, ctx.git.commit!);
    if (contains === undefined) {
      ctx.cannotVerify({ path: '.', messageId: 'shallow', data: { checked, ref: tip.ref } });
    } else if (!contains) {
      const data = { ref: tip.ref, commit: tip.oid.slice(0, 12), checked, release };
      // A detached commit is told to merge into its dev branch; with one dev branch, that one is named.
      const devBranch = ctx.git.branch ?? (ctx.policy.devBranches.length === 1 ? ctx.policy.devBranches[0] : undefined);
      if (devBranch) ctx.report({ path: '.', messageId: 'notContained', data: { ...data, devBranch } });
      else ctx.report({ path: '.', messageId: 'notContainedNoDevBranch', data });
    }
  },
});
