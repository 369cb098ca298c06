// `ignore` globs from a config found in a checked repo: picomatch compiles them to regular
// expressions, so extglobs, braces and many `*` in one segment could backtrack for minutes on a
// long file name the repo chooses. Only a subset that cannot is accepted.
import { describe, expect, it } from 'vitest';
import { unsafeGlobReason } from '../../runner/safe-glob.js';
import { runCli } from '../helpers/cli.js';
import { makeFolder } from '../helpers/git.js';

const CC = 'exegol/config/ConstantConfig.py';

describe('config globs', () => {
  it.each(['tests/fixtures/**', '**/*.md', 'docs/**/generated/**', 'a*b*.sh', '[ab]?.txt', '!keep.md'])('accepts %j', (glob) => {
    expect(unsafeGlobReason(glob)).toBeUndefined();
  });

  it.each([
    ['.github/workflows/*(a*)x', /braces or parentheses/],
    ['{a,b}{a,b}{a,b}{a,b}', /braces or parentheses/],
    ['a*a*a*b', /3 \* in the segment/],
    ['**/x/**/y/**/z', /more than 2 \*\* segments/],
    ['foo**bar', /\*\* inside the segment/],
    ['x'.repeat(201), /longer than 200/],
  ])('refuses %j', (glob, why) => {
    expect(unsafeGlobReason(glob)).toMatch(why);
  });

  it('makes an extglob in a found config a config error at its line, before anything is matched', async () => {
    const dir = await makeFolder({ files: { [CC]: '__version__ = "5.2.0b1"\n', 'porgs-lint.toml': '# a pull request\nignore = [".github/workflows/*(a*)x"]\n' } });
    const res = await runCli(['--no-cache', '--mode', 'dev', dir]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/porgs-lint\.toml:2:\d+: ignore glob "\.github\/workflows\/\*\(a\*\)x" uses braces or parentheses/);
  });

  it('still drops the findings of files an accepted glob names', async () => {
    const files = { [CC]: '__version__ = "5.2.0b1"\n', 'exegol/utils/imgsync/spawn.sh': '# Spawn Version:3\n# Spawn Version:4\n' };
    const plain = await runCli(['--no-cache', '--mode', 'dev', '--rule', 'wrapper/spawn-version', await makeFolder({ files })]);
    expect(plain.code).toBe(1);
    const ignored = await runCli(['--no-cache', '--mode', 'dev', '--rule', 'wrapper/spawn-version', await makeFolder({ files: { ...files, 'porgs-lint.toml': 'ignore = ["exegol/**/*.sh"]\n' } })]);
    expect(ignored.code, ignored.stdout + ignored.stderr).toBe(0);
  });
});
