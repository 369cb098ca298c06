import { defineRule } from '../../runner/types.js';
import { SPAWN_PATH, spawnLines } from './_spawn.js';

export default defineRule({
  id: 'wrapper/spawn-version',
  description: 'spawn.sh has exactly one `# Spawn Version:N` line, digits only on a release branch.',
  details:
    'Containers compare this number to decide whether to refresh spawn.sh. The CI regex is ^# Spawn Version:[0-9]+$ on release and ^# Spawn Version:[0-9ab]+$ on dev. Layouts before 4.3.0 have no spawn.sh and are not checked.',
  kinds: ['wrapper'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/wrapper/spawn-version.md',
  tags: ['release'],
  precision: 'very-high',
  async check(ctx) {
    const text = await ctx.read(SPAWN_PATH);
    if (text === undefined) return;
    const lines = spawnLines(text);
    if (lines.length === 0) {
      ctx.report({ path: SPAWN_PATH, message: 'no "# Spawn Version:N" line; add it under the "DO NOT CHANGE the syntax" comment, e.g. "# Spawn Version:1"', key: 'missing' });
      return;
    }
    const pattern = ctx.mode === 'release' ? /^[0-9]+$/ : /^[0-9ab]+$/;
    const first = lines[0];
    for (const l of lines.slice(1)) {
      ctx.report({ path: SPAWN_PATH, at: { line: l.line, column: 1 }, message: `second spawn version line (the first is line ${first.line}); keep exactly one "# Spawn Version:N"` });
    }
    if (first.value === undefined) {
      const n = /(\d[0-9ab]*)/.exec(first.text)?.[1] ?? 'N';
      ctx.report({
        path: SPAWN_PATH,
        at: { line: first.line, column: 1, endLine: first.line, endColumn: first.text.length + 1 },
        message: `"${first.text}" does not have the exact syntax the containers read; write "# Spawn Version:${n}"`,
      });
    } else if (!pattern.test(first.value)) {
      const digits = first.value.replace(/[^0-9]/g, '') || '1';
      ctx.report({
        path: SPAWN_PATH,
        at: { line: first.line, column: 17, endLine: first.line, endColumn: 17 + first.value.length },
        message:
          ctx.mode === 'release'
            ? `spawn version ${first.value} is not digits only; on a release branch use "# Spawn Version:${digits}"`
            : `spawn version ${first.value} may only contain digits and a/b; e.g. "# Spawn Version:${digits}"`,
      });
    }
  },
});
