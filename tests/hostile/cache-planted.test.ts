// A parse cache in a folder someone else can write to (a CI runner's shared home folder) must not
// change a finding: entries carry a checksum, the folder must be private, no symlink in it is
// followed, and in CI there is no default folder at all.
import { execFileSync } from 'node:child_process';
import { promises as fs, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdentityLog, SETTLED_MS } from '../../runner/identity-log.js';
import { ParseCache } from '../../runner/parse-cache.js';
import { lint } from '../../runner/run.js';
import { runCli } from '../helpers/cli.js';
import { makeFolder, tmpDir } from '../helpers/git.js';

const created: string[] = [];
const newDir = (prefix: string) => {
  const dir = tmpDir(prefix);
  created.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

// install_a lacks add-history (one error); install_b has one, which a planted index can lend to install_a.
const PACKAGE = 'function install_a() {\n  colorecho "Installing a"\n}\n\nfunction install_b() {\n  add-history b\n}\n';
let repo: string;
beforeAll(async () => {
  repo = await makeFolder({
    files: {
      'sources/install/entrypoint.sh': '#!/bin/bash\nsource package_a.sh\n',
      'sources/install/package_a.sh': PACKAGE,
    },
  });
  created.push(repo);
});

const errors = async (cacheDir: string) =>
  (await lint({ dirs: [repo], kind: 'images', mode: 'dev', rules: ['images/install-add-history'], env: {}, today: '2026-01-15', cacheDir })).diagnostics.map(
    (d) => `${d.ruleId} ${d.location.path}:${d.location.line}`,
  );
const ONE_ERROR = ['images/install-add-history sources/install/package_a.sh:1'];

const entryFiles = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.json'));

/** A cache filled by an honest run, and the entry (relative path and key) of package_a.sh. */
async function honestCache(): Promise<{ dir: string; entry: string; key: string; text: string }> {
  const dir = newDir('porgs-cache-');
  expect(await errors(dir)).toEqual(ONE_ERROR);
  for (const entry of entryFiles(dir)) {
    const text = await fs.readFile(path.join(dir, entry), 'utf8');
    if (text.includes('install_b')) return { dir, entry, key: path.basename(entry, '.json'), text };
  }
  throw new Error('no cache entry for package_a.sh');
}

/** The entry's view with the index of install_b's add-history added to install_a's commands. */
function plantedView(text: string): unknown {
  const entry = JSON.parse(text.slice(text.indexOf('\n') + 1));
  lendAddHistory(entry.value);
  return entry;
}

function lendAddHistory(view: { commands: { name: string[] }; functions: Array<{ name: string; commands: number[] }> }): void {
  const addHistory = view.commands.name.indexOf('add-history');
  expect(addHistory).toBeGreaterThanOrEqual(0);
  view.functions.find((f) => f.name === 'install_a')!.commands.push(addHistory);
}

/** A planted entry with a valid checksum (anyone can compute one), written in a folder of its own. */
function validPlantedEntry(key: string, text: string): string {
  const elsewhere = newDir('porgs-plant-');
  new ParseCache(elsewhere, 'any salt').set(key, plantedView(text));
  return path.join(elsewhere, key.slice(0, 2), `${key}.json`);
}

describe('a planted parse-cache entry', () => {
  it('with one added index and its checksum left as it was is not trusted: the error stays, the entry is rewritten', async () => {
    const { dir, entry, text } = await honestCache();
    const header = text.slice(0, text.indexOf('\n') + 1);
    await fs.writeFile(path.join(dir, entry), header + JSON.stringify(plantedView(text)));
    expect(await errors(dir)).toEqual(ONE_ERROR);
    expect(await fs.readFile(path.join(dir, entry), 'utf8')).toBe(text);
  });

  it('with a valid checksum is used in the private folder of its owner (the control for the tests below)', async () => {
    const { dir, entry, key, text } = await honestCache();
    await fs.copyFile(validPlantedEntry(key, text), path.join(dir, entry));
    expect(await errors(dir)).toEqual([]);
  });

  it('in a folder that group or others can write is not used, and nothing is written there', async () => {
    const { dir, entry, key, text } = await honestCache();
    await fs.copyFile(validPlantedEntry(key, text), path.join(dir, entry));
    await fs.chmod(dir, 0o777);
    const before = entryFiles(dir).sort();
    await fs.rm(path.join(dir, before.find((e) => e !== entry)!));
    expect(await errors(dir)).toEqual(ONE_ERROR);
    expect(entryFiles(dir).length).toBe(before.length - 1);
  });

  it('in a shard folder that others can write is not used', async () => {
    const { dir, entry, key, text } = await honestCache();
    await fs.copyFile(validPlantedEntry(key, text), path.join(dir, entry));
    await fs.chmod(path.join(dir, key.slice(0, 2)), 0o777);
    expect(await errors(dir)).toEqual(ONE_ERROR);
  });

  it('as a symlink is not followed: the error stays, the link is replaced by a real entry, its target is untouched', async () => {
    const { dir, entry, key, text } = await honestCache();
    const target = validPlantedEntry(key, text);
    const planted = await fs.readFile(target, 'utf8');
    await fs.rm(path.join(dir, entry));
    await fs.symlink(target, path.join(dir, entry));
    expect(await errors(dir)).toEqual(ONE_ERROR);
    expect((await fs.lstat(path.join(dir, entry))).isFile()).toBe(true);
    expect(await fs.readFile(path.join(dir, entry), 'utf8')).toBe(text);
    expect(await fs.readFile(target, 'utf8')).toBe(planted);
  });

  it('behind a symlinked shard folder is not followed', async () => {
    const { dir, key, text } = await honestCache();
    const target = validPlantedEntry(key, text);
    const shard = path.join(dir, key.slice(0, 2));
    await fs.rm(shard, { recursive: true });
    await fs.symlink(path.dirname(target), shard);
    expect(await errors(dir)).toEqual(ONE_ERROR);
  });

  it('as a FIFO does not block the run', async () => {
    const { dir, entry } = await honestCache();
    await fs.rm(path.join(dir, entry));
    execFileSync('mkfifo', [path.join(dir, entry)]);
    expect(await errors(dir)).toEqual(ONE_ERROR);
  });
});

describe('a planted line of the identity log (views found by a settled file\'s stat)', () => {
  let settled: string;
  beforeAll(async () => {
    settled = await makeFolder({ files: { 'sources/install/entrypoint.sh': '#!/bin/bash\nsource package_a.sh\n', 'sources/install/package_a.sh': PACKAGE } });
    created.push(settled);
    await sleep(SETTLED_MS + 200);
  });
  const errorsIn = async (cacheDir: string) =>
    (await lint({ dirs: [settled], kind: 'images', mode: 'dev', rules: ['images/install-add-history'], env: {}, today: '2026-01-15', cacheDir })).diagnostics.map((d) => `${d.ruleId} ${d.location.path}:${d.location.line}`);
  const logOf = (dir: string) => path.join(dir, readdirSync(dir, { recursive: true }).map(String).find((f) => f.endsWith('.log'))!);

  /** A log filled by an honest run, then a line with a valid checksum lending install_b's add-history to install_a, written by the log itself in `where`. */
  async function plantedLog(where = newDir('porgs-plant-')): Promise<{ dir: string; log: string; planted: string }> {
    const dir = newDir('porgs-cache-');
    expect(await errorsIn(dir)).toEqual(ONE_ERROR);
    const log = logOf(dir);
    const line = (await fs.readFile(log, 'utf8')).split('\n').find((l) => l.includes('install_b'))!;
    const tab = line.indexOf('\t');
    const [salt, file, identity] = JSON.parse(line.slice(65, tab));
    const value = JSON.parse(line.slice(tab + 1));
    lendAddHistory(value.outcome.value);
    new IdentityLog(where, settled).append(salt, file, identity, value);
    return { dir, log, planted: logOf(where) };
  }

  it('with a valid checksum is used in the private folder of its owner (the control for the tests below)', async () => {
    const { dir, log, planted } = await plantedLog();
    await fs.copyFile(planted, log);
    expect(await errorsIn(dir)).toEqual([]);
  });

  it('in a folder that group or others can write is not used', async () => {
    const { dir, log, planted } = await plantedLog();
    await fs.copyFile(planted, log);
    await fs.chmod(dir, 0o777);
    expect(await errorsIn(dir)).toEqual(ONE_ERROR);
  });

  it('as a symlink is not followed: the error stays, the link is replaced by a real log, its target is untouched', async () => {
    const { dir, log, planted } = await plantedLog();
    const before = await fs.readFile(planted, 'utf8');
    await fs.rm(log);
    await fs.symlink(planted, log);
    expect(await errorsIn(dir)).toEqual(ONE_ERROR);
    expect((await fs.lstat(log)).isFile()).toBe(true);
    expect(await fs.readFile(planted, 'utf8')).toBe(before);
  });

  it('as a FIFO does not block the run', async () => {
    const { dir, log } = await plantedLog();
    await fs.rm(log);
    execFileSync('mkfifo', [log]);
    expect(await errorsIn(dir)).toEqual(ONE_ERROR);
  });
});

describe('the cache folder in CI', () => {
  const cached = (home: string) => entryFiles(home);

  it('with CI set and no --cache-dir, nothing is written under HOME or XDG_CACHE_HOME', async () => {
    const home = newDir('porgs-home-');
    const env = { HOME: home, XDG_CACHE_HOME: path.join(home, 'xdg'), PORGS_LINT_CACHE_DIR: undefined };
    const ci = await runCli([repo, '--kind', 'images', '--mode', 'dev', '--rule', 'images/install-add-history'], { env: { ...env, CI: 'true' } });
    expect([ci.code, ci.stdout.includes('package_a.sh:1:10')]).toEqual([1, true]);
    expect(cached(home)).toEqual([]);
    // The same run outside CI writes there: the check above could fail.
    const local = await runCli([repo, '--kind', 'images', '--mode', 'dev', '--rule', 'images/install-add-history'], { env: { ...env, CI: 'false' } });
    expect(local.code).toBe(1);
    expect(cached(path.join(home, 'xdg', 'porgs-lint')).length).toBe(2);
  });

  it('with CI set, --cache-dir turns the cache on', async () => {
    const cacheDir = newDir('porgs-cache-');
    const res = await runCli([repo, '--kind', 'images', '--mode', 'dev', '--rule', 'images/install-add-history', '--cache-dir', cacheDir], { env: { CI: 'true' } });
    expect(res.code).toBe(1);
    expect(entryFiles(cacheDir).length).toBe(2);
  });
});
