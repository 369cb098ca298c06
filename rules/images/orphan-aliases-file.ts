import { defineRule } from '../../runner/types.js';
import { ALIASES_DIR, fileNames } from './_images.js';
import { assetCalls, referencedByPath } from './_asset-files.js';

export default defineRule({
  id: 'images/orphan-aliases-file',
  description: 'Every file in `sources/assets/shells/aliases.d/` is installed by an `add-aliases` call or a path reference.',
  details: 'A aliases file no install function reads never reaches the image: usually its tool was removed or renamed. Files copied by path (such as aliases.d/_init) count as installed.',
  kinds: ['images'],
  modes: ['release', 'dev'],
  severity: 'warning',
  docs: 'docs/rules/images/orphan-aliases-file.md',
  parsers: ['bash'],
  tags: ['assets'],
  precision: 'high',
  async check(ctx) {
    const files = [...(await fileNames(ctx, ALIASES_DIR))].sort();
    if (files.length === 0) return;
    const used = new Set((await assetCalls(ctx, 'add-aliases')).map((c) => c.name));
    const referenced = await referencedByPath(ctx, 'aliases.d');
    for (const name of files) {
      if (used.has(name) || referenced.has(name)) continue;
      ctx.report({
        path: `${ALIASES_DIR}/${name}`,
        message: `no install function calls add-aliases ${name}, so this file never reaches the image; add the call to the tool's install function, or delete the file`,
        key: name,
      });
    }
  },
});
