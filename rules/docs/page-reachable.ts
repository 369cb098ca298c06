import { defineRule } from '../../runner/types.js';
import { pageLinks } from './_page-links.js';
import { siteOrCannotVerify, pageUrl } from './_site.js';

export default defineRule({
  description: 'Every page can be reached: from the nav or a sidebar, the home page, a theme glob, or through links of reachable pages.',
  details:
    'The pages reached first are the targets of the nav and sidebar links, the home page (`index.md` of the pages\' folder), `404.md`, and the pages the theme lists with `import.meta.glob` (how a blog index finds its posts); then every page a reached page links to or includes, transitively. A page nothing reaches is built and served, but readers only find it through search, and it usually is a page forgotten in the sidebar or left behind by a move. A glob only running the theme would tell is a "cannot verify" note at its line.',
  kinds: ['docs'],
  severity: 'error',
  messages: {
    unreachable: 'page {{url}} cannot be reached: no nav or sidebar link, home page, theme glob or link from a reachable page leads to it; add it to a sidebar in {{config}}, link it from a page, or remove it',
    unresolvedGlob: 'pages listed by the theme: {{reason}}; pages only such a glob lists are reported as unreachable',
    noSite: 'whether every page can be reached: {{reason}}',
  },
  identity: ['url', 'reason'],
  parsers: ['typescript', 'javascript', 'vue', 'markdown'],
  tags: ['docs', 'links'],
  precision: 'high',
  async check(ctx) {
    const site = await siteOrCannotVerify(ctx);
    if (!site) return;
    const configFiles = new Set(site.config?.files ?? [site.configFile]);
    for (const u of site.unresolved) {
      if (!configFiles.has(u.file)) ctx.cannotVerify({ path: u.file, at: u.at, messageId: 'unresolvedGlob', data: { reason: u.reason } });
    }
    const pages = new Set(site.pages);
    const reached = new Set<string>();
    const queue: string[] = [];
    const reach = (file: string | undefined) => {
      if (file !== undefined && pages.has(file) && !reached.has(file)) {
        reached.add(file);
        queue.push(file);
      }
    };
    const inSrc = (p: string) => (site.srcDir === '' ? p : `${site.srcDir}/${p}`);
    reach(inSrc('index.md'));
    reach(inSrc('404.md'));
    for (const l of site.config?.links ?? []) {
      const t = site.resolve(l.target);
      if (t.kind === 'page') reach(t.path);
    }
    for (const g of site.themeGlobs) g.matches.forEach(reach);
    while (queue.length > 0) {
      const page = queue.shift()!;
      const found = await pageLinks(ctx, site, page);
      if (!found) continue;
      for (const inc of found.includes) reach(inc.path);
      for (const link of found.links) {
        const t = site.resolve(link.url, page);
        if (t.kind === 'page') reach(t.path);
      }
    }
    for (const page of site.pages) {
      if (!reached.has(page)) ctx.report({ path: page, at: { line: 1, column: 1 }, messageId: 'unreachable', data: { url: pageUrl(site, page), config: site.configFile } });
    }
  },
});
