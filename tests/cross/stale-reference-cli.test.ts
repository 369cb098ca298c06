// A rule that is off by default, as the command line shows it (in this process).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/git.js';
import { runMain } from '../helpers/main.js';

async function docsRepo(config: string): Promise<string> {
  const dir = tmpDir('porgs-off-');
  await fs.mkdir(path.join(dir, 'docs/.vitepress'), { recursive: true });
  await fs.writeFile(path.join(dir, 'docs/.vitepress/config.mts'), "export default { srcDir: 'src' }\n");
  await fs.writeFile(path.join(dir, 'porgs-lint.toml'), config);
  return dir;
}

describe('docs/stale-reference on the command line', () => {
  it('is listed as off, with its severity once on', async () => {
    const res = await runMain(['--list-rules'], await docsRepo(''));
    expect(res.code).toBe(0);
    expect(res.stdout.split('\n').find((l) => l.startsWith('docs/stale-reference'))).toMatch(/^docs\/stale-reference +off \(warning when on\) +release,dev +docs +/);
  });

  it('explain says how to turn it on, and that it runs once the config does', async () => {
    const off = await runMain(['explain', 'docs/stale-reference', '.'], await docsRepo(''));
    expect(off.stdout).toContain('  default severity: off (warning when on)');
    expect(off.stdout).toMatch(/: does not run: off by default: turn it on in the config \("docs\/stale-reference" = "warning" under \[rules\]\) or name it with --rule\n/);
    const on = await runMain(['explain', 'docs/stale-reference', '.'], await docsRepo('[rules]\n"docs/stale-reference" = "warning"\n'));
    expect(on.stdout).toMatch(/: runs: applies to docs repos in \w+ mode\n/);
  });

  it('explain tells a config that turns it off from the default', async () => {
    const dir = await docsRepo('[rules]\n"docs/stale-reference" = "off"\n');
    const res = await runMain(['explain', 'docs/stale-reference', '.'], dir);
    expect(res.stdout).toMatch(/: does not run: turned off in the config\n/);
  });
});
