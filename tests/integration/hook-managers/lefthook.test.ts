// lefthook: the five pushes in the supported order (see supported-order.ts); the other order and a
// command without use_stdin below.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../../helpers/cli.js';
import { commitAll, git } from '../../helpers/git.js';
import { doctor, hookInstall, installManager, pushVia, releasedRepo } from './managers.js';
import { supportedOrder } from './supported-order.js';

supportedOrder('lefthook');

describe('lefthook installed after porgs-lint', () => {
  it('doctor says lefthook renamed the hook to pre-push.old, and hook install repairs it', async () => {
    const dir = await releasedRepo();
    expect((await hookInstall(dir)).code).toBe(0);
    await installManager(dir, 'lefthook');
    await git(dir, 'tag', '5.1.6');
    expect((await pushVia(dir, {}, 'origin', '5.1.6')).code).toBe(0);
    const broken = await doctor(dir);
    expect(broken.stdout).toContain("problem: lefthook renamed porgs-lint's hook to .git/hooks/pre-push.old, which it does not run");
    expect(broken.stdout).toContain('problem: lefthook.yml has no pre-push command running porgs-lint');
    expect(broken.code).toBe(1);

    const repaired = await hookInstall(dir);
    expect(repaired.stdout).toContain("removed porgs-lint's hook .git/hooks/pre-push.old, which git no longer ran");
    expect(repaired.stdout).toContain('added the porgs-lint command (use_stdin: true) to pre-push in lefthook.yml');
    const config = await fs.readFile(path.join(dir, 'lefthook.yml'), 'utf8');
    expect(config).toContain('run: echo team-check-ran # keep this comment');
    expect(config.startsWith("# the team's hooks\n")).toBe(true);
    expect((await doctor(dir)).code).toBe(0);
    await git(dir, 'tag', '5.1.7');
    const blocked = await pushVia(dir, {}, 'origin', '5.1.7');
    expect(blocked.output).toContain('hook/tag-signed');
    expect(blocked.code).not.toBe(0);
  });

  it('a porgs-lint command without use_stdin is not a silent pass: the hook says it got no refs, doctor says why, install fixes it', async () => {
    const dir = await releasedRepo();
    await installManager(dir, 'lefthook');
    await fs.writeFile(path.join(dir, 'lefthook.yml'), `pre-push:\n  commands:\n    porgs-lint:\n      run: node '${CLI}' pre-push {1} {2}\n`);
    await commitAll(dir, 'lefthook, use_stdin lost in a merge');
    await git(dir, 'tag', '5.1.6');
    const silent = await pushVia(dir, {}, 'origin', '5.1.6');
    expect(silent.output).toContain("porgs-lint: received no refs; if you pushed something, your hook manager does not forward git's input: run porgs-lint hook doctor");
    const broken = await doctor(dir);
    expect(broken.stdout).toContain('problem: the porgs-lint command in lefthook.yml lacks use_stdin: true: lefthook gives it no input and every push passes');
    expect(broken.code).toBe(1);
    expect((await hookInstall(dir)).code).toBe(0);
    expect((await doctor(dir)).code).toBe(0);
    await git(dir, 'tag', '5.1.7');
    const blocked = await pushVia(dir, {}, 'origin', '5.1.7');
    expect(blocked.output).toContain('hook/tag-signed');
    expect(blocked.code).not.toBe(0);
  });
});
