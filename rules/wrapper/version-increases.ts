import { defineRule } from '../../runner/types.js';
import { comparePep440 } from './_pep440.js';
import { earlierReleases } from './_releases.js';
import { wrapperVersion } from './_version.js';

export default defineRule({
  id: 'wrapper/version-increases',
  description: 'The wrapper version is greater than every earlier release tag in the history of the checked commit.',
  details:
    'Needs the tags and the history: on a shallow clone, or a clone whose tags were not fetched, the rule says "cannot verify" with the command that fetches them, and still compares with the releases it can see.',
  kinds: ['wrapper'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/wrapper/version-increases.md',
  tags: ['release'],
  precision: 'high',
  async check(ctx) {
    const { found } = await wrapperVersion(ctx);
    if (!found?.parsed) return;
    const { releases, missing, notCommits } = await earlierReleases(ctx);
    if (notCommits.length) {
      ctx.note({
        path: found.path,
        at: found.span,
        message: `tag${notCommits.length > 1 ? 's' : ''} ${notCommits.join(', ')} ${notCommits.length > 1 ? 'point' : 'points'} at no commit, so ${notCommits.length > 1 ? 'they are' : 'it is'} not counted as a release; delete or re-create ${notCommits.length > 1 ? 'them' : 'it'} on the release commit`,
        key: `not-commits:${notCommits.join(',')}`,
      });
    }
    if (missing) ctx.cannotVerify({ path: found.path, at: found.span, message: `whether ${found.text} is above earlier release tags: ${missing}` });
    const highest = releases[releases.length - 1]?.version;
    if (highest && comparePep440(found.parsed, highest) <= 0) {
      ctx.report({
        path: found.path,
        at: found.span,
        message: `version ${found.text} is not above the earlier release ${highest.text}; bump it (e.g. ${highest.release[0]}.${highest.release[1]}.${highest.release[2] + 1}${ctx.mode === 'dev' ? 'b1' : ''})`,
      });
    }
  },
});
