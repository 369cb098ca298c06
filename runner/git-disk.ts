// Refs of a plain clone read from `.git` itself, without starting git: a process start costs more
// than the rest of a small run. Anything unusual returns undefined, and git is asked instead.
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { TagInfo } from './git-facts.js';

const OID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * HEAD of a plain clone read from `.git` itself, without starting git (a process start costs more
 * than the rest of a small run). Anything unusual (a `.git` file, a ref that is neither loose nor
 * packed, a HEAD that is not a branch or a commit id) returns undefined, and git is asked instead.
 */
export function readHeadFromDisk(root: string): { gitDir: string; commit: string; branch?: string; shallow: boolean } | undefined {
  try {
    const gitDir = realpathSync(path.join(root, '.git'));
    const stat = statSync(gitDir);
    if (!stat.isDirectory()) return undefined;
    // git refuses a repository owned by someone else unless safe.directory says otherwise: let
    // git decide, rather than read what git itself would not.
    if (typeof process.getuid !== 'function' || stat.uid !== process.getuid()) return undefined;
    const head = readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    const shallow = existsSync(path.join(gitDir, 'shallow'));
    if (OID.test(head)) return { gitDir, commit: head, shallow };
    const ref = /^ref: (refs\/heads\/\S+)$/.exec(head)?.[1];
    if (!ref) return undefined;
    const commit = readRef(gitDir, ref);
    return commit ? { gitDir, commit, branch: ref.slice('refs/heads/'.length), shallow } : undefined;
  } catch {
    return undefined;
  }
}

interface PackedRef {
  oid: string;
  /** The object an annotated tag peels to (its `^` line). */
  peeled?: string;
}

/**
 * `packed-refs`, parsed once per read: refs by full name, and whether the file carries the
 * "peeled" trait (every packed annotated tag then has its `^` line). Undefined when there is none.
 */
function readPackedRefs(gitDir: string): { peeledTrait: boolean; refs: Map<string, PackedRef> } | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(gitDir, 'packed-refs'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const refs = new Map<string, PackedRef>();
  let last: PackedRef | undefined;
  for (const line of lines) {
    if (line.startsWith('^')) {
      if (last) last.peeled = line.slice(1).trim();
      continue;
    }
    const [oid, name] = line.trim().split(' ');
    last = name && OID.test(oid) ? { oid } : undefined;
    if (last) refs.set(name, last);
  }
  return { peeledTrait: /^# pack-refs with:.* peeled\b/.test(lines[0] ?? ''), refs };
}

function readRef(gitDir: string, ref: string): string | undefined {
  try {
    const loose = readFileSync(path.join(gitDir, ref), 'utf8').trim();
    return OID.test(loose) ? loose : undefined;
  } catch {
    return readPackedRefs(gitDir)?.refs.get(ref)?.oid;
  }
}

/** Type and body of a loose object, or undefined when it is packed (or unreadable). */
function looseObject(gitDir: string, oid: string): { type: string; body: Buffer } | undefined {
  try {
    const raw = inflateSync(readFileSync(path.join(gitDir, 'objects', oid.slice(0, 2), oid.slice(2))));
    const nul = raw.indexOf(0);
    return { type: raw.subarray(0, nul).toString('latin1').split(' ')[0], body: raw.subarray(nul + 1) };
  } catch {
    return undefined;
  }
}

/** The object a tag object points to, peeled through nested tags; undefined when not readable here. */
function peel(gitDir: string, oid: string): { annotated: boolean; target: string } | undefined {
  let target = oid;
  let annotated = false;
  for (let depth = 0; depth < 8; depth++) {
    const obj = looseObject(gitDir, target);
    if (!obj) return undefined;
    if (obj.type !== 'tag') return { annotated, target };
    annotated = true;
    const next = /^object ([0-9a-f]+)$/m.exec(obj.body.toString('latin1'))?.[1];
    if (!next || !OID.test(next)) return undefined;
    target = next;
  }
  return undefined;
}

function looseTagRefs(dir: string, prefix = ''): Array<{ name: string; oid: string }> {
  const out: Array<{ name: string; oid: string }> = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...looseTagRefs(path.join(dir, e.name), `${prefix}${e.name}/`));
    else out.push({ name: `${prefix}${e.name}`, oid: readFileSync(path.join(dir, e.name), 'utf8').trim() });
  }
  return out;
}

/**
 * Tags as `git for-each-ref refs/tags` gives them (annotated tags peeled), from packed-refs (whose
 * `^` lines give the peeled commit) and loose refs (whose objects are read when loose).
 */
export function readTagsFromDisk(gitDir: string): TagInfo[] | undefined {
  try {
    const tags = new Map<string, TagInfo>();
    const packed = readPackedRefs(gitDir);
    for (const [ref, { oid, peeled }] of packed?.refs ?? []) {
      if (!ref.startsWith('refs/tags/')) continue;
      // Without the "peeled" trait, packed annotated tags carry no ^ line: only git can tell.
      if (!packed!.peeledTrait) return undefined;
      const name = ref.slice('refs/tags/'.length);
      tags.set(name, { name, object: oid, commit: peeled ?? oid, annotated: peeled !== undefined });
    }
    const looseDir = path.join(gitDir, 'refs', 'tags');
    if (existsSync(looseDir)) {
      for (const { name, oid } of looseTagRefs(looseDir)) {
        if (!OID.test(oid)) return undefined;
        const peeled = peel(gitDir, oid);
        if (!peeled) return undefined;
        tags.set(name, { name, object: oid, commit: peeled.target, annotated: peeled.annotated });
      }
    }
    return [...tags.values()];
  } catch {
    return undefined;
  }
}
