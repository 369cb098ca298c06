import { defineRule } from '../../runner/types.js';
import { LIST_ROW_MESSAGES, rowProblems } from '../images/_list-row.js';
import { HEADER, SCRIPT, resourcesScript } from './_resources.js';

export default defineRule({
  description: 'Each literal add-to-list row has 3 columns: a name, an http(s):// link and a description without commas.',
  details: `The rows become ${'resources_list.csv'}, which the docs site publishes as a table. The header row "${HEADER}" is exempt.`,
  kinds: ['resources'],
  severity: 'error',
  messages: LIST_ROW_MESSAGES,
  identity: ['row'],
  parsers: ['bash'],
  tags: ['resources-list'],
  precision: 'very-high',
  async check(ctx) {
    const script = await resourcesScript(ctx);
    for (const cmd of script?.bash.commands ?? []) {
      if (cmd.name !== 'add-to-list' || (cmd.args.length === 1 && cmd.args[0].value === HEADER)) continue;
      for (const p of rowProblems(cmd)) ctx.report({ path: SCRIPT, at: p.at, messageId: p.messageId, data: p.data });
    }
  },
});
