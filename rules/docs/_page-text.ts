// What a Markdown page says about a command line, read from its text: the flags and words it
// mentions (prose, tables and code, outside HTML comments) and the flags in the first column of
// its tables, each with its line and column.
import type { Span } from '../../runner/types.js';
import { textLines } from './_fences.js';

/** A flag as a whole token: not inside a longer flag (`--log` is not in `--log-method`) or word. */
export const FLAG_TOKEN = /(?<![\w-])-{1,2}[A-Za-z0-9][\w-]*/g;
const WORD_TOKEN = /[A-Za-z0-9_][\w-]*/g;

export interface PageText {
  /** The text with HTML comments blanked (same lines and columns). */
  text: string;
  /** Flags written anywhere on the page, as whole tokens. */
  flags: ReadonlySet<string>;
  /** Words written in code (spans and blocks), and those right after `exegol `. */
  commandWords: ReadonlySet<string>;
  /** Flags in the first column of a table row, each inside a code span. */
  tableFlags: Array<{ flag: string; at: Span }>;
}

/** HTML comments replaced by spaces, line breaks kept, so positions stay where they were. */
export function blankComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => c.replace(/[^\n]/g, ' '));
}

export function readPageText(raw: string): PageText {
  const text = blankComments(raw);
  const flags = new Set(text.match(FLAG_TOKEN) ?? []);
  const commandWords = new Set<string>();
  for (const code of codeParts(text)) for (const w of code.match(WORD_TOKEN) ?? []) commandWords.add(w);
  for (const m of text.matchAll(/\bexegol\s+([a-z][\w-]*)/g)) commandWords.add(m[1]);
  return { text, flags, commandWords, tableFlags: tableFlags(text) };
}

/** Code spans and fenced code blocks' lines, as texts. */
function codeParts(text: string): string[] {
  const parts: string[] = [];
  for (const line of textLines(text)) {
    if (line.fence) continue;
    if (line.block !== undefined) parts.push(line.text);
    else for (const span of codeSpans(line.text)) parts.push(span.text);
  }
  return parts;
}

/**
 * The code spans of a line as CommonMark pairs backtick runs: a run opens a span closed by the next
 * run of the same length; a run without one is literal. Linear in the line's length (a pattern with
 * a backreference takes quadratic time on a long run of backticks).
 */
export function codeSpans(line: string): Array<{ start: number; text: string }> {
  const runs: Array<{ at: number; length: number }> = [];
  for (let i = 0; i < line.length; ) {
    if (line[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (line[j] === '`') j++;
    runs.push({ at: i, length: j - i });
    i = j;
  }
  const byLength = new Map<number, number[]>();
  runs.forEach((r, k) => byLength.get(r.length)?.push(k) ?? byLength.set(r.length, [k]));
  const cursor = new Map<number, number>();
  const spans: Array<{ start: number; text: string }> = [];
  for (let k = 0; k < runs.length; k++) {
    const same = byLength.get(runs[k].length)!;
    let c = cursor.get(runs[k].length) ?? 0;
    while (c < same.length && same[c] <= k) c++;
    cursor.set(runs[k].length, c);
    if (c === same.length) continue;
    const close = same[c];
    const start = runs[k].at + runs[k].length;
    spans.push({ start, text: line.slice(start, runs[close].at) });
    k = close;
  }
  return spans;
}

const DELIMITER_ROW = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;

/** Flags in code spans of the first cell of each table body row (outside fenced code). */
function tableFlags(text: string): PageText['tableFlags'] {
  const out: PageText['tableFlags'] = [];
  const lines = [...textLines(text)];
  let inTable = false;
  for (let i = 0; i < lines.length; i++) {
    const { text: line, fence, block } = lines[i];
    if (fence || block !== undefined) {
      inTable = false;
      continue;
    }
    if (!line.includes('|')) {
      inTable = false;
      continue;
    }
    if (!inTable) {
      const next = lines[i + 1];
      inTable = next !== undefined && !next.fence && next.block === undefined && next.text.includes('|') && DELIMITER_ROW.test(next.text) && next.text.includes('-');
      if (inTable) i++;
      continue;
    }
    const start = line.indexOf('|') === line.search(/\S/) ? line.indexOf('|') + 1 : 0;
    const end = firstCellEnd(line, start);
    const cell = line.slice(start, end);
    for (const span of codeSpans(cell)) {
      const spanStart = start + span.start;
      for (const f of span.text.matchAll(/(?:^|[\s,/])(-{1,2}[A-Za-z0-9][\w-]*)/g)) {
        const column = spanStart + f.index! + f[0].length - f[1].length + 1;
        out.push({ flag: f[1], at: { line: i + 1, column, endLine: i + 1, endColumn: column + f[1].length } });
      }
    }
  }
  return out;
}

/** Where the first cell ends: the next `|` that is neither escaped nor inside a code span. */
function firstCellEnd(line: string, from: number): number {
  const spans = codeSpans(line.slice(from)).map((c) => [from + c.start, from + c.start + c.text.length]);
  let k = 0;
  for (let i = from; i < line.length; i++) {
    while (k < spans.length && spans[k][1] <= i) k++;
    if (line[i] === '\\') i++;
    else if (line[i] === '|' && !(k < spans.length && i >= spans[k][0])) return i;
  }
  return line.length;
}
