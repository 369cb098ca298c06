// YAML through `yaml` (parseDocument keeps node ranges; LineCounter maps them to lines).
import type { ParseOutcome } from './parse-outcome.js';
import type { Span } from '../types.js';
import type { Document } from 'yaml';

export interface YamlFile {
  doc: Document;
  data: unknown;
  /** Span of a node range `[start, valueEnd, nodeEnd]` as `yaml` gives it. */
  span(range: readonly [number, number, number] | null | undefined): Span;
  /** Where a key or value at a path is written. */
  locate(path: readonly (string | number)[]): Span | undefined;
  /** Every `key: value` pair with this key, at any depth, in document order. */
  pairs(key: string): YamlPair[];
}

export interface YamlPair {
  value: unknown;
  keyAt: Span;
  valueAt: Span;
}

export async function load(): Promise<(text: string) => ParseOutcome<YamlFile>> {
  const { parseDocument, LineCounter, isNode, isPair, isScalar, visit } = await import('yaml');
  return (text) => {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      const pos = lineCounter.linePos(e.pos[0]);
      return { ok: false, error: { line: pos.line, column: pos.col, message: e.message.split('\n')[0] } };
    }
    const span = (range: readonly [number, number, number] | null | undefined): Span => {
      if (!range) return { line: 1, column: 1 };
      const a = lineCounter.linePos(range[0]);
      const b = lineCounter.linePos(range[1]);
      return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
    };
    const locate = (path: readonly (string | number)[]): Span | undefined => {
      if (path.length === 0) return span(doc.contents?.range);
      const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
      const last = path[path.length - 1];
      const items = (parent as { items?: unknown[] } | null)?.items;
      if (Array.isArray(items)) {
        if (typeof last === 'number') {
          const item = items[last];
          return isNode(item) ? span(item.range) : undefined;
        }
        for (const item of items) {
          if (isPair(item) && isNode(item.key) && (item.key as { value?: unknown }).value === last) return span(item.key.range);
        }
      }
      return undefined;
    };
    const pairs = (key: string): YamlPair[] => {
      const out: YamlPair[] = [];
      visit(doc, {
        Pair(_, pair) {
          if (isScalar(pair.key) && pair.key.value === key) {
            const v = pair.value;
            out.push({
              value: isScalar(v) ? v.value : isNode(v) ? v.toJSON() : v,
              keyAt: span(pair.key.range),
              valueAt: isNode(v) ? span(v.range) : span(pair.key.range),
            });
          }
        },
      });
      return out;
    };
    return { ok: true, value: { doc, data: doc.toJS(), span, locate, pairs } };
  };
}
