// What the push checks share: the context the hook builds, what the batched git calls found, and
// how a finding is located at a pushed ref.
import type { GitFacts } from '../runner/git-facts.js';
import type { ReleasePolicy } from '../runner/policy.js';
import type { RepoKind, ReportInput, Severity } from '../runner/types.js';
import type { CommitGraph } from './history.js';
import type { PushUpdate } from './protocol.js';

export interface HookFinding {
  checkId: string;
  /** Undefined: the check's configured severity. */
  severity?: Severity;
  input: ReportInput;
  /** The pushed ref the finding is about, and the commits it covers (`old..new`, or `new` for a new ref). */
  ref?: { ref: string; range?: string };
}

export interface PushContext {
  /** The repo's refs and objects; git runs only on porgs-lint's own git folder. */
  git: GitFacts;
  root: string;
  remote: string;
  kind: RepoKind;
  policy: ReleasePolicy;
  verifySignatures: boolean;
  severityOf(checkId: string): Severity | 'off';
  /** Runs the release rules on a commit; returns their error findings. */
  releaseRules(commit: string, tag: string): Promise<HookFinding[]>;
}

/** A release branch as this clone knows it: the remote's copy first, else the local branch. */
export interface ReleaseTip {
  /** As messages name it (`origin/master`, `master`). */
  name: string;
  branch: string;
  commit: string;
}

/** What the batched git calls established for the whole push. */
export interface PushFacts {
  /** Release branches found here, in policy order; why none could be read, as a string. */
  releaseTips: ReleaseTip[] | string;
  graph: CommitGraph | string;
  /** Commits of every remote-tracking branch and tag. */
  published: string[];
}

export const short = (oid: string) => oid.slice(0, 12);

/** Reports about one pushed ref, located at that ref. */
export function findingsAt(u: PushUpdate) {
  const range = u.deletion ? undefined : u.creation ? short(u.localOid) : `${short(u.remoteOid)}..${short(u.localOid)}`;
  return (checkId: string, message: string, severity?: Severity): HookFinding => ({
    checkId,
    ...(severity ? { severity } : {}),
    input: { path: '.', message, key: u.remoteRef },
    ref: { ref: u.remoteRef, ...(range ? { range } : {}) },
  });
}

