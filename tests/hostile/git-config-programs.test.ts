// A repository whose .git/config (directly, or through include.path pointing at a committed file)
// names programs for git to run: fsmonitor, filters, textconv, external diff, pagers, aliases,
// hooks, credential helpers, askpass, ssh command, upload-pack. Each program writes a marker;
// none may appear, whatever porgs-lint is asked to do.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { commitAll, git, GIT_ENV, makeRepo, writeFiles } from '../helpers/git.js';
import { tempFolders, trap, trapFolder, type Trap } from '../helpers/hostile.js';

const keep = tempFolders();
const run = promisify(execFile);
const Z = '0'.repeat(40);

const KEYS = [
  'core.fsmonitor',
  'filter.evil.clean',
  'filter.evil.smudge',
  'filter.evil.process',
  'diff.evil.textconv',
  'diff.external',
  'core.pager',
  'pager.log',
  'alias.log-evil',
  'credential.helper',
  'core.askPass',
  'core.sshCommand',
  'remote.origin.uploadpack',
  'remote.origin.receivepack',
  'core.editor',
  'sequence.editor',
] as const;

/** Every key above set to its own trap; `via` decides where the settings live. */
async function hostileRepo(via: 'config' | 'include'): Promise<{ dir: string; traps: Map<string, Trap> }> {
  const folder = trapFolder(keep);
  const traps = new Map<string, Trap>(KEYS.map((k) => [k, trap(folder, k.replace(/\W/g, '_'))]));
  const hooks = trap(folder, 'hooks');
  const dir = keep(await makeRepo({ fixture: 'wrapper-5x', branch: 'master' }));
  await fs.mkdir(path.join(folder, 'hooks'));
  for (const hook of ['pre-commit', 'post-checkout', 'pre-push', 'post-index-change', 'reference-transaction', 'fsmonitor-watchman']) {
    await fs.copyFile(hooks.program, path.join(folder, 'hooks', hook));
    await fs.chmod(path.join(folder, 'hooks', hook), 0o755);
  }
  traps.set('core.hooksPath', hooks);
  const settings = [...KEYS.map((k) => [k, `${k.startsWith('alias.') ? '!' : ''}${traps.get(k)!.program}`]), ['core.hooksPath', path.join(folder, 'hooks')], ['remote.origin.url', 'ssh://git@example.invalid/x.git']];
  const text = settings.map(([k, v]) => `[${k.split('.').slice(0, -1).join('.').replace(/^(\w+)\.(.+)$/, '$1 "$2"')}]\n\t${k.split('.').pop()} = ${v}\n`).join('');
  await writeFiles(dir, { '.gitattributes': '* filter=evil diff=evil\n', 'exegol/evil.txt': 'x\n', 'hostile.gitconfig': text });
  await commitAll(dir, 'attributes and a config file, committed');
  await git(dir, 'tag', '5.1.4');
  // The settings take effect from here on: in .git/config itself, or included from the committed file.
  await fs.appendFile(path.join(dir, '.git/config'), via === 'config' ? text : '[include]\n\tpath = ../hostile.gitconfig\n');
  return { dir, traps };
}

const fired = (traps: Map<string, Trap>) => [...traps].filter(([, t]) => t.fired()).map(([k]) => k);

describe.each(['config', 'include'] as const)('programs named by the repo (.git/config via %s)', (via) => {
  it('are live: git itself runs them on the usual commands', async () => {
    const { dir, traps } = await hostileRepo(via);
    const gitHere = (...args: string[]) => run('git', args, { cwd: dir, env: { ...GIT_ENV, GIT_TERMINAL_PROMPT: '0' } }).catch(() => undefined);
    await gitHere('ls-files', '-s');
    await gitHere('fetch', 'origin');
    await gitHere('log-evil');
    await run('sh', ['-c', 'printf "protocol=https\\nhost=example.com\\n\\n" | git credential fill'], { cwd: dir, env: GIT_ENV }).catch(() => undefined);
    await writeFiles(dir, { 'exegol/evil.txt': 'y\n' });
    await gitHere('diff');
    // The filter process fails (it is a trap): with plain filters, diff and commit go further.
    const noFilterProcess = ['-c', 'filter.evil.process=', '-c', 'filter.evil.clean=cat', '-c', 'filter.evil.smudge=cat'];
    await gitHere(...noFilterProcess, 'diff');
    await gitHere(...noFilterProcess, 'commit', '-qam', 'x');
    expect(fired(traps).sort()).toEqual(['alias.log-evil', 'core.askPass', 'core.fsmonitor', 'core.hooksPath', 'core.sshCommand', 'credential.helper', 'diff.external', 'filter.evil.process']);
  });

  it('are never run by a lint, a release lint, --rev, or the pre-push hook, and each gives its usual outcome', async () => {
    const { dir, traps } = await hostileRepo(via);
    const dev = await runCli(['--mode', 'dev', '--format', 'json', dir]);
    expect(JSON.parse(dev.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain('wrapper/gitmodules-gitlink');
    const release = await runCli(['--mode', 'release', '--format', 'json', dir]);
    expect(release.code).toBe(1);
    const rev = await runCli(['--rev', 'HEAD', '--format', 'json', dir]);
    expect(JSON.parse(rev.stdout).repos[0].commit).toBe(await git(dir, 'rev-parse', 'HEAD'));
    const head = await git(dir, 'rev-parse', 'HEAD');
    const hook = await runCli(['pre-push', 'origin', 'url', '--verify-signatures'], {
      cwd: dir,
      input: `refs/tags/5.1.4 ${head} refs/tags/5.1.4 ${Z}\nrefs/heads/dev ${head} refs/heads/dev ${Z}\n`,
    });
    expect(hook.code).toBe(1);
    expect(hook.stderr).toContain('tag 5.1.4 is a lightweight tag');
    expect(fired(traps)).toEqual([]);
  });
});
