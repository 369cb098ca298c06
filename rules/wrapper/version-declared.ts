import { defineRule } from '../../runner/types.js';
import { wrapperVersion } from './_version.js';

export default defineRule({
  description: 'The wrapper version is declared where the build and the release workflow read it.',
  details:
    'Looks at the file named by pyproject.toml [tool.pdm.version], then exegol/config/ConstantConfig.py, exegol/utils/ConstantConfig.py and exegol/__init__.py, for `__version__ = "X"` or the `ConstantConfig.version` class attribute, following `version: str = __version__`. Before the exegol/ package (2.4.0-3.1.12) the wrapper was one exegol.py with `VERSION = "X"`; early ones declared no version at all, which is noted, not reported.',
  kinds: ['wrapper'],
  severity: 'error',
  messages: {
    noLayout: 'no wrapper layout porgs-lint knows is at this revision (none of {{looked}} exists), so the version rules have nothing to read',
    singleFileUnversioned:
      '{{file}} declares no VERSION = "X.Y.Z": this single-file wrapper predates the version convention, so there is no version to check',
    notFound:
      'no version found: looked for __version__ = "X.Y.Z" or ConstantConfig.version in {{looked}}; declare __version__ in exegol/config/ConstantConfig.py',
  },
  // The file where the version belongs; `looked` changes with pyproject.toml while the problem stays.
  identity: ['file'],
  tags: ['release'],
  precision: 'very-high',
  async check(ctx) {
    const lookup = await wrapperVersion(ctx);
    if (lookup.found) return;
    const looked = lookup.looked.join(', ');
    if (!lookup.layout) {
      ctx.cannotVerify({ path: '.', messageId: 'noLayout', data: { looked } });
    } else if (lookup.layout.kind === 'single-file') {
      ctx.cannotVerify({ path: lookup.layout.path, messageId: 'singleFileUnversioned', data: { file: lookup.layout.path } });
    } else {
      ctx.report({ path: lookup.layout.path, messageId: 'notFound', data: { looked, file: lookup.layout.path } });
    }
  },
});
