// Thin, safe access to the git CLI. Measured: a spawn costs ~12 ms, so callers batch
// (one `cat-file --batch` per repo, one `ls-tree` per commit) and memoise.
import { spawn } from 'node:child_process';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Variables git sets for hooks that would point our commands at another repository. */
const LEAKY_ENV = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_PREFIX',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
];

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
  for (const k of LEAKY_ENV) delete env[k];
  return env;
}

/** Where git commands run: a work tree folder, or a git dir (e.g. `.git/modules/<name>`). */
export type GitLocation = { cwd: string } | { gitDir: string };

function locationArgs(loc: GitLocation): string[] {
  return 'gitDir' in loc ? [`--git-dir=${loc.gitDir}`] : ['-C', loc.cwd];
}

export function runGit(loc: GitLocation, args: readonly string[], input?: string): Promise<GitResult> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn('git', [...locationArgs(loc), '-c', 'core.quotePath=false', ...args], {
        env: gitEnv(),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    } catch (err) {
      resolve({ code: 127, stdout: '', stderr: String(err) });
      return;
    }
    const out: Buffer[] = [];
    const errOut: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => errOut.push(d));
    child.on('error', (err) => resolve({ code: 127, stdout: '', stderr: String(err) }));
    child.on('close', (code) =>
      resolve({ code: code ?? 128, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(errOut).toString('utf8') }),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

export interface BatchObject {
  oid: string;
  type: string;
  content: Buffer;
}

/**
 * One long-lived `git cat-file --batch` process: objects by `<rev>:<path>` or id, in order.
 * Missing objects resolve to undefined (partial clones, missing paths).
 */
export class CatFileBatch {
  private child: ReturnType<typeof spawn> | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private readonly queue: Array<(obj: BatchObject | undefined) => void> = [];
  private dead = false;

  constructor(private readonly loc: GitLocation) {}

  private start(): ReturnType<typeof spawn> {
    if (this.child) return this.child;
    const child = spawn('git', [...locationArgs(this.loc), 'cat-file', '--batch'], {
      env: gitEnv(),
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    child.stdout!.on('data', (d: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, d]) : d;
      this.drain();
    });
    const fail = () => {
      this.dead = true;
      for (const waiter of this.queue.splice(0)) waiter(undefined);
    };
    child.on('error', fail);
    child.on('close', fail);
    child.stdin!.on('error', () => undefined);
    this.child = child;
    return child;
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const nl = this.buffer.indexOf(10);
      if (nl === -1) return;
      const header = this.buffer.subarray(0, nl).toString('utf8');
      const parts = header.split(' ');
      if (parts.length !== 3 || !/^\d+$/.test(parts[2])) {
        // "<name> missing" or "<name> ambiguous"
        this.buffer = this.buffer.subarray(nl + 1);
        this.queue.shift()!(undefined);
        continue;
      }
      const size = Number(parts[2]);
      if (this.buffer.length < nl + 1 + size + 1) return;
      const content = Buffer.from(this.buffer.subarray(nl + 1, nl + 1 + size));
      this.buffer = this.buffer.subarray(nl + 1 + size + 1);
      this.queue.shift()!({ oid: parts[0], type: parts[1], content });
    }
  }

  read(spec: string): Promise<BatchObject | undefined> {
    if (this.dead || /[\n\r]/.test(spec)) return Promise.resolve(undefined);
    const child = this.start();
    return new Promise((resolve) => {
      this.queue.push(resolve);
      child.stdin!.write(spec + '\n');
    });
  }

  close(): void {
    if (this.child && !this.dead) {
      this.child.stdin!.end();
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

/** The whole tree of a commit, recursive, with folders; one spawn. */
export async function listTree(loc: GitLocation, commit: string): Promise<TreeEntry[] | undefined> {
  const res = await runGit(loc, ['ls-tree', '-r', '-t', '-z', '--full-tree', commit]);
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

/** Commit id of a ref or object id, or undefined. */
/** Object id a revision spec names (`v1^{}`, `HEAD:path`...), or undefined. */
export async function resolveObject(loc: GitLocation, spec: string): Promise<string | undefined> {
  const r = await runGit(loc, ['rev-parse', '--verify', '--quiet', spec]);
  return r.code === 0 ? r.stdout.trim() : undefined;
}

export function resolveCommit(loc: GitLocation, ref: string): Promise<string | undefined> {
  return resolveObject(loc, `${ref}^{commit}`);
}

/** Whether `ancestor` is in the history of `descendant`; undefined when git cannot tell (missing objects). */
export async function isAncestor(loc: GitLocation, ancestor: string, descendant: string): Promise<boolean | undefined> {
  const r = await runGit(loc, ['merge-base', '--is-ancestor', ancestor, descendant]);
  return r.code === 0 ? true : r.code === 1 ? false : undefined;
}
