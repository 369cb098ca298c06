// How files are read: the work tree, or a git revision without a checkout. Core logic never
// touches `fs` directly, so `--rev 5.1.4` and the pre-push hook see a tag's commit exactly.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FileEntry } from './context-api.js';
import type { GitFacts } from './git-facts.js';
import { normaliseLineEndings } from './lines.js';
import { statIdentity } from './identity-log.js';
import { isWithin } from './paths.js';

/** Files above this size are not read (a lint rule has no business in a 5 MB blob). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ReadResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'unreadable'; detail: string };

export interface Source {
  /** e.g. "work tree" or "commit 1a2b3c4 (5.1.4)". */
  readonly description: string;
  read(file: string): Promise<ReadResult>;
  list(dir: string): Promise<FileEntry[]>;
  /** Folders that exist but could not be listed so far, with why (e.g. "permission denied"). */
  listFailures?(): ReadonlyMap<string, string>;
  /** Every file path (not folders), for globbing; walks lazily once. */
  allFiles(): Promise<string[]>;
  /**
   * A key that changes whenever the file's bytes may have, known without reading them (the parse
   * cache finds a view by it); undefined when there is none to give.
   */
  identity?(file: string): Promise<string | undefined>;
}

/** Folders a work tree walk never enters (git's own folder, installed packages). */
export const SKIP_DIRS: ReadonlySet<string> = new Set(['.git', 'node_modules']);

export function normalisePath(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

const BINARY = 'binary file (contains NUL bytes)';

/** Text of a file's bytes: UTF-8, or UTF-16 when it starts with a byte order mark. */
function bytesToText(buf: Buffer): { text: string } | { problem: string } {
  const [a, b, c, d] = buf;
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) {
    return { problem: 'UTF-32 text is not read; save it as UTF-8' };
  }
  const le = a === 0xff && b === 0xfe;
  if (le || (a === 0xfe && b === 0xff)) {
    if (buf.length % 2 !== 0) return { problem: `UTF-16 ${le ? 'LE' : 'BE'} text with an odd number of bytes (truncated?); save it as UTF-8` };
    const units = Buffer.from(buf.subarray(2));
    if (!le) units.swap16();
    const text = units.toString('utf16le');
    return text.slice(0, 8000).includes('\0') ? { problem: BINARY } : { text };
  }
  if (buf.subarray(0, 8000).includes(0)) return { problem: BINARY };
  return { text: buf.toString('utf8').replace(/^\uFEFF/, '') };
}

/** A file's bytes as every source gives them: size limit, text decoding, one line ending. */
export function decodeFileBytes(buf: Buffer): ReadResult {
  if (buf.length > MAX_FILE_BYTES) return { ok: false, reason: 'unreadable', detail: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
  const res = bytesToText(buf);
  if ('problem' in res) return { ok: false, reason: 'unreadable', detail: res.problem };
  // One line ending for every reader, so line numbers agree with editors and GitHub (columns
  // within a line do not change; a lone CR ends its line).
  return { ok: true, text: normaliseLineEndings(res.text) };
}

export class WorktreeSource implements Source {
  readonly description = 'work tree';
  private readonly realRoot: string;
  private filesP?: Promise<string[]>;
  private readonly failedDirs = new Map<string, string>();
  /** Real paths of the folders `identity` was asked about. */
  private readonly realDirs = new Map<string, string>();

  constructor(private readonly root: string) {
    this.realRoot = realpathSync(root);
  }

  /**
   * Resolves a repo path; refuses one that escapes the repo (e.g. through a symlink). Synchronous,
   * as is listing a folder: on a busy machine a round trip through the thread pool costs several
   * times the call, and a walk of the tree makes two per folder.
   */
  private resolveInside(file: string): string | 'outside' | undefined {
    const abs = path.join(this.realRoot, normalisePath(file));
    let real: string;
    try {
      real = realpathSync.native(abs);
    } catch {
      return undefined;
    }
    if (!isWithin(real, this.realRoot)) return 'outside';
    return real;
  }

  async read(file: string): Promise<ReadResult> {
    const real = this.resolveInside(file);
    if (real === undefined) return { ok: false, reason: 'missing' };
    if (real === 'outside') return { ok: false, reason: 'unreadable', detail: 'symlink leads outside the repository; not followed' };
    try {
      // Synchronous like the path checks: a read through the thread pool costs five round trips.
      const stat = statSync(real);
      if (!stat.isFile()) return { ok: false, reason: 'missing' };
      if (stat.size > MAX_FILE_BYTES) return { ok: false, reason: 'unreadable', detail: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
      return decodeFileBytes(readFileSync(real));
    } catch (err) {
      return { ok: false, reason: 'unreadable', detail: (err as NodeJS.ErrnoException).code ?? String(err) };
    }
  }

  /**
   * The file's stat once settled (`statIdentity`); none for a symlink (left to `read`, which follows
   * it only inside), a file in a folder outside the repository, or one too large to read.
   */
  async identity(file: string): Promise<string | undefined> {
    const rel = normalisePath(file);
    const slash = rel.lastIndexOf('/');
    const dir = slash === -1 ? '' : rel.slice(0, slash);
    try {
      let realDir = this.realDirs.get(dir);
      if (realDir === undefined) {
        realDir = realpathSync.native(path.join(this.realRoot, dir));
        this.realDirs.set(dir, realDir);
      }
      if (!isWithin(realDir, this.realRoot)) return undefined;
      const stat = lstatSync(path.join(realDir, rel.slice(slash + 1)), { bigint: true });
      return stat.isFile() && stat.size <= MAX_FILE_BYTES ? statIdentity(stat, Date.now()) : undefined;
    } catch {
      return undefined;
    }
  }

  async list(dir: string): Promise<FileEntry[]> {
    const rel = normalisePath(dir);
    const real = this.resolveInside(rel);
    if (real === undefined || real === 'outside') return [];
    try {
      const entries = readdirSync(real, { withFileTypes: true });
      return entries
        .filter((e) => !(rel === '' && SKIP_DIRS.has(e.name)))
        .map((e) => ({
          path: rel ? `${rel}/${e.name}` : e.name,
          type: e.isSymbolicLink() ? ('symlink' as const) : e.isDirectory() ? ('dir' as const) : ('file' as const),
        }))
        .sort((a, b) => (a.path < b.path ? -1 : 1));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.failedDirs.set(rel, code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(err)));
      return [];
    }
  }

  listFailures(): ReadonlyMap<string, string> {
    return this.failedDirs;
  }

  allFiles(): Promise<string[]> {
    this.filesP ??= (async () => {
      const out: string[] = [];
      const walk = async (dir: string): Promise<void> => {
        for (const e of await this.list(dir)) {
          if (e.type === 'dir') {
            if (!SKIP_DIRS.has(path.posix.basename(e.path))) await walk(e.path);
          } else out.push(e.path);
        }
      };
      await walk('');
      return out.sort();
    })();
    return this.filesP;
  }
}

export class GitRevisionSource implements Source {
  readonly description: string;
  private listingP?: Promise<Map<string, FileEntry[]>>;
  private readonly blobIds = new Map<string, string>();

  constructor(private readonly git: GitFacts) {
    this.description = `commit ${git.commit?.slice(0, 12)}${git.rev && !git.commit?.startsWith(git.rev) ? ` (${git.rev})` : ''}`;
  }

  private listing(): Promise<Map<string, FileEntry[]>> {
    this.listingP ??= (async () => {
      const byDir = new Map<string, FileEntry[]>();
      for (const e of (await this.git.tree()) ?? []) {
        const dir = e.path.includes('/') ? e.path.slice(0, e.path.lastIndexOf('/')) : '';
        const type: FileEntry['type'] =
          e.type === 'tree' ? 'dir' : e.type === 'commit' ? 'gitlink' : e.mode === '120000' ? 'symlink' : 'file';
        if (!byDir.has(dir)) byDir.set(dir, []);
        byDir.get(dir)!.push({ path: e.path, type });
        if (type === 'file') this.blobIds.set(e.path, e.oid);
      }
      return byDir;
    })();
    return this.listingP;
  }

  async read(file: string): Promise<ReadResult> {
    const rel = normalisePath(file);
    const entries = (await this.listing()).get(rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '') ?? [];
    const entry = entries.find((e) => e.path === rel);
    if (!entry || entry.type === 'dir' || entry.type === 'gitlink') return { ok: false, reason: 'missing' };
    if (entry.type === 'symlink') return { ok: false, reason: 'unreadable', detail: 'symlink in the commit; not followed' };
    const obj = await this.git.object(`${this.git.commit}:${rel}`);
    if (!obj) return { ok: false, reason: 'unreadable', detail: 'git object missing (partial or shallow clone?)' };
    if (obj.tooLarge) return { ok: false, reason: 'unreadable', detail: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    return decodeFileBytes(obj.content);
  }

  /** The blob id: git names a blob by its content. */
  async identity(file: string): Promise<string | undefined> {
    await this.listing();
    const oid = this.blobIds.get(normalisePath(file));
    return oid === undefined ? undefined : `blob:${oid}`;
  }

  async list(dir: string): Promise<FileEntry[]> {
    return [...((await this.listing()).get(normalisePath(dir)) ?? [])].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  async allFiles(): Promise<string[]> {
    const out: string[] = [];
    for (const entries of (await this.listing()).values()) for (const e of entries) if (e.type === 'file' || e.type === 'symlink') out.push(e.path);
    return out.sort();
  }
}
