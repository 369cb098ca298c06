// Git facts about one checked repo, each asked of git at most once.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { readHeadFromDisk, readTagsFromDisk } from './git-disk.js';
import { CatFileBatch, isAncestor, listTree, resolveCommit, resolveObject, runGit, type GitLocation, type TreeEntry } from './git.js';

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
  /** Absolute git dir (`.git`), when available. */
  readonly gitDir?: string;
  /** The checked commit: `--rev` resolved, else HEAD. */
  readonly commit?: string;
  /** Current branch of the work tree; undefined when detached or when `--rev` is used. */
  readonly branch?: string;
  readonly detached: boolean;
  readonly shallow: boolean;
  /** The revision given with --rev, as typed. */
  readonly rev?: string;
  tags(): Promise<TagInfo[]>;
  tagsAtCommit(): Promise<TagInfo[]>;
  /** True/false, or undefined when either object is missing or a shallow clone cuts the history. */
  isAncestor(ancestor: string, descendant: string): Promise<boolean | undefined>;
  /** Commit id of a ref or id, or undefined. */
  resolve(ref: string): Promise<string | undefined>;
  hasCommit(oid: string): Promise<boolean>;
  /** Gitlinks (mode 160000) of the checked commit (index for the work tree). */
  gitlinks(): Promise<Gitlink[]>;
  /** Text of a file at another commit, or undefined. */
  readAt(commit: string, filePath: string): Promise<string | undefined>;
  /** Full tree of the checked commit (undefined for the work tree). */
  tree(): Promise<TreeEntry[] | undefined>;
  /** Raw object by spec through the shared cat-file process. */
  object(spec: string): Promise<{ oid: string; type: string; content: Buffer } | undefined>;
  run(args: readonly string[]): ReturnType<typeof runGit>;
  close(): void;
}

export interface OpenGitOptions {
  root: string;
  rev?: string;
}

const unavailable = (reason: string): GitFacts => ({
  available: false,
  reason,
  detached: false,
  shallow: false,
  tags: async () => [],
  tagsAtCommit: async () => [],
  isAncestor: async () => undefined,
  resolve: async () => undefined,
  hasCommit: async () => false,
  gitlinks: async () => [],
  readAt: async () => undefined,
  tree: async () => undefined,
  object: async () => undefined,
  run: async () => ({ code: 128, stdout: '', stderr: reason }),
  close: () => undefined,
});

function sameDir(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/**
 * Opens git facts for a folder. When `rev` is given and cannot be resolved, throws a
 * usage error (the caller asked for something that does not exist).
 */
export async function openGitFacts({ root, rev }: OpenGitOptions): Promise<GitFacts> {
  const loc: GitLocation = { cwd: root };
  if (!rev && existsSync(path.join(root, '.git'))) {
    const fast = readHeadFromDisk(root);
    if (fast) return new CliGitFacts(loc, fast.gitDir, fast.commit, fast.branch, fast.branch === undefined, fast.shallow, undefined, true);
    // The usual case in one process instead of three: a work tree whose HEAD is a commit.
    const all = await runGit(loc, ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--is-shallow-repository', 'HEAD^{commit}', '--symbolic-full-name', 'HEAD']);
    const [top, gitDir, shallowFlag, commit, head] = all.stdout.trim().split('\n');
    if (all.code === 0 && head !== undefined && sameDir(top, root) && /^[0-9a-f]{40,64}$/.test(commit)) {
      const branch = head.startsWith('refs/heads/') ? head.slice('refs/heads/'.length) : undefined;
      return new CliGitFacts(loc, gitDir, commit, branch, branch === undefined, shallowFlag === 'true', undefined);
    }
  }
  const probe = await runGit(loc, ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--is-shallow-repository']);
  if (probe.code !== 0) {
    if (rev) throw new RevError(`--rev ${rev}: ${root} is not a git repository`);
    return unavailable('not a git repository');
  }
  const [top, gitDir, shallowFlag] = probe.stdout.trim().split('\n');
  if (!sameDir(top, root)) {
    if (rev) throw new RevError(`--rev ${rev}: ${root} is not the root of a git repository (the root is ${top})`);
    return unavailable(`the folder is not the root of a git repository (it lies inside ${top})`);
  }
  const target = rev ?? 'HEAD';
  const commit = await resolveCommit(loc, target);
  if (!commit) {
    if (rev) throw new RevError(`--rev ${rev}: no such commit, branch or tag in ${root}`);
    return unavailable('the repository has no commits yet');
  }
  let branch: string | undefined;
  let detached = false;
  if (!rev) {
    const sym = await runGit(loc, ['symbolic-ref', '-q', '--short', 'HEAD']);
    if (sym.code === 0) branch = sym.stdout.trim();
    else detached = true;
  } else {
    const full = await runGit(loc, ['rev-parse', '--symbolic-full-name', rev]);
    const name = full.stdout.trim();
    if (name.startsWith('refs/heads/')) branch = name.slice('refs/heads/'.length);
    else if (name.startsWith('refs/remotes/')) branch = name.slice('refs/remotes/'.length).replace(/^[^/]+\//, '');
  }
  return new CliGitFacts(loc, gitDir, commit, branch, detached, shallowFlag === 'true', rev);
}

export class RevError extends Error {}

export { readHeadFromDisk };

class CliGitFacts implements GitFacts {
  readonly available = true;
  private batch: CatFileBatch;
  private tagsP?: Promise<TagInfo[]>;
  private treeP?: Promise<TreeEntry[] | undefined>;
  private gitlinksP?: Promise<Gitlink[]>;
  private readonly ancestry = new Map<string, Promise<boolean | undefined>>();

  constructor(
    private readonly loc: GitLocation,
    readonly gitDir: string,
    readonly commit: string,
    readonly branch: string | undefined,
    readonly detached: boolean,
    readonly shallow: boolean,
    readonly rev: string | undefined,
    /** `.git` is a plain folder this user owns: refs may be read from it without starting git. */
    private readonly readableOnDisk = false,
  ) {
    this.batch = new CatFileBatch(loc);
  }

  run(args: readonly string[]) {
    return runGit(this.loc, args);
  }

  tags(): Promise<TagInfo[]> {
    this.tagsP ??= this.readTags();
    return this.tagsP;
  }

  private async readTags(): Promise<TagInfo[]> {
    const byName = (a: TagInfo, b: TagInfo) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    const onDisk = this.readableOnDisk ? readTagsFromDisk(this.gitDir) : undefined;
    if (onDisk) return onDisk.sort(byName);
    const res = await runGit(this.loc, ['for-each-ref', 'refs/tags', '--format=%(refname:short)%00%(objecttype)%00%(objectname)%00%(*objectname)%00%(*objecttype)']);
    const tags: TagInfo[] = [];
    for (const line of res.stdout.split('\n').filter(Boolean)) {
      const [name, type, object, peeled, peeledType] = line.split('\0');
      // A tag of a tag: for-each-ref peels one level only; peel to the end, as packed-refs does.
      const commit = peeledType === 'tag' ? ((await resolveObject(this.loc, `refs/tags/${name}^{}`)) ?? peeled) : peeled || object;
      tags.push({ name, object, annotated: type === 'tag', commit });
    }
    return tags.sort(byName);
  }

  async tagsAtCommit(): Promise<TagInfo[]> {
    return (await this.tags()).filter((t) => t.commit === this.commit);
  }

  isAncestor(ancestor: string, descendant: string): Promise<boolean | undefined> {
    const key = `${ancestor}..${descendant}`;
    let p = this.ancestry.get(key);
    if (!p) {
      // In a shallow clone "not an ancestor" may only mean the history is cut: unknown.
      p = isAncestor(this.loc, ancestor, descendant).then((yes) => (yes === false && this.shallow ? undefined : yes));
      this.ancestry.set(key, p);
    }
    return p;
  }

  resolve(ref: string): Promise<string | undefined> {
    return resolveCommit(this.loc, ref);
  }

  async hasCommit(oid: string): Promise<boolean> {
    const r = await runGit(this.loc, ['cat-file', '-e', `${oid}^{commit}`]);
    return r.code === 0;
  }

  tree(): Promise<TreeEntry[] | undefined> {
    if (!this.rev) return Promise.resolve(undefined);
    this.treeP ??= listTree(this.loc, this.commit);
    return this.treeP;
  }

  gitlinks(): Promise<Gitlink[]> {
    this.gitlinksP ??= (async () => {
      if (this.rev) {
        const tree = (await this.tree()) ?? [];
        return tree.filter((e) => e.mode === '160000').map((e) => ({ path: e.path, commit: e.oid }));
      }
      const res = await runGit(this.loc, ['ls-files', '-s', '-z']);
      const links: Gitlink[] = [];
      for (const rec of res.stdout.split('\0')) {
        if (!rec.startsWith('160000 ')) continue;
        const tab = rec.indexOf('\t');
        links.push({ path: rec.slice(tab + 1), commit: rec.split(' ')[1] });
      }
      return links;
    })();
    return this.gitlinksP;
  }

  async readAt(commit: string, filePath: string): Promise<string | undefined> {
    const obj = await this.batch.read(`${commit}:${filePath}`);
    return obj && obj.type === 'blob' ? obj.content.toString('utf8') : undefined;
  }

  object(spec: string) {
    return this.batch.read(spec);
  }

  close(): void {
    this.batch.close();
  }
}
