import { defineRule } from '../../runner/types.js';
import { HISTORY_DIR, fileNames } from './_images.js';
import { assetCalls } from './_asset-files.js';

export default defineRule({
  id: 'images/history-file-exists',
  description: 'Each `add-history X` has its file `sources/assets/shells/history.d/X`.',
  details: 'add-history pipes the file through grep into the image: when it is missing the build goes on and the history of the tool are silently lost.',
  kinds: ['images'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/images/history-file-exists.md',
  parsers: ['bash'],
  tags: ['assets'],
  precision: 'very-high',
  async check(ctx) {
    const present = await fileNames(ctx, HISTORY_DIR);
    for (const c of await assetCalls(ctx, 'add-history')) {
      if (c.name === undefined || present.has(c.name)) continue;
      ctx.report({
        path: c.path,
        at: c.cmd,
        message: `add-history ${c.name} reads ${HISTORY_DIR}/${c.name}, which does not exist: the build would skip it silently; create the file, or fix the name`,
      });
    }
  },
});
