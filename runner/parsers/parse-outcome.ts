// Parsers are loaded lazily (dynamic import) and report failure as data, never by throwing.
export interface ParseError {
  line: number;
  column: number;
  message: string;
}

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; error: ParseError };

/** Every parser module exports `load()`, so the context pays for a parser only when a rule asks. */
export type ParserLoader<T> = () => Promise<(text: string) => ParseOutcome<T>>;

/** 1-based line and column of a character offset. */
export function offsetToPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Maps offsets to positions in O(log n); one class for every parser (runner/lines.ts). */
export { LineIndex } from '../lines.js';
