import { defineRule } from '../../runner/types.js';
import { ENTRYPOINT } from './_images.js';
import { entrypointRuns, functionIndex } from './_functions.js';
import { sourcing } from './_sourcing.js';

export default defineRule({
  id: 'images/dockerfile-fn-defined',
  description: 'Each `RUN ./entrypoint.sh <function>` names a function defined in a file entrypoint.sh sources.',
  details: 'entrypoint.sh answers an unknown name with "is not a known function name" and fails that build step: in a release build of a rarely built image, that is found late.',
  kinds: ['images'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/images/dockerfile-fn-defined.md',
  parsers: ['bash'],
  tags: ['build'],
  precision: 'very-high',
  async check(ctx) {
    const runs = await entrypointRuns(ctx);
    if (runs.length === 0) return;
    const src = await sourcing(ctx);
    if (!src.entrypoint) {
      ctx.cannotVerify({ path: runs[0].path, at: runs[0].at, message: `${ENTRYPOINT} is missing or unparsable, so the functions it can run are unknown` });
      return;
    }
    if (src.unresolved) {
      ctx.cannotVerify({ path: src.unresolved.from, at: src.unresolved.at, message: `${src.unresolved.from} sources ${src.unresolved.written}, a path computed at run time; the functions RUN ./entrypoint.sh can call cannot be listed without running it` });
      return;
    }
    if (src.unparsed) {
      ctx.cannotVerify({ path: src.unparsed, message: `${src.unparsed} cannot be parsed, so the functions RUN ./entrypoint.sh can call are unknown`, key: 'unparsed' });
      return;
    }
    const index = await functionIndex(ctx);
    for (const r of runs) {
      const defs = index.definitions.get(r.name) ?? [];
      if (defs.some((d) => src.reachable.has(d.path))) continue;
      const elsewhere = defs[0];
      ctx.report({
        path: r.path,
        at: r.at,
        message: elsewhere
          ? `${r.name} is defined in ${elsewhere.path}, which ${ENTRYPOINT} does not source; source that file from entrypoint.sh`
          : `${r.name} is not defined in any file ${ENTRYPOINT} sources; the build step would fail with "is not a known function name": fix the name or define the function`,
      });
    }
  },
});
