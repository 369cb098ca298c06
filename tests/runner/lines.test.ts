// The line index: offsets to positions, line texts, and one index per file for a whole report.
import { describe, expect, it } from 'vitest';
import { LineIndex, lineLookup, normaliseLineEndings } from '../../runner/lines.js';

describe('LineIndex', () => {
  const index = new LineIndex('ab\n\ncd🌸e\nlast');

  it('gives 1-based lines and columns in UTF-16 code units', () => {
    expect([0, 1, 2, 3, 4, 6, 8, 10, 14].map((o) => index.position(o))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 3, column: 3 },
      { line: 3, column: 5 },
      { line: 4, column: 1 },
      { line: 4, column: 5 },
    ]);
  });

  it('gives the text of a line without its line break, undefined outside the file', () => {
    expect([0, 1, 2, 3, 4, 5, 1.5].map((n) => index.lineText(n))).toEqual([undefined, 'ab', '', 'cd🌸e', 'last', undefined, undefined]);
    expect(index.lineCount).toBe(4);
    expect(new LineIndex('one\n').lineText(2)).toBe('');
  });
});

describe('normaliseLineEndings', () => {
  it('turns CRLF and a lone CR into LF, and keeps LF text as it is', () => {
    expect(normaliseLineEndings('a\r\nb\rc\n\r\nd\r')).toBe('a\nb\nc\n\nd\n');
    const lf = 'a\nb\n';
    expect(normaliseLineEndings(lf)).toBe(lf);
  });
});

describe('lineLookup', () => {
  it('reads and indexes each file once, however many lines are asked for', () => {
    const reads: string[] = [];
    const texts: Record<string, string> = { 'r\0a.sh': 'a1\na2\na3', 'r\0b.sh': 'b1\nb2' };
    const lineText = lineLookup((repo, file) => {
      reads.push(`${repo}:${file}`);
      return texts[`${repo}\0${file}`];
    });
    const got: Array<string | undefined> = [];
    for (let i = 0; i < 1000; i++) got.push(lineText('r', i % 2 ? 'a.sh' : 'b.sh', (i % 3) + 1));
    expect(got.slice(0, 6)).toEqual(['b1', 'a2', undefined, 'a1', 'b2', 'a3']);
    expect(reads).toEqual(['r:b.sh', 'r:a.sh']);
  });

  it('asks again for a file it could not read before (it may have been read since)', () => {
    let text: string | undefined;
    const lineText = lineLookup(() => text);
    expect(lineText('r', 'x', 1)).toBeUndefined();
    text = 'now here';
    expect(lineText('r', 'x', 1)).toBe('now here');
  });
});
