import { defineRule } from '../../runner/types.js';
import { gitmodules } from './_gitmodules.js';

export default defineRule({
  description: 'Every submodule in .gitmodules tracks `branch = main`.',
  kinds: ['wrapper'],
  severity: 'error',
  messages: {
    noBranch: 'submodule {{submodule}} has no "branch = main"; add it so "git submodule update --remote" follows main',
    notMain: 'submodule {{submodule}} tracks branch {{branch}}; releases point the submodules at main: set "branch = main"',
  },
  identity: ['submodule', 'branch'],
  tags: ['release', 'submodules'],
  precision: 'very-high',
  async check(ctx) {
    for (const sub of (await gitmodules(ctx)) ?? []) {
      // Named by its path: names and paths differed historically (name `sources`, path `exegol-docker-build`).
      const submodule = sub.path?.value ?? sub.name;
      if (!sub.branch) {
        ctx.report({ path: '.gitmodules', at: { line: sub.line, column: 1 }, messageId: 'noBranch', data: { submodule } });
      } else if (sub.branch.value !== 'main') {
        ctx.report({ path: '.gitmodules', at: { line: sub.branch.line, column: 1 }, messageId: 'notMain', data: { submodule, branch: sub.branch.value } });
      }
    }
  },
});
