import { defineRule } from '../../runner/types.js';
import { earlierReleases } from './_releases.js';
import { SPAWN_PATH, spawnBody, spawnLines } from './_spawn.js';

export default defineRule({
  id: 'wrapper/spawn-version-bumped',
  description: 'When spawn.sh changed since the previous release tag, its spawn version increased.',
  details:
    'Containers refresh spawn.sh only when the number in "# Spawn Version:N" is higher than theirs: a body change without a bump never reaches existing containers.',
  kinds: ['wrapper'],
  modes: ['release'],
  onReleaseTag: true,
  severity: 'error',
  docs: 'docs/rules/wrapper/spawn-version-bumped.md',
  tags: ['release'],
  precision: 'high',
  async check(ctx) {
    const text = await ctx.read(SPAWN_PATH);
    if (text === undefined) return;
    const { releases, missing } = await earlierReleases(ctx);
    if (missing) {
      ctx.cannotVerify({ path: SPAWN_PATH, message: `whether spawn.sh changed since the previous release: ${missing}` });
      return;
    }
    const previous = releases[releases.length - 1];
    if (!previous) return;
    const before = await ctx.git.readAt(previous.commit, SPAWN_PATH);
    if (before === undefined || spawnBody(before) === spawnBody(text)) return;
    const now = spawnLines(text)[0];
    const then = spawnLines(before)[0];
    const n = Number(now?.value);
    const m = Number(then?.value);
    if (!now || Number.isNaN(n) || Number.isNaN(m) || n > m) return;
    ctx.report({
      path: SPAWN_PATH,
      at: { line: now.line, column: 1, endLine: now.line, endColumn: now.text.length + 1 },
      message: `spawn.sh changed since ${previous.name} but its spawn version is still ${now.value}; existing containers will not refresh it: use "# Spawn Version:${m + 1}"`,
    });
  },
});
