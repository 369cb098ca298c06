// Metadata of the pre-push checks, declared as rules are: messages as templates, identity fields
// for fingerprints. Light on purpose: the config loader imports it to validate ids.
import { metaFromDefinition, REPO_KINDS, type RuleMeta } from '../runner/types.js';

/** A check's metadata, its messageIds kept in the type so a finding names only declared ones. */
export type HookCheck<M extends string = string> = RuleMeta & { readonly messages: Readonly<Record<M, string>> };

interface CheckDefinition<M extends string> {
  description: string;
  messages: Record<M, string>;
  /** Data fields naming what a finding is about (the tag, the branch): never a commit that moves while the problem stays. */
  identity: readonly string[];
}

function check<const M extends string>(name: string, def: CheckDefinition<M>): HookCheck<M> {
  return metaFromDefinition(`hook/${name}`, {
    ...def,
    kinds: REPO_KINDS,
    severity: 'error',
    tags: ['git', 'release'],
    precision: 'very-high',
  }) as HookCheck<M>;
}

export const TAG_SIGNED = check('tag-signed', {
  description: 'A pushed release tag is an annotated tag object carrying a signature (OpenPGP, SSH or X.509).',
  messages: {
    lightweight: 'tag {{tag}} is a lightweight tag; release tags are signed and annotated: {{command}}',
    unsigned: 'tag {{tag}} is annotated but not signed; recreate it signed: {{command}}',
    badSignature: 'tag {{tag}} is signed but its signature does not verify: {{reason}}; sign with a key the repository trusts',
    noKeys: "the signature of tag {{tag}}: no key or allowed-signers file is configured for it here (gpg.ssh.allowedSignersFile in your own git config, or the signer's key in your keyring)",
    verifyFailed: 'the signature of tag {{tag}}: {{reason}}',
    objectUnreadable: 'tag {{tag}}: its object {{object}} cannot be read here',
  },
  identity: ['tag'],
});

export const TAG_FORMAT = check('tag-format', {
  description: "A pushed tag that looks like a version matches the policy's tag format (X.Y.Z; images also X.Y.ZbN), with no v prefix.",
  messages: {
    mismatch: 'tag {{tag}} does not match {{format}}: the release workflow would silently skip it',
    mismatchRename: 'tag {{tag}} does not match {{format}}: the release workflow would silently skip it; rename it: {{command}}',
  },
  identity: ['tag'],
});

export const TAG_NOT_MOVED = check('tag-not-moved', {
  description: 'An existing remote tag is never re-pointed to another object.',
  messages: {
    moved: 'tag {{tag}} already exists on {{remote}} ({{remoteObject}}); a published release tag is never moved: make a new release instead',
  },
  identity: ['tag'],
});

export const TAG_ON_RELEASE_BRANCH = check('tag-on-release-branch', {
  description: "A pushed release tag's commit is reachable from the release branch (master or main).",
  messages: {
    notOnReleaseBranch: 'tag {{tag}} points at {{commit}}, which is not on {{branches}}; tag the merge commit on {{branch}} after the release PR is merged',
    unreadable: 'whether {{tag}} is on {{branches}}: {{reason}}',
    noReleaseBranch: 'no {{branches}} branch here to check that {{tag}} is on it ({{command}})',
    shallow: 'whether {{tag}} is on {{branches}}: the history here is incomplete (shallow clone; git fetch --unshallow)',
  },
  identity: ['tag'],
});

export const TAG_RELEASE_RULES = check('tag-release-rules', {
  description: "The release-mode rules of the repo's kind pass on the pushed tag's commit.",
  messages: {
    releaseRuleFailed: '{{message}} [{{rule}} on tag {{tag}}]',
  },
  // The rule's own fingerprint: its file, messageId and offending text, never its wording.
  identity: ['rule', 'tag', 'ruleFingerprint'],
});

export const DEV_FAST_FORWARD = check('dev-fast-forward', {
  description: 'A push to a dev branch is a fast-forward of the remote one.',
  messages: {
    notFastForward: 'push to {{branch}} is not a fast-forward of {{remote}}/{{branch}} ({{remoteCommit}}); rebase or merge {{remote}}/{{branch}} first, never force-push {{branch}}',
    remoteUnknown: 'fetch first: the remote {{branch}} ({{remoteCommit}}) is not in this repository, so whether this push is a fast-forward is unknown ({{command}})',
    shallow: 'the history here is incomplete (shallow clone), so whether this push is a fast-forward of {{remote}}/{{branch}} is unknown ({{command}})',
    unreadable: 'whether the push to {{branch}} is a fast-forward of {{remote}}/{{branch}}: {{reason}}',
  },
  identity: ['branch'],
});

export const DEV_CONTAINS_RELEASE = check('dev-contains-release', {
  description: 'A pushed dev branch contains the tip of the release branch.',
  messages: {
    missingRelease: '{{branch}} does not contain {{release}} ({{releaseCommit}}); after a release run: {{command}}',
    unreadable: 'whether {{branch}} contains the release branch: {{reason}}',
    noReleaseBranch: 'whether {{branch}} contains the release branch: no {{branches}} branch here ({{command}})',
    shallow: 'whether {{branch}} contains {{release}}: the history here is incomplete (shallow clone; git fetch --unshallow)',
  },
  identity: ['branch'],
});

export const DEV_NO_RELEASE_MERGE_COMMIT = check('dev-no-release-merge-commit', {
  description: 'No commit new to a dev branch is a merge that brings the release branch into it (use git merge --ff-only).',
  messages: {
    mergeCommit:
      '1 merge commit brings {{releaseBranch}} into {{branch}}: {{commits}}; the release notes require "{{command}}": reset {{branch}} to before it and fast-forward it',
    mergeCommits:
      '{{count}} merge commits bring {{releaseBranch}} into {{branch}}: {{commits}}; the release notes require "{{command}}": reset {{branch}} to before them and fast-forward it',
    unreadable: 'which merges of {{branch}} bring in the release branch: {{reason}}',
    noReleaseBranch: 'which merges of {{branch}} bring in the release branch: no {{branches}} branch here ({{command}})',
  },
  identity: ['branch'],
});

export const PROTECTED_BRANCH_DELETE = check('protected-branch-delete', {
  description: "Deleting a protected branch of the repo's policy (its release and dev branches) on the remote is blocked.",
  messages: {
    deleteBlocked: 'deleting {{branch}} on {{remote}} is blocked; it is a protected branch of the release process',
  },
  identity: ['branch'],
});

export const HOOK_CHECKS: readonly HookCheck[] = [
  TAG_SIGNED,
  TAG_FORMAT,
  TAG_NOT_MOVED,
  TAG_ON_RELEASE_BRANCH,
  TAG_RELEASE_RULES,
  DEV_FAST_FORWARD,
  DEV_CONTAINS_RELEASE,
  DEV_NO_RELEASE_MERGE_COMMIT,
  PROTECTED_BRANCH_DELETE,
];
