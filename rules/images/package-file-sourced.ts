import { defineRule } from '../../runner/types.js';
import { ENTRYPOINT, INSTALL_DIR, isPackageScript } from './_images.js';
import { sourcing } from './_sourcing.js';

const UNPARSED = '{{script}} cannot be parsed, so the files it sources are unknown;';

export default defineRule({
  description: 'sources/install/entrypoint.sh sources every package_*.sh (directly or through a file it sources), and only files that exist.',
  details:
    'RUN ./entrypoint.sh <function> can only run functions of the files entrypoint.sh sources, itself or through the files it sources: a package file nobody sources is never built, and a missing one stops every build step.',
  kinds: ['images'],
  severity: 'error',
  messages: {
    notSourced: `${ENTRYPOINT} does not source {{name}}, directly or through the files it sources, so RUN ./entrypoint.sh cannot run its functions; add "source {{name}}" to it`,
    sourcedFileMissing: 'sources {{written}}, but {{target}} does not exist; every build step would fail here: fix the name or remove the line',
    sourceComputed: '{{script}} sources {{written}}, a path computed at run time; which package files are sourced cannot be told without running it',
    unparsedHidesFile: `${UNPARSED} whether {{files}} is sourced cannot be told`,
    unparsedHidesFiles: `${UNPARSED} whether {{files}} are sourced cannot be told`,
  },
  identity: ['name', 'written', 'script'],
  parsers: ['bash'],
  tags: ['build'],
  precision: 'very-high',
  async check(ctx) {
    const src = await sourcing(ctx);
    if (!src.entrypoint) return;
    const scripts = new Set((await ctx.list(INSTALL_DIR)).filter((e) => e.type !== 'dir').map((e) => e.path));
    for (const l of src.lines) {
      if (l.target !== undefined && !scripts.has(l.target) && !(await ctx.exists(l.target))) {
        ctx.report({ path: l.from, at: l.at, messageId: 'sourcedFileMissing', data: { written: l.written, target: l.target } });
      }
    }
    const sourced = new Set<string | undefined>([...src.reachable, ...src.lines.map((l) => l.target)]);
    const missing = [...scripts].filter((path) => isPackageScript(path) && !sourced.has(path));
    if (missing.length === 0) return;
    // A script of the chain whose own source lines are unknown may be the one that sources them.
    if (src.unresolved) {
      const u = src.unresolved;
      ctx.cannotVerify({ path: u.from, at: u.at, messageId: 'sourceComputed', data: { script: u.from, written: u.written } });
      return;
    }
    if (src.unparsed) {
      const messageId = missing.length > 1 ? 'unparsedHidesFiles' : 'unparsedHidesFile';
      ctx.cannotVerify({ path: src.unparsed, messageId, data: { script: src.unparsed, files: missing.join(', ') } });
      return;
    }
    for (const path of missing) {
      ctx.report({ path, messageId: 'notSourced', data: { name: path.slice(path.lastIndexOf('/') + 1) } });
    }
  },
});
