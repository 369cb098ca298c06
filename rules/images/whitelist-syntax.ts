import { didYouMean } from '../../runner/errors.js';
import { defineRule } from '../../runner/types.js';
import { KNOWN_CHECKS, packageScripts, parseWhitelist } from './_images.js';

export default defineRule({
  id: 'images/whitelist-syntax',
  description: 'A `# CODE-CHECK-WHITELIST=` comment has the exact syntax and names only known checks.',
  details: `The code check reads "# CODE-CHECK-WHITELIST=" followed by check names separated by commas, without spaces. Known checks: ${KNOWN_CHECKS.join(', ')}. A misspelt name whitelists nothing, so the check it meant to silence still fails.`,
  kinds: ['images'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/images/whitelist-syntax.md',
  parsers: ['bash'],
  tags: ['install-function'],
  precision: 'very-high',
  async check(ctx) {
    for (const s of await packageScripts(ctx)) {
      for (const comment of s.bash.comments) {
        const w = parseWhitelist(comment);
        if (!w) continue;
        if (w.syntaxProblem) {
          ctx.report({ path: s.path, at: comment, message: `"${comment.text}" is not read by the code check; ${w.syntaxProblem}` });
          continue;
        }
        const seen = new Set<string>();
        for (const { name, column } of w.names) {
          const at = { line: comment.line, column, endLine: comment.line, endColumn: column + Math.max(name.length, 1) };
          if (name === '') {
            ctx.report({ path: s.path, at, message: 'empty name in the whitelist; remove the extra comma' });
          } else if (name !== name.trim()) {
            ctx.report({ path: s.path, at, message: `"${name}" has spaces around it; separate the names with commas only: ${w.names.map((n) => n.name.trim()).filter(Boolean).join(',')}` });
          } else if (!(KNOWN_CHECKS as readonly string[]).includes(name)) {
            ctx.report({ path: s.path, at, message: `"${name}" is not a check the whitelist can name${didYouMean(name, KNOWN_CHECKS)}; known: ${KNOWN_CHECKS.join(', ')}` });
          } else if (seen.has(name)) {
            ctx.report({ path: s.path, at, message: `"${name}" is listed twice; remove one` });
          }
          seen.add(name.trim());
        }
      }
    }
  },
});
