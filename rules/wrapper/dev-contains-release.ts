import { defineRule } from '../../runner/types.js';
import { wrapperVersion } from './_version.js';

export default defineRule({
  id: 'wrapper/dev-contains-release',
  description: 'A dev branch contains the release branch: it was fast-forwarded after the last release.',
  details:
    'Checked on the dev branches of the repo policy (`dev-branches`), and on a detached commit; another branch need not contain the release. The release branch is the first of the repo policy (`release-branches`); its local branch is used, else a remote-tracking branch of that name. The finding is anchored at the version line, the fact a release changes.',
  kinds: ['wrapper'],
  modes: ['dev'],
  severity: 'error',
  docs: 'docs/rules/wrapper/dev-contains-release.md',
  tags: ['release', 'git'],
  precision: 'very-high',
  async check(ctx) {
    // A feature branch need not contain the release; the policy's dev branches must.
    if (ctx.git.branch && !ctx.policy.devBranches.includes(ctx.git.branch)) return;
    const branch = ctx.policy.releaseBranches[0];
    const { found } = await wrapperVersion(ctx);
    // Anchored at the version line when there is one; else the run loop anchors at the repo's marker file.
    const at = found ? { path: found.path, at: found.span } : { path: '.' };
    const here = ctx.git.branch ? `branch ${ctx.git.branch}` : `commit ${ctx.git.commit?.slice(0, 12) ?? ''}`.trim();
    if (!ctx.git.available) {
      ctx.cannotVerify({ ...at, message: `whether this branch contains branch ${branch}: ${ctx.git.reason}`, key: 'no-git' });
      return;
    }
    const tip = ctx.git.branchTips(branch)[0];
    if (!tip) {
      ctx.cannotVerify({ ...at, message: `whether ${here} contains branch ${branch}: no local or remote-tracking branch ${branch} exists here (fetch it)`, key: 'no-branch' });
      return;
    }
    const contains = await ctx.git.isAncestor(tip.oid, ctx.git.commit!);
    if (contains === undefined) {
      ctx.cannotVerify({ ...at, message: `whether ${here} contains branch ${tip.ref}: history is missing (shallow clone)`, key: 'shallow' });
    } else if (!contains) {
      const devBranch = ctx.git.branch ?? ctx.policy.devBranches[0];
      const fix = devBranch ? `run "git checkout ${devBranch} && git merge ${branch} --ff-only && git push"` : `fast-forward this branch onto ${branch}`;
      ctx.report({
        ...at,
        message: `branch ${tip.ref} (${tip.oid.slice(0, 12)}) is not contained in ${here}: after a release ${fix}`,
        key: `missing:${tip.ref}`,
      });
    }
  },
});
