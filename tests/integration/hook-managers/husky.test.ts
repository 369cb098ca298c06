// husky: the five pushes in the supported order (see supported-order.ts); the other order below.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git, tmpDir } from '../../helpers/git.js';
import { doctor, hookInstall, installManager, pushVia, releasedRepo } from './managers.js';
import { supportedOrder } from './supported-order.js';

supportedOrder('husky');

describe('husky installed after porgs-lint', () => {
  it('doctor says husky moved core.hooksPath away from the hook, and hook install repairs it', async () => {
    const dir = await releasedRepo();
    expect((await hookInstall(dir)).code).toBe(0);
    await installManager(dir, 'husky');
    await git(dir, 'tag', '5.1.6');
    // Broken: git runs husky's hooks now, and porgs-lint's is left in .git/hooks.
    expect((await pushVia(dir, {}, 'origin', '5.1.6')).code).toBe(0);
    const broken = await doctor(dir);
    expect(broken.stdout).toContain("problem: porgs-lint's hook .git/hooks/pre-push no longer runs: core.hooksPath now points at .husky/_ (set by husky)");
    expect(broken.stdout).toContain('problem: .husky/pre-push does not run porgs-lint');
    expect(broken.code).toBe(1);

    const repaired = await hookInstall(dir);
    expect(repaired.stdout).toContain("removed porgs-lint's hook .git/hooks/pre-push, which git no longer ran");
    expect(repaired.stdout).toContain('added porgs-lint to .husky/pre-push');
    expect(repaired.code).toBe(0);
    const fine = await doctor(dir);
    expect(fine.stdout).toContain('runs porgs-lint: .husky/_/pre-push (husky) -> .husky/pre-push -> ');
    expect(fine.code).toBe(0);
    await git(dir, 'tag', '5.1.7');
    const blocked = await pushVia(dir, {}, 'origin', '5.1.7');
    expect(blocked.output).toContain('hook/tag-signed');
    expect(blocked.code).not.toBe(0);
    // husky's generated folder was never written into.
    expect(await fs.readFile(path.join(dir, '.husky/_/pre-push'), 'utf8')).toBe('#!/usr/bin/env sh\n. "$(dirname "$0")/h"');
  });

  it('doctor reports HUSKY=0, and that pre-commit does not run next to husky', async () => {
    const dir = await releasedRepo();
    await installManager(dir, 'husky');
    await fs.writeFile(path.join(dir, '.pre-commit-config.yaml'), 'repos: []\n');
    expect((await hookInstall(dir)).code).toBe(0);
    const res = await doctor(dir, { HUSKY: '0' });
    expect(res.stdout).toContain('skip switches: HUSKY=0 (husky runs no hook, silently)');
    expect(res.stdout).toContain('note: husky and pre-commit together are not supported');
  });
});

describe('husky in a linked worktree (.git is a file)', () => {
  it('doctor names the missing launcher of that worktree; hook install there writes it; pushes from there are checked', async () => {
    const dir = await releasedRepo();
    await installManager(dir, 'husky');
    expect((await hookInstall(dir)).code).toBe(0);
    await commitAll(dir, 'porgs-lint pre-push check');
    const wt = path.join(tmpDir('porgs-wt-'), 'wt');
    await git(dir, 'worktree', 'add', '-q', wt);
    expect((await fs.readFile(path.join(wt, '.git'), 'utf8')).startsWith('gitdir: ')).toBe(true);
    const before = await doctor(wt);
    expect(before.stdout).toMatch(/problem: the launcher .*\/worktrees\/wt\/porgs-lint\/pre-push is missing/);
    // husky's generated folder is not tracked: a new worktree has none until husky runs there.
    expect(before.stdout).toContain('problem: git runs .husky/_/pre-push, which is missing: run husky');
    expect(before.code).toBe(1);
    expect((await hookInstall(wt)).code).toBe(0);
    await installManager(wt, 'husky-prepare');
    expect((await doctor(wt)).code).toBe(0);
    await git(wt, 'tag', '5.1.9');
    const blocked = await pushVia(wt, {}, 'origin', '5.1.9');
    expect(blocked.output).toContain('hook/tag-signed');
    expect(blocked.code).not.toBe(0);
  });
});
