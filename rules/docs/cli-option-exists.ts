import { didYouMean } from '../../runner/errors.js';
import { defineRule } from '../../runner/types.js';
import { CLI_UNVERIFIED, cliComparison } from './_cross.js';
import { IMPLICIT_FLAGS, flagsOf } from './_wrapper-cli.js';

export default defineRule({
  description: 'Every flag in an options table of an action page is an option of that action in the wrapper (-h/--help implicit).',
  details:
    'The flags are those in code spans of a table row\'s first cell (`-e ENV`, `--env ENV`). A flag the wrapper revision checked does not define for the action is documentation ahead of that release, or a typo: it is reported at the table row. The wrapper is read at the revision this run checks, with the options its action classes inherit from their mixins.',
  kinds: ['docs'],
  reads: ['wrapper'],
  severity: 'error',
  messages: {
    unknownFlag: 'action "{{action}}" has no option {{flag}} in the wrapper ({{wrapper}}){{hint}}; this page ({{docs}}) is ahead of that wrapper revision, or it is a typo: document the flag once the wrapper has it',
    unresolvedBase: 'whether action "{{action}}" has option {{flag}} in the wrapper ({{wrapper}}), compared with {{docs}}: the action derives from {{bases}}, which the actions folder does not define',
    ...CLI_UNVERIFIED,
  },
  identity: ['action', 'flag'],
  parsers: ['python', 'markdown', 'typescript'],
  tags: ['cross-repo', 'cli'],
  async check(ctx) {
    const cmp = await cliComparison(ctx);
    if (!cmp) return;
    const { wrapper } = cmp;
    const { cli, docs, revisions } = cmp;
    for (const page of docs.pages) {
      const action = cli.actions.find((a) => a.name === page.action);
      if (!action) continue;
      const flags = new Set([...flagsOf(action).map((f) => f.flag), ...IMPLICIT_FLAGS]);
      const related = [{ repo: wrapper.info.name, path: action.file, at: action.at, label: `class ${action.className} in the wrapper` }];
      for (const { flag, at } of page.text.tableFlags) {
        if (flags.has(flag)) continue;
        const data = { flag, action: action.name, ...revisions };
        if (action.unresolvedBases.length) ctx.cannotVerify({ path: page.path, at, messageId: 'unresolvedBase', data: { ...data, bases: action.unresolvedBases.join(', ') } });
        else ctx.report({ path: page.path, at, messageId: 'unknownFlag', data: { ...data, hint: flag.startsWith('--') ? didYouMean(flag, [...flags].filter((f) => f.startsWith('--'))) : '' }, related });
      }
    }
  },
});
