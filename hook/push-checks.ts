// The checks run on a push. Git only: every ref line is read first, then git is asked in batches
// (one `for-each-ref`, one `rev-list`, and the shared `cat-file` for pushed tags), whatever the
// number of refs and commits. No parser is loaded unless a release tag is pushed (then the
// release rules run on the tag's commit, read through git, not the work tree).
import { isValidRemoteName } from '../runner/ref-names.js';
import { shellQuote } from '../runner/shell-quote.js';
import { CommitGraph, readGraph, readRefTips } from './history.js';
import type { PushUpdate } from './protocol.js';
import { findingsAt, short, type HookFinding, type PushContext, type PushFacts, type ReleaseTip } from './push-context.js';
import { checkTag, type TagPush } from './tag-checks.js';

export type { HookFinding, PushContext } from './push-context.js';

const RELEASE_LIKE = /^v?\d/;
const FIRST_FEW = 3;

const nameIn = (ref: string, prefix: string) => (ref.startsWith(prefix) ? ref.slice(prefix.length) : undefined);

export async function checkPush(ctx: PushContext, updates: readonly PushUpdate[]): Promise<HookFinding[]> {
  const out: HookFinding[] = [];
  const tags: TagPush[] = [];
  const devs: Array<{ u: PushUpdate; branch: string }> = [];
  /** Branches this push moves, at their new commit. */
  const pushedBranches = new Map<string, string>();
  for (const u of updates) {
    const branch = nameIn(u.remoteRef, 'refs/heads/');
    const tag = nameIn(u.remoteRef, 'refs/tags/');
    if (branch !== undefined && !u.deletion) pushedBranches.set(branch, u.localOid);
    if (u.deletion) {
      if (branch !== undefined && ctx.policy.protectedBranches.includes(branch)) {
        out.push(findingsAt(u)('hook/protected-branch-delete', `deleting ${branch} on ${ctx.remote} is blocked; it is a protected branch of the release process`));
      }
    } else if (tag !== undefined && RELEASE_LIKE.test(tag)) tags.push({ u, tag, commit: undefined });
    else if (branch !== undefined && ctx.policy.devBranches.includes(branch)) devs.push({ u, branch });
  }
  if (tags.length === 0 && devs.length === 0) return out;
  const facts = await pushFacts(ctx, tags, devs.map((d) => d.u), pushedBranches);
  for (const t of tags) out.push(...(await checkTag(ctx, facts, t)));
  for (const d of devs) out.push(...checkDev(ctx, facts, d.u, d.branch));
  return out;
}

/** The batched git calls: ref tips and tag commits at once, then one history listing. */
async function pushFacts(ctx: PushContext, tags: TagPush[], devs: PushUpdate[], pushedBranches: ReadonlyMap<string, string>): Promise<PushFacts> {
  const [tips] = await Promise.all([
    readRefTips(ctx.git, ctx.policy.releaseBranches),
    ...tags.map(async (t) => {
      t.commit = (await ctx.git.object(`${t.u.localOid}^{commit}`))?.oid;
    }),
  ]);
  if (typeof tips === 'string') {
    const why = `the refs cannot be listed: ${tips}`;
    return { releaseTips: why, graph: why, published: [] };
  }
  const releaseTips = releaseTipsOf(ctx, tips.commits, pushedBranches);
  const published = devs.length ? tips.published : [];
  const wanted = [...devs.flatMap((u) => [u.localOid, u.remoteOid]), ...releaseTips.map((t) => t.commit), ...tags.flatMap((t) => t.commit ?? []), ...published];
  const graph = await readGraph(ctx.git, wanted);
  return { releaseTips, graph: typeof graph === 'string' ? `the history cannot be listed: ${graph}` : graph, published };
}

/**
 * Every version of each release branch known here, the one messages name first: the commit this
 * push gives it, the remote-tracking branch of this remote, the local branch.
 */
function releaseTipsOf(ctx: PushContext, refs: ReadonlyMap<string, string>, pushed: ReadonlyMap<string, string>): ReleaseTip[] {
  const tips: ReleaseTip[] = [];
  for (const branch of ctx.policy.releaseBranches) {
    const remoteName = isValidRemoteName(ctx.remote) ? `${ctx.remote}/${branch}` : undefined;
    const candidates: Array<[string, string | undefined]> = [
      [remoteName ?? branch, pushed.get(branch)],
      ...(remoteName ? ([[remoteName, refs.get(`refs/remotes/${remoteName}`)]] as Array<[string, string | undefined]>) : []),
      [branch, refs.get(`refs/heads/${branch}`)],
    ];
    for (const [name, commit] of candidates) if (commit && !tips.some((t) => t.commit === commit)) tips.push({ name, branch, commit });
  }
  return tips;
}

/** Commits of a count, the first few by id: "3 merge commits: a, b, c" */
function firstFew(commits: readonly string[]): string {
  return commits.slice(0, FIRST_FEW).map(short).join(', ') + (commits.length > FIRST_FEW ? ', ...' : '');
}

function checkDev(ctx: PushContext, facts: PushFacts, u: PushUpdate, branch: string): HookFinding[] {
  const at = findingsAt(u);
  const { graph, releaseTips } = facts;
  if (typeof graph === 'string') {
    return ['hook/dev-fast-forward', 'hook/dev-contains-release', 'hook/dev-no-release-merge-commit'].map((id) => at(id, `cannot verify: ${graph}`, 'note'));
  }
  const out: HookFinding[] = [];
  const remoteKnown = !u.creation && graph.has(u.remoteOid);
  if (!u.creation && !remoteKnown) {
    out.push(
      at(
        'hook/dev-fast-forward',
        `cannot verify: fetch first: the remote ${branch} (${short(u.remoteOid)}) is not in this repository, so whether this push is a fast-forward is unknown (git fetch ${shellQuote(ctx.remote)})`,
      ),
    );
  } else if (remoteKnown) {
    const ff = graph.isAncestor(u.remoteOid, u.localOid);
    if (ff === undefined) {
      out.push(at('hook/dev-fast-forward', `cannot verify: the history here is incomplete (shallow clone), so whether this push is a fast-forward of ${ctx.remote}/${branch} is unknown (git fetch --unshallow ${shellQuote(ctx.remote)})`));
    } else if (!ff) {
      out.push(at('hook/dev-fast-forward', `push to ${branch} is not a fast-forward of ${ctx.remote}/${branch} (${short(u.remoteOid)}); rebase or merge ${ctx.remote}/${branch} first, never force-push ${branch}`));
    }
  }
  const tip = typeof releaseTips === 'string' ? undefined : releaseTips[0];
  if (!tip) {
    const why = typeof releaseTips === 'string' ? releaseTips : `no ${ctx.policy.releaseBranches.join(' or ')} branch here (git fetch ${shellQuote(ctx.remote)})`;
    out.push(at('hook/dev-contains-release', `cannot verify: whether ${branch} contains the release branch: ${why}`, 'note'));
    out.push(at('hook/dev-no-release-merge-commit', `cannot verify: which merges of ${branch} bring in the release branch: ${why}`, 'note'));
    return out;
  }
  const contains = graph.isAncestor(tip.commit, u.localOid);
  if (contains === undefined) {
    out.push(at('hook/dev-contains-release', `cannot verify: whether ${branch} contains ${tip.name}: the history here is incomplete (shallow clone; git fetch --unshallow)`, 'note'));
  } else if (!contains) {
    out.push(
      at(
        'hook/dev-contains-release',
        `${branch} does not contain ${tip.name} (${short(tip.commit)}); after a release run: git checkout ${shellQuote(branch)} && git merge ${shellQuote(tip.branch)} --ff-only`,
      ),
    );
  }
  const merges = releaseMerges(graph, newCommits(graph, facts, u, remoteKnown), releaseTips as ReleaseTip[]);
  if (merges.length) {
    out.push(
      at(
        'hook/dev-no-release-merge-commit',
        `${merges.length === 1 ? '1 merge commit brings' : `${merges.length} merge commits bring`} ${tip.branch} into ${branch}: ${firstFew(merges)}; the release notes require "git merge ${shellQuote(tip.branch)} --ff-only": reset ${branch} to before ${merges.length === 1 ? 'it' : 'them'} and fast-forward it`,
      ),
    );
  }
  return out;
}

/**
 * The commits this push brings: for an update, what the remote's old commit lacks; for a new
 * branch (or a remote that does not know the old commit), what no remote-tracking branch and
 * no tag of this clone has. Pushing a copy of published history brings nothing new.
 */
function newCommits(graph: CommitGraph, facts: PushFacts, u: PushUpdate, remoteKnown: boolean): Set<string> {
  const known = graph.history(remoteKnown ? [u.remoteOid] : facts.published);
  return graph.history([u.localOid], known);
}

/**
 * Merges that bring the release branch into a dev branch: the first parent is not on the release
 * branch's first-parent history (of any of its versions known here) while another parent is. A release pull request's merge (first
 * parent: the previous release commit) is on that history, so a dev fast-forwarded onto the
 * release branch passes. Oldest first.
 */
function releaseMerges(graph: CommitGraph, commits: Set<string>, tips: readonly ReleaseTip[]): string[] {
  let release: Set<string> | undefined;
  const out: string[] = [];
  for (const c of graph.ordered(commits)) {
    const [first, ...others] = graph.parentsOf(c);
    if (others.length === 0) continue;
    release ??= new Set(tips.flatMap((t) => [...graph.firstParents(t.commit)]));
    if (!release.has(first) && others.some((p) => release!.has(p))) out.push(c);
  }
  return out.reverse();
}
