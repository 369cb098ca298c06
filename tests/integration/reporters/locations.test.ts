// Every finding has a real file: over the demo (plain, and with its git history) and every fixture,
// in both modes, as plain folders (whole-repo "cannot verify" notes) and as git repos on a dev
// branch without the release branch, SARIF has no empty uri, github annotations no `file=` naming a
// folder, and every reported path exists in the checked repo.
import { existsSync, promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { github } from '../../../reporters/github.js';
import { buildSarif } from '../../../reporters/sarif.js';
import { lint, type LintOptions } from '../../../runner/run.js';
import type { RunResult } from '../../../runner/types.js';
import { demoWithHistory } from '../../helpers/demo.js';
import { makeRepo } from '../../helpers/git.js';

const FIXTURES = ['images', 'images-3.1', 'resources', 'wrapper-3.x', 'wrapper-4.1', 'wrapper-4.3', 'wrapper-5x'];
const made: string[] = [];
afterAll(async () => {
  for (const d of made) await fs.rm(d, { recursive: true, force: true });
});

async function inputs(): Promise<Array<Pick<LintOptions, 'dirs' | 'mode' | 'configPath'>>> {
  const out: Array<Pick<LintOptions, 'dirs' | 'mode' | 'configPath'>> = [
    { configPath: 'examples/demo/porgs-lint.toml' },
    { configPath: path.join(demoWithHistory().history, 'porgs-lint.toml') },
  ];
  for (const f of FIXTURES) {
    for (const mode of ['release', 'dev'] as const) out.push({ dirs: [`tests/fixtures/${f}`], mode });
    const repo = await makeRepo({ fixture: f, branch: 'dev' });
    made.push(repo);
    out.push({ dirs: [repo] });
  }
  return out;
}

function checkLocations(result: RunResult, label: string): void {
  const log = buildSarif(result) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
  const uris = log.runs.flatMap((r) => r.results.flatMap((x) => x.locations.map((l) => l.physicalLocation.artifactLocation.uri)));
  expect(uris.filter((u) => u === ''), `${label}: empty SARIF uri`).toEqual([]);
  const files = github(result, { color: false, cwd: process.cwd() })
    .split('\n')
    .flatMap((line) => /^::\w+ file=([^,]*),/.exec(line)?.[1] ?? []);
  expect(files.filter((f) => f === '.' || !existsSync(f) || statSync(f).isDirectory()), `${label}: github annotation not at a file`).toEqual([]);
  for (const d of result.diagnostics) {
    const repo = result.repos.find((r) => r.name === d.location.repo)!;
    expect(existsSync(path.join(repo.root, d.location.path)) && !statSync(path.join(repo.root, d.location.path)).isDirectory(), `${label}: ${d.ruleId} at ${d.location.path}`).toBe(true);
  }
}

describe('finding locations', () => {
  it('are real files over the demo and every fixture, in both modes, with and without git', async () => {
    let whole = 0;
    for (const input of await inputs()) {
      const result = await lint({ ...input, env: {}, today: '2026-06-01' });
      checkLocations(result, input.dirs?.[0] ?? input.configPath!);
      whole += result.diagnostics.filter((d) => d.message.includes('cannot verify: whether this branch contains')).length;
    }
    // The plain-folder wrapper runs in dev mode ask about the release branch: those notes were checked too.
    expect(whole).toBeGreaterThan(0);
  }, 120_000);
});
