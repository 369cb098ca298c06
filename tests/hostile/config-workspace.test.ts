// A config that came with a checkout must not reach other checkouts of the machine: in CI its
// `[repos.*]` paths stay inside its repository; locally the report says which config named a repo.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runsInCI } from '../../runner/ci.js';
import { runCli } from '../helpers/cli.js';
import { tmpDir, writeFiles } from '../helpers/git.js';

const WRAPPER = { 'exegol/config/ConstantConfig.py': '__version__ = "5.2.0"\n' };
/** Text that would surface in annotations if the private checkout were linted. */
const SECRET = 'PRIVATE-CHECKOUT-TOKEN-1234';
const PRIVATE = { 'exegol/config/ConstantConfig.py': `__version__ = "${SECRET}"\n` };

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => fs.rm(d, { recursive: true, force: true })));
});

/** A runner's work folder: the checked-out pull request in `pr/`, another checkout in `private/`. */
async function runnerWorkspace(config: string, links: Record<string, string> = {}) {
  const ws = tmpDir('porgs-ws-');
  made.push(ws);
  const pr = path.join(ws, 'pr');
  await writeFiles(pr, { ...WRAPPER, 'porgs-lint.toml': config });
  await writeFiles(path.join(ws, 'private'), PRIVATE);
  for (const [name, target] of Object.entries(links)) await fs.symlink(target, path.join(pr, name));
  return { ws, pr };
}

const ARGS = ['--mode', 'dev', '--rule', 'wrapper/version-format', '--format', 'json'];

describe('[repos.*] paths of a config found in a checked repo', () => {
  it('may not leave the repo in CI: a config error at file:line that says what to do, and nothing of the other checkout is read', async () => {
    const { pr } = await runnerWorkspace('[repos.pr]\npath = "."\n\n[repos.private]\npath = "../private"\n');
    const res = await runCli(ARGS, { cwd: pr, env: { CI: 'true' } });
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).not.toContain(SECRET);
    expect(res.stderr.trim()).toMatch(
      /^porgs-lint: porgs-lint\.toml:5:1: repos\.private\.path "\.\.\/private" names a folder outside .*pr, the repository this config was found in; in CI \(CI is set\).*pass the repositories as folder arguments.*--config <file>$/,
    );
  });

  it('may not leave the repo through a committed symbolic link either', async () => {
    const { pr } = await runnerWorkspace('[repos.pr]\npath = "."\n[repos.inner]\npath = "vendor"\n', { vendor: '../private' });
    const res = await runCli(ARGS, { cwd: pr, env: { CI: '1' } });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/porgs-lint\.toml:4:1: repos\.inner\.path "vendor" names a folder outside/);
  });

  it('may name sibling repos locally, and the report says which config named them', async () => {
    const { pr } = await runnerWorkspace('[repos.pr]\npath = "."\n[repos.private]\npath = "../private"\n');
    const res = await runCli(ARGS, { cwd: pr, env: { CI: '' } });
    const report = JSON.parse(res.stdout) as { repos: Array<{ name: string; namedBy: string | null }> };
    expect(report.repos.map((r) => `${r.name} ${r.namedBy}`)).toEqual(['pr porgs-lint.toml', 'private porgs-lint.toml']);
    const pretty = await runCli(['--mode', 'dev', '--rule', 'wrapper/version-format'], { cwd: pr, env: { CI: 'false' } });
    expect(pretty.stdout).toMatch(/^\.\.\/private {2}wrapper \(.*\), listed in porgs-lint\.toml$/m);
  });

  it('may name sibling repos in CI when the config is given with --config', async () => {
    const { ws, pr } = await runnerWorkspace('[repos.pr]\npath = "."\n[repos.private]\npath = "../private"\n');
    const given = await runCli([...ARGS, '--config', path.join(pr, 'porgs-lint.toml')], { cwd: ws, env: { CI: 'true' } });
    expect(given.code).toBe(1);
    expect(JSON.parse(given.stdout).repos.map((r: { name: string }) => r.name)).toEqual(['pr', 'private']);
  });

  it('does not apply to other folders given on the command line in CI, as it does locally', async () => {
    const { ws } = await runnerWorkspace('[repos.pr]\npath = "."\n[repos.private]\npath = "../private"\nmode = "release"\n');
    const args = ['--rule', 'wrapper/version-format', '--format', 'json', 'pr', 'private'];
    const modes = async (CI: string) => {
      const res = await runCli(args, { cwd: ws, env: { CI } });
      expect(res.code, res.stderr).toBe(1);
      return JSON.parse(res.stdout).repos.map((r: { name: string; mode: string; modeReason: string }) => `${r.name}: ${r.mode} (${r.modeReason})`);
    };
    expect(await modes('true')).toEqual(['pr: dev (defaulting to dev: not a git repository)', 'private: dev (defaulting to dev: not a git repository)']);
    expect(await modes('')).toEqual(['pr: dev (defaulting to dev: not a git repository)', 'private: release (mode = "release" in config)']);
  });

  it('may not name one folder twice: the second entry would be linted as the first one\'s kind', async () => {
    const { pr } = await runnerWorkspace('[repos.a]\npath = "."\nkind = "wrapper"\n\n[repos.b]\npath = "./"\nkind = "images"\n');
    const res = await runCli(ARGS, { cwd: pr, env: { CI: '' } });
    expect(res.code).toBe(2);
    expect(res.stderr.trim()).toBe('porgs-lint: porgs-lint.toml:6:1: repos.b.path names the same folder as repos.a: one folder is one repo; remove one of the two entries');
  });
});

describe('what counts as CI', () => {
  it('is a CI variable that is set, not empty and not "false"', () => {
    expect([undefined, '', 'false', 'FALSE', 'true', '1', 'yes'].map((v) => runsInCI({ CI: v }))).toEqual([false, false, false, false, true, true, true]);
  });
});
