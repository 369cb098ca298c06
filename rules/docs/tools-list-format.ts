import { isExternalLink } from '../../runner/docs/resolve-link.js';
import { defineRule } from '../../runner/types.js';
import { describeMissing, siteOrCannotVerify } from './_site.js';

/** Rows reported per list: a generator that writes one comma too many breaks every row alike. */
const MAX_ROWS = 5;

export default defineRule({
  description: 'The CSV lists of the site (tool lists, resources list) have a header, rows of its column count, and download links that lead to files (warning).',
  details:
    'The tool lists under `public/installed_tools/` are written by the images pipeline and shown by the tools page as tables, each release list linking the full list of its image as a download (`[download](</installed_tools/lists/x.csv>)`). A row with more or fewer fields than the header shifts its cells under the wrong columns, and a download link to a list that was never published is a 404. Every `.csv` file under the pages\' folder is checked. The first rows of a list with the wrong count are reported, then how many more there are. A download link is read from the site\'s root; a relative one depends on the page that shows the list, and is a "cannot verify" note.',
  kinds: ['docs'],
  severity: 'warning',
  messages: {
    noHeader: 'the list {{list}} is empty: it has no header row; regenerate it, or remove it and the links to it',
    columns: 'row "{{first}}" has {{columns}} fields where the header has {{expected}}; quote a field that holds a comma ("a, b"), or fix what generates the list',
    moreRows: '{{count}} more rows of {{list}} have a number of fields other than the header\'s {{expected}}',
    missingPage: 'download link "{{link}}" leads to no list: there is no {{expected}}; publish the list, or fix the link',
    missingFile: 'download link "{{link}}" leads to no list: there is no {{expected}}; publish the list, or fix the link',
    outsideSite: 'download link "{{link}}" leads out of the pages\' folder {{srcDir}} (to {{expected}}); link a list of the site',
    relativeDownload: 'where download link "{{link}}" leads: a relative link depends on the page that shows the list; write it from the site\'s root (/...)',
    noSite: 'whether the site\'s CSV lists are well formed: {{reason}}',
  },
  identity: ['list', 'first', 'link'],
  parsers: ['csv'],
  tags: ['docs'],
  precision: 'very-high',
  async check(ctx) {
    const site = await siteOrCannotVerify(ctx);
    if (!site) return;
    const lists = await ctx.glob(site.srcDir === '' ? '**/*.csv' : `${site.srcDir}/**/*.csv`);
    for (const list of lists) {
      const csv = await ctx.csv(list);
      if (!csv) continue;
      if (!csv.header) {
        ctx.warn({ path: list, at: { line: 1, column: 1 }, messageId: 'noHeader', data: { list } });
        continue;
      }
      const expected = csv.header.cells.length;
      const wrong = csv.rows.filter((r) => r.columns !== expected);
      for (const r of wrong.slice(0, MAX_ROWS)) ctx.warn({ path: list, at: { line: r.line, column: 1 }, messageId: 'columns', data: { first: r.first, columns: r.columns, expected } });
      if (wrong.length > MAX_ROWS) ctx.warn({ path: list, at: { line: wrong[MAX_ROWS].line, column: 1 }, messageId: 'moreRows', data: { count: wrong.length - MAX_ROWS, list, expected } });
      for (const link of csv.links) {
        if (isExternalLink(link.url)) continue;
        if (!link.url.startsWith('/')) {
          ctx.cannotVerify({ path: list, at: link.at, messageId: 'relativeDownload', data: { link: link.url } });
          continue;
        }
        const target = site.resolve(link.url);
        if (target.kind !== 'missing') continue;
        const { messageId, data } = describeMissing(site, target, 'download link', link.url);
        ctx.warn({ path: list, at: link.at, messageId, data });
      }
    }
  },
});
