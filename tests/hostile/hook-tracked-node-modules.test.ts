// A clone may commit its own node_modules/.bin/porgs-lint. When the porgs-lint recorded at install
// time is gone, the hook runs the repo's copy only when git tracks nothing under node_modules/
// (a porgs-lint on PATH reads the index to tell); otherwise it runs that PATH porgs-lint, or says
// in one line that none was found, and blocks the push.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { commitAll, git, makeRepo, tmpDir, writeFiles } from '../helpers/git.js';
import { expectNoStackTrace, pushVia } from '../integration/hook-managers/managers.js';

let dir: string;
let marker: string;
const GONE = '/nonexistent/porgs-lint/dist/runner/cli.js';

/** A wrapper repo with the hook installed, then the recorded porgs-lint made to be gone. */
beforeEach(async () => {
  dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'master' });
  await git(dir, 'rm', '-q', '.gitmodules');
  await commitAll(dir, 'no submodules');
  const remote = tmpDir('porgs-remote-');
  await git(remote, 'init', '-q', '--bare');
  await git(dir, 'remote', 'add', 'origin', remote);
  await git(dir, 'push', '-q', 'origin', 'master');
  expect((await runCli(['hook', 'install'], { cwd: dir })).code).toBe(0);
  const hook = path.join(dir, '.git/hooks/pre-push');
  const text = await fs.readFile(hook, 'utf8');
  expect(text).toContain(`cli='${CLI}'`);
  await fs.writeFile(hook, text.replaceAll(CLI, GONE));
  marker = path.join(tmpDir('porgs-marker-'), 'ran');
  await git(dir, 'tag', '5.1.4');
});

/** A folder for PATH holding a `porgs-lint` that is this build's CLI. */
async function ownPorgsLint(): Promise<string> {
  const bin = tmpDir('porgs-bin-');
  await fs.writeFile(path.join(bin, 'porgs-lint'), `#!/bin/sh\nexec node '${CLI}' "$@"\n`, { mode: 0o755 });
  return `${bin}:${process.env.PATH}`;
}

/** The repo's own node_modules/.bin/porgs-lint: leaves a marker, then runs this build's CLI. */
async function repoPorgsLint(): Promise<void> {
  await writeFiles(dir, { 'node_modules/.bin/porgs-lint': `#!/usr/bin/env node\nimport { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, '');\nawait import(${JSON.stringify(CLI)});\n` });
  await fs.chmod(path.join(dir, 'node_modules/.bin/porgs-lint'), 0o755);
}

describe("the hook's lookup when the recorded porgs-lint is gone", () => {
  it('never runs a node_modules/.bin/porgs-lint the repository tracks: the PATH porgs-lint checks the push', async () => {
    await repoPorgsLint();
    await commitAll(dir, 'a committed node_modules');
    const res = await pushVia(dir, { PATH: await ownPorgsLint() }, 'origin', '5.1.4');
    expect(existsSync(marker)).toBe(false);
    expect(res.output).toContain('porgs-lint: git tracks files under node_modules/ here, so its porgs-lint is not run');
    expect(res.output).toContain('hook/tag-signed');
    expect(res.code).not.toBe(0);
  });

  it("runs the repository's own untracked node_modules/.bin/porgs-lint, found through the PATH one", async () => {
    await repoPorgsLint();
    await writeFiles(dir, { '.gitignore': 'node_modules/\n' });
    await commitAll(dir, 'node_modules ignored');
    const res = await pushVia(dir, { PATH: await ownPorgsLint() }, 'origin', '5.1.4');
    expect(existsSync(marker)).toBe(true);
    expect(res.output).toContain('hook/tag-signed');
    expect(res.code).not.toBe(0);
  });

  it('without a porgs-lint of the user: one line, the push blocked, the tracked copy not run, no stack trace', async () => {
    await repoPorgsLint();
    await commitAll(dir, 'a committed node_modules');
    const res = await pushVia(dir, { PATH: process.env.PATH }, 'origin', '5.1.4');
    expect(existsSync(marker)).toBe(false);
    expect(res.output).toContain(
      `porgs-lint: not found where it was installed (${GONE}); node_modules/.bin/porgs-lint is run only when a porgs-lint of yours confirms git does not track it: run npx porgs-lint hook install again; to push anyway: PORGS_LINT_SKIP=1 git push ...`,
    );
    expectNoStackTrace(res.output);
    expect(res.code).not.toBe(0);
    expect(await git(dir, 'ls-remote', 'origin', 'refs/tags/5.1.4')).toBe('');
  });

  it('with no porgs-lint anywhere: one line saying how to install it and how to skip; the skip switch still says it skipped', async () => {
    const res = await pushVia(dir, { PATH: process.env.PATH }, 'origin', '5.1.4');
    expect(res.output).toContain(`porgs-lint: not found (not at ${GONE}, none on PATH): install it (npm install --save-dev porgs-lint && npx porgs-lint hook install`);
    expectNoStackTrace(res.output);
    expect(res.code).not.toBe(0);
    const skipped = await pushVia(dir, { PATH: process.env.PATH, PORGS_LINT_SKIP: '1' }, 'origin', '5.1.4');
    expect(skipped.output).toContain('porgs-lint: pre-push checks skipped (PORGS_LINT_SKIP=1)');
    expect(skipped.code).toBe(0);
  });
});

