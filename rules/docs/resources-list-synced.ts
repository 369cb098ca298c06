import { defineRule } from '../../runner/types.js';
import { LIST } from '../resources/_resources.js';
import { siteOrCannotVerify } from './_site.js';
import { revisionOf } from './_cross.js';

/** Where the docs publish their copy of the resources list, under the pages' folder. */
const COPY = 'public/exegol_resources/resources_list.csv';

const linesOf = (text: string) => text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');

export default defineRule({
  description: "The docs' public copy of the resources list equals the resources repo's resources_list.csv.",
  details:
    'The docs site serves public/exegol_resources/resources_list.csv, a copy of the list the resources repo commits; when the resources change and the copy is not refreshed, the site lists resources that are gone or misses new ones. The first differing row is reported in the docs, where the copy is refreshed; the resources repo\'s row is the related place.',
  kinds: ['docs'],
  reads: ['resources'],
  severity: 'error',
  messages: {
    differs: 'line {{line}} of {{copy}} ({{docs}}) is "{{copied}}" but the resources list of {{resources}} has "{{listed}}"; copy {{list}} of the resources repo over it',
    shorter: '{{copy}} ({{docs}}) ends at line {{line}}, but the resources list of {{resources}} goes on with "{{listed}}" ({{missing}} more line(s)); copy {{list}} of the resources repo over it',
    longer: '{{copy}} ({{docs}}) has {{extra}} line(s) more than the resources list of {{resources}}, from line {{line}} "{{copied}}"; copy {{list}} of the resources repo over it',
    noCopy: '{{docs}} has no copy of the resources list ({{copy}}): nothing to compare with {{resources}}',
    noList: 'whether {{copy}} ({{docs}}) is up to date: the resources repo {{resources}} has no {{list}}',
    noSite: 'whether the copy of the resources list in {{docs}} is up to date: {{reason}}',
  },
  identity: ['copy'],
  tags: ['cross-repo', 'resources-list'],
  async check(ctx) {
    const resources = ctx.repoOfKind('resources')!;
    const revisions = { docs: revisionOf(ctx.info), resources: revisionOf(resources.info), list: LIST };
    const site = await siteOrCannotVerify(ctx, revisions);
    if (!site) return;
    const copy = site.srcDir === '' ? COPY : `${site.srcDir}/${COPY}`;
    const data = { ...revisions, copy };
    const copied = await ctx.read(copy);
    if (copied === undefined) return ctx.note({ path: site.configFile, messageId: 'noCopy', data });
    const listed = await resources.read(LIST);
    if (listed === undefined) return ctx.cannotVerify({ path: copy, messageId: 'noList', data });
    const ours = linesOf(copied);
    const theirs = linesOf(listed);
    const n = Math.max(ours.length, theirs.length);
    for (let i = 0; i < n; i++) {
      if (ours[i] === theirs[i]) continue;
      const line = i + 1;
      const related = [{ repo: resources.info.name, path: LIST, at: { line: Math.min(line, theirs.length), column: 1 }, label: `${LIST} of the resources repo` }];
      if (i >= ours.length) ctx.report({ path: copy, at: { line: ours.length, column: 1 }, messageId: 'shorter', data: { ...data, line: ours.length, listed: theirs[i], missing: theirs.length - ours.length }, related });
      else if (i >= theirs.length) ctx.report({ path: copy, at: { line, column: 1 }, messageId: 'longer', data: { ...data, line, copied: ours[i], extra: ours.length - theirs.length }, related });
      else ctx.report({ path: copy, at: { line, column: 1 }, messageId: 'differs', data: { ...data, line, copied: ours[i], listed: theirs[i] }, related });
      return;
    }
  },
});
