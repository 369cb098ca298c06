// The docs' data files: CSV tool lists (rows with their lines, links in cells) and the static
// redirects file.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../runner/parsers/csv.js';
import { parseRedirects } from '../../runner/parsers/redirects.js';

describe('CSV view', () => {
  it('gives the header with its cells, and each row with its line, column count and first cell; blank lines are not rows', () => {
    const outcome = parseCsv('Tool,Link,Description\r\naclpwn,https://github.com/aas-n/aclpwn.py,ACL testing\r\n\r\nsccmhunter,https://x.y/s,"SCCM, profiling ""and"" more"\r\n');
    expect(outcome).toEqual({
      ok: true,
      value: {
        header: { line: 1, cells: ['Tool', 'Link', 'Description'] },
        rows: [
          { line: 2, columns: 3, first: 'aclpwn' },
          { line: 4, columns: 3, first: 'sccmhunter' },
        ],
        links: [],
      },
    });
  });

  it('keeps the column count a row really has (an unquoted comma makes one more)', () => {
    const outcome = parseCsv('Tool,Link,Description\nsccmhunter,https://x.y/s,SCCMHunter is a post-ex tool, built to profile, and attack\n');
    expect(outcome.ok && outcome.value.rows[0]).toEqual({ line: 2, columns: 5, first: 'sccmhunter' });
  });

  it('reads a quoted field over several lines, and gives the next row its own line', () => {
    const outcome = parseCsv('"a ""quoted""\nheader",b\n"multi\nline",x\nc,d\n');
    expect(outcome.ok && outcome.value.header).toEqual({ line: 1, cells: ['a "quoted"\nheader', 'b'] });
    expect(outcome.ok && outcome.value.rows).toEqual([
      { line: 3, columns: 2, first: 'multi\nline' },
      { line: 5, columns: 2, first: 'c' },
    ]);
  });

  it('locates the Markdown links written in cells, quoted or not', () => {
    const outcome = parseCsv('Image tag,Version,Build date,Tools list\nfull,3.1.7,"2025-06-25T08:47:07Z",[download](</installed_tools/lists/full_3.1.7_amd64.csv>)\nad,1,"[x](/quoted.csv)",y\n');
    expect(outcome.ok && outcome.value.links).toEqual([
      { url: '/installed_tools/lists/full_3.1.7_amd64.csv', at: { line: 2, column: 47, endLine: 2, endColumn: 90 } },
      { url: '/quoted.csv', at: { line: 3, column: 11, endLine: 3, endColumn: 22 } },
    ]);
  });

  it('reports an unclosed quote and text after a closing quote at their line', () => {
    expect(parseCsv('a,b\nc,"open\nd,e\n')).toEqual({ ok: false, error: { line: 2, column: 3, message: 'a quoted field is never closed (missing `"`)' } });
    expect(parseCsv('a,b\n"c"d,e\n')).toEqual({ ok: false, error: { line: 2, column: 4, message: 'unexpected text after a quoted field' } });
  });
});

describe('redirects view', () => {
  const FILE = [
    '# https://developers.cloudflare.com/pages/configuration/redirects/',
    '# [source]  [destination]   [code?]',
    '',
    '/legal/terms-of-service   /legal/terms-of-sale-and-service',
    '/install   /first-install   301   # moved in 2025',
    '/blog/*   /news/:splat   302',
    '/only-source',
    '/a /b 999',
    '/docs/:page   https://docs.example.com/:page',
  ].join('\n');
  const file = parseRedirects(FILE);

  it('lists each redirect with its line and where source and destination are', () => {
    expect(file.redirects.map((r) => `${r.line} ${r.from} -> ${r.to}${r.status ? ` ${r.status}` : ''}${r.dynamic ? ' (dynamic)' : ''}`)).toEqual([
      '4 /legal/terms-of-service -> /legal/terms-of-sale-and-service',
      '5 /install -> /first-install 301',
      '6 /blog/* -> /news/:splat 302 (dynamic)',
      '9 /docs/:page -> https://docs.example.com/:page (dynamic)',
    ]);
    expect(file.redirects[0].toAt).toEqual({ line: 4, column: 27, endLine: 4, endColumn: 59 });
  });

  it('keeps lines of the wrong shape as problems, with their line', () => {
    expect(file.problems).toEqual([
      { line: 7, column: 1, message: 'expected "source destination [status]", found 1 field' },
      { line: 8, column: 7, message: 'status "999" is not one of 200, 301, 302, 303, 307, 308' },
    ]);
  });
});
