// Real git in temp dirs: fixture trees copied from tests/fixtures, history built by commands.
import { execFile, execFileSync } from 'node:child_process';
import { promises as fs, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A git environment that ignores the user's and the machine's configuration. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_'))),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Porg',
  GIT_AUTHOR_EMAIL: 'porg@example.com',
  GIT_COMMITTER_NAME: 'Porg',
  GIT_COMMITTER_EMAIL: 'porg@example.com',
  GIT_TERMINAL_PROMPT: '0',
};

const madeDirs = new Set<string>();

/** A fresh temp folder; every one is removed after its test file (tests/setup.ts). */
export function tmpDir(prefix = 'porgs-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  madeDirs.add(dir);
  return dir;
}

/** Removes the temp folders this test file made (modes restored first: a test may lock one). */
export function removeTmpDirs(): void {
  for (const dir of madeDirs) {
    try {
      execFileSync('chmod', ['-R', 'u+rwx', dir], { stdio: 'ignore' });
    } catch {
      // already gone, or nothing to restore
    }
    rmSync(dir, { recursive: true, force: true });
  }
  madeDirs.clear();
}

export async function git(dir: string, ...args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', ['-c', 'protocol.file.allow=always', ...args], { cwd: dir, env: GIT_ENV, maxBuffer: 64 * 1024 * 1024 });
    return stdout.trim();
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`git ${args.join(' ')} failed in ${dir}: ${e.stderr || e.message}`);
  }
}

/** `git push` as a user runs it, hooks included: its exit code and stderr, never a throw. */
export async function push(dir: string, ...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const r = await run('git', ['push', ...args], { cwd: dir, env: { ...GIT_ENV, NO_COLOR: '1' } });
    return { code: 0, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    await fs.mkdir(path.dirname(abs), { recursive: true });
    await fs.writeFile(abs, text);
  }
}

export async function copyFixture(name: string, dest: string): Promise<void> {
  await fs.cp(path.join(FIXTURES, name), dest, { recursive: true });
}

export async function commitAll(dir: string, message = 'commit'): Promise<string> {
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '--allow-empty', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

export interface MakeRepoOptions {
  fixture?: string;
  files?: Record<string, string>;
  branch?: string;
  objectFormat?: 'sha1' | 'sha256';
  /** Skip the initial commit. */
  empty?: boolean;
}

export async function makeRepo(opts: MakeRepoOptions = {}): Promise<string> {
  const dir = tmpDir();
  await git(dir, 'init', '-q', '-b', opts.branch ?? 'main', ...(opts.objectFormat === 'sha256' ? ['--object-format=sha256'] : []));
  await git(dir, 'config', 'user.name', 'Porg');
  await git(dir, 'config', 'user.email', 'porg@example.com');
  await git(dir, 'config', 'commit.gpgsign', 'false');
  await git(dir, 'config', 'tag.gpgsign', 'false');
  if (opts.fixture) await copyFixture(opts.fixture, dir);
  if (opts.files) await writeFiles(dir, opts.files);
  if (!opts.empty) await commitAll(dir, 'initial');
  return dir;
}

let signerP: Promise<{ key: string; allowedSigners: string }> | undefined;

/** A throwaway SSH signing key (ed25519, no passphrase) and an allowed-signers file for it. */
export function sshSigner(): Promise<{ key: string; allowedSigners: string }> {
  signerP ??= (async () => {
    const dir = tmpDir('porgs-key-');
    const key = path.join(dir, 'id_ed25519');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'porg@example.com', '-f', key]);
    const pub = (await fs.readFile(`${key}.pub`, 'utf8')).trim();
    const allowedSigners = path.join(dir, 'allowed_signers');
    await fs.writeFile(allowedSigners, `porg@example.com ${pub}\n`);
    return { key, allowedSigners };
  })();
  return signerP;
}

/** Configures a repo to sign with the throwaway SSH key. */
export async function useSshSigning(dir: string): Promise<void> {
  const { key, allowedSigners } = await sshSigner();
  await git(dir, 'config', 'gpg.format', 'ssh');
  await git(dir, 'config', 'user.signingkey', `${key}.pub`);
  await git(dir, 'config', 'gpg.ssh.allowedSignersFile', allowedSigners);
}

export async function tagRepo(dir: string, name: string, opts: { annotated?: boolean; signed?: boolean; rev?: string } = {}): Promise<void> {
  const target = opts.rev ? [opts.rev] : [];
  if (opts.signed) {
    await useSshSigning(dir);
    await git(dir, 'tag', '-s', name, '-m', name, ...target);
  } else if (opts.annotated) await git(dir, 'tag', '-a', name, '-m', name, ...target);
  else await git(dir, 'tag', name, ...target);
}

/** A plain folder (no git) with the given files or fixture. */
export async function makeFolder(opts: { fixture?: string; files?: Record<string, string> } = {}): Promise<string> {
  const dir = tmpDir();
  if (opts.fixture) await copyFixture(opts.fixture, dir);
  if (opts.files) await writeFiles(dir, opts.files);
  return dir;
}
