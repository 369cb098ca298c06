import { defineRule } from '../../runner/types.js';
import { ENTRYPOINT, INSTALL_DIR, isPackageScript } from './_images.js';
import { sourcing } from './_sourcing.js';

export default defineRule({
  id: 'images/package-file-sourced',
  description: 'sources/install/entrypoint.sh sources every package_*.sh (directly or through a file it sources), and only files that exist.',
  details:
    'RUN ./entrypoint.sh <function> can only run functions of the files entrypoint.sh sources, itself or through the files it sources: a package file nobody sources is never built, and a missing one stops every build step.',
  kinds: ['images'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/images/package-file-sourced.md',
  parsers: ['bash'],
  tags: ['build'],
  precision: 'very-high',
  async check(ctx) {
    const src = await sourcing(ctx);
    if (!src.entrypoint) return;
    const scripts = new Set((await ctx.list(INSTALL_DIR)).filter((e) => e.type !== 'dir').map((e) => e.path));
    for (const l of src.lines) {
      if (l.target !== undefined && !scripts.has(l.target) && !(await ctx.exists(l.target))) {
        ctx.report({ path: l.from, at: l.at, message: `sources ${l.written}, but ${l.target} does not exist; every build step would fail here: fix the name or remove the line` });
      }
    }
    const sourced = new Set<string | undefined>([...src.reachable, ...src.lines.map((l) => l.target)]);
    const missing = [...scripts].filter((path) => isPackageScript(path) && !sourced.has(path));
    if (missing.length === 0) return;
    // A script of the chain whose own source lines are unknown may be the one that sources them.
    if (src.unresolved) {
      const u = src.unresolved;
      ctx.cannotVerify({ path: u.from, at: u.at, message: `${u.from} sources ${u.written}, a path computed at run time; which package files are sourced cannot be told without running it` });
      return;
    }
    if (src.unparsed) {
      ctx.cannotVerify({ path: src.unparsed, message: `${src.unparsed} cannot be parsed, so the files it sources are unknown; whether ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} sourced cannot be told`, key: 'unparsed' });
      return;
    }
    for (const path of missing) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      ctx.report({ path, message: `${ENTRYPOINT} does not source ${name}, directly or through the files it sources, so RUN ./entrypoint.sh cannot run its functions; add "source ${name}" to it`, key: name });
    }
  },
});
