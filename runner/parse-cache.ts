// A content-addressed cache of parsed views on disk, so a file that has not changed is not parsed
// again by the next run. Best effort: any failure means "not cached", never a changed finding.
// (`identity-log.ts` finds the same views by file identity, without reading the files.)
//
// A cache folder can be shared with someone else (a CI runner's home folder), so nothing in it is
// trusted as is: the folder must be the user's own and closed to others, no symlink in it is
// followed, and an entry is used only when the sha256 it carries matches its key and content.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, lstatSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runsInCI } from './ci.js';
import { readRegularFileSync } from './regular-file.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `$PORGS_LINT_CACHE_DIR`, else `$XDG_CACHE_HOME/porgs-lint`, else `~/.cache/porgs-lint`. In CI there
 * is no default (undefined: no cache): a runner's home folder may be shared with other jobs, so only
 * a folder given with `--cache-dir` is used there.
 */
export function defaultCacheDir(env: Env): string | undefined {
  if (runsInCI(env)) return undefined;
  if (env.PORGS_LINT_CACHE_DIR) return env.PORGS_LINT_CACHE_DIR;
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'porgs-lint');
}

/** The folder the CLI caches in: `--cache-dir` (relative to cwd), else the default; undefined: no cache. */
export function chooseCacheDir(flag: string | undefined, env: Env, cwd: string): string | undefined {
  const dir = flag ?? defaultCacheDir(env);
  return dir === undefined ? undefined : path.resolve(cwd, dir);
}

/** An entry larger than this is not read (a view is a few times its script, itself at most 5 MB). */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
/** First line of an entry: this tag, then the sha256 of its key and body. */
const MAGIC = 'porgs-lint-cache 1 ';
const HEADER_LENGTH = MAGIC.length + 64 + 1;

/** Owned by the current user and not writable by group or others (where the platform has owners). */
export function isPrivate(st: Stats): boolean {
  if (typeof process.getuid !== 'function') return true;
  return st.uid === process.getuid() && (st.mode & 0o022) === 0;
}

export function writeAll(fd: number, data: Buffer): void {
  for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, data.length - at);
}

/**
 * The shard folder of a key (its first two hex digits), when it and the cache folder are the
 * user's own and closed to others. Checked on every use (two stats against an entry's read
 * and hash), so a folder opened up during a long-lived process is noticed. The cache folder
 * itself may be a symlink the user made; a shard may not.
 */
export function privateShard(dir: string, key: string, create: boolean): string | undefined {
  const shard = path.join(dir, key.slice(0, 2));
  try {
    if (create) mkdirSync(shard, { recursive: true, mode: 0o700 });
    const root = statSync(dir);
    const st = lstatSync(shard);
    return root.isDirectory() && isPrivate(root) && st.isDirectory() && isPrivate(st) ? shard : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes `file` (in a private shard) whole: a fresh name opened exclusively (O_EXCL also refuses a
 * symlink planted under that name), then renamed over it, so readers see the old file or the new
 * one, never half of one. False when it could not be written (which only makes a later run slower).
 */
export function replaceFile(file: string, parts: readonly Buffer[]): boolean {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o600);
    for (const part of parts) writeAll(fd, part);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
    return true;
  } catch {
    try {
      if (fd !== undefined) closeSync(fd);
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
    return false;
  }
}

export class ParseCache {
  /**
   * @param salt identifies the parser and the code that builds the view: entries written by
   *   another version are never read.
   */
  constructor(
    private readonly dir: string,
    readonly salt: string,
  ) {}

  key(text: string): string {
    return createHash('sha256').update(this.salt).update('\0').update(text).digest('hex');
  }

  private checksum(key: string, body: Buffer): string {
    return createHash('sha256').update(key).update('\0').update(body).digest('hex');
  }

  get(key: string): unknown {
    const shard = privateShard(this.dir, key, false);
    if (!shard) return undefined;
    const read = readRegularFileSync(path.join(shard, `${key}.json`), MAX_ENTRY_BYTES, 'refuse');
    if (!read.ok || !isPrivate(read.stat) || read.bytes.length < HEADER_LENGTH) return undefined;
    try {
      const header = read.bytes.toString('latin1', 0, HEADER_LENGTH);
      const body = read.bytes.subarray(HEADER_LENGTH);
      if (!header.startsWith(MAGIC) || header !== `${MAGIC}${this.checksum(key, body)}\n`) return undefined;
      return JSON.parse(body.toString('utf8'));
    } catch {
      return undefined;
    }
  }

  set(key: string, value: unknown): void {
    const shard = privateShard(this.dir, key, true);
    if (!shard) return;
    try {
      const body = Buffer.from(JSON.stringify(value));
      replaceFile(path.join(shard, `${key}.json`), [Buffer.from(`${MAGIC}${this.checksum(key, body)}\n`), body]);
    } catch {
      // A value that does not serialise is not cached.
    }
  }
}
