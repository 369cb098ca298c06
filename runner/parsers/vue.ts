// The `<script>` blocks of a Vue single-file component (theme components list pages with
// `import.meta.glob`). Everything outside the blocks is blanked to spaces, newlines kept, so the
// blocks parse as one module and every position is a position in the .vue file itself.
import type { ParseOutcome } from './parse-outcome.js';
import { parseScript, type ScriptFacts } from './script-facts.js';

const SCRIPT_BLOCK = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** The text with only the script blocks' content left in place, and whether one is TypeScript. */
export function scriptBlocks(sfc: string): { code: string; typescript: boolean; blocks: number } {
  const keep: Array<[number, number]> = [];
  let typescript = false;
  for (const m of sfc.matchAll(SCRIPT_BLOCK)) {
    if (/\blang\s*=\s*["']?tsx?\b/i.test(m[1])) typescript = true;
    const start = m.index + m[0].indexOf('>') + 1;
    keep.push([start, start + m[2].length]);
  }
  let code = '';
  let pos = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  for (const [from, to] of keep) {
    code += blank(sfc.slice(pos, from)) + sfc.slice(from, to);
    pos = to;
  }
  code += blank(sfc.slice(pos));
  return { code, typescript, blocks: keep.length };
}

export async function load(): Promise<(text: string) => ParseOutcome<ScriptFacts>> {
  const { parser } = await import('@lezer/javascript');
  const ts = parser.configure({ dialect: 'ts', strict: true });
  const js = parser.configure({ strict: true });
  return (text) => {
    const { code, typescript, blocks } = scriptBlocks(text);
    if (blocks === 0) return { ok: true, value: { imports: [], exports: [], declarations: [], globs: [] } };
    return parseScript(typescript ? ts : js, code);
  };
}
