// At most 3 git processes per repo linted, whatever the number of release tags: counted at the
// gateway, on a wrapper-shaped repo with 62 release tags (lightweight, annotated, signed) and
// about 2,000 commits including merges.
import { promises as fs } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error the benchmark generator is plain JavaScript without types
import { generateWrapper } from '../../bench/gen-wrapper.mjs';
import { processStats, resetProcessStats } from '../../runner/process.js';
import { lint } from '../../runner/run.js';
import { tmpDir } from '../helpers/git.js';

let dir: string;
beforeAll(() => {
  dir = tmpDir();
  generateWrapper(dir, 62);
}, 120_000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('git processes per repo linted', () => {
  it('a wrapper lint of the work tree starts at most 3, with 62 release tags', async () => {
    resetProcessStats();
    const result = await lint({ dirs: [dir], env: {} });
    const stats = processStats();
    expect(result.repos[0].kind).toBe('wrapper');
    expect(result.rules.map((r) => r.meta.id)).toContain('wrapper/version-increases');
    expect(stats.started, JSON.stringify(stats.bySubcommand)).toBeLessThanOrEqual(3);
  });

  it('a wrapper lint with --rev at a release tag starts at most 3', async () => {
    resetProcessStats();
    const result = await lint({ dirs: [dir], rev: '5.2.5', env: {} });
    const stats = processStats();
    expect(result.repos[0].mode).toBe('release');
    expect(result.rules.map((r) => r.meta.id)).toContain('wrapper/version-matches-tag');
    expect(stats.started, JSON.stringify(stats.bySubcommand)).toBeLessThanOrEqual(3);
  });
});
