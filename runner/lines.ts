// Lines of a text: where each starts, found once, then any offset or line number in O(log n).
// Every place that turns offsets into positions or fetches the text of a line goes through here,
// so 20,000 findings in one file cost one scan of it, not 20,000.

/** `\r\n` and a lone `\r` (classic Mac) both end a line, as editors and GitHub count them. */
export function normaliseLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

export class LineIndex {
  /** Offset of the first character of each line; line 1 starts at 0. */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line and column (in UTF-16 code units) of a character offset. */
  position(offset: number): { line: number; column: number } {
    const line = this.lineAt(offset);
    return { line, column: this.columnAt(offset, line) };
  }

  /** 1-based line of an offset; `from`: a line known to start at or before it (saves the search when it is that line). */
  lineAt(offset: number, from = 1): number {
    let lo = from - 1;
    if (lo + 1 >= this.starts.length || this.starts[lo + 1] > offset) return from;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 1-based column of an offset on its line. */
  columnAt(offset: number, line: number): number {
    return offset - this.starts[line - 1] + 1;
  }

  /** Text of a 1-based line without its line break; undefined past the end. */
  lineText(line: number): string | undefined {
    if (!Number.isInteger(line) || line < 1 || line > this.starts.length) return undefined;
    const start = this.starts[line - 1];
    const end = line < this.starts.length ? this.starts[line] - 1 : this.text.length;
    return this.text.slice(start, end);
  }
}

/**
 * The text of a line of a repo file, for consumers that visit many findings (the run's
 * fingerprints, the pretty excerpts): each file's index is built on first use and kept for the
 * lookup's lifetime (one run, one report), so nothing outlives it.
 */
export function lineLookup(read: (repo: string, file: string) => string | undefined): (repo: string, file: string, line: number) => string | undefined {
  const indexes = new Map<string, LineIndex>();
  return (repo, file, line) => {
    const key = `${repo}\0${file}`;
    let index = indexes.get(key);
    if (!index) {
      const text = read(repo, file);
      if (text === undefined) return undefined;
      index = new LineIndex(text);
      indexes.set(key, index);
    }
    return index.lineText(line);
  };
}
