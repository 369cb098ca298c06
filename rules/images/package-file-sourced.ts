import { defineRule } from '../../runner/types.js';
import { ENTRYPOINT, INSTALL_DIR, isPackageScript } from './_images.js';
import { sourcing } from './_sourcing.js';

export default defineRule({
  id: 'images/package-file-sourced',
  description: 'sources/install/entrypoint.sh sources every package_*.sh, and only files that exist.',
  details: 'RUN ./entrypoint.sh <function> can only run functions of the files entrypoint.sh sources: a package file it forgets is never built, and a missing one stops every build step.',
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
    for (const l of src.direct) {
      if (l.target !== undefined && !scripts.has(l.target) && !(await ctx.exists(l.target))) {
        ctx.report({ path: l.from, at: l.at, message: `sources ${l.written}, but ${l.target} does not exist; every build step would fail here: fix the name or remove the line` });
      }
    }
    const computed = src.direct.find((l) => l.target === undefined);
    if (computed) {
      ctx.cannotVerify({ path: computed.from, at: computed.at, message: `${computed.from} sources ${computed.written}, a path computed at run time; which package files are sourced cannot be told without running it` });
      return;
    }
    const direct = new Set(src.direct.map((l) => l.target));
    for (const path of scripts) {
      if (!isPackageScript(path) || direct.has(path)) continue;
      const name = path.slice(path.lastIndexOf('/') + 1);
      ctx.report({ path, message: `${ENTRYPOINT} does not source ${name}, so RUN ./entrypoint.sh cannot run its functions; add "source ${name}" to it`, key: name });
    }
  },
});
