// CSV files (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes), with the line and
// the column count of every row, and the Markdown links written in cells (`[download](</lists/x.csv>)`,
// how the docs' tool lists link their downloads). No dependency: splitting records is all it takes.
import type { ParseOutcome } from './parse-outcome.js';
import type { Span } from '../types.js';

export interface CsvRow {
  /** Line where the record starts (a quoted field may run over several lines). */
  line: number;
  cells: string[];
}

/**
 * A data row, without its cells: the real tool lists hold 36,000 rows, and read back from the parse
 * cache with their cells they cost ~90 ms against ~5 ms. Its line (where the excerpt is) and its first
 * cell (the tool or image name) are what a message needs.
 */
export interface CsvRowSummary {
  line: number;
  columns: number;
  first: string;
}

export interface CsvFile {
  header: CsvRow | undefined;
  /** Data rows, the header excluded; empty lines are not rows. */
  rows: CsvRowSummary[];
  /** `[text](target)` written inside cells, with where the target is. */
  links: Array<{ url: string; at: Span }>;
}

const CELL_LINK = /\]\(\s*(<[^<>\n]*>|[^\s()<>]+)/g;

export async function load(): Promise<(text: string) => ParseOutcome<CsvFile>> {
  return (text) => parseCsv(text);
}

/**
 * The view as the parse cache stores it: rows by column (line steps, runs of equal column counts,
 * first cells), a third of the JSON of one object per row, which is what a warm run reads back.
 */
export function encode(file: CsvFile): unknown {
  const steps: number[] = [];
  const runs: number[] = [];
  let line = 0;
  for (const r of file.rows) {
    steps.push(r.line - line);
    line = r.line;
    if (runs.length > 0 && runs[runs.length - 1] === r.columns) runs[runs.length - 2]++;
    else runs.push(1, r.columns);
  }
  return { header: file.header ?? null, links: file.links, steps, runs, first: file.rows.map((r) => r.first) };
}

export function decode(stored: unknown): CsvFile {
  const { header, links, steps, runs, first } = stored as { header: CsvRow | null; links: CsvFile['links']; steps: number[]; runs: number[]; first: string[] };
  const counted = Array.isArray(runs) ? runs.reduce((n, c, i) => (i % 2 === 0 && Number.isInteger(c) && c > 0 ? n + c : i % 2 === 0 ? NaN : n), 0) : NaN;
  if (!Array.isArray(links) || !Array.isArray(steps) || !Array.isArray(first) || steps.length !== first.length || counted !== steps.length) throw new Error('not a CSV view');
  const rows: CsvRowSummary[] = new Array(steps.length);
  let line = 0;
  for (let i = 0, run = 0, left = runs[0] ?? 0; i < steps.length; i++, left--) {
    if (left === 0) left = runs[(run += 2)];
    line += steps[i];
    rows[i] = { line, columns: runs[run + 1], first: first[i] };
  }
  return { header: header ?? undefined, rows, links };
}

export function parseCsv(text: string): ParseOutcome<CsvFile> {
  let header: CsvRow | undefined;
  const rows: CsvRowSummary[] = [];
  const links: CsvFile['links'] = [];
  const add = (line: number, cells: string[]) => {
    if (header) rows.push({ line, columns: cells.length, first: cells[0] });
    else header = { line, cells };
  };
  let line = 1;
  let i = 0;
  while (i < text.length) {
    let eol = text.indexOf('\n', i);
    if (eol === -1) eol = text.length;
    const raw = text.slice(i, eol > i && text[eol - 1] === '\r' ? eol - 1 : eol);
    const counted = raw !== '' && header && !raw.includes('](') ? countRecord(raw) : undefined;
    if (counted) {
      // Most rows: counted without cutting cells out.
      rows.push({ line, ...counted });
    } else if (raw !== '' && header && !raw.includes('"')) {
      // A row without a quote, with a link: no cell needs to be cut out to be counted.
      const comma = raw.indexOf(',');
      rows.push({ line, columns: countCommas(raw) + 1, first: comma === -1 ? raw : raw.slice(0, comma) });
      cellLinks(raw, 0, line, links);
    } else if (raw !== '') {
      // A record on one line is split with one pattern; a quoted field running over several lines,
      // or a malformed one, takes the careful path.
      const cells = oneLineRecord(raw, line, links);
      if (!cells) {
        const record = quotedRecord(text, i, line, links);
        if ('error' in record) return { ok: false, error: record.error };
        add(line, record.cells);
        i = record.next;
        line = record.line;
        continue;
      }
      add(line, cells);
    }
    i = eol + 1;
    line++;
  }
  return { ok: true, value: { header, rows, links } };
}

const QUOTE = 0x22;
const COMMA = 0x2c;

/**
 * The column count and first cell of a record written on one line, as `oneLineRecord` splits it,
 * without cutting out the other cells; undefined when it is not such a record (a quoted field left
 * open, or a quote inside an unquoted one). One pass over the line.
 */
function countRecord(raw: string): { columns: number; first: string } | undefined {
  let columns = 0;
  let first = '';
  let quote = raw.indexOf('"');
  for (let i = 0; ; ) {
    columns++;
    let cellEnd: number;
    if (quote === i) {
      let close = raw.indexOf('"', i + 1);
      while (close !== -1 && raw.charCodeAt(close + 1) === QUOTE) close = raw.indexOf('"', close + 2);
      if (close === -1) return undefined;
      cellEnd = close + 1;
      if (columns === 1) first = raw.slice(i + 1, close).replace(/""/g, '"');
      quote = raw.indexOf('"', cellEnd);
    } else {
      const comma = raw.indexOf(',', i);
      cellEnd = comma === -1 ? raw.length : comma;
      if (quote !== -1 && quote < cellEnd) return undefined;
      if (columns === 1) first = raw.slice(i, cellEnd);
    }
    if (cellEnd === raw.length) return { columns, first };
    if (raw.charCodeAt(cellEnd) !== COMMA) return undefined;
    i = cellEnd + 1;
    if (i === raw.length) return { columns: columns + 1, first };
  }
}

function countCommas(s: string): number {
  let n = 0;
  for (let k = s.indexOf(','); k !== -1; k = s.indexOf(',', k + 1)) n++;
  return n;
}

const ONE_LINE_CELL = /"((?:[^"]|"")*)"(?=,|$)|([^",]*)(?=,|$)/y;

/** The cells of a record written on one line, or undefined when it is not one. */
function oneLineRecord(raw: string, line: number, links: CsvFile['links']): string[] | undefined {
  if (!raw.includes('"')) {
    if (raw.includes('](')) cellLinks(raw, 0, line, links);
    return raw.split(',');
  }
  const cells: string[] = [];
  for (let pos = 0; ; pos++) {
    ONE_LINE_CELL.lastIndex = pos;
    const m = ONE_LINE_CELL.exec(raw);
    if (!m) return undefined;
    const quoted = m[1] !== undefined;
    const cell = quoted ? m[1].replace(/""/g, '"') : m[2];
    if (cell.includes('](') && (!quoted || !m[1].includes('""'))) cellLinks(cell, pos + (quoted ? 1 : 0), line, links);
    cells.push(cell);
    pos = ONE_LINE_CELL.lastIndex;
    if (pos >= raw.length) return cells;
  }
}

/** One record with quoted fields (RFC 4180), which may run over several lines. */
function quotedRecord(text: string, start: number, startLine: number, links: CsvFile['links']): { cells: string[]; next: number; line: number } | { error: { line: number; column: number; message: string } } {
  const cells: string[] = [];
  let i = start;
  let line = startLine;
  for (;;) {
    let cell = '';
    const cellStart = text[i] === '"' ? i + 1 : i;
    const cellLine = line;
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) return { error: { line: cellLine, column: cellStart - lineStart(text, cellStart), message: 'a quoted field is never closed (missing `"`)' } };
        const chunk = text.slice(i, q);
        line += countNewlines(chunk);
        cell += chunk;
        i = q + 1;
        if (text[i] !== '"') break;
        cell += '"';
        i++;
      }
    } else {
      let j = i;
      while (j < text.length && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      cell = text.slice(i, j);
      i = j;
    }
    // Links are located in cells written as they read (no doubled quote, no line break inside).
    if (cell.includes('](') && text.startsWith(cell, cellStart)) cellLinks(cell, cellStart - lineStart(text, cellStart), cellLine, links);
    cells.push(cell);
    if (text[i] !== ',') break;
    i++;
  }
  if (text[i] === '\r') i++;
  if (i < text.length && text[i] !== '\n') return { error: { line, column: i - lineStart(text, i) + 1, message: 'unexpected text after a quoted field' } };
  return { cells, next: i + 1, line: line + 1 };
}

/** `[text](target)` in a cell whose first character is at 0-based `column0` of `line`. */
function cellLinks(cell: string, column0: number, line: number, links: CsvFile['links']): void {
  for (const m of cell.matchAll(CELL_LINK)) {
    const raw = m[1];
    const url = raw.startsWith('<') ? raw.slice(1, -1) : raw;
    const col = column0 + m.index + m[0].length - raw.length + (raw.startsWith('<') ? 1 : 0) + 1;
    links.push({ url, at: { line, column: col, endLine: line, endColumn: col + url.length } });
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let k = s.indexOf('\n'); k !== -1; k = s.indexOf('\n', k + 1)) n++;
  return n;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
