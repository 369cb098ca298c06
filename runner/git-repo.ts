// Git facts of one repository: HEAD, refs and the index read from `.git` as data
// (runner/git-disk.ts); git runs only on porgs-lint's own git folder that borrows the repo's
// objects (runner/git-shadow.ts), made on the first call that needs git.
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { GitDiskError, checkObjectStore, readHead, readRefs, readShallow, realFolder, tagsFromSnapshot, type HeadState, type RefSnapshot } from './git-disk.js';
import { branchNamesOf, type BranchTip, type GitFacts, type Gitlink, type TagInfo } from './git-facts.js';
import { readIndexGitlinks } from './git-index.js';
import { locateGitDir, readRepoFormat, type RepoFormat, type RepoLocation } from './git-locate.js';
import { createShadow, removeShadow } from './git-shadow.js';
import { CatFileBatch, gitFailure, isAncestor, runGit, type BatchObject, type GitResult, type TreeEntry } from './git.js';
import { OID, submoduleNameProblem, visibleName } from './ref-names.js';
import { MAX_FILE_BYTES } from './source.js';

/** Names of the tags in `commit`'s history, in one `for-each-ref --merged` (real git or its in-memory twin). */
export async function tagsMergedInto(git: Pick<GitFacts, 'run'>, commit: string): Promise<{ names: Set<string>; error?: string }> {
  if (!OID.test(commit)) return { names: new Set(), error: `${visibleName(commit)} is not a commit id` };
  const res = await git.run(['for-each-ref', `--merged=${commit}`, '--format=%(refname)', 'refs/tags']);
  if (res.code !== 0) return { names: new Set(), error: `git for-each-ref --merged failed: ${visibleName(gitFailure(res), 300)}` };
  return { names: new Set(res.stdout.split('\n').filter(Boolean).map((r) => r.slice('refs/tags/'.length))) };
}

/** Facts that could not be established, each answer empty and `reason` saying why. */
export function unavailableGit(reason: string): GitFacts {
  return {
    available: false,
    reason,
    detached: false,
    shallow: false,
    hasRemoteBranches: false,
    ignoredRefs: [],
    tags: async () => [],
    listTags: async () => ({ tags: [], error: reason }),
    tagsAtCommit: async () => [],
    tagsInHistory: async () => ({ names: new Set(), error: reason }),
    isAncestor: async () => undefined,
    countCommits: async () => undefined,
    resolve: async () => undefined,
    branchTips: () => [],
    branchNames: () => [],
    hasCommit: async () => false,
    gitlinks: async () => [],
    listGitlinks: async () => ({ links: [], error: reason }),
    readAt: async () => undefined,
    tree: async () => undefined,
    object: async () => undefined,
    submodule: async () => unavailableGit(reason),
    run: async () => ({ code: -1, stdout: '', stderr: '', failure: reason }),
    close: () => undefined,
  };
}

/** What was read from `.git` before any git process: the repo's state, validated. */
export interface RepoData {
  loc: RepoLocation;
  format: RepoFormat;
  head: HeadState;
  refs: RefSnapshot;
  shallow: string[];
  objectsDir: string;
}

export function readRepoData(loc: RepoLocation): RepoData {
  const format = readRepoFormat(loc.commonDir);
  const objectsDir = path.join(loc.commonDir, 'objects');
  checkObjectStore(objectsDir);
  return { loc, format, head: readHead(loc.gitDir), refs: readRefs(loc.commonDir), shallow: readShallow(loc.commonDir), objectsDir };
}

/** Git facts of a git folder without a work tree (a submodule's clone under `.git/modules`). */
function openGitDirFacts(gitDir: string, superCommonDir: string): GitFacts {
  let data: RepoData;
  try {
    data = readRepoData(locateGitDir(gitDir, undefined, superCommonDir));
  } catch (err) {
    if (!(err instanceof GitDiskError)) throw err;
    return unavailableGit(`cannot read its git folder: ${err.message}`);
  }
  const commit = data.head.oid ?? data.refs.refs.get(data.head.symref!) ?? '';
  return new RepoGitFacts(data, commit, undefined, !data.head.symref, undefined);
}

export const NO_SUBMODULE_CLONE = 'no local clone has that commit (run "git submodule update --init")';

/** Why nothing is read for a submodule of that name (see `submoduleNameProblem`); undefined when its name is safe. */
export function unsafeSubmoduleName(name: string): string | undefined {
  const problem = submoduleNameProblem(name);
  return problem && `the submodule name "${visibleName(name)}" ${problem}; nothing is read for it`;
}

/** `<common dir>/modules/<name>`, each step a real folder; or why it cannot be used. */
function submoduleGitDir(commonDir: string, name: string): { dir: string } | { reason: string } {
  const unsafe = unsafeSubmoduleName(name);
  if (unsafe) return { reason: unsafe };
  let dir = path.join(commonDir, 'modules');
  for (const part of name.split('/').filter((p) => p !== '' && p !== '.')) {
    try {
      if (!realFolder(dir)) return { reason: NO_SUBMODULE_CLONE };
    } catch (err) {
      return { reason: `cannot read its clone: ${(err as Error).message}` };
    }
    dir = path.join(dir, part);
  }
  try {
    if (!realFolder(dir) || !lstatSync(path.join(dir, 'HEAD'), { throwIfNoEntry: false })) return { reason: NO_SUBMODULE_CLONE };
  } catch (err) {
    return { reason: `cannot read its clone: ${(err as Error).message}` };
  }
  return { dir };
}

/** Entries of a raw tree object: `<mode> <name>\0<binary id>`, repeated. */
export function parseTree(content: Buffer, oidBytes: number): { mode: string; type: TreeEntry['type']; oid: string; name: string }[] {
  const out: { mode: string; type: TreeEntry['type']; oid: string; name: string }[] = [];
  let at = 0;
  while (at < content.length) {
    const space = content.indexOf(0x20, at);
    const nul = content.indexOf(0, space + 1);
    if (space === -1 || nul === -1 || nul + 1 + oidBytes > content.length) break;
    const mode = content.toString('latin1', at, space).padStart(6, '0');
    const name = content.toString('utf8', space + 1, nul);
    const oid = content.toString('hex', nul + 1, nul + 1 + oidBytes);
    out.push({ mode, name, oid, type: mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob' });
    at = nul + 1 + oidBytes;
  }
  return out;
}

export class RepoGitFacts implements GitFacts {
  readonly available = true;
  readonly gitDir: string;
  readonly shallow: boolean;
  readonly hasRemoteBranches: boolean;
  readonly ignoredRefs: readonly string[];
  private shadowDir?: string;
  private closed = false;
  private readonly batch: CatFileBatch;
  private tagsP?: Promise<{ tags: TagInfo[]; error?: string }>;
  private treeP?: Promise<TreeEntry[] | undefined>;
  private gitlinksP?: Promise<{ links: Gitlink[]; error?: string }>;
  private readonly ancestry = new Map<string, Promise<boolean | undefined>>();
  private readonly submodules = new Map<string, Promise<GitFacts>>();

  constructor(
    private readonly data: RepoData,
    /** Set once `--rev` is resolved. */
    public commit: string,
    readonly branch: string | undefined,
    readonly detached: boolean,
    readonly rev: string | undefined,
  ) {
    this.gitDir = data.loc.gitDir;
    this.shallow = data.shallow.length > 0;
    this.hasRemoteBranches = [...data.refs.refs.keys()].some((r) => r.startsWith('refs/remotes/'));
    this.ignoredRefs = data.refs.ignored;
    this.batch = new CatFileBatch(() => this.shadow(), MAX_FILE_BYTES);
  }

  /** porgs-lint's git folder for this repo, made on first use. */
  private shadow(): string {
    if (this.closed) throw new Error('git facts used after close()');
    this.shadowDir ??= createShadow({ objectsDir: this.data.objectsDir, format: this.data.format, head: this.data.head, refs: this.data.refs, shallow: this.data.shallow });
    return this.shadowDir;
  }

  run(args: readonly string[], input?: string): Promise<GitResult> {
    return runGit(this.shadow(), args, input);
  }

  async tags(): Promise<TagInfo[]> {
    return (await this.listTags()).tags;
  }

  listTags(): Promise<{ tags: TagInfo[]; error?: string }> {
    this.tagsP ??= this.readTags().then(
      (tags) => ({ tags: tags.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) }),
      (err: unknown) => {
        if (err instanceof GitDiskError) return { tags: [], error: err.message };
        throw err;
      },
    );
    return this.tagsP;
  }

  private async readTags(): Promise<TagInfo[]> {
    const onDisk = tagsFromSnapshot(this.data.objectsDir, this.data.refs);
    if (onDisk) return onDisk;
    const res = await this.run(['for-each-ref', '--format=%(refname)%00%(objecttype)%00%(objectname)%00%(*objectname)%00%(*objecttype)', 'refs/tags']);
    if (res.code !== 0) throw new GitDiskError(`git for-each-ref failed: ${visibleName(gitFailure(res), 300)}`);
    const tags: TagInfo[] = [];
    for (const line of res.stdout.split('\n').filter(Boolean)) {
      const [ref, type, object, peeled, peeledType] = line.split('\0');
      // A tag of a tag: for-each-ref peels one level only; the shared cat-file peels to the end.
      const commit = peeledType === 'tag' ? ((await this.object(`${object}^{}`))?.oid ?? peeled) : peeled || object;
      tags.push({ name: ref.slice('refs/tags/'.length), object, annotated: type === 'tag', commit });
    }
    return tags;
  }

  async tagsAtCommit(): Promise<TagInfo[]> {
    return (await this.tags()).filter((t) => t.commit === this.commit);
  }

  tagsInHistory(commit: string): Promise<{ names: Set<string>; error?: string }> {
    return tagsMergedInto(this, commit);
  }

  isAncestor(ancestor: string, descendant: string): Promise<boolean | undefined> {
    const key = `${ancestor}..${descendant}`;
    let p = this.ancestry.get(key);
    if (!p) {
      // In a shallow clone "not an ancestor" may only mean the history is cut: unknown.
      p = isAncestor(this.shadow(), ancestor, descendant).then((yes) => (yes === false && this.shallow ? undefined : yes));
      this.ancestry.set(key, p);
    }
    return p;
  }

  async countCommits(from: string, to: string): Promise<number | undefined> {
    const res = await this.run(['rev-list', '--count', '--end-of-options', `${from}..${to}`]);
    return res.code === 0 && /^\d+$/.test(res.stdout.trim()) ? Number(res.stdout.trim()) : undefined;
  }

  /** Through the shared cat-file process (it resolves names as rev-parse does): no process per question. */
  async resolve(ref: string): Promise<string | undefined> {
    const obj = await this.object(`${ref}^{commit}`);
    return obj?.type === 'commit' ? obj.oid : undefined;
  }

  branchTips(branch: string): BranchTip[] {
    const tips: BranchTip[] = [];
    const local = this.data.refs.refs.get(`refs/heads/${branch}`);
    if (local) tips.push({ ref: branch, oid: local });
    for (const [ref, oid] of this.data.refs.refs) {
      const m = /^refs\/remotes\/([^/]+)\/(.+)$/.exec(ref);
      if (m && m[2] === branch) tips.push({ ref: `${m[1]}/${branch}`, oid });
    }
    return tips;
  }

  branchNames(): string[] {
    return branchNamesOf(this.data.refs.refs.keys());
  }

  async hasCommit(oid: string): Promise<boolean> {
    if (!OID.test(oid)) return false;
    return (await this.object(`${oid}^{commit}`))?.type === 'commit';
  }

  tree(): Promise<TreeEntry[] | undefined> {
    if (!this.rev) return Promise.resolve(undefined);
    this.treeP ??= this.walkTree();
    return this.treeP;
  }

  /**
   * The whole tree of the checked commit, read through the shared cat-file process (no process of
   * its own): each level's folders are asked for together. Undefined when an object is missing.
   */
  private async walkTree(): Promise<TreeEntry[] | undefined> {
    const oidBytes = this.data.format.objectFormat === 'sha256' ? 32 : 20;
    const entries: TreeEntry[] = [];
    let level: { oid: string; prefix: string }[] = [{ oid: `${this.commit}^{tree}`, prefix: '' }];
    while (level.length > 0) {
      const objects = await Promise.all(level.map((t) => this.batch.read(t.oid)));
      const next: { oid: string; prefix: string }[] = [];
      for (let i = 0; i < level.length; i++) {
        const obj = objects[i];
        if (!obj || obj.type !== 'tree' || obj.tooLarge) return undefined;
        for (const e of parseTree(obj.content, oidBytes)) {
          const entry = { ...e, path: level[i].prefix + e.name };
          entries.push({ mode: entry.mode, type: entry.type, oid: entry.oid, path: entry.path });
          if (entry.type === 'tree') next.push({ oid: entry.oid, prefix: `${entry.path}/` });
        }
      }
      level = next;
    }
    return entries;
  }

  async gitlinks(): Promise<Gitlink[]> {
    return (await this.listGitlinks()).links;
  }

  listGitlinks(): Promise<{ links: Gitlink[]; error?: string }> {
    this.gitlinksP ??= (async () => {
      if (this.rev) {
        const tree = await this.tree();
        if (!tree) return { links: [], error: `git ls-tree could not read commit ${this.commit.slice(0, 12)}` };
        return { links: tree.filter((e) => e.mode === '160000').map((e) => ({ path: e.path, commit: e.oid })) };
      }
      try {
        return { links: readIndexGitlinks(this.data.loc.gitDir, this.data.format.objectFormat === 'sha256' ? 32 : 20) };
      } catch (err) {
        if (err instanceof GitDiskError) return { links: [], error: err.message };
        throw err;
      }
    })();
    return this.gitlinksP;
  }

  async readAt(commit: string, filePath: string): Promise<string | undefined> {
    const obj = await this.batch.read(`${commit}:${filePath}`);
    return obj && obj.type === 'blob' && !obj.tooLarge ? obj.content.toString('utf8') : undefined;
  }

  object(spec: string): Promise<BatchObject | undefined> {
    return this.batch.read(spec);
  }

  submodule(name: string): Promise<GitFacts> {
    let p = this.submodules.get(name);
    if (!p) {
      const where = submoduleGitDir(this.data.loc.commonDir, name);
      p = Promise.resolve('reason' in where ? unavailableGit(where.reason) : openGitDirFacts(where.dir, this.data.loc.commonDir));
      this.submodules.set(name, p);
    }
    return p;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.batch.close();
    for (const sub of this.submodules.values()) void sub.then((s) => s.close());
    if (this.shadowDir) removeShadow(this.shadowDir);
  }
}
