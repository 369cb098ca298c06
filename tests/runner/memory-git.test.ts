// What the memory git facts refuse rather than guess; what they answer is the git facts contract
// (tests/contract/git-facts.contract.test.ts), run against real git too.
import { describe, expect, it } from 'vitest';
import { memoryGit, oidOf } from '../../runner/memory-git.js';
import { HISTORY } from '../contract/git-states.js';

describe('memory git facts: what it refuses rather than guesses', () => {
  it('fails plumbing it does not implement and signature verification, and throws on revision syntax it does not know', async () => {
    const facts = memoryGit(HISTORY);
    expect(await facts.run(['verify-tag', '--end-of-options', oidOf('c1')])).toEqual({ code: -1, stdout: '', stderr: '', failure: 'no signature verification in memory' });
    expect((await facts.run(['log', '--oneline'])).failure).toMatch(/^memory git does not run "git log"/);
    expect((await facts.run(['rev-list', '--count', 'HEAD'])).failure).toMatch(/^memory git runs rev-list only as/);
    expect((await facts.run(['for-each-ref', '--format=%(subject)'])).failure).toBe('memory git does not know the for-each-ref field %(subject)');
    expect((await facts.run(['for-each-ref', 'refs/tags/*'])).failure).toMatch(/wildcards/);
    await expect(facts.object('HEAD@{1}')).rejects.toThrow('memory git does not resolve "HEAD@{1}"');
    await expect(facts.object(':README.md')).rejects.toThrow(/does not resolve/);
  });

  it('refuses a state git could not build', () => {
    expect(() => memoryGit({ commits: [{ id: 'a', parents: ['b'] }, { id: 'b' }], head: { commit: 'a' } })).toThrow('commit a: its parent b must be declared before it');
    expect(() => memoryGit({ commits: [{ id: 'a' }], tags: [{ name: 't', target: 'later' }, { name: 'later', target: 'a' }], head: { commit: 'a' } })).toThrow('neither a commit label nor an earlier tag');
    expect(() => memoryGit({ commits: [{ id: 'a', files: { x: '1', 'x/y': '2' } }], head: { commit: 'a' } })).toThrow(/is below the file x/);
    expect(() => memoryGit({ commits: [{ id: 'a' }], branches: { 'two words': 'a' }, head: { commit: 'a' } })).toThrow('refs/heads/two words is not a ref name git accepts');
  });
});
