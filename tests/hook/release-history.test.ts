// The hook on histories shaped like the release workflow, with real pushes to bare remotes: release
// pull requests merged into master and dev fast-forwarded onto master pass; a merge of master into
// dev is reported once per ref with its count; only commits new to the remotes and tags are judged.
import { promises as fs } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { commitAll, git, makeRepo, push, tmpDir, writeFiles } from '../helpers/git.js';
import { diagnosticsOf, shown } from './findings.js';

const temps: string[] = [];

afterAll(async () => {
  await Promise.all(temps.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

async function bareRemote(dir: string, name: string): Promise<void> {
  const remote = tmpDir('porgs-remote-');
  temps.push(remote);
  await git(remote, 'init', '-q', '--bare');
  await git(dir, 'remote', 'add', name, remote);
}

/** A wrapper repo (no release rules needed) with master and dev on a bare "origin", hook installed. */
async function setup() {
  const dir = await makeRepo({ branch: 'master', files: { 'exegol/config/ConstantConfig.py': '__version__ = "1.0.0b1"\n' } });
  temps.push(dir);
  await git(dir, 'branch', 'dev');
  await bareRemote(dir, 'origin');
  await git(dir, 'push', '-q', 'origin', 'master', 'dev');
  expect((await runCli(['hook', 'install'], { cwd: dir })).code).toBe(0);
  return dir;
}

let n = 0;
async function work(dir: string, what: string): Promise<string> {
  await writeFiles(dir, { [`work-${++n}.txt`]: what });
  return commitAll(dir, what);
}

/** One release cycle as the maintainers run it: dev work, a release PR merged into master, dev fast-forwarded. */
async function releaseCycle(dir: string, pr: number): Promise<string> {
  await git(dir, 'checkout', '-q', 'dev');
  await work(dir, `feature ${pr}`);
  await git(dir, 'checkout', '-q', 'master');
  await git(dir, 'merge', '-q', '--no-ff', '-m', `Merge pull request #${pr} from ThePorgs/dev`, 'dev');
  await git(dir, 'tag', `1.0.${pr}`);
  await git(dir, 'checkout', '-q', 'dev');
  await git(dir, 'merge', '-q', '--ff-only', 'master');
  return git(dir, 'rev-parse', 'master');
}

/** A hotfix on master, then master merged into dev with a merge commit: the violation. */
async function mergeMasterIntoDev(dir: string): Promise<string> {
  await git(dir, 'checkout', '-q', 'master');
  await work(dir, 'hotfix');
  await git(dir, 'checkout', '-q', 'dev');
  await work(dir, 'dev work');
  await git(dir, 'merge', '-q', '--no-ff', '-m', "Merge branch 'master' into dev", 'master');
  return git(dir, 'rev-parse', 'HEAD');
}

/** The finding lines of the merge check (not its row in the closing summary by rule). */
const mergeFindings = (stderr: string) => stderr.split('\n').filter((l) => l.includes('hook/dev-no-release-merge-commit') && / {2}(error|warning|note) {2}/.test(l));
const short = (oid: string) => oid.slice(0, 12);
const MERGE = { branch: 'dev', releaseBranch: 'master', command: 'git merge master --ff-only' };
/** How the hook shows the one merge of master into dev it found. */
const oneMerge = (commit: string) => shown({ ruleId: 'hook/dev-no-release-merge-commit', severity: 'error', messageId: 'mergeCommit', data: { ...MERGE, commits: short(commit) } });

describe('the pre-push hook on the release workflow', () => {
  it('passes release PR merges brought by dev fast-forwards and reports only the true merge of master into dev', async () => {
    const dir = await setup();
    const prMerges = [];
    for (const pr of [11, 12, 13]) prMerges.push(await releaseCycle(dir, pr));
    const bad = await mergeMasterIntoDev(dir);
    // One more release cycle on top, as history goes on.
    prMerges.push(await releaseCycle(dir, 14));
    const res = await push(dir, 'origin', 'master', 'dev');
    expect(res.code).not.toBe(0);
    // The only finding of the push, located at dev from its old to its new commit (the last PR merge).
    expect(res.stderr.match(/ {2}(error|warning|note) {2}/g)).toEqual(['  error  ']);
    expect(mergeFindings(res.stderr)).toEqual([expect.stringMatching(new RegExp(`^  refs/heads/dev \\([0-9a-f]{12}\\.\\.${short(prMerges[3])}\\)  `))]);
    expect(mergeFindings(res.stderr)).toEqual([expect.stringContaining(oneMerge(bad))]);
  });

  it('passes the same release history without the bad merge', async () => {
    const dir = await setup();
    for (const pr of [21, 22, 23]) await releaseCycle(dir, pr);
    const res = await push(dir, 'origin', 'master', 'dev');
    expect([res.code, res.stderr]).toEqual([0, expect.not.stringContaining('hook/')]);
  });

  it('reports several merges of master into dev as one finding with their count and the first few', async () => {
    const dir = await setup();
    const bad: string[] = [];
    for (let i = 0; i < 4; i++) bad.push(await mergeMasterIntoDev(dir));
    await git(dir, 'push', '-q', '--no-verify', 'origin', 'master');
    const published = await git(dir, 'rev-parse', 'origin/dev');
    const merges = async (tip: string) => {
      const json = await runCli(['pre-push', 'origin', 'url', '--format', 'json'], { cwd: dir, input: `refs/heads/dev ${tip} refs/heads/dev ${published}\n` });
      return diagnosticsOf(json.stdout).filter((d) => d.ruleId === 'hook/dev-no-release-merge-commit');
    };
    const found = await merges(bad[3]);
    expect(found).toEqual([
      expect.objectContaining({
        messageId: 'mergeCommits',
        data: { ...MERGE, count: 4, commits: `${bad.slice(0, 3).map(short).join(', ')}, ...` },
        location: expect.objectContaining({ ref: 'refs/heads/dev', range: `${short(published)}..${short(bad[3])}` }),
      }),
    ]);
    // One merge fewer, another range: the same finding of the same branch, the same fingerprint.
    const earlier = await merges(bad[2]);
    expect(earlier.map((d) => [d.data.count, d.location.range])).toEqual([[3, `${short(published)}..${short(bad[2])}`]]);
    expect(earlier.map((d) => d.fingerprint)).toEqual(found.map((d) => d.fingerprint));
    const res = await push(dir, 'origin', 'dev');
    expect(res.code).not.toBe(0);
    expect(mergeFindings(res.stderr)).toHaveLength(1);
  });

  it('lets a new dev branch built on published history through, and still judges the commits it adds', async () => {
    const dir = await setup();
    await releaseCycle(dir, 31);
    await mergeMasterIntoDev(dir);
    // The old merge is published on another branch of origin; origin has no dev any more.
    await git(dir, 'push', '-q', '--no-verify', 'origin', 'master', 'dev:old-dev', ':dev');
    await git(dir, 'fetch', '-q', '--prune', 'origin');
    await work(dir, 'new dev work');
    const fresh = await push(dir, 'origin', 'dev');
    expect([fresh.code, fresh.stderr]).toEqual([0, expect.not.stringContaining('hook/')]);
    await git(dir, 'push', '-q', '--no-verify', 'origin', ':dev');
    const newBad = await mergeMasterIntoDev(dir);
    const res = await push(dir, 'origin', 'dev');
    expect(res.code).not.toBe(0);
    expect(mergeFindings(res.stderr)).toEqual([expect.stringContaining(oneMerge(newBad))]);
  });

  it('lets a mirror of old history, bad merge included, go to a new remote', async () => {
    const dir = await setup();
    await releaseCycle(dir, 41);
    await mergeMasterIntoDev(dir);
    await releaseCycle(dir, 42);
    await git(dir, 'push', '-q', '--no-verify', 'origin', 'master', 'dev');
    await bareRemote(dir, 'mirror');
    const res = await push(dir, 'mirror', 'master', 'dev');
    expect([res.code, res.stderr]).toEqual([0, expect.not.stringContaining('hook/')]);
    // The same push with a new merge on dev is judged on that merge alone.
    const newBad = await mergeMasterIntoDev(dir);
    await bareRemote(dir, 'mirror2');
    const bad = await push(dir, 'mirror2', 'master', 'dev');
    expect(bad.code).not.toBe(0);
    expect(mergeFindings(bad.stderr)).toEqual([expect.stringContaining(oneMerge(newBad))]);
  });
});
