// Where a checked repository keeps its git data, and what format it is in, found by reading `.git`
// as data (a `.git` folder, or a `.git` file with `gitdir:` for linked worktrees and submodule
// checkouts, then `commondir`). Git is never asked: asking it would make it read the repo's config.
import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { GitDiskError, LIMITS, readGitFile } from './git-disk.js';
import { parseGitConfig } from './gitconfig.js';
import { visibleName } from './ref-names.js';

export interface RepoLocation {
  /** The work tree root; undefined for a git folder without one (a submodule's `.git/modules/<name>`). */
  workTree?: string;
  /** The repo's own git folder (HEAD, index): `.git`, or `.git/worktrees/<id>` of a linked worktree. */
  gitDir: string;
  /** Where refs, objects, config and `shallow` live: `gitDir` itself, or what `commondir` names. */
  commonDir: string;
}

export type Located = { ok: true; loc: RepoLocation } | { ok: false; reason: string; insideOf?: string };

/** The folder a one-line pointer file names (`.git`: "gitdir: <path>", `commondir`: "<path>"). */
function folderAt(file: string, relativeTo: string, what: string, prefix = ''): string {
  const raw = readGitFile(file, LIMITS.smallFile);
  if (raw === undefined) throw new GitDiskError(`${what} is missing`);
  const text = raw.toString('utf8').trim();
  if (!text.startsWith(prefix)) throw new GitDiskError(`${what} does not start with "${prefix}"`);
  const target = text.slice(prefix.length);
  let real: string;
  try {
    real = realpathSync(path.resolve(relativeTo, target));
  } catch {
    throw new GitDiskError(`${what} names a folder that does not exist (${visibleName(target)})`);
  }
  if (!lstatSync(real).isDirectory()) throw new GitDiskError(`${what} does not name a folder`);
  return real;
}

/** A git folder and its common folder (`commondir`, for linked worktrees). */
export function locateGitDir(gitDir: string, workTree?: string): RepoLocation {
  const commondir = path.join(gitDir, 'commondir');
  const commonDir = readGitFile(commondir, LIMITS.smallFile) === undefined ? gitDir : folderAt(commondir, gitDir, `${gitDir}/commondir`);
  return { workTree, gitDir, commonDir };
}

function lstatOrUndefined(p: string) {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

/** The repository whose work tree root is `root`; otherwise why not (not a repo, or inside one). */
export function locateWorkTree(root: string): Located {
  const dotGit = path.join(root, '.git');
  const stat = lstatOrUndefined(dotGit);
  if (!stat) {
    for (let dir = path.dirname(path.resolve(root)); ; dir = path.dirname(dir)) {
      if (lstatOrUndefined(path.join(dir, '.git'))) {
        return { ok: false, reason: `the folder is not the root of a git repository (it lies inside ${dir})`, insideOf: dir };
      }
      if (path.dirname(dir) === dir) return { ok: false, reason: 'not a git repository' };
    }
  }
  try {
    if (stat.isSymbolicLink()) throw new GitDiskError('.git is a symbolic link; not followed');
    if (stat.isDirectory()) return { ok: true, loc: locateGitDir(realpathSync(dotGit), root) };
    if (stat.isFile()) return { ok: true, loc: locateGitDir(folderAt(dotGit, root, 'the .git file', 'gitdir: '), root) };
    throw new GitDiskError('.git is neither a folder nor a file');
  } catch (err) {
    if (err instanceof GitDiskError) return { ok: false, reason: `cannot read .git: ${err.message}` };
    throw err;
  }
}

/** The work tree root at or above `start` (where git runs a hook from), or undefined. */
export function findWorkTreeRoot(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (lstatOrUndefined(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export interface RepoFormat {
  objectFormat: 'sha1' | 'sha256';
  /** `extensions.partialClone`: objects may be missing, and are never fetched. */
  partialClone: boolean;
}

/** Extensions git 2.39 knows and that change nothing for reading refs and objects here. */
const KNOWN_EXTENSIONS = new Set(['noop', 'noop-v1', 'preciousobjects', 'partialclone', 'worktreeconfig', 'objectformat']);

/**
 * The repository format from its config, read as data (includes are not followed: git does not
 * take the format from an included file either). Throws for what cannot be read safely.
 */
export function readRepoFormat(commonDir: string): RepoFormat {
  const raw = readGitFile(path.join(commonDir, 'config'), LIMITS.config);
  const config = parseGitConfig(raw?.toString('utf8') ?? '');
  if (config.error) throw new GitDiskError(`its config has a syntax error at line ${config.error.line} (${config.error.message})`);
  let version = 0;
  const extensions = new Map<string, string>();
  for (const e of config.entries) {
    if (e.section.subsection !== undefined) continue;
    if (e.section.name === 'core' && e.key === 'repositoryformatversion') version = Number(e.value);
    if (e.section.name === 'extensions') extensions.set(e.key, e.value ?? 'true');
  }
  if (version !== 0 && version !== 1) throw new GitDiskError(`core.repositoryformatversion is ${visibleName(String(version))}, which git 2.39 does not read`);
  if (version === 0) return { objectFormat: 'sha1', partialClone: extensions.has('partialclone') };
  for (const key of extensions.keys()) {
    if (!KNOWN_EXTENSIONS.has(key)) throw new GitDiskError(`the repository uses extensions.${visibleName(key)}, which porgs-lint cannot read safely`);
  }
  const format = (extensions.get('objectformat') ?? 'sha1').toLowerCase();
  if (format !== 'sha1' && format !== 'sha256') throw new GitDiskError(`extensions.objectformat is ${visibleName(format)}, which porgs-lint cannot read`);
  return { objectFormat: format, partialClone: extensions.has('partialclone') };
}
