import type { GitFacts } from '../../runner/git-facts.js';
import { shellPath } from '../../runner/shell-quote.js';
import { defineRule } from '../../runner/types.js';
import { gitmodules } from './_gitmodules.js';

/** Whether `commit` is on the sub-repo's main, in its local clone; `reason` when that cannot be told. */
async function reachableFromMain(sub: GitFacts, commit: string): Promise<{ onMain?: boolean; behind?: number; ref?: string; reason?: string }> {
  if (!sub.available) return { reason: sub.reason };
  if (!(await sub.hasCommit(commit))) return { reason: 'its local clone does not have that commit (run "git submodule update --init")' };
  for (const ref of ['refs/remotes/origin/main', 'refs/heads/main']) {
    const tip = await sub.resolve(ref);
    if (!tip) continue;
    const onMain = await sub.isAncestor(commit, tip);
    if (onMain === undefined) return { reason: `the history of ${ref} in the local clone is incomplete (shallow clone)` };
    if (!onMain) return { onMain, ref };
    return { onMain: true, behind: (await sub.countCommits(commit, tip)) ?? 0, ref };
  }
  return { reason: 'its local clone has neither origin/main nor main (fetch it)' };
}

export default defineRule({
  id: 'wrapper/submodule-on-main',
  description: "On a release, each submodule's commit is on the sub-repo's main branch.",
  details:
    'Checked in a local clone of the sub-repo (.git/modules/<name>); a commit that is on main but not its tip gets a note; without a local clone that has the commit, "cannot verify". A submodule whose name is unsafe (wrapper/gitmodules-name) is never looked up.',
  kinds: ['wrapper'],
  modes: ['release'],
  severity: 'error',
  docs: 'docs/rules/wrapper/submodule-on-main.md',
  tags: ['release', 'submodules'],
  precision: 'high',
  async check(ctx) {
    const subs = (await gitmodules(ctx)) ?? [];
    if (!ctx.git.available) {
      if (subs.length) ctx.cannotVerify({ path: '.gitmodules', message: `whether the submodules are on main: ${ctx.git.reason}` });
      return;
    }
    const { links, error } = await ctx.git.listGitlinks();
    if (error) {
      if (subs.length) ctx.cannotVerify({ path: '.gitmodules', message: `whether the submodules are on main: their gitlinks cannot be read: ${error}` });
      return;
    }
    for (const sub of subs) {
      const link = sub.path && links.find((l) => l.path === sub.path!.value);
      if (!link) continue;
      const at = { line: sub.path!.line, column: 1 };
      const short = link.commit.slice(0, 12);
      const result = await reachableFromMain(await ctx.git.submodule(sub.name), link.commit);
      if (result.reason !== undefined) {
        ctx.cannotVerify({ path: '.gitmodules', at, message: `whether ${sub.path!.value} (${short}) is on main: ${result.reason}` });
      } else if (!result.onMain) {
        ctx.report({
          path: '.gitmodules',
          at,
          message: `${sub.path!.value} points at ${short}, which is not on ${result.ref}; point it at main: "cd ${shellPath(sub.path!.value)} && git checkout main && git pull" then commit the submodule`,
        });
      } else if (result.behind) {
        ctx.note({ path: '.gitmodules', at, message: `${sub.path!.value} is on main but ${result.behind} commit(s) behind ${result.ref}; update it if this release should ship them` });
      }
    }
  },
});
