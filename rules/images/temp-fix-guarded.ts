import { defineRule } from '../../runner/types.js';
import type { BashAssignment, BashFile } from '../../runner/parsers/bash.js';
import { GUARD, TEMP_FIX_VAR, tempFixes } from './_temp-fix.js';
import { installScripts } from './_images.js';

const READS_LIMIT = new RegExp(`\\$\\{?${TEMP_FIX_VAR}(?![A-Za-z0-9_])`);

/**
 * After the assignment, in the same function: `check_temp_fix_expiry`, or (before that helper
 * existed, images up to 3.1.6) an if on the limit's date that stops the build with criticalecho.
 */
function guarded(file: BashFile, a: BashAssignment): boolean {
  if (file.commands.some((c) => c.name === GUARD && c.fn === a.fn && c.line >= a.line)) return true;
  return file.ifChains.some(
    (chain) =>
      chain.fn === a.fn &&
      chain.line >= a.line &&
      chain.branches.some((b) => READS_LIMIT.test(b.condition)) &&
      chain.branches.some((b) => b.commands.some((c) => c.name === 'criticalecho')),
  );
}

export default defineRule({
  id: 'images/temp-fix-guarded',
  description: 'A `temp_fix_limit` assignment is followed by `check_temp_fix_expiry` in the same function.',
  details:
    'The limit does nothing by itself: only `if check_temp_fix_expiry "$temp_fix_limit"; then ... fi` makes the build stop when the fix outlives its date. Before check_temp_fix_expiry existed (images up to 3.1.6) the guard was written inline, an if comparing the date with the limit that stops the build with criticalecho: that counts too.',
  kinds: ['images'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/images/temp-fix-guarded.md',
  parsers: ['bash'],
  tags: ['temp-fix'],
  precision: 'high',
  async check(ctx) {
    const scripts = new Map((await installScripts(ctx)).map((s) => [s.path, s.bash]));
    for (const t of await tempFixes(ctx)) {
      const a = t.assignment;
      if (guarded(scripts.get(t.path)!, a)) continue;
      ctx.report({
        path: t.path,
        at: a,
        message: `${TEMP_FIX_VAR} is set${a.fn ? ` in ${a.fn}` : ''} but never checked; wrap the fix in if ${GUARD} "$${TEMP_FIX_VAR}"; then ... fi so it expires`,
      });
    }
  },
});
