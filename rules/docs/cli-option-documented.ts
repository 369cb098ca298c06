import { defineRule } from '../../runner/types.js';
import type { CliPage } from './_cli-pages.js';
import { CLI_UNVERIFIED, compareCli } from './_cross.js';
import type { CliAction, CliOption } from './_wrapper-cli.js';

const sameOption = (a: CliOption, b: CliOption) => a.definedIn === b.definedIn && a.attr === b.attr;

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
    const wrapper = ctx.repoOfKind('wrapper')!;
    const cmp = await compareCli(ctx, wrapper);
    if ('unverified' in cmp) return ctx.cannotVerify(cmp.unverified);
    cmp.notes.forEach((n) => ctx.cannotVerify(n));
    const { cli, docs, revisions } = cmp;
    const actionOf = new Map<string, CliAction>(cli.actions.map((a) => [a.name, a]));
    const pages = docs.pages.filter((p) => actionOf.has(p.action));
    const globals = new Map<string, CliOption>();
    for (const page of pages) {
      const action = actionOf.get(page.action)!;
      const delegates = page.links.map((l) => docs.pages.find((p) => p.path === l)!).filter((p) => actionOf.has(p.action) && p.action !== page.action);
      for (const option of action.options) {
        if (option.global) {
          globals.set(option.attr, option);
          continue;
        }
        for (const { flag } of option.flags) {
          if (page.text.flags.has(flag)) continue;
          const shared = delegates.some((d) => d.text.flags.has(flag) && actionOf.get(d.action)!.options.some((o) => sameOption(o, option)));
          if (shared) continue;
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
