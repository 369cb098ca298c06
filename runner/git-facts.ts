// Git facts about one checked repo, each established at most once: what rules, the mode decision,
// sources and the pre-push hook may ask. The repository is hostile input: see runner/git-repo.ts.
import { GitDiskError } from './git-disk.js';
import { locateWorkTree } from './git-locate.js';
import { readRepoData, RepoGitFacts, unavailableGit, type RepoData } from './git-repo.js';
import type { BatchObject, GitResult, TreeEntry } from './git.js';

export interface TagInfo {
  name: string;
  /** The commit the tag points to (annotated tags peeled to the end, through tags of tags). */
  commit: string;
  /** The tag object id for annotated tags, the commit id for lightweight ones. */
  object: string;
  annotated: boolean;
}

export interface Gitlink {
  path: string;
  commit: string;
}

export interface GitFacts {
  /** False outside a git repo, in a repo with no commits, or when the folder is not the repo root. */
  readonly available: boolean;
  /** Why git facts are unavailable, phrased for a "cannot verify" note. */
  readonly reason?: string;
  /** Absolute git dir (`.git`, or a worktree's or submodule's git folder), when available. */
  readonly gitDir?: string;
  /** The checked commit: `--rev` resolved, else HEAD. */
  readonly commit?: string;
  /** Current branch of the work tree; undefined when detached or when `--rev` is used. */
  readonly branch?: string;
  readonly detached: boolean;
  readonly shallow: boolean;
  /** The revision given with --rev, as typed. */
  readonly rev?: string;
  /** The clone has remote-tracking branches (`refs/remotes/...`): it was fetched from somewhere. */
  readonly hasRemoteBranches: boolean;
  /** Refs git itself would ignore (invalid names, unreadable content), described for a note. */
  readonly ignoredRefs: readonly string[];
  /** Tags, sorted by name; [] when they cannot be listed (see `listTags`). */
  tags(): Promise<TagInfo[]>;
  /** Tags, or why they could not be listed (git's reason for a corrupt object, a refused file). */
  listTags(): Promise<{ tags: TagInfo[]; error?: string }>;
  tagsAtCommit(): Promise<TagInfo[]>;
  /**
   * Names of the tags whose commit is `commit` or in its history, in one git call (never one per
   * tag); in a shallow clone a tag missing here may only be cut off. Or why git could not tell.
   */
  tagsInHistory(commit: string): Promise<{ names: Set<string>; error?: string }>;
  /** True/false, or undefined when either object is missing or a shallow clone cuts the history. */
  isAncestor(ancestor: string, descendant: string): Promise<boolean | undefined>;
  /** How many commits `to` has that `from` has not (`git rev-list --count from..to`), or undefined. */
  countCommits(from: string, to: string): Promise<number | undefined>;
  /** Commit id of a ref or id, or undefined. */
  resolve(ref: string): Promise<string | undefined>;
  /**
   * Where a branch is, read from the refs without a git process: the local branch first, then each
   * remote-tracking branch of that name (`<remote>/<branch>`).
   */
  branchTips(branch: string): BranchTip[];
  /** Names of the local and remote-tracking branches (`dev` for `origin/dev` too), sorted, without a process. */
  branchNames(): string[];
  hasCommit(oid: string): Promise<boolean>;
  /** Gitlinks (mode 160000) of the checked commit (index for the work tree); [] when unreadable. */
  gitlinks(): Promise<Gitlink[]>;
  /** Gitlinks, or why they could not be read (an index porgs-lint does not read, a failing git). */
  listGitlinks(): Promise<{ links: Gitlink[]; error?: string }>;
  /** Text of a file at another commit, or undefined. */
  readAt(commit: string, filePath: string): Promise<string | undefined>;
  /** Full tree of the checked commit (undefined for the work tree). */
  tree(): Promise<TreeEntry[] | undefined>;
  /** Raw object by spec through the shared cat-file process; content skipped above 5 MB (`tooLarge`). */
  object(spec: string): Promise<BatchObject | undefined>;
  /** The local clone of a submodule (`.git/modules/<name>`); unavailable, with why, for an unsafe name or no clone. */
  submodule(name: string): Promise<GitFacts>;
  /** Read-only git plumbing on porgs-lint's own git folder for this repo; `input` goes to its stdin (`--stdin`). */
  run(args: readonly string[], input?: string): Promise<GitResult>;
  close(): void;
}

export interface BranchTip {
  /** `dev`, or `origin/dev` for a remote-tracking branch. */
  ref: string;
  oid: string;
}

/** Branch names from full ref names: `refs/heads/<b>` and `refs/remotes/<remote>/<b>` (not `HEAD`). */
export function branchNamesOf(refs: Iterable<string>): string[] {
  const names = new Set<string>();
  for (const ref of refs) {
    const m = /^refs\/(?:heads\/(.+)|remotes\/[^/]+\/(.+))$/.exec(ref);
    const name = m?.[1] ?? m?.[2];
    if (name && name !== 'HEAD') names.add(name);
  }
  return [...names].sort();
}

export interface OpenGitOptions {
  root: string;
  rev?: string;
  /** Only refs and objects are needed (the pre-push hook): HEAD may be a branch without commits. */
  refsOnly?: boolean;
}

export class RevError extends Error {}

/**
 * The branch a `--rev` names, with git's precedence (refs/<rev>, tags, heads, remotes): from the
 * symbolic ref of HEAD and which full ref names exist. Shared by the git facts of disk and memory.
 */
export function branchOfRev(rev: string, headSymref: string | undefined, hasRef: (full: string) => boolean): string | undefined {
  if (rev === 'HEAD') return headSymref?.startsWith('refs/heads/') ? headSymref.slice('refs/heads/'.length) : undefined;
  for (const full of [`refs/${rev}`, `refs/tags/${rev}`, `refs/heads/${rev}`, `refs/remotes/${rev}`]) {
    if (!hasRef(full)) continue;
    if (full.startsWith('refs/heads/')) return full.slice('refs/heads/'.length);
    if (full.startsWith('refs/remotes/')) return full.slice('refs/remotes/'.length).replace(/^[^/]+\//, '');
    return undefined;
  }
  return undefined;
}

/**
 * Opens git facts for a folder. When `rev` is given and cannot be resolved (or the repo cannot be
 * read), throws a RevError: the caller asked for something that does not exist here.
 */
export async function openGitFacts({ root, rev, refsOnly }: OpenGitOptions): Promise<GitFacts> {
  const located = locateWorkTree(root);
  if (!located.ok) {
    if (rev) {
      if (located.insideOf) throw new RevError(`--rev ${rev}: ${root} is not the root of a git repository (the root is ${located.insideOf})`);
      throw new RevError(located.reason === 'not a git repository' ? `--rev ${rev}: ${root} is not a git repository` : `--rev ${rev}: ${root}: ${located.reason}`);
    }
    return unavailableGit(located.reason);
  }
  let data: RepoData;
  try {
    data = readRepoData(located.loc);
  } catch (err) {
    if (!(err instanceof GitDiskError)) throw err;
    if (rev) throw new RevError(`--rev ${rev}: cannot read the git data of ${root}: ${err.message}`);
    return unavailableGit(`cannot read .git: ${err.message}`);
  }
  if (!rev) {
    const commit = data.head.oid ?? data.refs.refs.get(data.head.symref!);
    if (!commit && !refsOnly) return unavailableGit('the repository has no commits yet');
    const branch = data.head.symref?.startsWith('refs/heads/') ? data.head.symref.slice('refs/heads/'.length) : undefined;
    return new RepoGitFacts(data, commit ?? '', branch, !data.head.symref, undefined);
  }
  const facts = new RepoGitFacts(data, '', branchOfRev(rev, data.head.symref, (full) => data.refs.refs.has(full) || data.refs.symrefs.has(full)), false, rev);
  const commit = await facts.resolve(rev);
  if (!commit) {
    facts.close();
    throw new RevError(`--rev ${rev}: no such commit, branch or tag in ${root}`);
  }
  facts.commit = commit;
  return facts;
}

export { unavailableGit };
