import { defineRule } from '../../runner/types.js';
import { ENTRY, LIST, PREDATES_LIST, SCRIPT, resourcesScript } from './_resources.js';

export default defineRule({
  description: 'Every function called from add_resources calls add-to-list.',
  details: `Each downloaded resource needs its row in ${LIST}; the docs publish that list, so a resource without a row is invisible to users.`,
  kinds: ['resources'],
  severity: 'error',
  messages: {
    predatesList: `${PREDATES_LIST}, so whether each resource adds its row is not checked`,
    noRow: `{{function}} (called from ${ENTRY}) never calls add-to-list, so its resource is missing from ${LIST}; add add-to-list "Name,https://...,description"`,
  },
  identity: ['function'],
  parsers: ['bash'],
  tags: ['resources-list'],
  precision: 'very-high',
  async check(ctx) {
    const script = await resourcesScript(ctx);
    if (!script) return;
    if (!script.writesList) {
      if (script.called.length > 0) ctx.note({ path: SCRIPT, messageId: 'predatesList' });
      return;
    }
    const seen = new Set<string>();
    for (const call of script.called) {
      if (seen.has(call.name)) continue;
      seen.add(call.name);
      const fn = script.functions.get(call.name)!;
      if (script.rowsOf(fn).length > 0) continue;
      ctx.report({
        path: SCRIPT,
        at: fn.nameAt,
        messageId: 'noRow',
        data: { function: fn.name, callLine: call.line },
        related: [{ path: SCRIPT, at: call, label: `the call from ${ENTRY}` }],
      });
    }
  },
});
