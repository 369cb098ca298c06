import { defineRule } from '../../runner/types.js';
import { didYouMean } from '../../runner/errors.js';
import { cliPlace, deadSidebarEntry } from './_cli-pages.js';
import { CLI_UNVERIFIED, cliComparison } from './_cross.js';

export default defineRule({
  description: 'Every action of the wrapper has its page under wrapper/cli/ and a sidebar entry; every page there names an action the wrapper has.',
  details:
    'The wrapper\'s actions are read from its Python source (classes of exegol/console/cli/actions/ with Command among their bases, never run), at the revision this run checks; the docs\' pages are docs/src/wrapper/cli/<action>.md, whose H1 `# `<action>` action` names the action. A missing page or sidebar entry is reported in the docs, where it is fixed; the wrapper\'s class is the related place.',
  kinds: ['docs'],
  reads: ['wrapper'],
  severity: 'error',
  messages: {
    noPage: 'action "{{action}}" of the wrapper ({{wrapper}}) has no page in {{docs}}; write {{page}} (H1 "# `{{action}}` action") and add it to the sidebar',
    noPageLinked: 'action "{{action}}" of the wrapper ({{wrapper}}) has no page in {{docs}}, though this sidebar entry leads to it; write {{page}} (H1 "# `{{action}}` action")',
    notInSidebar: '{{page}} (action "{{action}}" of the wrapper, {{wrapper}}) has no sidebar entry in {{docs}}; add one next to the other command-line actions',
    unknownAction: '{{page}} ({{docs}}) documents action "{{action}}", which the wrapper ({{wrapper}}) does not have{{hint}}; fix the name, or remove the page and its sidebar entry',
    ...CLI_UNVERIFIED,
  },
  identity: ['action', 'page'],
  parsers: ['python', 'markdown', 'typescript'],
  tags: ['cross-repo', 'cli'],
  async check(ctx) {
    const cmp = await cliComparison(ctx);
    if (!cmp) return;
    const { wrapper } = cmp;
    const { cli, docs, revisions } = cmp;
    const actions = new Map(cli.actions.map((a) => [a.name, a]));
    const place = cliPlace(docs) ?? { path: docs.site.configFile };
    const inSidebar = new Set(docs.sidebar.map((l) => l.page));
    const sidebarPlace = docs.sidebar[0] ? { path: docs.sidebar[0].file, at: docs.sidebar[0].at } : { path: docs.site.configFile };
    for (const action of cli.actions) {
      const related = [{ repo: wrapper.info.name, path: action.file, at: action.at, label: `class ${action.className} in the wrapper` }];
      const page = docs.pages.find((p) => p.action === action.name);
      if (!page) {
        const expected = `${docs.folder}/${action.name}.md`;
        const dead = deadSidebarEntry(docs, action.name);
        if (dead) ctx.report({ ...dead, messageId: 'noPageLinked', data: { action: action.name, page: expected, ...revisions }, related });
        else ctx.report({ ...place, messageId: 'noPage', data: { action: action.name, page: expected, ...revisions }, related });
        continue;
      }
      if (!inSidebar.has(page.path)) {
        ctx.report({ ...sidebarPlace, messageId: 'notInSidebar', data: { action: action.name, page: page.path, ...revisions }, related: [...related, { path: page.path, label: 'the page' }] });
      }
    }
    for (const page of docs.pages) {
      if (actions.has(page.action)) continue;
      const hint = didYouMean(page.action, actions.keys());
      ctx.report({ path: page.path, at: page.heading, messageId: 'unknownAction', data: { action: page.action, page: page.path, hint, ...revisions } });
    }
  },
});
