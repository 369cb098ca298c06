// Everything a page links to, as the docs rules read it: Markdown links and images, raw HTML
// `href`/`src`, `link:` values of its frontmatter (a home page's hero actions and features), and the
// files it includes, each with where it is written; and every anchor a `#fragment` may name in it.
import path from 'node:path';
import type { RepoView } from '../../runner/context-api.js';
import { pageAnchors } from '../../runner/parsers/markdown.js';
import type { Span } from '../../runner/types.js';
import type { KnownSite } from './_site.js';

export interface PageLink {
  kind: 'link' | 'image' | 'html' | 'frontmatter';
  url: string;
  /** `href`, `src`... for raw HTML. */
  via?: string;
  at: Span;
}

export interface PageInclude {
  /** As written in `<!--@include: ...-->`. */
  written: string;
  /** The repo path it names; undefined when that is outside the repository. */
  path: string | undefined;
  at: Span;
}

export interface PageLinks {
  links: PageLink[];
  includes: PageInclude[];
}

/** How a link is named in messages. */
export const linkWhat = (l: PageLink): string => (l.kind === 'image' ? 'image' : l.kind === 'html' ? `${l.via ?? 'href'}` : l.kind === 'frontmatter' ? 'frontmatter link' : 'link');

/** The links and includes of a page; undefined when it could not be read or parsed (a meta/parse-error says why). */
export function pageLinks(ctx: RepoView, site: KnownSite, page: string): Promise<PageLinks | undefined> {
  return ctx.memo(`docs:links:${page}`, async () => {
    const md = await ctx.markdown(page);
    if (!md) return undefined;
    const links: PageLink[] = md.links.map((l) => ({ kind: l.kind, url: l.url, ...(l.via !== undefined && l.kind === 'html' ? { via: l.via } : {}), at: l.at }));
    if (md.frontmatter) links.push(...(await frontmatterLinks(ctx, page, md.frontmatter.span)));
    const includes = md.includes.map((i) => ({ written: i.path, path: includeTarget(site, page, i.path), at: i.at }));
    return { links, includes };
  });
}

/**
 * The file `<!--@include: x-->` names, as VitePress reads it: `@/x` from srcDir, anything else from the
 * page's folder; a `{from,to}` line range and a `#region` are not part of the path.
 */
export function includeTarget(site: KnownSite, page: string, written: string): string | undefined {
  let p = written.replace(/\{\d*,\d*\}$/, '').replace(/#[\w-]+$/, '');
  const fromSrc = p.startsWith('@');
  if (fromSrc) p = p.slice(p[1] === '/' ? 2 : 1);
  const joined = path.posix.normalize(path.posix.join(fromSrc ? site.srcDir : path.posix.dirname(page), p));
  return joined === '..' || joined.startsWith('../') ? undefined : joined;
}

const LINK_KEY = /(^|[\s{,-])link\s*:/;
/** Frontmatter values followed at most this deep (a home page nests three levels). */
const MAX_DEPTH = 8;
/** `link:` lines looked at for one value, from the last one matched. */
const LOOKAHEAD = 4;

/** String values of `link` keys in the frontmatter, each at the line that writes it. */
async function frontmatterLinks(ctx: RepoView, page: string, block: Span): Promise<PageLink[]> {
  const text = await ctx.read(page);
  if (!text) return [];
  const lines = text.split('\n').slice(0, block.endLine ?? block.line);
  // Only a block with a `link:` key costs the YAML parser.
  if (!lines.some((l) => LINK_KEY.test(l))) return [];
  const fm = await ctx.frontmatter(page);
  if (!fm) return [];
  const found: Array<{ url: string; keyAt: Span }> = [];
  const walk = (value: unknown, keyAt: Span, depth: number): void => {
    if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
    for (const [k, v] of Array.isArray(value) ? value.map((v) => ['', v] as const) : Object.entries(value)) {
      if (k === 'link' && typeof v === 'string') found.push({ url: v, keyAt });
      else walk(v, keyAt, depth + 1);
    }
  };
  for (const f of fm.fields) {
    if (f.key === 'link' && typeof f.value === 'string') found.push({ url: f.value, keyAt: f.at });
    else walk(f.value, f.at, 1);
  }
  // The YAML view places top-level keys only. Values are met in the order they are written, so each
  // is matched to the next `link:` line holding it (a few lines ahead at most: one pass, whatever the
  // block's size); one written otherwise (escaped, folded) is placed at its top-level key.
  const keyLines = lines.flatMap((l, i) => {
    const m = LINK_KEY.exec(l);
    return m && i > 0 ? [{ line: i + 1, text: l, from: m.index + m[0].length }] : [];
  });
  let next = 0;
  const links: PageLink[] = [];
  for (const { url, keyAt } of found) {
    while (next < keyLines.length && keyLines[next].line < keyAt.line) next++;
    const hit = keyLines.slice(next, next + LOOKAHEAD).findIndex((k) => k.text.includes(url, k.from));
    if (hit === -1) {
      links.push({ kind: 'frontmatter', url, at: keyAt });
      continue;
    }
    const k = keyLines[next + hit];
    const col = k.text.indexOf(url, k.from) + 1;
    links.push({ kind: 'frontmatter', url, at: { line: k.line, column: col, endLine: k.line, endColumn: col + url.length } });
    next += hit + 1;
  }
  return links;
}

/** Every anchor of a page, those of the files it includes too (VitePress inlines them). */
export function anchorsOf(ctx: RepoView, site: KnownSite, page: string): Promise<Set<string> | undefined> {
  return ctx.memo(`docs:anchors:${page}`, async () => {
    const md = await ctx.markdown(page);
    if (!md) return undefined;
    const anchors = pageAnchors(md);
    const seen = new Set([page]);
    const queue = md.includes.map((i) => includeTarget(site, page, i.path));
    while (queue.length > 0 && seen.size < 32) {
      const file = queue.shift();
      if (file === undefined || seen.has(file) || !file.endsWith('.md')) continue;
      seen.add(file);
      const inc = await ctx.markdown(file);
      if (!inc) continue;
      for (const a of pageAnchors(inc)) anchors.add(a);
      queue.push(...inc.includes.map((i) => includeTarget(site, file, i.path)));
    }
    return anchors;
  });
}
