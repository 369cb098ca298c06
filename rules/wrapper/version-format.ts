import { defineRule } from '../../runner/types.js';
import { wrapperVersion } from './_version.js';

export default defineRule({
  id: 'wrapper/version-format',
  description: 'The wrapper version follows PEP 440 as X.Y.Z or X.Y.Z(a|b|rc)N (X.Y.Z.devN in the single-file wrapper before 4.0).',
  details:
    'The exegol/ package (4.0+) is released by a workflow that expects X.Y.Z or X.Y.Z(a|b|rc)N. The single-file exegol.py of 2.4.0-3.1.12 marked dev versions as PEP 440 dev releases (3.1.12.dev), which is accepted there.',
  kinds: ['wrapper'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/wrapper/version-format.md',
  tags: ['release'],
  precision: 'very-high',
  async check(ctx) {
    const { found } = await wrapperVersion(ctx);
    if (!found) return;
    if (!found.parsed) {
      ctx.report({
        path: found.path,
        at: found.span,
        message: `version "${found.text}" is not X.Y.Z or X.Y.Z(a|b|rc)N (PEP 440 as the release workflow expects); e.g. 5.2.0 or 5.2.0b1`,
      });
    } else if (found.parsed.pre?.letter === 'dev' && found.layout === 'package') {
      ctx.report({
        path: found.path,
        at: found.span,
        message: `version "${found.text}" is a PEP 440 dev release, which the release workflow and the version checks do not expect; use a beta instead, e.g. ${found.parsed.base}b1`,
      });
    }
  },
});
