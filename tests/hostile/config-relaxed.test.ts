// A pull request's own config could switch its gate off. With --config-rev the gate applies the
// config of a trusted revision, and reports each way the checked-out config and baseline relax it.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyBaseline } from '../../runner/baseline.js';
import { configRelaxations } from '../../runner/config-relaxed.js';
import { EMPTY_CONFIG, parseConfig } from '../../runner/config.js';
import { allRuleMeta, META_RULES } from '../../runner/registry.js';
import { renderMessage } from '../../runner/messages.js';
import type { Diagnostic } from '../../runner/types.js';
import { runCli } from '../helpers/cli.js';
import { commitAll, git, makeRepo } from '../helpers/git.js';

const CC = 'exegol/config/ConstantConfig.py';
const GATE = ['--mode', 'release', '--rule', 'wrapper/version-no-prerelease', '--format', 'json'];
const BASELINE = 'porgs-lint-baseline.json';

const rules = await allRuleMeta();
const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => fs.rm(d, { recursive: true, force: true })));
});

async function repoWithBase(files: Record<string, string>): Promise<string> {
  const dir = await makeRepo({ files: { [CC]: '__version__ = "5.2.0b1"\n', ...files }, branch: 'master' });
  made.push(dir);
  await git(dir, 'checkout', '-q', '-b', 'pull-request');
  return dir;
}

type Report = { repos: Array<{ name: string; mode: string; namedBy: string | null }>; diagnostics: Array<Diagnostic> };
const relaxed = (report: Report) =>
  report.diagnostics.filter((d) => d.ruleId === 'meta/config-relaxed').map((d) => `${d.location.path}:${d.location.line} ${d.severity} ${d.message.split(';')[0]}`);

const PR_CONFIG = [
  'ignore = ["**"]',
  '',
  '[rules]',
  '"wrapper/version-no-prerelease" = "off"',
  '# porgs-lint-disable-next-line meta/config-relaxed -- the new policy',
  '"meta/config-relaxed" = "off"',
  '',
  '[repos.self]',
  'path = "."',
  'mode = "dev"',
  '',
  '[repos.private]',
  'path = "../private"',
  '',
].join('\n');

describe('--config-rev', () => {
  it('applies the trusted config and reports every relaxation at its file:line, unsuppressed and unbaselined', async () => {
    const dir = await repoWithBase({ 'porgs-lint.toml': '[repos.self]\npath = "."\n', [BASELINE]: '{ "schemaVersion": 1, "entries": [] }\n' });
    // The pull request accepts its own finding in the baseline, and rewrites the config.
    expect((await runCli(['--mode', 'release', '--rule', 'wrapper/version-no-prerelease', '--write-baseline', BASELINE], { cwd: dir })).code).toBe(0);
    await fs.writeFile(path.join(dir, 'porgs-lint.toml'), PR_CONFIG);
    await commitAll(dir, 'relax the gate');

    const open = await runCli([...GATE, '--baseline', BASELINE, '.'], { cwd: dir, env: { CI: '' } });
    expect(open.code).toBe(0); // what the pull request's own config achieves
    expect(JSON.parse(open.stdout).summary.errors).toBe(0);

    const gated = await runCli([...GATE, '--baseline', BASELINE, '--config-rev', 'master'], { cwd: dir, env: { CI: 'true' } });
    expect(gated.code).toBe(1);
    const report = JSON.parse(gated.stdout) as Report;
    expect(report.repos.map((r) => `${r.name} ${r.mode} ${r.namedBy}`)).toEqual(['self release porgs-lint.toml@master']);
    expect(relaxed(report)).toEqual([
      `${BASELINE}:5 error adds a baseline entry that hides wrapper/version-no-prerelease at ${CC} ("version 5.2.0b1 has a pre-release tag; on a release branch use 5.2.0")`.split(';')[0],
      'porgs-lint.toml:1 error ignores "**", which the config at master does not',
      'porgs-lint.toml:4 error turns wrapper/version-no-prerelease off (error in the config at master)',
      'porgs-lint.toml:6 error turns meta/config-relaxed off (error in the config at master)',
      'porgs-lint.toml:10 error forces dev mode on repo self, against the config at master',
      'porgs-lint.toml:13 error adds ../private to the workspace as repo private, which the config at master does not',
    ]);
    expect(report.diagnostics.find((d) => d.ruleId === 'meta/config-relaxed')!.message).toMatch(/; the gate applies the config at master until such a change is reviewed and merged$/);
  });

  it('keeps running a policy of the trusted config that the pull request removes, and reports the removal', async () => {
    const policy = [
      '[[policy]]',
      'id = "local/no-debugger"',
      'description = "No debugger call is left in the code."',
      'kinds = ["wrapper"]',
      'severity = "error"',
      'message = "{{match}} stops every run in a debugger; remove it"',
      'files = ["exegol/**/*.py"]',
      "forbid-line = '\\bbreakpoint\\(\\)'",
      '',
    ].join('\n');
    const dir = await repoWithBase({ 'porgs-lint.toml': policy });
    await fs.writeFile(path.join(dir, 'exegol/debug.py'), 'def f():\n    breakpoint()\n');
    await fs.writeFile(path.join(dir, 'porgs-lint.toml'), '');
    await commitAll(dir, 'drop the policy');
    const res = await runCli(['--mode', 'release', '--format', 'json', '--config-rev', 'master', '--rule', 'local/no-debugger', '.'], { cwd: dir });
    expect(res.code).toBe(1);
    const report = JSON.parse(res.stdout) as Report;
    expect(report.diagnostics.map((d) => `${d.ruleId} ${d.location.path}:${d.location.line} ${d.message.split(';')[0]}`)).toEqual([
      'local/no-debugger exegol/debug.py:2 breakpoint() stops every run in a debugger',
      'meta/config-relaxed porgs-lint.toml:1 removes policy local/no-debugger (error in the config at master)',
    ]);
  });

  it('takes the defaults as the trusted config when the revision has none', async () => {
    const dir = await repoWithBase({});
    await fs.writeFile(path.join(dir, 'porgs-lint.toml'), '[rules]\n"wrapper/version-no-prerelease" = "warning"\n');
    const res = await runCli([...GATE, '--config-rev', 'master', '.'], { cwd: dir });
    expect(res.code).toBe(1);
    const report = JSON.parse(res.stdout) as Report;
    expect(report.diagnostics.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['wrapper/version-no-prerelease error', 'meta/config-relaxed error']);
    expect(relaxed(report)).toEqual(['porgs-lint.toml:2 error lowers wrapper/version-no-prerelease to warning (error in the config at master)']);
  });

  it('is a usage error for a revision that does not exist, or together with --config', async () => {
    const dir = await repoWithBase({});
    const missing = await runCli([...GATE, '--config-rev', 'no-such-base'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^porgs-lint: --config-rev no-such-base: no such commit, branch or tag in /);
    const both = await runCli([...GATE, '--config-rev', 'master', '--config', 'porgs-lint.toml'], { cwd: dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/cannot be combined with --config/);
  });
});

describe('relaxations, in memory', () => {
  const parse = (text: string) => parseConfig(text, rules, { file: 'porgs-lint.toml', displayFile: 'porgs-lint.toml', baseDir: '/ws/repo' });

  it('names the kinds a per-kind change touches, and reports changed options, release policy and signature checks', async () => {
    const trusted = await parse('[hook]\nverify-signatures = true\n');
    const current = await parse(
      [
        '[kinds.images]',
        'release-branches = ["nowhere"]',
        'dev-branches = []',
        'protected-branches = []',
        "tag-format = '^.*$'",
        'rules = { "images/temp-fix-expired" = { severity = "note" } }',
        '[rules]',
        '"wrapper/version-format" = { options = {} }',
        '"meta/parse-error" = "warning"',
        '[hook]',
        'verify-signatures = false',
      ].join('\n'),
    );
    const meta = META_RULES.find((m) => m.id === 'meta/config-relaxed')!;
    expect(configRelaxations(trusted, current, rules, 'main').map((r) => `${r.keyPath.join('.')}: ${renderMessage(meta.id, meta.messages, r.messageId, r.data).split('; the gate')[0]}`)).toEqual([
      'kinds.images.rules.images/temp-fix-expired: lowers images/temp-fix-expired to note (error in the config at main)',
      'rules.meta/parse-error: lowers meta/parse-error to warning (error in the config at main)',
      'kinds.images.release-branches: changes which branches put images repos in release mode, against the config at main',
      'kinds.images.tag-format: changes which tag names the hook accepts in images repos, against the config at main',
      'kinds.images.dev-branches: changes which branches of images repos are judged as dev branches, against the config at main',
      'kinds.images.protected-branches: changes which branches of images repos the hook protects, against the config at main',
      'hook.verify-signatures: turns hook.verify-signatures off, against the config at main',
    ]);
    expect(configRelaxations(trusted, trusted, rules, 'main')).toEqual([]);
    expect(configRelaxations(EMPTY_CONFIG, await parse('[rules]\n"meta/parse-error" = "error"\n'), rules, 'main')).toEqual([]);
  });

  it('a rule off by default that the trusted config turned on is relaxed when the setting goes; turning it on relaxes nothing', async () => {
    const meta = META_RULES.find((m) => m.id === 'meta/config-relaxed')!;
    const on = await parse('[rules]\n"docs/stale-reference" = "warning"\n');
    const render = (r: { messageId: string; data: Readonly<Record<string, string | number>> }) => renderMessage(meta.id, meta.messages, r.messageId, r.data).split('; the gate')[0];
    expect(configRelaxations(on, await parse(''), rules, 'main').map(render)).toEqual(['turns docs/stale-reference off (warning in the config at main)']);
    expect(configRelaxations(await parse(''), on, rules, 'main')).toEqual([]);
  });

  it('never lets a baseline entry hide a meta/config-relaxed finding', () => {
    const d: Diagnostic = { ruleId: 'meta/config-relaxed', severity: 'error', messageId: 'ruleOff', data: {}, message: 'm', location: { repo: 'r', path: 'porgs-lint.toml', line: 1, column: 1 }, fingerprint: 'f'.repeat(32) };
    const { kept } = applyBaseline([d], { schemaVersion: 1, entries: [{ fingerprint: d.fingerprint, ruleId: d.ruleId, path: d.location.path, message: d.message }] });
    expect(kept.map((k) => k.ruleId)).toEqual(['meta/config-relaxed', 'meta/stale-baseline-entry']);
  });
});
