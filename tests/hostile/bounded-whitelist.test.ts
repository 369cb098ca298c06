// A whitelist comment with a crafted run of spaces: telling how to write it must not take time
// quadratic in its length (400,000 spaces took minutes).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { GIT_ENV, makeFolder } from '../helpers/git.js';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

it('a misspelt whitelist with 400,000 spaces gets its suggestion at once (a hang is killed and fails here)', async () => {
  const spaces = ' '.repeat(400_000);
  const comment = `# code-check-whitelist add-history${spaces}x ,y`;
  const dir = await makeFolder({
    files: {
      'sources/install/entrypoint.sh': '#!/bin/bash\nsource package_a.sh\n',
      'sources/install/package_a.sh': `function install_a() {\n    ${comment}\n    colorecho "Installing a"\n}\n`,
    },
  });
  created.push(dir);
  const res = spawnSync(process.execPath, [CLI, dir, '--kind', 'images', '--mode', 'dev', '--rule', 'images/whitelist-syntax', '--no-cache', '--format', 'json'], {
    env: { ...GIT_ENV, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 20_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(res.signal).toBeNull();
  const messages = (JSON.parse(res.stdout) as { diagnostics: Array<{ message: string }> }).diagnostics.map((d) => d.message);
  expect(messages).toEqual([`"${comment}" is not read by the code check; write it exactly as "# CODE-CHECK-WHITELIST=add-history${spaces}x,y"`]);
});
