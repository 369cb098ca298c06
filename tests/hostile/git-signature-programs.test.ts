// Signature checks (`pre-push --verify-signatures`): a repository's config may name the program
// that checks signatures (gpg.program, gpg.ssh.program) and the signers it trusts
// (gpg.ssh.allowedSignersFile, e.g. a committed file). None of it may be used: programs and
// signers come from the user's own config only.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { commitAll, git, GIT_ENV, makeRepo, sshSigner, tagRepo, tmpDir, writeFiles } from '../helpers/git.js';
import { tempFolders, trap, trapFolder } from '../helpers/hostile.js';

const keep = tempFolders();
const run = promisify(execFile);
const Z = '0'.repeat(40);

async function signedRelease() {
  const dir = keep(await makeRepo({ fixture: 'wrapper-5x', branch: 'master' }));
  await git(dir, 'rm', '-q', '.gitmodules');
  const { allowedSigners } = await sshSigner();
  // The repo commits an allowed-signers file that trusts the key the tag is signed with.
  await writeFiles(dir, { 'trusted_signers': await fs.readFile(allowedSigners, 'utf8') });
  await commitAll(dir, 'release');
  await tagRepo(dir, '5.1.4', { signed: true });
  // A PGP-signed tag too (its signature is fake: only which program checks it matters).
  const commit = await git(dir, 'rev-parse', 'HEAD');
  const body = `object ${commit}\ntype commit\ntag 5.1.5\ntagger Porg <porg@example.com> 1700000000 +0000\n\n5.1.5\n-----BEGIN PGP SIGNATURE-----\n\niQEzBAABCAAdFiEE\n-----END PGP SIGNATURE-----\n`;
  const pgpTag = (await run('sh', ['-c', `printf '%s' "$0" | git mktag`, body], { cwd: dir, env: GIT_ENV })).stdout.trim();
  await git(dir, 'update-ref', 'refs/tags/5.1.5', pgpTag);

  const folder = trapFolder(keep);
  const gpg = trap(folder, 'gpg-program');
  const ssh = trap(folder, 'gpg-ssh-program');
  await git(dir, 'config', 'gpg.program', gpg.program);
  await git(dir, 'config', 'gpg.ssh.program', ssh.program);
  await git(dir, 'config', 'gpg.ssh.allowedSignersFile', path.join(dir, 'trusted_signers'));
  const line = async (tag: string) => `refs/tags/${tag} ${await git(dir, 'rev-parse', tag)} refs/tags/${tag} ${Z}\n`;
  return { dir, gpg, ssh, line };
}

/** The user's own global git config, naming their allowed signers. */
async function userConfig(allowedSigners: string): Promise<NodeJS.ProcessEnv> {
  const home = keep(tmpDir('porgs-home-'));
  await writeFiles(home, { gitconfig: `[gpg "ssh"]\n\tallowedSignersFile = ${allowedSigners}\n` });
  return { GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig') };
}

describe("signature checks never use the repo's programs or signers", () => {
  it('are live: git verify-tag in the repo runs both programs', async () => {
    const { dir, gpg, ssh } = await signedRelease();
    await run('git', ['verify-tag', '5.1.4'], { cwd: dir, env: GIT_ENV }).catch(() => undefined);
    await run('git', ['verify-tag', '5.1.5'], { cwd: dir, env: GIT_ENV }).catch(() => undefined);
    expect([gpg.fired(), ssh.fired()]).toEqual([true, true]);
  });

  it("verify an SSH signature with the user's signers only, and run no program the repo names", async () => {
    const { dir, gpg, ssh, line } = await signedRelease();
    const verify = async (env: NodeJS.ProcessEnv, tag = '5.1.4') =>
      runCli(['pre-push', 'origin', 'url', '--verify-signatures', '--format', 'json'], { cwd: dir, input: await line(tag), env });
    // No signers of the user's own: the repo's committed file, which would verify, is not used.
    const noSigners = await verify({});
    expect(JSON.parse(noSigners.stdout).diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'hook/tag-signed', severity: 'note', unverified: true, messageId: 'noKeys', data: { tag: '5.1.4' } }),
    ]);
    // The user's signers trust the key: verified, with the real ssh-keygen.
    const trusted = await verify(await userConfig((await sshSigner()).allowedSigners));
    expect([trusted.code, JSON.parse(trusted.stdout).diagnostics]).toEqual([0, []]);
    // The PGP tag goes to the user's gpg (or none): never the repo's gpg.program.
    const pgp = await verify({}, '5.1.5');
    expect(JSON.parse(pgp.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['hook/tag-signed']);
    expect([gpg.fired(), ssh.fired()]).toEqual([false, false]);
  });
});
