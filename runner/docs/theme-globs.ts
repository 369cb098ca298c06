// `import.meta.glob(...)` calls of a VitePress theme (how a blog index lists its posts), resolved to
// the files they match the way Vite does: `/x` from the Vite root (VitePress' srcDir), `./x` and
// `../x` from the file, `!` to exclude. A pattern built at run time, or an alias, is unresolved.
import path from 'node:path';
import type { ScriptFacts } from '../parsers/script-facts.js';
import type { Span } from '../types.js';
import { StaticEvaluator, isUnresolved, type Unresolved } from './static-eval.js';

export interface ThemeGlob {
  /** The theme file and where the call is. */
  file: string;
  at: Span;
  /** The patterns as written. */
  patterns: string[];
  /** Repo paths of the files matched (Markdown pages and anything else), sorted. */
  matches: string[];
}

type Matcher = (pattern: string) => (file: string) => boolean;

/** Patterns of one glob call as repo-relative globs (`!` kept), or why they cannot be told. */
export function globPatterns(args: ScriptFacts['globs'][number]['args'], file: string, facts: ScriptFacts, srcDir: string): { written: string[]; resolved: string[] } | Unresolved {
  const first = args[0];
  if (!first) return { file, at: { line: 1, column: 1 }, reason: 'import.meta.glob() without a pattern' };
  const evaluator = new StaticEvaluator(new Map([[file, facts]]), () => undefined);
  const value = evaluator.resolve(first, file);
  if (isUnresolved(value)) return { ...value, reason: `glob pattern: ${value.reason}` };
  const items = value.value.kind === 'array' ? evaluator.items(value) : [value];
  const written: string[] = [];
  for (const item of items) {
    if (isUnresolved(item)) return { ...item, reason: `glob pattern: ${item.reason}` };
    if (item.value.kind !== 'string') return { file, at: item.value.at, reason: 'a glob pattern that is not a string' };
    written.push(item.value.value);
  }
  const resolved: string[] = [];
  for (const w of written) {
    const negated = w.startsWith('!');
    const p = negated ? w.slice(1) : w;
    let full: string;
    if (p.startsWith('/')) full = path.posix.join(srcDir, p);
    else if (p.startsWith('./') || p.startsWith('../')) full = path.posix.join(path.posix.dirname(file), p);
    else return { file, at: first.at, reason: `glob pattern '${w}' names an alias or a package; only /, ./ and ../ patterns are read` };
    full = path.posix.normalize(full);
    // A pattern that climbs out of the repository matches nothing in it.
    if (full.startsWith('../')) full = `\0outside/${full}`;
    resolved.push(negated ? `!${full}` : full);
  }
  return { written, resolved };
}

/** Every glob call of the theme's sources, with the files each matches. */
export function themeGlobs(sources: ReadonlyMap<string, ScriptFacts>, srcDir: string, files: readonly string[], matcher: Matcher): { globs: ThemeGlob[]; unresolved: Unresolved[] } {
  const globs: ThemeGlob[] = [];
  const unresolved: Unresolved[] = [];
  for (const [file, facts] of sources) {
    for (const call of facts.globs) {
      const patterns = globPatterns(call.args, file, facts, srcDir);
      if ('reason' in patterns) {
        unresolved.push(patterns);
        continue;
      }
      const include = patterns.resolved.filter((p) => !p.startsWith('!')).map(matcher);
      const exclude = patterns.resolved.filter((p) => p.startsWith('!')).map((p) => matcher(p.slice(1)));
      // Vite skips node_modules unless told otherwise.
      const matches = files.filter((f) => !f.split('/').includes('node_modules') && include.some((m) => m(f)) && !exclude.some((m) => m(f)));
      globs.push({ file, at: call.at, patterns: patterns.written, matches });
    }
  }
  return { globs, unresolved };
}
