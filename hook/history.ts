// What a push's ancestry questions need, asked of git in two calls whatever the number of refs:
// one `for-each-ref` for the release branches and the published refs (remote-tracking branches
// and tags), one `rev-list --parents --stdin` for the history of every commit involved. Each
// question is then answered in memory: no git process per ref, per tag or per commit.
import type { GitFacts } from '../runner/git-facts.js';
import { gitFailure } from '../runner/git.js';
import { isValidRefName, OID } from '../runner/ref-names.js';

export interface RefTips {
  /** Commit of each listed ref (annotated tags peeled; refs to trees or blobs left out). */
  commits: Map<string, string>;
  /** Commits of every remote-tracking branch and tag: history some remote or release already has. */
  published: string[];
}

/** The commits of `refs/remotes/*`, `refs/tags/*` and the given local branches, in one call. */
export async function readRefTips(git: GitFacts, branches: readonly string[]): Promise<RefTips | string> {
  const heads = branches.map((b) => `refs/heads/${b}`).filter(isValidRefName);
  const res = await git.run(['for-each-ref', '--format=%(objecttype) %(objectname) %(*objecttype) %(*objectname) %(refname)', 'refs/remotes', 'refs/tags', ...heads]);
  if (res.code !== 0) return gitFailure(res);
  const commits = new Map<string, string>();
  const published: string[] = [];
  for (const line of res.stdout.split('\n')) {
    const [type, oid, peeledType, peeled, ...name] = line.split(' ');
    const commit = type === 'commit' ? oid : type === 'tag' && peeledType === 'commit' ? peeled : undefined;
    if (!commit || !OID.test(commit)) continue;
    const ref = name.join(' ');
    commits.set(ref, commit);
    if (ref.startsWith('refs/remotes/') || ref.startsWith('refs/tags/')) published.push(commit);
  }
  return { commits, published };
}

/** The parents of every commit in the history of some tips (a shallow clone's history is cut). */
export class CommitGraph {
  private readonly reach = new Map<string, Set<string>>();

  constructor(
    private readonly parents: ReadonlyMap<string, readonly string[]>,
    /** The clone is shallow: "not found" may only mean "cut off". */
    readonly shallow: boolean,
  ) {}

  has(commit: string): boolean {
    return this.parents.has(commit);
  }

  parentsOf(commit: string): readonly string[] {
    return this.parents.get(commit) ?? [];
  }

  /** The given commits in the order git listed them: children before their parents. */
  ordered(commits: ReadonlySet<string>): string[] {
    return [...this.parents.keys()].filter((c) => commits.has(c));
  }

  /** Every commit in the history of `tips`, the tips included, not entering `stop`. */
  history(tips: readonly string[], stop?: ReadonlySet<string>): Set<string> {
    const seen = new Set<string>();
    const todo = tips.filter((t) => this.parents.has(t) && !stop?.has(t));
    for (const t of todo) seen.add(t);
    while (todo.length) {
      for (const p of this.parentsOf(todo.pop()!)) {
        if (!seen.has(p) && this.parents.has(p) && !stop?.has(p)) {
          seen.add(p);
          todo.push(p);
        }
      }
    }
    return seen;
  }

  /** Whether `ancestor` is `descendant` or in its history; undefined when a shallow clone may hide it. */
  isAncestor(ancestor: string, descendant: string): boolean | undefined {
    let reach = this.reach.get(descendant);
    if (!reach) this.reach.set(descendant, (reach = this.history([descendant])));
    return reach.has(ancestor) ? true : this.shallow ? undefined : false;
  }

  /** The commits of `tip`'s first-parent chain: a release branch's own history of merges and commits. */
  firstParents(tip: string): Set<string> {
    const chain = new Set<string>();
    for (let c: string | undefined = tip; c !== undefined && this.parents.has(c) && !chain.has(c); c = this.parentsOf(c)[0]) chain.add(c);
    return chain;
  }
}

/** The history of `tips` in one `rev-list`; tips that are not commits here are left out (`has` says so). */
export async function readGraph(git: GitFacts, tips: readonly string[]): Promise<CommitGraph | string> {
  const wanted = [...new Set(tips.filter((t) => OID.test(t)))];
  if (wanted.length === 0) return new CommitGraph(new Map(), git.shallow);
  const res = await git.run(['rev-list', '--parents', '--topo-order', '--ignore-missing', '--stdin'], wanted.join('\n') + '\n');
  if (res.code !== 0) return gitFailure(res);
  const parents = new Map<string, string[]>();
  for (const line of res.stdout.split('\n')) {
    if (!line) continue;
    const [commit, ...ps] = line.split(' ');
    parents.set(commit, ps);
  }
  return new CommitGraph(parents, git.shallow);
}
