// Release tags (X.Y.Z) in the history of the checked commit, other than tags on that commit.
import type { RepoView } from '../../runner/context-api.js';
import { comparePep440, parsePep440, RELEASE_TAG, type Pep440 } from './_pep440.js';

export interface EarlierRelease {
  name: string;
  commit: string;
  version: Pep440;
}

export interface EarlierReleases {
  /** Ascending PEP 440 order. */
  releases: EarlierRelease[];
  /** Tags whose ancestry could not be established (shallow or partial clone). */
  unknown: string[];
}

export function earlierReleases(ctx: RepoView): Promise<EarlierReleases> {
  return ctx.memo('wrapper/earlier-releases', async () => {
    const releases: EarlierRelease[] = [];
    const unknown: string[] = [];
    if (!ctx.git.available) return { releases, unknown };
    for (const tag of await ctx.git.tags()) {
      const version = RELEASE_TAG.test(tag.name) ? parsePep440(tag.name) : undefined;
      if (!version || tag.commit === ctx.git.commit) continue;
      const ancestor = await ctx.git.isAncestor(tag.commit, ctx.git.commit!);
      if (ancestor === undefined) unknown.push(tag.name);
      else if (ancestor) releases.push({ name: tag.name, commit: tag.commit, version });
    }
    releases.sort((a, b) => comparePep440(a.version, b.version));
    return { releases, unknown };
  });
}
