// Report and baseline targets that are not regular files: writing to a FIFO would block, to a device
// would act on it. Each is refused with exit 2 before the analysis runs.
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tmpDir, writeFiles } from '../helpers/git.js';

const WRAPPER = { 'exegol/config/ConstantConfig.py': '__version__ = "5.2.0"\n' };
const ARGS = ['--mode', 'dev', '--rule', 'wrapper/version-format'];
const TIMEOUT = 15_000;

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => fs.rm(d, { recursive: true, force: true })));
});

describe('files named on the command line for writing', () => {
  it('refuses a FIFO as -o, --format <f>=<file> and --write-baseline, without blocking', async () => {
    const dir = tmpDir('porgs-special-');
    made.push(dir);
    await writeFiles(dir, WRAPPER);
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    const cases: Array<[string[], string]> = [
      [['--format', 'json', '-o', 'pipe'], '-o pipe'],
      [['--format', 'sarif=pipe'], '--format sarif=pipe'],
      [['--write-baseline', 'pipe'], '--write-baseline pipe'],
    ];
    for (const [args, label] of cases) {
      const res = await runCli([...ARGS, ...args, '.'], { cwd: dir, timeout: TIMEOUT });
      expect(res.code, label).toBe(2);
      expect(res.stderr, label).toBe(`porgs-lint: ${label}: ${path.join(dir, 'pipe')} is a FIFO; porgs-lint writes only to a regular file: remove it or choose another name\n`);
    }
    expect((await fs.lstat(path.join(dir, 'pipe'))).isFIFO()).toBe(true);
  });

  it('refuses a device and a folder as an output', async () => {
    const dir = tmpDir('porgs-special-');
    made.push(dir);
    await writeFiles(dir, WRAPPER);
    const device = await runCli([...ARGS, '--format', 'json', '-o', '/dev/null', '.'], { cwd: dir, timeout: TIMEOUT });
    expect(device.code).toBe(2);
    expect(device.stderr).toMatch(/^porgs-lint: -o \/dev\/null: \/dev\/null is a device;/);
    const folder = await runCli([...ARGS, '--format', 'json', '-o', 'exegol', '.'], { cwd: dir, timeout: TIMEOUT });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/exegol is a folder; porgs-lint writes only to a regular file/);
  });
});
