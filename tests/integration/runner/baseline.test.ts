import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { makeFolder, writeFiles } from '../../helpers/git.js';

const CC = 'exegol/config/ConstantConfig.py';

describe('baseline', () => {
  it('round-trips: recorded findings are hidden, new ones reported, fixed ones listed as stale and prunable', async () => {
    const dir = await makeFolder({ files: { [CC]: '__version__ = "5.2.0b1"\n', 'exegol/utils/imgsync/spawn.sh': '# Spawn Version:3b\n' } });
    const file = path.join(dir, 'porgs-lint-baseline.json');
    const args = ['--mode', 'release', '--rule', 'wrapper/version-no-prerelease', '--rule', 'wrapper/spawn-version', '--format', 'json', dir];
    expect((await runCli(['--write-baseline', file, ...args])).code).toBe(0);
    const baseline = JSON.parse(await fs.readFile(file, 'utf8'));
    expect(baseline.schemaVersion).toBe(2);
    expect(baseline.entries.map((e: { ruleId: string }) => e.ruleId)).toEqual(['wrapper/version-no-prerelease', 'wrapper/spawn-version']);

    const clean = await runCli(['--baseline', file, ...args]);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout).diagnostics).toEqual([]);

    await writeFiles(dir, { 'exegol/utils/imgsync/spawn.sh': '# Spawn Version:3\n', 'tests/__init__.py': '' });
    await writeFiles(dir, { [CC]: '# moved\n__version__ = "5.2.0b1"\n' });
    const stale = await runCli(['--baseline', file, ...args]);
    expect(stale.code).toBe(0);
    expect(JSON.parse(stale.stdout).diagnostics.map((d: { ruleId: string; severity: string }) => `${d.ruleId} ${d.severity}`)).toEqual([
      'meta/stale-baseline-entry note',
    ]);
    await runCli(['--baseline', file, '--prune-baseline', ...args]);
    expect(JSON.parse(await fs.readFile(file, 'utf8')).entries.map((e: { ruleId: string }) => e.ruleId)).toEqual(['wrapper/version-no-prerelease']);
  });

  it('rejects a broken baseline file with exit 2', async () => {
    const dir = await makeFolder({ files: { [CC]: '__version__ = "5.2.0"\n', 'b.json': '{"entries": 3}' } });
    const res = await runCli(['--baseline', path.join(dir, 'b.json'), dir]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/not a porgs-lint baseline/);
  });
});
