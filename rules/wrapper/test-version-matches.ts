import { defineRule } from '../../runner/types.js';
import { versionTest, wrapperVersion } from './_version.js';

export default defineRule({
  id: 'wrapper/test-version-matches',
  description: "The version test asserts the wrapper's version (without its beta segment on dev).",
  kinds: ['wrapper'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/wrapper/test-version-matches.md',
  tags: ['release', 'tests'],
  precision: 'very-high',
  async check(ctx) {
    const [{ found }, test] = await Promise.all([wrapperVersion(ctx), versionTest(ctx)]);
    if (!found?.parsed || !test) return;
    const expected = ctx.mode === 'release' ? found.text : found.parsed.base;
    if (test.expected === expected) return;
    const why = ctx.mode === 'release' ? `the version ${found.text}` : `the version ${found.text} without its pre-release segment`;
    ctx.report({
      path: test.path,
      at: test.span,
      message: `the version test asserts '${test.expected}' but ${ctx.mode} mode expects ${why}: '${expected}'`,
      suggestion: `assert __version__ == '${expected}'`,
    });
  },
});
