// Files named on the command line (and configs found in a checked repo): only regular files are
// read, and never by opening something that could block (a FIFO) or act on open (a device).
// Reports are written to a temp file beside the target and renamed over it, and never through a
// symbolic link that a checked repository could have committed.
import { constants, promises as fs, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { UsageError } from './errors.js';
import { readRegularFileSync } from './regular-file.js';
import { isWithin } from './paths.js';

export type FileRead = { ok: true; text: string } | { ok: false; reason: string };

/** What a non-regular file is, in words. */
export function fileKind(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** An errno code in words, for "cannot read <file>: <words>". */
export function errnoWords(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a folder on its path is a file';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EISDIR':
      return 'a folder';
    default:
      return code ?? String(err);
  }
}

/**
 * Reads a regular file of at most `maxBytes`. `links: 'refuse'` is for files a checked repository
 * controls: a symbolic link there could point at any file of the machine.
 */
export async function readRegularFile(file: string, maxBytes: number, links: 'follow' | 'refuse'): Promise<FileRead> {
  let st: Stats;
  try {
    st = links === 'follow' ? await fs.stat(file) : await fs.lstat(file);
  } catch (err) {
    return { ok: false, reason: errnoWords(err) };
  }
  if (!st.isFile()) return { ok: false, reason: `${fileKind(st)}, not a regular file` };
  if (st.size > maxBytes) return { ok: false, reason: `larger than ${maxBytes} bytes` };
  // Checked again on the opened file: it may have been swapped for a FIFO or grown since.
  const read = readRegularFileSync(file, maxBytes, links);
  if (read.ok) return { ok: true, text: read.bytes.toString('utf8') };
  if ('error' in read) return { ok: false, reason: errnoWords(read.error) };
  return { ok: false, reason: read.problem === 'not-file' ? `${fileKind(read.stat)}, not a regular file` : `larger than ${maxBytes} bytes` };
}

/**
 * Walks `target` (absolute) one component at a time. A symbolic link on the way is followed only
 * outside the checked repositories (`guarded`, real paths): the user's own links, such as a /tmp
 * that is a link, stay usable, while a link committed in a checked repo never steers a read or a
 * write elsewhere. With `create`, missing folders are made; without, the walk stops at the first.
 */
async function walkPath(target: string, what: string, guarded: readonly string[], create: boolean): Promise<void> {
  let lexical = path.parse(target).root;
  let real = lexical;
  for (const part of target.slice(lexical.length).split(path.sep).filter(Boolean)) {
    const next = path.join(lexical, part);
    let st: Stats | undefined;
    try {
      st = await fs.lstat(next);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`${what}: cannot reach ${next}: ${errnoWords(err)}`);
    }
    if (!st) {
      if (!create) return;
      try {
        await fs.mkdir(next);
      } catch (err) {
        throw new UsageError(`${what}: cannot create the folder ${next}: ${errnoWords(err)}`);
      }
      real = path.join(real, part);
    } else if (st.isSymbolicLink()) {
      const repo = guarded.find((root) => isWithin(real, root));
      if (repo) {
        throw new UsageError(
          `${what}: ${next} is a symbolic link inside the checked repository ${repo}; porgs-lint does not follow it: keep the file outside the checkout (e.g. under $RUNNER_TEMP), or remove the link`,
        );
      }
      try {
        real = await fs.realpath(next);
      } catch (err) {
        throw new UsageError(`${what}: cannot reach ${next}: ${errnoWords(err)}`);
      }
    } else if (st.isDirectory()) real = path.join(real, part);
    else if (next !== target) throw new UsageError(`${what}: ${next} is ${fileKind(st)}, not a folder`);
    lexical = next;
  }
}

/** Refuses a path that passes through a symbolic link inside a checked repository (see walkPath). */
export function refuseRepoLinks(file: string, what: string, guarded: readonly string[]): Promise<void> {
  return walkPath(file, what, guarded, false);
}

/**
 * Writes `text` to `file` (absolute) through a temp file in the same folder, opened exclusively
 * and without following links, then renamed over the target. An existing target must be a regular
 * file: a link, FIFO or device there is a usage error naming it, and is never written through.
 */
export async function writeReportFile(file: string, text: string, what: string, guarded: readonly string[]): Promise<void> {
  await walkPath(path.dirname(file), what, guarded, true);
  try {
    const st = await fs.lstat(file);
    if (!st.isFile()) throw new UsageError(`${what}: ${file} is ${fileKind(st)}; porgs-lint writes only to a regular file: remove it or choose another name`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`${what}: cannot write ${file}: ${errnoWords(err)}`);
  }
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
    try {
      await handle.writeFile(text);
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw new UsageError(`${what}: cannot write ${file}: ${errnoWords(err)}`);
  }
}

/**
 * Creates `file` (absolute) holding `text`, and fails when anything exists at that name, a link or
 * a dangling link included: for a file porgs-lint adds to a folder the user named (`init`), which
 * must never replace, or write through, what is there.
 */
export async function createNewFile(file: string, text: string, what: string): Promise<void> {
  let handle;
  try {
    handle = await fs.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${what}: ${file} already exists; porgs-lint does not replace it`);
    throw new UsageError(`${what}: cannot create ${file}: ${errnoWords(err)}`);
  }
  try {
    await handle.writeFile(text);
  } catch (err) {
    await fs.rm(file, { force: true });
    throw new UsageError(`${what}: cannot write ${file}: ${errnoWords(err)}`);
  } finally {
    await handle.close();
  }
}
