import { defineRule } from '../../runner/types.js';

export default defineRule({
  description: 'Every `from tests.X import ...` in tests/__init__.py names a test module that exists.',
  kinds: ['wrapper'],
  severity: 'error',
  messages: {
    missingModule: 'imports {{module}} but {{file}} does not exist (test modules here: {{modules}}); import the renamed module',
    missingModuleNoOther: 'imports {{module}} but {{file}} does not exist; import the renamed module',
  },
  identity: ['module'],
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
      const modules = (await ctx.list('tests')).map((e) => e.path).filter((p) => p.endsWith('.py') && !p.endsWith('__init__.py'));
      const data = { module: imp.module, file: `${rel}.py` };
      if (modules.length) ctx.report({ path: 'tests/__init__.py', at: imp.span, messageId: 'missingModule', data: { ...data, modules: modules.join(', ') } });
      else ctx.report({ path: 'tests/__init__.py', at: imp.span, messageId: 'missingModuleNoOther', data });
    }
  },
});
