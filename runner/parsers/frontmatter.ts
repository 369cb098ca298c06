// The YAML frontmatter of a Markdown page, apart from the page view: loading `yaml` costs more than
// parsing every page, so only a rule that reads frontmatter pays for it. A block VitePress cannot
// read (bad YAML, not a mapping) is a parse error at its line: the site build fails on it too.
import type { ParseOutcome } from './parse-outcome.js';
import { findFrontmatter } from './markdown-text.js';
import type { Span } from '../types.js';

export interface Frontmatter {
  /** Whether the page has a frontmatter block at all. */
  present: boolean;
  /** The top-level keys with their values (plain data) and where each key is written. */
  fields: Array<{ key: string; value: unknown; at: Span }>;
}

export async function load(): Promise<(text: string) => ParseOutcome<Frontmatter>> {
  const { parseDocument, LineCounter, isMap, isPair, isScalar } = await import('yaml');
  return (text) => {
    const block = findFrontmatter(text);
    if (!block) return { ok: true, value: { present: false, fields: [] } };
    const lineCounter = new LineCounter();
    const yamlText = text.slice(block.body[0], block.body[1]);
    const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
    // Positions in the file: the YAML starts on the line after the opening `---`.
    const at = (offset: number): Span => {
      const p = lineCounter.linePos(offset);
      return { line: p.line + 1, column: p.col };
    };
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      return { ok: false, error: { ...at(e.pos[0]), message: `frontmatter: ${e.message.split('\n')[0]}` } };
    }
    const fields: Frontmatter['fields'] = [];
    if (doc.contents === null || doc.contents === undefined) return { ok: true, value: { present: true, fields } };
    if (!isMap(doc.contents)) return { ok: false, error: { ...at(doc.contents.range?.[0] ?? 0), message: 'frontmatter is not a mapping of keys to values' } };
    let data: Record<string, unknown>;
    try {
      // `yaml` caps alias expansion (a "billion laughs" block throws instead of growing).
      data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
    } catch (err) {
      return { ok: false, error: { line: 2, column: 1, message: `frontmatter: ${(err as Error).message.split('\n')[0]}` } };
    }
    for (const pair of doc.contents.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      fields.push({ key, value: Object.prototype.hasOwnProperty.call(data, key) ? data[key] : null, at: at(pair.key.range?.[0] ?? 0) });
    }
    return { ok: true, value: { present: true, fields } };
  };
}
