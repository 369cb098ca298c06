import { defineRule } from '../../runner/types.js';
import { HISTORY_DIR, fileNames } from './_images.js';
import { assetCalls, referencedByPath } from './_asset-files.js';

export default defineRule({
  id: 'images/orphan-history-file',
  description: 'Every file in `sources/assets/shells/history.d/` is installed by an `add-history` call or a path reference.',
  details: 'A history file no install function reads never reaches the image: usually its tool was removed or renamed. Files copied by path (such as history.d/_init) count as installed.',
  kinds: ['images'],
  modes: ['release', 'dev'],
  severity: 'warning',
  docs: 'docs/rules/images/orphan-history-file.md',
  parsers: ['bash'],
  tags: ['assets'],
  precision: 'high',
  async check(ctx) {
    const files = [...(await fileNames(ctx, HISTORY_DIR))].sort();
    if (files.length === 0) return;
    const used = new Set((await assetCalls(ctx, 'add-history')).map((c) => c.name));
    const referenced = await referencedByPath(ctx, 'history.d');
    for (const name of files) {
      if (used.has(name) || referenced.has(name)) continue;
      ctx.report({
        path: `${HISTORY_DIR}/${name}`,
        message: `no install function calls add-history ${name}, so this file never reaches the image; add the call to the tool's install function, or delete the file`,
        key: name,
      });
    }
  },
});
