// Where a checked repository keeps its git data, and what format it is in, found by reading `.git`
// as data (a `.git` folder, or a `.git` file with `gitdir:` for linked worktrees and submodule
// checkouts, then `commondir`). Git is never asked: asking it would make it read the repo's config.
import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { visible } from './escape.js';
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

/** `inner` lies strictly inside `outer` (both real paths): no `..` step leaves it. */
function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * A git folder and its common folder (`commondir`, for linked worktrees). `confine` is the folder
 * the common folder must stay in (itself or below): a `commondir` naming anything else would make
 * porgs-lint read a repository the user never pointed it at.
 */
export function locateGitDir(gitDir: string, workTree?: string, confine: string = gitDir): RepoLocation {
  const commondir = path.join(gitDir, 'commondir');
  if (readGitFile(commondir, LIMITS.smallFile) === undefined) return { workTree, gitDir, commonDir: gitDir };
  const commonDir = folderAt(commondir, gitDir, `${visible(gitDir)}/commondir`);
  const root = realpathSync(confine);
  if (commonDir !== root && !isInside(commonDir, root)) {
    throw new GitDiskError(`${visible(gitDir)}/commondir points at ${visible(commonDir)}, outside ${visible(root)}; not read`);
  }
  return { workTree, gitDir, commonDir };
}

/** The real path a one-line pointer file names, or undefined when it names nothing readable. */
function pathAt(file: string, relativeTo: string): string | undefined {
  try {
    const raw = readGitFile(file, LIMITS.smallFile);
    return raw === undefined ? undefined : realpathSync(path.resolve(relativeTo, raw.toString('utf8').trim()));
  } catch (err) {
    if (err instanceof GitDiskError) return undefined;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw err;
  }
}

/**
 * A linked worktree's git folder, as `git worktree add` makes it: its `gitdir` file names this
 * very `.git` file, and its `commondir` names a git folder whose `worktrees/` holds it.
 */
function linkedWorktree(target: string, dotGit: string, root: string): RepoLocation | undefined {
  if (pathAt(path.join(target, 'gitdir'), target) !== realpathSync(dotGit)) return undefined;
  const common = pathAt(path.join(target, 'commondir'), target);
  if (common === undefined) return undefined;
  const worktrees = path.join(common, 'worktrees');
  if (!lstatOrUndefined(worktrees)?.isDirectory()) return undefined;
  if (realOrUndefined(path.join(worktrees, path.basename(target))) !== target) return undefined;
  return { workTree: root, gitDir: target, commonDir: common };
}

/**
 * A submodule checkout's git folder, as git makes it: inside `modules/` of the git folder of a
 * repository above the checkout. Its `commondir`, if any, stays inside that same git folder.
 */
function submoduleCheckout(target: string, root: string): RepoLocation | undefined {
  for (let dir = path.dirname(realpathSync(root)); ; dir = path.dirname(dir)) {
    if (lstatOrUndefined(path.join(dir, '.git'))) {
      const above = locateWorkTree(dir);
      if (!above.ok) return undefined;
      for (const owner of new Set([above.loc.gitDir, above.loc.commonDir])) {
        const modules = path.join(owner, 'modules');
        if (!lstatOrUndefined(modules)?.isDirectory()) continue;
        if (isInside(target, realpathSync(modules))) return locateGitDir(target, root, owner);
      }
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Where a `.git` file leads, followed only to a worktree or submodule git folder of this checkout. */
function followDotGitFile(dotGit: string, root: string): RepoLocation {
  const target = folderAt(dotGit, root, 'the .git file', 'gitdir: ');
  const loc = linkedWorktree(target, dotGit, root) ?? submoduleCheckout(target, root);
  if (loc) return loc;
  throw new GitDiskError(`the .git file points at ${visible(target)}, which is not a worktree or submodule git folder of this checkout; not read`);
}

function realOrUndefined(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
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
    if (stat.isFile()) return { ok: true, loc: followDotGitFile(dotGit, root) };
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
