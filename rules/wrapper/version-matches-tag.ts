import { defineRule } from '../../runner/types.js';
import { taggedVersion } from './_pep440.js';
import { wrapperVersion } from './_version.js';

export default defineRule({
  id: 'wrapper/version-matches-tag',
  description: 'On a release tag, the wrapper version equals the version the tag names.',
  details: 'A release tag is what the repo policy says (`release-tag`); the version it names is the tag without a leading `v` (`v5.1.4` names 5.1.4). With several release tags on the commit, one of them naming the version is enough.',
  kinds: ['wrapper'],
  modes: ['release'],
  onReleaseTag: true,
  severity: 'error',
  docs: 'docs/rules/wrapper/version-matches-tag.md',
  tags: ['release'],
  precision: 'very-high',
  async check(ctx) {
    const { found } = await wrapperVersion(ctx);
    if (!found) return;
    const tags = (await ctx.git.tagsAtCommit()).filter((t) => ctx.policy.releaseTag.test(t.name));
    if (tags.length === 0 || tags.some((t) => taggedVersion(t.name) === found.text)) return;
    const names = tags.map((t) => t.name).join(', ');
    ctx.report({
      path: found.path,
      at: found.span,
      message: `version ${found.text} does not match the release tag${tags.length > 1 ? 's' : ''} ${names} on this commit; the release publishes the version, so set it to ${taggedVersion(tags[0].name)} or re-tag`,
    });
  },
});
