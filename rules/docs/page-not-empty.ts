import { defineRule } from '../../runner/types.js';
import { siteOrCannotVerify, pageUrl } from './_site.js';

export default defineRule({
  description: 'A page has content beyond its frontmatter and white space.',
  details:
    'An empty page is built and listed like any other, and readers who follow a link to it find a title and nothing else: usually a page created for the sidebar and never written, or emptied by a move. HTML comments and link definitions are not content; an `<!--@include: x-->` and a component (`<BlogList />`) are. A page whose frontmatter sets a `layout` other than `doc` (the home page\'s `layout: home` with its hero and features) gets its content from that layout.',
  kinds: ['docs'],
  severity: 'error',
  messages: {
    empty: 'page {{url}} has no content beyond its frontmatter and white space; write it, or remove it and the links to it',
    noSite: 'whether the pages have content: {{reason}}',
  },
  identity: ['url'],
  parsers: ['markdown'],
  tags: ['docs'],
  precision: 'very-high',
  async check(ctx) {
    const site = await siteOrCannotVerify(ctx);
    if (!site) return;
    for (const page of site.pages) {
      const md = await ctx.markdown(page);
      if (!md || md.hasContent) continue;
      if (md.frontmatter) {
        // Only a page without content pays for the YAML parser.
        const fm = await ctx.frontmatter(page);
        // An unreadable block is already a meta/parse-error there.
        if (!fm) continue;
        const layout = fm.fields.find((f) => f.key === 'layout')?.value;
        if (typeof layout === 'string' && layout !== 'doc') continue;
      }
      ctx.report({ path: page, at: { line: 1, column: 1 }, messageId: 'empty', data: { url: pageUrl(site, page) } });
    }
  },
});
