// Runs the built CLI (dist/) as a user would: a real process, real exit code.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { GIT_ENV, tmpDir } from './git.js';

/** Parse cache of the CLI runs of this test process, away from the user's own cache. */
export const CLI_CACHE_DIR = tmpDir('porgs-cache-');

export const CLI = fileURLToPath(new URL('../../dist/runner/cli.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  /** Run as this user and group (a root test process runs it as another user to meet permissions). */
  uid?: number;
  gid?: number;
  /** Kill the run after this many milliseconds (a run that could hang, e.g. on a FIFO). */
  timeout?: number;
}

export function runCli(args: string[], opts: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...GIT_ENV, NO_COLOR: '1', PORGS_LINT_CACHE_DIR: CLI_CACHE_DIR, ...opts.env };
    for (const k of ['GITHUB_REF', 'GITHUB_BASE_REF', 'GITHUB_HEAD_REF', 'GITHUB_STEP_SUMMARY', 'FORCE_COLOR']) if (!(opts.env && k in opts.env)) delete env[k];
    const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd, env, uid: opts.uid, gid: opts.gid, timeout: opts.timeout, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}
