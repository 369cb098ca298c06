// A schemaVersion 1 baseline (written by the previous release, whose fingerprints hashed the
// message) is migrated by re-matching rule + file + offending text: it keeps hiding the same
// findings, says so in one line, and is saved as schemaVersion 2.
import { cpSync, promises as fs, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrateBaseline, parseBaseline } from '../../../runner/baseline.js';
import { lint } from '../../../runner/run.js';
import { runCli } from '../../helpers/cli.js';
import { copyDemo, DEMO_TODAY } from '../../helpers/demo.js';

const V1 = fileURLToPath(new URL('../../fixtures/baselines/demo-v1.json', import.meta.url));

/** A copy of the demo as it was when the version 1 baseline was written: without the docs repo, added later. */
function demoOfV1(): string {
  const demo = copyDemo();
  const config = path.join(demo, 'porgs-lint.toml');
  const text = readFileSync(config, 'utf8');
  const docsRepo = /\n\[repos\.Exegol-docs\]\n(?:[^[\n][^\n]*\n)*/;
  expect(text).toMatch(docsRepo);
  writeFileSync(config, text.replace(docsRepo, '\n'));
  return demo;
}

describe('baseline schemaVersion 1', () => {
  it('is re-matched entry by entry to the current findings', async () => {
    const demo = demoOfV1();
    const result = await lint({ configPath: path.join(demo, 'porgs-lint.toml'), cwd: demo, today: DEMO_TODAY, env: {} });
    const old = parseBaseline(await fs.readFile(V1, 'utf8'), 'demo-v1.json');
    expect(old.schemaVersion).toBe(1);
    const { baseline, migration } = migrateBaseline(old, result.diagnostics);
    expect(migration).toEqual({ total: old.entries.length, matched: old.entries.length });
    expect(baseline.schemaVersion).toBe(2);
    expect(new Set(baseline.entries.map((e) => e.fingerprint))).toEqual(new Set(result.diagnostics.filter((d) => !d.ruleId.startsWith('meta/')).map((d) => d.fingerprint)));
  });

  it('an entry whose finding was fixed stays unmatched and is reported stale', async () => {
    const demo = demoOfV1();
    const result = await lint({ configPath: path.join(demo, 'porgs-lint.toml'), cwd: demo, today: DEMO_TODAY, env: {} });
    const old = parseBaseline(await fs.readFile(V1, 'utf8'), 'demo-v1.json');
    const fixed = result.diagnostics.find((d) => d.ruleId === old.entries[0].ruleId && d.location.path === old.entries[0].path)!;
    const { migration } = migrateBaseline(old, result.diagnostics.filter((d) => d !== fixed));
    expect(migration).toEqual({ total: old.entries.length, matched: old.entries.length - 1 });
  });

  it('from the command line: the old baseline hides every finding, one notice, and --prune-baseline saves it as version 2', async () => {
    const demo = demoOfV1();
    const file = path.join(demo, 'baseline.json');
    cpSync(V1, file);
    const args = ['--config', 'porgs-lint.toml', '--today', DEMO_TODAY, '--format', 'json', '--baseline', 'baseline.json'];
    const res = await runCli(args, { cwd: demo });
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).diagnostics).toEqual([]);
    const notices = res.stderr.split('\n').filter((l) => l.includes('schemaVersion 1'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/16 of 16 entries re-matched/);

    expect((await runCli([...args, '--prune-baseline'], { cwd: demo })).code).toBe(0);
    const saved = JSON.parse(await fs.readFile(file, 'utf8'));
    expect(saved.schemaVersion).toBe(2);
    expect(saved.entries).toHaveLength(16);
    const again = await runCli(args, { cwd: demo });
    expect(again.stderr).not.toMatch(/schemaVersion 1/);
    expect(JSON.parse(again.stdout).diagnostics).toEqual([]);
  });
});
