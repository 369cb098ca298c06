import { defineRule } from '../../runner/types.js';
import { unavailableReason } from './_git.js';
import { gitmodules } from './_gitmodules.js';

export default defineRule({
  description: 'Every .gitmodules path has a gitlink in the commit, and every gitlink is declared in .gitmodules.',
  kinds: ['wrapper'],
  severity: 'error',
  messages: {
    noPath: 'submodule "{{name}}" has no path; add "path = ..."',
    noGitlink: 'submodule path {{path}} has no gitlink in this commit; run "git submodule add" again or remove the entry',
    undeclared: 'gitlink {{path}} (commit {{commit}}) is not declared in .gitmodules; add a [submodule] entry with path = {{path}} or "git rm --cached {{path}}"',
    undeclaredNoGitmodules:
      'gitlink {{path}} (commit {{commit}}) is not declared: this commit has no .gitmodules; create it with a [submodule] entry with path = {{path}}, or "git rm --cached {{path}}"',
    noGit: 'whether the submodules have gitlinks: {{reason}}',
    gitlinksUnreadable: 'whether the submodules have gitlinks: {{reason}}',
  },
  // The submodule or gitlink path, not the commit a gitlink points at (it moves on).
  identity: ['name', 'path'],
  tags: ['submodules'],
  precision: 'very-high',
  async check(ctx) {
    const declaredIn = await gitmodules(ctx);
    const subs = declaredIn ?? [];
    if (!ctx.git.available) {
      if (subs.length) ctx.cannotVerify({ path: '.gitmodules', messageId: 'noGit', data: { reason: unavailableReason(ctx.git) } });
      return;
    }
    const { links, error } = await ctx.git.listGitlinks();
    if (error) {
      if (subs.length) ctx.cannotVerify({ path: '.gitmodules', messageId: 'gitlinksUnreadable', data: { reason: error } });
      return;
    }
    const linked = new Set(links.map((l) => l.path));
    for (const sub of subs) {
      if (!sub.path) {
        ctx.report({ path: '.gitmodules', at: { line: sub.line, column: 1 }, messageId: 'noPath', data: { name: sub.name } });
      } else if (!linked.has(sub.path.value)) {
        ctx.report({ path: '.gitmodules', at: { line: sub.path.line, column: 1 }, messageId: 'noGitlink', data: { path: sub.path.value } });
      }
    }
    const declared = new Set(subs.map((s) => s.path?.value));
    for (const link of links) {
      if (declared.has(link.path)) continue;
      const data = { path: link.path, commit: link.commit.slice(0, 12) };
      // Without a .gitmodules file, the finding sits at the gitlink itself, which the commit has.
      if (declaredIn) ctx.report({ path: '.gitmodules', messageId: 'undeclared', data });
      else ctx.report({ path: link.path, messageId: 'undeclaredNoGitmodules', data });
    }
  },
});
