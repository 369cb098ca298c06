// The hook follows the repo's release policy: the docs repo's dev branches get the dev checks and
// are protected, the images repo's tag format admits betas, a configured release-tag pattern decides
// which tags get the release rules.
import { promises as fs } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CommitGraph } from '../../hook/history.js';
import { runCli } from '../helpers/cli.js';
import { commitAll, git, makeRepo } from '../helpers/git.js';
import { diagnosticsOf } from './findings.js';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

const Z = '0'.repeat(40);
const prePush = (dir: string, input: string) => runCli(['pre-push', 'origin', 'url', '--format', 'json'], { cwd: dir, input });
const ids = (stdout: string) => JSON.parse(stdout).diagnostics.map((d: { ruleId: string; location: { ref?: string } }) => `${d.ruleId} ${d.location.ref}`);

describe('the release policy in the hook', () => {
  it("gives the docs repo's dev-wrapper the dev checks and protects dev-images", async () => {
    const dir = await makeRepo({ branch: 'main', files: { 'docs/.vitepress/config.mts': 'export default {}\n' } });
    temps.push(dir);
    const base = await git(dir, 'rev-parse', 'HEAD');
    await git(dir, 'checkout', '-q', '-b', 'dev-wrapper');
    await commitAll(dir, 'wrapper docs');
    await git(dir, 'checkout', '-q', 'main');
    await commitAll(dir, 'main fix');
    await git(dir, 'checkout', '-q', 'dev-wrapper');
    await git(dir, 'merge', '-q', '--no-ff', '-m', "Merge branch 'main' into dev-wrapper", 'main');
    const tip = await git(dir, 'rev-parse', 'HEAD');
    const res = await prePush(dir, [`refs/heads/dev-wrapper ${tip} refs/heads/dev-wrapper ${base}`, `(delete) ${Z} refs/heads/dev-images ${base}`, `refs/heads/other ${tip} refs/heads/other ${Z}`].join('\n') + '\n');
    expect(res.code).toBe(1);
    expect(ids(res.stdout)).toEqual(['hook/protected-branch-delete refs/heads/dev-images', 'hook/dev-no-release-merge-commit refs/heads/dev-wrapper']);
    expect(diagnosticsOf(res.stdout).map((d) => [d.messageId, d.data])).toEqual([
      ['deleteBlocked', { branch: 'dev-images', remote: 'origin' }],
      ['mergeCommit', { branch: 'dev-wrapper', releaseBranch: 'main', commits: tip.slice(0, 12), command: 'git merge main --ff-only' }],
    ]);
  });

  it("takes the images repo's tag format, where betas are allowed", async () => {
    const dir = await makeRepo({ branch: 'main', files: { 'sources/install/entrypoint.sh': '#!/bin/bash\n', 'porgs-lint.toml': '[kinds.images]\nrules = { "hook/tag-signed" = "off" }\n' } });
    temps.push(dir);
    const head = await git(dir, 'rev-parse', 'HEAD');
    const line = (tag: string) => `refs/tags/${tag} ${head} refs/tags/${tag} ${Z}\n`;
    const beta = await prePush(dir, line('5.2.0b1'));
    expect([beta.code, ids(beta.stdout)]).toEqual([0, []]);
    const v = await prePush(dir, line('v5.2.0'));
    expect([v.code, ids(v.stdout)]).toEqual([1, ['hook/tag-format refs/tags/v5.2.0']]);
    expect(diagnosticsOf(v.stdout)[0].data).toEqual({ tag: 'v5.2.0', format: 'X.Y.Z or X.Y.ZbN', command: "git tag 5.2.0 'v5.2.0^{}' && git tag -d v5.2.0" });
  });

  it('runs the release rules on the tags the configured release-tag pattern names, and only on those', async () => {
    const dir = await makeRepo({
      branch: 'master',
      files: {
        'exegol/config/ConstantConfig.py': '__version__ = "5.2.0b1"\n',
        'porgs-lint.toml': `[kinds.wrapper]\nrelease-tag = '^v[0-9]+\\.[0-9]+\\.[0-9]+$'\nrules = { "hook/tag-signed" = "off", "hook/tag-format" = "off" }\n`,
      },
    });
    temps.push(dir);
    const head = await git(dir, 'rev-parse', 'HEAD');
    const line = (tag: string) => `refs/tags/${tag} ${head} refs/tags/${tag} ${Z}\n`;
    const findings = async (tag: string) => diagnosticsOf((await prePush(dir, line(tag))).stdout).map((d) => ({ ruleId: d.ruleId, messageId: d.messageId, data: d.data }));
    expect(await findings('v5.2.0')).toContainEqual({
      ruleId: 'hook/tag-release-rules',
      messageId: 'releaseRuleFailed',
      data: expect.objectContaining({ rule: 'wrapper/version-no-prerelease', tag: 'v5.2.0', ruleMessageId: 'preRelease' }),
    });
    expect(await findings('5.2.0')).toEqual([]);
  });
});

describe('the commit graph', () => {
  const graph = (shallow: boolean) =>
    new CommitGraph(
      new Map([
        ['m2', ['m1', 'd1']],
        ['d1', ['m1']],
        ['m1', ['m0']],
        ['m0', []],
        ['x', []],
      ]),
      shallow,
    );

  it('answers ancestry and first-parent history in memory', () => {
    const g = graph(false);
    expect([g.isAncestor('d1', 'm2'), g.isAncestor('m2', 'd1'), g.isAncestor('x', 'm2')]).toEqual([true, false, false]);
    expect([...g.firstParents('m2')]).toEqual(['m2', 'm1', 'm0']);
    expect([...g.history(['m2'], new Set(['m1']))].sort()).toEqual(['d1', 'm2']);
    expect(g.ordered(new Set(['m0', 'm2']))).toEqual(['m2', 'm0']);
  });

  it('says "unknown", not "no", when a shallow clone may hide an ancestor', () => {
    expect(graph(true).isAncestor('x', 'm2')).toBeUndefined();
    expect(graph(true).isAncestor('m0', 'm2')).toBe(true);
  });
});
