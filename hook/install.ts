// `porgs-lint hook install|uninstall|print`: porgs-lint's pre-push check added the way the hook
// manager in place expects it, never inside a manager's generated files, and removed again from
// wherever a manager moved it.
import { constants, promises as fs, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addCommand, removeCommand } from './lefthook-config.js';
import { BLOCK_END, BLOCK_START, huskyBlock, launcherScript, linesToAdd, lefthookRun, type Recorded } from './launcher.js';
import { exists, hasBlock, HookUsageError, inspect, managerOf, ownerOf, readText, type HookSetup } from './setup.js';

export { HookUsageError } from './setup.js';
export { MARKER } from './launcher.js';

/** The CLI of this porgs-lint, as the hook will run it. */
export const CLI = fileURLToPath(new URL('../runner/cli.js', import.meta.url));

export interface Outcome {
  /** 0: done; 1: the user has a line to add (printed). */
  code: number;
  lines: string[];
}

function recordedFor(root: string): Recorded {
  const cli = realpathSync(CLI);
  if (/\.zip[\\/]|[\\/]__virtual__[\\/]/.test(cli) || process.versions.pnp !== undefined) {
    throw new HookUsageError(
      "porgs-lint runs from Yarn Plug'n'Play's zip cache, which a git hook cannot run: install it with npm install --global porgs-lint, or set nodeLinker: node-modules, and run hook install from there",
    );
  }
  const rel = path.relative(realpathSync(root), cli);
  return rel.startsWith('..') || path.isAbsolute(rel) ? { cli } : { cli, fromRoot: rel };
}

/**
 * Writes a file only inside `within` (real paths) and never through a symbolic link or into a
 * special file: a repository may plant `.husky` or `lefthook.yml` as a link to a file of yours.
 */
async function writeRegular(file: string, text: string, within: string, mode = 0o644): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const dir = realpathSync(path.dirname(file));
  const inside = path.relative(realpathSync(within), dir);
  if (inside.startsWith('..') || path.isAbsolute(inside)) throw new HookUsageError(`${path.dirname(file)} leads outside ${within} (a symbolic link); nothing written`);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK, mode);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'ENXIO' || code === 'EISDIR') throw new HookUsageError(`${file} is not a regular file (a symbolic link or special file); nothing written`);
    throw err;
  }
  try {
    if (!(await handle.stat()).isFile()) throw new HookUsageError(`${file} is not a regular file; nothing written`);
    await handle.truncate(0);
    await handle.write(text, 0);
    await handle.chmod(mode);
  } finally {
    await handle.close();
  }
}

const rel = (s: HookSetup, file: string) => (path.relative(s.root, file).startsWith('..') ? file : path.relative(s.root, file));

/**
 * porgs-lint hooks that git no longer runs: the one a manager moved aside (lefthook's `.old`), the
 * one left in `.git/hooks` when husky moved `core.hooksPath`, and what an earlier `--chain`
 * install did (its hook inside a manager's folder, the hook it moved to `pre-push.local`).
 */
async function removeStale(s: HookSetup, keep: string | undefined, out: string[]): Promise<void> {
  const folders = new Set([s.hooksDir, path.join(s.commonDir, 'hooks'), path.join(s.root, '.husky', '_')]);
  for (const dir of folders) {
    for (const name of ['pre-push', 'pre-push.old', 'pre-push.legacy']) {
      const file = path.join(dir, name);
      if (file === keep || ownerOf(readText(file) ?? '') !== 'porgs-lint') continue;
      await fs.rm(file);
      const chained = path.join(dir, 'pre-push.local');
      if (name === 'pre-push' && exists(chained)) {
        await fs.rename(chained, file);
        out.push(`restored ${rel(s, file)} (it had been moved to pre-push.local)`);
      }
      out.push(`removed porgs-lint's hook ${rel(s, file)}, which git no longer ran`);
    }
  }
}

async function installHusky(s: HookSetup, out: string[]): Promise<number> {
  const file = path.join(s.root, '.husky', 'pre-push');
  const text = readText(file);
  if (!hasBlock(text)) {
    const lines = (text ?? '').split('\n');
    const at = lines[0]?.startsWith('#!') ? 1 : 0;
    lines.splice(at, 0, ...huskyBlock().trimEnd().split('\n'));
    await writeRegular(file, lines.join('\n').replace(/\n*$/, '\n'), s.root);
    out.push(`added porgs-lint to .husky/pre-push (commit it; each clone runs "porgs-lint hook install" once)`);
  } else out.push('.husky/pre-push already runs porgs-lint');
  if (s.preCommitConfig) out.push('note: pre-commit does not install its hooks while core.hooksPath is set (husky sets it): its pre-push hooks do not run');
  return 0;
}

async function installLefthook(s: HookSetup, out: string[]): Promise<number> {
  const file = s.lefthookConfig ?? path.join(s.root, 'lefthook.yml');
  let next: string | undefined;
  try {
    next = addCommand(readText(file) ?? '');
  } catch (err) {
    out.push(`cannot edit ${rel(s, file)}: ${(err as Error).message}; add this command under pre-push.commands:`);
    out.push(`porgs-lint:\n  run: |\n${lefthookRun().trimEnd().replace(/^/gm, '    ')}\n  use_stdin: true`);
    return 1;
  }
  if (next === undefined) out.push(`${rel(s, file)} already runs porgs-lint with use_stdin: true`);
  else {
    await writeRegular(file, next, s.root);
    out.push(`added the porgs-lint command (use_stdin: true) to pre-push in ${rel(s, file)} (commit it; each clone runs "porgs-lint hook install" once)`);
  }
  return 0;
}

/** A hook porgs-lint may not replace: its lines are printed for the user to add. */
function askToAdd(s: HookSetup, file: string, why: string, out: string[]): number {
  if (hasBlock(readText(file))) {
    out.push(`${rel(s, file)} already runs porgs-lint`);
    return 0;
  }
  out.push(`${why}; add these lines to ${file}, near its top:`, linesToAdd(s.launcher).trimEnd());
  return 1;
}

export async function install(cwd: string): Promise<Outcome> {
  let s = await inspect(cwd);
  const recorded = recordedFor(s.root);
  const out: string[] = [];
  // An earlier `--chain` install kept the user's hook as pre-push.local: it goes back in place.
  const chained = path.join(s.hooksDir, 'pre-push.local');
  if (s.prePush?.owner === 'porgs-lint' && exists(chained)) {
    await fs.rename(chained, s.prePush.file);
    out.push(`restored your hook ${rel(s, s.prePush.file)} from pre-push.local`);
    s = await inspect(cwd);
  }
  const manager = managerOf(s);
  const launcherTarget =
    manager === 'plain' && s.hooksFolder !== 'outside-config' && (!s.prePush || s.prePush.owner === 'porgs-lint')
      ? path.join(s.hooksDir, 'pre-push')
      : manager === 'pre-commit'
        ? path.join(s.hooksDir, 'pre-push.legacy')
        : s.launcher;
  if (manager === 'pre-commit' && exists(launcherTarget) && ownerOf(readText(launcherTarget) ?? '') !== 'porgs-lint') {
    await writeRegular(s.launcher, launcherScript(recorded), s.gitDir, 0o755);
    return { code: askToAdd(s, launcherTarget, "pre-commit runs this earlier hook first (migration mode) and porgs-lint's would replace it", out), lines: out };
  }
  await removeStale(s, launcherTarget, out);
  await writeRegular(launcherTarget, launcherScript(recorded), launcherTarget === s.launcher ? s.gitDir : s.hooksDir, 0o755);
  if (launcherTarget !== s.launcher && exists(s.launcher)) await fs.rm(s.launcher);
  let code = 0;
  if (manager === 'husky') code = await installHusky(s, out);
  else if (manager === 'lefthook') code = await installLefthook(s, out);
  else if (manager === 'pre-commit') out.push(`installed ${rel(s, launcherTarget)}: pre-commit's hook runs it first with git's input, then its own hooks`);
  else if (s.hooksFolder === 'outside-config') {
    code = askToAdd(s, path.join(s.hooksDir, 'pre-push'), `core.hooksPath (${s.hooksDir}) is set outside this repository and shared with others; porgs-lint does not write there`, out);
  } else if (launcherTarget === s.launcher) code = askToAdd(s, s.prePush!.file, `${rel(s, s.prePush!.file)} exists and was not written by porgs-lint`, out);
  else out.push(`installed ${rel(s, launcherTarget)}`);
  if (manager === 'plain' && s.lefthookConfig) out.push(`note: lefthook does not run pre-push here; if ${rel(s, s.lefthookConfig)} gets a pre-push hook, lefthook moves this one aside: run "porgs-lint hook install" again then`);
  if (manager === 'plain' && s.preCommitConfig) out.push('note: a later "pre-commit install --hook-type pre-push" keeps porgs-lint running (as pre-push.legacy, before its own hooks)');
  return { code, lines: out };
}

async function removeHuskyBlock(s: HookSetup, out: string[]): Promise<void> {
  const file = path.join(s.root, '.husky', 'pre-push');
  const text = readText(file);
  if (!hasBlock(text)) return;
  const start = text!.indexOf(BLOCK_START);
  const endAt = text!.indexOf(BLOCK_END, start);
  if (endAt < 0) {
    out.push(`.husky/pre-push: the porgs-lint block has no end line; remove it by hand`);
    return;
  }
  const rest = text!.slice(0, start) + text!.slice(text!.indexOf('\n', endAt) + 1 || text!.length);
  if (rest.replace(/^#!.*\n?/, '').trim() === '') await fs.rm(file);
  else await writeRegular(file, rest, s.root);
  out.push(`removed porgs-lint from .husky/pre-push`);
}

export async function uninstall(cwd: string): Promise<string[]> {
  const s = await inspect(cwd);
  const out: string[] = [];
  await removeStale(s, undefined, out);
  await removeHuskyBlock(s, out);
  if (s.lefthookConfig) {
    const next = removeCommand(readText(s.lefthookConfig) ?? '');
    if (next !== undefined) {
      await writeRegular(s.lefthookConfig, next, s.root);
      out.push(`removed the porgs-lint command from ${rel(s, s.lefthookConfig)}`);
    }
  }
  if (exists(s.launcher)) {
    await fs.rm(s.launcher);
    await fs.rmdir(path.dirname(s.launcher)).catch(() => undefined);
    out.push(`removed ${s.launcher}`);
  }
  if (s.prePush && s.prePush.owner !== 'porgs-lint' && hasBlock(readText(s.prePush.file))) {
    out.push(`${s.prePush.file} still holds porgs-lint lines you added; remove them there`);
  }
  if (out.length === 0) out.push(`nothing to remove: porgs-lint is not installed in ${s.root}`);
  return out;
}

export function snippet(manager: string): string {
  switch (manager) {
    case 'husky':
      return `# .husky/pre-push ("porgs-lint hook install" adds this and writes the launcher it runs)\n${huskyBlock()}`;
    case 'lefthook':
      return `# lefthook.yml ("porgs-lint hook install" adds this and writes the launcher it runs)\npre-push:\n  commands:\n    porgs-lint:\n      run: |\n${lefthookRun().trimEnd().replace(/^/gm, '        ')}\n      use_stdin: true\n`;
    case 'pre-commit':
      return [
        '# pre-commit passes a pre-push hook one ref per push, and none for a tag on commits the remote',
        '# has or a deletion: a release tag is never seen from .pre-commit-config.yaml. Instead, after',
        '# "pre-commit install --hook-type pre-push", run "porgs-lint hook install": porgs-lint becomes',
        "# pre-commit's pre-push.legacy, which pre-commit runs first with git's input, then its own hooks.",
        '',
      ].join('\n');
    default:
      throw new HookUsageError(`hook print ${manager}: unknown manager; use husky, lefthook or pre-commit`);
  }
}
