import path from 'node:path';
import { isAncestor, resolveCommit, runGit } from '../../runner/git.js';
import { defineRule } from '../../runner/types.js';
import { gitmodules } from './_gitmodules.js';

/** Local clone of a sub-repo: the submodule's git dir under .git/modules/<name>. */
async function reachableFromMain(gitDir: string, commit: string): Promise<{ onMain?: boolean; behind?: number; ref?: string }> {
  const loc = { gitDir };
  const has = await runGit(loc, ['cat-file', '-e', `${commit}^{commit}`]);
  if (has.code !== 0) return {};
  for (const ref of ['refs/remotes/origin/main', 'refs/heads/main']) {
    if (!(await resolveCommit(loc, ref))) continue;
    const onMain = await isAncestor(loc, commit, ref);
    if (onMain === undefined) return {};
    if (!onMain) return { onMain, ref };
    const count = await runGit(loc, ['rev-list', '--count', `${commit}..${ref}`]);
    return { onMain: true, behind: Number(count.stdout.trim()) || 0, ref };
  }
  return {};
}

export default defineRule({
  id: 'wrapper/submodule-on-main',
  description: "On a release, each submodule's commit is on the sub-repo's main branch.",
  details:
    'Checked in a local clone of the sub-repo (.git/modules/<name>); a commit that is on main but not its tip gets a note; without a local clone that has the commit, "cannot verify".',
  kinds: ['wrapper'],
  modes: ['release'],
  severity: 'error',
  docs: 'docs/rules/wrapper/submodule-on-main.md',
  tags: ['release', 'submodules'],
  precision: 'high',
  async check(ctx) {
    const subs = (await gitmodules(ctx)) ?? [];
    if (!ctx.git.available || !ctx.git.gitDir) {
      if (subs.length) ctx.cannotVerify({ path: '.gitmodules', message: `whether the submodules are on main: ${ctx.git.reason}` });
      return;
    }
    const links = await ctx.git.gitlinks();
    for (const sub of subs) {
      const link = sub.path && links.find((l) => l.path === sub.path!.value);
      if (!link) continue;
      const at = { line: sub.path!.line, column: 1 };
      const short = link.commit.slice(0, 12);
      const result = await reachableFromMain(path.join(ctx.git.gitDir, 'modules', sub.name), link.commit);
      if (result.onMain === undefined) {
        ctx.cannotVerify({ path: '.gitmodules', at, message: `whether ${sub.path!.value} (${short}) is on main: no local clone has that commit (run "git submodule update --init")` });
      } else if (!result.onMain) {
        ctx.report({
          path: '.gitmodules',
          at,
          message: `${sub.path!.value} points at ${short}, which is not on ${result.ref}; point it at main: "cd ${sub.path!.value} && git checkout main && git pull" then commit the submodule`,
        });
      } else if (result.behind) {
        ctx.note({ path: '.gitmodules', at, message: `${sub.path!.value} is on main but ${result.behind} commit(s) behind ${result.ref}; update it if this release should ship them` });
      }
    }
  },
});
