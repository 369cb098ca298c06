// Whether the checked dev branch (or detached commit) contains the release branch: the check the
// wrapper's and the docs' dev branches share. Each rule says where it anchors the finding, which
// dev branch a detached commit is told to fast-forward, and its own words when there is none.
import type { RuleContext } from '../../runner/context-api.js';
import type { Span } from '../../runner/types.js';
import { unavailableReason } from './_git.js';

/** The messages both rules give alike (each adds its own `notContainedNoDevBranch`). */
export const DEV_CONTAINS_MESSAGES = {
  notContained: 'branch {{ref}} ({{commit}}) is not contained in {{checked}}: after a release run "git checkout {{devBranch}} && git merge {{release}} --ff-only && git push"',
  noGit: 'whether this branch contains branch {{release}}: {{reason}}',
  noReleaseBranch: 'whether {{checked}} contains branch {{release}}: no local or remote-tracking branch {{release}} exists here (fetch it)',
  shallow: 'whether {{checked}} contains branch {{ref}}: history is missing (shallow clone)',
} as const;

type Id = keyof typeof DEV_CONTAINS_MESSAGES | 'notContainedNoDevBranch';

/**
 * Checked on the dev branches of the repo policy and on a detached commit (another branch need not
 * contain the release); the release branch is the policy's first, local else remote-tracking.
 * `anchor` is asked only when the branch is checked.
 */
export async function checkDevContainsRelease(
  ctx: RuleContext<Id, unknown>,
  anchor: () => Promise<{ path: string; at?: Span }>,
  devBranchOfDetached: () => string | undefined,
): Promise<void> {
  if (ctx.git.branch && !ctx.policy.devBranches.includes(ctx.git.branch)) return;
  const at = await anchor();
  const release = ctx.policy.releaseBranches[0];
  if (!ctx.git.available) return ctx.cannotVerify({ ...at, messageId: 'noGit', data: { release, reason: unavailableReason(ctx.git) } });
  const checked = ctx.git.branch ? `branch ${ctx.git.branch}` : `commit ${ctx.git.commit!.slice(0, 12)}`;
  const tip = ctx.git.branchTips(release)[0];
  if (!tip) return ctx.cannotVerify({ ...at, messageId: 'noReleaseBranch', data: { checked, release } });
  const contains = await ctx.git.isAncestor(tip.oid, ctx.git.commit!);
  if (contains === undefined) return ctx.cannotVerify({ ...at, messageId: 'shallow', data: { checked, ref: tip.ref } });
  if (contains) return;
  const data = { ref: tip.ref, commit: tip.oid.slice(0, 12), checked, release };
  const devBranch = ctx.git.branch ?? devBranchOfDetached();
  if (devBranch) ctx.report({ ...at, messageId: 'notContained', data: { ...data, devBranch } });
  else ctx.report({ ...at, messageId: 'notContainedNoDevBranch', data });
}
