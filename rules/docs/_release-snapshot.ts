// Another repo as its release branch has it, read through git without a checkout (the tip of its
// remote-tracking release branch, `origin`'s first, as published when last fetched, else of the
// local one); the revision checked in this run when the repo has no such branch here, or is no git
// repo. What a stale reference is looked up in.
import type { FileEntry, RepoView } from '../../runner/context-api.js';
import { revisionOf } from './_revision.js';

export interface ReleaseSnapshot {
  /** `Exegol-images main (4dd9a3d)`, `Exegol-images work tree`: what messages say was looked at. */
  label: string;
  files: ReadonlySet<string>;
  dirs: ReadonlySet<string>;
  /** Files by their last segment. */
  byName: ReadonlyMap<string, string[]>;
  /** Why the release branch was not read (so the checked revision was), for a note; undefined when it was. */
  fallback?: { branch: string; reason: string };
  /** Branch names of the repo (local and remote-tracking); undefined when it is no git repo. */
  branches?: ReadonlySet<string>;
  /** The absolute paths the repo's text files name, built once on first use (see `PathIndex`). */
  pathIndex(): Promise<PathIndex>;
  /** False when the tree had more entries than are walked: a name not found may still be there. */
  complete: boolean;
}

/**
 * What the text files name as absolute paths, where a path starts (not inside a longer path or an
 * address: `x.com/docs/` names no `/docs/`): each path and the folders it goes through, and every
 * `/segment` written anywhere (a script may build a path from a variable: `"$SETUP/arsenal-cheats"`).
 */
export interface PathIndex {
  /** `/opt/tools/bin/x` and its folders `/opt`, `/opt/tools`, `/opt/tools/bin`. */
  paths: ReadonlySet<string>;
  /** Folders written with a `/` after them. */
  folders: ReadonlySet<string>;
  segments: ReadonlySet<string>;
  /** False when the files held more text than is searched: a path not named may still be. */
  complete: boolean;
}

/** Past this many entries a tree is not walked further (a hostile repo cannot make the walk endless). */
const MAX_ENTRIES = 50_000;
/** Files larger than this are not searched for names (data, not code). */
const MAX_SEARCHED_BYTES = 1_000_000;
/** Past this much text in all, the files are not read further (memory stays bounded). */
const MAX_SEARCHED_TOTAL = 64_000_000;
/** Files read at a time. */
const READ_BATCH = 32;

/** The limits, as a message names them. */
export const SNAPSHOT_LIMITS = `${MAX_ENTRIES} files and folders, or ${MAX_SEARCHED_TOTAL / 1_000_000} MB of text to search`;

export function releaseSnapshot(repo: RepoView): Promise<ReleaseSnapshot> {
  return repo.memo('docs/release-snapshot', async () => {
    const branch = repo.policy.releaseBranches.find((b) => repo.git.available && repo.git.branchTips(b).length);
    const tips = branch ? repo.git.branchTips(branch) : [];
    // `origin` is where the repo is published from; another remote may be an old fork.
    const tip = tips.find((t) => t.ref === `origin/${branch}`) ?? tips.find((t) => t.ref.includes('/')) ?? tips[0];
    const commit = tip ? repo.atCommit(tip.oid) : undefined;
    const list = (dir: string) => (commit ?? repo).list(dir);
    // A commit's files are read from git objects; a work tree's without counting as files the run checks.
    const readToSearch = (file: string) => (commit ? commit.read(file) : repo.readToSearch(file));
    const label = tip ? `${repo.info.name} ${tip.ref} (${tip.oid.slice(0, 7)})` : revisionOf(repo.info);
    const wanted = repo.policy.releaseBranches.join(' or ');
    const fallback = tip ? undefined : { branch: wanted, reason: repo.git.available ? `it has no local or remote-tracking branch ${wanted} here` : (repo.git.reason ?? 'it is no git repository') };
    // git stores no empty folder: an empty listing at a commit is a tree too large to read.
    const { entries, complete } = await walk(list, tip !== undefined);
    const files = new Set(entries.filter((e) => e.type !== 'dir').map((e) => e.path));
    const dirs = new Set(entries.filter((e) => e.type === 'dir' || e.type === 'gitlink').map((e) => e.path));
    const byName = new Map<string, string[]>();
    for (const f of files) {
      const name = f.slice(f.lastIndexOf('/') + 1);
      byName.get(name)?.push(f) ?? byName.set(name, [f]);
    }
    let index: Promise<PathIndex> | undefined;
    const buildIndex = async (): Promise<PathIndex> => {
      const paths = entries.filter((e) => e.type === 'file').map((e) => e.path);
      const built = { paths: new Set<string>(), folders: new Set<string>(), segments: new Set<string>(), complete: true };
      let total = 0;
      for (let i = 0; i < paths.length; i += READ_BATCH) {
        if (total > MAX_SEARCHED_TOTAL) return { ...built, complete: false };
        for (const t of await Promise.all(paths.slice(i, i + READ_BATCH).map(readToSearch))) {
          if (t === undefined || t.length > MAX_SEARCHED_BYTES) continue;
          indexPaths(t, built);
          total += t.length;
        }
      }
      return built;
    };
    return {
      label,
      ...(fallback ? { fallback } : {}),
      files,
      dirs,
      byName,
      branches: repo.git.available ? new Set(repo.git.branchNames()) : undefined,
      complete,
      pathIndex: () => (index ??= buildIndex()),
    };
  });
}

const PATH_CHAR = /[\w.~/-]/;
const ABSOLUTE_PATH = /\/[\w.~+@-]+(?:\/[\w.~+@-]+)*\/?/g;
const SEGMENT = /\/([\w.~+@-]+)/g;

/** Adds the absolute paths, folders and segments `text` names to the index. */
function indexPaths(text: string, into: { paths: Set<string>; folders: Set<string>; segments: Set<string> }): void {
  for (const m of text.matchAll(ABSOLUTE_PATH)) {
    if (m.index! > 0 && PATH_CHAR.test(text[m.index! - 1])) continue;
    const path = m[0].replace(/\.+$/, '');
    const parts = path.split('/').filter(Boolean);
    for (let n = 1; n <= parts.length; n++) {
      const prefix = `/${parts.slice(0, n).join('/')}`;
      into.paths.add(prefix);
      if (n < parts.length || path.endsWith('/')) into.folders.add(prefix);
    }
  }
  for (const m of text.matchAll(SEGMENT)) into.segments.add(m[1]);
}

/** Every entry under the root, folders read breadth first, gitlinks not entered; `complete` false past the bounds. */
async function walk(list: (dir: string) => Promise<FileEntry[]>, atCommit: boolean): Promise<{ entries: FileEntry[]; complete: boolean }> {
  const out: FileEntry[] = [];
  let complete = true;
  let level = [''];
  while (level.length) {
    const listed = await Promise.all(level.map(list));
    level = [];
    for (const entries of listed) {
      if (atCommit && entries.length === 0) complete = false;
      for (const e of entries) {
        if (out.length >= MAX_ENTRIES) return { entries: out, complete: false };
        out.push(e);
        if (e.type === 'dir') level.push(e.path);
      }
    }
  }
  return { entries: out, complete };
}
