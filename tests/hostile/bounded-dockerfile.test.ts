// Dockerfiles are read for `RUN ./entrypoint.sh <fn>`: a crafted RUN line must not make that
// search quadratic (a line of 200,000 `(` took minutes), and calls keep their lines in a RUN
// continued over thousands of lines.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../runner/run.js';
import { CLI } from '../helpers/cli.js';
import { GIT_ENV, makeFolder } from '../helpers/git.js';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

async function imagesRepo(dockerfile: string): Promise<string> {
  const dir = await makeFolder({
    files: {
      'sources/install/entrypoint.sh': '#!/bin/bash\nsource package_a.sh\n',
      'sources/install/package_a.sh': 'function package_a() {\n  echo a\n}\n',
      Dockerfile: dockerfile,
    },
  });
  created.push(dir);
  return dir;
}

const RULE = 'images/dockerfile-fn-defined';

describe('RUN ./entrypoint.sh in a hostile Dockerfile', () => {
  it('a RUN line of 200,000 "(" is searched at once, and the call after it is still found (a hang is killed and fails here)', async () => {
    const dir = await imagesRepo(`FROM debian\nRUN ${'('.repeat(200_000)} true; ./entrypoint.sh package_typo\n`);
    const res = spawnSync(process.execPath, [CLI, dir, '--kind', 'images', '--mode', 'dev', '--rule', RULE, '--no-cache', '--today', '2026-01-15'], {
      env: { ...GIT_ENV, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(res.signal).toBeNull();
    expect(res.status).toBe(1);
    expect(res.stdout).toContain(`Dockerfile:2:200028  error  package_typo is not defined in any file sources/install/entrypoint.sh sources`);
  });

  it('calls in a RUN continued over 5,000 lines are reported at their own lines and columns', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `    ${i % 2 ? '&&' : ';'} ./entrypoint.sh ${i === 4321 ? 'package_typo' : 'package_a'} \\`);
    const dir = await imagesRepo(`FROM debian\nRUN true \\\n${lines.join('\n')}\n    && true\n`);
    const result = await lint({ dirs: [dir], kind: 'images', mode: 'dev', rules: [RULE], env: {}, today: '2026-01-15' });
    expect(result.diagnostics.map((d) => `${d.location.path}:${d.location.line}:${d.location.column}-${d.location.endColumn}`)).toEqual(['Dockerfile:4324:24-36']);
  });
});
