// The release policy of each kind of repo: which branches release, which tags are releases, which
// branches are dev branches and which the pre-push hook protects. The one place these facts live;
// a config overrides them per kind (`[kinds.<kind>]`), and rules and the hook read them from the
// repo model, never from a constant of their own.
import { safeRegex } from './safe-regex.js';
import type { RepoKind } from './types.js';

export interface ReleasePolicy {
  /** Branches releases are made from; the first is the one messages name. */
  readonly releaseBranches: readonly string[];
  /** Tags that are releases: release mode, the release rules on a pushed tag. */
  readonly releaseTag: RegExp;
  /** What a pushed tag that looks like a version must match (the images repo also tags betas). */
  readonly tagFormat: RegExp;
  /** Branches that must contain the release branch (and carry a pre-release version). */
  readonly devBranches: readonly string[];
  /** Branches the pre-push hook refuses to delete on a remote. */
  readonly protectedBranches: readonly string[];
}

// Bounded counts keep the defaults well inside the safe subset's budget of choices.
const X_Y_Z = safeRegex('^[0-9]{1,9}\\.[0-9]{1,9}\\.[0-9]{1,9}$');
const X_Y_Z_OR_BETA = safeRegex('^[0-9]{1,9}\\.[0-9]{1,9}\\.[0-9]{1,9}(|b[0-9]{1,9})$');
const PATTERN_NAMES = new Map<RegExp, string>([
  [X_Y_Z, 'X.Y.Z'],
  [X_Y_Z_OR_BETA, 'X.Y.Z or X.Y.ZbN'],
]);

/** How messages name a tag pattern: the defaults by their shape, a configured one by its source. */
export function describeTagPattern(re: RegExp): string {
  return PATTERN_NAMES.get(re) ?? `the pattern ${re.source}`;
}

export const DEFAULT_POLICY: Readonly<Record<RepoKind, ReleasePolicy>> = {
  wrapper: { releaseBranches: ['master'], releaseTag: X_Y_Z, tagFormat: X_Y_Z, devBranches: ['dev'], protectedBranches: ['master', 'dev'] },
  images: {
    releaseBranches: ['main'],
    releaseTag: X_Y_Z,
    tagFormat: X_Y_Z_OR_BETA,
    devBranches: ['dev'],
    protectedBranches: ['main', 'dev'],
  },
  docs: {
    releaseBranches: ['main'],
    releaseTag: X_Y_Z,
    tagFormat: X_Y_Z,
    devBranches: ['dev', 'dev-wrapper', 'dev-images'],
    protectedBranches: ['main', 'dev', 'dev-wrapper', 'dev-images'],
  },
  resources: { releaseBranches: ['main'], releaseTag: X_Y_Z, tagFormat: X_Y_Z, devBranches: [], protectedBranches: ['main'] },
};

/** The policy of a kind: its defaults, each key overridden by the config's `[kinds.<kind>]`. */
export function policyFor(kind: RepoKind, settings?: Partial<ReleasePolicy>): ReleasePolicy {
  const base = DEFAULT_POLICY[kind];
  return {
    releaseBranches: settings?.releaseBranches ?? base.releaseBranches,
    releaseTag: settings?.releaseTag ?? base.releaseTag,
    tagFormat: settings?.tagFormat ?? base.tagFormat,
    devBranches: settings?.devBranches ?? base.devBranches,
    protectedBranches: settings?.protectedBranches ?? base.protectedBranches,
  };
}

