import { defineRule } from '../../runner/types.js';
import { unavailableReason } from './_git.js';
import { wrapperVersion } from './_version.js';

export default defineRule({
  description: 'A dev branch contains the release branch: it was fast-forwarded after the last release.',
  details:
    'Checked on the dev branches of the repo policy (`dev-branches`), and on a detached commit; another branch need not contain the release. The release branch is the first of the repo policy (`release-branches`); its local branch is used, else a remote-tracking branch of that name. The finding is anchored at the version line, the fact a release changes.',
  kinds: ['wrapper'],
  modes: ['dev'],
  severity: 'error',
  messages: {
    notContained: 'branch {{ref}} ({{commit}}) is not contained in {{checked}}: after a release run "git checkout {{devBranch}} && git merge {{release}} --ff-only && git push"',
    notContainedNoDevBranch: 'branch {{ref}} ({{commit}}) is not contained in {{checked}}: after a release fast-forward this branch onto {{release}}',
    noGit: 'whether this branch contains branch {{release}}: {{reason}}',
    noReleaseBranch: 'whether {{checked}} contains branch {{release}}: no local or remote-tracking branch {{release}} exists here (fetch it)',
    shallow: 'whether {{checked}} contains branch {{ref}}: history is missing (shallow clone)',
  },
  // The release branch (as found: `master`, `origin/master`), not the commits, which move on.
  identity: ['release', 'ref'],
  tags: ['release', 'git'],
  precision: 'very-high',
  async check(ctx) {
    // A feature branch need not contain the release; the policy's dev branches must.
    if (ctx.git.branch && !ctx.policy.devBranches.includes(ctx.git.branch)) return;
    const release = ctx.policy.releaseBranches[0];
    const { found } = await wrapperVersion(ctx);
    // Anchored at the version line when there is one; else the run loop anchors at the repo's marker file.
    const at = found ? { path: found.path, at: found.span } : { path: '.' };
    if (!ctx.git.available) {
      ctx.cannotVerify({ ...at, messageId: 'noGit', data: { release, reason: unavailableReason(ctx.git) } });
      return;
    }
    const checked = ctx.git.branch ? `branch ${ctx.git.branch}` : `commit ${ctx.git.commit!.slice(0, 12)}`;
    const tip = ctx.git.branchTips(release)[0];
    if (!tip) {
      ctx.cannotVerify({ ...at, messageId: 'noReleaseBranch', data: { checked, release } });
      return;
    }
    const contains = await ctx.git.isAncestor(tip.oid, ctx.git.commit!);
    if (contains === undefined) {
      ctx.cannotVerify({ ...at, messageId: 'shallow', data: { checked, ref: tip.ref } });
    } else if (!contains) {
      const data = { ref: tip.ref, commit: tip.oid.slice(0, 12), checked, release };
      const devBranch = ctx.git.branch ?? ctx.policy.devBranches[0];
      if (devBranch) ctx.report({ ...at, messageId: 'notContained', data: { ...data, devBranch } });
      else ctx.report({ ...at, messageId: 'notContainedNoDevBranch', data });
    }
  },
});
