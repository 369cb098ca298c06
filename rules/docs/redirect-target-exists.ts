import { defineRule } from '../../runner/types.js';
import { describeMissing, siteOrCannotVerify } from './_site.js';

/** Where a VitePress site on Cloudflare Pages keeps its static redirects: at the root (copied at deploy time), or served from public/. */
const redirectFiles = (srcDir: string) => ['cloudflare_redirects', '_redirects', `${srcDir === '' ? '' : `${srcDir}/`}public/_redirects`];

export default defineRule({
  description: 'Every static redirect leads to a page or a file of the site.',
  details:
    'Redirects (`source destination [status]` lines of `cloudflare_redirects`, `_redirects`, or `public/_redirects` in the pages\' folder) keep old addresses working after a page moves. A destination is resolved like a link of the site (`/x` is `x.md` or `x/index.md`); an external destination is not checked. A destination that depends on the request (`:splat`, `:name`) is a "cannot verify" note. A line that is not `source destination [status]` is ignored by Cloudflare, so it is reported too.',
  kinds: ['docs'],
  severity: 'error',
  messages: {
    missingPage: 'redirect {{from}} leads to {{link}}, which is no page: there is no {{expected}}; point it at the page\'s current address, or remove it',
    missingFile: 'redirect {{from}} leads to {{link}}, a file that does not exist: {{expected}}; point it at an existing file, or remove it',
    outsideSite: 'redirect {{from}} leads to {{link}}, outside the pages\' folder {{srcDir}} (to {{expected}}), where the site has nothing; point it at a page of the site',
    malformed: 'Cloudflare ignores this redirect: {{problem}}',
    dynamic: 'where redirect {{from}} leads: its destination {{to}} depends on the address requested',
    noSite: 'whether the redirects lead to pages: {{reason}}',
  },
  identity: ['link', 'from', 'problem'],
  parsers: ['redirects'],
  tags: ['docs', 'links'],
  precision: 'very-high',
  async check(ctx) {
    const site = await siteOrCannotVerify(ctx);
    if (!site) return;
    for (const file of redirectFiles(site.srcDir)) {
      const parsed = await ctx.redirects(file);
      if (!parsed) continue;
      for (const p of parsed.problems) ctx.report({ path: file, at: { line: p.line, column: p.column }, messageId: 'malformed', data: { problem: p.message } });
      for (const r of parsed.redirects) {
        if (/(^|\/):[A-Za-z]|\*/.test(r.to)) {
          ctx.cannotVerify({ path: file, at: r.toAt, messageId: 'dynamic', data: { from: r.from, to: r.to } });
          continue;
        }
        const target = site.resolve(r.to);
        if (target.kind !== 'missing') continue;
        const { messageId, data } = describeMissing(site, target, 'redirect', r.to);
        ctx.report({ path: file, at: r.toAt, messageId, data: { ...data, from: r.from } });
      }
    }
  },
});
