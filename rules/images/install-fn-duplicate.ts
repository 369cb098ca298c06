import { defineRule } from '../../runner/types.js';
import { functionIndex } from './_functions.js';

export default defineRule({
  description: 'No install_* function is defined twice.',
  details: 'All install scripts are sourced into one shell: the definition sourced last silently replaces the other, so one of them is dead code that still looks maintained.',
  kinds: ['images'],
  severity: 'error',
  messages: {
    duplicate: '{{function}} is already defined in {{firstPath}}; the definition sourced last wins, so keep one and remove the other',
  },
  identity: ['function'],
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
          messageId: 'duplicate',
          data: { function: name, firstPath: first.path, firstLine: first.at.line },
          related: [{ path: first.path, at: first.at, label: 'the first definition' }],
        });
      }
    }
  },
});
