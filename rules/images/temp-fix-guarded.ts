import { defineRule } from '../../runner/types.js';
import { GUARD, TEMP_FIX_VAR, tempFixes } from './_temp-fix.js';

const WRAP = `wrap the fix in if ${GUARD} "$${TEMP_FIX_VAR}"; then ... fi so it expires`;

export default defineRule({
  description: 'A `temp_fix_limit` assignment is followed by `check_temp_fix_expiry` in the same function.',
  details:
    'The limit does nothing by itself: only `if check_temp_fix_expiry "$temp_fix_limit"; then ... fi` makes the build stop when the fix outlives its date. Before check_temp_fix_expiry existed (images up to 3.1.6) the guard was written inline, an if comparing the date with the limit that stops the build with criticalecho: that counts too.',
  kinds: ['images'],
  severity: 'error',
  messages: {
    unguarded: `${TEMP_FIX_VAR} is set in {{function}} but never checked; ${WRAP}`,
    unguardedTopLevel: `${TEMP_FIX_VAR} is set but never checked; ${WRAP}`,
  },
  identity: ['function'],
  parsers: ['bash'],
  tags: ['temp-fix'],
  async check(ctx) {
    for (const t of await tempFixes(ctx)) {
      if (t.guarded) continue;
      const a = t.assignment;
      if (a.fn) ctx.report({ path: t.path, at: a, messageId: 'unguarded', data: { function: a.fn } });
      else ctx.report({ path: t.path, at: a, messageId: 'unguardedTopLevel' });
    }
  },
});
