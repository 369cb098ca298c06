import { defineRule } from '../../runner/types.js';
import { packageScripts, parseWhitelist } from './_images.js';

const OUTSIDE = 'whitelist outside any function whitelists nothing; move it to the first line of';

export default defineRule({
  description: 'A `# CODE-CHECK-WHITELIST=` comment sits at the start of the function it whitelists.',
  details:
    'The whitelist is read as part of the function it opens: after the first command it is easy to miss in review, and outside any function it whitelists nothing. A warning by default: the pull-request code check itself accepts a whitelist anywhere in the function.',
  kinds: ['images'],
  severity: 'warning',
  messages: {
    outsideFunction: `${OUTSIDE} {{next}}`,
    outsideFunctionNoneAfter: `${OUTSIDE} the function it is meant for`,
    afterFirstCommand: 'whitelist in {{function}} comes after its first command; move it to the first line of the function',
  },
  // No identity field: the reported line, the whitelist comment itself, identifies the finding.
  parsers: ['bash'],
  tags: ['install-function'],
  precision: 'very-high',
  async check(ctx) {
    for (const s of await packageScripts(ctx)) {
      const byName = new Map(s.bash.functions.map((f) => [f.name, f]));
      for (const comment of s.bash.comments) {
        if (!parseWhitelist(comment)) continue;
        const fn = comment.fn === undefined ? undefined : byName.get(comment.fn);
        if (!fn) {
          const next = s.bash.functions.find((f) => f.line > comment.line);
          if (next) ctx.report({ path: s.path, at: comment, messageId: 'outsideFunction', data: { next: next.name } });
          else ctx.report({ path: s.path, at: comment, messageId: 'outsideFunctionNoneAfter' });
        } else if (fn.firstStatementLine !== undefined && comment.line > fn.firstStatementLine) {
          const first = fn.commands.find((c) => c.line === fn.firstStatementLine) ?? { line: fn.firstStatementLine, column: 1 };
          ctx.report({
            path: s.path,
            at: comment,
            messageId: 'afterFirstCommand',
            data: { function: fn.name, firstCommandLine: fn.firstStatementLine },
            related: [{ path: s.path, at: first, label: 'its first command' }],
          });
        }
      }
    }
  },
});
