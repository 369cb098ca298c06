// The parse cache: a content-addressed store of bash views, best effort, never trusted blindly.
import { promises as fs, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runsInCI as isCI } from '../../../runner/ci.js';
import { ParseCache, chooseCacheDir, defaultCacheDir } from '../../../runner/parse-cache.js';
import { load } from '../../../runner/parsers/bash.js';
import { decodeBashFile, encodeBashFile } from '../../../runner/parsers/bash-view.js';
import { lint } from '../../../runner/run.js';
import { runCli } from '../../helpers/cli.js';
import { FIXTURES, makeFolder, tmpDir as newTmpDir, writeFiles } from '../../helpers/git.js';

const parse = await load();
const created: string[] = [];
const tmpDir = (prefix: string) => {
  const dir = newTmpDir(prefix);
  created.push(dir);
  return dir;
};
const folder = async (opts: Parameters<typeof makeFolder>[0]) => {
  const dir = await makeFolder(opts);
  created.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});
/** The JSON body of an entry (after its checksum line). */
const body = (text: string) => JSON.parse(text.slice(text.indexOf('\n') + 1));
const entries = (dir: string): string[] => {
  try {
    return readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
};

describe('ParseCache', () => {
  it('round-trips values, keys by salt and content, and treats a corrupt entry as a miss', async () => {
    const dir = tmpDir('porgs-cache-');
    const a = new ParseCache(dir, 'bash:one');
    const b = new ParseCache(dir, 'bash:two');
    expect(a.key('echo hi\n')).not.toBe(b.key('echo hi\n'));
    expect(a.key('echo hi\n')).not.toBe(a.key('echo ho\n'));
    const key = a.key('echo hi\n');
    expect(a.get(key)).toBeUndefined();
    a.set(key, { ok: true, value: [1, 2] });
    expect(a.get(key)).toEqual({ ok: true, value: [1, 2] });
    expect(b.get(b.key('echo hi\n'))).toBeUndefined();
    const file = path.join(dir, key.slice(0, 2), `${key}.json`);
    const honest = await fs.readFile(file, 'utf8');
    expect(honest).toMatch(/^porgs-lint-cache 1 [0-9a-f]{64}\n\{/);
    await fs.writeFile(file, honest.slice(0, -3));
    expect(a.get(key)).toBeUndefined();
    await fs.writeFile(file, honest.replace('[1,2]', '[1,3]'));
    expect(a.get(key)).toBeUndefined();
    a.set(key, { ok: true, value: [1, 2] });
    expect(a.get(key)).toEqual({ ok: true, value: [1, 2] });
  });

  it('an entry carries the checksum of its key too: moved to another key, it is not read', async () => {
    const dir = tmpDir('porgs-cache-');
    const cache = new ParseCache(dir, 'bash:one');
    const [k1, k2] = [cache.key('echo 1\n'), cache.key('echo 2\n')];
    cache.set(k1, { ok: true, value: 'one' });
    await fs.mkdir(path.join(dir, k2.slice(0, 2)), { recursive: true, mode: 0o700 });
    await fs.copyFile(path.join(dir, k1.slice(0, 2), `${k1}.json`), path.join(dir, k2.slice(0, 2), `${k2}.json`));
    expect(cache.get(k1)).toEqual({ ok: true, value: 'one' });
    expect(cache.get(k2)).toBeUndefined();
  });

  it('writes entries atomically: a private file under its final name, no temp file left behind', async () => {
    const dir = tmpDir('porgs-cache-');
    const cache = new ParseCache(dir, 'bash:one');
    const key = cache.key('x');
    cache.set(key, { ok: true, value: 'x' });
    cache.set(key, { ok: true, value: 'y' });
    const shard = path.join(dir, key.slice(0, 2));
    expect(readdirSync(shard)).toEqual([`${key}.json`]);
    expect((await fs.stat(path.join(shard, `${key}.json`))).mode & 0o777).toBe(0o600);
    expect((await fs.stat(shard)).mode & 0o077).toBe(0);
    expect(cache.get(key)).toEqual({ ok: true, value: 'y' });
  });

  it('never throws when the folder cannot be written', () => {
    const cache = new ParseCache('/dev/null/porgs-lint', 'bash:x');
    expect(() => cache.set(cache.key('x'), { ok: true })).not.toThrow();
    expect(cache.get(cache.key('x'))).toBeUndefined();
  });

  it('defaults to PORGS_LINT_CACHE_DIR, then XDG_CACHE_HOME; in CI to none, --cache-dir only', () => {
    expect(defaultCacheDir({ PORGS_LINT_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x' })).toBe(path.join('/x', 'porgs-lint'));
    expect(defaultCacheDir({ CI: 'true', PORGS_LINT_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBeUndefined();
    expect(chooseCacheDir(undefined, { CI: '1', XDG_CACHE_HOME: '/x' }, '/w')).toBeUndefined();
    expect(chooseCacheDir('c', { CI: '1' }, '/w')).toBe(path.resolve('/w', 'c'));
    expect([undefined, '', 'false', 'FALSE', 'true', '1', 'yes'].map((CI) => isCI({ CI }))).toEqual([false, false, false, false, true, true, true]);
  });
});

describe('bash views through the cache', () => {
  it('encode then decode gives back the same view, shared objects included', async () => {
    let shared = 0;
    for (const f of ['package_base.sh', 'package_misc.sh', 'package_ad.sh', 'entrypoint.sh']) {
      const outcome = parse(await fs.readFile(path.join(FIXTURES, 'images/sources/install', f), 'utf8'));
      if (!outcome.ok) throw new Error(outcome.error.message);
      const back = decodeBashFile(JSON.parse(JSON.stringify(encodeBashFile(outcome.value))));
      expect(back).toEqual(outcome.value);
      for (const fn of back.functions) {
        for (const c of fn.commands) expect(back.commands.includes(c)).toBe(true);
        shared += fn.commands.length;
      }
    }
    expect(shared).toBeGreaterThan(50);
  });

  it('a second run reads the cache and reports the same findings; an edit is parsed again', async () => {
    const cacheDir = tmpDir('porgs-cache-');
    const dir = await folder({ fixture: 'images' });
    await writeFiles(dir, { 'sources/install/package_broken.sh': 'function install_x() {\n  if true; then\n}\n' });
    const run = async () => (await lint({ dirs: [dir], kind: 'images', mode: 'dev', env: {}, today: '2026-01-15', cacheDir })).diagnostics.map((d) => `${d.ruleId} ${d.location.path}:${d.location.line} ${d.message}`);
    const first = await run();
    expect(first.some((l) => l.startsWith('meta/parse-error sources/install/package_broken.sh'))).toBe(true);
    const written = entries(cacheDir);
    expect(written.length).toBe(6); // every sources/install/*.sh, the unparsable one included
    expect(await run()).toEqual(first);
    expect(entries(cacheDir)).toEqual(written);
    await writeFiles(dir, { 'sources/install/package_broken.sh': 'function install_x() {\n  colorecho "Installing x"\n}\n' });
    const third = await run();
    expect(third.some((l) => l.startsWith('meta/parse-error'))).toBe(false);
    expect(third).toContain('images/install-add-aliases sources/install/package_broken.sh:1 install_x does not call add-aliases; add `add-aliases x`, or whitelist it on the function\'s first line: # CODE-CHECK-WHITELIST=add-aliases');
    expect(entries(cacheDir).length).toBe(7);
  });

  it('an entry that does not decode is a miss, parsed again and rewritten', async () => {
    const cacheDir = tmpDir('porgs-cache-');
    const dir = await folder({ fixture: 'resources' });
    const run = async () => (await lint({ dirs: [dir], kind: 'resources', mode: 'release', env: {}, cacheDir })).diagnostics.map((d) => `${d.ruleId} ${d.message}`);
    const clean = await run();
    const [entry] = entries(cacheDir);
    const key = path.basename(entry, '.json');
    new ParseCache(cacheDir, 'any').set(key, { ok: true, value: { names: [] } }); // checksum right, content not a view
    expect(await run()).toEqual(clean);
    expect(body(await fs.readFile(path.join(cacheDir, entry), 'utf8')).value.commands.name.length).toBeGreaterThan(10);
  });

  it('the CLI caches by default in PORGS_LINT_CACHE_DIR, in --cache-dir when given, and not at all with --no-cache', async () => {
    const dir = await folder({ fixture: 'resources' });
    const envDir = tmpDir('porgs-cache-');
    // Outside CI (the variable is set where this suite runs in CI).
    const local = { CI: '' };
    expect((await runCli([dir, '--mode', 'release'], { env: { ...local, PORGS_LINT_CACHE_DIR: envDir } })).code).toBe(0);
    expect(entries(envDir)).toHaveLength(1);
    const flagDir = tmpDir('porgs-cache-');
    expect((await runCli([dir, '--mode', 'release', '--cache-dir', flagDir], { env: { ...local, PORGS_LINT_CACHE_DIR: envDir } })).code).toBe(0);
    expect(entries(flagDir)).toHaveLength(1);
    const offDir = tmpDir('porgs-cache-');
    expect((await runCli([dir, '--mode', 'release', '--no-cache'], { env: { ...local, PORGS_LINT_CACHE_DIR: offDir } })).code).toBe(0);
    expect(entries(offDir)).toEqual([]);
  });
});
