import { defineRule } from '../../runner/types.js';
import { TEMP_FIX_VAR, tempFixes } from './_temp-fix.js';

export default defineRule({
  id: 'images/temp-fix-date-format',
  description: '`temp_fix_limit` is a literal, real date written YYYY-MM-DD.',
  details: 'check_temp_fix_expiry hands the limit to `date -d`: a malformed or impossible date (2026-02-30) makes the comparison fail, so the fix never expires or breaks the build at once.',
  kinds: ['images'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/images/temp-fix-date-format.md',
  parsers: ['bash'],
  tags: ['temp-fix'],
  precision: 'very-high',
  async check(ctx) {
    for (const t of await tempFixes(ctx)) {
      if (t.date !== undefined) continue;
      const v = t.assignment.value;
      ctx.report({
        path: t.path,
        at: t.assignment.valueAt,
        message:
          v === undefined
            ? `${TEMP_FIX_VAR} is computed at build time; write the limit as a literal date, e.g. ${TEMP_FIX_VAR}="2026-12-31"`
            : /^\d{4}-\d{2}-\d{2}$/.test(v)
              ? `${TEMP_FIX_VAR} "${v}" is not a real date; use an existing day, YYYY-MM-DD`
              : `${TEMP_FIX_VAR} "${v}" is not a YYYY-MM-DD date; write it like "2026-12-31"`,
      });
    }
  },
});
