// A Source over files held in memory (path -> text), for tests and examples that need no disk.
// It answers as the work tree source does for the same folder: folders made from the paths, the
// same decoding and line endings, symlinks followed only inside, `.git` and `node_modules` skipped.
import path from 'node:path';
import type { FileEntry } from './context-api.js';
import { decodeFileBytes, normalisePath, SKIP_DIRS, type ReadResult, type Source } from './source.js';

/** A file's text, or a symbolic link (target as written, relative to the link's folder), or a submodule's commit. */
export type MemoryFile = string | { symlink: string } | { gitlink: string };

type Node = { kind: 'file'; text: string } | { kind: 'symlink'; target: string } | { kind: 'gitlink'; oid: string } | { kind: 'dir'; children: Set<string> };

/** Links followed while resolving one path before giving up, as the kernel's ELOOP limit. */
const MAX_LINKS = 40;

const OUTSIDE = 'symlink leads outside the repository; not followed';

function checkedPath(raw: string): string {
  const rel = normalisePath(raw);
  const parts = rel.split('/');
  if (rel === '' || raw.startsWith('/') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new Error(`memory source: "${raw}" is not a relative path inside the repository`);
  }
  return rel;
}

export class MemorySource implements Source {
  readonly description = 'memory';
  private readonly nodes = new Map<string, Node>([['', { kind: 'dir', children: new Set() }]]);

  constructor(files: Record<string, MemoryFile>) {
    for (const [raw, value] of Object.entries(files)) {
      const rel = checkedPath(raw);
      let dir = '';
      for (const part of rel.split('/').slice(0, -1)) {
        const child = dir ? `${dir}/${part}` : part;
        const existing = this.nodes.get(child);
        if (existing && existing.kind !== 'dir') throw new Error(`memory source: "${child}" is both a file and the folder of "${rel}"`);
        if (!existing) this.nodes.set(child, { kind: 'dir', children: new Set() });
        (this.nodes.get(dir) as { children: Set<string> }).children.add(child);
        dir = child;
      }
      if (this.nodes.has(rel)) throw new Error(`memory source: "${rel}" is given twice or is also a folder`);
      this.nodes.set(rel, typeof value === 'string' ? { kind: 'file', text: value } : 'symlink' in value ? { kind: 'symlink', target: value.symlink } : { kind: 'gitlink', oid: value.gitlink });
      (this.nodes.get(dir) as { children: Set<string> }).children.add(rel);
    }
  }

  /**
   * Where a path leads, links followed (a `..` in the path itself is lexical, as `path.join`
   * makes it; in a link's target it is taken from the link's folder): a node path, 'outside', or
   * undefined when nothing is there.
   */
  private resolve(file: string): string | 'outside' | undefined {
    const lexical = path.posix.normalize(normalisePath(file) || '.');
    if (lexical === '..' || lexical.startsWith('../') || lexical.startsWith('/')) return 'outside';
    const todo = lexical === '.' ? [] : lexical.split('/');
    const done: string[] = [];
    let links = 0;
    while (todo.length) {
      const part = todo.shift()!;
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (done.length === 0) return 'outside';
        done.pop();
        continue;
      }
      const at = [...done, part].join('/');
      const node = this.nodes.get(at);
      if (!node) return undefined;
      if (node.kind === 'symlink') {
        if (++links > MAX_LINKS) return undefined;
        if (node.target.startsWith('/')) return 'outside';
        todo.unshift(...node.target.split('/'));
        continue;
      }
      if (node.kind !== 'dir' && todo.some((p) => p !== '' && p !== '.')) return undefined;
      done.push(part);
    }
    return done.join('/');
  }

  async read(file: string): Promise<ReadResult> {
    const at = this.resolve(file);
    if (at === undefined) return { ok: false, reason: 'missing' };
    if (at === 'outside') return { ok: false, reason: 'unreadable', detail: OUTSIDE };
    const node = this.nodes.get(at)!;
    if (node.kind !== 'file') return { ok: false, reason: 'missing' };
    return decodeFileBytes(Buffer.from(node.text, 'utf8'));
  }

  async list(dir: string): Promise<FileEntry[]> {
    const rel = normalisePath(dir);
    const at = this.resolve(rel);
    const node = at === undefined || at === 'outside' ? undefined : this.nodes.get(at);
    if (node?.kind !== 'dir') return [];
    const entries: FileEntry[] = [];
    for (const child of node.children) {
      const name = path.posix.basename(child);
      if (rel === '' && SKIP_DIRS.has(name)) continue;
      const kind = this.nodes.get(child)!.kind;
      entries.push({ path: rel ? `${rel}/${name}` : name, type: kind === 'file' ? 'file' : kind });
    }
    return entries.sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** Files and symlinks, as the work tree walk gives them; submodule commits are not files. */
  async allFiles(): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const e of await this.list(dir)) {
        if (e.type === 'dir') {
          if (!SKIP_DIRS.has(path.posix.basename(e.path))) await walk(e.path);
        } else if (e.type !== 'gitlink') out.push(e.path);
      }
    };
    await walk('');
    return out.sort();
  }
}
