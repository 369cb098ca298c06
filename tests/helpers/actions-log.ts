// How a GitHub Actions runner reads a step's output, and the characters no human-facing output may
// hold raw: independent of runner/escape.ts so the tests check it rather than restate it.

/**
 * Lines the runner would run as workflow commands. It splits output into lines at CR, LF or CRLF;
 * a line is a command when, after leading white space (.NET's, which includes U+0085), it starts
 * with `::` and has a second `::`, or when it holds `##[` anywhere (the old syntax).
 */
export function workflowCommands(output: string): string[] {
  return output.split(/\r\n|\r|\n/).filter((line) => {
    const trimmed = line.replace(/^[\s\u0085]+/u, '');
    return (trimmed.startsWith('::') && trimmed.indexOf('::', 2) > 0) || /##\[[^\]]*\]/.test(line);
  });
}

/** GitHub's unescaping of a command's data, as the runner does before showing it. */
export const unescapeCommandData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

/**
 * C0 controls but the newline between records, DEL, C1 controls, the bidi controls and marks, and
 * the line and paragraph separators.
 */
export const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

/** The unsafe characters in `text`, as code points, for a readable failure. */
export function rawUnsafe(text: string): string[] {
  return [...text].filter((ch) => RAW_UNSAFE.test(ch)).map((ch) => `U+${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
