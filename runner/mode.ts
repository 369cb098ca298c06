// Release or dev: flag > release tag on the checked commit > branch > CI variables > dev.
import type { GitFacts } from './git-facts.js';
import { safeRegex } from './safe-regex.js';
import type { Mode, RepoKind } from './types.js';

export const DEFAULT_RELEASE_BRANCHES: Record<RepoKind, string[]> = {
  wrapper: ['master'],
  images: ['main'],
  docs: ['main'],
  resources: ['main'],
};

export const DEFAULT_RELEASE_TAG = safeRegex('^[0-9]+\\.[0-9]+\\.[0-9]+$');

export interface ModeInput {
  flag?: Mode;
  flagSource?: string;
  git: GitFacts;
  env: Readonly<Record<string, string | undefined>>;
  releaseBranches: readonly string[];
  releaseTag: RegExp;
}

export async function decideMode(input: ModeInput): Promise<{ mode: Mode; reason: string }> {
  const { flag, git, env, releaseBranches, releaseTag } = input;
  if (flag) return { mode: flag, reason: input.flagSource ?? `--mode ${flag}` };
  const isRelease = (b: string) => releaseBranches.includes(b);
  const what = git.rev ? `--rev ${git.rev}` : 'HEAD';
  if (git.available) {
    const tag = (await git.tagsAtCommit()).find((t) => releaseTag.test(t.name));
    if (tag) return { mode: 'release', reason: `${what} is tagged ${tag.name}` };
    if (git.branch) {
      return isRelease(git.branch)
        ? { mode: 'release', reason: `${what} is branch ${git.branch}` }
        : { mode: 'dev', reason: `${what} is branch ${git.branch}, not a release branch (${releaseBranches.join(', ')})` };
    }
  }
  const base = env.GITHUB_BASE_REF;
  if (base) {
    return isRelease(base)
      ? { mode: 'release', reason: `pull request into ${base} (GITHUB_BASE_REF)` }
      : { mode: 'dev', reason: `pull request into ${base} (GITHUB_BASE_REF)` };
  }
  const ref = env.GITHUB_REF;
  if (ref?.startsWith('refs/tags/') && releaseTag.test(ref.slice(10))) return { mode: 'release', reason: `CI ref ${ref} is a release tag (GITHUB_REF)` };
  if (ref?.startsWith('refs/heads/')) {
    const b = ref.slice(11);
    return isRelease(b) ? { mode: 'release', reason: `CI branch ${b} (GITHUB_REF)` } : { mode: 'dev', reason: `CI branch ${b} (GITHUB_REF)` };
  }
  const head = env.GITHUB_HEAD_REF;
  if (head) return { mode: 'dev', reason: `pull request from ${head} (GITHUB_HEAD_REF)` };
  const why = !git.available ? git.reason : git.detached ? 'HEAD is detached and not on a release tag' : 'no release branch or tag';
  return { mode: 'dev', reason: `defaulting to dev: ${why}` };
}
