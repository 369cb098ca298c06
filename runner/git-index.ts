// Gitlinks (mode 160000) of the work tree's index, read from `.git/index` as data: no git process
// (one costs more than the whole read), and git never opens the repo's config to read it.
// Versions 2, 3 and 4 of the format; a split or sparse index is refused with a reason.
import path from 'node:path';
import { GitDiskError, LIMITS, readGitFile } from './git-disk.js';

export interface IndexEntry {
  mode: number;
  oid: string;
  stage: number;
  path: string;
}

const GITLINK = 0o160000;
const SPARSE_DIR = 0o040000;

/** git's offset varint (v4 path prefix lengths). */
function readVarint(buf: Buffer, at: number): [number, number] {
  let c = buf[at++];
  let value = c & 127;
  while (c & 128) {
    if (at >= buf.length || value > 0xffffff) throw new GitDiskError('the index is corrupt (bad path prefix)');
    c = buf[at++];
    value = ((value + 1) << 7) + (c & 127);
  }
  return [value, at];
}

/** git's own limit on a path (PATH_MAX): a longer one is a crafted index. */
export const MAX_INDEX_PATH_BYTES = 4096;
/**
 * All paths together: a v4 index repeats each path's prefix by reference, so a small file can
 * spell out gigabytes of names; a real one holds a few MB.
 */
export const MAX_INDEX_NAME_BYTES = 64 * 1024 * 1024;

export function parseIndex(buf: Buffer, hashBytes: 20 | 32): IndexEntry[] {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'DIRC') throw new GitDiskError('the index is not a git index');
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) throw new GitDiskError(`the index is version ${version}, which porgs-lint does not read`);
  const count = buf.readUInt32BE(8);
  const fixed = 40 + hashBytes + 2;
  const corrupt = () => new GitDiskError('the index is corrupt (an entry runs past its end)');
  const entries: IndexEntry[] = [];
  let at = 12;
  let previous = '';
  let nameBytes = 0;
  for (let i = 0; i < count; i++) {
    if (at + fixed > buf.length) throw corrupt();
    const mode = buf.readUInt32BE(at + 24);
    const oid = buf.toString('hex', at + 40, at + 40 + hashBytes);
    const flags = buf.readUInt16BE(at + 40 + hashBytes);
    const extended = version >= 3 && (flags & 0x4000) !== 0;
    const p = at + fixed + (extended ? 2 : 0);
    let name: string;
    if (version === 4) {
      const [strip, next] = readVarint(buf, p);
      const nul = buf.indexOf(0, next);
      if (nul === -1 || strip > previous.length) throw corrupt();
      name = previous.slice(0, previous.length - strip) + buf.toString('latin1', next, nul);
      at = nul + 1;
    } else {
      const nul = buf.indexOf(0, p);
      if (nul === -1) throw corrupt();
      name = buf.toString('latin1', p, nul);
      at += (nul - at + 8) & ~7;
    }
    if (at > buf.length) throw corrupt();
    if (name.length > MAX_INDEX_PATH_BYTES) throw new GitDiskError(`the index holds a path of ${name.length} bytes, longer than git allows (${MAX_INDEX_PATH_BYTES}); a crafted index, not read`);
    nameBytes += name.length;
    if (nameBytes > MAX_INDEX_NAME_BYTES) throw new GitDiskError(`the index holds more than ${MAX_INDEX_NAME_BYTES / 1024 / 1024} MB of paths; not read`);
    previous = name;
    // Paths were kept as bytes (v4 prefixes count bytes); decoded once complete.
    entries.push({ mode, oid, stage: (flags >> 12) & 3, path: Buffer.from(name, 'latin1').toString('utf8') });
  }
  for (let ext = at; ext + 8 <= buf.length - hashBytes; ) {
    const signature = buf.toString('latin1', ext, ext + 4);
    if (signature === 'link') throw new GitDiskError('the index is split (core.splitIndex), which porgs-lint does not read');
    ext += 8 + buf.readUInt32BE(ext + 4);
  }
  if (entries.some((e) => e.mode === SPARSE_DIR)) throw new GitDiskError('the index is sparse (sparse checkout), which hides gitlinks from porgs-lint');
  return entries;
}

/** Gitlinks staged in the index of `gitDir` ([] without an index), one per path. */
export function readIndexGitlinks(gitDir: string, hashBytes: 20 | 32): Array<{ path: string; commit: string }> {
  const raw = readGitFile(path.join(gitDir, 'index'), LIMITS.index);
  if (raw === undefined) return [];
  const seen = new Set<string>();
  const links: Array<{ path: string; commit: string }> = [];
  for (const e of parseIndex(raw, hashBytes)) {
    if (e.mode !== GITLINK || seen.has(e.path)) continue;
    seen.add(e.path);
    links.push({ path: e.path, commit: e.oid });
  }
  return links;
}
