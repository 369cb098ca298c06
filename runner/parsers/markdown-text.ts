// Small text helpers of the Markdown view: VitePress' heading slugs, link destinations as
// CommonMark decodes them, the frontmatter block, and attributes of raw HTML tags.

// VitePress (1.x) slugs headings with @mdit-vue/shared's slugify, through markdown-it-anchor.
const CONTROL = /[\u0000-\u001f]/g;
const SPECIAL = /[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g;
const COMBINING = /[\u0300-\u036F]/g;

/** The anchor VitePress gives a heading whose text is `text` (before making it unique in the page). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING, '')
    .replace(CONTROL, '')
    .replace(SPECIAL, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^(\d)/, '_$1')
    .toLowerCase();
}

/** markdown-it-anchor's rule for repeated slugs: `a`, `a-1`, `a-2`... */
export function uniqueSlug(slug: string, taken: Set<string>): string {
  let unique = slug;
  for (let i = 1; taken.has(unique); i++) unique = `${slug}-${i}`;
  taken.add(unique);
  return unique;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes `&amp;`, `&#35;`, `&#x23;` (other named entities are kept as written). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (m, body: string) => {
    if (body[0] !== '#') return NAMED_ENTITIES[body] ?? m;
    const n = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\ufffd';
  });
}

/** A link destination as written (`<a b>`, `a\_b`, `a&amp;b`) to the URL it names. */
export function decodeDestination(raw: string): string {
  const inner = raw.startsWith('<') && raw.endsWith('>') ? raw.slice(1, -1) : raw;
  return decodeEntities(inner.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
}

/** Label of a reference link as CommonMark matches it: case-folded, inner white space collapsed. */
export function normaliseLabel(label: string): string {
  return label.replace(/^\[|\]$/g, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The frontmatter block as VitePress (gray-matter) finds it: a first line `---`, up to the next
 * line `---`; without a closing line, the rest of the file. Offsets are [start, end) of the block
 * including its fences; `body` is where the YAML text lies.
 */
export function findFrontmatter(text: string): { end: number; body: [number, number]; closed: boolean } | undefined {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const close = /^---[ \t]*\r?$/m;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  if (!m) return { end: text.length, body: [open[0].length, text.length], closed: false };
  const bodyEnd = open[0].length + m.index;
  let end = bodyEnd + m[0].length;
  if (text[end] === '\n') end++;
  return { end, body: [open[0].length, bodyEnd], closed: true };
}

export interface HtmlAttribute {
  tag: string;
  name: string;
  value: string;
  /** Offsets of the value in the scanned text, quotes excluded. */
  from: number;
  to: number;
}

const TAG = /<([A-Za-z][\w:-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Attributes of the opening tags in a piece of raw HTML (a Markdown HTML block or inline tag). */
export function htmlAttributes(html: string, offset: number): HtmlAttribute[] {
  const out: HtmlAttribute[] = [];
  for (const tag of html.matchAll(TAG)) {
    const attrsStart = tag.index + 1 + tag[1].length;
    for (const a of tag[2].matchAll(ATTR)) {
      const value = a[2] ?? a[3] ?? a[4];
      if (value === undefined) continue;
      const quoted = a[2] !== undefined || a[3] !== undefined;
      const valueEnd = attrsStart + a.index + a[0].length - (quoted ? 1 : 0);
      out.push({ tag: tag[1], name: a[1].toLowerCase(), value: decodeEntities(value), from: offset + valueEnd - value.length, to: offset + valueEnd });
    }
  }
  return out;
}
