// Whether a VitePress theme file can hold an `import.meta.glob` call (how a theme lists its pages):
// only such a file is parsed. A view of its own, kept in the identity log only (testing the text
// costs less than finding the answer by content), so a warm run does not read the theme at all.
import type { ParseOutcome } from './parse-outcome.js';

/** Only a file with this text can hold a glob call. */
export const GLOB_CALL = /import\s*\.\s*meta\s*\.\s*glob/;

export async function load(): Promise<(text: string) => ParseOutcome<boolean>> {
  return (text) => ({ ok: true, value: GLOB_CALL.test(text) });
}
