// The supported order, for one real manager: the manager set up first, then "porgs-lint hook
// install". Each of the five pushes is judged as the plain hook judges it (the "plain" row), the
// manager's own pre-push check keeps running, the skip switch says so, and uninstall gives the
// manager its files back.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commitAll, git, writeFiles } from '../../helpers/git.js';
import { runCli } from '../../helpers/cli.js';
import { shown } from '../../hook/findings.js';
import { hookInstall, installManager, pushVia, releasedRepo, type ManagerName } from './managers.js';

const short = (oid: string) => oid.slice(0, 12);

/** The manager's own files in the work tree, as text. */
async function trackedFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of ['.husky/pre-push', 'lefthook.yml', '.pre-commit-config.yaml']) {
    const text = await fs.readFile(path.join(dir, f), 'utf8').catch(() => undefined);
    if (text !== undefined) out[f] = text;
  }
  return out;
}
const lightweight = (tag: string, commit: string) =>
  shown({ ruleId: 'hook/tag-signed', severity: 'error', messageId: 'lightweight', data: { tag, command: `git tag -s -f ${tag} -m '${tag}' ${short(commit)}` } });

/** The matrix row of one manager; each manager's test file runs its own, so rows run side by side. */
export function supportedOrder(manager: ManagerName): void {
  describe(`manager first, then hook install: ${manager}`, () => {
    let dir: string;
    let managerFiles: Record<string, string>;
    const push = (...args: string[]) => pushVia(dir, {}, ...args);

    beforeAll(async () => {
      dir = await releasedRepo();
      await installManager(dir, manager);
      managerFiles = await trackedFiles(dir);
      const installed = await hookInstall(dir);
      expect(installed.stdout).not.toContain('add these lines');
      expect(installed.code).toBe(0);
      // As its output asks: what it added to the manager's config is committed. That commit and the
      // manager's are release commits like any other: master and dev both have them.
      await commitAll(dir, 'porgs-lint pre-push check');
      await git(dir, 'branch', '-f', 'dev', 'master');
      await git(dir, 'push', '-q', '--no-verify', 'origin', 'master', 'dev');
    });

    it('blocks a lightweight release tag on a commit the remote already has', async () => {
      await git(dir, 'tag', '5.1.4');
      const tagged = await git(dir, 'rev-parse', 'HEAD');
      expect(await git(dir, 'rev-parse', 'origin/master')).toBe(tagged);
      const res = await push('origin', '5.1.4');
      expect(res.output).toContain(`refs/tags/5.1.4 (${short(tagged)})  ${lightweight('5.1.4', tagged)}`);
      expect(res.code).not.toBe(0);
    });

    it("lets a new feature branch through, and the manager's own check still runs", async () => {
      await git(dir, 'checkout', '-q', '-b', 'feature');
      await writeFiles(dir, { 'feature.txt': 'f\n' });
      await commitAll(dir, 'feature');
      const res = await push('origin', 'feature');
      expect(res.output).not.toContain('hook/');
      expect(res.code).toBe(0);
      expect(res.output.includes('team-check-ran')).toBe(manager !== 'plain');
    });

    it('blocks a forced non-fast-forward dev', async () => {
      await git(dir, 'checkout', '-q', 'dev');
      await writeFiles(dir, { 'dev.txt': '1\n' });
      await commitAll(dir, 'dev work');
      expect((await push('origin', 'dev')).code).toBe(0);
      const published = await git(dir, 'rev-parse', 'origin/dev');
      await git(dir, 'reset', '-q', '--hard', 'HEAD~1');
      await writeFiles(dir, { 'other.txt': '2\n' });
      await commitAll(dir, 'rewritten');
      const res = await push('--force', 'origin', 'dev');
      const finding = shown({ ruleId: 'hook/dev-fast-forward', severity: 'error', messageId: 'notFastForward', data: { branch: 'dev', remote: 'origin', remoteCommit: short(published) } });
      expect(res.output).toContain(finding);
      expect(res.code).not.toBe(0);
      expect(await git(dir, 'ls-remote', 'origin', 'refs/heads/dev')).toContain(published);
    });

    it('blocks a branch and a bad tag pushed together', async () => {
      await git(dir, 'checkout', '-q', 'master');
      await git(dir, 'tag', '5.1.5');
      const tagged = await git(dir, 'rev-parse', 'HEAD');
      await git(dir, 'checkout', '-q', '-b', 'feature2');
      await writeFiles(dir, { 'feature2.txt': 'f\n' });
      await commitAll(dir, 'feature 2');
      const res = await push('origin', 'feature2', '5.1.5');
      expect(res.output).toContain(`refs/tags/5.1.5 (${short(tagged)})  ${lightweight('5.1.5', tagged)}`);
      expect(res.code).not.toBe(0);
      expect(await git(dir, 'ls-remote', 'origin', 'refs/heads/feature2', 'refs/tags/5.1.5')).toBe('');
    });

    it('blocks deleting dev', async () => {
      const res = await push('origin', '--delete', 'dev');
      expect(res.output).toContain(`refs/heads/dev  ${shown({ ruleId: 'hook/protected-branch-delete', severity: 'error', messageId: 'deleteBlocked', data: { branch: 'dev', remote: 'origin' } })}`);
      expect(res.code).not.toBe(0);
      expect(await git(dir, 'ls-remote', 'origin', 'refs/heads/dev')).not.toBe('');
    });

    it('says it skipped when PORGS_LINT_SKIP=1', async () => {
      const res = await pushVia(dir, { PORGS_LINT_SKIP: '1' }, 'origin', '5.1.4');
      expect(res.output).toContain('porgs-lint: pre-push checks skipped (PORGS_LINT_SKIP=1)');
      expect(res.code).toBe(0);
    });

    it("uninstall removes what install wrote and leaves the manager's own files as they were", async () => {
      const res = await runCli(['hook', 'uninstall'], { cwd: dir });
      expect(res.code).toBe(0);
      expect(res.stdout).not.toContain('nothing to remove');
      expect(await trackedFiles(dir)).toEqual(managerFiles);
      await git(dir, 'tag', '5.1.8');
      const after = await push('origin', '5.1.8');
      expect(after.output).not.toContain('hook/tag-signed');
      expect(after.code).toBe(0);
      expect((await runCli(['hook', 'uninstall'], { cwd: dir })).stdout).toContain('nothing to remove');
    });
  });
}
