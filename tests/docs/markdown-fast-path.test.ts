// The Markdown view's fast path: skipping plain text between inline constructs gives the very tree
// the parser gives without it; no GFM autolinks, as VitePress finds links before it autolinks text.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parser, Strikethrough, Table, TaskList, type MarkdownParser } from '@lezer/markdown';
import { describe, expect, it } from 'vitest';
import { SkipPlainText, load } from '../../runner/parsers/markdown.js';
import { FIXTURES } from '../helpers/git.js';

const parse = await load();
const plain = parser.configure([Table, TaskList, Strikethrough]);
const skipping = parser.configure([Table, TaskList, Strikethrough, SkipPlainText]);

/** Every node with its range, in document order. */
function nodes(md: MarkdownParser, text: string): string[] {
  const out: string[] = [];
  md.parse(text).iterate({ enter: (n) => void out.push(`${n.name}:${n.from}-${n.to}`) });
  return out;
}

/** Short texts drawn (seeded) from the pieces inline parsing turns on, and plain text between. */
function* samples(count: number): Generator<string> {
  const pieces = ['word', ' ', '  ', '\n', '\n\n', '  \n', '\\\n', '*', '**', '_', '`', '``', '[', ']', '(', ')', '](', '![', '<', '>', '<a href="x">', '</a>', '<!--', '-->', '&amp;', '&', ';', '\\', '\\*', '~~', '#', '## ', '- ', '1. ', '| a |', '|---|', '> ', '```', '    ', '\t', 'é', '😀', 'https://x.y/', 'www.a.b', 'a@b.c', ':', '"', '='];
  let seed = 42;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
  for (let i = 0; i < count; i++) {
    let text = '';
    for (let k = 1 + next(30); k > 0; k--) text += pieces[next(pieces.length)];
    yield text;
  }
}

describe('skipping plain text', () => {
  it('gives the same tree as trying every inline parser at each character, on the docs fixture pages', () => {
    const root = path.join(FIXTURES, 'docs');
    const pages = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.md'));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const text = readFileSync(path.join(root, page), 'utf8');
      expect(nodes(skipping, text), page).toEqual(nodes(plain, text));
    }
  });

  it('gives the same tree on 3,000 texts made of inline syntax, hard breaks and non-ASCII text', () => {
    const differing: string[] = [];
    for (const text of samples(3_000)) if (nodes(skipping, text).join(' ') !== nodes(plain, text).join(' ')) differing.push(text);
    expect(differing).toEqual([]);
  });

  it('skips a run of plain text in one step, stopping where a construct or a hard break may start', () => {
    const skip = SkipPlainText.parseInline![0] as { parse: (cx: unknown, next: number, pos: number) => number };
    const at = (text: string, pos: number) => skip.parse({ end: text.length, char: (p: number) => (p < text.length ? text.charCodeAt(p) : -1) }, text.charCodeAt(pos), pos);
    const text = 'plain words, été *em* and more  \nnext [x]';
    expect(at(text, 0)).toBe(text.indexOf('*'));
    expect(at(text, text.indexOf('*'))).toBe(-1);
    expect(at(text, text.indexOf('and'))).toBe(text.indexOf('  \n'));
    expect(at(text, text.indexOf('\n'))).toBe(text.indexOf('['));
    expect(at('no construct at all', 0)).toBe(19);
  });
});

describe('addresses in the text', () => {
  const ok = (text: string) => {
    const outcome = parse(text);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value;
  };

  it('a link right after an address is a link, as VitePress finds it', () => {
    expect(ok('See https://example.com/[the FAQ](/faq) now.\n').links.map((l) => `${l.at.column} ${l.url}`)).toEqual(['35 /faq']);
  });

  it('an address in a heading is part of its text and of its anchor', () => {
    expect(ok('## Mirror at https://example.com\n').headings.map((h) => h.slug)).toEqual(['mirror-at-https-example-com']);
  });
});
