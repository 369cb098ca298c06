// The pre-push hook starts from the runner's repo model: the kind is detected as lint detects it
// (an undetectable repo is a clear message, never a silent wrapper), and the config's release
// policy is the one the checks follow.
import { promises as fs } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { commitAll, git, makeRepo, tagRepo, writeFiles } from '../helpers/git.js';

const Z = '0'.repeat(40);
const made: string[] = [];
afterAll(async () => {
  for (const d of made) await fs.rm(d, { recursive: true, force: true });
});

describe('pre-push through the repo model', () => {
  it('says which kind it cannot tell and how to name it, blocking the push; --kind names it', async () => {
    const dir = await makeRepo({ files: { 'notes.txt': 'x\n' }, branch: 'feature' });
    made.push(dir);
    const head = await git(dir, 'rev-parse', 'HEAD');
    const line = `refs/heads/feature ${head} refs/heads/feature ${Z}\n`;
    const unknown = await runCli(['pre-push', 'origin', 'url'], { cwd: dir, input: line });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/cannot tell which Exegol repository this is \(no marker file found\); add --kind wrapper\|images\|docs\|resources to the porgs-lint pre-push command/);
    const named = await runCli(['pre-push', 'origin', 'url', '--kind', 'resources'], { cwd: dir, input: line });
    expect([named.code, named.stderr]).toEqual([0, '']);
  });

  it('follows the configured release branch and tag pattern for a pushed tag', async () => {
    const dir = await makeRepo({ fixture: 'wrapper-5x', branch: 'trunk' });
    made.push(dir);
    await git(dir, 'rm', '-q', '.gitmodules');
    await writeFiles(dir, {
      'exegol/config/ConstantConfig.py': '__version__ = "5.1.4"\n',
      'porgs-lint.toml': `[kinds.wrapper]\nrelease-tag = '^v[0-9]+\\.[0-9]+\\.[0-9]+$'\ntag-format = '^v[0-9]+\\.[0-9]+\\.[0-9]+$'\nrelease-branches = ["trunk"]\n\n[rules]\n"hook/tag-signed" = "off"\n`,
    });
    await commitAll(dir, 'release');
    await tagRepo(dir, 'v5.1.4', { annotated: true });
    const tag = await git(dir, 'rev-parse', 'v5.1.4');
    const res = await runCli(['pre-push', 'origin', 'url', '--format', 'json'], { cwd: dir, input: `refs/tags/v5.1.4 ${tag} refs/tags/v5.1.4 ${Z}\n` });
    const out = JSON.parse(res.stdout) as { diagnostics: Array<{ ruleId: string; message: string }>; repos: Array<{ kind: string }> };
    expect(out.repos.map((r) => r.kind)).toEqual(['wrapper']);
    // On trunk, the configured release branch; the release rules ran on it and passed (v5.1.4 names 5.1.4).
    const judged = new Set(['hook/tag-on-release-branch', 'hook/tag-release-rules']);
    expect(out.diagnostics.filter((d) => judged.has(d.ruleId))).toEqual([]);
  });
});
