import { defineRule } from '../../runner/types.js';
import { RELEASE_TAG } from './_pep440.js';
import { wrapperVersion } from './_version.js';

export default defineRule({
  id: 'wrapper/version-matches-tag',
  description: 'On a release tag, the wrapper version equals the tag name.',
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
    const tags = (await ctx.git.tagsAtCommit()).filter((t) => RELEASE_TAG.test(t.name));
    if (tags.length === 0 || tags.some((t) => t.name === found.text)) return;
    const names = tags.map((t) => t.name).join(', ');
    ctx.report({
      path: found.path,
      at: found.span,
      message: `version ${found.text} does not match the release tag ${names} on this commit; the release publishes the version, so set it to ${tags[0].name} or re-tag`,
    });
  },
});
