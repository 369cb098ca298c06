import { defineRule } from '../../runner/types.js';
import { FULL_SHA, remoteUses, workflowFiles } from './_workflows.js';

export default defineRule({
  id: 'workflow/actions-pinned',
  description: 'Every remote `uses:` of a workflow is pinned to a full 40-hex commit SHA.',
  details: 'A tag or branch (`@v4`, `@main`) can be moved by the action\'s owner, and the new code runs with the workflow\'s secrets. A full commit SHA cannot be moved. Local actions (`./...`) and `docker://` images are not checked.',
  kinds: ['wrapper', 'images', 'docs', 'resources'],
  modes: ['release', 'dev'],
  severity: 'warning',
  docs: 'docs/rules/workflow/actions-pinned.md',
  parsers: ['yaml'],
  tags: ['security', 'ci'],
  precision: 'very-high',
  async check(ctx) {
    for (const path of await workflowFiles(ctx)) {
      for (const u of await remoteUses(ctx, path)) {
        if (FULL_SHA.test(u.ref)) continue;
        const action = u.ref ? u.value.slice(0, u.value.lastIndexOf('@')) : u.value;
        ctx.report({
          path,
          at: u.at,
          message: u.ref
            ? `${u.value} is not pinned to a commit; use ${action}@<40-hex commit SHA> # ${u.ref}`
            : `${u.value} has no ref; pin it: ${action}@<40-hex commit SHA> # <version>`,
        });
      }
    }
  },
});
