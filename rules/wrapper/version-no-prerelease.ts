import { defineRule } from '../../runner/types.js';
import { wrapperVersion } from './_version.js';

export default defineRule({
  description: 'On a release branch the wrapper version has no alpha, beta, rc or dev segment.',
  kinds: ['wrapper'],
  modes: ['release'],
  severity: 'error',
  messages: {
    preRelease: 'version {{version}} has a pre-release tag; on a release branch use {{base}}',
    devRelease: 'version {{version}} has a dev-release tag; on a release branch use {{base}}',
  },
  identity: ['version'],
  tags: ['release'],
  precision: 'very-high',
  async check(ctx) {
    const { found } = await wrapperVersion(ctx);
    if (!found?.parsed?.pre) return;
    const { base } = found.parsed;
    ctx.report({
      path: found.path,
      at: found.span,
      messageId: found.parsed.pre.letter === 'dev' ? 'devRelease' : 'preRelease',
      data: { version: found.text, base },
      suggestion: `set the version to "${base}"`,
    });
  },
});
