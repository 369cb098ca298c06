import { defineRule } from '../../runner/types.js';
import { earlierReleases } from './_releases.js';
import { SPAWN_PATH, spawnBody, spawnLines } from './_spawn.js';

export default defineRule({
  description: 'When spawn.sh changed since the previous release tag, its spawn version increased.',
  details:
    'Containers refresh spawn.sh only when the number in "# Spawn Version:N" is higher than theirs: a body change without a bump never reaches existing containers.',
  kinds: ['wrapper'],
  modes: ['release'],
  onReleaseTag: true,
  severity: 'error',
  messages: {
    notBumped: 'spawn.sh changed since {{tag}} but its spawn version is still {{version}}; existing containers will not refresh it: use "# Spawn Version:{{next}}"',
    releasesUnknown: 'whether spawn.sh changed since the previous release: {{reason}}',
  },
  identity: ['tag', 'version'],
  tags: ['release'],
  async check(ctx) {
    const text = await ctx.read(SPAWN_PATH);
    if (text === undefined) return;
    const { releases, missing } = await earlierReleases(ctx);
    if (missing) {
      ctx.cannotVerify({ path: SPAWN_PATH, messageId: 'releasesUnknown', data: { reason: missing } });
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
    if (now?.value === undefined || Number.isNaN(n) || Number.isNaN(m) || n > m) return;
    ctx.report({
      path: SPAWN_PATH,
      at: { line: now.line, column: 1, endLine: now.line, endColumn: now.text.length + 1 },
      messageId: 'notBumped',
      data: { tag: previous.name, version: now.value, next: m + 1 },
    });
  },
});
