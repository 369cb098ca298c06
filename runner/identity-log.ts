// Parsed views found by the identity of the file they were parsed from (its blob id in a commit, its
// stat in a work tree), so a warm run reads neither the files nor one cache entry per file: each
// repository has one append-only log in the cache folder, read once per run. A view found here is
// the one the content-addressed parse cache holds for the same text; a file whose identity is not
// in the log is read, found by content or parsed, and appended.
//
// The log is held to the parse cache's rules: it lies in a private shard, is opened without
// following a symlink and only when it is a regular file of the user's own, and each line carries
// the sha256 of the log's key and its content, checked before the line is used.
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import { MAX_ENTRY_BYTES, isPrivate, privateShard, replaceFile, writeAll } from './parse-cache.js';
import { readRegularFileSync } from './regular-file.js';

/**
 * How long a work-tree file must have stayed unchanged before its stat stands for its content.
 * File times tick coarsely (a few milliseconds on Linux, up to two seconds on some file systems),
 * so a file rewritten within one tick keeps its times; once the tick is past, any write moves them.
 */
export const SETTLED_MS = 2_000;

/**
 * A work-tree file's identity from its stat: device, inode, size, modification and change times in
 * nanoseconds. Any write moves the change time, which programs cannot set (`touch -d`, `cp -p`,
 * `tar` and `rsync` set the modification time only), and a replaced file has a new inode or a new
 * change time. Undefined while either time is within SETTLED_MS of `nowMs`, or ahead of it (a clock
 * out of step): such a file is read and found by its content instead.
 */
export function statIdentity(st: BigIntStats, nowMs: number): string | undefined {
  const newest = st.mtimeNs > st.ctimeNs ? st.mtimeNs : st.ctimeNs;
  if (BigInt(Math.floor(nowMs)) * 1_000_000n - newest < BigInt(SETTLED_MS) * 1_000_000n) return undefined;
  return `stat:${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}

/** A log beyond this size is started again (it holds views, each a few times its file). */
const MAX_LOG_BYTES = MAX_ENTRY_BYTES;
/** Superseded lines beyond this many (and beyond the live ones) make the next run rewrite the log. */
const STALE_SLACK = 64;
const NEWLINE_BYTE = 0x0a;
const TAB_BYTE = 0x09;
const SPACE_BYTE = 0x20;
const NEWLINE = Buffer.from('\n');
const APPEND = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

interface Slot {
  identity: string;
  /** The line (checksum, space, header, tab, value) without its newline, as bytes: converted only when used. */
  line: Buffer;
  tab: number;
}

/** `stat` or `blob`: a work-tree run and a `--rev` run of one repo keep their lines apart. */
const slotKey = (salt: string, file: string, identity: string) => `${salt}\0${file}\0${identity.slice(0, identity.indexOf(':'))}`;

export class IdentityLog {
  private readonly key: string;
  private slots?: Map<string, Slot>;

  /** @param scope the repository (its folder): one log each. */
  constructor(
    private readonly dir: string,
    scope: string,
  ) {
    this.key = createHash('sha256').update('identity-log\0').update(scope).digest('hex');
  }

  /** Over the log's key (a line moved to another repository's log does not hold) and the line after its checksum. */
  private checksum(rest: Buffer): string {
    return createHash('sha256').update(this.key).update('\0').update(rest).digest('hex');
  }

  private holds(line: Buffer): boolean {
    return line.toString('latin1', 0, 64) === this.checksum(line.subarray(65));
  }

  private file(shard: string): string {
    return path.join(shard, `${this.key}.log`);
  }

  /** The stored view of `file` as parsed by `salt`'s parser, if the log holds it for this identity. */
  get(salt: string, file: string, identity: string): unknown {
    const slot = this.load().get(slotKey(salt, file, identity));
    if (!slot || slot.identity !== identity || !this.holds(slot.line)) return undefined;
    try {
      return JSON.parse(slot.line.toString('utf8', slot.tab + 1));
    } catch {
      return undefined;
    }
  }

  /** Adds a view; one write, so the lines of two runs appending at once do not mix. */
  append(salt: string, file: string, identity: string, value: unknown): void {
    const slots = this.load();
    const shard = privateShard(this.dir, this.key, true);
    if (!shard) return;
    let fd: number | undefined;
    try {
      const header = Buffer.from(JSON.stringify([salt, file, identity]));
      const rest = Buffer.concat([header, Buffer.from(`\t${JSON.stringify(value)}`)]);
      const line = Buffer.concat([Buffer.from(`${this.checksum(rest)} `, 'latin1'), rest]);
      fd = openSync(this.file(shard), APPEND, 0o600);
      const st = fstatSync(fd);
      if (!st.isFile() || !isPrivate(st)) return;
      writeAll(fd, Buffer.concat([line, NEWLINE]));
      slots.set(slotKey(salt, file, identity), { identity, line, tab: 65 + header.length });
    } catch {
      // A log that cannot be written only makes the next run slower.
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /** Reads the log once: the last line of each slot wins. A log with many superseded lines is rewritten. */
  private load(): Map<string, Slot> {
    if (this.slots) return this.slots;
    const slots = new Map<string, Slot>();
    this.slots = slots;
    const shard = privateShard(this.dir, this.key, false);
    if (!shard) return slots;
    const read = readRegularFileSync(this.file(shard), MAX_LOG_BYTES, 'refuse');
    if (!read.ok) {
      // A log too large, or not a regular file (a symlink, a FIFO: not followed), is started again;
      // the rename replaces the name, never what a link points to.
      if (read.problem !== 'missing' && read.problem !== 'unreadable') replaceFile(this.file(shard), []);
      return slots;
    }
    if (!isPrivate(read.stat)) return slots;
    const bytes = read.bytes;
    let lines = 0;
    for (let at = 0; at < bytes.length; ) {
      let end = bytes.indexOf(NEWLINE_BYTE, at);
      if (end === -1) end = bytes.length;
      const start = at;
      at = end + 1;
      lines++;
      const line = bytes.subarray(start, end);
      const tab = line.indexOf(TAB_BYTE, 66);
      if (tab === -1 || line[64] !== SPACE_BYTE) continue;
      let header: unknown;
      try {
        header = JSON.parse(line.toString('utf8', 65, tab));
      } catch {
        continue;
      }
      if (!Array.isArray(header) || header.length !== 3 || !header.every((h) => typeof h === 'string')) continue;
      const [salt, file, identity] = header as [string, string, string];
      slots.set(slotKey(salt, file, identity), { identity, line, tab });
    }
    if (lines > 2 * slots.size + STALE_SLACK) this.compact(shard, slots);
    return slots;
  }

  /** Keeps the last line of each slot, when its checksum holds. */
  private compact(shard: string, slots: Map<string, Slot>): void {
    for (const [key, slot] of slots) if (!this.holds(slot.line)) slots.delete(key);
    replaceFile(this.file(shard), [...slots.values()].flatMap((s) => [s.line, NEWLINE]));
  }
}
