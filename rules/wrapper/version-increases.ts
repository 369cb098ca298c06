import { defineRule } from '../../runner/types.js';
import { comparePep440 } from './_pep440.js';
import { earlierReleases } from './_releases.js';
import { wrapperVersion } from './_version.js';

export default defineRule({
  description: 'The wrapper version is greater than every earlier release tag in the history of the checked commit.',
  details:
    'Needs the tags and the history: on a shallow clone, or a clone whose tags were not fetched, the rule says "cannot verify" with the command that fetches them, and still compares with the releases it can see.',
  kinds: ['wrapper'],
  severity: 'error',
  messages: {
    notAbove: 'version {{version}} is not above the earlier release {{release}}; bump it (e.g. {{next}})',
    releasesUnknown: 'whether {{version}} is above earlier release tags: {{reason}}',
    tagNotCommit: 'tag {{tags}} points at no commit, so it is not counted as a release; delete or re-create it on the release commit',
    tagsNotCommits: 'tags {{tags}} point at no commit, so they are not counted as a release; delete or re-create them on the release commit',
  },
  identity: ['version', 'tags'],
  tags: ['release'],
  async check(ctx) {
    const { found } = await wrapperVersion(ctx);
    if (!found?.parsed) return;
    const where = { path: found.path, at: found.span };
    const { releases, missing, notCommits } = await earlierReleases(ctx);
    if (notCommits.length) ctx.note({ ...where, messageId: notCommits.length > 1 ? 'tagsNotCommits' : 'tagNotCommit', data: { tags: notCommits.join(', ') } });
    if (missing) ctx.cannotVerify({ ...where, messageId: 'releasesUnknown', data: { version: found.text, reason: missing } });
    const highest = releases[releases.length - 1]?.version;
    if (highest && comparePep440(found.parsed, highest) <= 0) {
      const [x, y, z] = highest.release;
      ctx.report({ ...where, messageId: 'notAbove', data: { version: found.text, release: highest.text, next: `${x}.${y}.${z + 1}${ctx.mode === 'dev' ? 'b1' : ''}` } });
    }
  },
});
