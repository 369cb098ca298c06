// The docs' command-line pages: `wrapper/cli/<action>.md` under the pages' folder, the action each
// names (its H1 `` # `<action>` action ``, else its file name), what it mentions, the other CLI
// pages it links (delegation: "same parameters as the start action"), and the sidebar links to them.
import type { RepoView } from '../../runner/context-api.js';
import type { ConfigLink } from '../../runner/docs/vitepress-config.js';
import type { KnownSite } from './_site.js';
import type { Span } from '../../runner/types.js';
import { readPageText, type PageText } from './_page-text.js';

/** The folder of the action pages, under the pages' folder (srcDir). */
export const CLI_PAGES = 'wrapper/cli';

export interface CliPage {
  path: string;
  /** The action the page documents. */
  action: string;
  /** The H1, when the page has one. */
  heading?: Span;
  /** The first heading about options ("Options", "Parameters"), when there is one. */
  optionsHeading?: Span;
  text: PageText;
  /** Other CLI pages it links, repo paths. */
  links: string[];
}

export interface DocsCli {
  site: KnownSite;
  /** Repo path of the folder (`docs/src/wrapper/cli`). */
  folder: string;
  pages: CliPage[];
  /** Sidebar links that lead to a page of the folder. */
  sidebar: Array<ConfigLink & { page: string }>;
  /** Sidebar links that lead to no page, with the files they were looked for as. */
  deadSidebar: Array<ConfigLink & { tried: string[] }>;
}

const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1).replace(/\.md$/, '');

export function docsCli(ctx: RepoView, site: KnownSite): Promise<DocsCli> {
  return ctx.memo('docs/cli-pages', async () => {
    const folder = site.srcDir === '' ? CLI_PAGES : `${site.srcDir}/${CLI_PAGES}`;
    const paths = site.pages.filter((p) => p.startsWith(`${folder}/`) && !p.slice(folder.length + 1).includes('/') && baseName(p) !== 'index');
    const pageSet = new Set(paths);
    const pages: CliPage[] = [];
    for (const path of paths) {
      const raw = (await ctx.read(path)) ?? '';
      const md = await ctx.markdown(path);
      const h1 = md?.headings.find((h) => h.level === 1);
      const named = h1 ? /`([^`\s]+)`/.exec(raw.split('\n')[h1.at.line - 1] ?? '')?.[1] : undefined;
      const links = new Set<string>();
      for (const l of md?.links ?? []) {
        if (l.kind !== 'link') continue;
        const target = site.resolve(l.url, path);
        if (target.kind === 'page' && target.path !== path && pageSet.has(target.path)) links.add(target.path);
      }
      const options = md?.headings.find((h) => h.level > 1 && /option|parameter/i.test(h.text));
      pages.push({ path, action: named ?? baseName(path), ...(h1 ? { heading: h1.at } : {}), ...(options ? { optionsHeading: options.at } : {}), text: readPageText(raw), links: [...links] });
    }
    const sidebar: DocsCli['sidebar'] = [];
    const deadSidebar: DocsCli['deadSidebar'] = [];
    for (const link of site.config?.links ?? []) {
      if (link.section !== 'sidebar') continue;
      const target = site.resolve(link.target);
      if (target.kind === 'page' && pageSet.has(target.path)) sidebar.push({ ...link, page: target.path });
      else if (target.kind === 'missing') deadSidebar.push({ ...link, tried: target.tried });
    }
    return { site, folder, pages, sidebar, deadSidebar };
  });
}

/** A sidebar entry that leads to the missing page of `action`: where its absence is felt. */
export function deadSidebarEntry(cli: DocsCli, action: string): { path: string; at?: Span } | undefined {
  const expected = `${cli.folder}/${action}.md`;
  const dead = cli.deadSidebar.find((l) => l.tried.includes(expected));
  return dead && { path: dead.file, at: dead.at };
}

/** Where a finding about the CLI pages as a whole goes: the first sidebar link to one, else the folder's first page. */
export function cliPlace(cli: DocsCli): { path: string; at?: Span } | undefined {
  const link = cli.sidebar[0];
  if (link) return { path: link.file, at: link.at };
  const page = cli.pages[0];
  return page && { path: page.path, ...(page.heading ? { at: page.heading } : {}) };
}
