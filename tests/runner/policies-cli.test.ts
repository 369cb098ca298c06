// A policy in explain and --list-rules, as the CLI prints them (in this process).
import { describe, expect, it } from 'vitest';
import { docsRepoWithConfig, runMain } from '../helpers/main.js';
import { NO_LATEST_MASTER } from '../helpers/policies.js';

describe('a policy on the command line', () => {
  it('is explained with what it matches and where it is defined, and no doc page', async () => {
    const dir = await docsRepoWithConfig(NO_LATEST_MASTER);
    const res = await runMain(['explain', 'local/no-latest-master', '.'], dir);
    expect([res.code, res.stderr]).toEqual([0, '']);
    const lines = res.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'local/no-latest-master',
      '',
      'Docs pages do not send users to the latest master. Each line in files matching docs/src/**/*.md that matches /latest master/ is a finding. (A policy of porgs-lint.toml:2:1.)',
    ]);
    expect(lines).toContain('  defined in:       porgs-lint.toml:2:1 (a policy: no doc page)');
    expect(lines).toContain('    violation: the page says "{{match}}": name a release, or the dev branch for unreleased features');
    expect(lines.some((l) => l.includes('doc page:') || l.includes('http'))).toBe(false);
    expect(lines.find((l) => l.includes('(docs, dev mode'))).toMatch(/: runs: applies to docs repos in dev mode$/);
  });

  it('is listed by --list-rules with the config that defines it; its text escaped', async () => {
    const dir = await docsRepoWithConfig(NO_LATEST_MASTER.replace('Docs pages do not', 'Docs pages\\u001b[2J do not'));
    const res = await runMain(['--list-rules'], dir);
    expect(res.code).toBe(0);
    const row = res.stdout.split('\n').find((l) => l.startsWith('local/no-latest-master'));
    expect(row).toMatch(/^local\/no-latest-master +warning +release,dev +docs +Docs pages\\x1b\[2J do not send users to the latest master\. \(policy of porgs-lint\.toml:2:1\)$/);
    expect(res.stdout).not.toContain('\u001b');
  });

  it('is unknown to explain without the config that defines it (exit 2)', async () => {
    const dir = await docsRepoWithConfig('');
    const res = await runMain(['explain', 'local/no-latest-master', dir], '/');
    expect([res.code, res.stderr]).toEqual([2, 'porgs-lint: explain local/no-latest-master: unknown rule id\n']);
  });
});
