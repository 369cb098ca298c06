import { defineRule } from '../../runner/types.js';
import { versionTest, wrapperVersion } from './_version.js';

export default defineRule({
  description: "The version test asserts the wrapper's version (without its beta segment on dev).",
  kinds: ['wrapper'],
  severity: 'error',
  messages: {
    releaseMismatch: "the version test asserts '{{asserted}}' but release mode expects the version {{version}}: '{{expected}}'",
    devMismatch: "the version test asserts '{{asserted}}' but dev mode expects the version {{version}} without its pre-release segment: '{{expected}}'",
  },
  identity: ['asserted'],
  tags: ['release', 'tests'],
  precision: 'very-high',
  async check(ctx) {
    const [{ found }, test] = await Promise.all([wrapperVersion(ctx), versionTest(ctx)]);
    if (!found?.parsed || !test) return;
    const release = ctx.mode === 'release';
    const expected = release ? found.text : found.parsed.base;
    if (test.expected === expected) return;
    ctx.report({
      path: test.path,
      at: test.span,
      messageId: release ? 'releaseMismatch' : 'devMismatch',
      data: { asserted: test.expected, version: found.text, expected },
      suggestion: `assert __version__ == '${expected}'`,
    });
  },
});
