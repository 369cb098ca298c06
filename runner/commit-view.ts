// Another commit of a checked repo, read through git without a checkout: the files of a folder and
// the text or Python facts of a file (a cross-repo rule compares the wrapper's CLI with its previous
// release). Objects come through the repo's shared cat-file reader: no process per file or commit.
import type { CommitView, FileEntry } from './context-api.js';
import type { GitFacts } from './git-facts.js';
import { parseTree } from './git-repo.js';
import type { PythonFile } from './parsers/python.js';
import { decodeFileBytes, normalisePath } from './source.js';

/** Python facts of a file's text at the commit; undefined when it does not parse. */
export type ParsePython = (file: string, text: string) => Promise<PythonFile | undefined>;

export function commitView(git: GitFacts, commit: string, parsePython: ParsePython): CommitView {
  const texts = new Map<string, Promise<string | undefined>>();
  const pythons = new Map<string, Promise<PythonFile | undefined>>();
  // A sha256 repository names its objects with 64 hex digits, and its trees hold 32-byte ids.
  const oidBytes = commit.length === 64 ? 32 : 20;

  const listings = new Map<string, Promise<FileEntry[]>>();
  // A folder's entries by path, so reading each of its files does not scan the whole listing.
  const entryMaps = new Map<string, Promise<Map<string, FileEntry>>>();
  const entryOf = (dir: string, rel: string): Promise<FileEntry | undefined> => {
    let m = entryMaps.get(dir);
    if (!m) {
      m = list(dir).then((entries) => new Map(entries.map((e) => [e.path, e])));
      entryMaps.set(dir, m);
    }
    return m.then((byPath) => byPath.get(rel));
  };
  const list = (dir: string): Promise<FileEntry[]> => {
    const rel = normalisePath(dir);
    let p = listings.get(rel);
    if (!p) {
      p = git.object(rel === '' ? `${commit}^{tree}` : `${commit}:${rel}`).then((obj) => {
        if (!obj || obj.type !== 'tree' || obj.tooLarge) return [];
        const prefix = rel === '' ? '' : `${rel}/`;
        return parseTree(obj.content, oidBytes)
          .map((e): FileEntry => ({ path: prefix + e.name, type: e.type === 'tree' ? 'dir' : e.type === 'commit' ? 'gitlink' : e.mode === '120000' ? 'symlink' : 'file' }))
          .sort((a, b) => (a.path < b.path ? -1 : 1));
      });
      listings.set(rel, p);
    }
    return p;
  };

  // Only a regular file is read: a symbolic link's blob is its target, never followed.
  const read = (file: string) => {
    const rel = normalisePath(file);
    let p = texts.get(rel);
    if (!p) {
      p = (async () => {
        const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
        if ((await entryOf(dir, rel))?.type !== 'file') return undefined;
        const obj = await git.object(`${commit}:${rel}`);
        if (!obj || obj.type !== 'blob' || obj.tooLarge) return undefined;
        const decoded = decodeFileBytes(obj.content);
        return decoded.ok ? decoded.text : undefined;
      })();
      texts.set(rel, p);
    }
    return p;
  };

  return {
    commit,
    read,
    list,
    python(file: string) {
      const rel = normalisePath(file);
      let p = pythons.get(rel);
      if (!p) {
        p = read(rel).then((text) => (text === undefined ? undefined : parsePython(rel, text)));
        pythons.set(rel, p);
      }
      return p;
    },
  };
}
