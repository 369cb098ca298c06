// The parse cache: a content-addressed store of bash views, best effort, never trusted blindly.
import { promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseCache, defaultCacheDir } from '../../runner/parse-cache.js';
import { load } from '../../runner/parsers/bash.js';
import { decodeBashFile, encodeBashFile } from '../../runner/parsers/bash-view.js';
import { lint } from '../../runner/run.js';
import { runCli } from '../helpers/cli.js';
import { FIXTURES, makeFolder, tmpDir, writeFiles } from '../helpers/git.js';

const parse = await load();
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
    await fs.writeFile(path.join(dir, key.slice(0, 2), `${key}.json`), '{"ok": tr');
    expect(a.get(key)).toBeUndefined();
  });

  it('never throws when the folder cannot be written', () => {
    const cache = new ParseCache('/dev/null/porgs-lint', 'bash:x');
    expect(() => cache.set(cache.key('x'), { ok: true })).not.toThrow();
    expect(cache.get(cache.key('x'))).toBeUndefined();
  });

  it('defaults to PORGS_LINT_CACHE_DIR, then XDG_CACHE_HOME', () => {
    expect(defaultCacheDir({ PORGS_LINT_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x' })).toBe(path.join('/x', 'porgs-lint'));
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
    const dir = await makeFolder({ fixture: 'images' });
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
    const dir = await makeFolder({ fixture: 'resources' });
    const run = async () => (await lint({ dirs: [dir], kind: 'resources', mode: 'release', env: {}, cacheDir })).diagnostics.map((d) => `${d.ruleId} ${d.message}`);
    const clean = await run();
    const [entry] = entries(cacheDir);
    await fs.writeFile(path.join(cacheDir, entry), '{"ok":true,"value":{"names":[]}}');
    expect(await run()).toEqual(clean);
    expect(JSON.parse(await fs.readFile(path.join(cacheDir, entry), 'utf8')).value.commands.length).toBeGreaterThan(10);
  });

  it('the CLI caches by default in PORGS_LINT_CACHE_DIR, in --cache-dir when given, and not at all with --no-cache', async () => {
    const dir = await makeFolder({ fixture: 'resources' });
    const envDir = tmpDir('porgs-cache-');
    expect((await runCli([dir, '--mode', 'release'], { env: { PORGS_LINT_CACHE_DIR: envDir } })).code).toBe(0);
    expect(entries(envDir)).toHaveLength(1);
    const flagDir = tmpDir('porgs-cache-');
    expect((await runCli([dir, '--mode', 'release', '--cache-dir', flagDir], { env: { PORGS_LINT_CACHE_DIR: envDir } })).code).toBe(0);
    expect(entries(flagDir)).toHaveLength(1);
    const offDir = tmpDir('porgs-cache-');
    expect((await runCli([dir, '--mode', 'release', '--no-cache'], { env: { PORGS_LINT_CACHE_DIR: offDir } })).code).toBe(0);
    expect(entries(offDir)).toEqual([]);
  });
});
