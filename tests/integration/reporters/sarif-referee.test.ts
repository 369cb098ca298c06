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
import { demoWithHistory } from '../../helpers/demo.js';
import { makeRepo, tmpDir } from '../../helpers/git.js';
import { referee } from '../../helpers/sarif-referee.js';

const FIXTURES = ['docs', 'images', 'images-3.1', 'resources', 'wrapper-3.x', 'wrapper-4.1', 'wrapper-4.3', 'wrapper-5x'];

/**
 * The one referee warning porgs-lint keeps: the referee wants 16 hex digits in
 * primaryLocationLineHash, but upload-sarif's own fingerprints.ts writes the hash without leading
 * zeros (its reference values include `180aee12dab6264:1`, tests/reporters/line-hash.test.ts), and
 * porgs-lint writes exactly what the action would compute.
 */
const UNPADDED_LINE_HASH = /warning \[gh\.result\.fingerprint\] \S+primaryLocationLineHash: '[0-9a-f]{1,15}:[1-9]\d*' is not in the '<16 hex digits>/;

type Input = Pick<LintOptions, 'dirs' | 'mode' | 'configPath'> & { copyOf?: string };

async function inputs(): Promise<Input[]> {
  const out: Input[] = [{ configPath: 'examples/demo/porgs-lint.toml' }, { configPath: path.join(demoWithHistory().history, 'porgs-lint.toml') }];
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
    // The demo's four repos as plain folders and with their history, and each fixture as two
    // plain-folder runs and one git repo.
    expect(new Set(batches.map((b) => b.root)).size).toBe(8 + FIXTURES.length);
    expect(batches.flatMap((b) => b.files)).toHaveLength(8 + FIXTURES.length * 3);
    for (const { root, files } of batches) {
      const verdict = await referee(files, root);
      const disputed = verdict.problems.filter((p) => UNPADDED_LINE_HASH.test(p));
      expect(verdict.problems.filter((p) => !disputed.includes(p)), root).toEqual([]);
      expect([verdict.errors, verdict.warnings - disputed.length], root).toEqual([0, 0]);
    }
  }, 180_000);

  it('the referee checks a cross-repo related location in its own repo: a file missing there is an error', async () => {
    const result = await lint({ configPath: 'examples/demo/porgs-lint.toml', env: {}, today: '2026-06-01' });
    const docs = splitByRepo(result).find((r) => r.result.repos[0].kind === 'docs')!.result;
    const log = JSON.parse(sarif(docs, { color: false, cwd: process.cwd() }));
    const withRelated = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'docs/cli-option-exists');
    const other = withRelated.relatedLocations[0].physicalLocation.artifactLocation;
    expect(other.uriBaseId).toBe('%REPO:Exegol%');
    const dir = tmpDir('porgs-sarif-');
    await fs.writeFile(path.join(dir, 'as-is.sarif'), JSON.stringify(log));
    expect((await referee([path.join(dir, 'as-is.sarif')], docs.repos[0].root)).errors).toBe(0);
    other.uri = 'exegol/console/cli/actions/Gone.py';
    await fs.writeFile(path.join(dir, 'gone.sarif'), JSON.stringify(log));
    const verdict = await referee([path.join(dir, 'gone.sarif')], docs.repos[0].root);
    expect(verdict.errors).toBe(1);
    expect(verdict.problems.find((p) => p.includes(': error '))).toContain(`[repo.file] runs[0].results[${log.runs[0].results.indexOf(withRelated)}].relatedLocations[0].physicalLocation: 'exegol/console/cli/actions/Gone.py' does not exist under ${path.resolve('examples/demo/Exegol')}`);
  });

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
