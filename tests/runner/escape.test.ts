import { describe, expect, it } from 'vitest';
import { commandData, commandProperty, EXCERPT_WIDTH, excerpt, guardLines, jsonSafe, markdownCode, visible, visibleLines } from '../../runner/escape.js';
import { rawUnsafe, workflowCommands } from '../helpers/actions-log.js';

/** Every BMP code point but the surrogates, then a few astral ones (an emoji, a tag character). */
const EVERY_CHAR = (() => {
  let s = '';
  for (let cp = 0; cp <= 0xffff; cp++) if (cp < 0xd800 || cp > 0xdfff) s += String.fromCodePoint(cp);
  return s + '\u{1f427}\u{e0001}\u{e0041}';
})();

describe('visible', () => {
  it('shows controls, bidi controls and separators as escapes', () => {
    expect(visible('a\x1b[2Jb')).toBe('a\\x1b[2Jb');
    expect(visible('\x00\x07\x7f\x80\x85\x9b')).toBe('\\x00\\x07\\x7f\\x80\\x85\\x9b');
    expect(visible('\t\n\r')).toBe('\\t\\n\\r');
    expect(visible('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c')).toBe(
      '\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c',
    );
    expect(visible('\u2028\u2029\ufeff\u200b')).toBe('\\u2028\\u2029\\ufeff\\u200b');
    expect(visible('tag\u{e0041}')).toBe('tag\\u{e0041}');
    expect(visible('lone \ud800 half')).toBe('lone \\ud800 half');
  });

  it('leaves printable text alone, backslashes and percent signs included', () => {
    const plain = 'version 5.2.0b1 — ünïcode 漢字 🐧 C:\\path 100% "q" \'s\' ::error:: in the middle';
    expect(visible(plain)).toBe(plain);
  });

  it('breaks the old ##[command] syntax', () => {
    expect(visible('x ##[error]boom')).toBe('x ##\\x5berror]boom');
    expect(visible('###[error]')).not.toContain('##[');
  });

  it('leaves no raw unsafe character and no line break in anything', () => {
    const out = visible(EVERY_CHAR);
    expect(rawUnsafe(out)).toEqual([]);
    expect(out).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
  });
});

describe('guardLines', () => {
  it('escapes the first colon of a line that would be a workflow command', () => {
    expect(guardLines('::error file=x::pwned')).toBe('\\x3a:error file=x::pwned');
    expect(guardLines('ok\n  ::add-mask::secret\nok')).toBe('ok\n  \\x3a:add-mask::secret\nok');
    expect(guardLines('\u00a0\t::stop-commands::tok')).toBe('\u00a0\t\\x3a:stop-commands::tok');
    expect(guardLines('\x1b[1m::warning::coloured')).toBe('\x1b[1m\\x3a:warning::coloured');
    expect(guardLines('a\r::notice::after a CR')).toBe('a\r\\x3a:notice::after a CR');
  });

  it('leaves colons elsewhere and colour codes alone, and breaks ##[ anywhere', () => {
    expect(guardLines('  path:1:2  error  a::b  \x1b[2mrule\x1b[22m')).toBe('  path:1:2  error  a::b  \x1b[2mrule\x1b[22m');
    expect(guardLines('text ##[add-mask]x')).toBe('text ##\\x5badd-mask]x');
  });

  it('leaves no line the Actions runner would run', () => {
    const hostile = ['::error::a', ' ::warning::b', '\u0085::notice::c', '\u3000::add-mask::d', 'x ##[error]e', '::::', ':: ::'].join('\n');
    expect(workflowCommands(hostile)).toHaveLength(7);
    expect(workflowCommands(guardLines(hostile))).toEqual([]);
  });
});

describe('visibleLines', () => {
  it('keeps the newlines between lines and escapes every other control', () => {
    expect(visibleLines('one \x1b[31m\nthe\rother\n::error::x')).toBe('one \\x1b[31m\nthe\\rother\n\\x3a:error::x');
  });
});

describe('workflow-command escaping', () => {
  it('escapes data and properties as GitHub does', () => {
    expect(commandData('100%\r\nnext')).toBe('100%25%0D%0Anext');
    expect(commandProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });
});

describe('jsonSafe', () => {
  it('parses back to the same data and holds none of the unsafe characters raw', () => {
    const data = { every: EVERY_CHAR, lone: '\ud800x\udc00', nested: [{ k: 'a\\\u202e"\u2028' }], ['key\u202e\x1b']: 1 };
    const text = jsonSafe(JSON.stringify(data, null, 2));
    expect(JSON.parse(text)).toEqual(data);
    expect(rawUnsafe(text.replace(/\n/g, ''))).toEqual([]);
    expect(text).toContain('\\u202e');
    expect(text).toContain('\\u007f');
    expect(text).toContain('\\udb40\\udc01');
  });

  it('keeps the layout of compact and indented JSON', () => {
    expect(jsonSafe(JSON.stringify({ a: 'b\u0085' }))).toBe('{"a":"b\\u0085"}');
    expect(jsonSafe(JSON.stringify({ a: 1 }, null, '\t'))).toBe('{\n\t"a": 1\n}');
  });
});

describe('markdownCode', () => {
  it('fences repo text in a code span longer than any backtick run in it', () => {
    expect(markdownCode('plain')).toBe('`plain`');
    expect(markdownCode('a ` b `` c')).toBe('```a ` b `` c```');
    expect(markdownCode('`edge`')).toBe('`` `edge` ``');
    expect(markdownCode('<img src=x onerror=alert(1)> [l](https://e.example) *e* _e_ # h')).toBe('`<img src=x onerror=alert(1)> [l](https://e.example) *e* _e_ # h`');
    expect(markdownCode('')).toBe('');
  });

  it('escapes pipes only in a table cell, and controls always', () => {
    expect(markdownCode('a|b', { inTable: true })).toBe('`a\\|b`');
    expect(markdownCode('a|b')).toBe('`a|b`');
    expect(markdownCode('x\ny\x1b')).toBe('`x\\ny\\x1b`');
  });
});

describe('excerpt', () => {
  it('shows a short line whole, tabs as one space, with the caret under the finding', () => {
    expect(excerpt('__version__ = "5.2.0b1"', 14, 23)).toEqual({ text: '__version__ = "5.2.0b1"', caret: 14, caretWidth: 9 });
    expect(excerpt('\tadd-to-list x', 1, 12)).toEqual({ text: ' add-to-list x', caret: 1, caretWidth: 11 });
  });

  it('escapes controls and moves the caret past the escapes', () => {
    const shown = excerpt('a\x1b[2Jb "\u202ex"', 8, 10);
    expect(shown.text).toBe('a\\x1b[2Jb "\\u202ex"');
    expect(shown.text.slice(shown.caret, shown.caret + shown.caretWidth)).toBe('\\u202ex');
  });

  it('breaks ##[ in the line and keeps the caret on the finding', () => {
    const shown = excerpt('x ##[error]y TARGET', 13, 19);
    expect(shown.text).toBe('x ##\\x5berror]y TARGET');
    expect(shown.text.slice(shown.caret, shown.caret + shown.caretWidth)).toBe('TARGET');
  });

  it('cuts a megabyte line to the window around the finding', () => {
    const line = 'x'.repeat(500_000) + 'NEEDLE' + 'y'.repeat(500_000);
    const shown = excerpt(line, 500_000, 500_006);
    expect(shown.text.length).toBeLessThanOrEqual(EXCERPT_WIDTH);
    expect(shown.text.startsWith('…') && shown.text.endsWith('…')).toBe(true);
    expect(shown.text.slice(shown.caret, shown.caret + shown.caretWidth)).toBe('NEEDLE');
  });

  it('cuts at the line ends too, and never splits an escape or a surrogate pair', () => {
    const head = excerpt('AB' + '\x1b'.repeat(1000), 0, 2);
    expect(head.text.startsWith('AB\\x1b')).toBe(true);
    expect(head.text).toMatch(/(\\x1b)+…$/);
    expect(head.text.length).toBeLessThanOrEqual(EXCERPT_WIDTH);
    const tail = excerpt('🐧'.repeat(1000) + 'END', 2000, 2003);
    expect(tail.text.startsWith('…🐧')).toBe(true);
    expect(tail.text.endsWith('END')).toBe(true);
    expect(rawUnsafe(tail.text)).toEqual([]);
    expect([...tail.text].slice(tail.caret, tail.caret + tail.caretWidth).join('')).toBe('END');
  });

  it('clips a caret that runs past the window and points past the end of a line', () => {
    const long = excerpt('z'.repeat(10) + 'w'.repeat(5000), 10, 5010);
    expect(long.caret).toBe(10);
    expect(long.caret + long.caretWidth).toBeLessThanOrEqual(long.text.length);
    expect(excerpt('abc', 3, 4)).toEqual({ text: 'abc', caret: 3, caretWidth: 1 });
  });
});
