import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { DEMO_TODAY, demoWithHistory } from '../../helpers/demo.js';
import { GIT_ENV, makeFolder, makeRepo } from '../../helpers/git.js';

const WRAPPER_FILES = { 'exegol/config/ConstantConfig.py': '__version__ = "5.1.4"\n' };

describe('CLI contract', () => {
  it('prints help and version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: porgs-lint [options] [repo-dir...]');
    const pkg = JSON.parse(await fs.readFile(new URL('../../../package.json', import.meta.url), 'utf8'));
    expect((await runCli(['--version'])).stdout.trim()).toBe(pkg.version);
  });

  it('exits 2 with one line on stderr for usage errors', async () => {
    const dir = await makeFolder({ files: WRAPPER_FILES });
    const cases: Array<[string[], RegExp]> = [
      [['--bogus'], /^porgs-lint: Unknown option '--bogus'.*see porgs-lint --help$/],
      [['--mode', 'relase', dir], /^porgs-lint: --mode relase: use auto, release or dev \(did you mean "release"\?\)$/],
      [['--kind', 'wraper', dir], /did you mean "wrapper"/],
      [['--rule', 'wrapper/nope-nope', dir], /^porgs-lint: --rule wrapper\/nope-nope: unknown rule id/],
      [['--today', '2026-02-30', dir], /^porgs-lint: --today 2026-02-30: expected a real date as YYYY-MM-DD$/],
      [['--format', 'xml', dir], /^porgs-lint: --format xml: unknown format/],
      [[path.join(dir, 'missing')], /no such folder$/],
      [['--rev', '1.2.3', dir], /is not a git repository$/],
    ];
    for (const [args, pattern] of cases) {
      const res = await runCli(args);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(res.stderr.trim(), args.join(' ')).toMatch(pattern);
    }
  });

  it('asks for --kind when the folder is no Exegol repository', async () => {
    const res = await runCli([await makeFolder({ files: { 'README.md': '# hi\n' } })]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/cannot tell which Exegol repository this is .*pass --kind wrapper\|images\|docs\|resources/);
  });

  it('reports a broken config with file:line and exit 2', async () => {
    const dir = await makeFolder({ files: { ...WRAPPER_FILES, 'porgs-lint.toml': '[rules]\n"wrapper/version-formatt" = "error"\n' } });
    const res = await runCli([dir]);
    expect(res.code).toBe(2);
    expect(res.stderr.trim()).toMatch(/porgs-lint\.toml:2:1: unknown rule id "wrapper\/version-formatt" \(did you mean "wrapper\/version-format"\?\)/);
  });

  it('says the mode and why in pretty output, without colour when not a TTY', async () => {
    const dir = await makeRepo({ files: WRAPPER_FILES, branch: 'master' });
    const res = await runCli([dir], { env: { NO_COLOR: '' } });
    expect(res.stdout).toContain('release mode: the checked-out HEAD is branch master, a release branch');
    expect(res.stdout).not.toMatch(/\u001b\[/);
    const forced = await runCli([dir], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(forced.stdout).toMatch(/\u001b\[/);
  });

  it('lists rules and explains one, saying whether it runs for a repo', async () => {
    const list = await runCli(['--list-rules']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^RULE\s+SEVERITY\s+MODES\s+KINDS\s+DESCRIPTION/);
    expect(list.stdout).toContain('meta/parse-error');
    const dir = await makeRepo({ files: WRAPPER_FILES, branch: 'dev' });
    const explained = await runCli(['explain', 'meta/unused-suppression', dir]);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain('default severity: warning');
    expect(explained.stdout).toContain('unused: unused suppression of {{rules}}: nothing is reported on line {{line}}; remove it');
    expect(explained.stdout).toMatch(/\(wrapper, dev mode: the checked-out HEAD is branch dev, not a release branch \(master\)\): runs/);
    expect((await runCli(['explain', 'meta/unused-supression'])).stderr).toMatch(/did you mean "meta\/unused-suppression"/);
  });
});

interface DemoReport {
  repos: Array<{ name: string; kind: string }>;
  diagnostics: Array<{ ruleId: string; messageId: string; severity: string; data: Record<string, unknown>; location: { repo: string; path: string } }>;
}

/** The rules that compare two repos of the run, and those that read git. */
const CROSS_REPO = ['docs/cli-action-page', 'docs/cli-option-documented', 'docs/cli-option-exists', 'docs/new-feature-documented', 'docs/resources-list-synced', 'docs/stale-reference', 'wrapper/submodule-on-main'];
const GIT_BASED = ['docs/dev-contains-main', 'docs/new-feature-documented', 'wrapper/gitmodules-gitlink', 'wrapper/submodule-on-main', 'wrapper/version-increases'];

const findingIds = (report: DemoReport, repo: string) => [...new Set(report.diagnostics.filter((d) => d.location.repo === repo && d.severity !== 'note').map((d) => d.ruleId))].sort();

describe('the demo workspace as plain folders (examples/demo/porgs-lint.toml)', () => {
  it('shows deliberate findings in each of its four repos, git-based rules say why they cannot verify, and it exits 1 without --exit-zero', async () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const res = await runCli(['--config', 'examples/demo/porgs-lint.toml', '--today', DEMO_TODAY, '--format', 'json'], { cwd: root });
    expect(res.code).toBe(1);
    const report = JSON.parse(res.stdout) as DemoReport;
    expect(report.repos.map((r) => `${r.name}:${r.kind}`)).toEqual(['Exegol:wrapper', 'Exegol-images:images', 'Exegol-resources:resources', 'Exegol-docs:docs']);
    expect(findingIds(report, 'Exegol')).toEqual(['wrapper/spawn-version', 'wrapper/test-version-matches', 'wrapper/version-no-prerelease']);
    expect(findingIds(report, 'Exegol-images')).toEqual([
      'images/arch-fallback',
      'images/history-file-exists',
      'images/install-add-aliases',
      'images/install-fn-not-called',
      'images/temp-fix-expired',
      'images/whitelist-syntax',
      'workflow/actions-pinned',
      'workflow/pin-header-consistent',
    ]);
    expect(findingIds(report, 'Exegol-resources')).toEqual(['resources/add-to-list-format', 'resources/list-in-sync']);
    expect(findingIds(report, 'Exegol-docs')).toEqual([
      'docs/cli-action-page',
      'docs/cli-option-documented',
      'docs/cli-option-exists',
      'docs/internal-link-exists',
      'docs/page-not-empty',
      'docs/page-reachable',
      'docs/redirect-target-exists',
      'docs/resources-list-synced',
      'docs/sidebar-link-exists',
      'docs/stale-reference',
      'docs/tools-list-format',
    ]);
    // Plain files, no git: each git-based rule says once that it cannot verify, and why.
    const notes = report.diagnostics.filter((d) => d.severity === 'note').map((d) => `${d.ruleId} ${d.messageId}`);
    expect(notes.filter((n) => GIT_BASED.includes(n.split(' ')[0])).sort()).toEqual([
      'docs/dev-contains-main noGit',
      'docs/new-feature-documented noGit',
      'wrapper/gitmodules-gitlink noGit',
      'wrapper/submodule-on-main noGit',
      'wrapper/version-increases releasesUnknown',
    ]);
    // docs/stale-reference says it read the images and wrapper folders, not their release branches.
    expect(notes.filter((n) => !GIT_BASED.includes(n.split(' ')[0]))).toEqual(['docs/sidebar-link-exists unresolved', 'docs/stale-reference notReleaseBranch', 'docs/stale-reference notReleaseBranch']);
    expect(report.diagnostics.filter((d) => d.messageId === 'notReleaseBranch').map((d) => d.data.kind).sort()).toEqual(['images', 'wrapper']);
  });
});

describe('the demo workspace with its git history (README\'s first command, npm run demo)', () => {
  let demo: { root: string; history: string };
  beforeAll(() => {
    demo = demoWithHistory();
  });
  const args = ['--config', 'examples/demo/.history/porgs-lint.toml', '--today', DEMO_TODAY];

  it('shows one finding of each cross-repo and git-based rule, in the repo where it is fixed, and no "cannot verify" note of theirs', async () => {
    const res = await runCli([...args, '--format', 'json'], { cwd: demo.root });
    expect(res.code).toBe(1);
    const report = JSON.parse(res.stdout) as DemoReport;
    const of = (ids: string[]) =>
      report.diagnostics
        .filter((d) => ids.includes(d.ruleId))
        .map((d) => `${d.ruleId} ${d.messageId} ${d.severity} ${d.location.repo}:${d.location.path} ${String(d.data.flag ?? d.data.action ?? d.data.path ?? d.data.ref ?? d.data.line ?? d.data.name)}`)
        .sort();
    expect(of([...new Set([...CROSS_REPO, ...GIT_BASED])])).toEqual([
      'docs/cli-action-page noPageLinked error Exegol-docs:docs/.vitepress/config.mts restart',
      'docs/cli-option-documented notMentioned warning Exegol-docs:docs/src/wrapper/cli/exec.md --tmp',
      'docs/cli-option-exists unknownFlag error Exegol-docs:docs/src/wrapper/cli/start.md --vpn',
      'docs/dev-contains-main notContained error Exegol-docs:docs/.vitepress/config.mts main',
      'docs/new-feature-documented flagNotInReadme warning Exegol:README.md --hostname',
      'docs/resources-list-synced differs error Exegol-docs:docs/src/public/exegol_resources/resources_list.csv 2',
      'docs/stale-reference missingPath warning Exegol-docs:docs/src/contribute/intro.md sources/install/package_tools.sh',
      'wrapper/submodule-on-main offMainInRepo error Exegol:.gitmodules exegol-images',
    ]);
    const feature = report.diagnostics.find((d) => d.ruleId === 'docs/new-feature-documented')!;
    expect(feature.data).toMatchObject({ release: '5.1.4', wrapper: 'Exegol work tree', docs: 'Exegol-docs work tree' });
    const sub = report.diagnostics.find((d) => d.ruleId === 'wrapper/submodule-on-main')!;
    expect(sub.data).toMatchObject({ repo: 'Exegol-images work tree', ref: 'refs/heads/main' });
    // The wrapper's report: its findings as plain folders, and the two whose fix goes in the wrapper.
    expect(findingIds(report, 'Exegol')).toEqual(['docs/new-feature-documented', 'wrapper/spawn-version', 'wrapper/submodule-on-main', 'wrapper/test-version-matches', 'wrapper/version-no-prerelease']);
    expect(report.diagnostics.filter((d) => d.severity === 'note').map((d) => d.ruleId)).toEqual(['docs/sidebar-link-exists']);
  });

  it('builds the same commits on every run', () => {
    const again = demoWithHistory();
    const heads = (history: string) =>
      ['Exegol', 'Exegol-images', 'Exegol-resources', 'Exegol-docs'].map((repo) => execFileSync('git', ['rev-parse', '--all'], { cwd: path.join(history, repo), env: GIT_ENV, encoding: 'utf8' }));
    expect(heads(again.history)).toEqual(heads(demo.history));
    expect(heads(demo.history)[1].trim().split('\n')).toHaveLength(2);
  });

  it('prints, as README.md quotes it, every line of the excerpt README shows', async () => {
    const res = await runCli([...args, '--exit-zero'], { cwd: demo.root });
    expect(res.code).toBe(0);
    const readme = await fs.readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    const excerpt = /<!-- demo-output -->\n```text\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(excerpt, 'README.md has the demo output excerpt').toBeDefined();
    const printed = new Set(res.stdout.split('\n').map((l) => l.trimEnd()));
    const quoted = excerpt!.split('\n').filter((l) => l.trim() !== '' && l.trim() !== '...');
    expect(quoted.length).toBeGreaterThan(10);
    expect(quoted.filter((l) => !printed.has(l))).toEqual([]);
  });
});
