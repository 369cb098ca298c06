// JavaScript modules of a VitePress site (`.js`, `.mjs`): the same facts as for TypeScript, read
// with the plain JavaScript grammar (a `<` in JavaScript is never a type argument).
import type { ParseOutcome } from './parse-outcome.js';
import { parseScript, type ScriptFacts } from './script-facts.js';

export async function load(): Promise<(text: string) => ParseOutcome<ScriptFacts>> {
  const { parser } = await import('@lezer/javascript');
  const js = parser.configure({ strict: true });
  return (text) => parseScript(js, text);
}
