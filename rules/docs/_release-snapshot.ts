// Another repo as its release branch has it, read through git without a checkout (the tip of its
// remote-tracking release branch, as published when last fetched, else of the local one); the
// revision checked in this run when the repo has no such branch here, or is no git repo. What a
// stale reference is looked up in.
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
  /**
   * Whether some text file of the repo names `needle`, a path, where a path starts (files read once,
   * on first use); with `whole`, also where it ends (`/x` is not named by `/x-y`).
   */
  mentions(needle: string, whole?: boolean): Promise<boolean>;
  /** False when the tree had more entries than are walked: a name not found may still be there. */
  complete: boolean;
  /** False when the files held more text than is searched: a path not named may still be. */
  searchComplete(): Promise<boolean>;
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
    const tip = tips.find((t) => t.ref.includes('/')) ?? tips[0];
    const view = tip ? repo.atCommit(tip.oid) : repo;
    const label = tip ? `${repo.info.name} ${tip.ref} (${tip.oid.slice(0, 7)})` : revisionOf(repo.info);
    const wanted = repo.policy.releaseBranches.join(' or ');
    const fallback = tip ? undefined : { branch: wanted, reason: repo.git.available ? `it has no local or remote-tracking branch ${wanted} here` : (repo.git.reason ?? 'it is no git repository') };
    // git stores no empty folder: an empty listing at a commit is a tree too large to read.
    const { entries, complete } = await walk((dir) => view.list(dir), tip !== undefined);
    const files = new Set(entries.filter((e) => e.type !== 'dir').map((e) => e.path));
    const dirs = new Set(entries.filter((e) => e.type === 'dir' || e.type === 'gitlink').map((e) => e.path));
    const byName = new Map<string, string[]>();
    for (const f of files) {
      const name = f.slice(f.lastIndexOf('/') + 1);
      byName.get(name)?.push(f) ?? byName.set(name, [f]);
    }
    let texts: Promise<{ texts: string[]; complete: boolean }> | undefined;
    const readAll = async () => {
      const paths = entries.filter((e) => e.type === 'file').map((e) => e.path);
      const out: string[] = [];
      let total = 0;
      for (let i = 0; i < paths.length; i += READ_BATCH) {
        if (total > MAX_SEARCHED_TOTAL) return { texts: out, complete: false };
        for (const t of await Promise.all(paths.slice(i, i + READ_BATCH).map((p) => view.read(p)))) {
          if (t === undefined || t.length > MAX_SEARCHED_BYTES) continue;
          out.push(t);
          total += t.length;
        }
      }
      return { texts: out, complete: true };
    };
    return {
      label,
      ...(fallback ? { fallback } : {}),
      files,
      dirs,
      byName,
      branches: repo.git.available ? new Set(repo.git.branchNames()) : undefined,
      async mentions(needle: string, whole = false) {
        texts ??= readAll();
        return (await texts).texts.some((t) => mentionsAsPath(t, needle, whole));
      },
      complete,
      async searchComplete() {
        texts ??= readAll();
        return (await texts).complete;
      },
    };
  });
}

/** `needle` (an absolute path) in `text` where a path starts: not inside a longer path or an address (`x.com/docs/`). */
function mentionsAsPath(text: string, needle: string, whole: boolean): boolean {
  const pathChar = /[\w.~/-]/;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const end = i + needle.length;
    if (whole && end < text.length && /[\w.-]/.test(text[end])) continue;
    if (whole || i === 0 || !pathChar.test(text[i - 1])) return true;
  }
  return false;
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
