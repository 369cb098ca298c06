import { defineRule } from '../../runner/types.js';
import { ENTRYPOINT } from './_images.js';
import { entrypointRuns, functionIndex } from './_functions.js';
import { sourcing } from './_sourcing.js';

export default defineRule({
  description: 'Each `RUN ./entrypoint.sh <function>` names a function defined in a file entrypoint.sh sources.',
  details: 'entrypoint.sh answers an unknown name with "is not a known function name" and fails that build step: in a release build of a rarely built image, that is found late.',
  kinds: ['images'],
  severity: 'error',
  messages: {
    notDefined: `{{name}} is not defined in any file ${ENTRYPOINT} sources; the build step would fail with "is not a known function name": fix the name or define the function`,
    notSourced: `{{name}} is defined in {{definedIn}}, which ${ENTRYPOINT} does not source; source that file from entrypoint.sh`,
    entrypointUnreadable: `${ENTRYPOINT} is missing or unparsable, so the functions it can run are unknown`,
    sourceComputed: '{{script}} sources {{written}}, a path computed at run time; the functions RUN ./entrypoint.sh can call cannot be listed without running it',
    scriptUnparsed: '{{script}} cannot be parsed, so the functions RUN ./entrypoint.sh can call are unknown',
  },
  identity: ['name', 'written', 'script'],
  parsers: ['bash'],
  tags: ['build'],
  precision: 'very-high',
  async check(ctx) {
    const runs = await entrypointRuns(ctx);
    if (runs.length === 0) return;
    const src = await sourcing(ctx);
    if (!src.entrypoint) {
      ctx.cannotVerify({ path: runs[0].path, at: runs[0].at, messageId: 'entrypointUnreadable' });
      return;
    }
    if (src.unresolved) {
      const u = src.unresolved;
      ctx.cannotVerify({ path: u.from, at: u.at, messageId: 'sourceComputed', data: { script: u.from, written: u.written } });
      return;
    }
    if (src.unparsed) {
      ctx.cannotVerify({ path: src.unparsed, messageId: 'scriptUnparsed', data: { script: src.unparsed } });
      return;
    }
    const index = await functionIndex(ctx);
    for (const r of runs) {
      const defs = index.definitions.get(r.name) ?? [];
      if (defs.some((d) => src.reachable.has(d.path))) continue;
      const elsewhere = defs[0];
      if (elsewhere) ctx.report({ path: r.path, at: r.at, messageId: 'notSourced', data: { name: r.name, definedIn: elsewhere.path } });
      else ctx.report({ path: r.path, at: r.at, messageId: 'notDefined', data: { name: r.name } });
    }
  },
});
