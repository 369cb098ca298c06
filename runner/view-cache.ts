// The parsed views kept on disk: which parsers' views are cached, what identifies the code that
// built a view (its salt), how a view is encoded, and the order a view is looked for: in the
// repository's identity log without reading the file, then by the file's content, then parsed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IdentityLog } from './identity-log.js';
import { ParseCache } from './parse-cache.js';
import type { ParseOutcome } from './parsers/parse-outcome.js';
import { findSuppressions } from './suppress.js';
import { PACKAGE_ROOT } from './tool.js';
import type { ParserName } from './types.js';

/** The parsers rules name, and whether a theme file of the VitePress site may hold a glob call. */
export type ViewParser = ParserName | 'glob-call';

/**
 * Parsers whose views are cached on disk: the modules (under `parsers/`) that build the view, which
 * with the package manifest (it pins the grammars' versions) identify its output; the module that
 * encodes it for the cache (none: plain data, stored as it is); `identityOnly` for a view cheaper to
 * build again than to find by content.
 */
const CACHED: Partial<Record<ViewParser, { modules: readonly string[]; encode?: string; identityOnly?: true }>> = {
  bash: { modules: ['bash', 'bash-view'], encode: './parsers/bash-view.js' },
  csv: { modules: ['csv'], encode: './parsers/csv.js' },
  markdown: { modules: ['markdown', 'markdown-text'] },
  frontmatter: { modules: ['frontmatter', 'markdown-text'] },
  typescript: { modules: ['typescript', 'script-facts', 'script-values'] },
  javascript: { modules: ['javascript', 'script-facts', 'script-values'] },
  vue: { modules: ['vue', 'script-facts', 'script-values'] },
  redirects: { modules: ['redirects'] },
  // The wrapper's Python: parsed by several rules, and by the cross-repo rules at two revisions.
  python: { modules: ['python'] },
  'glob-call': { modules: ['theme-script'], identityOnly: true },
};

const moduleBytes = new Map<string, Buffer | undefined>();

/** The built module (or, run from the sources, the TypeScript one), read once per process. */
function parserModuleBytes(name: string): Buffer | undefined {
  if (!moduleBytes.has(name)) {
    let bytes: Buffer | undefined;
    for (const ext of ['js', 'ts']) {
      try {
        bytes = readFileSync(fileURLToPath(new URL(`./parsers/${name}.${ext}`, import.meta.url)));
        break;
      } catch {
        // not built: the sources are run
      }
    }
    moduleBytes.set(name, bytes);
  }
  return moduleBytes.get(name);
}

let manifest: Buffer | undefined;

const caches = new Map<string, ParseCache | undefined>();

export function cacheFor(dir: string, parser: ViewParser): ParseCache | undefined {
  const spec = CACHED[parser];
  if (!spec) return undefined;
  const id = `${dir}\0${parser}`;
  if (!caches.has(id)) {
    const sources = spec.modules.map(parserModuleBytes);
    manifest ??= readFileSync(path.join(PACKAGE_ROOT, 'package.json'));
    let salt: string | undefined;
    if (sources.every((b) => b !== undefined)) {
      const hash = createHash('sha256');
      for (const b of sources) hash.update(b!);
      salt = hash.update(manifest).digest('hex');
    }
    caches.set(id, salt ? new ParseCache(dir, `${parser}:${salt}`) : undefined);
  }
  return caches.get(id);
}

interface Codec {
  encode(value: unknown): unknown;
  decode(value: unknown): unknown;
}

const PLAIN: Codec = { encode: (value) => value, decode: (value) => value };
const codecs = new Map<ViewParser, Promise<Codec>>();
function codecFor(parser: ViewParser): Promise<Codec> {
  let p = codecs.get(parser);
  if (!p) {
    const module = CACHED[parser]!.encode;
    p = module === undefined ? Promise.resolve(PLAIN) : (import(module) as Promise<Codec>);
    codecs.set(parser, p);
  }
  return p;
}

/** A view in the identity log: the outcome as the parse cache stores it, and whether the file holds suppression comments. */
interface LoggedView {
  outcome: unknown;
  suppressions: boolean;
}

/** A stored outcome as the parser gave it; undefined when it does not decode (damaged, or written by hand). */
function decodeOutcome(stored: unknown, codec: Codec): ParseOutcome<unknown> | undefined {
  if (!stored || typeof stored !== 'object' || !('ok' in stored)) return undefined;
  const hit = stored as ParseOutcome<unknown>;
  try {
    if (!hit.ok) return { ok: false, error: { line: Number(hit.error.line) || 1, column: Number(hit.error.column) || 1, message: String(hit.error.message) } };
    return { ok: true, value: codec.decode(hit.value) };
  } catch {
    return undefined;
  }
}

/** What the cache needs of the context: reading a file (once), its identity, the log, the parser. */
export interface ViewFiles {
  read(file: string): Promise<string | undefined>;
  identity(file: string): Promise<string | undefined>;
  log(): IdentityLog;
  parser(): Promise<(text: string) => ParseOutcome<unknown>>;
}

/**
 * The parse outcome of a file (undefined when it cannot be read), from the cache when it holds one:
 * first by the file's identity, without reading it; else by its content; else parsed and stored.
 */
export async function parseThroughCache(cache: ParseCache, parser: ViewParser, rel: string, files: ViewFiles): Promise<ParseOutcome<unknown> | undefined> {
  const codec = await codecFor(parser);
  const identity = await files.identity(rel);
  const log = identity === undefined ? undefined : files.log();
  if (log && identity !== undefined) {
    const entry = log.get(cache.salt, rel, identity) as LoggedView | undefined;
    const outcome = entry && typeof entry === 'object' ? decodeOutcome(entry.outcome, codec) : undefined;
    if (outcome) {
      // A file with suppression comments is read all the same: the run checks them for use at its end.
      if (entry!.suppressions === true) await files.read(rel);
      return outcome;
    }
  }
  const text = await files.read(rel);
  if (text === undefined) return undefined;
  const { outcome, stored } = await byContent(cache, parser, text, files.parser);
  if (log && identity !== undefined) log.append(cache.salt, rel, identity, { outcome: stored, suppressions: findSuppressions(rel, text).length > 0 } satisfies LoggedView);
  return outcome;
}

/** A text's outcome found in the cache by its content, else parsed and stored; with the form stored. */
async function byContent(cache: ParseCache, parser: ViewParser, text: string, parse: ViewFiles['parser']): Promise<{ outcome: ParseOutcome<unknown>; stored: unknown }> {
  const codec = await codecFor(parser);
  const key = CACHED[parser]!.identityOnly ? undefined : cache.key(text);
  let stored = key === undefined ? undefined : cache.get(key);
  let outcome = decodeOutcome(stored, codec);
  if (!outcome) {
    // An entry that does not decode (damaged, or written by hand) is a miss, rewritten here.
    outcome = (await parse())(text);
    stored = outcome.ok ? { ok: true, value: codec.encode(outcome.value) } : outcome;
    if (key !== undefined) cache.set(key, stored);
  }
  return { outcome, stored };
}

/** The outcome of a text that is no file of the checked revision (another commit's): found by its content only. */
export async function parseTextThroughCache(cache: ParseCache, parser: ViewParser, text: string, parse: ViewFiles['parser']): Promise<ParseOutcome<unknown>> {
  return (await byContent(cache, parser, text, parse)).outcome;
}
