// `porgs-lint hook which`: the porgs-lint CLI a hook should run in the repository at hand, asked of
// a porgs-lint the user installed (on PATH) when the one recorded at install time is gone. The
// repo's own `node_modules/.bin/porgs-lint` wins only when git tracks nothing under `node_modules/`
// (a clone from a stranger may commit one): the index is read as data, git is never run.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { GitDiskError, LIMITS, readGitFile } from '../runner/git-disk.js';
import { parseIndex } from '../runner/git-index.js';
import { findWorkTreeRoot, locateWorkTree, readRepoFormat } from '../runner/git-locate.js';

export type RepoInstall = { cli: string } | { skipped: string };

/** Whether git tracks anything under `node_modules/` in the work tree at `root`; a string says why it cannot tell. */
export function tracksNodeModules(root: string): boolean | string {
  const located = locateWorkTree(root);
  if (!located.ok) return located.reason;
  try {
    const format = readRepoFormat(located.loc.commonDir);
    const raw = readGitFile(path.join(located.loc.gitDir, 'index'), LIMITS.index);
    if (raw === undefined) return false;
    return parseIndex(raw, format.objectFormat === 'sha256' ? 32 : 20).some((e) => e.path === 'node_modules' || e.path.startsWith('node_modules/'));
  } catch (err) {
    if (err instanceof GitDiskError) return err.message;
    throw err;
  }
}

/** The repo's own porgs-lint CLI, if it has one this hook may run. */
export function repoInstall(root: string): RepoInstall | undefined {
  const bin = path.join(root, 'node_modules', '.bin', 'porgs-lint');
  let cli: string;
  try {
    cli = realpathSync(bin);
  } catch {
    return undefined;
  }
  const modules = realpathSync(path.join(root, 'node_modules'));
  const inside = path.relative(modules, cli);
  if (inside.startsWith('..') || path.isAbsolute(inside) || !statSync(cli).isFile()) return { skipped: 'node_modules/.bin/porgs-lint leads outside node_modules' };
  const tracked = tracksNodeModules(root);
  if (tracked === true) return { skipped: 'git tracks files under node_modules/ here, so its porgs-lint is not run' };
  if (tracked !== false) return { skipped: `whether git tracks node_modules/ is unknown (${tracked}), so its porgs-lint is not run` };
  return { cli };
}

/** The CLI to run from `cwd`, and a note when the repo's own was passed over. */
export function which(cwd: string, own: string): { cli: string; note?: string } {
  const root = findWorkTreeRoot(cwd);
  const found = root === undefined ? undefined : repoInstall(root);
  if (found && 'cli' in found) return { cli: found.cli };
  return { cli: realpathSync(own), ...(found ? { note: found.skipped } : {}) };
}
