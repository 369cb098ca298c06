// Cross-repo rules on folders: the wrapper in a real git repository (its previous release read from
// git objects: trees and blobs through the shared cat-file reader, never a checkout) next to a docs
// folder and a resources folder; and the CLI's "cannot verify" note when the other repo is missing.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { explainApplicability, lint } from '../../../runner/run.js';
import { FIXTURES } from '../../helpers/git.js';
import { runCli } from '../../helpers/cli.js';
import { fixtureFiles } from '../../helpers/fixture-files.js';
import { commitAll, git, makeFolder, makeRepo, removeTmpDirs, tagRepo, writeFiles } from '../../helpers/git.js';

afterAll(() => removeTmpDirs());

const RULES = ['docs/cli-action-page', 'docs/cli-option-documented', 'docs/cli-option-exists', 'docs/new-feature-documented', 'docs/resources-list-synced'];

/** The wrapper released as 5.0.0, then 5.1.0 committed on dev. */
async function wrapperRepo(): Promise<string> {
  const dir = await makeRepo({ fixture: 'cross/wrapper-5.0', branch: 'dev' });
  await tagRepo(dir, '5.0.0', { annotated: true });
  await git(dir, 'rm', '-q', '-r', 'exegol', 'README.md');
  await writeFiles(dir, fixtureFiles('cross/wrapper-5.1'));
  await commitAll(dir, '5.1.0');
  return dir;
}

const run = async (dirs: string[], rules = RULES, rev?: string) =>
  (await lint({ dirs, rules, env: {}, today: '2026-01-15', ...(rev ? { rev } : {}) })).diagnostics.map((d) => `${d.ruleId} ${d.location.repo}/${d.location.path}:${d.location.line} ${d.messageId}`);

describe('cross-repo rules on folders', () => {
  it('are silent on the consistent workspace, and find the new flag the docs lost', async () => {
    const wrapper = await wrapperRepo();
    const docs = await makeFolder({ fixture: 'cross/docs' });
    const resources = await makeFolder({ fixture: 'cross/resources' });
    expect(await run([docs, wrapper, resources])).toEqual([]);

    const start = path.join(docs, 'docs/src/wrapper/cli/start.md');
    await fs.writeFile(start, (await fs.readFile(start, 'utf8')).split('\n').filter((l) => !l.includes('--network')).join('\n'));
    const features = path.join(docs, 'docs/src/wrapper/features.md');
    await fs.writeFile(features, (await fs.readFile(features, 'utf8')).replace('`--network`', 'an option'));
    const docsName = path.basename(docs);
    expect(await run([docs, wrapper, resources], ['docs/new-feature-documented'])).toEqual([
      `docs/new-feature-documented ${docsName}/docs/src/wrapper/cli/exec.md:9 flagUndocumented`,
      `docs/new-feature-documented ${docsName}/docs/src/wrapper/cli/start.md:6 flagUndocumented`,
    ]);
  });

  it('compare with the release before the checked commit, also with --rev', async () => {
    const wrapper = await wrapperRepo();
    await tagRepo(wrapper, '5.1.0', { annotated: true });
    // The checked commit carries 5.1.0: the previous release is still 5.0.0, a strict ancestor.
    const docs = await makeRepo({ fixture: 'cross/docs', branch: 'main' });
    await fs.rm(path.join(docs, 'docs/src/wrapper/cli/upgrade.md'));
    await commitAll(docs, 'no upgrade page');
    await git(docs, 'tag', '5.1.0');
    expect(await run([docs, wrapper], ['docs/new-feature-documented', 'docs/cli-action-page'], '5.1.0')).toEqual([
      // The page is gone but its sidebar entry (line 31) stays: both findings are at that entry.
      `docs/cli-action-page ${path.basename(docs)}/docs/.vitepress/config.mts:31 noPageLinked`,
      `docs/new-feature-documented ${path.basename(docs)}/docs/.vitepress/config.mts:31 actionUndocumented`,
    ]);
  });

  it('are explained: compared with the repo of the run, or not run without it', async () => {
    const docs = path.join(FIXTURES, 'cross/docs');
    const [alone] = await explainApplicability('docs/cli-option-exists', { dirs: [docs], env: {} });
    expect(alone).toMatch(/: does not run: it compares with the wrapper repo, which this run does not have: give its folder too/);
    const both = await explainApplicability('docs/cli-option-exists', { dirs: [docs, path.join(FIXTURES, 'cross/wrapper-5.1')], env: {} });
    expect(both[0]).toMatch(/: runs: applies to docs repos in (release|dev) mode, compared with the wrapper repo of this run$/);
    expect(both[1]).toMatch(/: does not run: applies to docs repos, this is a wrapper repo$/);
  });

  it('say once, through the CLI, which repo to add when the wrapper is not in the run', async () => {
    const docs = await makeFolder({ fixture: 'cross/docs' });
    const other = await makeFolder({ fixture: 'cross/docs' });
    const out = await runCli([docs, other, '--format', 'json', ...RULES.flatMap((r) => ['--rule', r])]);
    expect(out.code).toBe(0);
    const notes = (JSON.parse(out.stdout) as { diagnostics: Array<{ ruleId: string; messageId: string; unverified?: boolean; data: { kind: string } }> }).diagnostics;
    expect(notes.map((d) => [d.ruleId, d.messageId, d.unverified, d.data.kind])).toEqual([
      ['docs/cli-action-page', 'missingRepo', true, 'wrapper'],
      ['docs/cli-option-documented', 'missingRepo', true, 'wrapper'],
      ['docs/cli-option-exists', 'missingRepo', true, 'wrapper'],
      ['docs/new-feature-documented', 'missingRepo', true, 'wrapper'],
      ['docs/resources-list-synced', 'missingRepo', true, 'resources'],
    ]);
    expect((await runCli([docs, '--fail-on-unverified', '--rule', 'docs/cli-action-page'])).code).toBe(1);
  });
});
