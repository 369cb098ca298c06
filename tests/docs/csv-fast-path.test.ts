// The CSV view's fast paths: a one-line record is counted without cutting out its cells, as the
// splitting pattern reads it; the view goes to the parse cache by column and comes back equal.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode, encode, parseCsv, type CsvFile } from '../../runner/parsers/csv.js';
import { FIXTURES } from '../helpers/git.js';

const view = (text: string): CsvFile => {
  const outcome = parseCsv(text);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
};
const rows = (text: string) => view(text).rows.map((r) => `${r.line}:${r.columns}:${r.first}`);

describe('one-line records, counted', () => {
  it('counts quoted cells with commas and doubled quotes, empty cells and a trailing comma', () => {
    expect(rows('h1,h2,h3\n"a, b",x,"say ""hi"""\n"""q""",,\n,\nplain,"",z\n"only"\n')).toEqual(['2:3:a, b', '3:3:"q"', '4:2:', '5:3:plain', '6:1:only']);
  });

  it('leaves a quote inside an unquoted cell, text after a closing quote and a field left open to the careful path', () => {
    expect(rows('h\nab"c,d\n')).toEqual(['2:2:ab"c']);
    expect(parseCsv('h\n"a"b,c\n')).toMatchObject({ ok: false, error: { line: 2, message: 'unexpected text after a quoted field' } });
    expect(rows('h,i\n"two\nlines",x\nnext,y\n')).toEqual(['2:2:two\nlines', '4:2:next']);
  });

  it('still finds the links of rows that have some', () => {
    const file = view('Tag,List\nfull,"[download](</lists/full.csv>)"\nnightly,[download](/lists/nightly.csv)\n');
    expect(file.rows.map((r) => r.columns)).toEqual([2, 2]);
    expect(file.links.map((l) => `${l.at.line}:${l.at.column} ${l.url}`)).toEqual(['2:19 /lists/full.csv', '3:20 /lists/nightly.csv']);
  });
});

describe('the CSV view in the parse cache', () => {
  const roundTrip = (file: CsvFile) => decode(JSON.parse(JSON.stringify(encode(file))));

  it('comes back equal, for the fixture lists and edge cases', () => {
    const root = path.join(FIXTURES, 'docs');
    const lists = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.csv'));
    expect(lists.length).toBeGreaterThan(1);
    const texts = [...lists.map((f) => readFileSync(path.join(root, f), 'utf8')), '', 'only,a,header\n', 'h,i\n1,2\n3\n4,5,6\n\n7,8\n"x\ny",z\n'];
    for (const text of texts) expect(roundTrip(view(text))).toEqual(view(text));
  });

  it('stores rows by column: a long list takes a fraction of one object per row', () => {
    const text = `Tool,Link,Description\n${Array.from({ length: 500 }, (_, i) => `tool${i},https://example.com/${i},"Tool ${i}, described"`).join('\n')}\n`;
    const file = view(text);
    expect(JSON.stringify(encode(file)).length).toBeLessThan(JSON.stringify(file).length / 2);
  });

  it('refuses a stored value that is not a CSV view (a damaged or hand-written entry is a miss)', () => {
    const stored = encode(view('h,i\n1,2\n3,4\n')) as Record<string, unknown>;
    expect(() => decode({ ...stored, runs: [1, 2] })).toThrow();
    expect(() => decode({ ...stored, first: ['1'] })).toThrow();
    expect(() => decode({ ...stored, steps: undefined })).toThrow();
    expect(() => decode({ ...stored, runs: [2, 2, 0, 3] })).toThrow();
    expect(decode(stored).rows).toEqual([
      { line: 2, columns: 2, first: '1' },
      { line: 3, columns: 2, first: '3' },
    ]);
  });
});
