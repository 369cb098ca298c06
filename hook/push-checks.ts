// The checks run on a push. Git only: every ref line is read first, then git is asked in batches
// (one `for-each-ref`, one `rev-list`, and the shared `cat-file` for pushed tags), whatever the
// number of refs and commits. No parser is loaded unless a release tag is pushed (then the
// release rules run on the tag's commit, read through git, not the work tree).
import { isValidRemoteName } from '../runner/ref-names.js';
import { shellQuote } from '../runner/shell-quote.js';
import { DEV_CONTAINS_RELEASE, DEV_FAST_FORWARD, DEV_NO_RELEASE_MERGE_COMMIT, PROTECTED_BRANCH_DELETE } from './checks.js';
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
        out.push(findingsAt(u)(PROTECTED_BRANCH_DELETE, 'deleteBlocked', { branch, remote: ctx.remote }));
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
  const remote = ctx.remote;
  const fetch = `git fetch ${shellQuote(remote)}`;
  if (typeof graph === 'string') {
    return [
      at(DEV_FAST_FORWARD, 'unreadable', { branch, remote, reason: graph }, 'note'),
      at(DEV_CONTAINS_RELEASE, 'unreadable', { branch, reason: graph }, 'note'),
      at(DEV_NO_RELEASE_MERGE_COMMIT, 'unreadable', { branch, reason: graph }, 'note'),
    ];
  }
  const out: HookFinding[] = [];
  const remoteKnown = !u.creation && graph.has(u.remoteOid);
  const remoteCommit = short(u.remoteOid);
  if (!u.creation && !remoteKnown) {
    out.push(at(DEV_FAST_FORWARD, 'remoteUnknown', { branch, remoteCommit, command: fetch }, 'blocks'));
  } else if (remoteKnown) {
    const ff = graph.isAncestor(u.remoteOid, u.localOid);
    if (ff === undefined) out.push(at(DEV_FAST_FORWARD, 'shallow', { branch, remote, command: `git fetch --unshallow ${shellQuote(remote)}` }, 'blocks'));
    else if (!ff) out.push(at(DEV_FAST_FORWARD, 'notFastForward', { branch, remote, remoteCommit }));
  }
  const tip = typeof releaseTips === 'string' ? undefined : releaseTips[0];
  if (!tip) {
    if (typeof releaseTips === 'string') {
      out.push(at(DEV_CONTAINS_RELEASE, 'unreadable', { branch, reason: releaseTips }, 'note'));
      out.push(at(DEV_NO_RELEASE_MERGE_COMMIT, 'unreadable', { branch, reason: releaseTips }, 'note'));
    } else {
      const branches = ctx.policy.releaseBranches.join(' or ');
      out.push(at(DEV_CONTAINS_RELEASE, 'noReleaseBranch', { branch, branches, command: fetch }, 'note'));
      out.push(at(DEV_NO_RELEASE_MERGE_COMMIT, 'noReleaseBranch', { branch, branches, command: fetch }, 'note'));
    }
    return out;
  }
  const contains = graph.isAncestor(tip.commit, u.localOid);
  if (contains === undefined) {
    out.push(at(DEV_CONTAINS_RELEASE, 'shallow', { branch, release: tip.name }, 'note'));
  } else if (!contains) {
    const command = `git checkout ${shellQuote(branch)} && git merge ${shellQuote(tip.branch)} --ff-only`;
    out.push(at(DEV_CONTAINS_RELEASE, 'missingRelease', { branch, release: tip.name, releaseCommit: short(tip.commit), command }));
  }
  const merges = releaseMerges(graph, newCommits(graph, facts, u, remoteKnown), releaseTips as ReleaseTip[]);
  if (merges.length) {
    const data = { branch, releaseBranch: tip.branch, commits: firstFew(merges), command: `git merge ${shellQuote(tip.branch)} --ff-only` };
    out.push(merges.length === 1 ? at(DEV_NO_RELEASE_MERGE_COMMIT, 'mergeCommit', data) : at(DEV_NO_RELEASE_MERGE_COMMIT, 'mergeCommits', { ...data, count: merges.length }));
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
