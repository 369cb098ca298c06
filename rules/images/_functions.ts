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

/** A `RUN ./entrypoint.sh <fn>` is a call of `fn` from a Dockerfile. */
export type EntrypointRun = Call;

/** One RUN instruction, its continuation lines joined, with a way back to file positions. */
interface RunInstruction {
  /** The instruction's text after `RUN`, continuation backslashes and newlines turned into spaces. */
  body: string;
  /** Position in the file of an offset in `body`. */
  at(offset: number, length: number): Span;
}

function runInstructions(text: string): RunInstruction[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const out: RunInstruction[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*RUN\s+)/i.exec(lines[i]);
    if (!m) continue;
    const pieces: Array<{ line: number; column: number; text: string }> = [];
    let j = i;
    let first = true;
    for (; j < lines.length; j++) {
      const raw = lines[j];
      if (!first && /^\s*#/.test(raw)) continue; // comment lines inside a continued instruction are dropped by Docker
      const start = first ? m[1].length : 0;
      const continued = /\\\s*$/.test(raw);
      pieces.push({ line: j + 1, column: start + 1, text: raw.slice(start).replace(/\\\s*$/, '') });
      first = false;
      if (!continued) break;
    }
    i = j;
    let body = '';
    const starts: number[] = [];
    for (const p of pieces) {
      starts.push(body.length);
      body += `${p.text} `;
    }
    out.push({
      body,
      at(offset, length) {
        // The last piece starting at or before offset (binary search: a RUN can hold thousands of lines).
        let k = 0;
        for (let hi = starts.length - 1; k < hi; ) {
          const mid = (k + hi + 1) >> 1;
          if (starts[mid] <= offset) k = mid;
          else hi = mid - 1;
        }
        const column = pieces[k].column + offset - starts[k];
        return { line: pieces[k].line, column, endLine: pieces[k].line, endColumn: column + length };
      },
    });
  }
  return out;
}

const ENTRYPOINT_CALL = /entrypoint\.sh\s+([A-Za-z_][\w-]*)/g;
const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
/** Whether the text ends at `end` with an operator after which a command starts: && || ; | ( */
const operatorEndsAt = (text: string, end: number) => {
  const ch = text[end - 1];
  return ch === ';' || ch === '|' || ch === '(' || (ch === '&' && text[end - 2] === '&');
};

/**
 * `./entrypoint.sh fn` at a command position: at the start of the instruction or after && || ; | (
 * (so `echo "see ./entrypoint.sh x"` and `chmod +x entrypoint.sh` are not runs). Each call is
 * checked backwards over its own word and the spaces before it, which keeps the work linear: a
 * pattern anchored on the operators instead backtracks through a whole line of `(((...`.
 */
function shellFormRuns(body: string): Array<{ name: string; offset: number }> {
  const out: Array<{ name: string; offset: number }> = [];
  for (const m of body.matchAll(ENTRYPOINT_CALL)) {
    const at = m.index;
    let word = at;
    while (word > 0 && !isSpace(body[word - 1])) word--;
    const pathBefore = at === word || body[at - 1] === '/';
    // `;./entrypoint.sh` or `(cd x&&/y/entrypoint.sh`: an operator inside the word, then a path or nothing.
    let operatorInWord = false;
    for (let end = word + 1; end <= at && !operatorInWord; end++) operatorInWord = operatorEndsAt(body, end) && (end === at || body[at - 1] === '/');
    let before = word;
    while (before > 0 && isSpace(body[before - 1])) before--;
    if (operatorInWord || (pathBefore && (before === 0 || operatorEndsAt(body, before)))) out.push({ name: m[1], offset: at + m[0].length - m[1].length });
  }
  return out;
}

/** `RUN ./entrypoint.sh <fn>` in Dockerfile and *.dockerfile: shell form (continuations included) and exec form. */
export async function entrypointRuns(ctx: RepoView): Promise<EntrypointRun[]> {
  const out: EntrypointRun[] = [];
  for (const path of await dockerfiles(ctx)) {
    for (const run of runInstructions((await ctx.read(path)) ?? '')) {
      const body = run.body.trim();
      if (body.startsWith('[')) {
        let argv: unknown;
        try {
          argv = JSON.parse(body);
        } catch {
          continue;
        }
        if (Array.isArray(argv) && typeof argv[0] === 'string' && /(^|\/)entrypoint\.sh$/.test(argv[0]) && typeof argv[1] === 'string') {
          const name = argv[1];
          out.push({ path, name, at: run.at(run.body.indexOf(`"${name}"`) + 1, name.length) });
        }
        continue;
      }
      for (const { name, offset } of shellFormRuns(run.body)) out.push({ path, name, at: run.at(offset, name.length) });
    }
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
      // A command word built at run time (install_"$t") names no function we can check.
      for (const c of s.bash.commands) if (/^[A-Za-z_][\w-]*$/.test(c.name)) add(index.calls, c.name, { path: s.path, name: c.name, at: c });
      for (const c of s.bash.comments) {
        const m = /^#+\s*([A-Za-z_][\w-]*)\b/.exec(c.text);
        if (m) add(index.commentedCalls, m[1], { path: s.path, name: m[1], at: c });
      }
    }
    for (const r of await entrypointRuns(ctx)) add(index.calls, r.name, r);
    return index;
  });
}
