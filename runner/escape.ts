// Text from the checked repository on its way out: to a terminal, a CI log, a Markdown page or a
// JSON/SARIF file. That text is hostile: an ESC sequence rewrites the terminal or hides earlier
// lines, a bidi override reorders what a reviewer reads, and a GitHub Actions log runs any line that
// starts with `::` (or holds `##[`) as a workflow command. Humans see such characters as escapes
// (`\x1b`, `\u202e`); machines get them as JSON `\uXXXX` escapes, the data unchanged.

/**
 * Characters never written raw: C0 and C1 controls and DEL (Cc), invisible format characters such as
 * the bidi controls, zero-width marks and the BOM (Cf), the line and paragraph separators (Zl, Zp),
 * and lone surrogates (Cs).
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
const UNSAFE_ONE = new RegExp(UNSAFE.source, 'u');

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** The visible form of one unsafe character: `\t`, `\x1b`, `\u202e`, `\u{e0001}`. */
function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const cp = ch.codePointAt(0)!;
  if (cp <= 0xff) return `\\x${hex(cp, 2)}`;
  if (cp <= 0xffff) return `\\u${hex(cp, 4)}`;
  return `\\u{${cp.toString(16)}}`;
}

/** The old workflow-command syntax, which the Actions runner finds anywhere in a line. */
const OLD_COMMAND = /##\[/g;
const BRACKET_SHOWN = '\\x5b';
const OLD_COMMAND_SHOWN = `##${BRACKET_SHOWN}`;

/**
 * Repo text for a human: every unsafe character shown as an escape (newlines too, so the text stays
 * on one line), and `##[` broken so an Actions log cannot read it as a command.
 */
export function visible(text: string): string {
  return text.replace(UNSAFE, escapeChar).replace(OLD_COMMAND, OLD_COMMAND_SHOWN);
}

/**
 * A line that the Actions runner would read as a workflow command: `::` after leading white space
 * (its TrimStart also drops U+0085), looked for past colour codes too. The white space stops at a
 * line end, so blank lines are never rescanned.
 */
const COMMAND_LINE = /^((?:[^\S\r\n]|\u0085|\x1b\[[0-9;]*m)*):(?=:)/gmu;

/**
 * A whole human-readable output (porgs-lint's own lines, repo text already through `visible`): no
 * line may start a workflow command. The first `:` of such a line is shown as `\x3a`; the `##[`
 * form is broken wherever it is. Colour codes and newlines are left alone.
 */
export function guardLines(text: string): string {
  return text.replace(COMMAND_LINE, '$1\\x3a').replace(OLD_COMMAND, OLD_COMMAND_SHOWN);
}

/**
 * A text porgs-lint assembled from several lines that may hold repo text (an explanation, a list):
 * every unsafe character except the newline between lines is escaped, then the lines are guarded.
 */
export function visibleLines(text: string): string {
  return guardLines(text.split('\n').map(visible).join('\n'));
}

/** GitHub workflow-command escaping of a command's message (after `::`). */
export const commandData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** GitHub workflow-command escaping of a property value (`file=`, `title=`). */
export const commandProperty = (s: string) => commandData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * Serialised JSON with every unsafe character written as a `\uXXXX` escape (astral ones as their
 * surrogate pair). JSON.stringify already escapes C0 controls inside strings, so a raw tab, CR or
 * newline left in its output is layout between tokens and stays. The other unsafe characters (DEL
 * and beyond) can only sit inside a string, where the escape stands for exactly that character: the
 * text parses back to the same data.
 */
export function jsonSafe(json: string): string {
  return json.replace(/[^\u0000-\u007e]/gu, (ch) => {
    if (!UNSAFE_ONE.test(ch)) return ch;
    let out = '';
    for (let i = 0; i < ch.length; i++) out += `\\u${hex(ch.charCodeAt(i), 4)}`;
    return out;
  });
}

/**
 * Repo text as inline Markdown that renders literally: a code span (no emphasis, links, HTML or
 * entities inside one) fenced by more backticks than the text holds in a row. In a table cell the
 * pipes are escaped too, which GitHub's table parser undoes before reading the span.
 */
export function markdownCode(text: string, options: { inTable?: boolean } = {}): string {
  let shown = visible(text);
  if (shown === '') return '';
  const longestRun = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  if (shown.startsWith('`') || shown.endsWith('`') || (shown.startsWith(' ') && shown.endsWith(' ') && shown.trim() !== '')) {
    shown = ` ${shown} `;
  }
  if (options.inTable) shown = shown.replace(/\|/g, '\\|');
  return `${fence}${shown}${fence}`;
}

export interface Excerpt {
  /** The shown part of the line, escaped, with `…` where it was cut. */
  text: string;
  /** Where the caret starts in `text`, in columns. */
  caret: number;
  /** How many columns the caret covers (at least 1). */
  caretWidth: number;
}

/** Widest source line the pretty reporter prints under a finding, in columns. */
export const EXCERPT_WIDTH = 200;
const ELLIPSIS = '…';

interface Cell {
  /** UTF-16 offset of the character in the line. */
  at: number;
  text: string;
  width: number;
}

/** One cell per character of `line[from, to)`: a tab becomes a space, as in `visible` the rest. */
function cells(line: string, from: number, to: number): Cell[] {
  const out: Cell[] = [];
  for (let i = from; i < to; ) {
    const ch = String.fromCodePoint(line.codePointAt(i)!);
    let text = ch;
    if (ch === '\t') text = ' ';
    else if (UNSAFE_ONE.test(ch)) text = escapeChar(ch);
    else if (ch === '[' && i >= 2 && line.startsWith('##', i - 2)) text = BRACKET_SHOWN;
    out.push({ at: i, text, width: text === ch ? 1 : text.length });
    i += ch.length;
  }
  return out;
}

/** Nothing to escape or cut, and one column per code unit: shown as is. */
const asIs = (line: string, width: number) => line.length <= width && !UNSAFE_ONE.test(line) && !/[\ud800-\udfff]/.test(line) && !line.includes('##[');

/**
 * A source line as shown under a finding: escaped, and cut to `width` columns around the finding
 * (`start` and `end` are UTF-16 offsets, end exclusive) so a minified megabyte line prints one row.
 */
export function excerpt(line: string, start: number, end: number, width = EXCERPT_WIDTH): Excerpt {
  if (asIs(line, width)) {
    const caret = Math.min(start, line.length);
    return { text: line, caret, caretWidth: Math.max(1, Math.min(Math.max(end, start + 1), line.length) - caret) };
  }
  // A character takes at least one column and two code units at most: 2 * width units on either side
  // of the start fill any window that shows it.
  let from = Math.min(line.length, Math.max(0, start - 2 * width));
  if (from > 0 && /[\udc00-\udfff]/.test(line[from] ?? '')) from--;
  const to = Math.min(line.length, start + 2 * width);
  const all = cells(line, from, to);
  const columnAt = (offset: number) => all.reduce((col, c) => (c.at < offset ? col + c.width : col), 0);
  const caretStart = columnAt(start);
  const caretEnd = Math.max(caretStart + 1, columnAt(Math.max(end, start + 1)));
  const total = all.reduce((n, c) => n + c.width, 0);
  if (from === 0 && to === line.length && total <= width) {
    return { text: all.map((c) => c.text).join(''), caret: caretStart, caretWidth: caretEnd - caretStart };
  }
  // Keep a quarter of the window as context before the finding; cells are never split.
  const room = width - 2;
  const windowStart = Math.max(0, Math.min(caretStart - Math.floor(room / 4), total - room));
  let col = 0;
  let shownFrom = -1;
  let shownTo = 0;
  const kept: string[] = [];
  for (const c of all) {
    if (col >= windowStart && col + c.width <= windowStart + room) {
      if (shownFrom < 0) shownFrom = col;
      kept.push(c.text);
      shownTo = col + c.width;
    }
    col += c.width;
  }
  if (shownFrom < 0) shownFrom = shownTo = windowStart;
  const before = from > 0 || shownFrom > 0;
  const after = to < line.length || shownTo < total;
  const lead = before ? 1 : 0;
  const caret = Math.min(Math.max(caretStart, shownFrom), shownTo) - shownFrom + lead;
  const caretWidth = Math.max(1, Math.min(caretEnd, shownTo) - Math.max(caretStart, shownFrom));
  return { text: `${before ? ELLIPSIS : ''}${kept.join('')}${after ? ELLIPSIS : ''}`, caret, caretWidth };
}
