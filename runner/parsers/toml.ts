// TOML through smol-toml (7 ms to load, TOML 1.0, errors with line and column).
import type { ParseOutcome } from './parse-outcome.js';
import type { Span } from '../types.js';

export interface TomlFile {
  data: Record<string, unknown>;
  /** Where a key is written, found by scanning the text (TOML parsers keep no positions). */
  locate(keyPath: readonly string[]): Span | undefined;
}

export async function load(): Promise<(text: string) => ParseOutcome<TomlFile>> {
  const { parse, TomlError } = await import('smol-toml');
  return (text) => {
    try {
      const data = parse(text) as Record<string, unknown>;
      return { ok: true, value: { data, locate: (keyPath) => locateTomlKey(text, keyPath) } };
    } catch (err) {
      if (err instanceof TomlError) {
        const first = err.message.split('\n')[0];
        return { ok: false, error: { line: err.line, column: err.column, message: first } };
      }
      return { ok: false, error: { line: 1, column: 1, message: String(err) } };
    }
  };
}

/** `a."b.c".d` -> ['a', 'b.c', 'd'] */
function splitKey(key: string): string[] {
  return [...key.matchAll(/"([^"]*)"|'([^']*)'|([^.\s"']+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds `a.b.c` as `[a.b] c = ...`, `[a] b.c = ...`, `c = ...` inside `[a.b]`, or `[a.b.c]`
 * (a table header). An array of tables counts its elements: the second `[[p]]` is `p.1`, and a
 * `[p.q]` under it `p.1.q`. Good enough for config and pyproject files; returns undefined otherwise.
 */
export function locateTomlKey(text: string, keyPath: readonly string[]): Span | undefined {
  const lines = text.split('\n');
  let table: string[] = [];
  /** Elements seen so far of each array of tables, by its path as written. */
  const arrays = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const header = /^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?/.exec(line);
    if (header) {
      const written = splitKey(header[2]);
      if (header[1] === '[[') arrays.set(written.join('\0'), (arrays.get(written.join('\0')) ?? 0) + 1);
      // Each prefix that is an array of tables stands for its last element.
      table = written.flatMap((key, j) => {
        const count = arrays.get(written.slice(0, j + 1).join('\0'));
        return count === undefined ? [key] : [key, String(count - 1)];
      });
      if (table.length === keyPath.length && table.every((k, j) => k === keyPath[j])) {
        return { line: i + 1, column: line.indexOf('[') + 1 };
      }
      continue;
    }
    const assign = /^(\s*)((?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-.]|\s)+?)\s*=/.exec(line);
    if (!assign) continue;
    const full = [...table, ...splitKey(assign[2])];
    if (full.length >= keyPath.length && keyPath.every((k, j) => k === full[j])) {
      if (full.length === keyPath.length || keyPath.length > table.length) {
        return { line: i + 1, column: assign[1].length + 1, endLine: i + 1, endColumn: assign[1].length + assign[2].length + 1 };
      }
    }
    // Inline table value of a prefix: `docs = { path = "..." }`
    if (keyPath.length > full.length && full.every((k, j) => k === keyPath[j])) {
      const rest = keyPath.slice(full.length);
      const m = new RegExp(`[{,]\\s*["']?${escape(rest[0])}["']?\\s*=`).exec(line);
      if (m) return { line: i + 1, column: m.index + 2 };
    }
  }
  return undefined;
}
