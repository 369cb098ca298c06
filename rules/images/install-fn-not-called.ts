import { defineRule } from '../../runner/types.js';
import { allScriptsParsed, isPackageScript } from './_images.js';
import { functionIndex } from './_functions.js';

export default defineRule({
  id: 'images/install-fn-not-called',
  description: 'Every install_* function is called by a package function (a call in a comment does not count).',
  details: 'A function that is only called from a commented-out line of a package list is dead code: its tool is not in the image, yet it still looks maintained.',
  kinds: ['images'],
  modes: ['release', 'dev'],
  severity: 'warning',
  docs: 'docs/rules/images/install-fn-not-called.md',
  parsers: ['bash'],
  tags: ['install-function'],
  precision: 'high',
  async check(ctx) {
    if (!(await allScriptsParsed(ctx, 'whether each install function is called'))) return;
    const index = await functionIndex(ctx);
    for (const [name, defs] of index.definitions) {
      if (!name.startsWith('install_')) continue;
      const calls = (index.calls.get(name) ?? []).filter((c) => !defs.some((d) => d.path === c.path && c.at.line >= d.firstLine && c.at.line <= d.lastLine));
      if (calls.length > 0) continue;
      const def = defs[0];
      if (!isPackageScript(def.path)) continue;
      const commented = index.commentedCalls.get(name)?.[0];
      ctx.report({
        path: def.path,
        at: def.at,
        message: commented
          ? `${name} is only called from a comment (${commented.path}:${commented.at.line}), so its tool is not installed; restore the call in a package function, or remove ${name}`
          : `${name} is never called, so its tool is not installed; call it from a package function, or remove it`,
      });
    }
  },
});
