import { defineRule } from '../../runner/types.js';
import { functionIndex } from './_functions.js';

export default defineRule({
  id: 'images/install-fn-duplicate',
  description: 'No install_* function is defined twice.',
  details: 'All install scripts are sourced into one shell: the definition sourced last silently replaces the other, so one of them is dead code that still looks maintained.',
  kinds: ['images'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/images/install-fn-duplicate.md',
  parsers: ['bash'],
  tags: ['install-function'],
  precision: 'very-high',
  async check(ctx) {
    const index = await functionIndex(ctx);
    for (const [name, defs] of index.definitions) {
      if (!name.startsWith('install_') || defs.length < 2) continue;
      const [first, ...others] = defs;
      for (const d of others) {
        ctx.report({
          path: d.path,
          at: d.at,
          message: `${name} is already defined at ${first.path}:${first.at.line}; the definition sourced last wins, so keep one and remove the other`,
        });
      }
    }
  },
});
