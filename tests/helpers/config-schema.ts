// The config schema as editors see it, compiled with ajv for tests.
import { Ajv } from 'ajv';
import { configJsonSchema } from '../../runner/config-schema.js';
import { allRuleMeta } from '../../runner/registry.js';

export async function configValidator() {
  const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true });
  ajv.addFormat('regex', (s: string) => {
    try {
      return new RegExp(s) instanceof RegExp;
    } catch {
      return false;
    }
  });
  return ajv.compile(configJsonSchema(await allRuleMeta()));
}

/** The fenced blocks of one language in a Markdown file. */
export function fencedBlocks(markdown: string, lang: string): string[] {
  return [...markdown.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1]);
}

