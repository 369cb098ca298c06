// The pre-push checks' logic without a push: git's stdin protocol, ref locations, the check pages
// and their examples, all in memory (real pushes through git are tests/hook).
import { describe, expect, it } from 'vitest';
import { parsePushLines, preCommitRef, ProtocolError, updateFromPreCommit } from '../../hook/protocol.js';

const A = 'a'.repeat(40);
const Z40 = '0'.repeat(40);
const B64 = 'b'.repeat(64);
const Z64 = '0'.repeat(64);

describe('pre-push stdin protocol', () => {
  it('reads every line: updates, creations and deletions, SHA-1 and SHA-256', () => {
    const input = [
      `refs/heads/dev ${A} refs/heads/dev ${A.replace(/a/g, 'c')}`,
      `refs/tags/5.2.0 ${A} refs/tags/5.2.0 ${Z40}`,
      `(delete) ${Z40} refs/heads/old ${A}`,
      `refs/heads/main ${B64} refs/heads/main ${Z64}`,
      '',
    ].join('\n');
    expect(parsePushLines(input).map((u) => [u.remoteRef, u.creation, u.deletion])).toEqual([
      ['refs/heads/dev', false, false],
      ['refs/tags/5.2.0', true, false],
      ['refs/heads/old', false, true],
      ['refs/heads/main', true, false],
    ]);
  });

  it('rejects a malformed line with its number', () => {
    expect(() => parsePushLines(`refs/heads/dev ${A} refs/heads/dev\n`)).toThrow(ProtocolError);
    expect(() => parsePushLines(`\nrefs/heads/dev xyz refs/heads/dev ${A}\n`)).toThrow(/line 2/);
  });

  it("reads the ref pre-commit describes, never taking PRE_COMMIT_FROM_REF for the remote's old id", () => {
    const C = 'c'.repeat(40);
    const env = { PRE_COMMIT_TO_REF: A, PRE_COMMIT_FROM_REF: C, PRE_COMMIT_REMOTE_BRANCH: 'refs/tags/5.1.4', PRE_COMMIT_LOCAL_BRANCH: 'refs/tags/5.1.4', PRE_COMMIT_REMOTE_NAME: 'upstream' };
    const ref = preCommitRef(env)!;
    expect(ref).toEqual({ localRef: 'refs/tags/5.1.4', localOid: A, remoteRef: 'refs/tags/5.1.4', remote: 'upstream' });
    // Nothing known of the ref on the remote: a new ref, whatever PRE_COMMIT_FROM_REF says.
    expect(updateFromPreCommit(ref, undefined)).toEqual({ localRef: 'refs/tags/5.1.4', localOid: A, remoteRef: 'refs/tags/5.1.4', remoteOid: Z40, deletion: false, creation: true });
    expect(updateFromPreCommit(ref, C)).toMatchObject({ remoteOid: C, creation: false });
    expect(preCommitRef({})).toBeUndefined();
    expect(() => preCommitRef({ PRE_COMMIT_TO_REF: 'HEAD', PRE_COMMIT_REMOTE_BRANCH: 'refs/heads/dev' })).toThrow(/not an object id/);
  });
});
