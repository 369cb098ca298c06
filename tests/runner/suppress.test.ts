import { describe, expect, it } from 'vitest';
import { commentStyle, findSuppressions } from '../../runner/suppress.js';

describe('inline suppressions', () => {
  it('parses next-line and same-line directives with reasons', () => {
    const text = [
      '# porgs-lint-disable-next-line wrapper/version-format -- tested elsewhere',
      '__version__ = "5.2"',
      'x = 1  # porgs-lint-disable-line a/b, c/d -- two reasons -- kept whole',
    ].join('\n');
    const s = findSuppressions('exegol/config/ConstantConfig.py', text);
    expect(s.map((x) => ({ line: x.line, target: x.target, ids: x.ruleIds, reason: x.reason }))).toEqual([
      { line: 1, target: 2, ids: ['wrapper/version-format'], reason: 'tested elsewhere' },
      { line: 3, target: 3, ids: ['a/b', 'c/d'], reason: 'two reasons -- kept whole' },
    ]);
  });

  it('keeps a directive without a reason, marked as such', () => {
    const [s] = findSuppressions('a.sh', '# porgs-lint-disable-next-line images/install-colorecho\n');
    expect(s.ruleIds).toEqual(['images/install-colorecho']);
    expect(s.reason).toBeUndefined();
  });

  it('uses the comment syntax of the host file', () => {
    expect(commentStyle('docs/.vitepress/config.mts')).toBe('slash');
    expect(commentStyle('README.md')).toBe('html');
    expect(commentStyle('Dockerfile')).toBe('hash');
    expect(commentStyle('.gitmodules')).toBe('hash');
    expect(commentStyle('resources_list.csv')).toBeUndefined();
    expect(findSuppressions('config.mts', '# porgs-lint-disable-line a/b -- r\n')).toEqual([]);
    expect(findSuppressions('page.md', 'text <!-- porgs-lint-disable-line docs/x -- r -->\n')[0].ruleIds).toEqual(['docs/x']);
    expect(findSuppressions('resources_list.csv', '# porgs-lint-disable-line a/b -- r\n')).toEqual([]);
  });
});
