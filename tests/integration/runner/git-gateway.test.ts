// The process gateway: git only, allowed plumbing only, only on a porgs-lint git folder, with a
// time limit and the exit status returned; the folder is private and removed at exit.
import { execFile, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readRefs } from '../../../runner/git-disk.js';
import { createShadow, removeShadow } from '../../../runner/git-shadow.js';
import { runGit } from '../../../runner/git.js';
import { GatewayError, startGit } from '../../../runner/process.js';
import { git, makeRepo, writeFiles, commitAll } from '../../helpers/git.js';
import { tempFolders } from '../../helpers/hostile.js';

const keep = tempFolders();
const run = promisify(execFile);
const SHADOW_MODULE = fileURLToPath(new URL('../../../dist/runner/git-shadow.js', import.meta.url));

async function shadowOf(dir: string): Promise<string> {
  const gitDir = path.join(dir, '.git');
  return createShadow({ objectsDir: path.join(gitDir, 'objects'), format: { objectFormat: 'sha1', partialClone: false }, head: { symref: 'refs/heads/main' }, refs: readRefs(gitDir), shallow: [] });
}

describe('the process gateway', () => {
  it('runs only allowed plumbing, only on a folder porgs-lint made', async () => {
    const dir = keep(await makeRepo({ files: { 'a.txt': 'a\n' } }));
    const shadow = await shadowOf(dir);
    for (const sub of ['config', 'fetch', 'log', 'submodule', 'ls-files', '-c', 'daemon']) {
      expect(() => startGit({ gitDir: shadow, args: [sub] }), sub).toThrow(GatewayError);
    }
    expect(() => startGit({ gitDir: path.join(dir, '.git'), args: ['rev-parse', 'HEAD'] })).toThrow(/runs only on a git folder porgs-lint made/);
    removeShadow(shadow);
    expect(() => startGit({ gitDir: shadow, args: ['rev-parse', 'HEAD'] })).toThrow(GatewayError);
  });

  it('returns the exit status, ignores GIT_DIR and GIT_INDEX_FILE of the environment, and stops a call past its time limit', async () => {
    const dir = keep(await makeRepo({ files: { 'a.txt': 'a\n' } }));
    const other = keep(await makeRepo({ files: { 'b.txt': 'b\n' } }));
    const shadow = await shadowOf(dir);
    expect((await runGit(shadow, ['rev-parse', '--verify', '--quiet', '--end-of-options', 'nope'])).code).toBe(1);
    const saved = { GIT_DIR: process.env.GIT_DIR, GIT_INDEX_FILE: process.env.GIT_INDEX_FILE };
    Object.assign(process.env, { GIT_DIR: path.join(other, '.git'), GIT_INDEX_FILE: path.join(other, '.git/index') });
    try {
      const head = await runGit(shadow, ['rev-parse', '--verify', '--end-of-options', 'HEAD']);
      expect([head.code, head.stdout.trim()]).toEqual([0, await git(dir, 'rev-parse', 'HEAD')]);
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    const started = Date.now();
    const waiting = startGit({ gitDir: shadow, args: ['cat-file', '--batch'], timeoutMs: 300 });
    expect(await waiting.exited).toEqual({ code: -1, failure: 'git cat-file did not finish within 0.3 s and was stopped' });
    expect(Date.now() - started).toBeLessThan(5000);
    removeShadow(shadow);
  });

  it('makes a private folder that lends the objects, and removes it on exit and on SIGTERM', async () => {
    const dir = keep(await makeRepo({ files: { 'a.txt': 'a\n' } }));
    await writeFiles(dir, { 'b.txt': 'b\n' });
    await commitAll(dir, 'second');
    const shadow = await shadowOf(dir);
    expect(statSync(shadow).mode & 0o777).toBe(0o700);
    expect((await runGit(shadow, ['cat-file', '-t', '--end-of-options', 'HEAD~1'])).stdout).toBe('commit\n');
    removeShadow(shadow);
    expect(existsSync(shadow)).toBe(false);

    const script = (then: string) =>
      `import { createShadow } from ${JSON.stringify(SHADOW_MODULE)};` +
      `const dir = createShadow({ objectsDir: ${JSON.stringify(path.join(dir, '.git/objects'))}, format: { objectFormat: 'sha1' }, head: { oid: '${'a'.repeat(40)}' }, refs: { refs: new Map(), symrefs: new Map(), peeled: new Map(), ignored: [] }, shallow: [] });` +
      `console.log(dir); ${then}`;
    const exited = (await run(process.execPath, ['--input-type=module', '-e', script('')])).stdout.trim();
    expect([exited.includes('porgs-lint-git-'), existsSync(exited)]).toEqual([true, false]);

    const child = spawn(process.execPath, ['--input-type=module', '-e', script('setInterval(() => {}, 1000);')], { stdio: ['ignore', 'pipe', 'inherit'] });
    const made = await new Promise<string>((resolve) => child.stdout.once('data', (d) => resolve(String(d).trim())));
    expect(existsSync(made)).toBe(true);
    const signal = new Promise((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    child.kill('SIGTERM');
    expect(await signal).toBe('SIGTERM');
    expect(existsSync(made)).toBe(false);
  });
});
