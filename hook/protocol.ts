// git's pre-push protocol: one stdin line per ref, `<local ref> <local oid> <remote ref> <remote oid>`.
// Object ids are 40 (SHA-1) or 64 (SHA-256) hex digits; all zeros means "does not exist".
import { isZeroOid } from '../runner/git.js';
import { refNameProblem, visibleName } from '../runner/ref-names.js';

export interface PushUpdate {
  localRef: string;
  localOid: string;
  remoteRef: string;
  remoteOid: string;
  /** The remote ref is being deleted (`(delete)` / zero local id). */
  deletion: boolean;
  /** The remote ref does not exist yet. */
  creation: boolean;
}

const OID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

export class ProtocolError extends Error {}

/**
 * The remote ref is a full ref name git computed; one that git would not accept is refused
 * before anything is built from it. (The local ref is whatever the user typed, e.g. `HEAD~1`,
 * and is never used.)
 */
function checkRemoteRef(ref: string, where: string): void {
  const problem = ref === 'HEAD' ? 'is not a full ref name' : refNameProblem(ref);
  if (problem) throw new ProtocolError(`${where}: the remote ref "${visibleName(ref)}" is not a valid ref name (it ${problem})`);
}

export function parsePushLines(input: string): PushUpdate[] {
  const updates: PushUpdate[] = [];
  input.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').trim();
    if (!line) return;
    const parts = line.split(' ');
    if (parts.length !== 4 || !OID.test(parts[1]) || !OID.test(parts[3])) {
      throw new ProtocolError(`pre-push input line ${i + 1} is not "<local ref> <local sha> <remote ref> <remote sha>": ${visibleName(line)}`);
    }
    const [localRef, localOid, remoteRef, remoteOid] = parts;
    checkRemoteRef(remoteRef, `pre-push input line ${i + 1}`);
    updates.push({ localRef, localOid, remoteRef, remoteOid, deletion: isZeroOid(localOid) || localRef === '(delete)', creation: isZeroOid(remoteOid) });
  });
  return updates;
}

/** The one ref pre-commit describes in its variables; the remote's old id is not among them. */
export interface PreCommitRef {
  localRef: string;
  localOid: string;
  remoteRef: string;
  /** `PRE_COMMIT_REMOTE_NAME`: the remote pushed to, as git named it to pre-commit. */
  remote?: string;
}

/**
 * pre-commit runs pre-push hooks without git's stdin but with PRE_COMMIT_* variables describing
 * one ref. `PRE_COMMIT_FROM_REF` is not the remote's old id (for a new ref it is the parent of
 * the first unpushed commit), so it is not read: the caller asks the repository what the remote
 * had (`remoteOidOf`), as git would have said on stdin.
 */
export function preCommitRef(env: NodeJS.ProcessEnv): PreCommitRef | undefined {
  const to = env.PRE_COMMIT_TO_REF;
  const remoteBranch = env.PRE_COMMIT_REMOTE_BRANCH;
  if (!to || !remoteBranch) return undefined;
  if (!OID.test(to)) throw new ProtocolError(`PRE_COMMIT_TO_REF is not an object id: ${visibleName(to)}`);
  checkRemoteRef(remoteBranch, 'PRE_COMMIT_REMOTE_BRANCH');
  const remote = env.PRE_COMMIT_REMOTE_NAME || undefined;
  return { localRef: env.PRE_COMMIT_LOCAL_BRANCH || to, localOid: to, remoteRef: remoteBranch, ...(remote ? { remote } : {}) };
}

/** The update of a pre-commit ref, given the remote's old id as this repository knows it (undefined: none). */
export function updateFromPreCommit(ref: PreCommitRef, remoteOid: string | undefined): PushUpdate {
  const old = remoteOid ?? '0'.repeat(ref.localOid.length);
  return { localRef: ref.localRef, localOid: ref.localOid, remoteRef: ref.remoteRef, remoteOid: old, deletion: isZeroOid(ref.localOid), creation: isZeroOid(old) };
}
