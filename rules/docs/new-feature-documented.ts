import type { RepoView } from '../../runner/context-api.js';
import { defineRule, type Span } from '../../runner/types.js';
import { cliPlace, deadSidebarEntry, type DocsCli } from './_cli-pages.js';
import { CLI_UNVERIFIED, cliComparison } from './_cross.js';
import { newFeatures } from './_new-features.js';
import { FLAG_TOKEN, codeSpans, readPageText, type PageText } from './_page-text.js';
import { flagsOf, type WrapperCli } from './_wrapper-cli.js';

const README = 'README.md';

/** Flags written anywhere on the docs site's pages. */
function siteFlags(docs: RepoView, cli: DocsCli): Promise<Set<string>> {
  return docs.memo('docs/site-flags', async () => {
    const flags = new Set<string>();
    for (const page of cli.site.pages) for (const f of readPageText((await docs.read(page)) ?? '').flags) flags.add(f);
    return flags;
  });
}

/** The README's first line that names an action (as a command or in code) or a flag; undefined when none does. */
function readmeCliLine(readme: PageText, cli: WrapperCli): number | undefined {
  const actions = new Set(cli.actions.map((a) => a.name).filter((a) => readme.commandWords.has(a)));
  const flags = new Set(cli.actions.flatMap((a) => flagsOf(a).map((f) => f.flag)).filter((f) => readme.flags.has(f)));
  if (actions.size === 0 && flags.size === 0) return undefined;
  const index = readme.text.split('\n').findIndex((line) => {
    const named = [...line.matchAll(/\bexegol\s+([a-z][\w-]*)/g)].map((m) => m[1]).concat(codeSpans(line).map((c) => c.text.trim()));
    return named.some((w) => actions.has(w)) || (line.match(FLAG_TOKEN) ?? []).some((f) => flags.has(f));
  });
  return index === -1 ? 1 : index + 1;
}

export default defineRule({
  description: 'Actions and flags the wrapper added since its previous release are documented: in the docs, and in the README when it presents the command line.',
  details:
    'The previous release is the highest release tag that is a strict ancestor of the checked wrapper commit; both command lines are read from git objects or the work tree (parsed, never run). A new action needs its page under wrapper/cli/; a new flag must be mentioned somewhere in the docs pages. When the wrapper\'s README names at least one action (as `exegol <action>` or in code) or flag, each new action and each new flag of an older action must be in it too. Findings land where the fix goes: the docs page or sidebar, or the wrapper\'s README.',
  kinds: ['docs'],
  reads: ['wrapper'],
  severity: 'warning',
  messages: {
    actionUndocumented: 'action "{{action}}" is new in the wrapper ({{wrapper}}) since {{release}} and has no page in {{docs}}; write {{page}} and add it to the sidebar',
    flagUndocumented: '{{flag}} of action "{{action}}" is new in the wrapper ({{wrapper}}) since {{release}} and is mentioned on no page of {{docs}}; document it on {{page}}',
    actionNotInReadme: 'action "{{action}}" is new in {{wrapper}} since {{release}}, and this README, which presents other actions and flags, does not name it (as "exegol {{action}}"); add it (the docs, {{docs}}, were compared too)',
    flagNotInReadme: '{{flag}} ({{actions}}) is new in {{wrapper}} since {{release}}, and this README, which presents other actions and flags, does not mention it; add it (the docs, {{docs}}, were compared too)',
    noGit: 'which actions and flags of the wrapper ({{wrapper}}) are new, compared with {{docs}}: {{reason}}',
    noPrevious: 'which actions and flags of the wrapper ({{wrapper}}) are new, compared with {{docs}}: its previous release is not known: {{reason}}',
    releasesIncomplete: 'whether {{release}} is the previous release of the wrapper ({{wrapper}}), compared with {{docs}}: {{reason}}',
    noCliAtRelease: 'which actions and flags of the wrapper ({{wrapper}}) are new since {{release}}, compared with {{docs}}: {{release}} {{reason}}',
    ...CLI_UNVERIFIED,
  },
  identity: ['action', 'flag'],
  parsers: ['python', 'markdown', 'typescript'],
  tags: ['cross-repo', 'cli', 'release'],
  async check(ctx) {
    const cmp = await cliComparison(ctx);
    if (!cmp) return;
    const { wrapper } = cmp;
    const { cli, docs, revisions } = cmp;
    const found = await newFeatures(wrapper, cli);
    if ('unknown' in found) return ctx.cannotVerify({ path: '.', messageId: found.unknown, data: { ...revisions, reason: found.reason, release: found.release ?? '' } });
    const { features } = found;
    if (found.missing) ctx.cannotVerify({ path: '.', messageId: 'releasesIncomplete', data: { ...revisions, release: features.release, reason: found.missing } });
    const release = features.release;
    const place = cliPlace(docs) ?? { path: docs.site.configFile };
    const wrapperPlace = (o: { file: string; at: Span }, label: string) => [{ repo: wrapper.info.name, path: o.file, at: o.at, label }];

    for (const action of features.actions) {
      if (docs.pages.some((p) => p.action === action.name)) continue;
      const data = { action: action.name, page: `${docs.folder}/${action.name}.md`, release, ...revisions };
      ctx.report({ ...(deadSidebarEntry(docs, action.name) ?? place), messageId: 'actionUndocumented', data, related: wrapperPlace(action, `class ${action.className} in the wrapper`) });
    }
    const mentioned = features.flags.length ? await siteFlags(ctx, docs) : new Set<string>();
    for (const { action, flag, option } of features.flags) {
      if (mentioned.has(flag)) continue;
      const page = docs.pages.find((p) => p.action === action.name);
      const at = page ? { path: page.path, at: page.optionsHeading ?? page.heading } : place;
      const data = { action: option.global ? '*' : action.name, flag, page: page?.path ?? `${docs.folder}/${action.name}.md`, release, ...revisions };
      ctx.report({ ...at, messageId: 'flagUndocumented', data, related: wrapperPlace(option, `defined in class ${option.definedIn}`) });
    }

    const readmeText = await wrapper.read(README);
    if (readmeText === undefined) return;
    const readme = readPageText(readmeText);
    const line = readmeCliLine(readme, cli);
    if (line === undefined) return;
    const at = { line, column: 1 };
    for (const action of features.actions) {
      if (readme.commandWords.has(action.name)) continue;
      ctx.report({ repo: wrapper.info.name, path: README, at, messageId: 'actionNotInReadme', data: { action: action.name, release, ...revisions }, related: wrapperPlace(action, `class ${action.className}`) });
    }
    // A flag of a mixin is new for every action that inherits it: said once, naming them all.
    const byFlag = new Map<string, typeof features.flags>();
    for (const f of features.flags) if (!readme.flags.has(f.flag)) byFlag.get(f.flag)?.push(f) ?? byFlag.set(f.flag, [f]);
    for (const [flag, [{ action, option }, ...more]] of byFlag) {
      const names = [action, ...more.map((m) => m.action)].map((a) => `"${a.name}"`);
      const actions = option.global ? 'every action' : names.length === 1 ? `action ${names[0]}` : `actions ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
      const data = { action: option.global ? '*' : action.name, actions, flag, release, ...revisions };
      ctx.report({ repo: wrapper.info.name, path: README, at, messageId: 'flagNotInReadme', data, related: wrapperPlace(option, `defined in class ${option.definedIn}`) });
    }
  },
});
