// Scripts nested deeper than any real one (2,000 ifs, 10,000 subshells or substitutions) are a
// parse error at the file that says so; they used to overflow the stack of the bash view walk and
// fail every images rule.
import { readdirSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../runner/run.js';
import { runCli } from '../helpers/cli.js';
import { makeFolder, tmpDir } from '../helpers/git.js';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

async function imagesRepo(packageScript: string): Promise<string> {
  const dir = await makeFolder({
    files: {
      'sources/install/entrypoint.sh': '#!/bin/bash\nsource package_a.sh\n',
      'sources/install/common.sh': 'function colorecho() {\n  echo "$*"\n}\n',
      'sources/install/package_a.sh': packageScript,
    },
  });
  created.push(dir);
  return dir;
}

const fn = (body: string) => `function install_a() {\n${body}\n}\n`;
const HOSTILE: Record<string, { script: string; says: RegExp; line: number }> = {
  '2,000 nested ifs': { script: fn(`${'if true; then\n'.repeat(2000)}echo x\n${'fi\n'.repeat(2000)}`), says: /if statements are nested too deep: more than 32 levels from line 34 on/, line: 34 },
  '10,000 nested subshells': { script: fn(`${'( '.repeat(10_000)}echo x${' )'.repeat(10_000)}`), says: /nesting is too deep: more than 256 levels/, line: 2 },
  '10,000 nested command substitutions': { script: fn(`echo ${'"$('.repeat(10_000)}x${')"'.repeat(10_000)}`), says: /nesting is too deep: more than 256 levels/, line: 2 },
};

describe('deeply nested scripts', () => {
  for (const [name, { script, says, line }] of Object.entries(HOSTILE)) {
    it(`${name}: one meta/parse-error at the file saying the nesting is too deep, no rule fails (with and without the cache)`, async () => {
      const dir = await imagesRepo(script);
      const cacheDir = tmpDir('porgs-cache-');
      created.push(cacheDir);
      const run = async (cache?: string) => {
        const result = await lint({ dirs: [dir], kind: 'images', mode: 'dev', env: {}, today: '2026-01-15', cacheDir: cache });
        return { ok: result.executionSuccessful, diagnostics: result.diagnostics.filter((d) => d.severity !== 'note').map((d) => `${d.ruleId} ${d.location.path}:${d.location.line} ${d.message}`) };
      };
      const plain = await run();
      expect(plain.ok).toBe(true);
      expect(plain.diagnostics).toHaveLength(1);
      expect(plain.diagnostics[0]).toMatch(new RegExp(`^meta/parse-error sources/install/package_a\\.sh:${line} sources/install/package_a\\.sh could not be parsed as bash: `));
      expect(plain.diagnostics[0]).toMatch(says);
      // Written to the cache, then read back from it: the same finding.
      expect(await run(cacheDir)).toEqual(plain);
      expect(readdirSync(cacheDir, { recursive: true }).map(String).filter((f) => f.endsWith('.json'))).toHaveLength(3);
      expect(await run(cacheDir)).toEqual(plain);
    });
  }

  it('the CLI exits 1 (a finding), not 2 (a broken run)', async () => {
    const dir = await imagesRepo(HOSTILE['10,000 nested subshells'].script);
    const res = await runCli([dir, '--kind', 'images', '--mode', 'dev', '--no-cache', '--today', '2026-01-15']);
    expect(res.stdout).not.toMatch(/meta\/internal-error|Maximum call stack/);
    expect([res.code, res.stderr]).toEqual([1, '']);
  });
});

describe('deeply nested Python', () => {
  it('200,000 nested brackets: one meta/parse-error at the line where the limit is passed, no rule fails', async () => {
    const dir = await makeFolder({ files: { 'exegol/config/ConstantConfig.py': `__version__ = "5.2.0b1"\nx = ${'('.repeat(200_000)}1${')'.repeat(200_000)}\n` } });
    created.push(dir);
    const result = await lint({ dirs: [dir], kind: 'wrapper', mode: 'dev', env: {} });
    expect(result.executionSuccessful).toBe(true);
    const errors = result.diagnostics.filter((d) => d.ruleId === 'meta/parse-error');
    expect(errors.map((d) => [d.location.path, d.location.line, d.location.column])).toEqual([['exegol/config/ConstantConfig.py', 2, 505]]);
    expect(errors[0].message).toMatch(/brackets nested more than 500 deep/);
    expect(result.diagnostics.filter((d) => d.ruleId === 'meta/internal-error')).toEqual([]);
  });
});
