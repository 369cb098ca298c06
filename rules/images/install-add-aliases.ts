import { ALIASES_DIR } from './_images.js';
import { installCallRule } from './_install-call.js';

export default installCallRule({
  call: 'add-aliases',
  description: 'Every install_* function calls add-aliases, or whitelists it when the tool needs no aliases.',
  details: `add-aliases <tool> appends ${ALIASES_DIR}/<tool> to the image's aliases. A function that needs none says so with # CODE-CHECK-WHITELIST=add-aliases.`,
  example: 'add-aliases {{tool}}',
});
