// The Markdown page view: headings with the anchors VitePress gives them, links with line and
// column outside code, raw HTML href/src/id, includes, content, and the frontmatter read on demand.
import { describe, expect, it } from 'vitest';
import { MAX_BRACKETS_PER_BLOCK, MAX_PAGE_CHARS, load, pageAnchors, type MarkdownPage } from '../../runner/parsers/markdown.js';
import { load as loadFrontmatter } from '../../runner/parsers/frontmatter.js';
import { slugify } from '../../runner/parsers/markdown-text.js';

const parse = await load();
const parseFrontmatter = await loadFrontmatter();

function page(text: string): MarkdownPage {
  const outcome = parse(text);
  if (!outcome.ok) throw new Error(`unexpected parse error: ${outcome.error.message}`);
  return outcome.value;
}

const links = (p: MarkdownPage) => p.links.map((l) => `${l.at.line}:${l.at.column} ${l.kind}${l.via ? `(${l.via})` : ''} ${l.url}`);

describe('VitePress heading anchors', () => {
  it('slugs as @mdit-vue/shared does', () => {
    expect(slugify('1. Requirements')).toBe('_1-requirements');
    expect(slugify('What tools are installed in Exegol?')).toBe('what-tools-are-installed-in-exegol');
    expect(slugify('Café & Crème — “quotes”')).toBe('cafe-creme-—-quotes');
    expect(slugify('  --Lead and trail--  ')).toBe('lead-and-trail');
    expect(slugify('a\u0007b')).toBe('ab');
  });

  it('takes the heading text VitePress slugs: marks, tags, images, link targets and emoji left out', () => {
    const p = page(
      [
        '# `start` action',
        '## 3. Activation',
        '## :zap: Auto-completion *setup*',
        '## Options <Badge type="pro"/>',
        '## See [the FAQ](/faq) ![logo](/l.png)',
        '## Options',
        '## Options',
        '## Custom anchor {#my-id .cls}',
        '### Escaped \\_under\\_ &amp; more',
        'Setext title',
        '============',
      ].join('\n'),
    );
    expect(p.headings.map((h) => `${h.level} ${h.text} #${h.slug}${h.customId ? ' (custom)' : ''}`)).toEqual([
      '1 start action #start-action',
      '2 3. Activation #_3-activation',
      '2 Auto-completion setup #auto-completion-setup',
      '2 Options #options',
      '2 See the FAQ #see-the-faq',
      '2 Options #options-1',
      '2 Options #options-2',
      '2 Custom anchor #my-id (custom)',
      '3 Escaped _under_ & more #escaped-under-more',
      '1 Setext title #setext-title',
    ]);
    expect(p.headings[1].at).toMatchObject({ line: 2, column: 1 });
  });

  it('counts HTML ids and <a name> as anchors too', () => {
    const p = page('# Tools\n\n<a id="latest_nightly"></a>\n\n<div><a name="old-anchor">x</a></div>\n');
    expect([...pageAnchors(p)]).toEqual(['tools', 'latest_nightly', 'old-anchor']);
    expect(p.htmlIds[0].at).toMatchObject({ line: 3, column: 8 });
  });
});

describe('links of a page', () => {
  const TEXT = [
    '---',
    'title: Links [not](/frontmatter)',
    '---',
    '',
    '# Links',
    '',
    'See [the FAQ](/faq#can-i-run-exegol-on-macos) and ![shot](./image.png "title").',
    'Also `[inline code](/not-a-link)` and [a reference][ref] and [ref] and [ref][].',
    '',
    '```bash',
    '[code block](/not-a-link-either)',
    '```',
    '',
    '    [indented code](/still-not)',
    '',
    '| Option | Description |',
    '|---|---|',
    '| `--vpn` | see [start](<./start page.md#options>) |',
    '',
    '<div class="x">',
    '  <a href="/contribute/intro">intro</a> <img src=\'/assets/a.png\'>',
    '</div>',
    '',
    '::: tip',
    'In a container: [docs](./docs\\_guide) and <https://exegol.com> and www.example.com',
    ':::',
    '',
    '[undefined label] is text.',
    '',
    '[ref]: /wrapper/cli/start "Start"',
    '',
    '<script setup>',
    "const html = '<a href=\"/in-script\">'",
    '</script>',
  ].join('\n');
  const p = page(TEXT);

  it('lists links, images and raw HTML href/src with line and column, not those in code or frontmatter', () => {
    expect(links(p)).toEqual([
      '7:15 link /faq#can-i-run-exegol-on-macos',
      '7:59 image ./image.png',
      '8:39 link(ref) /wrapper/cli/start',
      '8:62 link(ref) /wrapper/cli/start',
      '8:72 link(ref) /wrapper/cli/start',
      '18:25 link ./start page.md#options',
      '21:12 html(href) /contribute/intro',
      '21:51 html(src) /assets/a.png',
      '25:24 link ./docs_guide',
      '25:44 link https://exegol.com',
    ]);
  });

  it('points each position at the destination as written', () => {
    const lines = TEXT.split('\n');
    for (const l of p.links.filter((x) => !x.via)) {
      const written = lines[l.at.line - 1].slice(l.at.column - 1, l.at.endColumn! - 1);
      expect(written.replace(/^<|>$/g, '').replace(/\\/g, '')).toBe(l.url);
    }
  });

  it('finds the frontmatter block and content beyond it', () => {
    expect(p.frontmatter).toEqual({ span: { line: 1, column: 1, endLine: 4, endColumn: 1 }, closed: true });
    expect(p.hasContent).toBe(true);
  });

  it('takes the destination, not an address autolinked in the text; an e-mail autolink is mailto:', () => {
    const q = page('Write to [contact@exegol.com](mailto:contact@exegol.com) or <team@exegol.com>; see [www.cnil.fr](https://www.cnil.fr).\n');
    expect(q.links.map((l) => `${l.at.column} ${l.url}`)).toEqual(['31 mailto:contact@exegol.com', '62 mailto:team@exegol.com', '98 https://www.cnil.fr']);
  });

  it('keeps a link with control characters as data', () => {
    const q = page('[x](/a\u001b[31mred) and <a href="/b\u0007c">y</a>\n');
    expect(q.links.map((l) => l.url)).toEqual(['/a\u001b[31mred', '/b\u0007c']);
  });
});

describe('includes and empty pages', () => {
  it('reads <!--@include: --> directives as content, with their position', () => {
    const p = page('<!--@include: ./about.md-->');
    expect(p.includes).toEqual([{ path: './about.md', at: { line: 1, column: 15, endLine: 1, endColumn: 25 } }]);
    expect(p.hasContent).toBe(true);
  });

  it('calls a page of frontmatter, white space, comments and definitions empty', () => {
    expect(page('---\ntitle: Empty\n---\n\n   \n').hasContent).toBe(false);
    expect(page('\n<!-- nothing yet -->\n\n[a]: /b\n').hasContent).toBe(false);
    expect(page('').hasContent).toBe(false);
    expect(page('---\ntitle: x\n---\nText.\n').hasContent).toBe(true);
    // An unclosed block runs to the end of the file, as gray-matter reads it.
    expect(page('---\ntitle: x\nText.\n')).toMatchObject({ hasContent: false, frontmatter: { closed: false } });
  });
});

describe('hostile pages stay bounded', () => {
  it('parses deep nesting and long runs without blowing the stack', () => {
    const started = Date.now();
    const quotes = page(`${'>'.repeat(50_000)} [deep](/x)\n`);
    const emphasis = page(`# ${'*a '.repeat(20_000)}\n`);
    const tags = page(`<a ${'x=1 '.repeat(100_000)}\n`);
    expect(quotes.links.map((l) => l.url)).toEqual(['/x']);
    expect(emphasis.headings).toHaveLength(1);
    expect(tags.hasContent).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses a block whose brackets would take quadratic time, and a page over the size limit, at once', () => {
    const started = Date.now();
    const brackets = parse(`# Title\n\n${'[a](\n'.repeat(40_000)}`);
    const huge = parse('word '.repeat(MAX_PAGE_CHARS / 5 + 1));
    expect(brackets).toMatchObject({ ok: false, error: { line: 3 + MAX_BRACKETS_PER_BLOCK } });
    expect(huge).toMatchObject({ ok: false, error: { line: 1 } });
    // Parsed, the first took about a minute here.
    expect(Date.now() - started).toBeLessThan(2_000);
    // Brackets in separate blocks are fine.
    expect(parse('[a](/x)\n\n'.repeat(MAX_BRACKETS_PER_BLOCK + 1)).ok).toBe(true);
  });
});

describe('frontmatter (read on demand)', () => {
  it('gives the top-level fields with their lines in the file', () => {
    const outcome = parseFrontmatter('---\ntitle: Exegol goes Pro\ndate: 2025-05-30\ntags: [a, b]\n---\n# x\n');
    expect(outcome).toEqual({
      ok: true,
      value: {
        present: true,
        fields: [
          { key: 'title', value: 'Exegol goes Pro', at: { line: 2, column: 1 } },
          { key: 'date', value: '2025-05-30', at: { line: 3, column: 1 } },
          { key: 'tags', value: ['a', 'b'], at: { line: 4, column: 1 } },
        ],
      },
    });
    expect(parseFrontmatter('# no frontmatter\n')).toEqual({ ok: true, value: { present: false, fields: [] } });
  });

  it('reports bad YAML at its line in the page', () => {
    const outcome = parseFrontmatter('---\ntitle: ok\nbad: [unclosed\n---\n');
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.line).toBeGreaterThanOrEqual(3);
    expect(!outcome.ok && outcome.error.message).toMatch(/^frontmatter: /);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = ['---', 'a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`), '---', ''].join('\n');
    const outcome = parseFrontmatter(bomb);
    expect(outcome.ok).toBe(false);
  });
});
