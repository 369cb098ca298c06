import { defineRule } from '../../runner/types.js';
import { ALIASES_DIR, fileNames } from './_images.js';
import { assetCalls } from './_asset-files.js';

export default defineRule({
  id: 'images/aliases-file-exists',
  description: 'Each `add-aliases X` has its file `sources/assets/shells/aliases.d/X`.',
  details: 'add-aliases pipes the file through grep into the image: when it is missing the build goes on and the aliases of the tool are silently lost.',
  kinds: ['images'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/images/aliases-file-exists.md',
  parsers: ['bash'],
  tags: ['assets'],
  precision: 'very-high',
  async check(ctx) {
    const present = await fileNames(ctx, ALIASES_DIR);
    for (const c of await assetCalls(ctx, 'add-aliases')) {
      if (c.name === undefined || present.has(c.name)) continue;
      ctx.report({
        path: c.path,
        at: c.cmd,
        message: `add-aliases ${c.name} reads ${ALIASES_DIR}/${c.name}, which does not exist: the build would skip it silently; create the file, or fix the name`,
      });
    }
  },
});
