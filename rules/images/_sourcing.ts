// Which scripts sources/install/entrypoint.sh sources, directly and through them.
import type { RepoView } from '../../runner/context-api.js';
import type { BashCommand } from '../../runner/parsers/bash.js';
import type { Span } from '../../runner/types.js';
import { ENTRYPOINT, INSTALL_DIR, installScripts, unparsedScripts } from './_images.js';

export interface SourceLine {
  /** The script that runs `source`. */
  from: string;
  /** Repo path of the sourced script; undefined when built from variables. */
  target?: string;
  written: string;
  at: Span;
}

export interface Sourcing {
  /** Whether entrypoint.sh exists and parses. */
  entrypoint: boolean;
  /** `source` lines of entrypoint.sh itself. */
  direct: SourceLine[];
  /** Top-level `source` lines of every script in the chain, entrypoint.sh first. */
  lines: SourceLine[];
  /** entrypoint.sh and every script it sources, transitively. */
  reachable: Set<string>;
  /** A top-level `source` in the chain whose target is computed: the set above may be incomplete. */
  unresolved?: SourceLine;
  /** A script of the chain that could not be parsed (its functions and sources are unknown). */
  unparsed?: string;
}

// Only top-level `source` lines decide which functions exist: a `source "$HOME/.cargo/env"` inside
// an install function runs at install time and defines nothing the build can call.
const isSource = (c: BashCommand) => (c.name === 'source' || c.name === '.') && c.args.length > 0 && c.fn === undefined;

/** Resolve a sourced path the way the build does: relative to sources/install, where entrypoint.sh runs. */
function resolve(written: string): string {
  const inRepo = /(?:^|\/)sources\/install\/(.+)$/.exec(written);
  if (inRepo) return `${INSTALL_DIR}/${inRepo[1]}`;
  return `${INSTALL_DIR}/${written.replace(/^\.\//, '')}`;
}

export function sourcing(ctx: RepoView): Promise<Sourcing> {
  return ctx.memo('images:sourcing', async () => {
    const scripts = new Map((await installScripts(ctx)).map((s) => [s.path, s.bash]));
    const unparsed = new Set(await unparsedScripts(ctx));
    const lines = (path: string): SourceLine[] =>
      (scripts.get(path)?.commands ?? []).filter(isSource).map((c) => {
        const value = c.args[0].value;
        return { from: path, target: value === undefined ? undefined : resolve(value), written: c.args[0].text, at: c };
      });
    const result: Sourcing = { entrypoint: scripts.has(ENTRYPOINT), direct: lines(ENTRYPOINT), lines: [], reachable: new Set() };
    const queue = [ENTRYPOINT];
    for (let next = 0; next < queue.length; next++) {
      const path = queue[next];
      if (result.reachable.has(path)) continue;
      if (!scripts.has(path)) {
        if (unparsed.has(path)) result.unparsed ??= path;
        continue;
      }
      result.reachable.add(path);
      for (const l of lines(path)) {
        result.lines.push(l);
        if (l.target === undefined) result.unresolved ??= l;
        else queue.push(l.target);
      }
    }
    return result;
  });
}
