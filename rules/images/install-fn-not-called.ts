import { defineRule } from '../../runner/types.js';
import { allScriptsParsed, isPackageScript } from './_images.js';
import { functionIndex } from './_functions.js';

export default defineRule({
  description: 'Every install_* function is called by a package function (a call in a comment does not count).',
  details: 'A function that is only called from a commented-out line of a package list is dead code: its tool is not in the image, yet it still looks maintained.',
  kinds: ['images'],
  severity: 'warning',
  messages: {
    neverCalled: '{{function}} is never called, so its tool is not installed; call it from a package function, or remove it',
    calledFromComment:
      '{{function}} is only called from a comment in {{commentPath}}, so its tool is not installed; restore the call in a package function, or remove {{function}}',
    unparsedScripts: 'whether each install function is called cannot be checked while {{scripts}} cannot be parsed',
  },
  identity: ['function', 'scripts'],
  parsers: ['bash'],
  tags: ['install-function'],
  async check(ctx) {
    if (!(await allScriptsParsed(ctx))) return;
    const index = await functionIndex(ctx);
    for (const [name, defs] of index.definitions) {
      if (!name.startsWith('install_')) continue;
      const calls = (index.calls.get(name) ?? []).filter((c) => !defs.some((d) => d.path === c.path && c.at.line >= d.firstLine && c.at.line <= d.lastLine));
      if (calls.length > 0) continue;
      const def = defs[0];
      if (!isPackageScript(def.path)) continue;
      const commented = index.commentedCalls.get(name)?.[0];
      if (commented) {
        ctx.report({
          path: def.path,
          at: def.at,
          messageId: 'calledFromComment',
          data: { function: name, commentPath: commented.path, commentLine: commented.at.line },
          related: [{ path: commented.path, at: commented.at, label: 'the commented-out call' }],
        });
      } else {
        ctx.report({ path: def.path, at: def.at, messageId: 'neverCalled', data: { function: name } });
      }
    }
  },
});
