import { defineRule } from '../../runner/types.js';
import { anchorsOf, linkWhat, pageLinks } from './_page-links.js';
import { MISSING_MESSAGES, describeMissing, siteOrCannotVerify, pageUrl } from './_site.js';

/** An anchor written with the heading's words or case (`#Options`, `#Command examples`) as VitePress slugs it. */
const closeTo = (anchor: string, anchors: ReadonlySet<string>): string | undefined => {
  const wanted = anchor.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return [...anchors].find((a) => a === wanted || a.replace(/^_/, '') === wanted);
};

export default defineRule({
  description: 'Links, images and HTML `href`/`src` of the pages lead to a page or a file of the site; anchors name a heading (warning).',
  details:
    'A link `/x` is read from the pages\' folder (srcDir), `x` and `./x` from the page\'s folder; `.md`, `.html`, `?query` are stripped and a trailing `/` means `index.md`, as VitePress resolves them. A link to a file (an image, a CSV list) names a file under srcDir or its `public/` folder. Links inside code blocks and inline code are not links. `<!--@include: x-->` must name a file. A `#anchor` must be one of the target page\'s heading anchors as VitePress makes them (lower case, dashes, `{#custom-id}`), or an HTML `id`: a missing one is a warning, since the page still opens.',
  kinds: ['docs'],
  severity: 'error',
  messages: {
    ...MISSING_MESSAGES,
    missingInclude: 'include "{{include}}" names a file that does not exist: {{expected}}; fix the path (relative to the page, or @/ for the pages\' folder)',
    includeOutside: 'include "{{include}}" leads out of the repository; include a file of the site',
    missingAnchor: '{{what}} "{{link}}": {{page}} has no heading or id "{{anchor}}"; link one of its headings (VitePress anchors are lower case with dashes) or give the heading {#{{anchor}}}',
    anchorCase: '{{what}} "{{link}}": {{page}} has no anchor "{{anchor}}", its heading\'s anchor is "{{closest}}" (VitePress anchors are lower case with dashes); link #{{closest}}',
    noSite: 'whether the pages\' links lead somewhere: {{reason}}',
  },
  identity: ['link', 'include'],
  parsers: ['markdown'],
  tags: ['docs', 'links'],
  precision: 'high',
  async check(ctx) {
    const site = await siteOrCannotVerify(ctx);
    if (!site) return;
    for (const page of site.pages) {
      const found = await pageLinks(ctx, site, page);
      if (!found) continue;
      for (const inc of found.includes) {
        if (inc.path === undefined) ctx.report({ path: page, at: inc.at, messageId: 'includeOutside', data: { include: inc.written } });
        else if (!(await ctx.exists(inc.path))) ctx.report({ path: page, at: inc.at, messageId: 'missingInclude', data: { include: inc.written, expected: inc.path } });
      }
      for (const link of found.links) {
        const target = site.resolve(link.url, page);
        const what = linkWhat(link);
        if (target.kind === 'missing') {
          const { messageId, data } = describeMissing(site, target, what, link.url);
          ctx.report({ path: page, at: link.at, messageId, data });
          continue;
        }
        const anchored = target.kind === 'self' ? { file: page, anchor: target.anchor } : target.kind === 'page' ? { file: target.path, anchor: target.anchor } : undefined;
        if (!anchored?.anchor) continue;
        const anchors = await anchorsOf(ctx, site, anchored.file);
        if (!anchors || anchors.has(anchored.anchor)) continue;
        const closest = closeTo(anchored.anchor, anchors);
        const data = { what, link: link.url, page: pageUrl(site, anchored.file), anchor: anchored.anchor };
        if (closest) ctx.warn({ path: page, at: link.at, messageId: 'anchorCase', data: { ...data, closest } });
        else ctx.warn({ path: page, at: link.at, messageId: 'missingAnchor', data });
      }
    }
  },
});
