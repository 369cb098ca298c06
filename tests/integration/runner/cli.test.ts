import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { makeFolder, makeRepo } from '../../helpers/git.js';

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

describe('the demo workspace (README\'s first command)', () => {
  it('shows deliberate findings in each of its four repos, and exits 1 without --exit-zero', async () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const res = await runCli(['--config', 'examples/demo/porgs-lint.toml', '--today', '2026-06-01', '--format', 'json'], { cwd: root });
    expect(res.code).toBe(1);
    const report = JSON.parse(res.stdout) as { repos: Array<{ name: string; kind: string }>; diagnostics: Array<{ ruleId: string; severity: string; location: { repo: string } }> };
    expect(report.repos.map((r) => `${r.name}:${r.kind}`)).toEqual(['Exegol:wrapper', 'Exegol-images:images', 'Exegol-resources:resources', 'Exegol-docs:docs']);
    const ids = (repo: string) => new Set(report.diagnostics.filter((d) => d.location.repo === repo && d.severity !== 'note').map((d) => d.ruleId));
    expect([...ids('Exegol')].sort()).toEqual(['wrapper/spawn-version', 'wrapper/test-version-matches', 'wrapper/version-no-prerelease']);
    expect([...ids('Exegol-images')].sort()).toEqual([
      'images/arch-fallback',
      'images/history-file-exists',
      'images/install-add-aliases',
      'images/install-fn-not-called',
      'images/temp-fix-expired',
      'images/whitelist-syntax',
      'workflow/actions-pinned',
      'workflow/pin-header-consistent',
    ]);
    expect([...ids('Exegol-resources')].sort()).toEqual(['resources/add-to-list-format', 'resources/list-in-sync']);
    expect([...ids('Exegol-docs')].sort()).toEqual([
      'docs/internal-link-exists',
      'docs/page-not-empty',
      'docs/page-reachable',
      'docs/redirect-target-exists',
      'docs/sidebar-link-exists',
      'docs/tools-list-format',
    ]);
    // Plain files, no git: whether dev contains main cannot be told, and says so. The demo's wrapper
    // has no command line to compare the docs with, and its docs no copy of the resources list.
    expect(report.diagnostics.filter((d) => d.location.repo === 'Exegol-docs' && d.severity === 'note').map((d) => d.ruleId)).toEqual([
      'docs/cli-action-page',
      'docs/cli-option-documented',
      'docs/cli-option-exists',
      'docs/dev-contains-main',
      'docs/new-feature-documented',
      'docs/resources-list-synced',
      'docs/sidebar-link-exists',
    ]);
  });
});
