// A branch push of 50 refs costs at most 3 git processes, counted through the process gateway, with
// the hook run in this process on the lines git would write.
import { promises as fs } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { hookMain } from '../../hook/main.js';
import { processStats } from '../../runner/process.js';
import { commitAll, git, makeRepo, tmpDir, writeFiles } from '../helpers/git.js';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return { stream: new Writable({ write: (c, _e, done) => (chunks.push(String(c)), done()) }), text: () => chunks.join('') };
}

describe('git processes of a branch push', () => {
  it('are at most 3 for 50 refs, with a dev update carrying merges of master', async () => {
    const dir = await makeRepo({ branch: 'master', files: { 'exegol/config/ConstantConfig.py': '__version__ = "1.0.0b1"\n' } });
    temps.push(dir);
    const remote = tmpDir('porgs-remote-');
    temps.push(remote);
    await git(remote, 'init', '-q', '--bare');
    await git(dir, 'remote', 'add', 'origin', remote);
    await git(dir, 'branch', 'dev');
    await git(dir, 'push', '-q', 'origin', 'master', 'dev');
    const old = await git(dir, 'rev-parse', 'dev');
    const zero = '0'.repeat(40);
    const lines: string[] = [];
    for (let i = 0; i < 49; i++) {
      await git(dir, 'checkout', '-q', '-b', `feature-${i}`, 'master');
      await writeFiles(dir, { [`f${i}.txt`]: String(i) });
      lines.push(`refs/heads/feature-${i} ${await commitAll(dir, `feature ${i}`)} refs/heads/feature-${i} ${zero}`);
    }
    await git(dir, 'checkout', '-q', 'dev');
    for (let i = 0; i < 2; i++) {
      await git(dir, 'checkout', '-q', 'master');
      await commitAll(dir, `hotfix ${i}`);
      await git(dir, 'checkout', '-q', 'dev');
      await commitAll(dir, `dev ${i}`);
      await git(dir, 'merge', '-q', '--no-ff', '-m', "Merge branch 'master' into dev", 'master');
    }
    lines.push(`refs/heads/dev ${await git(dir, 'rev-parse', 'dev')} refs/heads/dev ${old}`);
    expect(lines).toHaveLength(50);

    const out = sink();
    const err = sink();
    const before = processStats().started;
    const code = await hookMain(['pre-push', 'origin', 'url', '--format', 'json'], {
      stdin: Readable.from([lines.join('\n') + '\n']),
      stdout: out.stream,
      stderr: err.stream,
      env: { NO_COLOR: '1' },
      cwd: dir,
    });
    const spawned = processStats().started - before;
    expect(code).toBe(1);
    expect(JSON.parse(out.text()).diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'hook/dev-no-release-merge-commit', messageId: 'mergeCommits', data: expect.objectContaining({ count: 2, branch: 'dev', releaseBranch: 'master' }) }),
    ]);
    expect(spawned).toBeGreaterThan(0);
    expect(spawned).toBeLessThanOrEqual(3);
  });
});
