// A `release-tag` pattern from a config runs on tag names a repository chooses: only a subset that
// cannot backtrack for long is accepted (a config error at file:line says why not), and it never
// sees more than MAX_MATCH_INPUT characters.
import { spawnSync } from 'node:child_process';
import { promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../runner/config.js';
import type { GitFacts } from '../../runner/git-facts.js';
import { decideMode } from '../../runner/mode.js';
import { DEFAULT_POLICY } from '../../runner/policy.js';
import { MAX_MATCH_INPUT, compileSafeRegex, unsafeReason } from '../../runner/safe-regex.js';
import { CLI, runCli } from '../helpers/cli.js';
import { GIT_ENV, tmpDir } from '../helpers/git.js';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

async function configFile(releaseTag: string): Promise<string> {
  const dir = tmpDir('porgs-config-');
  created.push(dir);
  const file = path.join(dir, 'porgs-lint.toml');
  await fs.writeFile(file, `ignore = []\n\n[kinds.wrapper]\nrelease-branches = ["master"]\nrelease-tag = '${releaseTag}'\n`);
  return file;
}

/** Unanchored, retried at each start position: 27 seconds on a 199-character tag name under the old limits. */
const ATTACK = '[0-9]*[0-9]*[0-9]*[0-9]{0,11}x';

describe('the safe subset', () => {
  it('rejects backreferences, lookaround, nested quantifiers, repeated alternatives, large counts and too many choices', () => {
    const rejected: Array<[string, RegExp]> = [
      ['^(a+)+$', /^has a nested quantifier at column 6 /],
      ['^(?:[0-9]+\\.?)*$', /^has a nested quantifier at column 15 /],
      ['^((a)*b)+$', /^has a nested quantifier/],
      ['^(a|ab)*$', /^repeats a group with alternatives \(\|\) at column 8 /],
      ['^(\\d)\\1$', /^has a backreference at column 6 /],
      ['^(?<v>\\d)\\k<v>$', /^has a backreference/],
      ['^v(?=\\d)', /^has a lookahead or lookbehind at column 3 /],
      ['(?<!x)\\d+', /^has a lookahead or lookbehind at column 1 /],
      ['^\\d{1,1000}$', /^repeats more than 100 times at column 4 /],
      ['^\\d*\\d*\\d*\\d*x$', /^has too many choices at column 13 /],
      [`^${'a?'.repeat(30)}${'a'.repeat(30)}$`, /^has too many choices/],
      [`^${'(a|a)'.repeat(30)}$`, /^has too many choices/],
      // Tried at every start position, this took half a minute on one 199-digit tag name.
      [ATTACK, /^has too many choices at column 18 .*, or anchor it with \^$/],
      [`^${ATTACK}$`, /^has too many choices at column 25 .*narrower ones$/],
      ['^a+|b+c+$', /^has too many choices/],
    ];
    expect(rejected.map(([p, why]) => [p, why.test(unsafeReason(p) ?? 'accepted')])).toEqual(rejected.map(([p]) => [p, true]));
  });

  it('accepts the patterns release tags are written with', () => {
    const accepted = [DEFAULT_POLICY.wrapper.releaseTag.source, DEFAULT_POLICY.images.tagFormat.source, '^[0-9]+\\.[0-9]+\\.[0-9]+$', '^v[0-9]+\\.[0-9]+\\.[0-9]+$', '^v?\\d{1,9}\\.\\d{1,9}\\.\\d{1,9}$', '^v?\\d+\\.\\d+\\.\\d+$', '[0-9]+\\.[0-9]+$', '^(v|V)?[0-9]+\\.[0-9]+$', '^release-(?<year>\\d{4})\\.\\d{1,2}$', '^[(+*{]\\d+$', '^a{$', '^\\(\\d+\\)$'];
    expect(accepted.map((p) => [p, unsafeReason(p)])).toEqual(accepted.map((p) => [p, undefined]));
  });

  it('says when a pattern is not JavaScript at all', () => {
    expect(compileSafeRegex('^(1')).toEqual({ ok: false, reason: expect.stringMatching(/^is not a valid regular expression: /) });
  });

  it(`never matches input longer than ${MAX_MATCH_INPUT} characters, through test, match and exec alike`, () => {
    const res = compileSafeRegex('^a+$');
    if (!res.ok) throw new Error(res.reason);
    const [fits, long] = ['a'.repeat(MAX_MATCH_INPUT), 'a'.repeat(MAX_MATCH_INPUT + 1)];
    expect([res.regex.test(fits), res.regex.test(long), fits.match(res.regex)?.[0].length, long.match(res.regex), res.regex.exec(long)]).toEqual([true, false, MAX_MATCH_INPUT, null, null]);
    const { releaseTag } = DEFAULT_POLICY.wrapper;
    expect([releaseTag.test('5.1.4'), releaseTag.test(`${'1'.repeat(MAX_MATCH_INPUT)}.1.1`)]).toEqual([true, false]);
  });
});

describe('release-tag in a config', () => {
  it('the classic ^(a+)+$ is a config error at its file and line, saying why', async () => {
    const file = await configFile('^(a+)+$');
    await expect(loadConfig(file, [], 'porgs-lint.toml')).rejects.toThrow(ConfigError);
    await expect(loadConfig(file, [], 'porgs-lint.toml')).rejects.toThrow(/^porgs-lint\.toml:5:\d+: release-tag has a nested quantifier at column 6 of the pattern/);
  });

  it('the CLI stops with exit 2 and that one line', async () => {
    const file = await configFile('^(a+)+$');
    const res = await runCli(['--config', file, '--kind', 'wrapper', path.dirname(file)]);
    expect(res.code).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/porgs-lint\.toml:5:\d+: release-tag has a nested quantifier/);
  });

  it('the attack pattern in the config found in the checked folder is a config error at its file and line (exit 2)', async () => {
    const file = await configFile(ATTACK);
    const res = await runCli(['--kind', 'wrapper', path.dirname(file)]);
    expect(res.code).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/porgs-lint\.toml:5:\d+: release-tag has too many choices at column 18 of the pattern/);
  });

  // Accepted (three repeats), but cubic: unbounded, a 50,000-character name would take hours.
  const CUBIC = '^[0-9]*[0-9]*[0-9]*x$';
  const LONG_TAG = '1'.repeat(50_000);

  it('a 50,000-character tag name is simply not a release tag, for the tag on the commit and the CI ref alike', async () => {
    // A linear pattern it would match: a failure here is a wrong answer, not a hang.
    const config = await loadConfig(await configFile('^[0-9]+$'), []);
    const releaseTag = config.kinds.wrapper!.releaseTag!;
    const policy = { releaseBranches: ['master'], releaseTag };
    const tagged = { available: true, detached: true, tagsAtCommit: async () => [{ name: LONG_TAG }] } as unknown as GitFacts;
    expect(await decideMode({ git: tagged, env: {}, policy })).toEqual({ mode: 'dev', reason: 'defaulting to dev: HEAD is detached and not on a release tag' });
    const noGit = { available: false, reason: 'not a git repository' } as unknown as GitFacts;
    const env = { GITHUB_REF: `refs/tags/${LONG_TAG}` };
    expect((await decideMode({ git: noGit, env, policy })).mode).toBe('dev');
    expect(await decideMode({ git: noGit, env: { GITHUB_REF: 'refs/tags/123' }, policy })).toEqual({ mode: 'release', reason: 'CI builds tag 123, a release tag (GITHUB_REF)' });
  });

  it('the CLI given such a tag as its CI ref finishes, with a pattern that would take hours on it (a hang is killed and fails here)', async () => {
    const file = await configFile(CUBIC);
    const env = { ...GIT_ENV, NO_COLOR: '1', CI: '', GITHUB_REF: `refs/tags/${LONG_TAG}` };
    const res = spawnSync(process.execPath, [CLI, '--config', file, '--kind', 'wrapper', '--no-cache', path.dirname(file)], { env, encoding: 'utf8', timeout: 20_000 });
    expect(res.signal).toBeNull();
    expect(res.stdout).toMatch(/dev mode: CI builds tag 1+/);
  });
});
