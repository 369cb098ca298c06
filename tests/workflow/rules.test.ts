// Workflow rules run for every kind: pinned actions and the "# Pinned GitHub Actions" header.
// They read files only, so every case runs in memory.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RuleTester, type ExpectedFinding } from '../../runner/testing.js';
import { lint } from '../../runner/run.js';
import { MemorySource } from '../../runner/memory-source.js';
import { ConfigError, parseConfig } from '../../runner/config.js';
import { loadRules } from '../../runner/registry.js';
import { REPO_KINDS } from '../../runner/types.js';

const CHECKOUT = '11bd71901bbe5b1630ceea73d27597364c9af683';
const SETUP_NODE = '39370e3970a6d050c480ffad4ff0ed4d3fdee5af';
const WF = '.github/workflows/ci.yml';

const workflow = (header: string, steps: string) => `${header}
name: CI

on:
  pull_request:

jobs:
  reusable:
    uses: ./.github/workflows/sub.yml
  test:
    runs-on: ubuntu-latest
    steps:
${steps}
      - run: npm test
`;

const PINNED_HEADER = `# Pinned GitHub Actions
#   actions/checkout v4.2.2 @ ${CHECKOUT}
#   actions/setup-node v4.1.0 @ ${SETUP_NODE}
`;
const PINNED_STEPS = `      - uses: actions/checkout@${CHECKOUT} # v4.2.2
      - uses: actions/setup-node@${SETUP_NODE} # v4.1.0
        with:
          node-version: 20`;

/** Tags, a branch and a missing ref (lines 13-15), next to what the rule does not check. */
const UNPINNED_STEPS = `      - uses: actions/checkout@v4
      - uses: ludeeus/action-shellcheck@master
      - uses: someone/action
      - uses: docker://alpine:3.20
      - uses: ./.github/actions/local
      - uses: actions/setup-node@${SETUP_NODE}`;
const UNPINNED_FINDINGS: readonly ExpectedFinding[] = [
  { messageId: 'notPinned', line: 13, column: 15, data: { uses: 'actions/checkout@v4', action: 'actions/checkout', ref: 'v4' } },
  { messageId: 'notPinned', line: 14, column: 15, data: { uses: 'ludeeus/action-shellcheck@master', action: 'ludeeus/action-shellcheck', ref: 'master' } },
  { messageId: 'noRef', line: 15, column: 15, data: { uses: 'someone/action', action: 'someone/action' } },
];

const RELEASE_WF = '.github/workflows/release.yaml';
const REUSABLE_AT_TAG = 'on: push\njobs:\n  release:\n    uses: ThePorgs/Exegol-workflows/.github/workflows/release.yml@v1\n';

new RuleTester().run('workflow/actions-pinned', {
  valid: [
    { name: 'fully pinned, local actions and docker images', files: { [WF]: workflow(PINNED_HEADER, PINNED_STEPS) }, kind: 'images', mode: 'dev' },
    {
      name: 'allow-unpinned: an owner, and a repository of a sub-path action, in any case',
      files: { [WF]: workflow('', '      - uses: Actions/checkout@v4\n      - uses: github/codeql-action/upload-sarif@v3') },
      options: { 'allow-unpinned': ['actions', 'GitHub/CodeQL-Action'] },
    },
  ],
  invalid: [
    ...REPO_KINDS.map((kind) => ({ name: `tags, branches and missing refs in a ${kind} repo`, files: { [WF]: workflow('', UNPINNED_STEPS) }, kind, mode: 'dev' as const, findings: UNPINNED_FINDINGS })),
    {
      name: 'a remote reusable workflow at a tag, next to a fully pinned workflow',
      files: { [WF]: workflow(PINNED_HEADER, PINNED_STEPS), [RELEASE_WF]: REUSABLE_AT_TAG },
      kind: 'images',
      mode: 'dev',
      findings: [
        {
          messageId: 'notPinned',
          path: RELEASE_WF,
          line: 4,
          column: 11,
          data: { uses: 'ThePorgs/Exegol-workflows/.github/workflows/release.yml@v1', action: 'ThePorgs/Exegol-workflows/.github/workflows/release.yml', ref: 'v1' },
        },
      ],
    },
    {
      name: 'allow-unpinned names an owner: its actions pass, other owners still fire',
      files: { [WF]: workflow('', UNPINNED_STEPS) },
      options: { 'allow-unpinned': ['actions'] },
      findings: UNPINNED_FINDINGS.slice(1),
    },
    {
      name: 'allow-unpinned names a repository: another repository of the same owner still fires',
      files: { [WF]: workflow('', '      - uses: actions/checkout@v4\n      - uses: actions/cache@v4') },
      options: { 'allow-unpinned': ['actions/checkout'] },
      findings: [{ messageId: 'notPinned', line: 14, data: { uses: 'actions/cache@v4', action: 'actions/cache', ref: 'v4' } }],
    },
    {
      name: 'an empty ref after @ is no ref',
      files: { [WF]: workflow('', '      - uses: actions/checkout@') },
      findings: [{ messageId: 'noRef', line: 13, data: { uses: 'actions/checkout@', action: 'actions/checkout' } }],
    },
  ],
});

describe('workflow/actions-pinned on a workflow that is not valid YAML', () => {
  it('reports a parse error there, and the rule goes on with the other workflows', async () => {
    const files = { [WF]: 'jobs:\n  test:\n    steps: [\n      { uses: actions/checkout@v4\n', '.github/workflows/ok.yml': 'jobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n' };
    const result = await lint({ repos: [{ name: 'repo', source: new MemorySource(files) }], kind: 'docs', mode: 'dev', rules: ['workflow/actions-pinned'], today: '2026-01-15', env: {} });
    expect(result.diagnostics.map((d) => [d.ruleId, d.messageId, d.location.path, d.location.line, d.data])).toEqual([
      ['meta/parse-error', 'cannotParse', WF, expect.any(Number), expect.objectContaining({ path: WF, language: 'YAML' })],
      ['workflow/actions-pinned', 'notPinned', '.github/workflows/ok.yml', 4, { uses: 'actions/checkout@v4', action: 'actions/checkout', ref: 'v4' }],
    ]);
  });
});

describe('the allow-unpinned option of workflow/actions-pinned in a config', () => {
  const parse = async (text: string) =>
    parseConfig(text, await loadRules({ ids: new Set(['workflow/actions-pinned']) }), { file: 'porgs-lint.toml', displayFile: 'porgs-lint.toml', baseDir: '/ws/repo' });

  it('is rejected at its file:line when it is not a list of strings, or misspelt', async () => {
    await expect(parse('[rules."workflow/actions-pinned".options]\nallow-unpinned = "actions"\n')).rejects.toThrow(
      new ConfigError('porgs-lint.toml:2:1: option "allow-unpinned" of workflow/actions-pinned must be a list of strings'),
    );
    await expect(parse('[rules]\n"workflow/actions-pinned" = { options = { allow-unpinned = ["actions", 2] } }\n')).rejects.toThrow(
      new ConfigError('porgs-lint.toml:2:30: option "allow-unpinned" of workflow/actions-pinned must be a list of strings'),
    );
    await expect(parse('[rules."workflow/actions-pinned"]\nseverity = "error"\noptions = { allow-unpined = ["actions"] }\n')).rejects.toThrow(
      new ConfigError('porgs-lint.toml:3:12: workflow/actions-pinned has no option "allow-unpined" (did you mean "allow-unpinned"?)'),
    );
  });

  it('reaches the rule when the config sets it', async () => {
    const config = await parse('[rules."workflow/actions-pinned".options]\nallow-unpinned = ["actions", "ludeeus"]\n');
    const result = await lint({ repos: [{ name: 'repo', source: new MemorySource({ [WF]: workflow('', UNPINNED_STEPS) }) }], kind: 'wrapper', mode: 'dev', rules: ['workflow/actions-pinned'], config, today: '2026-01-15', env: {} });
    expect(result.diagnostics.map((d) => [d.messageId, d.location.line, d.data.uses])).toEqual([['noRef', 15, 'someone/action']]);
  });
});

const DRIFT_HEADER = `# Pinned GitHub Actions
#   actions/checkout v4.2.2 @ ${CHECKOUT}
#   actions/setup-node v4.0.0 @ ${SETUP_NODE}
#   actions/cache v4.1.2 @ 6849a6489940f00c2f30c0fb92c6274307ccb58a
`;
const DRIFT_STEPS = `      - uses: actions/checkout@${'a'.repeat(40)} # v4.2.2
      - uses: actions/setup-node@${SETUP_NODE} # v4.1.0
      - uses: ludeeus/action-shellcheck@00cae500b08a931fb5698e11e79bfbd38e612a38 # 2.0.0`;

const EXAMPLE = readFileSync(new URL('../../examples/github-workflow.yml', import.meta.url), 'utf8');
const EXAMPLE_WF = '.github/workflows/porgs-lint.yml';
const UPLOAD_SARIF_SHA = 'df409f7d9260372bd5f19e5b04e83cb3c43714ae';

new RuleTester().run('workflow/pin-header-consistent', {
  valid: [
    {
      name: 'the header and the uses agree; a workflow without a header',
      files: { [WF]: workflow(PINNED_HEADER, PINNED_STEPS), '.github/workflows/plain.yml': 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n' },
      kind: 'wrapper',
      mode: 'dev',
    },
    { name: 'the example workflow shipped in examples/, its sub-path action included', files: { [EXAMPLE_WF]: EXAMPLE }, kind: 'wrapper', mode: 'dev' },
  ],
  invalid: [
    {
      name: 'both ways: a listed action nobody uses, a different commit, a different version comment, an unlisted use',
      files: { [WF]: workflow(DRIFT_HEADER, DRIFT_STEPS) },
      kind: 'resources',
      mode: 'dev',
      findings: [
        { messageId: 'unused', line: 4, column: 1, data: { action: 'actions/cache', version: 'v4.1.2' } },
        { messageId: 'otherCommit', line: 17, column: 15, data: { action: 'actions/checkout', ref: 'a'.repeat(40), listed: CHECKOUT, entryLine: 2 }, related: [{ line: 2, column: 1, label: 'the header entry' }] },
        { messageId: 'otherVersion', line: 18, column: 15, data: { action: 'actions/setup-node', comment: 'v4.1.0', version: 'v4.0.0', entryLine: 3 }, related: [{ line: 3, label: 'the header entry' }] },
        { messageId: 'notListed', line: 19, column: 15, data: { action: 'ludeeus/action-shellcheck', headerLine: 1, sha: '00cae500b08a931fb5698e11e79bfbd38e612a38' }, related: [{ line: 1, column: 1, label: 'the pin header' }] },
      ],
    },
    {
      name: 'an unlisted use at a tag, and a listed action used without a ref',
      files: { [WF]: workflow(PINNED_HEADER, '      - uses: actions/checkout\n      - uses: actions/setup-node@' + SETUP_NODE + ' # v4.1.0\n      - uses: actions/cache@v4') },
      findings: [
        { messageId: 'otherCommitNoRef', line: 16, data: { action: 'actions/checkout', listed: CHECKOUT, entryLine: 2 }, related: [{ line: 2 }] },
        { messageId: 'notListedUnpinned', line: 18, data: { action: 'actions/cache', headerLine: 1 }, related: [{ line: 1 }] },
      ],
    },
    {
      name: 'the example workflow with the commit of its sub-path action drifted from the header',
      files: { [EXAMPLE_WF]: EXAMPLE.replace(`upload-sarif@${UPLOAD_SARIF_SHA}`, `upload-sarif@${'b'.repeat(40)}`) },
      kind: 'wrapper',
      mode: 'dev',
      findings: [{ messageId: 'otherCommit', line: 47, data: { action: 'github/codeql-action/upload-sarif', ref: 'b'.repeat(40), listed: UPLOAD_SARIF_SHA, entryLine: 11 } }],
    },
  ],
});
