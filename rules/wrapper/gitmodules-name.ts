import { parseGitConfig } from '../../runner/gitconfig.js';
import { submoduleNameProblem, visibleName } from '../../runner/ref-names.js';
import { defineRule } from '../../runner/types.js';
import { gitmodules } from './_gitmodules.js';

export default defineRule({
  description: 'Every .gitmodules submodule name is one git accepts and that stays inside .git/modules, and git can read the file.',
  details:
    'A submodule name becomes a folder under .git/modules. A name with a ".." component, an absolute path, a backslash or a control character could point git at a folder committed in the repository, whose config may name programs: git refuses such names, and porgs-lint never reads anything for them.',
  kinds: ['wrapper'],
  severity: 'error',
  messages: {
    syntax: 'git cannot read .gitmodules from this line ({{problem}}); fix the syntax, the submodules declared after it are not checked',
    unsafeName:
      'submodule name "{{name}}" {{problem}}; git refuses it and porgs-lint reads nothing for it: name the submodule after its path (e.g. [submodule "{{suggested}}"])',
  },
  identity: ['name', 'problem'],
  tags: ['submodules', 'security'],
  precision: 'very-high',
  async check(ctx) {
    const text = await ctx.read('.gitmodules');
    if (text === undefined) return;
    const syntax = parseGitConfig(text).error;
    if (syntax) ctx.report({ path: '.gitmodules', at: { line: syntax.line, column: 1 }, messageId: 'syntax', data: { problem: syntax.message } });
    for (const sub of (await gitmodules(ctx)) ?? []) {
      const problem = submoduleNameProblem(sub.name);
      if (!problem) continue;
      ctx.report({
        path: '.gitmodules',
        at: { line: sub.line, column: 1 },
        messageId: 'unsafeName',
        data: { name: visibleName(sub.name), problem, suggested: visibleName(sub.path?.value ?? 'exegol-images') },
      });
    }
  },
});
