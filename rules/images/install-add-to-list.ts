import { installCallRule } from './_install-call.js';

export default installCallRule({
  call: 'add-to-list',
  description: 'Every install_* function adds its tool to the installed tools list with add-to-list.',
  details: 'add-to-list "name,link,description" writes the row the docs publish as the list of installed tools.',
  example: 'add-to-list "{{tool}},https://...,description"',
});
