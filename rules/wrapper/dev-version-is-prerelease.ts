import { defineRule } from '../../runner/types.js';
import { nextBeta, RELEASE_TAG } from './_pep440.js';
import { wrapperVersion } from './_version.js';

export default defineRule({
  id: 'wrapper/dev-version-is-prerelease',
  description: 'On dev the wrapper version is a beta (X.Y.ZbN), bumped after the last release.',
  kinds: ['wrapper'],
  modes: ['dev'],
  severity: 'warning',
  docs: 'docs/rules/wrapper/dev-version-is-prerelease.md',
  tags: ['release'],
  precision: 'high',
  async check(ctx) {
    const { found } = await wrapperVersion(ctx);
    if (!found?.parsed) return;
    if (found.parsed.pre?.letter === 'b') return;
    const released = (await ctx.git.tags()).some((t) => RELEASE_TAG.test(t.name) && t.name === found.text);
    if (released) {
      ctx.report({
        path: found.path,
        at: found.span,
        message: `version ${found.text} is already released (tag ${found.text}); the post-release bump to the next beta is missing: set it to ${nextBeta(found.parsed)}`,
      });
    } else {
      ctx.report({
        path: found.path,
        at: found.span,
        message: `version ${found.text} has no beta segment on a dev branch; use ${found.parsed.base}b1 until the release`,
      });
    }
  },
});
