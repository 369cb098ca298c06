// The docs site as the docs rules see it: the VitePress site, or where and why it cannot be read; a
// page's address; how a link that leads nowhere is described. Shared by every docs rule.
import type { RepoView, RuleContext } from '../../runner/context-api.js';
import type { LinkTarget } from '../../runner/docs/resolve-link.js';
import type { VitePressSite } from '../../runner/docs/site.js';
import type { Span } from '../../runner/types.js';

/** A site whose pages' folder is known: its pages, links and lists can be checked. */
export type KnownSite = VitePressSite & { srcDir: string };

/** Where a "cannot verify" finding about the whole site goes, and why. */
export interface SiteUnknown {
  path: string;
  at?: Span;
  reason: string;
}

/** The site, or why its pages cannot be told (no config, a config that cannot be read, srcDir computed). */
export async function docsSite(ctx: RepoView): Promise<{ site: KnownSite } | { unknown: SiteUnknown }> {
  const site = await ctx.vitepress();
  if (!site) return { unknown: { path: '.', reason: 'no VitePress config (.vitepress/config.js, .mjs, .ts or .mts) was found' } };
  if (site.srcDir !== undefined) return { site: site as KnownSite };
  if (!site.config) return { unknown: { path: site.configFile, reason: `${site.configFile} could not be read (its meta/parse-error says where)` } };
  // The config was read, but not the pages' folder: the site says why.
  const why = site.srcDirUnknown;
  return {
    unknown: why
      ? { path: why.file, at: why.at, reason: `the pages' folder is not known: ${why.reason}` }
      : { path: site.configFile, reason: `the pages' folder (srcDir) of ${site.configFile} is not known` },
  };
}

/**
 * The site of a rule that checks it, or undefined once the rule has said why it cannot (`noSite`,
 * "cannot verify", at the config or where the reason lies; `data` and the reason as its data).
 */
export async function siteOrCannotVerify(ctx: RuleContext<'noSite', unknown>, data: Record<string, string> = {}): Promise<KnownSite | undefined> {
  const outcome = await docsSite(ctx);
  if ('site' in outcome) return outcome.site;
  const { path, at, reason } = outcome.unknown;
  ctx.cannotVerify({ path, ...(at ? { at } : {}), messageId: 'noSite', data: { ...data, reason } });
  return undefined;
}

/** The address VitePress gives a page: `docs/src/wrapper/cli/start.md` → `/wrapper/cli/start`, `x/index.md` → `/x/`. */
export function pageUrl(site: KnownSite, page: string): string {
  const rel = site.srcDir === '' ? page : page.slice(site.srcDir.length + 1);
  const bare = rel.replace(/\.md$/, '');
  return `/${bare === 'index' ? '' : bare.replace(/(^|\/)index$/, '$1')}`;
}

/** The messages of a link that leads nowhere, shared by the rules that check links. */
export const MISSING_MESSAGES = {
  missingPage: '{{what}} "{{link}}" leads to no page: there is no {{expected}}; fix the link or create the page',
  missingFile: '{{what}} "{{link}}" names a file that does not exist: {{expected}}; fix the path or add the file',
  outsideSite: '{{what}} "{{link}}" leads out of the pages\' folder {{srcDir}} (to {{expected}}), where the site has nothing; link a page of the site, or the file\'s https:// address',
} as const;

export type MissingMessageId = keyof typeof MISSING_MESSAGES;

/** The finding for a link that resolved to nothing: a page, another file, or a place outside the site. */
export function describeMissing(site: KnownSite, target: Extract<LinkTarget, { kind: 'missing' }>, what: string, link: string): { messageId: MissingMessageId; data: Record<string, string> } {
  const inside = (p: string) => site.srcDir === '' || p.startsWith(`${site.srcDir}/`) || p === site.srcDir;
  if (target.tried.length > 0 && !target.tried.some(inside)) return { messageId: 'outsideSite', data: { what, link, srcDir: site.srcDir || '.', expected: target.tried[0] } };
  const pages = target.tried.filter((t) => t.endsWith('.md'));
  if (pages.length > 0) return { messageId: 'missingPage', data: { what, link, expected: pages.join(' or ') } };
  return { messageId: 'missingFile', data: { what, link, expected: target.tried.join(' or ') } };
}
