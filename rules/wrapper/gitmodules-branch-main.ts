import { defineRule } from '../../runner/types.js';
import { gitmodules } from './_gitmodules.js';

export default defineRule({
  id: 'wrapper/gitmodules-branch-main',
  description: 'Every submodule in .gitmodules tracks `branch = main`.',
  kinds: ['wrapper'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/wrapper/gitmodules-branch-main.md',
  tags: ['release', 'submodules'],
  precision: 'very-high',
  async check(ctx) {
    for (const sub of (await gitmodules(ctx)) ?? []) {
      const label = sub.path?.value ?? sub.name;
      if (!sub.branch) {
        ctx.report({ path: '.gitmodules', at: { line: sub.line, column: 1 }, message: `submodule ${label} has no "branch = main"; add it so "git submodule update --remote" follows main` });
      } else if (sub.branch.value !== 'main') {
        ctx.report({
          path: '.gitmodules',
          at: { line: sub.branch.line, column: 1 },
          message: `submodule ${label} tracks branch ${sub.branch.value}; releases point the submodules at main: set "branch = main"`,
        });
      }
    }
  },
});
