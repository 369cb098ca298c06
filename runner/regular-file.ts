// Reading a file a checked repository (or another user) may have planted: opened without blocking
// (a FIFO opens at once and is refused), without following a final symbolic link unless asked,
// checked on the open descriptor, and read to at most its limit. The one place that does this;
// callers turn the outcome into their own words.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

export type RegularFileRead =
  | { ok: true; bytes: Buffer; stat: Stats }
  | { ok: false; problem: 'missing' | 'link' | 'unreadable'; error: unknown }
  | { ok: false; problem: 'not-file' | 'too-large' | 'grew'; stat: Stats };

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

export function readRegularFileSync(file: string, maxBytes: number, links: 'follow' | 'refuse'): RegularFileRead {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | NONBLOCK | (links === 'refuse' ? NOFOLLOW : 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : code === 'ELOOP' && links === 'refuse' ? 'link' : 'unreadable';
    return { ok: false, problem, error };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, problem: 'not-file', stat };
    if (stat.size > maxBytes) return { ok: false, problem: 'too-large', stat };
    const buf = Buffer.allocUnsafe(stat.size + 1); // only the bytes read are used
    let used = 0;
    for (let n; used < buf.length && (n = readSync(fd, buf, used, buf.length - used, null)) > 0; ) used += n;
    if (used > stat.size) return { ok: false, problem: 'grew', stat };
    return { ok: true, bytes: buf.subarray(0, used), stat };
  } catch (error) {
    return { ok: false, problem: 'unreadable', error };
  } finally {
    closeSync(fd);
  }
}
