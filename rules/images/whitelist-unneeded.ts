import { defineRule } from '../../runner/types.js';
import { calls, installFunctions } from './_images.js';

// temp-fix is a check about the function as a whole, not one call: nothing to compare it with.
const CALL_CHECKS = new Set(['colorecho', 'add-aliases', 'add-history', 'add-test-command', 'add-to-list']);

export default defineRule({
  description: 'A whitelist does not name a call the function makes anyway.',
  details: 'A stale whitelist entry hides the day the call is removed: the check would no longer notice.',
  kinds: ['images'],
  severity: 'warning',
  messages: {
    unneeded: '{{function}} whitelists {{check}} but calls it; remove {{check}} from the whitelist',
  },
  identity: ['function', 'check'],
  parsers: ['bash'],
  tags: ['install-function'],
  precision: 'very-high',
  async check(ctx) {
    for (const f of await installFunctions(ctx)) {
      for (const w of f.whitelists) {
        for (const { name, column } of w.names) {
          const check = name.trim();
          if (!CALL_CHECKS.has(check) || !calls(f.fn, check)) continue;
          const call = f.fn.commands.find((c) => c.name === check)!;
          ctx.report({
            path: f.path,
            at: { line: w.comment.line, column, endLine: w.comment.line, endColumn: column + name.length },
            messageId: 'unneeded',
            data: { function: f.fn.name, check, callLine: call.line },
            related: [{ path: f.path, at: call, label: `the ${check} call` }],
          });
        }
      }
    }
  },
});
