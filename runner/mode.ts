// Release or dev, and why. With --rev only the flag and the revision decide: the branch it names,
// else a release tag on it. Otherwise: the flag > the checked-out branch > what CI names
// (GITHUB_BASE_REF for a pull request, GITHUB_REF for a push or a tag) > a release tag on a
// detached HEAD > dev. A dev branch fast-forwarded onto a release carries the release tag and is
// still dev: what the user works on decides, not the tags that happen to sit on the commit.
import type { GitFacts } from './git-facts.js';
import type { ReleasePolicy } from './policy.js';
import type { Mode } from './types.js';

export interface ModeInput {
  flag?: Mode;
  flagSource?: string;
  git: GitFacts;
  env: Readonly<Record<string, string | undefined>>;
  policy: Pick<ReleasePolicy, 'releaseBranches' | 'releaseTag'>;
}

export interface ModeDecision {
  mode: Mode;
  reason: string;
}

const names = (list: readonly string[]) => list.join(', ');

/** Release tags on the checked commit, named for a reason ("tag 5.1.4", "tags 5.1.4, 5.1.4-final"). */
async function releaseTagsHere(git: GitFacts, releaseTag: RegExp): Promise<string | undefined> {
  if (!git.available) return undefined;
  const tags = (await git.tagsAtCommit()).filter((t) => releaseTag.test(t.name)).map((t) => t.name);
  return tags.length === 0 ? undefined : `${tags.length > 1 ? 'tags' : 'tag'} ${names(tags)}`;
}

function byBranch(branch: string, what: string, policy: ModeInput['policy']): ModeDecision {
  return policy.releaseBranches.includes(branch)
    ? { mode: 'release', reason: `${what} is branch ${branch}, a release branch` }
    : { mode: 'dev', reason: `${what} is branch ${branch}, not a release branch (${names(policy.releaseBranches)})` };
}

function byCi(env: ModeInput['env'], policy: ModeInput['policy']): ModeDecision | undefined {
  const base = env.GITHUB_BASE_REF;
  if (base) {
    const release = policy.releaseBranches.includes(base);
    return { mode: release ? 'release' : 'dev', reason: `pull request into branch ${base} (GITHUB_BASE_REF)${release ? ', a release branch' : ''}` };
  }
  const ref = env.GITHUB_REF;
  if (ref?.startsWith('refs/tags/')) {
    const tag = ref.slice('refs/tags/'.length);
    return policy.releaseTag.test(tag)
      ? { mode: 'release', reason: `CI builds tag ${tag}, a release tag (GITHUB_REF)` }
      : { mode: 'dev', reason: `CI builds tag ${tag}, not a release tag (GITHUB_REF)` };
  }
  if (ref?.startsWith('refs/heads/')) {
    const branch = ref.slice('refs/heads/'.length);
    const release = policy.releaseBranches.includes(branch);
    return { mode: release ? 'release' : 'dev', reason: `CI builds branch ${branch} (GITHUB_REF)${release ? ', a release branch' : ''}` };
  }
  return undefined;
}

export async function decideMode(input: ModeInput): Promise<ModeDecision> {
  const { flag, git, env, policy } = input;
  if (flag) return { mode: flag, reason: input.flagSource ?? `--mode ${flag}` };
  if (git.rev) {
    if (git.branch) return byBranch(git.branch, `--rev ${git.rev}`, policy);
    const tagged = await releaseTagsHere(git, policy.releaseTag);
    if (tagged) return { mode: 'release', reason: `--rev ${git.rev} carries release ${tagged}` };
    return { mode: 'dev', reason: `--rev ${git.rev} is neither a release branch nor on a release tag (CI variables are not read with --rev)` };
  }
  if (git.available && git.branch) return byBranch(git.branch, 'the checked-out HEAD', policy);
  const ci = byCi(env, policy);
  if (ci) return ci;
  if (git.available && git.detached) {
    const tagged = await releaseTagsHere(git, policy.releaseTag);
    if (tagged) return { mode: 'release', reason: `the detached HEAD carries release ${tagged}` };
  }
  const head = env.GITHUB_HEAD_REF;
  if (head) return { mode: 'dev', reason: `pull request from branch ${head} (GITHUB_HEAD_REF; a head branch alone never means release)` };
  const why = !git.available ? git.reason : git.detached ? 'HEAD is detached and not on a release tag' : 'no release branch or tag';
  return { mode: 'dev', reason: `defaulting to dev: ${why}` };
}
