// plain: the five pushes in the supported order (see supported-order.ts), the reference row; a submodule checkout below.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, makeRepo } from '../../helpers/git.js';
import { doctor, hookInstall, pushVia, releasedRepo } from './managers.js';
import { supportedOrder } from './supported-order.js';

supportedOrder('plain');

describe('the plain hook in a submodule checkout (.git is a file)', () => {
  it('installs where git looks for the submodule hooks, and checks pushes from there', async () => {
    const sub = await releasedRepo();
    const superRepo = await makeRepo({ branch: 'main' });
    await git(superRepo, 'submodule', 'add', '-q', await git(sub, 'remote', 'get-url', 'origin'), 'sub');
    const checkout = path.join(superRepo, 'sub');
    expect(await fs.readFile(path.join(checkout, '.git'), 'utf8')).toBe('gitdir: ../.git/modules/sub\n');
    const installed = await hookInstall(checkout);
    expect(installed.stdout).toContain(`installed ${path.join(superRepo, '.git/modules/sub/hooks/pre-push')}`);
    expect((await doctor(checkout)).code).toBe(0);
    await git(checkout, 'tag', '5.1.4');
    const res = await pushVia(checkout, {}, 'origin', '5.1.4');
    expect(res.output).toContain('hook/tag-signed');
    expect(res.code).not.toBe(0);
  });
});
