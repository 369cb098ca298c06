import { installCallRule } from './_install-call.js';

export default installCallRule({
  call: 'add-test-command',
  description: 'Every install_* function registers a build-pipeline test with add-test-command.',
  details: 'The build pipeline runs every registered test command after the build; a tool without one can break unnoticed.',
  example: 'add-test-command "{{tool}} --help"',
});
