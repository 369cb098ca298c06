// Names from a checked repo: ref names agree with git check-ref-format (real git), submodule names
// never leave .git/modules, and shell quoting survives a real shell.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { refNameProblem, submoduleNameProblem, visibleName } from '../../../runner/ref-names.js';
import { shellPath, shellQuote, singleQuote } from '../../../runner/shell-quote.js';
import { GIT_ENV, tmpDir } from '../../helpers/git.js';
import { tempFolders } from '../../helpers/hostile.js';

const run = promisify(execFile);
const keep = tempFolders();

async function gitAccepts(name: string): Promise<boolean> {
  try {
    await run('git', ['check-ref-format', name], { env: GIT_ENV });
    return true;
  } catch {
    return false;
  }
}

describe('refNameProblem', () => {
  const names = [
    'refs/heads/main', 'refs/tags/5.1.4', 'refs/remotes/origin/feature/x', 'refs/heads/@', "refs/tags/5.1.4';id;'", 'refs/heads/a$(b)',
    'refs/heads/a..b', 'refs/heads/a.lock', 'refs/heads/a.lock/b', 'refs/heads/.a', 'refs/heads/a/.b', 'refs/heads/a/', 'refs/heads/a.',
    'refs/heads//a', 'refs/heads/a@{b', 'refs/heads/a b', 'refs/heads/a~1', 'refs/heads/a^', 'refs/heads/a:b', 'refs/heads/a?', 'refs/heads/a*',
    'refs/heads/a[b', 'refs/heads/a\\b', 'refs/heads/a\x01', 'refs/heads/a\x7f', 'refs/heads/\u00e9t\u00e9', 'refs/heads/\u202eevil',
    'refs/heads/../../../../dev/zero',
  ];
  it.each(names)('agrees with git check-ref-format on %j', async (name) => {
    expect(refNameProblem(name) === undefined).toBe(await gitAccepts(name));
  });

  it('is stricter than git on C1 control characters only', async () => {
    expect(await gitAccepts('refs/heads/a\u009bb')).toBe(true);
    expect(refNameProblem('refs/heads/a\u009bb')).toBe('contains a control character');
  });
});

describe('submoduleNameProblem', () => {
  it.each([
    ['../../../x', 'has a ".." component'],
    ['a/../../b', 'has a ".." component'],
    ['..', 'has a ".." component'],
    ['/etc', 'is an absolute path'],
    ['C:x', 'is an absolute path'],
    ['..\\x', 'contains a backslash'],
    ['a\nb', 'contains a control character'],
    ['', 'is empty'],
    ['.', 'does not name a folder inside .git/modules'],
    ['./', 'does not name a folder inside .git/modules'],
  ])('refuses %j', (name, why) => {
    expect(submoduleNameProblem(name)).toBe(why);
  });

  it.each(['exegol-images', 'sources', 'a/b', 'a..b', '...', '.hidden'])('accepts %j, which stays inside .git/modules', (name) => {
    expect(submoduleNameProblem(name)).toBeUndefined();
    const modules = '/repo/.git/modules';
    expect(path.resolve(modules, name).startsWith(`${modules}/`)).toBe(true);
  });
});

describe('visibleName', () => {
  it('shows controls and bidi marks as the reporters do, keeps printable non-ASCII, and cuts long names', () => {
    expect(visibleName('a\x1b[2J\u202e\u00e9\x00')).toBe('a\\x1b[2J\\u202e\u00e9\\x00');
    expect(visibleName('x'.repeat(100), 10)).toBe(`${'x'.repeat(10)}...`);
  });
});

describe('shellQuote', () => {
  const words = ['5.1.4', 'exegol-images', '', 'a b', "it's", '$(touch pwned)', '`touch pwned`', ';touch pwned;', 'a\nb', '\u202e', '*', '~', "''"];
  it.each(words)('%j survives a real shell as one word, running nothing', async (word) => {
    const cwd = keep(tmpDir());
    const { stdout } = await run('sh', ['-c', `printf '%s\\0' ${shellQuote(word)} ${singleQuote(word)}`], { cwd });
    expect(stdout).toBe(`${word}\0${word}\0`);
    expect(existsSync(path.join(cwd, 'pwned'))).toBe(false);
  });

  it('leaves safe words bare and makes a leading dash a path', () => {
    expect([shellQuote('5.1.4'), shellQuote('a b'), shellPath('-rf'), shellPath('x y')]).toEqual(['5.1.4', "'a b'", './-rf', "'x y'"]);
  });
});
