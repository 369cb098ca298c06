import { defineRule } from '../../runner/types.js';
import { nextBeta, nextDev, RELEASE_TAG } from './_pep440.js';
import { wrapperVersion } from './_version.js';

export default defineRule({
  id: 'wrapper/dev-version-is-prerelease',
  description: 'On dev the wrapper version is a beta (X.Y.ZbN), bumped after the last release.',
  details: 'The single-file exegol.py of 2.4.0-3.1.12 marked dev versions as dev releases (X.Y.Z.dev) instead, which is accepted there.',
  kinds: ['wrapper'],
  modes: ['dev'],
  severity: 'warning',
  docs: 'docs/rules/wrapper/dev-version-is-prerelease.md',
  tags: ['release'],
  precision: 'high',
  async check(ctx) {
    const { found } = await wrapperVersion(ctx);
    if (!found?.parsed) return;
    const singleFile = found.layout === 'single-file';
    const expected = singleFile ? 'dev' : 'b';
    if (found.parsed.pre?.letter === expected) return;
    const released = (await ctx.git.tags()).some((t) => RELEASE_TAG.test(t.name) && t.name === found.text);
    if (released) {
      const next = singleFile ? nextDev(found.parsed) : nextBeta(found.parsed);
      ctx.report({
        path: found.path,
        at: found.span,
        message: `version ${found.text} is already released (tag ${found.text}); the post-release bump to the next ${singleFile ? 'dev release' : 'beta'} is missing: set it to ${next}`,
      });
    } else {
      ctx.report({
        path: found.path,
        at: found.span,
        message: singleFile
          ? `version ${found.text} has no .dev segment on a dev branch; use ${found.parsed.base}.dev until the release`
          : `version ${found.text} has no beta segment on a dev branch; use ${found.parsed.base}b1 until the release`,
      });
    }
  },
});
