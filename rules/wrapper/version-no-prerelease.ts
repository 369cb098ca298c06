import { defineRule } from '../../runner/types.js';
import { segmentName } from './_pep440.js';
import { wrapperVersion } from './_version.js';

export default defineRule({
  id: 'wrapper/version-no-prerelease',
  description: 'On a release branch the wrapper version has no alpha, beta, rc or dev segment.',
  kinds: ['wrapper'],
  modes: ['release'],
  severity: 'error',
  docs: 'docs/rules/wrapper/version-no-prerelease.md',
  tags: ['release'],
  precision: 'very-high',
  async check(ctx) {
    const { found } = await wrapperVersion(ctx);
    if (!found?.parsed?.pre) return;
    ctx.report({
      path: found.path,
      at: found.span,
      message: `version ${found.text} has a ${segmentName(found.parsed)} tag; on a release branch use ${found.parsed.base}`,
      suggestion: `set the version to "${found.parsed.base}"`,
    });
  },
});
