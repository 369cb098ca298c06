import { installCallRule } from './_install-call.js';

export default installCallRule({
  call: 'colorecho',
  description: 'Every install_* function announces itself with colorecho "Installing <tool>".',
  details: 'The build log is read by colorecho lines: without one, a failing install is hard to place. The pull-request code check fails on it too.',
  example: 'colorecho "Installing {{tool}}"',
});
