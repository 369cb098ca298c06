// The run loop end to end on real wrapper-shaped repos: suppressions, ignore, --rev, formats, exit codes.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../runner/run.js';
import { runCli } from '../../helpers/cli.js';
import { commitAll, makeFolder, makeRepo, tagRepo, tmpDir, writeFiles } from '../../helpers/git.js';

const VERSION_FILE = 'exegol/config/ConstantConfig.py';
const wrapper = (version: string, extra = '') => ({ [VERSION_FILE]: `${extra}__version__ = "${version}"\n` });
const schema = JSON.parse(await fs.readFile(new URL('../../../docs/json-format.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('lint run', () => {
  it('reports a release-mode finding with a stable fingerprint, and JSON that matches its schema', async () => {
    const dir = await makeRepo({ files: wrapper('5.2.0b1'), branch: 'master' });
    const result = await lint({ dirs: [dir], rules: ['wrapper/version-no-prerelease'], env: {} });
    expect(result.repos[0]).toMatchObject({ kind: 'wrapper', mode: 'release', modeReason: 'the checked-out HEAD is branch master, a release branch' });
    const [d] = result.diagnostics;
    expect(d).toMatchObject({ ruleId: 'wrapper/version-no-prerelease', severity: 'error', location: { path: VERSION_FILE, line: 1 } });
    expect(d.message).toContain('5.2.0b1');
    expect(d.message).toContain('5.2.0');

    // Lines moving above the finding keep its fingerprint.
    await writeFiles(dir, wrapper('5.2.0b1', '# a comment\n\n'));
    const moved = await lint({ dirs: [dir], rules: ['wrapper/version-no-prerelease'], env: {} });
    expect(moved.diagnostics[0].location.line).toBe(3);
    expect(moved.diagnostics[0].fingerprint).toBe(d.fingerprint);

    const res = await runCli(['--format', 'json', '--rule', 'wrapper/version-no-prerelease', dir]);
    expect(res.code).toBe(1);
    const report = JSON.parse(res.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.summary).toEqual({ errors: 1, warnings: 0, notes: 0 });
    expect((await runCli(['--format', 'json', '--rule', 'wrapper/version-no-prerelease', dir])).stdout).toBe(res.stdout);
  });

  it('honours inline suppressions with a reason and reports the others', async () => {
    const dir = await makeFolder({
      files: {
        [VERSION_FILE]: [
          '# porgs-lint-disable-next-line wrapper/version-no-prerelease -- release candidate build',
          '__version__ = "5.2.0b1"',
          'OTHER = "x"  # porgs-lint-disable-line wrapper/version-no-prerelease -- nothing here',
          '',
        ].join('\n'),
      },
    });
    const result = await lint({ dirs: [dir], mode: 'release', rules: ['wrapper/version-no-prerelease'], env: {} });
    expect(result.diagnostics.map((d) => `${d.ruleId}:${d.location.line}`)).toEqual(['meta/unused-suppression:3']);

    await writeFiles(dir, { [VERSION_FILE]: '__version__ = "5.2.0b1"  # porgs-lint-disable-line wrapper/version-no-prerelease\n' });
    const noReason = await lint({ dirs: [dir], mode: 'release', rules: ['wrapper/version-no-prerelease'], env: {} });
    expect(noReason.diagnostics.map((d) => d.ruleId)).toEqual(['wrapper/version-no-prerelease', 'meta/unused-suppression']);
    expect(noReason.diagnostics[1].message).toMatch(/without a reason/);
  });

  it('drops findings in ignored files and applies configured severities', async () => {
    const dir = await makeFolder({
      files: { ...wrapper('5.2.0b1'), 'porgs-lint.toml': '[rules]\n"wrapper/version-no-prerelease" = "warning"\n' },
    });
    const warned = await runCli(['--mode', 'release', '--rule', 'wrapper/version-no-prerelease', '--format', 'json', dir]);
    expect(warned.code).toBe(0);
    expect(JSON.parse(warned.stdout).summary).toEqual({ errors: 0, warnings: 1, notes: 0 });
    const strict = await runCli(['--mode', 'release', '--rule', 'wrapper/version-no-prerelease', '--max-warnings', '0', dir]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('more than --max-warnings 0');

    await writeFiles(dir, { 'porgs-lint.toml': 'ignore = ["exegol/config/**"]\n' });
    const ignored = await lint({ dirs: [dir], mode: 'release', rules: ['wrapper/version-no-prerelease'], env: {} });
    expect(ignored.diagnostics).toEqual([]);
  });

  it('lints a tag with --rev without checking it out', async () => {
    const dir = await makeRepo({ files: wrapper('5.1.4'), branch: 'master' });
    await tagRepo(dir, '5.1.4', { annotated: true });
    await writeFiles(dir, wrapper('5.2.0b1'));
    await commitAll(dir, 'next beta');
    await writeFiles(dir, wrapper('garbage'));
    const res = await runCli(['--rev', '5.1.4', '--format', 'json', dir]);
    const report = JSON.parse(res.stdout);
    expect(report.repos[0]).toMatchObject({ rev: '5.1.4', mode: 'release', modeReason: '--rev 5.1.4 carries release tag 5.1.4' });
    expect(report.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    expect(res.code).toBe(0);
    const head = await lint({ dirs: [dir], rev: 'HEAD', mode: 'release', rules: ['wrapper/version-no-prerelease'], env: {} });
    expect(head.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('5.2.0b1')]);
  });

  it('turns unparsable Python into meta/parse-error and goes on', async () => {
    const dir = await makeFolder({ files: { [VERSION_FILE]: 'class ConstantConfig(:\n    version = "4.3.9"\n' } });
    const res = await runCli(['--mode', 'release', '--format', 'json', dir]);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe('');
    const report = JSON.parse(res.stdout);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'meta/parse-error', location: expect.objectContaining({ path: VERSION_FILE }) }));
  });

  it('writes several formats from one analysis', async () => {
    const dir = await makeFolder({ files: wrapper('5.2.0b1') });
    const out = tmpDir();
    const res = await runCli(['--mode', 'release', '--format', 'pretty', '--format', `json=${path.join(out, '{repo}.json')}`, dir]);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('wrapper/version-no-prerelease');
    const written = JSON.parse(await fs.readFile(path.join(out, `${path.basename(dir)}.json`), 'utf8'));
    expect(written.diagnostics.some((d: { ruleId: string }) => d.ruleId === 'wrapper/version-no-prerelease')).toBe(true);
  });
});

describe('a rule that fails', () => {
  it('becomes meta/internal-error, marks the run unsuccessful, and the other rules still report', async () => {
    const { defineRule, ruleFromDefinition } = await import('../../../runner/types.js');
    const broken = ruleFromDefinition(
      'custom/broken',
      defineRule({
        description: 'A rule that throws, standing for a porgs-lint bug.',
        kinds: ['wrapper'],
        severity: 'error',
        messages: {},
        check() {
          throw new Error('boom');
        },
      }),
    );
    const dir = await makeFolder({ files: wrapper('5.2.0b1') });
    const result = await lint({ dirs: [dir], mode: 'release', rules: ['wrapper/version-no-prerelease', 'custom/broken'], extraRules: [broken], env: {} });
    expect(result.executionSuccessful).toBe(false);
    expect(result.diagnostics.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([
      'meta/internal-error: rule custom/broken failed: boom; its findings are missing from this report',
      'wrapper/version-no-prerelease: version 5.2.0b1 has a pre-release tag; on a release branch use 5.2.0',
    ]);
  });
});
