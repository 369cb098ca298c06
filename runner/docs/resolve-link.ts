// Which file a link of a VitePress site names, as VitePress resolves it (its dead-link check and
// link normalisation): `/x` from srcDir, `x` and `./x` from the page's folder (from srcDir for the
// config's nav and sidebar links), `.md`/`.html`, `?query` and `#anchor` stripped, a trailing `/`
// meaning `index.md`. A link to a known asset type names a file under srcDir or its `public/`.
// cleanUrls changes the URL shown, not the file a link names: both `/x` and `/x.html` name `x.md`.
import path from 'node:path';

export type LinkTarget =
  /** A scheme (`https:`, `mailto:`) or `//host`: not a file of the site. */
  | { kind: 'external' }
  /** `#anchor` (or an empty link): this same page. */
  | { kind: 'self'; anchor: string }
  /** A page; `viaIndex` when `/x` was found as `x/index.md`. */
  | { kind: 'page'; path: string; anchor?: string; viaIndex: boolean }
  /** A file that is not a page (image, CSV, HTML kept as is under public/). */
  | { kind: 'asset'; path: string }
  | { kind: 'missing'; tried: string[]; anchor?: string }
  /** The link cannot be checked here (the site's srcDir is not known). */
  | { kind: 'unknown'; reason: string };

export interface LinkSite {
  /** Repo path of the pages' folder (`docs/src`), '' for the repo root. */
  srcDir: string;
  /** Every file of the repo, repo-relative. */
  files: ReadonlySet<string>;
}

const EXTERNAL = /^(?:[a-z]+:|\/\/)/i;

/** A link with a scheme (`https:`, `mailto:`) or to another host (`//x`): not a file of the site. */
export const isExternalLink = (link: string): boolean => EXTERNAL.test(link.trim());

// VitePress treats a link whose extension is one of these as a file, not a page.
const ASSET_EXTENSIONS = new Set(
  ('3g2,3gp,aac,ai,apng,au,avif,bin,bmp,cer,class,conf,crl,css,csv,dll,doc,eps,epub,exe,gif,gz,ics,ief,jar,jpe,jpeg,jpg,js,json,jsonld,m4a,' +
    'man,mid,midi,mjs,mov,mp2,mp3,mp4,mpe,mpeg,mpg,mpp,oga,ogg,ogv,ogx,opus,otf,p10,p7c,p7m,p7s,pdf,png,ps,qt,roff,rtf,rtx,ser,svg,t,tif,' +
    'tiff,tr,ts,tsv,ttf,txt,vtt,wav,weba,webm,webp,woff,woff2,xhtml,xml,yaml,yml,zip').split(','),
);

function decode(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A `.` or `..` segment, an empty one, or a leading `/`: what `path.posix.normalize` or `join` would change. */
const NOT_PLAIN = /(?:^|\/)\.\.?(?:\/|$)|\/\/|^\//;

/** `path.posix.normalize(path.posix.join(dir, rel))`, without either for the common case (nothing to normalise). */
export function joinPath(dir: string, rel: string): string {
  // A trailing `/` of `rel` is kept either way.
  if (NOT_PLAIN.test(rel) || NOT_PLAIN.test(dir) || dir.endsWith('/')) return path.posix.normalize(path.posix.join(dir, rel));
  if (dir === '') return rel === '' ? '.' : rel;
  return rel === '' ? dir : `${dir}/${rel}`;
}

/** `s` without its query: from the first `?` after the last line terminator (as `/\?.*$/` strips it). */
export function withoutQuery(s: string): string {
  let start = 0;
  for (let i = s.length - 1; i >= 0 && start === 0; i--) {
    const c = s.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) start = i + 1;
  }
  const q = s.indexOf('?', start);
  return q === -1 ? s : s.slice(0, q);
}

/** The extension after the last `.` of the last segment, lower-cased; undefined when there is none. */
export function extensionOf(p: string): string | undefined {
  const dot = p.lastIndexOf('.');
  if (dot === -1 || dot === p.length - 1 || p.indexOf('/', dot) !== -1) return undefined;
  return p.slice(dot + 1).toLowerCase();
}

/**
 * The file `link` names on the site.
 * @param from repo path of the page the link is written in; undefined for the config's nav and sidebar
 */
export function resolveLink(link: string, from: string | undefined, site: LinkSite): LinkTarget {
  const trimmed = link.trim();
  if (isExternalLink(trimmed)) return { kind: 'external' };
  const hashAt = trimmed.indexOf('#');
  const anchor = hashAt === -1 ? undefined : decode(trimmed.slice(hashAt + 1));
  const pathPart = withoutQuery(hashAt === -1 ? trimmed : trimmed.slice(0, hashAt));
  if (pathPart === '') return { kind: 'self', anchor: anchor ?? '' };
  const decoded = decode(pathPart);
  const dir = decoded.startsWith('/') || from === undefined ? site.srcDir : path.posix.dirname(from);
  let joined = joinPath(dir, decoded.replace(/^\/+/, ''));
  if (joined === '.' || joined === './') joined = '';
  // A link may not climb above the pages' folder (the site has nothing there).
  const inside = site.srcDir === '' ? !joined.startsWith('../') && joined !== '..' : joined === site.srcDir || joined.startsWith(`${site.srcDir}/`);
  const withAnchor = anchor === undefined ? {} : { anchor };
  if (!inside) return { kind: 'missing', tried: [joined], ...withAnchor };
  const rel = site.srcDir === '' ? joined : joined.slice(site.srcDir.length + 1);
  const inSrc = (p: string) => (site.srcDir === '' ? p : `${site.srcDir}/${p}`);
  const publicFile = (p: string) => inSrc(`public/${p}`);

  const ext = extensionOf(decoded);
  if (ext !== undefined && ASSET_EXTENSIONS.has(ext)) {
    // Vite serves `/x` from public/ first, then from the root; a relative link only from its folder.
    const tried = decoded.startsWith('/') ? [publicFile(rel), joined] : [joined];
    const hit = tried.find((t) => site.files.has(t));
    return hit ? { kind: 'asset', path: hit } : { kind: 'missing', tried, ...withAnchor };
  }
  const folder = rel === '' || rel.endsWith('/');
  const page = folder ? `${rel}index` : rel.replace(/\.(md|html)$/i, '');
  const candidates: Array<[string, boolean]> = [[inSrc(`${page}.md`), false]];
  if (!folder) candidates.push([inSrc(`${page}/index.md`), true]);
  for (const [file, viaIndex] of candidates) if (site.files.has(file)) return { kind: 'page', path: file, viaIndex, ...withAnchor };
  // A page VitePress does not build but serves from public/ as is.
  const html = publicFile(`${page}.html`);
  if (site.files.has(html)) return { kind: 'asset', path: html };
  return { kind: 'missing', tried: [...candidates.map(([f]) => f), html], ...withAnchor };
}
