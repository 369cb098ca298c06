// The CI command porgs-lint documents runs nothing from the checkout: a committed
// node_modules/porgs-lint, a committed node_modules/.bin/porgs-lint and a committed .npmrc with
// `node-options` stay inert. The Lint step of examples/github-workflow.yml is run as written.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GIT_ENV, commitAll, copyFixture, git, tmpDir } from '../helpers/git.js';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const WORKFLOW = parse(readFileSync(path.join(PROJECT, 'examples/github-workflow.yml'), 'utf8'));
const STEPS: Array<Record<string, any>> = WORKFLOW.jobs['porgs-lint'].steps;
const VERSION = JSON.parse(readFileSync(path.join(PROJECT, 'package.json'), 'utf8')).version;

/** Writes a marker file when run: every way the checkout could get code executed. */
function plantTraps(checkout: string, marker: string): void {
  const js = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran: ' + __filename);`;
  mkdirSync(path.join(checkout, 'node_modules/porgs-lint'), { recursive: true });
  mkdirSync(path.join(checkout, 'node_modules/.bin'), { recursive: true });
  writeFileSync(path.join(checkout, 'node_modules/porgs-lint/package.json'), JSON.stringify({ name: 'porgs-lint', version: VERSION, bin: { 'porgs-lint': 'cli.cjs' } }));
  writeFileSync(path.join(checkout, 'node_modules/porgs-lint/cli.cjs'), `#!/usr/bin/env node\n${js}\n`, { mode: 0o755 });
  writeFileSync(path.join(checkout, 'node_modules/.bin/porgs-lint'), `#!/bin/sh\necho ran > ${JSON.stringify(marker)}\n`, { mode: 0o755 });
  writeFileSync(path.join(checkout, 'evil.cjs'), `${js}\n`);
  writeFileSync(path.join(checkout, '.npmrc'), 'node-options=--require ./evil.cjs\n');
}

/** porgs-lint as `npm install --prefix "$RUNNER_TEMP/porgs-lint" porgs-lint` lays it out. */
function installLikeNpm(runnerTemp: string): void {
  const modules = path.join(runnerTemp, 'porgs-lint/node_modules');
  mkdirSync(path.join(modules, '.bin'), { recursive: true });
  symlinkSync(PROJECT, path.join(modules, 'porgs-lint'));
  symlinkSync('../porgs-lint/dist/runner/cli.js', path.join(modules, '.bin/porgs-lint'));
  chmodSync(path.join(PROJECT, 'dist/runner/cli.js'), 0o755); // what npm does to a package's bin
}

function runStep(script: string, cwd: string, env: NodeJS.ProcessEnv) {
  return spawnSync('bash', ['-euo', 'pipefail', '-c', script], { cwd, env, encoding: 'utf8' });
}

describe('the documented CI command', () => {
  let root: string;
  let checkout: string;
  let runnerTemp: string;
  let marker: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    root = tmpDir('porgs-ci-');
    checkout = path.join(root, 'checkout');
    runnerTemp = path.join(root, 'runner-temp');
    marker = path.join(root, 'MARKER');
    mkdirSync(checkout);
    mkdirSync(runnerTemp);
    await copyFixture('wrapper-5x', checkout);
    await git(checkout, 'init', '-q', '-b', 'dev');
    plantTraps(checkout, marker);
    await commitAll(checkout, 'a pull request with traps');
    installLikeNpm(runnerTemp);
    const nodeDir = path.dirname(process.execPath);
    env = { ...GIT_ENV, CI: 'true', GITHUB_ACTIONS: 'true', RUNNER_TEMP: runnerTemp, PATH: `${nodeDir}:${process.env.PATH}`, NO_COLOR: '1' };
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('installs a pinned porgs-lint in the runner temp folder, without install scripts, before the checkout exists', () => {
    const install = STEPS.findIndex((s) => typeof s.run === 'string' && s.run.includes('npm install'));
    const checkoutStep = STEPS.findIndex((s) => String(s.uses ?? '').startsWith('actions/checkout@'));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(install).toBeLessThan(checkoutStep);
    expect(STEPS[install]['working-directory']).toBe('${{ runner.temp }}');
    expect(STEPS[install].run).toContain('--prefix "$RUNNER_TEMP/porgs-lint"');
    expect(STEPS[install].run).toContain('--ignore-scripts');
    expect(STEPS[install].run).toContain(`porgs-lint@${VERSION}`);
    expect(STEPS[checkoutStep].with).toMatchObject({ 'fetch-depth': 0, 'persist-credentials': false });
  });

  it('runs none of the planted code, and writes its report under the runner temp folder', () => {
    const lint = STEPS.find((s) => s.name === 'Lint')!;
    const res = runStep(lint.run, checkout, { ...env, TRUSTED_CONFIG_REV: '' });
    expect(existsSync(marker)).toBe(false);
    expect(res.status, res.stderr).toBe(1); // the fixture's dev version on a dev branch has findings
    expect(res.stdout).toMatch(/^::(error|warning|notice) file=/m);
    const sarif = JSON.parse(readFileSync(path.join(runnerTemp, 'porgs.sarif'), 'utf8'));
    expect(sarif.runs[0].tool.driver.name).toBe('porgs-lint');
    expect(existsSync(path.join(checkout, 'porgs.sarif'))).toBe(false);
  });

  it('is a real guard: npx inside the same checkout runs the planted bin', () => {
    const res = runStep('npx --no-install porgs-lint --version', checkout, env);
    expect(res.status).toBe(0);
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);
  });
});
