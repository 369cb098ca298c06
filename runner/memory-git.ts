// Git facts of a repository described as data (runner/memory-git-store.ts), with the answers and
// the "cannot tell" shapes of the git facts of a real repository (runner/git-repo.ts): for rule
// tests and examples that need a history but no disk. tests/contract/git-facts.contract.test.ts
// runs the same cases against both, so the two cannot drift apart.
// What it cannot do it says: `run()` knows only the plumbing the pre-push hook issues, and
// `verify-tag` fails (there is no key to verify a signature against).
import { branchNamesOf, branchOfRev, RevError, type BranchTip, type GitFacts, type Gitlink, type TagInfo } from './git-facts.js';
import { NO_SUBMODULE_CLONE, tagsMergedInto, unavailableGit, unsafeSubmoduleName } from './git-repo.js';
import { gitFailure, type BatchObject, type GitResult, type TreeEntry } from './git.js';
import { MemoryStore, type GitState } from './memory-git-store.js';
import { runPlumbing } from './memory-git-plumbing.js';
import { OID, visibleName } from './ref-names.js';
import { MAX_FILE_BYTES } from './source.js';

export { idsOf, oidOf, tagOidOf, type GitFile, type GitIds, type GitState } from './memory-git-store.js';

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

class MemoryGitFacts implements GitFacts {
  readonly available = true;
  readonly ignoredRefs: readonly string[] = [];
  readonly shallow: boolean;
  readonly hasRemoteBranches: boolean;
  private readonly submodules = new Map<string, GitFacts>();

  constructor(
    private readonly store: MemoryStore,
    private readonly state: GitState,
    readonly commit: string,
    readonly branch: string | undefined,
    readonly detached: boolean,
    readonly rev: string | undefined,
  ) {
    this.shallow = store.shallow;
    this.hasRemoteBranches = [...store.refs.keys()].some((r) => r.startsWith('refs/remotes/'));
  }

  async tags(): Promise<TagInfo[]> {
    return (await this.listTags()).tags;
  }

  async listTags(): Promise<{ tags: TagInfo[]; error?: string }> {
    const tags: TagInfo[] = [];
    for (const [ref, object] of this.store.refs) {
      if (!ref.startsWith('refs/tags/')) continue;
      tags.push({ name: ref.slice('refs/tags/'.length), object, annotated: this.store.objects.get(object)?.type === 'tag', commit: this.store.peel(object, '') ?? object });
    }
    return { tags: tags.sort(byName) };
  }

  async tagsAtCommit(): Promise<TagInfo[]> {
    return (await this.tags()).filter((t) => t.commit === this.commit);
  }

  tagsInHistory(commit: string): Promise<{ names: Set<string>; error?: string }> {
    return tagsMergedInto(this, commit);
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean | undefined> {
    const [a, d] = [this.commitOf(ancestor), this.commitOf(descendant)];
    if (!a || !d) return undefined;
    // In a shallow clone "not an ancestor" may only mean the history is cut: unknown.
    return this.store.reach([d]).has(a) ? true : this.shallow ? undefined : false;
  }

  async countCommits(from: string, to: string): Promise<number | undefined> {
    const [f, t] = [this.commitOf(from), this.commitOf(to)];
    if (!f || !t) return undefined;
    const known = this.store.reach([f]);
    return [...this.store.reach([t])].filter((c) => !known.has(c)).length;
  }

  async resolve(ref: string): Promise<string | undefined> {
    return this.commitOf(ref);
  }

  private commitOf(rev: string): string | undefined {
    return this.store.resolveSpec(`${rev}^{commit}`);
  }

  branchTips(branch: string): BranchTip[] {
    const tips: BranchTip[] = [];
    const local = this.store.refs.get(`refs/heads/${branch}`);
    if (local) tips.push({ ref: branch, oid: local });
    for (const [ref, oid] of this.store.refs) {
      const m = /^refs\/remotes\/([^/]+)\/(.+)$/.exec(ref);
      if (m && m[2] === branch) tips.push({ ref: `${m[1]}/${branch}`, oid });
    }
    return tips;
  }

  branchNames(): string[] {
    return branchNamesOf(this.store.refs.keys());
  }

  async hasCommit(oid: string): Promise<boolean> {
    return OID.test(oid) && this.commitOf(oid) !== undefined;
  }

  async gitlinks(): Promise<Gitlink[]> {
    return (await this.listGitlinks()).links;
  }

  /** With `--rev`, the commit's; else the index's, which is taken to be HEAD's tree (sorted by path, as an index is). */
  async listGitlinks(): Promise<{ links: Gitlink[]; error?: string }> {
    if (this.rev) return { links: (await this.tree())!.filter((e) => e.mode === '160000').map((e) => ({ path: e.path, commit: e.oid })) };
    if (!this.commit) return { links: [] };
    const links = this.walk(this.commit).filter((e) => e.mode === '160000');
    return { links: links.map((e) => ({ path: e.path, commit: e.oid })).sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path))) };
  }

  async readAt(commit: string, filePath: string): Promise<string | undefined> {
    const obj = await this.object(`${commit}:${filePath}`);
    return obj && obj.type === 'blob' && !obj.tooLarge ? obj.content.toString('utf8') : undefined;
  }

  async tree(): Promise<TreeEntry[] | undefined> {
    return this.rev ? this.walk(this.commit) : undefined;
  }

  /** Every entry under a commit's tree, level by level as the real walk reads them. */
  private walk(commit: string): TreeEntry[] {
    const entries: TreeEntry[] = [];
    let level = [{ oid: this.store.peel(commit, 'tree')!, prefix: '' }];
    while (level.length) {
      const next: typeof level = [];
      for (const { oid, prefix } of level) {
        for (const e of this.store.objects.get(oid)!.entries!) {
          const mode = e.mode.padStart(6, '0');
          const entry: TreeEntry = { mode, type: mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob', oid: e.oid, path: prefix + e.name };
          entries.push(entry);
          if (entry.type === 'tree') next.push({ oid: e.oid, prefix: `${entry.path}/` });
        }
      }
      level = next;
    }
    return entries;
  }

  async object(spec: string): Promise<BatchObject | undefined> {
    const oid = this.store.resolveSpec(spec);
    const obj = oid === undefined ? undefined : this.store.objects.get(oid);
    if (!obj) return undefined;
    const tooLarge = obj.content.length > MAX_FILE_BYTES;
    return { oid: obj.oid, type: obj.type, size: obj.content.length, content: tooLarge ? Buffer.alloc(0) : Buffer.from(obj.content), tooLarge };
  }

  async submodule(name: string): Promise<GitFacts> {
    let facts = this.submodules.get(name);
    if (!facts) this.submodules.set(name, (facts = this.openSubmodule(name)));
    return facts;
  }

  private openSubmodule(name: string): GitFacts {
    const unsafe = unsafeSubmoduleName(name);
    if (unsafe) return unavailableGit(unsafe);
    const sub = this.state.submodules && Object.hasOwn(this.state.submodules, name) ? this.state.submodules[name] : undefined;
    if (!sub) return unavailableGit(NO_SUBMODULE_CLONE);
    // As a submodule's git folder is opened: HEAD's commit (or none), no branch, no --rev.
    const store = new MemoryStore(sub);
    return new MemoryGitFacts(store, sub, store.headCommit() ?? '', undefined, 'commit' in sub.head, undefined);
  }

  async run(args: readonly string[], input?: string): Promise<GitResult> {
    return runPlumbing(this.store, args, input);
  }

  close(): void {
    // Nothing to release: no process, no folder.
  }
}

/**
 * Git facts of the repository `state` describes, opened as `openGitFacts({ root, rev: state.rev })`
 * opens a real one: unavailable on a branch without commits, a RevError for a `rev` that names no commit.
 */
export function memoryGit(state: GitState): GitFacts {
  const store = new MemoryStore(state);
  if (!state.rev) {
    const commit = store.headCommit();
    if (!commit) return unavailableGit('the repository has no commits yet');
    return new MemoryGitFacts(store, state, commit, 'branch' in state.head ? state.head.branch : undefined, 'commit' in state.head, undefined);
  }
  const commit = store.resolveSpec(`${state.rev}^{commit}`);
  if (!commit) throw new RevError(`--rev ${state.rev}: no such commit, branch or tag in memory`);
  return new MemoryGitFacts(store, state, commit, branchOfRev(state.rev, store.headSymref, (full) => store.refs.has(full)), false, state.rev);
}
