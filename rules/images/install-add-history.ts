import { HISTORY_DIR } from './_images.js';
import { installCallRule } from './_install-call.js';

export default installCallRule({
  call: 'add-history',
  description: 'Every install_* function calls add-history, or whitelists it when the tool has no history examples.',
  details: `add-history <tool> appends ${HISTORY_DIR}/<tool> to the shell history users start with. A function that has none says so with # CODE-CHECK-WHITELIST=add-history.`,
  example: 'add-history {{tool}}',
});
