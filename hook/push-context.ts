// What the push checks share: the context the hook builds, what the batched git calls found, and
// how a finding is located at a pushed ref.
import type { GitFacts } from '../runner/git-facts.js';
import type { ReleasePolicy } from '../runner/policy.js';
import type { MessageData, RepoKind, ReportInput, Severity } from '../runner/types.js';
import type { HookCheck } from './checks.js';
import type { CommitGraph } from './history.js';
import type { PushUpdate } from './protocol.js';

/**
 * A fact a check could not establish ("cannot verify"): `blocks` keeps the check's configured
 * severity, since the push waits for the fact (an unknown remote commit); `note` only tells.
 */
export type Unverified = 'blocks' | 'note';

export interface HookFinding {
  check: HookCheck;
  input: ReportInput;
  unverified?: Unverified;
  /** The pushed ref the finding is about, and the commits it covers (`old..new`, or `new` for a new ref). */
  ref?: { ref: string; range?: string };
}

/** A finding of `check`, with one of the messageIds it declares. */
export function hookFinding<M extends string>(check: HookCheck<M>, input: ReportInput<NoInfer<M>>, more: Pick<HookFinding, 'unverified' | 'ref'> = {}): HookFinding {
  return { check, input, ...more };
}

export interface PushContext {
  /** The repo's refs and objects; git runs only on porgs-lint's own git folder. */
  git: GitFacts;
  root: string;
  remote: string;
  kind: RepoKind;
  policy: ReleasePolicy;
  verifySignatures: boolean;
  severityOf(check: HookCheck): Severity | 'off';
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
  const ref = { ref: u.remoteRef, ...(range ? { range } : {}) };
  return <M extends string>(check: HookCheck<M>, messageId: NoInfer<M>, data: MessageData, unverified?: Unverified): HookFinding =>
    hookFinding(check, { path: '.', messageId, data }, { ref, ...(unverified ? { unverified } : {}) });
}

