// TypeScript modules (the VitePress config, its sidebars, the theme) through @lezer/javascript's
// TypeScript dialect: pure JS, the same family as the Python and Markdown parsers (they share its
// runtime). The parser keeps its own stack, so hostile nesting cannot overflow the JS one, and it runs
// in strict mode, so a syntax error ends the parse at once.
import type { ParseOutcome } from './parse-outcome.js';
import { parseScript, type ScriptFacts } from './script-facts.js';

export async function load(): Promise<(text: string) => ParseOutcome<ScriptFacts>> {
  const { parser } = await import('@lezer/javascript');
  const ts = parser.configure({ dialect: 'ts', strict: true });
  return (text) => parseScript(ts, text);
}
