import { defineRule } from '../../runner/types.js';
import { ENTRY, SCRIPT, resourcesScript } from './_resources.js';

export default defineRule({
  description: 'Every add_* function of update-resources.sh is called from add_resources.',
  details: 'The update workflow runs add_resources only: an add_* function it does not call never downloads its resource, and the resource silently goes stale.',
  kinds: ['resources'],
  severity: 'error',
  messages: {
    noEntry: 'no {{function}}() function; the update workflow runs it to download every resource: define it and call each add_* function from it',
    notCalled: `{{function}} is not called from ${ENTRY}, so its resource is never downloaded; call it there, or remove it`,
  },
  identity: ['function'],
  parsers: ['bash'],
  tags: ['resources-list'],
  precision: 'very-high',
  async check(ctx) {
    const script = await resourcesScript(ctx);
    if (!script) return;
    if (!script.entry) {
      ctx.report({ path: SCRIPT, messageId: 'noEntry', data: { function: ENTRY } });
      return;
    }
    const related = [{ path: SCRIPT, at: script.entry.nameAt, label: `the ${ENTRY} function` }];
    for (const fn of script.bash.functions) {
      if (!fn.name.startsWith('add_') || script.reachable.has(fn.name)) continue;
      ctx.report({ path: SCRIPT, at: fn.nameAt, messageId: 'notCalled', data: { function: fn.name, entryLine: script.entry.line }, related });
    }
  },
});
