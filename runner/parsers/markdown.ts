// Markdown pages of a VitePress site through @lezer/markdown (GFM tables, task lists, strikethrough): every node has its offsets, so
// each link, image and raw HTML `href`/`src` gets a line and a column, and code (fenced, indented,
// inline) is told apart from links by the parser, not by a pattern. The frontmatter block is located
// here and parsed on demand (`frontmatter.ts`): YAML costs more to load than the whole page view.
import type { SyntaxNode, SyntaxNodeRef, Tree } from '@lezer/common';
import type { MarkdownConfig } from '@lezer/markdown';
import { LineIndex, type ParseOutcome } from './parse-outcome.js';
import { decodeDestination, decodeEntities, findFrontmatter, htmlAttributes, normaliseLabel, slugify, uniqueSlug } from './markdown-text.js';
import type { Span } from '../types.js';

export interface MarkdownLink {
  /** `link` and `image` are Markdown syntax (inline or by reference); `html` an attribute of a raw tag. */
  kind: 'link' | 'image' | 'html';
  /** The destination, decoded as VitePress reads it (`<a b>` → `a b`, `\_` → `_`, `&amp;` → `&`). */
  url: string;
  /** `href`, `src`... for raw HTML; the reference label for `[text][label]`. */
  via?: string;
  /** Where the destination is written (for a reference link: where the link is used). */
  at: Span;
}

export interface MarkdownHeading {
  level: number;
  /** The text VitePress slugs: marks, tags, images and link targets left out. */
  text: string;
  /** The anchor VitePress gives it: a custom `{#id}`, else its slug, made unique in the page. */
  slug: string;
  customId: boolean;
  at: Span;
}

export interface MarkdownPage {
  frontmatter?: { span: Span; closed: boolean };
  headings: MarkdownHeading[];
  /** `id` (and `<a name>`) attributes of raw HTML: anchors too. */
  htmlIds: Array<{ id: string; at: Span }>;
  /** Links, images and raw HTML `href`/`src` outside code, in document order. */
  links: MarkdownLink[];
  /** `<!--@include: path-->` directives (VitePress inlines the file there). */
  includes: Array<{ path: string; at: Span }>;
  /** Whether anything but frontmatter, white space, HTML comments and link definitions is there. */
  hasContent: boolean;
}

/** Every anchor a `#fragment` may name in the page. */
export function pageAnchors(page: MarkdownPage): Set<string> {
  return new Set([...page.headings.map((h) => h.slug), ...page.htmlIds.map((i) => i.id)]);
}

const HEADING = /^(?:ATXHeading|SetextHeading)([1-6])$/;
/** Parts of a heading that are not its text. */
const NOT_TEXT = new Set(['HeaderMark', 'EmphasisMark', 'StrikethroughMark', 'CodeMark', 'LinkMark', 'URL', 'LinkTitle', 'LinkLabel', 'HTMLTag', 'Comment', 'Image', 'TaskMarker']);
const INCLUDE = /<!--\s*@include:\s*(.*?)\s*-->/g;
/**
 * markdown-it-emoji turns `:name:` shortcodes into emoji, which are not heading text. Its full list
 * is not at hand; every shortcode in it has this shape, and so does little else in a heading.
 */
const EMOJI_SHORTCODE = /:[a-z0-9_+-]+:/g;
const withoutEmoji = (s: string) => s.replace(EMOJI_SHORTCODE, '');

/** Pages larger than this are not parsed: real pages are a few tens of kilobytes. */
export const MAX_PAGE_CHARS = 1_000_000;
/**
 * Link brackets in one block (lines without a blank line between them) beyond which the page is not
 * parsed: resolving brackets takes time quadratic in their number (200 KB of `[a](` lines: seconds).
 * Real blocks have a few dozen.
 */
export const MAX_BRACKETS_PER_BLOCK = 5_000;

/** Whether text[from, to) is a blank line: spaces and tabs, a carriage return at its end. */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && !(c === 13 && i === to - 1)) return false;
  }
  return true;
}

/** Where a page is too large, or too bracket-heavy, to be parsed in bounded time. One pass. */
function tooCostly(text: string): { line: number; column: number; message: string } | undefined {
  if (text.length > MAX_PAGE_CHARS) return { line: 1, column: 1, message: `the page is larger than ${MAX_PAGE_CHARS / 1_000_000} MB of text; not parsed` };
  let line = 1;
  let count = 0;
  let bracket = text.indexOf('[');
  for (let i = 0; i < text.length; line++) {
    let end = text.indexOf('\n', i);
    if (end === -1) end = text.length;
    if (bracket === -1 || bracket >= end) {
      if (isBlank(text, i, end)) count = 0;
    } else {
      for (; bracket !== -1 && bracket < end; bracket = text.indexOf('[', bracket + 1)) {
        if (++count > MAX_BRACKETS_PER_BLOCK) return { line, column: 1, message: `a block with more than ${MAX_BRACKETS_PER_BLOCK} \`[\` ends here; the page is not parsed (its links would take minutes to resolve)` };
      }
    }
    i = end + 1;
  }
  return undefined;
}

/** The characters at which an inline parser of the configuration below may start something. */
const INLINE_START = new Uint8Array(128);
for (const c of '\\&`<*_[!]~') INLINE_START[c.charCodeAt(0)] = 1;
const SPACE = 32;
const NEWLINE = 10;

/**
 * Skips a run of plain text in one step instead of trying every inline parser at each of its
 * characters (most of a page is prose). It stops where one of them may start: a character above,
 * or spaces before a line break (a hard break). The tree is the same as without it.
 */
export const SkipPlainText: MarkdownConfig = {
  parseInline: [
    {
      name: 'SkipPlainText',
      before: 'Escape',
      parse(cx, next, start) {
        let pos = start;
        for (let c = next; pos < cx.end; c = cx.char(pos)) {
          if (c < 128 && INLINE_START[c] === 1) break;
          if (c === SPACE) {
            let after = pos + 1;
            while (cx.char(after) === SPACE) after++;
            if (cx.char(after) === NEWLINE) break;
            pos = after;
          } else pos++;
        }
        return pos === start ? -1 : pos;
      },
    },
  ],
};

export async function load(): Promise<(text: string) => ParseOutcome<MarkdownPage>> {
  const { parser, Table, TaskList, Strikethrough } = await import('@lezer/markdown');
  // GFM without its autolink extension: VitePress (markdown-it) finds links before it autolinks the
  // addresses left in the text, and keeps an address in a heading's text (its anchor); the extension
  // would take `https://x.com/[a](b)` as one address, and leave it out of the heading's anchor.
  const md = parser.configure([Table, TaskList, Strikethrough, SkipPlainText]);
  return (original) => {
    const costly = tooCostly(original);
    if (costly) return { ok: false, error: costly };
    const fm = findFrontmatter(original);
    // Blank the frontmatter (newlines kept) so the parser does not read it as Markdown and every
    // offset stays an offset in the file.
    const text = fm ? original.slice(0, fm.end).replace(/[^\n]/g, ' ') + original.slice(fm.end) : original;
    const reader = new PageReader(text, md.parse(text));
    if (fm) reader.page.frontmatter = { span: reader.spanOf(0, fm.end), closed: fm.closed };
    reader.read();
    return { ok: true, value: reader.page };
  };
}

/**
 * The destination of an inline link or image: the URL after its `](`. (The link text may hold a URL
 * of its own: GFM autolinks an address written as the text, as in `[a@b.c](mailto:a@b.c)`.)
 */
function destination(n: SyntaxNode, text: string): SyntaxNode | undefined {
  for (let c = n.firstChild; c; c = c.nextSibling) {
    if (c.name === 'LinkMark' && text.slice(c.from, c.to) === '(') return c.nextSibling?.name === 'URL' ? c.nextSibling : undefined;
  }
  return undefined;
}

class PageReader {
  readonly page: MarkdownPage = { headings: [], htmlIds: [], links: [], includes: [], hasContent: false };
  private readonly lines: LineIndex;
  private readonly definitions = new Map<string, string>();
  private readonly slugs = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly tree: Tree,
  ) {
    this.lines = new LineIndex(text);
  }

  spanOf(from: number, to: number): Span {
    const a = this.lines.position(from);
    const b = this.lines.position(to);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  private src(n: { from: number; to: number }): string {
    return this.text.slice(n.from, n.to);
  }

  read(): void {
    if (this.text.includes(']:')) this.readDefinitions();
    this.tree.iterate({ enter: (n) => this.enter(n) });
    for (let c = this.tree.topNode.firstChild; c && !this.page.hasContent; c = c.nextSibling) {
      if (c.name !== 'CommentBlock' && c.name !== 'LinkReference') this.page.hasContent = true;
    }
    // VitePress expands includes on the raw text, before Markdown is parsed (even inside code).
    for (const m of this.text.matchAll(INCLUDE)) {
      if (!m[1]) continue;
      const start = m.index + m[0].indexOf(m[1], 4);
      this.page.includes.push({ path: m[1], at: this.spanOf(start, start + m[1].length) });
      this.page.hasContent = true;
    }
  }

  /** `[label]: url` definitions, first one wins (CommonMark). */
  private readDefinitions(): void {
    this.tree.iterate({
      enter: (n) => {
        if (n.name !== 'LinkReference') return undefined;
        const label = n.node.getChild('LinkLabel');
        const url = n.node.getChild('URL');
        const key = label && normaliseLabel(this.src(label));
        if (key && url && !this.definitions.has(key)) this.definitions.set(key, decodeDestination(this.src(url)));
        return false;
      },
    });
  }

  /** One node of the walk; `false` skips its children (code, comments, raw HTML). */
  private enter(n: SyntaxNodeRef): false | undefined {
    switch (n.name) {
      case 'FencedCode':
      case 'CodeBlock':
      case 'InlineCode':
      case 'CommentBlock':
      case 'Comment':
      case 'LinkReference':
        return false;
      case 'HTMLBlock':
        if (!/^<(script|style)\b/i.test(this.src(n))) this.html(n.from, n.to);
        return false;
      case 'HTMLTag':
        this.html(n.from, n.to);
        return false;
      case 'Link':
      case 'Image':
        this.link(n.node, n.name === 'Link' ? 'link' : 'image');
        return undefined;
      case 'Autolink': {
        // `<https://x>`, or `<a@b.c>`: an e-mail address, which CommonMark links with mailto:.
        const url = n.node.getChild('URL');
        const written = url && this.src(url);
        if (url && written) this.page.links.push({ kind: 'link', url: /^[a-z][a-z0-9+.-]*:/i.test(written) ? written : `mailto:${written}`, at: this.spanOf(url.from, url.to) });
        return false;
      }
      default: {
        const h = HEADING.exec(n.name);
        if (h) this.heading(n.node, Number(h[1]));
        return undefined;
      }
    }
  }

  private html(from: number, to: number): void {
    for (const a of htmlAttributes(this.text.slice(from, to), from)) {
      if (a.name === 'href' || a.name === 'src') this.page.links.push({ kind: 'html', url: a.value, via: a.name, at: this.spanOf(a.from, a.to) });
      else if (a.name === 'id' || (a.name === 'name' && a.tag.toLowerCase() === 'a')) this.page.htmlIds.push({ id: a.value, at: this.spanOf(a.from, a.to) });
    }
  }

  private link(n: SyntaxNode, kind: 'link' | 'image'): void {
    const url = destination(n, this.text);
    if (url) {
      this.page.links.push({ kind, url: decodeDestination(this.src(url)), at: this.spanOf(url.from, url.to) });
      return;
    }
    // `[text][label]`, `[label][]`, `[label]`: a link only when the label is defined.
    const label = n.getChild('LinkLabel');
    const marks = n.getChildren('LinkMark');
    const key = label && this.src(label) !== '[]' ? normaliseLabel(this.src(label)) : marks.length >= 2 ? normaliseLabel(this.text.slice(marks[0].to, marks[1].from)) : undefined;
    const target = key === undefined ? undefined : this.definitions.get(key);
    if (target !== undefined) this.page.links.push({ kind, url: target, via: key, at: this.spanOf(n.from, n.to) });
  }

  private heading(n: SyntaxNode, level: number): void {
    // A line break inside a heading is not text (markdown-it's softbreak); `{#id .class}` at the
    // end is markdown-it-attrs' attribute block.
    let title = this.headingText(n).replace(/[ \t]*\r?\n[ \t]*/g, '').trim();
    let custom: string | undefined;
    const attrs = /\s*\{([^{}]+)\}\s*$/.exec(title);
    if (attrs) {
      title = title.slice(0, attrs.index).trim();
      custom = /(?:^|\s)#([^\s.#]+)/.exec(attrs[1])?.[1];
    }
    const slug = uniqueSlug(custom ?? slugify(title), this.slugs);
    this.page.headings.push({ level, text: title, slug, customId: custom !== undefined, at: this.spanOf(n.from, n.to) });
  }

  /** The heading's text as markdown-it-anchor takes it: text and inline code, nothing else. */
  private headingText(n: SyntaxNode): string {
    const parts: Array<{ from: number; to: number; text: string }> = [];
    // An explicit stack: emphasis can nest as deep as a hostile page wants.
    const stack: SyntaxNode[] = [];
    for (let c = n.firstChild; c; c = c.nextSibling) stack.push(c);
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (NOT_TEXT.has(c.name)) parts.push({ from: c.from, to: c.to, text: '' });
      else if (c.name === 'InlineCode') parts.push({ from: c.from, to: c.to, text: this.codeText(c) });
      else if (c.name === 'Escape') parts.push({ from: c.from, to: c.to, text: this.src(c).slice(1) });
      else if (c.name === 'Entity') parts.push({ from: c.from, to: c.to, text: decodeEntities(this.src(c)) });
      else for (let k = c.firstChild; k; k = k.nextSibling) stack.push(k);
    }
    parts.sort((a, b) => a.from - b.from);
    let out = '';
    let pos = n.from;
    for (const p of parts) {
      if (p.from < pos) continue;
      out += withoutEmoji(this.text.slice(pos, p.from)) + p.text;
      pos = p.to;
    }
    return out + withoutEmoji(this.text.slice(pos, n.to));
  }

  /** Inline code as markdown-it keeps it: line ends as spaces, one padding space each side dropped. */
  private codeText(c: SyntaxNode): string {
    const marks = c.getChildren('CodeMark');
    const inner = marks.length >= 2 ? this.text.slice(marks[0].to, marks[marks.length - 1].from).replace(/\r?\n/g, ' ') : '';
    return /^ .* $/.test(inner) && /[^ ]/.test(inner) ? inner.slice(1, -1) : inner;
  }
}
