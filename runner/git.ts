// git plumbing on a porgs-lint git folder (runner/git-shadow.ts), through the process gateway.
// Measured: a spawn costs ~5-12 ms, so callers batch (one `cat-file --batch` per repo, one
// `ls-tree` per commit) and memoise. Every call's exit status is returned and checked.
import type { Readable } from 'node:stream';
import { startGit, startHooksPathQuery, type GitProcess } from './process.js';

export interface GitResult {
  /** git's exit status; -1 when it could not start, ran out of time or wrote too much. */
  code: number;
  stdout: string;
  stderr: string;
  /** Why git was stopped or never ran. */
  failure?: string;
}

const MAX_OUTPUT = 64 * 1024 * 1024;
const MAX_STDERR = 64 * 1024;

async function collect(proc: GitProcess, input?: string): Promise<GitResult> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let outBytes = 0;
  let errBytes = 0;
  proc.child.stdout!.on('data', (d: Buffer) => {
    outBytes += d.length;
    if (outBytes > MAX_OUTPUT) proc.stop(`git wrote more than ${MAX_OUTPUT / 1024 / 1024} MB`);
    else out.push(d);
  });
  proc.child.stderr!.on('data', (d: Buffer) => {
    if ((errBytes += d.length) <= MAX_STDERR) err.push(d);
  });
  if (proc.child.stdin) {
    proc.child.stdin.on('error', () => undefined);
    proc.child.stdin.end(input ?? '');
  }
  const { code, failure } = await proc.exited;
  return { code, failure, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

export function runGit(gitDir: string, args: readonly string[], input?: string): Promise<GitResult> {
  return collect(startGit({ gitDir, args }), input);
}

/** git's own reason for a failed call, on one line (its last message), for a "cannot verify" note. */
export function gitFailure(res: GitResult): string {
  if (res.failure) return res.failure;
  const last = res.stderr.trim().split('\n').pop()?.trim();
  return last ? last.replace(/^(fatal|error): /, '') : `git exited with status ${res.code}`;
}

/** The hooks folder git uses for the repo at `cwd` (relative to `cwd` or absolute), or undefined. */
export async function hooksDirOf(cwd: string): Promise<string | undefined> {
  const res = await collect(startHooksPathQuery(cwd));
  return res.code === 0 ? res.stdout.trim() : undefined;
}

export interface BatchObject {
  oid: string;
  type: string;
  size: number;
  /** The content; empty when `tooLarge`. */
  content: Buffer;
  /** Larger than the reader's limit: the content was skipped, never held. */
  tooLarge: boolean;
}

interface Pending {
  resolve(obj: BatchObject | undefined): void;
}

/**
 * One long-lived `git cat-file --batch` process: objects by `<rev>:<path>` or id, in order.
 * Missing objects resolve to undefined (partial clones, missing paths). An object larger than
 * `maxContent` is reported by its header and its bytes are skipped as they arrive.
 */
export class CatFileBatch {
  private proc: GitProcess | undefined;
  private readonly queue: Pending[] = [];
  private header: Buffer = Buffer.alloc(0);
  private body: { obj: BatchObject; remaining: number; chunks?: Buffer[] } | undefined;
  private dead = false;

  constructor(
    private readonly gitDir: () => string,
    private readonly maxContent: number,
  ) {}

  private start(): GitProcess {
    if (this.proc) return this.proc;
    const proc = startGit({ gitDir: this.gitDir(), args: ['cat-file', '--batch'], idle: true });
    proc.child.stdout!.on('data', (d: Buffer) => {
      proc.arm(); // progress: the time limit counts from the last output
      this.onData(d);
      if (this.queue.length === 0) proc.disarm();
    });
    (proc.child.stderr as Readable).resume();
    proc.child.stdin!.on('error', () => undefined);
    void proc.exited.then(() => this.fail());
    this.proc = proc;
    return proc;
  }

  private fail(): void {
    this.dead = true;
    for (const waiter of this.queue.splice(0)) waiter.resolve(undefined);
  }

  private onData(d: Buffer): void {
    let at = 0;
    while (at < d.length && this.queue.length > 0) {
      if (this.body) {
        const take = Math.min(this.body.remaining, d.length - at);
        this.body.chunks?.push(d.subarray(at, at + take));
        this.body.remaining -= take;
        at += take;
        if (this.body.remaining === 0) {
          const { obj, chunks } = this.body;
          if (chunks) obj.content = Buffer.concat(chunks).subarray(0, obj.size);
          this.body = undefined;
          this.queue.shift()!.resolve(obj);
        }
        continue;
      }
      const nl = d.indexOf(10, at);
      if (nl === -1) {
        this.header = Buffer.concat([this.header, d.subarray(at)]);
        if (this.header.length > 4096) this.proc?.stop('cat-file wrote a header longer than 4 KB');
        return;
      }
      const line = Buffer.concat([this.header, d.subarray(at, nl)]).toString('utf8');
      this.header = Buffer.alloc(0);
      at = nl + 1;
      const parts = line.split(' ');
      if (parts.length !== 3 || !/^\d{1,15}$/.test(parts[2])) {
        this.queue.shift()!.resolve(undefined); // "<spec> missing" or "<spec> ambiguous"
        continue;
      }
      const size = Number(parts[2]);
      const tooLarge = size > this.maxContent;
      const obj: BatchObject = { oid: parts[0], type: parts[1], size, content: Buffer.alloc(0), tooLarge };
      this.body = { obj, remaining: size + 1, chunks: tooLarge ? undefined : [] };
    }
  }

  read(spec: string): Promise<BatchObject | undefined> {
    if (this.dead || /[\n\r\0]/.test(spec)) return Promise.resolve(undefined);
    let proc: GitProcess;
    try {
      proc = this.start();
    } catch (err) {
      this.dead = true;
      return Promise.reject(err);
    }
    return new Promise((resolve) => {
      if (this.queue.length === 0) proc.arm();
      this.queue.push({ resolve });
      proc.child.stdin!.write(spec + '\n');
    });
  }

  close(): void {
    if (this.proc && !this.dead) {
      this.proc.child.stdin!.end();
      this.dead = true;
    }
  }
}

export interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
  path: string;
}

/** The whole tree of a commit, recursive, with folders; one spawn. Undefined when git fails. */
export async function listTree(gitDir: string, commit: string): Promise<TreeEntry[] | undefined> {
  const res = await runGit(gitDir, ['ls-tree', '-r', '-t', '-z', '--full-tree', '--end-of-options', commit]);
  if (res.code !== 0) return undefined;
  const entries: TreeEntry[] = [];
  for (const rec of res.stdout.split('\0')) {
    if (!rec) continue;
    const tab = rec.indexOf('\t');
    const [mode, type, oid] = rec.slice(0, tab).split(' ');
    entries.push({ mode, type: type as TreeEntry['type'], oid, path: rec.slice(tab + 1) });
  }
  return entries;
}

/** An all-zero object id (40 or 64 digits): "no such ref" in git's protocols. */
export const isZeroOid = (oid: string) => /^0+$/.test(oid);

/** Object id a revision spec names (`v1^{}`, `HEAD:path`...), or undefined. */
export async function resolveObject(gitDir: string, spec: string): Promise<string | undefined> {
  // rev-parse honours --end-of-options only with --verify on git 2.39.
  const r = await runGit(gitDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', spec]);
  return r.code === 0 ? r.stdout.trim() : undefined;
}

/** Commit id of a ref or object id, or undefined. */
export function resolveCommit(gitDir: string, ref: string): Promise<string | undefined> {
  return resolveObject(gitDir, `${ref}^{commit}`);
}

/** Whether `ancestor` is in the history of `descendant`; undefined when git cannot tell (missing objects). */
export async function isAncestor(gitDir: string, ancestor: string, descendant: string): Promise<boolean | undefined> {
  const r = await runGit(gitDir, ['merge-base', '--is-ancestor', '--end-of-options', ancestor, descendant]);
  return r.code === 0 ? true : r.code === 1 ? false : undefined;
}
