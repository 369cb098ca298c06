// pre-commit: the five pushes in the supported order (see supported-order.ts); the other order and
// a later `pre-commit install` below.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI } from '../../helpers/cli.js';
import { commitAll, git } from '../../helpers/git.js';
import { doctor, hookInstall, installManager, MANAGER_ENV, pushVia, releasedRepo } from './managers.js';
import { supportedOrder } from './supported-order.js';

const exec = promisify(execFile);

supportedOrder('pre-commit');

describe('pre-commit installed after porgs-lint', () => {
  it("keeps porgs-lint running as pre-commit's legacy hook; doctor says so; a later pre-commit install and hook install keep it", async () => {
    const dir = await releasedRepo();
    expect((await hookInstall(dir)).code).toBe(0);
    await installManager(dir, 'pre-commit');
    const res = await doctor(dir);
    expect(res.stdout).toContain("runs porgs-lint: .git/hooks/pre-push (pre-commit) -> .git/hooks/pre-push.legacy, with git's input");
    expect(res.code).toBe(0);
    await git(dir, 'tag', '5.1.6');
    const blocked = await pushVia(dir, {}, 'origin', '5.1.6');
    expect(blocked.output).toContain('hook/tag-signed');
    expect(blocked.code).not.toBe(0);

    await exec('pre-commit', ['install', '--hook-type', 'pre-push'], { cwd: dir, env: MANAGER_ENV });
    expect((await hookInstall(dir)).stdout).toContain('installed .git/hooks/pre-push.legacy');
    const again = await pushVia(dir, {}, 'origin', '5.1.6');
    expect(again.output).toContain('hook/tag-signed');
    expect(again.output).not.toContain('migration mode');
    expect(again.code).not.toBe(0);
  });

  it("porgs-lint run from .pre-commit-config.yaml: the remote pre-commit names, no PRE_COMMIT_FROM_REF as the remote's id, a line saying what it cannot see", async () => {
    const dir = await releasedRepo();
    await installManager(dir, 'pre-commit');
    const entry = `node '${CLI}' pre-push origin origin`;
    await fs.writeFile(
      path.join(dir, '.pre-commit-config.yaml'),
      `repos:\n  - repo: local\n    hooks:\n      - id: porgs-lint\n        name: porgs-lint\n        entry: ${entry}\n        language: system\n        stages: [push]\n        pass_filenames: false\n        always_run: true\n        verbose: true\n`,
    );
    await commitAll(dir, 'porgs-lint from pre-commit');
    await git(dir, 'branch', '-f', 'dev', 'master');
    await git(dir, 'remote', 'add', 'upstream', await git(dir, 'remote', 'get-url', 'origin'));
    await git(dir, 'push', '-q', '--no-verify', 'upstream', 'master', 'dev');
    await git(dir, 'checkout', '-q', 'dev');
    await git(dir, 'commit', '-q', '--allow-empty', '-m', 'published dev work');
    await git(dir, 'push', '-q', '--no-verify', 'upstream', 'dev');
    const published = await git(dir, 'rev-parse', 'upstream/dev');
    await git(dir, 'reset', '-q', '--hard', 'HEAD~1');
    await git(dir, 'commit', '-q', '--allow-empty', '-m', 'stale rewrite');
    const forced = await pushVia(dir, {}, '--force', 'upstream', 'dev');
    expect(forced.output).toContain('porgs-lint: run from .pre-commit-config.yaml: pre-commit passes one ref per push');
    // The remote pre-commit named (upstream), not the hook's arguments (origin).
    expect(forced.output).toContain(`push to dev is not a fast-forward of upstream/dev (${published.slice(0, 12)})`);
    expect(forced.code).not.toBe(0);

    // A tag on an unpushed commit: PRE_COMMIT_FROM_REF is that commit's parent, which the remote
    // has; taken for the tag's old id it made a new tag look moved.
    await git(dir, 'checkout', '-q', 'master');
    await git(dir, 'commit', '-q', '--allow-empty', '-m', 'release');
    await git(dir, 'tag', '5.1.6');
    const tagged = await pushVia(dir, {}, 'upstream', '5.1.6');
    expect(tagged.output).toContain('hook/tag-signed');
    expect(tagged.output).not.toContain('hook/tag-not-moved');
    expect(tagged.code).not.toBe(0);
  });
});
