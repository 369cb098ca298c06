// Files given as data: what `lint()` reads for a repo that has no folder (the rule tester, the
// API). No file system access.
import type { FileEntry } from './context-api.js';
import { normaliseLineEndings } from './lines.js';
import { normalisePath, type ReadResult, type Source } from './source.js';

export class MemorySource implements Source {
  readonly description = 'memory';
  private readonly files = new Map<string, string>();

  constructor(files: Readonly<Record<string, string>>) {
    for (const [file, text] of Object.entries(files)) this.files.set(normalisePath(file), normaliseLineEndings(text));
  }

  async read(file: string): Promise<ReadResult> {
    const text = this.files.get(normalisePath(file));
    return text === undefined ? { ok: false, reason: 'missing' } : { ok: true, text };
  }

  async list(dir: string): Promise<FileEntry[]> {
    const prefix = normalisePath(dir) ? `${normalisePath(dir)}/` : '';
    const out = new Map<string, FileEntry>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf('/');
      const entry: FileEntry = slash === -1 ? { path: file, type: 'file' } : { path: prefix + rest.slice(0, slash), type: 'dir' };
      out.set(entry.path, entry);
    }
    return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  async allFiles(): Promise<string[]> {
    return [...this.files.keys()].sort();
  }
}
