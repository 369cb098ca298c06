// The SARIF of the demo and of every fixture, in both modes, as plain folders and as git repos,
// passes the referee (tests/helpers/sarif-check.cjs) with no error and no warning: the OASIS
// schema, the upload-sarif action's schema gate, GitHub's documented ingestion checks, and every
// location (related ones too) at a real file and line of the checked repo.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sarif } from '../../../reporters/sarif.js';
import { splitByRepo } from '../../../runner/outputs.js';
import { lint, type LintOptions } from '../../../runner/run.js';
import { makeRepo, tmpDir } from '../../helpers/git.js';
import { referee } from '../../helpers/sarif-referee.js';

const FIXTURES = ['docs', 'images', 'images-3.1', 'resources', 'wrapper-3.x', 'wrapper-4.1', 'wrapper-4.3', 'wrapper-5x'];

type Input = Pick<LintOptions, 'dirs' | 'mode' | 'configPath'> & { copyOf?: string };

async function inputs(): Promise<Input[]> {
  const out: Input[] = [{ configPath: 'examples/demo/porgs-lint.toml' }];
  for (const f of FIXTURES) {
    const fixture = path.resolve(`tests/fixtures/${f}`);
    for (const mode of ['release', 'dev'] as const) out.push({ dirs: [fixture], mode });
    out.push({ dirs: [await makeRepo({ fixture: f, branch: 'dev' })], copyOf: fixture });
  }
  return out;
}

interface Batch {
  root: string;
  files: string[];
  categories: Set<string>;
}

/**
 * Writes the SARIF file of each repo of each run as the CLI does, in batches for the referee: the
 * files of one folder (a git repo made from a fixture is checked against the fixture, the same
 * files), never two of one category in a batch (the referee takes a batch for one upload).
 */
async function sarifBatches(): Promise<Batch[]> {
  const out = tmpDir('porgs-sarif-');
  const batches: Batch[] = [];
  let n = 0;
  for (const { copyOf, ...input } of await inputs()) {
    const result = await lint({ ...input, env: {}, today: '2026-06-01' });
    for (const { result: one } of splitByRepo(result)) {
      const file = path.join(out, `${++n}-${one.repos[0].name}.sarif`);
      await fs.writeFile(file, sarif(one, { color: false, cwd: process.cwd() }));
      const root = copyOf ?? one.repos[0].root;
      const category = `${one.repos[0].kind}/${one.repos[0].mode}`;
      let batch = batches.find((b) => b.root === root && !b.categories.has(category));
      if (!batch) batches.push((batch = { root, files: [], categories: new Set() }));
      batch.files.push(file);
      batch.categories.add(category);
    }
  }
  return batches;
}

describe('SARIF and the referee', () => {
  it('the demo and every fixture: 0 errors and 0 warnings', async () => {
    const batches = await sarifBatches();
    // The demo's three repos and each fixture as two plain-folder runs and one git repo.
    expect(new Set(batches.map((b) => b.root)).size).toBe(3 + FIXTURES.length);
    expect(batches.flatMap((b) => b.files)).toHaveLength(3 + FIXTURES.length * 3);
    for (const { root, files } of batches) {
      const verdict = await referee(files, root);
      expect(verdict.problems, root).toEqual([]);
      expect([verdict.errors, verdict.warnings], root).toEqual([0, 0]);
    }
  }, 180_000);

  it('the referee is live: a region without its end draws a warning', async () => {
    const result = await lint({ dirs: ['examples/demo/Exegol'], mode: 'release', env: {}, today: '2026-06-01' });
    const log = JSON.parse(sarif(result, { color: false, cwd: process.cwd() }));
    const region = log.runs[0].results[0].locations[0].physicalLocation.region;
    delete region.endLine;
    delete region.endColumn;
    const file = path.join(tmpDir('porgs-sarif-'), 'cut.sarif');
    await fs.writeFile(file, JSON.stringify(log));
    const verdict = await referee([file], result.repos[0].root);
    expect(verdict.warnings).toBe(1);
    expect(verdict.problems[0]).toMatch(/\[gh\.region\.complete\] runs\[0\]\.results\[0\]\.locations\[0\]\.physicalLocation\.region: region lacks endLine, endColumn/);
  });
});
