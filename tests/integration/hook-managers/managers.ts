// The real hook managers, set up in a temp repository as their own docs say: husky and lefthook from
// this project's devDependencies, pre-commit from the system (Debian's package in CI). Each runs
// real git with the test's own environment.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { commitAll, git, GIT_ENV, makeRepo, tmpDir } from '../../helpers/git.js';

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const HUSKY = path.join(ROOT, 'node_modules/husky/bin.js');
const LEFTHOOK = path.join(ROOT, 'node_modules/.bin/lefthook');

export type ManagerName = 'plain' | 'husky' | 'lefthook' | 'pre-commit';

/** The environment of every git and manager run: the test's git environment, pre-commit's cache in a temp folder. */
export const MANAGER_ENV: NodeJS.ProcessEnv = { ...GIT_ENV, NO_COLOR: '1', PRE_COMMIT_HOME: tmpDir('porgs-pre-commit-'), PRE_COMMIT_COLOR: 'never' };

async function runIn(dir: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  try {
    const { stdout, stderr } = await exec(cmd, args, { cwd: dir, env: { ...MANAGER_ENV, ...env } });
    return stdout + stderr;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${dir}: ${e.stdout ?? ''}${e.stderr || e.message}`);
  }
}

/** A config each manager needs before it installs a pre-push hook: one team check of its own, which must keep running. */
const LEFTHOOK_YML = '# the team\'s hooks\npre-push:\n  commands:\n    team-check:\n      run: echo team-check-ran # keep this comment\n';
const PRE_COMMIT_YAML = [
  'repos:',
  '  - repo: local',
  '    hooks:',
  '      - id: team-check',
  '        name: team check',
  '        entry: echo team-check-ran',
  '        language: system',
  '        stages: [push]',
  '        pass_filenames: false',
  '        always_run: true',
  '        verbose: true',
  '',
].join('\n');

/** Sets up a manager as a repository would (its config committed, its hooks installed). */
export async function installManager(dir: string, manager: ManagerName | 'husky-prepare'): Promise<void> {
  if (manager === 'husky-prepare') await runIn(dir, process.execPath, [HUSKY]);
  else if (manager === 'husky') {
    await fs.mkdir(path.join(dir, '.husky'), { recursive: true });
    await fs.writeFile(path.join(dir, '.husky/pre-push'), 'echo team-check-ran\n');
    await commitAll(dir, 'husky');
    await runIn(dir, process.execPath, [HUSKY]);
  } else if (manager === 'lefthook') {
    await fs.writeFile(path.join(dir, 'lefthook.yml'), LEFTHOOK_YML);
    await commitAll(dir, 'lefthook');
    await runIn(dir, LEFTHOOK, ['install']);
  } else if (manager === 'pre-commit') {
    await fs.writeFile(path.join(dir, '.pre-commit-config.yaml'), PRE_COMMIT_YAML);
    await commitAll(dir, 'pre-commit');
    await runIn(dir, 'pre-commit', ['install', '--hook-type', 'pre-push']);
  }
}

export async function hookInstall(dir: string): Promise<{ code: number; stdout: string }> {
  const res = await runCli(['hook', 'install'], { cwd: dir });
  return { code: res.code, stdout: res.stdout + res.stderr };
}

export async function doctor(dir: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string }> {
  const res = await runCli(['hook', 'doctor'], { cwd: dir, env });
  return { code: res.code, stdout: res.stdout + res.stderr };
}

/** A wrapper repo on master with a bare "origin" holding master and dev. */
export async function releasedRepo(): Promise<string> {
  const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
  await git(dir, 'rm', '-q', '.gitmodules');
  await commitAll(dir, 'no submodules');
  const remote = tmpDir('porgs-remote-');
  await git(remote, 'init', '-q', '--bare');
  await git(dir, 'remote', 'add', 'origin', remote);
  await git(dir, 'branch', 'dev');
  await git(dir, 'push', '-q', 'origin', 'master', 'dev');
  return dir;
}

/** `git push` through whatever hooks are installed: exit code and everything printed (managers print on stdout). */
export async function pushVia(dir: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const r = await exec('git', ['push', ...args], { cwd: dir, env: { ...MANAGER_ENV, ...env } });
    return { code: 0, output: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

export function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}
