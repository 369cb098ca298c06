// Files porgs-lint reads that are not regular files: a FIFO would block the run forever, a device
// could act on open, a committed link could point at any file of the machine. Each is refused with
// exit 2 and a one-line reason, before anything is opened.
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tmpDir, writeFiles } from '../helpers/git.js';

const WRAPPER = { 'exegol/config/ConstantConfig.py': '__version__ = "5.2.0"\n' };
const ARGS = ['--mode', 'dev', '--rule', 'wrapper/version-format'];
/** Well under the test timeout: a run that blocks on a FIFO is killed and fails the assertions. */
const TIMEOUT = 15_000;

const made: string[] = [];
async function repo(): Promise<string> {
  const dir = tmpDir('porgs-special-');
  made.push(dir);
  await writeFiles(dir, WRAPPER);
  return dir;
}
afterAll(async () => {
  await Promise.all(made.map((d) => fs.rm(d, { recursive: true, force: true })));
});

const fifo = (file: string) => execFileSync('mkfifo', [file]);

describe('files named on the command line for reading', () => {
  it('refuses a FIFO given as --config or --baseline without blocking', async () => {
    const dir = await repo();
    fifo(path.join(dir, 'pipe'));
    for (const flag of ['--config', '--baseline']) {
      const res = await runCli([...ARGS, flag, 'pipe', '.'], { cwd: dir, timeout: TIMEOUT });
      expect(res.code, flag).toBe(2);
      expect(res.stderr, flag).toBe(`porgs-lint: ${flag} pipe: ${path.join(dir, 'pipe')} is a FIFO; porgs-lint reads only a regular file: name one\n`);
    }
  });

  it('refuses a folder and a device given as --config', async () => {
    const dir = await repo();
    await fs.mkdir(path.join(dir, 'conf.toml'));
    const folder = await runCli([...ARGS, '--config', 'conf.toml', '.'], { cwd: dir, timeout: TIMEOUT });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/conf\.toml is a folder; porgs-lint reads only a regular file/);
    const device = await runCli([...ARGS, '--config', '/dev/zero', '.'], { cwd: dir, timeout: TIMEOUT });
    expect(device.code).toBe(2);
    expect(device.stderr).toBe('porgs-lint: --config /dev/zero: /dev/zero is a device; porgs-lint reads only a regular file: name one\n');
  });
});

describe('a config found in the checked repo', () => {
  it('is not read through a committed symbolic link, so no file of the machine reaches the output', async () => {
    const dir = await repo();
    const secret = path.join(tmpDir('porgs-secret-'), 'id_rsa');
    made.push(path.dirname(secret));
    await fs.writeFile(secret, 'SECRET-KEY-MATERIAL = [\n');
    await fs.symlink(secret, path.join(dir, 'porgs-lint.toml'));
    const res = await runCli(ARGS, { cwd: dir, timeout: TIMEOUT });
    expect(res.code).toBe(2);
    expect(res.stderr).toBe('porgs-lint: porgs-lint.toml: cannot read config: a symbolic link, not a regular file; porgs-lint does not follow links in a checked repository\n');
    expect(res.stdout + res.stderr).not.toContain('SECRET');
  });

  it('is refused, not waited for, when it is a FIFO', async () => {
    const dir = await repo();
    fifo(path.join(dir, 'porgs-lint.toml'));
    const res = await runCli(ARGS, { cwd: dir, timeout: TIMEOUT });
    expect(res.code).toBe(2);
    expect(res.stderr).toBe('porgs-lint: porgs-lint.toml: cannot read config: a FIFO, not a regular file\n');
  });
});

describe('a baseline inside the checked repo', () => {
  it('is not read through a committed symbolic link, which could reveal another checkout\'s findings', async () => {
    const dir = await repo();
    const other = tmpDir('porgs-other-');
    made.push(other);
    const entry = { fingerprint: 'a'.repeat(32), ruleId: 'wrapper/version-format', path: 'x', message: 'OTHER-CHECKOUT-FINDING' };
    await fs.writeFile(path.join(other, 'baseline.json'), JSON.stringify({ schemaVersion: 1, entries: [entry] }));
    await fs.symlink(path.join(other, 'baseline.json'), path.join(dir, 'porgs-lint-baseline.json'));
    const res = await runCli([...ARGS, '--baseline', 'porgs-lint-baseline.json'], { cwd: dir, timeout: TIMEOUT });
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      `porgs-lint: --baseline ${path.join(dir, 'porgs-lint-baseline.json')}: ${path.join(dir, 'porgs-lint-baseline.json')} is a symbolic link inside the checked repository ${await fs.realpath(dir)}; porgs-lint does not follow it: keep the file outside the checkout (e.g. under $RUNNER_TEMP), or remove the link\n`,
    );
    expect(res.stdout + res.stderr).not.toContain('OTHER-CHECKOUT-FINDING');
  });
});
