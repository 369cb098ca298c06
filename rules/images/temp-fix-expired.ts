import { defineRule } from '../../runner/types.js';
import { tempFixes } from './_temp-fix.js';

export default defineRule({
  description: 'No temporary fix is past its `temp_fix_limit` date (a limit equal to today still passes).',
  details: 'After the limit, check_temp_fix_expiry stops every non-local build with "Temp fix expired". The date compared with is --today (default: the current date), so results are reproducible.',
  kinds: ['images'],
  severity: 'error',
  messages: {
    expired:
      'temporary fix expired on {{limit}} (today is {{today}}): builds now stop with "Temp fix expired"; remove the fix if upstream is repaired, or move temp_fix_limit to a later date',
  },
  identity: ['limit'],
  parsers: ['bash'],
  tags: ['temp-fix'],
  precision: 'very-high',
  async check(ctx) {
    for (const t of await tempFixes(ctx)) {
      if (t.date === undefined || t.date >= ctx.today) continue;
      ctx.report({ path: t.path, at: t.assignment.valueAt, messageId: 'expired', data: { limit: t.date, today: ctx.today } });
    }
  },
});
