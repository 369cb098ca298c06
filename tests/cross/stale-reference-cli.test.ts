// A rule that is off by default, as the command line shows it (in this process).
import { describe, expect, it } from 'vitest';
import { docsRepoWithConfig, runMain } from '../helpers/main.js';

describe('docs/stale-reference on the command line', () => {
  it('is listed as off, with its severity once on', async () => {
    const res = await runMain(['--list-rules'], await docsRepoWithConfig(''));
    expect(res.code).toBe(0);
    expect(res.stdout.split('\n').find((l) => l.startsWith('docs/stale-reference'))).toMatch(/^docs\/stale-reference +off \(warning when on\) +release,dev +docs +/);
  });

  it('explain says how to turn it on, and that it runs once the config does', async () => {
    const off = await runMain(['explain', 'docs/stale-reference', '.'], await docsRepoWithConfig(''));
    expect(off.stdout).toContain('  default severity: off (warning when on)');
    expect(off.stdout).toMatch(/: does not run: off by default: turn it on in the config \("docs\/stale-reference" = "warning" under \[rules\]\) or name it with --rule\n/);
    const on = await runMain(['explain', 'docs/stale-reference', '.'], await docsRepoWithConfig('[rules]\n"docs/stale-reference" = "warning"\n'));
    expect(on.stdout).toMatch(/: runs: applies to docs repos in \w+ mode\n/);
  });

  it('explain tells a config that turns it off from the default', async () => {
    const dir = await docsRepoWithConfig('[rules]\n"docs/stale-reference" = "off"\n');
    const res = await runMain(['explain', 'docs/stale-reference', '.'], dir);
    expect(res.stdout).toMatch(/: does not run: turned off in the config\n/);
  });
});
