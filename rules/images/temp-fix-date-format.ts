import { defineRule } from '../../runner/types.js';
import { TEMP_FIX_VAR, tempFixes } from './_temp-fix.js';

export default defineRule({
  description: '`temp_fix_limit` is a literal, real date written YYYY-MM-DD.',
  details: 'check_temp_fix_expiry hands the limit to `date -d`: a malformed or impossible date (2026-02-30) makes the comparison fail, so the fix never expires or breaks the build at once.',
  kinds: ['images'],
  severity: 'error',
  messages: {
    computedDate: `${TEMP_FIX_VAR} is computed at build time; write the limit as a literal date, e.g. ${TEMP_FIX_VAR}="2026-12-31"`,
    notRealDate: `${TEMP_FIX_VAR} "{{value}}" is not a real date; use an existing day, YYYY-MM-DD`,
    notIsoDate: `${TEMP_FIX_VAR} "{{value}}" is not a YYYY-MM-DD date; write it like "2026-12-31"`,
  },
  identity: ['value'],
  parsers: ['bash'],
  tags: ['temp-fix'],
  precision: 'very-high',
  async check(ctx) {
    for (const t of await tempFixes(ctx)) {
      if (t.date !== undefined) continue;
      const value = t.assignment.value;
      const at = t.assignment.valueAt;
      if (value === undefined) ctx.report({ path: t.path, at, messageId: 'computedDate' });
      else ctx.report({ path: t.path, at, messageId: /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'notRealDate' : 'notIsoDate', data: { value } });
    }
  },
});
