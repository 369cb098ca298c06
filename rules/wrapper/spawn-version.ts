import { defineRule } from '../../runner/types.js';
import { SPAWN_PATH, spawnLines } from './_spawn.js';

export default defineRule({
  description: 'spawn.sh has exactly one `# Spawn Version:N` line, digits only on a release branch.',
  details:
    'Containers compare this number to decide whether to refresh spawn.sh. The CI regex is ^# Spawn Version:[0-9]+$ on release and ^# Spawn Version:[0-9ab]+$ on dev. Layouts before 4.3.0 have no spawn.sh and are not checked.',
  kinds: ['wrapper'],
  severity: 'error',
  messages: {
    missing: 'no "# Spawn Version:N" line; add it under the "DO NOT CHANGE the syntax" comment, e.g. "# Spawn Version:1"',
    second: 'second spawn version line; keep exactly one "# Spawn Version:N"',
    badSyntax: '"{{text}}" does not have the exact syntax the containers read; write "# Spawn Version:{{version}}"',
    notDigits: 'spawn version {{version}} is not digits only; on a release branch use "# Spawn Version:{{digits}}"',
    notDigitsOrAb: 'spawn version {{version}} may only contain digits and a/b; e.g. "# Spawn Version:{{digits}}"',
  },
  identity: ['text', 'version'],
  tags: ['release'],
  precision: 'very-high',
  async check(ctx) {
    const text = await ctx.read(SPAWN_PATH);
    if (text === undefined) return;
    const lines = spawnLines(text);
    if (lines.length === 0) {
      ctx.report({ path: SPAWN_PATH, messageId: 'missing' });
      return;
    }
    const release = ctx.mode === 'release';
    const first = lines[0];
    for (const l of lines.slice(1)) {
      ctx.report({
        path: SPAWN_PATH,
        at: { line: l.line, column: 1 },
        messageId: 'second',
        data: { firstLine: first.line },
        related: [{ path: SPAWN_PATH, at: { line: first.line, column: 1 }, label: 'the first spawn version line' }],
      });
    }
    if (first.value === undefined) {
      ctx.report({
        path: SPAWN_PATH,
        at: { line: first.line, column: 1, endLine: first.line, endColumn: first.text.length + 1 },
        messageId: 'badSyntax',
        data: { text: first.text, version: /(\d[0-9ab]*)/.exec(first.text)?.[1] ?? 'N' },
      });
    } else if (!(release ? /^[0-9]+$/ : /^[0-9ab]+$/).test(first.value)) {
      ctx.report({
        path: SPAWN_PATH,
        at: { line: first.line, column: 17, endLine: first.line, endColumn: 17 + first.value.length },
        messageId: release ? 'notDigits' : 'notDigitsOrAb',
        data: { version: first.value, digits: first.value.replace(/[^0-9]/g, '') || '1' },
      });
    }
  },
});
