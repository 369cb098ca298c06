// Whether a reference of a docs page still names something in a repo as its release branch has
// it: a file, a path, a Python module, a folder, a branch, a path inside the image. Each answer
// is `undefined` (it does, or the name is no reference to that repo) or what was looked for.
import { didYouMean } from '../../runner/errors.js';
import type { ReleaseSnapshot } from './_release-snapshot.js';
import { hasFileExtension } from './_references.js';

export interface Miss {
  messageId: 'missingFile' | 'missingPath' | 'missingModule' | 'missingFolder';
  /** What was looked for, for the message. */
  tried: string;
  hint: string;
}

const topLevel = (repo: ReleaseSnapshot, segment: string) => repo.dirs.has(segment) || repo.files.has(segment);

/** `setup.py`: some file of the repo has that name. */
export function lookupFile(name: string, repo: ReleaseSnapshot): Miss | undefined {
  if (repo.byName.has(name) || repo.files.has(name)) return undefined;
  return { messageId: 'missingFile', tried: `file called ${name}`, hint: didYouMean(name, repo.byName.keys()) };
}

/**
 * `tests/x.py`, `sources/assets/`: a path from the root, when it starts at a top-level entry of the
 * repo (`loot/scan.sh` is the user's own).
 */
export function lookupPath(name: string, repo: ReleaseSnapshot): Miss | undefined {
  const path = name.replace(/\/+$/, '');
  if (!topLevel(repo, path.split('/')[0])) return undefined;
  if (repo.files.has(path) || repo.dirs.has(path)) return undefined;
  return { messageId: 'missingPath', tried: path, hint: didYouMean(path, [...repo.files, ...repo.dirs]) };
}

/**
 * `exegol.config.ConstantConfig` (a module, or an attribute of one), `tests.test_exegol.py` (a file
 * written with dots), when its first part is a top-level folder of the repo and, for a module, its
 * second part is in that folder (so a host name like `exegol.readthedocs.io` is not taken for one).
 */
export function lookupModule(name: string, repo: ReleaseSnapshot): Miss | undefined {
  const parts = name.split('.');
  if (!repo.dirs.has(parts[0])) return undefined;
  if (hasFileExtension(name)) {
    const file = `${parts.slice(0, -1).join('/')}.${parts[parts.length - 1]}`;
    if (repo.files.has(file)) return undefined;
    const folder = parts.slice(0, -2).join('/');
    return { messageId: 'missingModule', tried: file, hint: didYouMean(file, [...repo.files].filter((f) => f.startsWith(`${folder}/`))) };
  }
  const exists = (p: string) => repo.dirs.has(p) || repo.files.has(`${p}.py`);
  if (!exists(parts.slice(0, 2).join('/'))) return undefined;
  for (let n = parts.length; n >= 2; n--) {
    const p = parts.slice(0, n).join('/');
    // A module file that exists with the rest as its attributes (not checked: that needs Python).
    if (n === parts.length ? exists(p) : repo.files.has(`${p}.py`)) return undefined;
  }
  const module = parts.join('/');
  return { messageId: 'missingModule', tried: `${module}.py or ${module}/`, hint: '' };
}

/** The folder of `git -C <folder>`: a folder or submodule of the repo. */
export function lookupFolder(name: string, repo: ReleaseSnapshot): Miss | undefined {
  const path = name.replace(/\/+$/, '');
  if (path.startsWith('/') || path === '.' || path === '..') return undefined;
  if (repo.dirs.has(path)) return undefined;
  const top = [...repo.dirs].filter((d) => !d.includes('/'));
  return { messageId: 'missingFolder', tried: path, hint: didYouMean(path, top) };
}

/**
 * A path inside the image (see `classify`) that nothing names any more: its folder is one the
 * images repo or the wrapper (which also writes into containers) names, but no
 * file of theirs names the path (or its last segment after a `/`), and which is no path of the
 * images repo either; `unknown` when the repos were too large to be searched whole.
 */
export async function imagePathUnnamed(name: string, repos: ReleaseSnapshot[]): Promise<{ verdict: 'named' | 'unnamed' } | { verdict: 'unknown'; repo: ReleaseSnapshot }> {
  const path = name.replace(/\/+$/, '');
  const segments = path.split('/').filter(Boolean);
  const folder = `/${segments.slice(0, -1).join('/')}`;
  const indexes = await Promise.all(repos.map((r) => r.pathIndex()));
  if (!indexes.some((i) => i.folders.has(folder))) return { verdict: 'named' };
  if (repos.some((r) => r.files.has(path.slice(1)) || r.dirs.has(path.slice(1)))) return { verdict: 'named' };
  // A script may build the path from a variable (`"$SETUP_PATH/arsenal-cheats"`): its last segment
  // written after a `/` counts as naming it.
  if (indexes.some((i) => i.paths.has(path) || i.segments.has(segments[segments.length - 1]))) return { verdict: 'named' };
  const partial = repos.find((r, k) => !r.complete || !indexes[k].complete);
  return partial ? { verdict: 'unknown', repo: partial } : { verdict: 'unnamed' };
}

/** Branches of a repo as a message lists them: `main, dev` (release and dev branches first). */
export function branchList(branches: ReadonlySet<string>, first: readonly string[]): string {
  const ordered = [...first.filter((b) => branches.has(b)), ...[...branches].filter((b) => !first.includes(b)).sort()];
  return ordered.length > 8 ? `${ordered.slice(0, 8).join(', ')}, ...` : ordered.join(', ') || 'no branch';
}
