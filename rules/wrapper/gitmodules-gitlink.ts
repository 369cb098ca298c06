import { defineRule } from '../../runner/types.js';
import { gitmodules } from './_gitmodules.js';

export default defineRule({
  id: 'wrapper/gitmodules-gitlink',
  description: 'Every .gitmodules path has a gitlink in the commit, and every gitlink is declared in .gitmodules.',
  kinds: ['wrapper'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/wrapper/gitmodules-gitlink.md',
  tags: ['submodules'],
  precision: 'very-high',
  async check(ctx) {
    const declaredIn = await gitmodules(ctx);
    const subs = declaredIn ?? [];
    if (!ctx.git.available) {
      if (subs.length) ctx.cannotVerify({ path: '.gitmodules', message: `whether the submodules have gitlinks: ${ctx.git.reason}` });
      return;
    }
    const { links, error } = await ctx.git.listGitlinks();
    if (error) {
      if (subs.length) ctx.cannotVerify({ path: '.gitmodules', message: `whether the submodules have gitlinks: ${error}` });
      return;
    }
    const linked = new Set(links.map((l) => l.path));
    for (const sub of subs) {
      if (!sub.path) {
        ctx.report({ path: '.gitmodules', at: { line: sub.line, column: 1 }, message: `submodule "${sub.name}" has no path; add "path = ..."` });
      } else if (!linked.has(sub.path.value)) {
        ctx.report({
          path: '.gitmodules',
          at: { line: sub.path.line, column: 1 },
          message: `submodule path ${sub.path.value} has no gitlink in this commit; run "git submodule add" again or remove the entry`,
        });
      }
    }
    const declared = new Set(subs.map((s) => s.path?.value));
    for (const link of links) {
      if (declared.has(link.path)) continue;
      // Without a .gitmodules file, the finding sits at the gitlink itself, which the commit has.
      ctx.report({
        path: declaredIn ? '.gitmodules' : link.path,
        message: declaredIn
          ? `gitlink ${link.path} (commit ${link.commit.slice(0, 12)}) is not declared in .gitmodules; add a [submodule] entry with path = ${link.path} or "git rm --cached ${link.path}"`
          : `gitlink ${link.path} (commit ${link.commit.slice(0, 12)}) is not declared: this commit has no .gitmodules; create it with a [submodule] entry with path = ${link.path}, or "git rm --cached ${link.path}"`,
        key: `undeclared:${link.path}`,
      });
    }
  },
});
