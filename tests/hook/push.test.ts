// Real pushes to a bare remote with the hook installed.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import noPrerelease from '../../rules/wrapper/version-no-prerelease.js';
import { runCli } from '../helpers/cli.js';
import { commitAll, git, GIT_ENV, makeRepo, push, tagRepo, tmpDir, writeFiles } from '../helpers/git.js';
import { ruleMessage, shown } from './findings.js';

const run = promisify(execFile);
const CC = 'exegol/config/ConstantConfig.py';
const short = (oid: string) => oid.slice(0, 12);
const head = (dir: string) => git(dir, 'rev-parse', 'HEAD');

/** How the hook shows an unsigned release tag: the command to sign it names the tagged commit. */
const unsignedTag = (messageId: 'lightweight' | 'unsigned', tag: string, commit: string) =>
  shown({ ruleId: 'hook/tag-signed', severity: 'error', messageId, data: { tag, command: `git tag -s -f ${tag} -m '${tag}' ${short(commit)}` } });

/** A wrapper repo on master with a bare "origin" holding master and dev, and the hook installed. */
async function setup(objectFormat: 'sha1' | 'sha256' = 'sha1') {
  const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master', objectFormat });
  // A clean release: the fixture declares submodules this test repo does not have.
  await git(dir, 'rm', '-q', '.gitmodules');
  await commitAll(dir, 'no submodules');
  const remote = tmpDir('porgs-remote-');
  await git(remote, 'init', '-q', '--bare', ...(objectFormat === 'sha256' ? ['--object-format=sha256'] : []));
  await git(dir, 'remote', 'add', 'origin', remote);
  await git(dir, 'branch', 'dev');
  await git(dir, 'push', '-q', 'origin', 'master', 'dev');
  const installed = await runCli(['hook', 'install'], { cwd: dir });
  expect(installed.code).toBe(0);
  return { dir, remote };
}

describe('pre-push hook with real pushes', () => {
  it('blocks a lightweight release tag with the command to sign it, and lets a signed one through', async () => {
    const { dir } = await setup();
    await tagRepo(dir, '5.1.4');
    const tagged = await head(dir);
    const light = await push(dir, 'origin', '5.1.4');
    expect(light.code).not.toBe(0);
    expect(light.stderr).toContain(`refs/tags/5.1.4 (${short(tagged)})  ${unsignedTag('lightweight', '5.1.4', tagged)}`);
    expect(light.stderr).toContain('PORGS_LINT_SKIP=1');
    await git(dir, 'tag', '-d', '5.1.4');
    await tagRepo(dir, '5.1.4', { annotated: true });
    expect((await push(dir, 'origin', '5.1.4')).stderr).toContain(unsignedTag('unsigned', '5.1.4', tagged));
    await git(dir, 'tag', '-d', '5.1.4');
    await tagRepo(dir, '5.1.4', { signed: true });
    const signed = await push(dir, 'origin', '5.1.4');
    expect(signed.stderr).not.toContain('hook/');
    expect(signed.code).toBe(0);
  });

  it("runs the release rules on the tag's commit, not the work tree, and checks the tag name", async () => {
    const { dir } = await setup();
    await writeFiles(dir, { [CC]: '__version__ = "5.2.0b1"\n' });
    await commitAll(dir, 'beta on master');
    await git(dir, 'push', '-q', '--no-verify', 'origin', 'master');
    await tagRepo(dir, '5.2.0', { signed: true });
    await writeFiles(dir, { [CC]: '__version__ = "5.2.0"\n' });
    const res = await push(dir, 'origin', '5.2.0');
    expect(res.code).not.toBe(0);
    // The version of the tagged commit (5.2.0b1), not the work tree's (5.2.0).
    const message = ruleMessage('wrapper/version-no-prerelease', noPrerelease, 'preRelease', { version: '5.2.0b1', base: '5.2.0' });
    const data = { rule: 'wrapper/version-no-prerelease', tag: '5.2.0', message };
    expect(res.stderr).toContain(`${CC}:1:15  ${shown({ ruleId: 'hook/tag-release-rules', severity: 'error', messageId: 'releaseRuleFailed', data })}`);
    await tagRepo(dir, 'v5.2.0', { signed: true });
    const rename = { tag: 'v5.2.0', format: 'X.Y.Z', command: "git tag 5.2.0 'v5.2.0^{}' && git tag -d v5.2.0" };
    expect((await push(dir, 'origin', 'v5.2.0')).stderr).toContain(shown({ ruleId: 'hook/tag-format', severity: 'error', messageId: 'mismatchRename', data: rename }));
  });

  it('blocks a non-fast-forward dev, a dev missing master, and master merged with a merge commit', async () => {
    const { dir } = await setup();
    await git(dir, 'checkout', '-q', 'dev');
    await writeFiles(dir, { 'a.txt': '1' });
    await commitAll(dir, 'dev work');
    await git(dir, 'push', '-q', 'origin', 'dev');
    await git(dir, 'reset', '-q', '--hard', 'HEAD~1');
    await writeFiles(dir, { 'b.txt': '2' });
    await commitAll(dir, 'rewritten');
    const published = await git(dir, 'rev-parse', 'origin/dev');
    const notFastForward = shown({ ruleId: 'hook/dev-fast-forward', severity: 'error', messageId: 'notFastForward', data: { branch: 'dev', remote: 'origin', remoteCommit: short(published) } });
    const forced = await push(dir, '--force', 'origin', 'dev');
    expect(forced.code).not.toBe(0);
    expect(forced.stderr).toContain(notFastForward);

    await git(dir, 'reset', '-q', '--hard', 'origin/dev');
    await git(dir, 'checkout', '-q', 'master');
    await writeFiles(dir, { 'release.txt': 'r' });
    await commitAll(dir, 'release');
    await git(dir, 'push', '-q', 'origin', 'master');
    await git(dir, 'checkout', '-q', 'dev');
    await writeFiles(dir, { 'c.txt': '3' });
    await commitAll(dir, 'more dev work');
    const missing = await push(dir, 'origin', 'dev');
    const release = { release: 'origin/master', releaseCommit: short(await git(dir, 'rev-parse', 'master')), command: 'git checkout dev && git merge master --ff-only' };
    expect(missing.stderr).toContain(shown({ ruleId: 'hook/dev-contains-release', severity: 'error', messageId: 'missingRelease', data: { branch: 'dev', ...release } }));
    await git(dir, 'merge', '-q', '--no-ff', '-m', 'merge master', 'master');
    const merge = await head(dir);
    const merged = await push(dir, 'origin', 'dev');
    expect(merged.code).not.toBe(0);
    const mergeCommit = { branch: 'dev', releaseBranch: 'master', commits: short(merge), command: 'git merge master --ff-only' };
    expect(merged.stderr).toContain(
      `refs/heads/dev (${short(published)}..${short(merge)})  ${shown({ ruleId: 'hook/dev-no-release-merge-commit', severity: 'error', messageId: 'mergeCommit', data: mergeCommit })}`,
    );
    // dev rebased on master: contains master, no merge commit, and a fast-forward of origin/dev.
    await git(dir, 'reset', '-q', '--hard', 'origin/dev');
    await git(dir, 'rebase', '-q', 'master');
    const ok = await push(dir, '--force-with-lease', 'origin', 'dev');
    expect(ok.stderr).toContain(notFastForward);
    await git(dir, 'reset', '-q', '--hard', 'origin/dev');
    await git(dir, 'merge', '-q', '--no-edit', 'origin/dev');
  });

  it('checks every ref of a multi-ref push and blocks when only the last is bad; blocks deleting dev', async () => {
    const { dir } = await setup();
    await git(dir, 'checkout', '-q', '-b', 'feature');
    await writeFiles(dir, { 'f.txt': 'f' });
    await commitAll(dir, 'feature');
    await tagRepo(dir, '5.1.9');
    const feature = await head(dir);
    const res = await push(dir, 'origin', 'feature', 'master', '5.1.9');
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain(`refs/tags/5.1.9 (${short(feature)})  ${unsignedTag('lightweight', '5.1.9', feature)}`);
    expect(res.stderr).not.toMatch(/refs\/heads\/feature/);
    const del = await push(dir, 'origin', '--delete', 'dev');
    expect(del.code).not.toBe(0);
    expect(del.stderr).toContain(`refs/heads/dev  ${shown({ ruleId: 'hook/protected-branch-delete', severity: 'error', messageId: 'deleteBlocked', data: { branch: 'dev', remote: 'origin' } })}`);
    expect((await push(dir, 'origin', 'feature')).code).toBe(0);
    expect((await push(dir, 'origin', '--delete', 'feature')).code).toBe(0);
  });

  it('honours PORGS_LINT_SKIP and works in a SHA-256 repository', async () => {
    const { dir } = await setup('sha256');
    await tagRepo(dir, '5.1.4');
    const blocked = await push(dir, 'origin', '5.1.4');
    expect(blocked.stderr).toContain(unsignedTag('lightweight', '5.1.4', await head(dir)));
    const skipped = await run('git', ['push', 'origin', '5.1.4'], { cwd: dir, env: { ...GIT_ENV, PORGS_LINT_SKIP: '1' } });
    expect(skipped.stderr).toContain('pre-push checks skipped (PORGS_LINT_SKIP=1)');
  });

  it('never replaces a foreign hook: prints the lines to add, which then run porgs-lint; uninstall leaves the hook', async () => {
    const { dir } = await setup();
    await runCli(['hook', 'uninstall'], { cwd: dir });
    const hook = path.join(dir, '.git/hooks/pre-push');
    await fs.writeFile(hook, '#!/bin/sh\necho foreign >&2\n', { mode: 0o755 });
    const asked = await runCli(['hook', 'install'], { cwd: dir });
    expect(asked.code).toBe(1);
    expect(asked.stdout).toContain('.git/hooks/pre-push exists and was not written by porgs-lint; add these lines to');
    expect(await fs.readFile(hook, 'utf8')).toBe('#!/bin/sh\necho foreign >&2\n');
    expect((await runCli(['hook', 'install', '--chain'], { cwd: dir })).stderr).toContain('no longer needed');
    const lines = asked.stdout.slice(asked.stdout.indexOf('# >>> porgs-lint'));
    await fs.appendFile(hook, lines);
    await tagRepo(dir, '5.1.4');
    const res = await push(dir, 'origin', '5.1.4');
    expect(res.stderr).toContain('foreign');
    expect(res.stderr).toContain(unsignedTag('lightweight', '5.1.4', await head(dir)));
    expect(res.code).not.toBe(0);
    const removed = await runCli(['hook', 'uninstall'], { cwd: dir });
    expect(removed.stdout).toContain('still holds porgs-lint lines you added');
    expect(await fs.readFile(hook, 'utf8')).toContain('foreign');
  });

  it('installs where a core.hooksPath of the repository points', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
    await git(dir, 'config', 'core.hooksPath', '.githooks');
    const res = await runCli(['hook', 'install'], { cwd: dir });
    expect(res.stdout).toContain('installed .githooks/pre-push');
    expect(res.code).toBe(0);
  });

  it('prints snippets for hook managers', async () => {
    expect((await runCli(['hook', 'print', 'lefthook'])).stdout).toContain('use_stdin: true');
    expect((await runCli(['hook', 'print', 'pre-commit'])).stdout).toContain('pre-push.legacy');
    expect((await runCli(['hook', 'print', 'husky'])).stdout).toContain('"$@"');
    expect((await runCli(['hook', 'print', 'nope'])).code).toBe(2);
  });
});
