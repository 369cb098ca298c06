import { defineRule } from '../../runner/types.js';
import type { CliPage } from './_cli-pages.js';
import { CLI_UNVERIFIED, cliComparison } from './_cross.js';
import type { CliAction, CliOption } from './_wrapper-cli.js';

/** Two actions share an option when both get the same attribute of the same class. */
const optionKey = (o: CliOption) => `${o.definedIn}\0${o.attr}`;

/** Where an option goes on a page: its options heading, else its H1. */
const optionsPlace = (page: CliPage) => ({ path: page.path, at: page.optionsHeading ?? page.heading });

export default defineRule({
  description: 'Every flag of a wrapper action (its own and those of its mixins) is mentioned on the action\'s page, or on the page of an action it links that shares the option.',
  details:
    'Mentioned: the flag as a whole token anywhere on the page (prose, tables, code), outside HTML comments. A page that links another action\'s page ("same parameters as the start action") takes over that page\'s mentions for the options both actions share. The options of the base class Command are every action\'s: mentioned on any command-line page is enough. The wrapper is read at the revision this run checks.',
  kinds: ['docs'],
  reads: ['wrapper'],
  severity: 'warning',
  messages: {
    notMentioned: '{{flag}} of action "{{action}}" in the wrapper ({{wrapper}}) is not mentioned on {{page}} ({{docs}}); add it to the page\'s options, or link the page of an action that shares it',
    globalNotMentioned: '{{flag}}, an option of every action (class Command of the wrapper, {{wrapper}}), is mentioned on no command-line page of {{docs}}; document it once, e.g. in a table of global options',
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
    const actionOf = new Map<string, CliAction>(cli.actions.map((a) => [a.name, a]));
    const optionKeys = new Map([...actionOf].map(([name, a]) => [name, new Set(a.options.map(optionKey))]));
    const pageOf = new Map(docs.pages.map((p) => [p.path, p]));
    const pages = docs.pages.filter((p) => actionOf.has(p.action));
    const globals = new Map<string, CliOption>();
    for (const page of pages) {
      const action = actionOf.get(page.action)!;
      // The flags this page's links take over: mentioned on a linked action page, of an option both actions have.
      const delegated = new Set<string>();
      const linked = new Set(page.links.map((l) => pageOf.get(l)!).filter((p) => actionOf.has(p.action) && p.action !== page.action));
      for (const other of linked) {
        const shared = optionKeys.get(page.action)!;
        for (const o of actionOf.get(other.action)!.options) if (shared.has(optionKey(o))) for (const f of o.flags) if (other.text.flags.has(f.flag)) delegated.add(f.flag);
      }
      for (const option of action.options) {
        if (option.global) {
          globals.set(option.attr, option);
          continue;
        }
        for (const { flag } of option.flags) {
          if (page.text.flags.has(flag) || delegated.has(flag)) continue;
          ctx.report({
            ...optionsPlace(page),
            messageId: 'notMentioned',
            data: { flag, action: action.name, page: page.path, ...revisions },
            related: [{ repo: wrapper.info.name, path: option.file, at: option.at, label: `defined in class ${option.definedIn}` }],
          });
        }
      }
    }
    const first = [...pages].sort((a, b) => (a.path < b.path ? -1 : 1))[0];
    if (!first) return;
    for (const option of globals.values()) {
      for (const { flag } of option.flags) {
        if (pages.some((p) => p.text.flags.has(flag))) continue;
        ctx.report({
          ...optionsPlace(first),
          messageId: 'globalNotMentioned',
          data: { flag, action: '*', ...revisions },
          related: [{ repo: wrapper.info.name, path: option.file, at: option.at, label: `defined in class ${option.definedIn}` }],
        });
      }
    }
  },
});
