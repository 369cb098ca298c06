// What the wrapper rules say when git facts are missing.
import type { GitFacts } from '../../runner/git-facts.js';

/** Why `git` is unavailable, for a "cannot verify" finding (git facts set a reason whenever they are). */
export const unavailableReason = (git: Pick<GitFacts, 'reason'>): string => git.reason ?? 'git facts are unavailable';
