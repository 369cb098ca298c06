// Release tags (the policy's pattern) in the history of the checked commit, other than tags on that commit, and
// what is missing to know them all: a rule comparing with earlier releases never passes in
// silence on a clone without tags or history (actions/checkout fetches one commit and no tags).
import type { RepoView } from '../../runner/context-api.js';
import { unavailableReason } from './_git.js';
import { comparePep440, parsePep440, taggedVersion, type Pep440 } from './_pep440.js';

export interface EarlierRelease {
  name: string;
  commit: string;
  version: Pep440;
}

export interface EarlierReleases {
  /** Ascending PEP 440 order. */
  releases: EarlierRelease[];
  /**
   * Why earlier releases may be missing from `releases`, and how to get them, phrased for a
   * "cannot verify" note; undefined when the tags and the history are complete as far as can be told.
   */
  missing?: string;
  /** Release-named tags that point at a tree or a blob, not a commit: no release, ignored. */
  notCommits: string[];
}

const UNSHALLOW = 'run "git fetch --tags --unshallow" (GitHub Actions: actions/checkout with fetch-depth: 0)';
const FETCH_TAGS = 'run "git fetch --tags" (GitHub Actions: actions/checkout with fetch-depth: 0, which fetches the tags too)';

const some = (names: string[]) => (names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', '));

export function earlierReleases(ctx: RepoView): Promise<EarlierReleases> {
  return ctx.memo('wrapper/earlier-releases', async () => {
    const releases: EarlierRelease[] = [];
    const notCommits: string[] = [];
    if (!ctx.git.available) return { releases, notCommits, missing: unavailableReason(ctx.git) };
    const { tags, error } = await ctx.git.listTags();
    if (error) return { releases, notCommits, missing: `the tags cannot be read: ${error}` };
    const history = await ctx.git.tagsInHistory(ctx.git.commit!);
    if (history.error) return { releases, notCommits, missing: `the history cannot be read: ${history.error}` };
    const unknown: string[] = [];
    for (const tag of tags) {
      const version = ctx.policy.releaseTag.test(tag.name) ? parsePep440(taggedVersion(tag.name)) : undefined;
      if (!version || tag.commit === ctx.git.commit) continue;
      if (history.names.has(tag.name)) {
        releases.push({ name: tag.name, commit: tag.commit, version });
        continue;
      }
      // Outside the history: a tag of a tree or a blob (through the shared cat-file, no process), or,
      // in a shallow clone, a tag that may only be cut off from the history seen.
      const target = await ctx.git.object(tag.commit);
      if (target && target.type !== 'commit') notCommits.push(`${tag.name} (a ${target.type})`);
      else if (ctx.git.shallow) unknown.push(tag.name);
    }
    releases.sort((a, b) => comparePep440(a.version, b.version));
    return { releases, notCommits, missing: whatIsMissing(ctx, tags.length, releases.length, unknown) };
  });
}

/**
 * The criterion, in order: release tags outside the history a shallow clone has (they may be cut off);
 * a shallow clone without an earlier release tag; a clone with remote-tracking branches but no tag
 * at all (fetched without its tags). A full clone without remote branches and without tags is a
 * repository that has no release yet: nothing is missing.
 */
function whatIsMissing(ctx: RepoView, tagCount: number, releaseCount: number, unknown: string[]): string | undefined {
  const ignored = ctx.git.ignoredRefs.filter((r) => r.includes('refs/tags/'));
  const ignoredNote = ignored.length ? `; tag refs ignored as git ignores them: ${some(ignored)}` : '';
  if (unknown.length) {
    return `the history is incomplete (shallow clone): whether tag${unknown.length > 1 ? 's' : ''} ${some(unknown)} ${unknown.length > 1 ? 'are' : 'is'} in it cannot be told; ${UNSHALLOW}${ignoredNote}`;
  }
  if (ctx.git.shallow && releaseCount === 0) return `the clone is shallow and has no earlier release tag: history and tags were not fetched; ${UNSHALLOW}${ignoredNote}`;
  if (tagCount === 0 && ctx.git.hasRemoteBranches) return `the clone has remote branches but no tags: the tags were not fetched; ${FETCH_TAGS}${ignoredNote}`;
  return ignored.length ? `tag refs ignored as git ignores them: ${some(ignored)}` : undefined;
}
