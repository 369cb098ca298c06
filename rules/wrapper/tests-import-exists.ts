import { defineRule } from '../../runner/types.js';

export default defineRule({
  id: 'wrapper/tests-import-exists',
  description: 'Every `from tests.X import ...` in tests/__init__.py names a test module that exists.',
  kinds: ['wrapper'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/wrapper/tests-import-exists.md',
  tags: ['tests'],
  precision: 'very-high',
  async check(ctx) {
    if (!(await ctx.exists('tests/__init__.py'))) return;
    const file = await ctx.python('tests/__init__.py');
    if (!file) return;
    for (const imp of file.imports) {
      if (imp.level !== 0 || !imp.module.startsWith('tests.')) continue;
      const rel = imp.module.split('.').join('/');
      if ((await ctx.exists(`${rel}.py`)) || (await ctx.exists(`${rel}/__init__.py`))) continue;
      const siblings = (await ctx.list('tests')).map((e) => e.path).filter((p) => p.endsWith('.py') && !p.endsWith('__init__.py'));
      ctx.report({
        path: 'tests/__init__.py',
        at: imp.span,
        message: `imports ${imp.module} but ${rel}.py does not exist${siblings.length ? ` (test modules here: ${siblings.join(', ')})` : ''}; import the renamed module`,
      });
    }
  },
});
