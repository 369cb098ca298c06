import { defineRule } from '../../runner/types.js';
import { wrapperVersion } from './_version.js';

export default defineRule({
  id: 'wrapper/version-format',
  description: 'The wrapper version follows PEP 440 as X.Y.Z or X.Y.Z(a|b|rc)N.',
  kinds: ['wrapper'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/wrapper/version-format.md',
  tags: ['release'],
  precision: 'very-high',
  async check(ctx) {
    const { found } = await wrapperVersion(ctx);
    if (!found || found.parsed) return;
    ctx.report({
      path: found.path,
      at: found.span,
      message: `version "${found.text}" is not X.Y.Z or X.Y.Z(a|b|rc)N (PEP 440 as the release workflow expects); e.g. 5.2.0 or 5.2.0b1`,
    });
  },
});
