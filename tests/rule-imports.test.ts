// Rules read only through the context: no module under rules/ may reach, through any chain of
// runtime imports (rules/_* support modules and the runner modules they use included), node's
// file system or process modules, or the runner modules that read .git or start git.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const FORBIDDEN_BUILTINS = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process']);
const FORBIDDEN_MODULES = new Set(['git.ts', 'git-disk.ts', 'git-facts.ts', 'git-index.ts', 'git-locate.ts', 'git-repo.ts', 'git-shadow.ts', 'process.ts'].map((f) => `runner/${f}`));

/** Runtime import specifiers of a TypeScript source (type-only imports are erased by the compiler). */
export function runtimeImports(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) if (!m[1]) specs.push(m[2]);
  for (const m of source.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]);
  return specs;
}

/** Every forbidden import reachable from `entry`, as "a.ts -> b.ts -> node:fs" chains. */
export function forbiddenChains(entry: string, read: (file: string) => string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of runtimeImports(read(file))) {
      if (FORBIDDEN_BUILTINS.has(spec)) found.push([...chain, file, spec].join(' -> '));
      if (!spec.startsWith('.')) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts');
      if (FORBIDDEN_MODULES.has(target)) found.push([...chain, file, target].join(' -> '));
      else walk(target, [...chain, file]);
    }
  };
  walk(entry, []);
  return found;
}

const ruleFiles = readdirSync(path.join(ROOT, 'rules'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => `rules/${f.split(path.sep).join('/')}`)
  .sort();

describe('rules read only through the context', () => {
  it('finds a forbidden import through a support module and a dynamic import (the check itself)', () => {
    const sources: Record<string, string> = {
      'rules/x/a.ts': "import type { GitFacts } from '../../runner/git-facts.js';\nimport { helper } from './_help.js';\n",
      'rules/x/_help.ts': "export async function helper() {\n  return import('node:child_process');\n}\nexport { x } from '../../runner/git.js';\n",
    };
    expect(forbiddenChains('rules/x/a.ts', (f) => sources[f])).toEqual([
      'rules/x/a.ts -> rules/x/_help.ts -> runner/git.ts',
      'rules/x/a.ts -> rules/x/_help.ts -> node:child_process',
    ]);
  });

  it.each(ruleFiles)('%s', (file) => {
    expect(forbiddenChains(file, (f) => readFileSync(path.join(ROOT, f), 'utf8'))).toEqual([]);
  });
});
