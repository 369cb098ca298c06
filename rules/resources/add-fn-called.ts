import { defineRule } from '../../runner/types.js';
import { ENTRY, SCRIPT, resourcesScript } from './_resources.js';

export default defineRule({
  id: 'resources/add-fn-called',
  description: 'Every add_* function of update-resources.sh is called from add_resources.',
  details: 'The update workflow runs add_resources only: an add_* function it does not call never downloads its resource, and the resource silently goes stale.',
  kinds: ['resources'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/resources/add-fn-called.md',
  parsers: ['bash'],
  tags: ['resources-list'],
  precision: 'very-high',
  async check(ctx) {
    const script = await resourcesScript(ctx);
    if (!script) return;
    if (!script.entry) {
      ctx.report({ path: SCRIPT, message: `no ${ENTRY}() function; the update workflow runs it to download every resource: define it and call each add_* function from it`, key: 'no entry' });
      return;
    }
    for (const fn of script.bash.functions) {
      if (!fn.name.startsWith('add_') || script.reachable.has(fn.name)) continue;
      ctx.report({ path: SCRIPT, at: fn.nameAt, message: `${fn.name} is not called from ${ENTRY} (line ${script.entry.line}), so its resource is never downloaded; call it there, or remove it` });
    }
  },
});
