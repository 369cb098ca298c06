// Where install functions are defined and from where they are called.
import type { RepoView } from '../../runner/context-api.js';
import type { Span } from '../../runner/types.js';
import { dockerfiles, installScripts } from './_images.js';

export interface Definition {
  path: string;
  name: string;
  /** The name in `function name() {`. */
  at: Span;
  firstLine: number;
  lastLine: number;
}

export interface Call {
  path: string;
  name: string;
  at: Span;
}

export interface FunctionIndex {
  definitions: Map<string, Definition[]>;
  /** Calls as commands in the install scripts, and `RUN ./entrypoint.sh <fn>` in Dockerfiles. */
  calls: Map<string, Call[]>;
  /** Names mentioned in comments as a first word (`# install_tool   # removed`). */
  commentedCalls: Map<string, Call[]>;
}

export interface EntrypointRun {
  path: string;
  name: string;
  at: Span;
}

/** `RUN ./entrypoint.sh <fn>` in Dockerfile and *.dockerfile (continuation lines included). */
export async function entrypointRuns(ctx: RepoView): Promise<EntrypointRun[]> {
  const out: EntrypointRun[] = [];
  for (const path of await dockerfiles(ctx)) {
    const text = (await ctx.read(path)) ?? '';
    let inRun = false;
    text.split('\n').forEach((raw, i) => {
      const line = raw.replace(/\r$/, '');
      if (/^\s*#/.test(line)) return;
      if (/^\s*RUN\s/i.test(line)) inRun = true;
      if (inRun) {
        for (const m of line.matchAll(/(?:^|[\s;&|(])(?:\.\/|\S*\/)?entrypoint\.sh\s+([A-Za-z_][\w-]*)/g)) {
          const column = m.index + m[0].length - m[1].length + 1;
          out.push({ path, name: m[1], at: { line: i + 1, column, endLine: i + 1, endColumn: column + m[1].length } });
        }
      }
      if (!/\\\s*$/.test(line)) inRun = false;
    });
  }
  return out;
}

export function functionIndex(ctx: RepoView): Promise<FunctionIndex> {
  return ctx.memo('images:function-index', async () => {
    const index: FunctionIndex = { definitions: new Map(), calls: new Map(), commentedCalls: new Map() };
    const add = <T>(map: Map<string, T[]>, key: string, v: T) => {
      const list = map.get(key);
      if (list) list.push(v);
      else map.set(key, [v]);
    };
    for (const s of await installScripts(ctx)) {
      for (const fn of s.bash.functions) add(index.definitions, fn.name, { path: s.path, name: fn.name, at: fn.nameAt, firstLine: fn.line, lastLine: fn.endLine ?? fn.line });
      for (const c of s.bash.commands) add(index.calls, c.name, { path: s.path, name: c.name, at: c });
      for (const c of s.bash.comments) {
        const m = /^#+\s*([A-Za-z_][\w-]*)\b/.exec(c.text);
        if (m) add(index.commentedCalls, m[1], { path: s.path, name: m[1], at: c });
      }
    }
    for (const r of await entrypointRuns(ctx)) add(index.calls, r.name, r);
    return index;
  });
}
