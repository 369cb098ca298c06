// SARIF regions: 1-based lines, columns in UTF-16 code units (as every rule counts them: JavaScript
// string offsets), always with an end, and the text they cover as a snippet.
import type { Span } from '../runner/types.js';

/** The unit of every column porgs-lint reports. */
export const COLUMN_KIND = 'utf16CodeUnits';
/** A longer region (a minified line) goes without a snippet rather than bloat the file. */
export const MAX_SNIPPET = 2000;

export interface Region {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
  snippet?: { text: string };
}

/**
 * The region of a span. Without an end, it runs to the end of the line's text (trailing white
 * space left out); at or past that end (an empty line), over the line break to the next line.
 * `lineText` gives a line of the file without its break, undefined past the end or without text.
 */
export function region(at: Span, lineText: (line: number) => string | undefined): Region {
  const start = { startLine: at.line, startColumn: at.column };
  const given = at.endLine !== undefined || at.endColumn !== undefined;
  const endLine = at.endLine ?? at.line;
  const endColumn = at.endColumn ?? (at.endLine !== undefined ? (lineText(endLine)?.length ?? 0) + 1 : undefined);
  if (given && endColumn !== undefined && (endLine > at.line || (endLine === at.line && endColumn > at.column))) {
    return withSnippet({ ...start, endLine, endColumn }, lineText);
  }
  const text = lineText(at.line);
  if (text === undefined) return start;
  const content = text.trimEnd().length;
  if (at.column <= content) return withSnippet({ ...start, endLine: at.line, endColumn: content + 1 }, lineText);
  if (at.column <= text.length) return withSnippet({ ...start, endLine: at.line, endColumn: text.length + 1 }, lineText);
  if (lineText(at.line + 1) !== undefined) return withSnippet({ ...start, endLine: at.line + 1, endColumn: 1 }, lineText);
  return start;
}

function withSnippet(r: Region & { endLine: number; endColumn: number }, lineText: (line: number) => string | undefined): Region {
  if (r.endLine - r.startLine > 50) return r;
  const parts: string[] = [];
  for (let line = r.startLine; line <= r.endLine; line++) {
    const text = lineText(line);
    if (text === undefined) return r;
    const from = line === r.startLine ? r.startColumn - 1 : 0;
    const to = line === r.endLine ? r.endColumn - 1 : text.length;
    parts.push(text.slice(from, to));
  }
  const snippet = parts.join('\n');
  return snippet.length > MAX_SNIPPET ? r : { ...r, snippet: { text: snippet } };
}
