import { didYouMean, distance } from '../../runner/errors.js';
import { defineRule } from '../../runner/types.js';
import { KNOWN_CHECKS, packageScripts, parseWhitelist } from './_images.js';

const KNOWN = `known: ${KNOWN_CHECKS.join(', ')}`;

/** The known check a misspelt name is closest to, when close enough for a "did you mean". */
function closestCheck(name: string): string | undefined {
  const distances = KNOWN_CHECKS.map((check) => distance(name, check));
  const best = KNOWN_CHECKS[distances.indexOf(Math.min(...distances))];
  // didYouMean holds the "close enough" threshold; only whether it suggests anything is read.
  return didYouMean(name, [best]) === '' ? undefined : best;
}

export default defineRule({
  description: 'A `# CODE-CHECK-WHITELIST=` comment has the exact syntax and names only known checks.',
  details: `The code check reads "# CODE-CHECK-WHITELIST=" followed by check names separated by commas, without spaces. Known checks: ${KNOWN_CHECKS.join(', ')}. A misspelt name whitelists nothing, so the check it meant to silence still fails.`,
  kinds: ['images'],
  severity: 'error',
  messages: {
    notExactSyntax: '"{{comment}}" is not read by the code check; write it exactly as "# CODE-CHECK-WHITELIST={{list}}"',
    emptyName: 'empty name in the whitelist; remove the extra comma',
    spacesAroundName: '"{{name}}" has spaces around it; separate the names with commas only: {{list}}',
    unknownCheck: `"{{name}}" is not a check the whitelist can name (did you mean "{{closest}}"?); ${KNOWN}`,
    unknownCheckNoneClose: `"{{name}}" is not a check the whitelist can name; ${KNOWN}`,
    listedTwice: '"{{name}}" is listed twice; remove one',
  },
  identity: ['name', 'comment'],
  parsers: ['bash'],
  tags: ['install-function'],
  precision: 'very-high',
  async check(ctx) {
    for (const s of await packageScripts(ctx)) {
      for (const comment of s.bash.comments) {
        const w = parseWhitelist(comment);
        if (!w) continue;
        if (w.exactList !== undefined) {
          ctx.report({ path: s.path, at: comment, messageId: 'notExactSyntax', data: { comment: comment.text, list: w.exactList } });
          continue;
        }
        const seen = new Set<string>();
        for (const { name, column } of w.names) {
          const at = { line: comment.line, column, endLine: comment.line, endColumn: column + Math.max(name.length, 1) };
          if (name === '') {
            ctx.report({ path: s.path, at, messageId: 'emptyName' });
          } else if (name !== name.trim()) {
            ctx.report({ path: s.path, at, messageId: 'spacesAroundName', data: { name, list: w.names.map((n) => n.name.trim()).filter(Boolean).join(',') } });
          } else if ((KNOWN_CHECKS as readonly string[]).includes(name)) {
            if (seen.has(name)) ctx.report({ path: s.path, at, messageId: 'listedTwice', data: { name } });
          } else {
            const closest = closestCheck(name);
            if (closest === undefined) ctx.report({ path: s.path, at, messageId: 'unknownCheckNoneClose', data: { name } });
            else ctx.report({ path: s.path, at, messageId: 'unknownCheck', data: { name, closest } });
          }
          seen.add(name.trim());
        }
      }
    }
  },
});
