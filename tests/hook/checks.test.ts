// Checks driven through `porgs-lint pre-push` directly, with git's stdin lines written by the test.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { commitAll, git, makeRepo, sshSigner, tagRepo, tmpDir, writeFiles } from '../helpers/git.js';
import { diagnosticsOf } from './findings.js';

const Z = '0'.repeat(40);

async function repo() {
  const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
  await git(dir, 'rm', '-q', '.gitmodules');
  await commitAll(dir, 'no submodules');
  return dir;
}

const prePush = (dir: string, line: string, ...flags: string[]) => runCli(['pre-push', 'origin', 'url', ...flags], { cwd: dir, input: `${line}\n` });
const json = (dir: string, line: string) => prePush(dir, line, '--format', 'json');
/** What identifies each finding: check, messageId and data. */
const found = (stdout: string) => diagnosticsOf(stdout).map((d) => [d.ruleId, d.messageId, d.data]);

/** The user's own global git config (trusted), naming an allowed-signers file. */
async function userConfig(allowedSigners: string): Promise<NodeJS.ProcessEnv> {
  const dir = tmpDir('porgs-home-');
  await writeFiles(dir, { gitconfig: `[gpg "ssh"]\n\tallowedSignersFile = ${allowedSigners}\n` });
  return { GIT_CONFIG_GLOBAL: path.join(dir, 'gitconfig') };
}

describe('pre-push checks', () => {
  it('reports "signed" and "verified" separately with --verify-signatures, trusting only the user\'s own config', async () => {
    const dir = await repo();
    await tagRepo(dir, '5.1.4', { signed: true });
    const tagObj = await git(dir, 'rev-parse', '5.1.4');
    const line = `refs/tags/5.1.4 ${tagObj} refs/tags/5.1.4 ${Z}`;
    const verify = (env: NodeJS.ProcessEnv, ...flags: string[]) =>
      runCli(['pre-push', 'origin', 'url', '--verify-signatures', ...flags], { cwd: dir, input: `${line}\n`, env });
    const trusted = await verify(await userConfig((await sshSigner()).allowedSigners), '--format', 'json');
    expect([trusted.code, JSON.parse(trusted.stdout).diagnostics]).toEqual([0, []]);
    // The repo's own config names the right allowed-signers file (tagRepo put it there): not used.
    expect(await git(dir, 'config', 'gpg.ssh.allowedSignersFile')).toBe((await sshSigner()).allowedSigners);
    const unverifiable = await verify({}, '--format', 'json');
    expect(unverifiable.code).toBe(0);
    expect(diagnosticsOf(unverifiable.stdout)).toEqual([
      expect.objectContaining({ ruleId: 'hook/tag-signed', severity: 'note', unverified: true, messageId: 'noKeys', data: { tag: '5.1.4' } }),
    ]);
    const other = tmpDir('porgs-signers-');
    await writeFiles(other, { allowed: 'someone@example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGf6bXJ0c6e6Y2Y9s3gS7jN9YbY0aLQ2eG0yZ1c2b3Jn\n' });
    const untrusted = await verify(await userConfig(`${other}/allowed`), '--format', 'json');
    expect(untrusted.code).toBe(1);
    expect(diagnosticsOf(untrusted.stdout)).toEqual([
      expect.objectContaining({ ruleId: 'hook/tag-signed', severity: 'error', messageId: 'badSignature', data: { tag: '5.1.4', reason: 'No principal matched.' } }),
    ]);
  });

  it('blocks moving a published tag and a tag off the release branch', async () => {
    const dir = await repo();
    await tagRepo(dir, '5.1.4', { signed: true });
    const old = await git(dir, 'rev-parse', '5.1.4');
    await git(dir, 'checkout', '-q', '-b', 'feature');
    await writeFiles(dir, { 'f.txt': 'f' });
    await commitAll(dir, 'feature');
    await git(dir, 'tag', '-d', '5.1.4');
    await tagRepo(dir, '5.1.4', { signed: true });
    const moved = await git(dir, 'rev-parse', '5.1.4');
    const feature = await git(dir, 'rev-parse', 'HEAD');
    const res = await json(dir, `refs/tags/5.1.4 ${moved} refs/tags/5.1.4 ${old}`);
    expect(res.code).toBe(1);
    expect(found(res.stdout)).toEqual(
      expect.arrayContaining([
        ['hook/tag-not-moved', 'moved', { tag: '5.1.4', remote: 'origin', remoteObject: old.slice(0, 12) }],
        ['hook/tag-on-release-branch', 'notOnReleaseBranch', { tag: '5.1.4', commit: feature.slice(0, 12), branches: 'master', branch: 'master' }],
      ]),
    );
  });

  it('cannot verify a dev push whose remote commit is unknown here, and blocks it: fetch first', async () => {
    const dir = await repo();
    const head = await git(dir, 'rev-parse', 'HEAD');
    const res = await json(dir, `refs/heads/dev ${head} refs/heads/dev ${'1'.repeat(40)}`);
    expect(res.code).toBe(1);
    expect(diagnosticsOf(res.stdout)).toEqual([
      expect.objectContaining({
        ruleId: 'hook/dev-fast-forward',
        severity: 'error',
        unverified: true,
        messageId: 'remoteUnknown',
        data: { branch: 'dev', remoteCommit: '1'.repeat(12), command: 'git fetch origin' },
      }),
    ]);
  });

  it('takes check severities per repo kind from the config', async () => {
    const dir = await repo();
    await writeFiles(dir, { 'porgs-lint.toml': '[kinds.wrapper]\nrules = { "hook/tag-signed" = "warning", "hook/tag-release-rules" = "off" }\n' });
    await tagRepo(dir, '5.1.4');
    const head = await git(dir, 'rev-parse', 'HEAD');
    const res = await json(dir, `refs/tags/5.1.4 ${head} refs/tags/5.1.4 ${Z}`);
    expect(res.code).toBe(0);
    expect(diagnosticsOf(res.stdout)).toEqual([
      expect.objectContaining({ ruleId: 'hook/tag-signed', severity: 'warning', messageId: 'lightweight', data: { tag: '5.1.4', command: `git tag -s -f 5.1.4 -m '5.1.4' ${head.slice(0, 12)}` } }),
    ]);
  });

  it("uses the config's release branch for the kind", async () => {
    const dir = await repo();
    await git(dir, 'checkout', '-q', '-b', 'stable');
    await writeFiles(dir, { 'stable.txt': 's' });
    await commitAll(dir, 'on stable only');
    await tagRepo(dir, '5.1.4', { signed: true });
    const stable = await git(dir, 'rev-parse', 'HEAD');
    const line = `refs/tags/5.1.4 ${await git(dir, 'rev-parse', '5.1.4')} refs/tags/5.1.4 ${Z}`;
    expect(found((await json(dir, line)).stdout)).toContainEqual([
      'hook/tag-on-release-branch',
      'notOnReleaseBranch',
      { tag: '5.1.4', commit: stable.slice(0, 12), branches: 'master', branch: 'master' },
    ]);
    await writeFiles(dir, { 'porgs-lint.toml': '[kinds.wrapper]\nrelease-branches = ["stable"]\nrules = { "hook/tag-release-rules" = "off" }\n' });
    const res = await json(dir, line);
    expect([res.code, found(res.stdout)]).toEqual([0, []]);
  });

  it('fails closed with exit 2 on malformed input, naming the escape hatch only for real failures', async () => {
    const dir = await repo();
    const res = await prePush(dir, 'garbage');
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/pre-push input line 1 is not/);
  });
});
