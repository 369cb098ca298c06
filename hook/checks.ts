// Metadata of the pre-push checks. Light on purpose: the config loader imports it to validate ids.
import type { RuleMeta } from '../runner/types.js';

const ALL = ['wrapper', 'images', 'docs', 'resources'] as const;
const check = (name: string, description: string, severity: RuleMeta['severity'] = 'error'): RuleMeta => ({
  id: `hook/${name}`,
  description,
  kinds: ALL,
  modes: ['release', 'dev'],
  severity,
  docs: `docs/rules/hook/${name}.md`,
  tags: ['git', 'release'],
  precision: 'very-high',
});

export const HOOK_CHECKS: readonly RuleMeta[] = [
  check('tag-signed', 'A pushed release tag is an annotated tag object carrying a signature (OpenPGP, SSH or X.509).'),
  check('tag-format', "A pushed tag that looks like a version matches the policy's tag format (X.Y.Z; images also X.Y.ZbN), with no v prefix."),
  check('tag-not-moved', 'An existing remote tag is never re-pointed to another object.'),
  check('tag-on-release-branch', "A pushed release tag's commit is reachable from the release branch (master or main)."),
  check('tag-release-rules', "The release-mode rules of the repo's kind pass on the pushed tag's commit."),
  check('dev-fast-forward', 'A push to a dev branch is a fast-forward of the remote one.'),
  check('dev-contains-release', 'A pushed dev branch contains the tip of the release branch.'),
  check('dev-no-release-merge-commit', 'No commit new to a dev branch is a merge that brings the release branch into it (use git merge --ff-only).'),
  check('protected-branch-delete', "Deleting a protected branch of the repo's policy (its release and dev branches) on the remote is blocked."),
];
