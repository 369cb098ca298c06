// A hook finding located at a ref: each reporter shows the ref and the commits, never a fake file
// position. In memory: no git plays a part.
import { describe, expect, it } from 'vitest';
import { github, githubStepSummary } from '../../reporters/github.js';
import { json } from '../../reporters/json.js';
import { pretty } from '../../reporters/pretty.js';
import { buildSarif } from '../../reporters/sarif.js';
import { TOOL } from '../../runner/tool.js';
import type { Diagnostic, RunResult } from '../../runner/types.js';

const finding: Diagnostic = {
  ruleId: 'hook/dev-no-release-merge-commit',
  severity: 'error',
  messageId: 'mergeCommits',
  data: { count: 3, releaseBranch: 'master', branch: 'dev', commits: 'abc123456789, def123456789, 0123456789ab', command: 'git merge master --ff-only' },
  message: '3 merge commits bring master into dev: abc123456789, def123456789, 0123456789ab',
  location: { repo: 'Exegol', path: '.', line: 1, column: 1, ref: 'refs/heads/dev', range: 'aaaaaaaaaaaa..bbbbbbbbbbbb' },
  fingerprint: 'f'.repeat(32),
};

const result: RunResult = {
  tool: TOOL,
  repos: [{ name: 'Exegol', root: '/r/Exegol', displayPath: '.', kind: 'wrapper', kindReason: 'detected', mode: 'release', modeReason: 'pre-push to origin' }],
  diagnostics: [finding],
  rules: [],
  summary: { errors: 1, warnings: 0, notes: 0 },
  readFile: () => 'a line that must not be shown\n',
  startTime: '2026-01-01T00:00:00Z',
  endTime: '2026-01-01T00:00:00Z',
  executionSuccessful: true,
};

describe('a finding located at a ref', () => {
  it('pretty shows the ref and its commits, without :1:1 or a source excerpt', () => {
    const text = pretty(result, { color: false, cwd: '/r/Exegol' });
    expect(text).toContain('  refs/heads/dev (aaaaaaaaaaaa..bbbbbbbbbbbb)  error  3 merge commits bring master into dev');
    expect(text).not.toContain(':1:1');
    expect(text).not.toContain('a line that must not be shown');
  });

  it('json carries the ref, the range and the message as data', () => {
    const [d] = JSON.parse(json(result, { color: false, cwd: '/' })).diagnostics;
    expect([d.messageId, d.data]).toEqual(['mergeCommits', finding.data]);
    expect(d.location).toEqual({ repo: 'Exegol', path: '.', line: 1, column: 1, ref: 'refs/heads/dev', range: 'aaaaaaaaaaaa..bbbbbbbbbbbb' });
  });

  it('github annotates without a file and names the ref in the text and the summary', () => {
    const text = github(result, { color: false, cwd: '/' });
    expect(text).toContain('::error title=hook/dev-no-release-merge-commit::refs/heads/dev (aaaaaaaaaaaa..bbbbbbbbbbbb): 3 merge commits');
    expect(text).not.toContain('file=');
    expect(githubStepSummary(result)).toContain('`refs/heads/dev (aaaaaaaaaaaa..bbbbbbbbbbbb)`');
  });

  it('sarif gives a logical location, no physical one with an empty uri', () => {
    const [r] = buildSarif(result).runs[0].results;
    expect(r.locations).toEqual([{ logicalLocations: [{ name: 'refs/heads/dev', fullyQualifiedName: 'refs/heads/dev (aaaaaaaaaaaa..bbbbbbbbbbbb)', kind: 'ref' }] }]);
    expect(r.partialFingerprints).toEqual({ 'porgsLint/v2': 'f'.repeat(32) });
    expect(r.properties).toEqual(expect.objectContaining({ messageId: 'mergeCommits', data: finding.data }));
  });
});
