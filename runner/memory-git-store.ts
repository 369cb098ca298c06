// The objects and refs of a repository described as data (runner/memory-git.ts): commits by
// label, trees and blobs hashed as git hashes them, tags, and revision specs resolved with git's
// rules. Commit and tag object ids come from labels, not content, so a test can name them.
import { createHash } from 'node:crypto';
import { refNameProblem } from './ref-names.js';

/** A file of a commit: its text, or a symbolic link to a target. */
export type GitFile = string | { symlink: string };

export interface GitState {
  /** Oldest first: a commit's parents are declared before it. */
  /**
   * Oldest first: a commit's parents are declared before it. `files` is the commit's whole tree
   * (not a change from its parent); `gitlinks` maps a path to the label of a submodule commit.
   */
  commits: Array<{ id: string; parents?: string[]; files?: Record<string, GitFile>; gitlinks?: Record<string, string> }>;
  /** Branch name -> commit label. */
  branches?: Record<string, string>;
  /** `origin/dev` -> commit label. */
  remoteBranches?: Record<string, string>;
  /** Made in order: `target` is a commit label or the name of an earlier tag (a tag of a tag when annotated). */
  tags?: Array<{ name: string; target: string; annotated?: boolean; signed?: boolean }>;
  head: { branch: string } | { commit: string };
  /** As `--rev <rev>`. */
  rev?: string;
  /** Commits where a shallow clone's history is cut: their parents are not in the clone. */
  shallow?: string[];
  /** The local clones of submodules (`.git/modules/<name>`), by submodule name. */
  submodules?: Record<string, GitState>;
}

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('hex');

/** The object id of the commit labelled `label`. */
export const oidOf = (label: string): string => sha1(label);

/** The object id of the annotated tag `name`'s tag object. */
export const tagOidOf = (name: string): string => sha1(`\0tag\0${name}`);

/** The object ids a state's labels and annotated tags get, its submodules' included. */
export interface GitIds {
  commits: Map<string, string>;
  tagObjects: Map<string, string>;
  submodules: Record<string, GitIds>;
}

export function idsOf(state: GitState): GitIds {
  return {
    commits: new Map(state.commits.map((c) => [c.id, oidOf(c.id)])),
    tagObjects: new Map((state.tags ?? []).filter((t) => t.annotated || t.signed).map((t) => [t.name, tagOidOf(t.name)])),
    submodules: Object.fromEntries(Object.entries(state.submodules ?? {}).map(([name, sub]) => [name, idsOf(sub)])),
  };
}

export interface StoredObject {
  oid: string;
  type: 'commit' | 'tree' | 'blob' | 'tag';
  content: Buffer;
  /** Commits: the parents in this clone (none at a shallow boundary). */
  parents?: string[];
  /** Commits: the root tree; tags: the tagged object. */
  target?: string;
  /** Trees: the entries in git's order. */
  entries?: Array<{ mode: string; name: string; oid: string }>;
}

const PERSON = 'Porg <porg@example.com> 0 +0000';
/** A signature block as git appends it; only its presence is ever looked at, never verified. */
const FAKE_SIGNATURE = '-----BEGIN PGP SIGNATURE-----\n\niQEzBAABCAAdFiEEmemorygitsignature0000000000000000000AAoJEM\n=fake\n-----END PGP SIGNATURE-----\n';

/** Commits a ref or HEAD reaches, a shallow boundary's parents excluded: what a clone of the state holds. */
export function presentCommits(state: GitState): Set<string> {
  const byId = new Map(state.commits.map((c) => [c.id, c]));
  const shallow = new Set(state.shallow ?? []);
  const tagTargets = new Map<string, string>();
  for (const t of state.tags ?? []) tagTargets.set(t.name, tagTargets.get(t.target) ?? t.target);
  const roots = [
    ...Object.values(state.branches ?? {}),
    ...Object.values(state.remoteBranches ?? {}),
    ...[...tagTargets.values()],
    ...('commit' in state.head ? [state.head.commit] : []),
  ];
  const seen = new Set<string>();
  const todo = roots.filter((r) => byId.has(r));
  while (todo.length) {
    const id = todo.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (!shallow.has(id)) todo.push(...(byId.get(id)!.parents ?? []));
  }
  return seen;
}

function checkState(state: GitState): void {
  const declared = new Set<string>();
  for (const c of state.commits) {
    if (declared.has(c.id)) throw new Error(`git state: commit ${c.id} is declared twice`);
    for (const p of c.parents ?? []) if (!declared.has(p)) throw new Error(`git state: commit ${c.id}: its parent ${p} must be declared before it`);
    declared.add(c.id);
  }
  const branches = [
    ...Object.entries(state.branches ?? {}).map(([b, label]) => [`refs/heads/${b}`, label]),
    ...Object.entries(state.remoteBranches ?? {}).map(([b, label]) => [`refs/remotes/${b}`, label]),
  ];
  const names = [...branches.map(([ref]) => ref), ...(state.tags ?? []).map((t) => `refs/tags/${t.name}`), ...('branch' in state.head ? [`refs/heads/${state.head.branch}`] : [])];
  for (const ref of names) {
    const problem = refNameProblem(ref);
    if (problem) throw new Error(`git state: ${ref} is not a ref name git accepts: it ${problem}`);
  }
  for (const [ref, label] of branches) if (!declared.has(label)) throw new Error(`git state: ${ref} points at ${label}, which is not a declared commit`);
  if ('commit' in state.head && !declared.has(state.head.commit)) throw new Error(`git state: HEAD points at ${state.head.commit}, which is not a declared commit`);
  for (const s of state.shallow ?? []) if (!declared.has(s)) throw new Error(`git state: shallow commit ${s} is not declared`);
  const tags = new Set<string>();
  for (const t of state.tags ?? []) {
    if (declared.has(t.target) && tags.has(t.target)) throw new Error(`git state: tag ${t.name}: ${t.target} is both a commit label and a tag`);
    if (!declared.has(t.target) && !tags.has(t.target)) throw new Error(`git state: tag ${t.name}: ${t.target} is neither a commit label nor an earlier tag`);
    if (tags.has(t.name)) throw new Error(`git state: tag ${t.name} is declared twice`);
    tags.add(t.name);
  }
}

/** Git's order of tree entries: by name, a folder's name compared as if it ended with "/". */
function treeOrder(a: { name: string; mode: string }, b: { name: string; mode: string }): number {
  const key = (e: { name: string; mode: string }) => Buffer.from(e.mode === '40000' ? `${e.name}/` : e.name, 'utf8');
  return Buffer.compare(key(a), key(b));
}

export class MemoryStore {
  readonly objects = new Map<string, StoredObject>();
  /** Full ref name -> object id, sorted by name. */
  readonly refs = new Map<string, string>();
  readonly headSymref?: string;
  private readonly headOid?: string;
  readonly shallow: boolean;

  constructor(state: GitState) {
    checkState(state);
    const present = presentCommits(state);
    const shallow = new Set(state.shallow ?? []);
    this.shallow = shallow.size > 0;
    for (const c of state.commits) {
      if (!present.has(c.id)) continue;
      const tree = this.writeTree(c.files ?? {}, c.gitlinks ?? {});
      const parents = (c.parents ?? []).map(oidOf);
      const text = `tree ${tree}\n${parents.map((p) => `parent ${p}\n`).join('')}author ${PERSON}\ncommitter ${PERSON}\n\n${c.id}\n`;
      this.put({ oid: oidOf(c.id), type: 'commit', content: Buffer.from(text), parents: shallow.has(c.id) ? [] : parents, target: tree });
    }
    const refs: Array<[string, string]> = [
      ...Object.entries(state.branches ?? {}).map(([b, label]): [string, string] => [`refs/heads/${b}`, oidOf(label)]),
      ...Object.entries(state.remoteBranches ?? {}).map(([b, label]): [string, string] => [`refs/remotes/${b}`, oidOf(label)]),
    ];
    for (const t of state.tags ?? []) {
      const target = refs.find(([ref]) => ref === `refs/tags/${t.target}`)?.[1] ?? oidOf(t.target);
      if (!t.annotated && !t.signed) {
        refs.push([`refs/tags/${t.name}`, target]);
        continue;
      }
      const type = this.objects.get(target)!.type;
      const text = `object ${target}\ntype ${type}\ntag ${t.name}\ntagger ${PERSON}\n\n${t.name}\n${t.signed ? FAKE_SIGNATURE : ''}`;
      this.put({ oid: tagOidOf(t.name), type: 'tag', content: Buffer.from(text), target });
      refs.push([`refs/tags/${t.name}`, tagOidOf(t.name)]);
    }
    for (const [ref, oid] of refs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) this.refs.set(ref, oid);
    if ('branch' in state.head) this.headSymref = `refs/heads/${state.head.branch}`;
    else this.headOid = oidOf(state.head.commit);
  }

  private put(obj: StoredObject): string {
    this.objects.set(obj.oid, obj);
    return obj.oid;
  }

  private writeBlob(content: Buffer): string {
    const oid = sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]));
    return this.objects.has(oid) ? oid : this.put({ oid, type: 'blob', content });
  }

  /** The tree of a commit's files and gitlinks, hashed as git hashes it; returns its id. */
  private writeTree(files: Record<string, GitFile>, gitlinks: Record<string, string>): string {
    type Dir = Map<string, { mode: string; oid: string } | Dir>;
    const root: Dir = new Map();
    const place = (file: string, entry: { mode: string; oid: string }) => {
      const parts = file.split('/');
      if (parts.some((p) => p === '' || p === '.' || p === '..')) throw new Error(`git state: "${file}" is not a path inside the repository`);
      let dir = root;
      for (const part of parts.slice(0, -1)) {
        let next = dir.get(part);
        if (next === undefined) dir.set(part, (next = new Map()));
        if (!(next instanceof Map)) throw new Error(`git state: "${file}" is below the file ${part}`);
        dir = next;
      }
      if (dir.has(parts[parts.length - 1])) throw new Error(`git state: "${file}" is given twice or is also a folder`);
      dir.set(parts[parts.length - 1], entry);
    };
    for (const [file, value] of Object.entries(files)) {
      place(file, typeof value === 'string' ? { mode: '100644', oid: this.writeBlob(Buffer.from(value)) } : { mode: '120000', oid: this.writeBlob(Buffer.from(value.symlink)) });
    }
    for (const [file, label] of Object.entries(gitlinks)) place(file, { mode: '160000', oid: oidOf(label) });
    const write = (dir: Dir): string => {
      const entries = [...dir].map(([name, e]) => (e instanceof Map ? { mode: '40000', name, oid: write(e) } : { ...e, name })).sort(treeOrder);
      const content = Buffer.concat(entries.flatMap((e) => [Buffer.from(`${e.mode} ${e.name}\0`), Buffer.from(e.oid, 'hex')]));
      const oid = sha1(Buffer.concat([Buffer.from(`tree ${content.length}\0`), content]));
      return this.objects.has(oid) ? oid : this.put({ oid, type: 'tree', content, entries });
    };
    return write(root);
  }

  /** The commit HEAD is at; undefined on a branch without commits. */
  headCommit(): string | undefined {
    return this.headOid ?? this.refs.get(this.headSymref!);
  }

  /** The commits `tips` reach in this clone, the tips included. */
  reach(tips: readonly string[]): Set<string> {
    const seen = new Set<string>();
    const todo = [...tips];
    while (todo.length) {
      const oid = todo.pop()!;
      if (seen.has(oid) || this.objects.get(oid)?.type !== 'commit') continue;
      seen.add(oid);
      todo.push(...this.objects.get(oid)!.parents!);
    }
    return seen;
  }

  /**
   * The object a revision spec names, as `git cat-file --batch` finds it: `<name>` (HEAD, a ref
   * by git's lookup rules, a full or unique abbreviated id), then `^{type}`, `^{}`, `^N`, `~N`,
   * and `:<path>`. Undefined when git would answer "missing"; throws on syntax this does not know.
   */
  resolveSpec(spec: string): string | undefined {
    if (/[\n\r\0]/.test(spec)) return undefined;
    if (spec.startsWith(':') || spec.includes('@{') || spec.includes('^{/')) throw new Error(`memory git does not resolve "${spec}"`);
    const colon = spec.indexOf(':');
    if (colon === -1) return this.resolveRev(spec);
    const tree = this.peel(this.resolveRev(spec.slice(0, colon)), 'tree');
    return tree && this.entryAt(tree, spec.slice(colon + 1));
  }

  private resolveRev(rev: string): string | undefined {
    const base = /^[^~^]*/.exec(rev)![0];
    let oid = this.resolveName(base);
    const op = /\^\{(\w*)\}|\^(\d*)|~(\d*)/y;
    op.lastIndex = base.length;
    while (oid !== undefined && op.lastIndex < rev.length) {
      const m = op.exec(rev);
      if (!m) return undefined;
      if (m[1] !== undefined) oid = this.peel(oid, m[1]);
      else if (m[2] !== undefined) {
        const n = m[2] === '' ? 1 : Number(m[2]);
        const commit = this.peel(oid, 'commit');
        oid = n === 0 ? commit : commit && this.objects.get(commit)!.parents![n - 1];
      } else {
        for (let n = m[3] === '' ? 1 : Number(m[3]); n > 0 && oid !== undefined; n--) {
          const commit = this.peel(oid, 'commit');
          oid = commit && this.objects.get(commit)!.parents![0];
        }
      }
    }
    return oid !== undefined && this.objects.has(oid) ? oid : undefined;
  }

  private resolveName(name: string): string | undefined {
    if (name === 'HEAD' || name === '@') return this.headCommit();
    if (/^[0-9a-f]{40}$/.test(name)) return name;
    for (const full of [name, `refs/${name}`, `refs/tags/${name}`, `refs/heads/${name}`, `refs/remotes/${name}`, `refs/remotes/${name}/HEAD`]) {
      const oid = this.refs.get(full);
      if (oid) return oid;
    }
    if (!/^[0-9a-fA-F]{4,39}$/.test(name)) return undefined;
    const matches = [...this.objects.keys()].filter((oid) => oid.startsWith(name.toLowerCase()));
    return matches.length === 1 ? matches[0] : undefined;
  }

  /** `^{type}`: tags peeled until an object of that type (a commit's tree for `tree`); `^{}`: peeled to a non-tag. */
  peel(oid: string | undefined, type: string): string | undefined {
    let obj = oid === undefined ? undefined : this.objects.get(oid);
    if (type === 'object' || type === 'tag') return obj && (type === 'object' || obj.type === 'tag') ? obj.oid : undefined;
    while (obj?.type === 'tag') obj = this.objects.get(obj.target!);
    if (obj && type === 'tree' && obj.type === 'commit') obj = this.objects.get(obj.target!);
    return obj && (type === '' || obj.type === type) ? obj.oid : undefined;
  }

  private entryAt(tree: string, file: string): string | undefined {
    const parts = file.split('/').filter((p, i, all) => p !== '' || i < all.length - 1);
    if (parts.some((p) => p === '.' || p === '..' || p === '')) throw new Error(`memory git does not resolve the path "${file}"`);
    let oid: string | undefined = tree;
    for (const part of parts) {
      const obj: StoredObject | undefined = oid === undefined ? undefined : this.objects.get(oid);
      if (obj?.type !== 'tree') return undefined;
      oid = this.entryIndex(obj).get(part);
    }
    return oid !== undefined && this.objects.has(oid) ? oid : undefined;
  }

  private readonly entryIndexes = new Map<string, Map<string, string>>();

  /** A tree's entries by name (a large folder is not scanned once per file read from it). */
  private entryIndex(tree: StoredObject): Map<string, string> {
    let index = this.entryIndexes.get(tree.oid);
    if (!index) {
      index = new Map(tree.entries!.map((e) => [e.name, e.oid]));
      this.entryIndexes.set(tree.oid, index);
    }
    return index;
  }
}
