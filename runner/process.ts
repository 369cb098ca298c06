// The one place where porgs-lint starts a child process. Only git, only read-only plumbing, only
// against a git folder porgs-lint made itself (runner/git-shadow.ts), with a time limit, and with
// switches that keep git from running a program even if a config somehow reached it.
import { spawn, type ChildProcess } from 'node:child_process';
import { isShadowDir } from './git-shadow.js';

/** Read-only plumbing: nothing here writes, fetches, pages, or runs a hook. */
export const ALLOWED_SUBCOMMANDS: ReadonlySet<string> = new Set(['rev-parse', 'cat-file', 'for-each-ref', 'ls-tree', 'merge-base', 'rev-list', 'verify-tag']);

export const DEFAULT_TIMEOUT_MS = 20_000;

/** Variables that would point git at another repository, or at files a repository chose. */
const STRIPPED_ENV = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_PREFIX',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_SHALLOW_FILE',
  'GIT_REPLACE_REF_BASE',
  'GIT_QUARANTINE_PATH',
  'GIT_INTERNAL_SUPER_PREFIX',
];

/**
 * The user's environment (their own global and system git config stay trusted: GIT_CONFIG_NOSYSTEM
 * is not set), without the variables above, and with git's own brakes on: no prompt, no lazy
 * fetch (git 2.44+; the shadow folder has no promisor remote on older gits), no replace refs,
 * no optional locks, no pager.
 */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_NO_LAZY_FETCH: '1',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    LC_ALL: 'C',
  };
  for (const k of STRIPPED_ENV) delete env[k];
  return env;
}

const SAFETY_SWITCHES = ['-c', 'core.fsmonitor=false', '-c', 'protocol.allow=never', '-c', 'core.quotePath=false'];

export class GatewayError extends Error {}

export interface GitProcess {
  child: ChildProcess;
  /** Resolves once the process has exited: its status, or why it was stopped. */
  exited: Promise<{ code: number; failure?: string }>;
  /** Starts (or restarts) the time limit. One-shot calls are armed from the start. */
  arm(): void;
  /** Stops the time limit (a long-lived process waiting for its next request). */
  disarm(): void;
  /** Stops the process and reports `failure`. */
  stop(failure: string): void;
}

const stats = { started: 0, bySubcommand: new Map<string, number>() };

/** How many git processes this process has started, in total and per subcommand (for tests and benchmarks). */
export function processStats(): { started: number; bySubcommand: Record<string, number> } {
  return { started: stats.started, bySubcommand: Object.fromEntries(stats.bySubcommand) };
}

/** Starts counting from zero. */
export function resetProcessStats(): void {
  stats.started = 0;
  stats.bySubcommand.clear();
}

/** The single spawn site. */
function launch(argv: string[], cwd: string, stdin: 'pipe' | 'ignore', timeoutMs: number): GitProcess {
  let failure: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const sub = argv.find((a) => ALLOWED_SUBCOMMANDS.has(a)) ?? 'other';
  stats.started++;
  stats.bySubcommand.set(sub, (stats.bySubcommand.get(sub) ?? 0) + 1);
  const child = spawn('git', argv, { cwd, env: gitEnv(), stdio: [stdin, 'pipe', 'pipe'], windowsHide: true });
  const stop = (why: string) => {
    failure ??= why;
    clearTimeout(timer);
    child.kill('SIGKILL');
  };
  const exited = new Promise<{ code: number; failure?: string }>((resolve) => {
    child.on('error', (err) => {
      failure ??= `git could not be started (${(err as NodeJS.ErrnoException).code ?? err.message})`;
      resolve({ code: -1, failure });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve(failure || code === null ? { code: -1, failure: failure ?? `git was stopped by ${signal}` } : { code });
    });
  });
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => stop(`git ${argv.find((a) => ALLOWED_SUBCOMMANDS.has(a)) ?? ''} did not finish within ${timeoutMs / 1000} s and was stopped`), timeoutMs);
    timer.unref();
  };
  return { child, exited, arm, disarm: () => clearTimeout(timer), stop };
}

export interface GitCall {
  /** A git folder made by runner/git-shadow.ts: git never runs on the checked repo itself. */
  gitDir: string;
  /** Subcommand first; repo-controlled values after `--end-of-options` (or on stdin). */
  args: readonly string[];
  stdin?: 'pipe' | 'ignore';
  timeoutMs?: number;
  /** Start with the time limit off (a long-lived `cat-file --batch` arms it per request). */
  idle?: boolean;
}

export function startGit(call: GitCall): GitProcess {
  const [sub] = call.args;
  if (!ALLOWED_SUBCOMMANDS.has(sub)) throw new GatewayError(`git ${sub} is not an allowed subcommand`);
  if (!isShadowDir(call.gitDir)) throw new GatewayError(`git runs only on a git folder porgs-lint made, not on ${call.gitDir}`);
  const argv = ['--no-pager', `--git-dir=${call.gitDir}`, '-c', 'core.hooksPath=/dev/null', ...SAFETY_SWITCHES, ...call.args];
  const proc = launch(argv, call.gitDir, call.stdin ?? 'pipe', call.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (!call.idle) proc.arm();
  return proc;
}

/**
 * Where git looks for hooks in the repository at `cwd` (`git rev-parse --git-path hooks`), for
 * `porgs-lint hook install|uninstall`, commands the user runs on their own clone to change it. The
 * one git call on a repository itself: the answer depends on its `core.hooksPath`, and
 * `rev-parse --git-path` runs no program whatever the config says.
 */
export function startHooksPathQuery(cwd: string): GitProcess {
  const proc = launch(['--no-pager', ...SAFETY_SWITCHES, 'rev-parse', '--git-path', 'hooks'], cwd, 'ignore', DEFAULT_TIMEOUT_MS);
  proc.arm();
  return proc;
}
