import { defineRule } from '../../runner/types.js';
import { functionIndex } from './_functions.js';
import { allScriptsParsed } from './_images.js';

export default defineRule({
  description: 'Every install_* function that is called is defined in sources/install/*.sh.',
  details: 'Calling an undefined function fails the build step ("command not found") only when that package is built, often long after the function was renamed.',
  kinds: ['images'],
  severity: 'error',
  messages: {
    notDefined: '{{function}} is called but not defined in any sources/install/*.sh; define it, or remove the call',
    unparsedScripts: 'whether each called install function is defined cannot be checked while {{scripts}} cannot be parsed',
  },
  identity: ['function', 'scripts'],
  parsers: ['bash'],
  tags: ['install-function'],
  precision: 'very-high',
  async check(ctx) {
    if (!(await allScriptsParsed(ctx))) return;
    const index = await functionIndex(ctx);
    for (const [name, calls] of index.calls) {
      if (!name.startsWith('install_') || index.definitions.has(name)) continue;
      for (const c of calls) ctx.report({ path: c.path, at: c.at, messageId: 'notDefined', data: { function: name } });
    }
  },
});
