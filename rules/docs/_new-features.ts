// What the checked wrapper revision adds to its command line since its previous release: actions
// and (action, flag) pairs present now and absent at the highest release tag in its history. Both
// revisions are read from git objects or the work tree, never checked out or run.
import type { RepoView } from '../../runner/context-api.js';
import { earlierReleases } from '../wrapper/_releases.js';
import { cliAtCommit } from './_cross.js';
import { flagsOf, type CliAction, type CliOption, type WrapperCli } from './_wrapper-cli.js';

export interface NewFlag {
  action: CliAction;
  flag: string;
  option: CliOption;
}

export interface NewFeatures {
  /** The previous release tag. */
  release: string;
  actions: CliAction[];
  /** New flags of actions the release already had; a global option's once, with the first action. */
  flags: NewFlag[];
}

export type PreviousRelease =
  | { features: NewFeatures; missing?: string }
  | { unknown: 'noGit' | 'noPrevious' | 'noCliAtRelease'; reason: string; release?: string };

export async function newFeatures(wrapper: RepoView, cli: WrapperCli): Promise<PreviousRelease> {
  if (!wrapper.git.available) return { unknown: 'noGit', reason: wrapper.git.reason ?? 'git facts are unavailable' };
  const { releases, missing } = await earlierReleases(wrapper);
  const previous = releases[releases.length - 1];
  if (!previous) return { unknown: 'noPrevious', reason: missing ?? 'no release tag is in the history of the checked commit' };
  const before = await cliAtCommit(wrapper, previous.commit);
  if (!before || before.actions.length === 0) return { unknown: 'noCliAtRelease', reason: 'it defines no action in the actions folder', release: previous.name };
  const then = new Map(before.actions.map((a) => [a.name, new Set(flagsOf(a).map((f) => f.flag))]));
  const features: NewFeatures = { release: previous.name, actions: [], flags: [] };
  const globalsSaid = new Set<string>();
  for (const action of cli.actions) {
    const had = then.get(action.name);
    if (!had) {
      features.actions.push(action);
      continue;
    }
    for (const { flag, option } of flagsOf(action)) {
      if (had.has(flag) || (option.global && globalsSaid.has(flag))) continue;
      if (option.global) globalsSaid.add(flag);
      features.flags.push({ action, flag, option });
    }
  }
  return { features, ...(missing ? { missing } : {}) };
}
