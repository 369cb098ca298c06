// Ref names come from the pushed repository (pre-push stdin) and from .git on disk. Invalid ones
// (as git check-ref-format decides, plus control characters) are refused or ignored, never passed
// to git or printed raw; valid but odd ones are shell-quoted in suggested commands.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openGitFacts } from '../../runner/git-facts.js';
import { runCli } from '../helpers/cli.js';
import { git, makeRepo, tagRepo } from '../helpers/git.js';
import { tempFolders } from '../helpers/hostile.js';

const keep = tempFolders();
const Z = '0'.repeat(40);

async function repo(): Promise<string> {
  const dir = keep(await makeRepo({ fixture: 'wrapper-5x', branch: 'master' }));
  await git(dir, 'rm', '-q', '.gitmodules');
  await git(dir, 'commit', '-q', '-m', 'no submodules');
  return dir;
}

describe('ref names on pre-push stdin', () => {
  it.each([
    ['refs/tags/5.1.4\x1b]0;owned\x07', 'contains a control character', 'refs/tags/5.1.4\\x1b]0;owned\\x07'],
    ['refs/heads/../../x', 'contains ".."', 'refs/heads/../../x'],
    ['refs/tags/5.1.4.lock', 'has a component ending with ".lock"', 'refs/tags/5.1.4.lock'],
    ['5.1.4', 'does not start with refs/', '5.1.4'],
  ])('%j is refused with exit 2, escaped', async (ref, why, shown) => {
    const dir = await repo();
    const head = await git(dir, 'rev-parse', 'HEAD');
    const res = await runCli(['pre-push', 'origin', 'url'], { cwd: dir, input: `refs/heads/x ${head} ${ref} ${Z}\n` });
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(`porgs-lint: pre-push input line 1: the remote ref "${shown}" is not a valid ref name (it ${why})\n`);
  });
});

describe('ref names on disk', () => {
  it('invalid loose tag names are ignored as git ignores them, with an escaped note, and never reach git', async () => {
    const dir = await repo();
    await tagRepo(dir, '5.1.3');
    const head = await git(dir, 'rev-parse', 'HEAD');
    await fs.writeFile(path.join(dir, '.git/refs/tags', '\x1b[31m9.9.9'), `${head}\n`);
    await fs.writeFile(path.join(dir, '.git/refs/tags', '9.9.9.lock'), `${head}\n`);
    const facts = await openGitFacts({ root: dir });
    expect((await facts.tags()).map((t) => t.name)).toEqual(['5.1.3']);
    const forEachRef = await facts.run(['for-each-ref', '--format=%(refname)', 'refs/tags']);
    expect([forEachRef.code, forEachRef.stdout, forEachRef.stderr]).toEqual([0, 'refs/tags/5.1.3\n', '']);
    facts.close();
    const res = await runCli(['--mode', 'dev', '--rule', 'wrapper/version-increases', dir]);
    expect(res.stdout).not.toContain('\x1b');
    expect(res.stdout).toContain('tag refs ignored as git ignores them: ');
    expect(res.stdout).toContain('ref "refs/tags/\\x1b[31m9.9.9" (contains a control character)');
    expect(res.stdout).toContain('ref "refs/tags/9.9.9.lock" (has a component ending with ".lock")');
  });
});

describe('ref names in suggested commands', () => {
  it('a tag name with shell syntax is single-quoted in the fix the hook suggests', async () => {
    const dir = await repo();
    const tag = "5.1.4';id>pwned;'";
    await git(dir, 'tag', tag);
    const head = await git(dir, 'rev-parse', 'HEAD');
    const res = await runCli(['pre-push', 'origin', 'url'], { cwd: dir, input: `refs/tags/${tag} ${head} refs/tags/${tag} ${Z}\n` });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`lightweight tag; release tags are signed and annotated: git tag -s -f '5.1.4'\\'';id>pwned;'\\''' -m '5.1.4'\\'';id>pwned;'\\''' ${head.slice(0, 12)}`);
  });
});
