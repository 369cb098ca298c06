import { defineRule } from '../../runner/types.js';
import { FULL_SHA, remoteUses, workflowFiles, type Uses } from './_workflows.js';

/** Whether `allowed` (lower case) names the action's owner (`actions`) or its repository (`actions/checkout`); GitHub ignores their case. */
const isAllowed = (u: Uses, allowed: ReadonlySet<string>) => allowed.has(u.repo.toLowerCase()) || allowed.has(u.repo.split('/')[0].toLowerCase());

export default defineRule({
  description: 'Every remote `uses:` of a workflow is pinned to a full 40-hex commit SHA.',
  details: 'A tag or branch (`@v4`, `@main`) can be moved by the action\'s owner, and the new code runs with the workflow\'s secrets. A full commit SHA cannot be moved. Local actions (`./...`) and `docker://` images are not checked; owners or repositories listed in `allow-unpinned` may be used at a tag or branch.',
  kinds: ['wrapper', 'images', 'docs', 'resources'],
  severity: 'warning',
  messages: {
    notPinned: '{{uses}} is not pinned to a commit; use {{action}}@<40-hex commit SHA> # {{ref}}',
    noRef: '{{uses}} has no ref; pin it: {{action}}@<40-hex commit SHA> # <version>',
  },
  identity: ['action'],
  options: {
    'allow-unpinned': {
      type: 'string[]',
      default: [],
      description: 'Action owners (`actions`) or repositories (`actions/checkout`) whose actions may be used at a tag or branch instead of a commit SHA.',
    },
  },
  parsers: ['yaml'],
  tags: ['security', 'ci'],
  precision: 'very-high',
  async check(ctx) {
    const allowed = new Set(ctx.options['allow-unpinned'].map((a) => a.toLowerCase()));
    for (const path of await workflowFiles(ctx)) {
      for (const u of await remoteUses(ctx, path)) {
        if (FULL_SHA.test(u.ref) || isAllowed(u, allowed)) continue;
        if (u.ref) ctx.report({ path, at: u.at, messageId: 'notPinned', data: { uses: u.value, action: u.value.slice(0, u.value.lastIndexOf('@')), ref: u.ref } });
        else ctx.report({ path, at: u.at, messageId: 'noRef', data: { uses: u.value, action: u.action } });
      }
    }
  },
});
