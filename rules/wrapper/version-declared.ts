import { defineRule } from '../../runner/types.js';
import { wrapperVersion } from './_version.js';

export default defineRule({
  id: 'wrapper/version-declared',
  description: 'The wrapper version is declared where the build and the release workflow read it.',
  details:
    'Looks at the file named by pyproject.toml [tool.pdm.version], then exegol/config/ConstantConfig.py, exegol/utils/ConstantConfig.py and exegol/__init__.py, for `__version__ = "X"` or the `ConstantConfig.version` class attribute, following `version: str = __version__`.',
  kinds: ['wrapper'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/wrapper/version-declared.md',
  tags: ['release'],
  precision: 'very-high',
  async check(ctx) {
    const lookup = await wrapperVersion(ctx);
    if (lookup.found) return;
    let at = 'pyproject.toml';
    for (const looked of lookup.looked) {
      const file = looked.split(' ')[0];
      if (await ctx.exists(file)) {
        at = file;
        break;
      }
    }
    ctx.report({
      path: at,
      message: `no version found: looked for __version__ = "X.Y.Z" or ConstantConfig.version in ${lookup.looked.join(', ')}; declare __version__ in exegol/config/ConstantConfig.py`,
      key: 'version-not-found',
    });
  },
});
