import { defineRule } from '../../runner/types.js';
import { wrapperVersion } from './_version.js';

export default defineRule({
  description: 'The wrapper version follows PEP 440 as X.Y.Z or X.Y.Z(a|b|rc)N (X.Y.Z.devN in the single-file wrapper before 4.0).',
  details:
    'The exegol/ package (4.0+) is released by a workflow that expects X.Y.Z or X.Y.Z(a|b|rc)N. The single-file exegol.py of 2.4.0-3.1.12 marked dev versions as PEP 440 dev releases (3.1.12.dev), which is accepted there.',
  kinds: ['wrapper'],
  severity: 'error',
  messages: {
    notPep440: 'version "{{version}}" is not X.Y.Z or X.Y.Z(a|b|rc)N (PEP 440 as the release workflow expects); e.g. 5.2.0 or 5.2.0b1',
    devRelease:
      'version "{{version}}" is a PEP 440 dev release, which the release workflow and the version checks do not expect; use a beta instead, e.g. {{beta}}',
  },
  identity: ['version'],
  tags: ['release'],
  precision: 'very-high',
  async check(ctx) {
    const { found } = await wrapperVersion(ctx);
    if (!found) return;
    if (!found.parsed) {
      ctx.report({ path: found.path, at: found.span, messageId: 'notPep440', data: { version: found.text } });
    } else if (found.parsed.pre?.letter === 'dev' && found.layout === 'package') {
      ctx.report({ path: found.path, at: found.span, messageId: 'devRelease', data: { version: found.text, beta: `${found.parsed.base}b1` } });
    }
  },
});
