// The CLI as a process among others: a deleted working folder, a reader that stops early, a folder
// this user may not read, and "cannot verify" notes that a CI gate can make fail.
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { sarif } from '../../../reporters/sarif.js';
import { lint } from '../../../runner/run.js';
import type { Diagnostic } from '../../../runner/types.js';
import { CLI, runCli } from '../../helpers/cli.js';
import { FIXTURES, GIT_ENV, tmpDir, writeFiles } from '../../helpers/git.js';

const CC = 'exegol/config/ConstantConfig.py';
const schema = JSON.parse(await fs.readFile(new URL('../../../docs/json-format.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const made: string[] = [];
const temp = async (files: Record<string, string> = {}) => {
  const dir = tmpDir('porgs-proc-');
  made.push(dir);
  await writeFiles(dir, files);
  return dir;
};
afterAll(async () => {
  // Modes back first, so a non-root user can remove what it locked; a deleted folder has none.
  await Promise.all(made.map((d) => fs.chmod(d, 0o755).then(() => fs.rm(d, { recursive: true, force: true }), () => undefined)));
});

/** Root reads every folder whatever its mode: then the CLI runs as `nobody`, for whom modes count. */
const asOtherUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

describe('a working folder deleted under the shell', () => {
  it('is a one-line usage error with exit 2, not a stack trace', async () => {
    const gone = await temp();
    const res = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn('sh', ['-c', 'cd "$1" && rmdir "$1" && exec "$2" "$3" --list-rules', 'sh', gone, process.execPath, CLI], { env: GIT_ENV });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(res.code).toBe(2);
    expect(res.stderr).toBe('porgs-lint: the current folder no longer exists; cd to an existing folder and run again\n');
  });
});

describe('a reader that stops early (porgs-lint | head -c 10)', () => {
  it('ends the run quietly with its own exit status', async () => {
    // Thousands of findings: far more output than a pipe holds.
    const imports = Array.from({ length: 3000 }, (_, i) => `from tests.missing${i} import x`).join('\n');
    const dir = await temp({ [CC]: '__version__ = "5.2.0"\n', 'tests/__init__.py': `${imports}\n` });
    const res = await new Promise<{ code: number | null; head: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, '--no-cache', '--mode', 'dev', '--rule', 'wrapper/tests-import-exists', '--format', 'json', dir], { env: GIT_ENV });
      let head = '';
      let stderr = '';
      child.stdout.once('data', (d: Buffer) => {
        head = d.subarray(0, 10).toString();
        child.stdout.destroy();
      });
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, head, stderr }));
    });
    expect(res.head).toBe('{\n  "schem');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(1);
  });
});

describe('a folder this user may not read', () => {
  it('says "cannot read <dir>: permission denied", not that it does not exist', async () => {
    const parent = await temp();
    const repo = path.join(parent, 'repo');
    await writeFiles(repo, { [CC]: '__version__ = "5.2.0"\n' });
    await fs.chmod(parent, 0o755);
    await fs.chmod(repo, 0o000);
    const locked = await runCli(['--no-cache', '--kind', 'wrapper', repo], { cwd: parent, ...asOtherUser });
    expect(locked.code).toBe(2);
    expect(locked.stderr).toBe(`porgs-lint: cannot read ${repo}: permission denied; give this user read access to it\n`);

    // A parent folder that denies search hides the folder itself.
    await fs.chmod(repo, 0o755);
    await fs.chmod(parent, 0o600);
    const hidden = await runCli(['--no-cache', '--kind', 'wrapper', repo], { cwd: '/', ...asOtherUser });
    expect(hidden.code).toBe(2);
    expect(hidden.stderr).toBe(`porgs-lint: cannot read ${repo}: permission denied; give this user read access to it and its parent folders\n`);
  });
});

describe('a folder inside the repo this user may not read', () => {
  it('is reported as "cannot read folder", not taken for an empty or missing one', async () => {
    const repo = await temp();
    await fs.cp(path.join(FIXTURES, 'images'), repo, { recursive: true });
    await fs.chmod(path.dirname(repo), 0o755);
    await fs.chmod(repo, 0o755);
    const history = path.join(repo, 'sources/assets/shells/history.d');
    const clean = await runCli(['--no-cache', '--kind', 'images', '--mode', 'dev', '--today', '2026-06-01', '--format', 'json', repo], { ...asOtherUser });
    expect(clean.code, clean.stderr).toBe(0);
    await fs.chmod(history, 0o000);
    const locked = await runCli(['--no-cache', '--kind', 'images', '--mode', 'dev', '--today', '2026-06-01', '--format', 'json', repo], { ...asOtherUser });
    const found = (JSON.parse(locked.stdout).diagnostics as Diagnostic[]).filter((d) => d.ruleId === 'meta/parse-error');
    expect(found.map((d) => [d.location.path, d.message])).toEqual([
      ['sources/assets/shells/history.d', 'cannot read folder sources/assets/shells/history.d: permission denied; what the rules would find in it is missing from this report'],
    ]);
    await fs.chmod(history, 0o755);
  });
});

describe('--fail-on-unverified', () => {
  it('fails the run on a "cannot verify" note, which carries the unverified flag', async () => {
    const dir = await temp({ [CC]: '__version__ = "5.2.0"\n' });
    const args = ['--mode', 'dev', '--rule', 'wrapper/dev-contains-release', '--format', 'json', dir];
    const plain = await runCli(args);
    expect(plain.code).toBe(0);
    const report = JSON.parse(plain.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const [note] = report.diagnostics as Diagnostic[];
    expect(note).toMatchObject({ severity: 'note', unverified: true, message: expect.stringMatching(/^cannot verify: /) });
    const gated = await runCli(['--fail-on-unverified', ...args]);
    expect(gated.code).toBe(1);
    expect(gated.stderr).toBe('porgs-lint: 1 finding(s) could not be verified, and --fail-on-unverified is set; the notes say what is missing\n');
    expect((await runCli(['--fail-on-unverified', '--exit-zero', ...args])).code).toBe(0);
  });

  it('lets SARIF tell unverified notes by the flag, not by their wording', async () => {
    const dir = await temp({ [CC]: '__version__ = "5.2.0"\n' });
    const result = await lint({ dirs: [dir], mode: 'dev', rules: ['wrapper/dev-contains-release'], env: {} });
    const reworded = result.diagnostics.map((d) => ({ ...d, message: d.message.replace('cannot verify: ', '') }));
    const mimic: Diagnostic = { ...reworded[0], unverified: undefined, message: 'cannot verify: written by a rule as plain text', fingerprint: '0'.repeat(32) };
    const doc = JSON.parse(sarif({ ...result, diagnostics: [...reworded, mimic] }, { color: false, cwd: dir }));
    const notes = doc.runs[0].invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text);
    expect(notes).toEqual([`exegol/config/ConstantConfig.py:1: ${reworded[0].message}`]);
  });
});
