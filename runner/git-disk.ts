// `.git` of a checked repository read as hostile data: only regular files (a FIFO, device or
// socket could block or never end), never through a symlink, each with a size bound, and every
// ref name validated as git validates it. A problem is a GitDiskError whose message says which
// file and why, phrased for a "cannot verify" note; nothing here starts a process.
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { inflateSync, constants as zlib } from 'node:zlib';
import { OID, refNameProblem, visibleName } from './ref-names.js';
import { readRegularFileSync } from './regular-file.js';
import type { TagInfo } from './git-facts.js';

export class GitDiskError extends Error {}

export const LIMITS = {
  /** HEAD, a loose ref, a `.git` file, `commondir`. */
  smallFile: 4 * 1024,
  config: 1024 * 1024,
  packedRefs: 32 * 1024 * 1024,
  shallow: 16 * 1024 * 1024,
  alternates: 64 * 1024,
  index: 128 * 1024 * 1024,
  looseRefs: 100_000,
  /** An annotated tag object, signature included, read to peel it. */
  tagObject: 1024 * 1024,
};

/** A path inside a git folder as a message shows it: from its `.git` on, when it has one. */
function shown(file: string): string {
  const at = file.lastIndexOf(`${path.sep}.git${path.sep}`);
  return visibleName(at === -1 ? file : file.slice(at + 1), 200);
}

/**
 * The bytes of a regular file of at most `max` bytes; undefined when it does not exist. The file is
 * opened without following a symlink and without blocking (a FIFO opens at once and is refused).
 */
export function readGitFile(file: string, max: number): Buffer | undefined {
  const read = readRegularFileSync(file, max, 'refuse');
  if (read.ok) return read.bytes;
  switch (read.problem) {
    case 'missing':
      return undefined;
    case 'link':
      throw new GitDiskError(`${shown(file)} is a symbolic link; not followed`);
    case 'not-file':
      throw new GitDiskError(`${shown(file)} is not a regular file`);
    case 'too-large':
      throw new GitDiskError(`${shown(file)} is larger than ${max} bytes`);
    case 'grew':
      throw new GitDiskError(`${shown(file)} grew while it was read`);
    default:
      throw new GitDiskError(`cannot read ${shown(file)} (${(read.error as NodeJS.ErrnoException).code})`);
  }
}

/** A folder that is a real folder, not a symlink to one; undefined when it does not exist. */
export function realFolder(dir: string): string | undefined {
  let stat;
  try {
    stat = lstatSync(dir);
  } catch {
    return undefined;
  }
  if (!stat.isDirectory()) throw new GitDiskError(`${shown(dir)} is ${stat.isSymbolicLink() ? 'a symbolic link; not followed' : 'not a folder'}`);
  return dir;
}

export interface HeadState {
  /** `ref: <name>`: a branch, possibly unborn. */
  symref?: string;
  /** A detached HEAD. */
  oid?: string;
}

export function readHead(gitDir: string): HeadState {
  const raw = readGitFile(path.join(gitDir, 'HEAD'), LIMITS.smallFile);
  if (raw === undefined) throw new GitDiskError(`${shown(gitDir)} has no HEAD`);
  const text = raw.toString('utf8').trim();
  if (OID.test(text)) return { oid: text };
  const target = /^ref: (.*)$/.exec(text)?.[1];
  if (target === undefined) throw new GitDiskError('HEAD is neither a ref nor a commit id');
  const problem = refNameProblem(target);
  if (problem || target === 'HEAD') throw new GitDiskError(`HEAD points at "${visibleName(target)}", which is not a valid ref name (${problem ?? 'HEAD'})`);
  return { symref: target };
}

export interface RefSnapshot {
  /** Full ref name to object id, loose refs over packed ones: heads, tags and remotes only. */
  refs: Map<string, string>;
  /** Symbolic refs among heads/tags/remotes (e.g. `refs/remotes/origin/HEAD`), by name. */
  symrefs: Map<string, string>;
  /**
   * What a packed tag ref peels to, when packed-refs records it for every tag (its "peeled"
   * trait): the `^` line of an annotated tag, else the ref's own object.
   */
  peeled: Map<string, string>;
  /** Refs ignored, as git ignores them (invalid names, unreadable content), described for a note. */
  ignored: string[];
}

/** Namespaces copied: replace refs, notes and stash are never read. */
const REF_ROOTS = ['refs/heads', 'refs/tags', 'refs/remotes'];
const wanted = (name: string) => REF_ROOTS.some((r) => name.startsWith(`${r}/`));

function parsePackedRefs(commonDir: string, snap: RefSnapshot): void {
  const raw = readGitFile(path.join(commonDir, 'packed-refs'), LIMITS.packedRefs);
  if (raw === undefined) return;
  const lines = raw.toString('utf8').split('\n');
  const peeledTrait = /^# pack-refs with:.*\b(fully-)?peeled\b/.test(lines[0] ?? '');
  let last: string | undefined;
  lines.forEach((line, i) => {
    if (line === '' || (i === 0 && line.startsWith('#'))) return;
    if (line.startsWith('^')) {
      const peeled = line.slice(1).trim();
      if (!OID.test(peeled)) throw new GitDiskError(`packed-refs line ${i + 1} is not a peeled object id`);
      if (last && peeledTrait) snap.peeled.set(last, peeled);
      return;
    }
    const sp = line.indexOf(' ');
    const oid = line.slice(0, sp);
    const name = line.slice(sp + 1);
    if (sp === -1 || !OID.test(oid)) throw new GitDiskError(`packed-refs line ${i + 1} is not "<object id> <ref name>"`);
    last = undefined;
    if (!wanted(name)) return;
    const problem = refNameProblem(name);
    if (problem) snap.ignored.push(`packed ref "${visibleName(name)}" (${problem})`);
    else {
      snap.refs.set(name, oid);
      if (peeledTrait && name.startsWith('refs/tags/')) snap.peeled.set(name, oid);
      last = name;
    }
  });
}

function readLooseRef(commonDir: string, name: string, snap: RefSnapshot): void {
  const raw = readGitFile(path.join(commonDir, name), LIMITS.smallFile);
  if (raw === undefined) return; // removed while the folder was read
  const text = raw.toString('utf8').trim();
  const problem = refNameProblem(name);
  if (problem) {
    snap.ignored.push(`ref "${visibleName(name)}" (${problem})`);
    return;
  }
  snap.peeled.delete(name);
  snap.refs.delete(name);
  if (OID.test(text)) snap.refs.set(name, text);
  else {
    const target = /^ref: (.*)$/.exec(text)?.[1];
    if (target !== undefined && wanted(target) && !refNameProblem(target)) snap.symrefs.set(name, target);
    else snap.ignored.push(`ref ${visibleName(name)} (its content is neither an object id nor a valid symbolic ref)`);
  }
}

/** Loose refs under refs/{heads,tags,remotes}: an iterative walk over real folders and regular files. */
function walkLooseRefs(commonDir: string, snap: RefSnapshot): void {
  const stack = REF_ROOTS.filter((r) => realFolder(path.join(commonDir, r)));
  let seen = 0;
  while (stack.length) {
    const dir = stack.pop()!;
    for (const e of readdirSync(path.join(commonDir, dir), { withFileTypes: true })) {
      if (++seen > LIMITS.looseRefs) throw new GitDiskError(`more than ${LIMITS.looseRefs} loose refs`);
      const name = `${dir}/${e.name}`;
      if (e.isDirectory()) stack.push(name);
      else if (e.isFile()) readLooseRef(commonDir, name, snap);
      else throw new GitDiskError(`${shown(path.join(commonDir, name))} is ${e.isSymbolicLink() ? 'a symbolic link; not followed' : 'not a regular file'}`);
    }
  }
}

export function readRefs(commonDir: string): RefSnapshot {
  const snap: RefSnapshot = { refs: new Map(), symrefs: new Map(), peeled: new Map(), ignored: [] };
  parsePackedRefs(commonDir, snap);
  if (realFolder(path.join(commonDir, 'refs')) === undefined) throw new GitDiskError('the git folder has no refs folder');
  walkLooseRefs(commonDir, snap);
  return snap;
}

/** Commits where a shallow clone's history is cut; [] for a full clone. */
export function readShallow(commonDir: string): string[] {
  const raw = readGitFile(path.join(commonDir, 'shallow'), LIMITS.shallow);
  if (raw === undefined) return [];
  const oids = raw.toString('latin1').split('\n').filter(Boolean);
  if (!oids.every((o) => OID.test(o))) throw new GitDiskError('.git/shallow holds something other than object ids');
  return oids;
}

/**
 * The object store git will read through porgs-lint's alternates: every file git may open there
 * is a regular file, alternates chains included (git follows five levels).
 */
export function checkObjectStore(objectsDir: string, depth = 0): void {
  if (realFolder(objectsDir) === undefined) throw new GitDiskError(`${shown(objectsDir)} does not exist`);
  for (const sub of ['pack', 'info', 'info/commit-graphs']) {
    const dir = path.join(objectsDir, sub);
    if (realFolder(dir) === undefined) continue;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isFile() && !(e.isDirectory() && sub === 'info' && e.name === 'commit-graphs')) {
        throw new GitDiskError(`${shown(path.join(dir, e.name))} is not a regular file`);
      }
    }
  }
  const alternates = readGitFile(path.join(objectsDir, 'info', 'alternates'), LIMITS.alternates);
  if (alternates === undefined || depth >= 5) return;
  for (const line of alternates.toString('utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('"')) throw new GitDiskError('objects/info/alternates has a quoted path, which porgs-lint does not read');
    let alt: string;
    try {
      alt = realpathSync(path.resolve(objectsDir, line));
    } catch {
      continue; // git skips an alternate that does not exist
    }
    checkObjectStore(alt, depth + 1);
  }
}

export type LooseObject =
  | { kind: 'object'; type: string; body: Buffer }
  /** Not loose (packed, or missing): only git can tell. */
  | { kind: 'absent' }
  /** Not a valid zlib stream or header: git gives the reason. */
  | { kind: 'corrupt' };

/** A loose object, its declared size checked before it is inflated; oversized ones are refused. */
export function readLooseObject(objectsDir: string, oid: string, maxSize: number): LooseObject {
  const file = path.join(objectsDir, oid.slice(0, 2), oid.slice(2));
  const compressed = readGitFile(file, maxSize + (maxSize >> 6) + 1024);
  if (compressed === undefined) return { kind: 'absent' };
  let head: Buffer;
  try {
    // A 64-byte prefix inflates to at most ~66 KB, enough for "<type> <size>\0".
    head = inflateSync(compressed.subarray(0, 64), { finishFlush: zlib.Z_SYNC_FLUSH });
  } catch {
    return { kind: 'corrupt' };
  }
  const header = /^([a-z]+) (\d{1,20})\0/.exec(head.subarray(0, 40).toString('latin1'));
  if (!header) return { kind: 'corrupt' };
  const size = Number(header[2]);
  if (size > maxSize) throw new GitDiskError(`object ${oid.slice(0, 12)} is ${header[2]} bytes, more than the ${maxSize} porgs-lint reads`);
  let raw: Buffer;
  try {
    raw = inflateSync(compressed, { maxOutputLength: header[0].length + size });
  } catch {
    return { kind: 'corrupt' };
  }
  if (raw.length !== header[0].length + size) return { kind: 'corrupt' };
  return { kind: 'object', type: header[1], body: raw.subarray(header[0].length) };
}

/** What a tag ref points to in the end, through tags of tags; undefined when only git can tell. */
function peelLoose(objectsDir: string, oid: string): { annotated: boolean; target: string } | undefined {
  let target = oid;
  for (let depth = 0; depth < 8; depth++) {
    const obj = readLooseObject(objectsDir, target, LIMITS.tagObject);
    if (obj.kind !== 'object') return undefined;
    if (obj.type !== 'tag') return { annotated: depth > 0, target };
    const next = /^object ([0-9a-f]+)$/m.exec(obj.body.toString('latin1'))?.[1];
    if (!next || !OID.test(next)) return undefined;
    target = next;
  }
  return undefined;
}

/**
 * Tags as `git for-each-ref refs/tags` gives them (annotated tags peeled to the end), from the ref
 * snapshot: packed-refs `^` lines, else the loose tag objects. Undefined when an object is packed
 * (or corrupt): git must be asked. Throws when an object is refused (too large, not a file).
 */
export function tagsFromSnapshot(objectsDir: string, snap: RefSnapshot): TagInfo[] | undefined {
  const tags: TagInfo[] = [];
  for (const [ref, object] of snap.refs) {
    if (!ref.startsWith('refs/tags/')) continue;
    const name = ref.slice('refs/tags/'.length);
    const packedPeel = snap.peeled.get(ref);
    const peeled = packedPeel ? { annotated: packedPeel !== object, target: packedPeel } : peelLoose(objectsDir, object);
    if (!peeled) return undefined;
    tags.push({ name, object, commit: peeled.target, annotated: peeled.annotated });
  }
  return tags;
}
