// Static redirects in the Cloudflare Pages `_redirects` format (the docs keep them in
// `cloudflare_redirects`): `source destination [status]` per line, `#` comments. A line that does not
// have that shape is kept as a problem (data for a rule), not a parse failure: the rest still counts.
import type { ParseOutcome } from './parse-outcome.js';
import type { Span } from '../types.js';

export interface Redirect {
  from: string;
  to: string;
  /** The status written, if any (Cloudflare defaults to 302). */
  status?: number;
  /** A source with a splat (`*`) or a placeholder (`:name`): matched at request time. */
  dynamic: boolean;
  line: number;
  fromAt: Span;
  toAt: Span;
}

export interface RedirectsFile {
  redirects: Redirect[];
  problems: Array<{ line: number; column: number; message: string }>;
}

const STATUSES = new Set([200, 301, 302, 303, 307, 308]);

export async function load(): Promise<(text: string) => ParseOutcome<RedirectsFile>> {
  return (text) => ({ ok: true, value: parseRedirects(text) });
}

export function parseRedirects(text: string): RedirectsFile {
  const file: RedirectsFile = { redirects: [], problems: [] };
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/\r$/, '');
    if (/^\s*(#|$)/.test(content)) return;
    const tokens = [...content.matchAll(/\S+/g)];
    // A `#` after the fields starts a comment.
    const hash = tokens.findIndex((t) => t[0].startsWith('#'));
    const fields = hash === -1 ? tokens : tokens.slice(0, hash);
    const span = (t: RegExpMatchArray): Span => ({ line, column: t.index! + 1, endLine: line, endColumn: t.index! + 1 + t[0].length });
    if (fields.length < 2 || fields.length > 3) {
      file.problems.push({ line, column: (fields[0]?.index ?? 0) + 1, message: `expected "source destination [status]", found ${fields.length} field${fields.length === 1 ? '' : 's'}` });
      return;
    }
    const status = fields[2] ? Number(fields[2][0]) : undefined;
    if (fields[2] && !STATUSES.has(status!)) {
      file.problems.push({ line, column: fields[2].index! + 1, message: `status "${fields[2][0]}" is not one of ${[...STATUSES].join(', ')}` });
      return;
    }
    const from = fields[0][0];
    file.redirects.push({ from, to: fields[1][0], ...(status ? { status } : {}), dynamic: /\*|(^|\/):[A-Za-z]/.test(from), line, fromAt: span(fields[0]), toAt: span(fields[1]) });
  });
  return file;
}
