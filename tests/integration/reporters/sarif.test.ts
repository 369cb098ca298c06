import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv04Module from 'ajv-draft-04';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { lint, type LintOptions } from '../../../runner/run.js';
import { buildSarif, FINGERPRINT_KEY } from '../../../reporters/sarif.js';
import { runCli } from '../../helpers/cli.js';
import { makeFolder, makeRepo, tmpDir, writeFiles } from '../../helpers/git.js';

// ajv-draft-04 is CommonJS: its class is the default export's `default` under NodeNext typing.
const Ajv04 = ((Ajv04Module as unknown as { default?: typeof Ajv2020 }).default ?? Ajv04Module) as unknown as typeof Ajv2020;
const SCHEMAS = path.resolve(import.meta.dirname, '../../schemas/sarif');

function validators() {
  const oasis = new Ajv04({ allErrors: true, strict: false, validateFormats: false }).compile(JSON.parse(readFileSync(path.join(SCHEMAS, 'sarif-schema-2.1.0.json'), 'utf8')));
  const githubSchema = JSON.parse(readFileSync(path.join(SCHEMAS, 'github-codeql-action/sarif-schema-2.1.0.json'), 'utf8'));
  // GitHub's copy puts the region anyOf inside `properties` by mistake (see tests/schemas/sarif/SOURCE.md): skip meta-validation.
  const github = new Ajv2020({ allErrors: true, strict: false, validateFormats: false, validateSchema: false }).compile(githubSchema);
  return { oasis, github };
}

const CC = 'exegol/config/ConstantConfig.py';

describe('SARIF', () => {
  it('validates against the OASIS schema and GitHub\'s copy, for the demo and every fixture', async () => {
    const { oasis, github } = validators();
    const inputs: Array<Pick<LintOptions, 'dirs' | 'mode' | 'kind' | 'configPath'>> = [
      { dirs: ['examples/demo/Exegol'], mode: 'release' as const },
      { configPath: 'examples/demo/porgs-lint.toml' },
      { dirs: ['tests/fixtures/images'], mode: 'dev' as const, kind: 'images' as const },
      ...['wrapper-4.1', 'wrapper-4.3', 'wrapper-5x'].map((f) => ({ dirs: [`tests/fixtures/${f}`], mode: 'dev' as const })),
      { dirs: [await makeFolder({ files: { [CC]: 'class A(:\n' } })], mode: 'release' as const, kind: 'wrapper' as const },
    ];
    for (const input of inputs) {
      const log = buildSarif(await lint({ ...input, env: {}, today: '2026-06-01' }));
      expect(oasis(log), `${input.dirs?.[0] ?? input.configPath}: ${JSON.stringify(oasis.errors?.slice(0, 3))}`).toBe(true);
      expect(github(log), `${input.dirs?.[0] ?? input.configPath}: ${JSON.stringify(github.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it('carries rule metadata, consistent indexes, %SRCROOT% URIs and both fingerprints', async () => {
    const dir = await makeFolder({ files: { [CC]: '__version__ = "5.2.0b1"\n', 'exegol/utils/imgsync/spawn.sh': '# Spawn Version:3b\n' } });
    const log = buildSarif(await lint({ dirs: [dir], mode: 'release', env: {} }));
    const [run] = log.runs;
    expect(run.automationDetails.id).toBe('porgs-lint/wrapper/release/');
    expect(run.tool.driver.rules.map((r) => r.id)).toContain('wrapper/requirements-sync');
    const rule = run.tool.driver.rules.find((r) => r.id === 'wrapper/version-no-prerelease')!;
    expect(rule).toMatchObject({ name: 'WrapperVersionNoPrerelease', defaultConfiguration: { level: 'error' } });
    expect(rule.help.markdown).toContain('## Examples');
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex!].id).toBe(r.ruleId);
      expect(r.message.text.length).toBeGreaterThan(0);
      expect(r.locations[0].physicalLocation!.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    }
    const res = run.results.find((r) => r.ruleId === 'wrapper/version-no-prerelease')!;
    expect(res.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'exegol/config/ConstantConfig.py', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 15, endLine: 1, endColumn: 24, snippet: { text: '"5.2.0b1"' } },
    });
    expect(res.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]+:1$/);
    expect(res.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
    expect(run.invocations[0].toolExecutionNotifications.map((n) => (n as { message: { text: string } }).message.text)).toContainEqual(
      expect.stringContaining('cannot verify'),
    );
  });

  it('keeps our fingerprint when lines move above a finding, while the line hash follows the line', async () => {
    const dir = await makeFolder({ files: { [CC]: '__version__ = "5.2.0b1"\n' } });
    const first = buildSarif(await lint({ dirs: [dir], mode: 'release', rules: ['wrapper/version-no-prerelease'], env: {} })).runs[0].results[0];
    await writeFiles(dir, { [CC]: 'import os\n\n\n__version__ = "5.2.0b1"\n' });
    const moved = buildSarif(await lint({ dirs: [dir], mode: 'release', rules: ['wrapper/version-no-prerelease'], env: {} })).runs[0].results[0];
    expect(moved.locations[0].physicalLocation!.region.startLine).toBe(4);
    expect(moved.partialFingerprints[FINGERPRINT_KEY]).toBe(first.partialFingerprints[FINGERPRINT_KEY]);
  });

  it('is byte-identical across runs apart from the invocation times, and written per repo with {repo}', async () => {
    const a = await makeRepo({ files: { [CC]: '__version__ = "5.2.0b1"\n' }, branch: 'master' });
    const b = await makeRepo({ files: { [CC]: '__version__ = "5.2.0"\n' }, branch: 'master' });
    const out = tmpDir();
    const args = ['--format', `sarif=${out}/{repo}.sarif`, a, b];
    await runCli(args);
    const first = await fs.readFile(path.join(out, `${path.basename(a)}.sarif`), 'utf8');
    await runCli(args);
    const second = await fs.readFile(path.join(out, `${path.basename(a)}.sarif`), 'utf8');
    const strip = (s: string) => s.replace(/"(start|end)TimeUtc": "[^"]+"/g, '');
    expect(strip(second)).toBe(strip(first));
    expect(JSON.parse(await fs.readFile(path.join(out, `${path.basename(b)}.sarif`), 'utf8')).runs).toHaveLength(1);
    const refused = await runCli(['--format', `sarif=${out}/all.sarif`, a, b]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/put \{repo\} in the file name/);
  });
});

describe('SARIF limits', () => {
  it("keeps the most severe results within GitHub's 25,000 per run and says so", async () => {
    const { MAX_RESULTS_PER_RUN } = await import('../../../reporters/sarif.js');
    const diag = (i: number, severity: 'error' | 'note') => ({
      ruleId: 'wrapper/spawn-version',
      severity,
      messageId: 'm',
      data: {},
      message: `m${i}`,
      location: { repo: 'r', path: 'a.sh', line: 1, column: 1 },
      fingerprint: i.toString(16).padStart(32, '0'),
    });
    const diagnostics = [...Array.from({ length: MAX_RESULTS_PER_RUN }, (_, i) => diag(i, 'note')), diag(MAX_RESULTS_PER_RUN, 'error')];
    const log = buildSarif({
      tool: { name: 'porgs-lint', version: '0.0.0', informationUri: 'https://example.com' },
      repos: [{ name: 'r', root: '/r', displayPath: 'r', kind: 'wrapper', kindReason: '', mode: 'release', modeReason: '' }],
      diagnostics,
      rules: [],
      summary: { errors: 1, warnings: 0, notes: MAX_RESULTS_PER_RUN },
      readFile: () => undefined,
      startTime: '',
      endTime: '',
      executionSuccessful: true,
    });
    const run = log.runs[0];
    expect(run.results).toHaveLength(MAX_RESULTS_PER_RUN);
    expect(run.results[0].level).toBe('error');
    expect(JSON.stringify(run.invocations[0].toolExecutionNotifications)).toContain('1 less severe result(s) left out');
  });
});
