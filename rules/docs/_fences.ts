// The lines of a Markdown text with the fenced code block each lies in, as CommonMark opens and
// closes them: a run of three or more backticks or tildes opens one (a backtick fence's info string
// holds no backtick); only a run of the same character, at least as long and with nothing after it,
// closes it. Shared by everything that tells code from prose in a page.

export interface TextLine {
  /** 0-based. */
  index: number;
  text: string;
  /** An opening or closing fence line (neither prose nor code). */
  fence: boolean;
  /** Inside a fenced block: the first word of its info string, lower-cased (`bash` of `bash:line-numbers`; '' when none). */
  block?: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

export function* textLines(text: string): Generator<TextLine> {
  let open: { char: string; length: number; lang: string } | undefined;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const m = FENCE.exec(line);
    if (open) {
      if (m && m[1][0] === open.char && m[1].length >= open.length && m[2].trim() === '') {
        open = undefined;
        yield { index, text: line, fence: true };
      } else yield { index, text: line, fence: false, block: open.lang };
      continue;
    }
    if (m && !(m[1][0] === '`' && m[2].includes('`'))) {
      open = { char: m[1][0], length: m[1].length, lang: (m[2].trim().split(/[\s{:]/)[0] ?? '').toLowerCase() };
      yield { index, text: line, fence: true };
      continue;
    }
    yield { index, text: line, fence: false };
  }
}
