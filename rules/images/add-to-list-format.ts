import { defineRule } from '../../runner/types.js';
import { installScripts } from './_images.js';
import { LIST_ROW_MESSAGES, rowProblems } from './_list-row.js';

export default defineRule({
  description: 'Each literal add-to-list row has 3 columns: a name, an http(s):// link and a description without commas.',
  details: 'The rows become the installed tools CSV the docs publish. A fourth column (a comma in the description) or a missing link breaks that table. Rows built from variables are checked at build time, not here.',
  kinds: ['images'],
  severity: 'error',
  messages: LIST_ROW_MESSAGES,
  identity: ['row'],
  parsers: ['bash'],
  tags: ['tools-list'],
  precision: 'very-high',
  async check(ctx) {
    for (const s of await installScripts(ctx)) {
      for (const cmd of s.bash.commands) {
        if (cmd.name !== 'add-to-list') continue;
        for (const p of rowProblems(cmd)) ctx.report({ path: s.path, at: p.at, messageId: p.messageId, data: p.data });
      }
    }
  },
});
