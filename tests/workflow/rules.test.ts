// Workflow rules run for every kind: pinned actions and the "# Pinned GitHub Actions" header.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeFolder, makeRepo } from '../helpers/git.js';
import { findings } from '../helpers/lint.js';

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

describe('workflow/actions-pinned', () => {
  it('fires on tags, branches and missing refs, for every repo kind; local actions and docker images are not checked', async () => {
    const steps = `      - uses: actions/checkout@v4
      - uses: ludeeus/action-shellcheck@master
      - uses: someone/action
      - uses: docker://alpine:3.20
      - uses: ./.github/actions/local
      - uses: actions/setup-node@${SETUP_NODE}`;
    for (const kind of ['wrapper', 'images', 'docs', 'resources'] as const) {
      const dir = await makeFolder({ files: { [WF]: workflow('', steps) } });
      expect(await findings(dir, ['workflow/actions-pinned'], { kind, mode: 'dev' })).toEqual([
        'workflow/actions-pinned warning .github/workflows/ci.yml:13 actions/checkout@v4 is not pinned to a commit; use actions/checkout@<40-hex commit SHA> # v4',
        'workflow/actions-pinned warning .github/workflows/ci.yml:14 ludeeus/action-shellcheck@master is not pinned to a commit; use ludeeus/action-shellcheck@<40-hex commit SHA> # master',
        'workflow/actions-pinned warning .github/workflows/ci.yml:15 someone/action has no ref; pin it: someone/action@<40-hex commit SHA> # <version>',
      ]);
    }
  });

  it('fires on a remote reusable workflow pinned to a tag, and stays silent on fully pinned workflows', async () => {
    const dir = await makeRepo({
      files: {
        [WF]: workflow(PINNED_HEADER, PINNED_STEPS),
        '.github/workflows/release.yaml': 'on: push\njobs:\n  release:\n    uses: ThePorgs/Exegol-workflows/.github/workflows/release.yml@v1\n',
      },
    });
    expect(await findings(dir, ['workflow/actions-pinned', 'workflow/pin-header-consistent'], { kind: 'images', mode: 'dev' })).toEqual([
      'workflow/actions-pinned warning .github/workflows/release.yaml:4 ThePorgs/Exegol-workflows/.github/workflows/release.yml@v1 is not pinned to a commit; use ThePorgs/Exegol-workflows/.github/workflows/release.yml@<40-hex commit SHA> # v1',
    ]);
  });

  it('reports a workflow that is not valid YAML as a parse error, and the run goes on', async () => {
    const dir = await makeFolder({ files: { [WF]: 'jobs:\n  test:\n    steps: [\n      { uses: actions/checkout@v4\n', '.github/workflows/ok.yml': 'jobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n' } });
    const got = await findings(dir, ['workflow/actions-pinned'], { kind: 'docs', mode: 'dev' });
    expect(got).toEqual([
      expect.stringMatching(/^meta\/parse-error error \.github\/workflows\/ci\.yml:\d+ \.github\/workflows\/ci\.yml could not be parsed as YAML: /),
      'workflow/actions-pinned warning .github/workflows/ok.yml:4 actions/checkout@v4 is not pinned to a commit; use actions/checkout@<40-hex commit SHA> # v4',
    ]);
  });
});

describe('workflow/pin-header-consistent', () => {
  it('fires both ways: an unlisted use, a different commit, a different version comment, a listed action nobody uses', async () => {
    const header = `# Pinned GitHub Actions
#   actions/checkout v4.2.2 @ ${CHECKOUT}
#   actions/setup-node v4.0.0 @ ${SETUP_NODE}
#   actions/cache v4.1.2 @ 6849a6489940f00c2f30c0fb92c6274307ccb58a
`;
    const steps = `      - uses: actions/checkout@${'a'.repeat(40)} # v4.2.2
      - uses: actions/setup-node@${SETUP_NODE} # v4.1.0
      - uses: ludeeus/action-shellcheck@00cae500b08a931fb5698e11e79bfbd38e612a38 # 2.0.0`;
    const dir = await makeFolder({ files: { [WF]: workflow(header, steps) } });
    expect(await findings(dir, ['workflow/pin-header-consistent'], { kind: 'resources', mode: 'dev' })).toEqual([
      'workflow/pin-header-consistent error .github/workflows/ci.yml:4 the header lists actions/cache v4.1.2, but no step of this workflow uses it; remove the line',
      `workflow/pin-header-consistent error .github/workflows/ci.yml:17 actions/checkout is used at ${'a'.repeat(40)} but the header lists it @ ${CHECKOUT} (line 2); make them the same commit`,
      'workflow/pin-header-consistent error .github/workflows/ci.yml:18 actions/setup-node is commented "# v4.1.0" here but the header says v4.0.0 (line 3) for the same commit; make the versions agree',
      'workflow/pin-header-consistent error .github/workflows/ci.yml:19 ludeeus/action-shellcheck is not listed under the "# Pinned GitHub Actions" header (line 1); add "#   ludeeus/action-shellcheck <version> @ 00cae500b08a931fb5698e11e79bfbd38e612a38"',
    ]);
  });

  it('stays silent when the header and the uses agree, and when a workflow has no header', async () => {
    const dir = await makeFolder({ files: { [WF]: workflow(PINNED_HEADER, PINNED_STEPS), '.github/workflows/plain.yml': 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n' } });
    expect(await findings(dir, ['workflow/pin-header-consistent'], { kind: 'wrapper', mode: 'dev' })).toEqual([]);
  });
});

describe('the example workflow shipped in examples/', () => {
  const example = readFileSync(new URL('../../examples/github-workflow.yml', import.meta.url), 'utf8');

  it('passes both workflow rules, its sub-path action (github/codeql-action/upload-sarif) included', async () => {
    const dir = await makeFolder({ files: { '.github/workflows/porgs-lint.yml': example } });
    expect(await findings(dir, ['workflow/actions-pinned', 'workflow/pin-header-consistent'], { kind: 'wrapper', mode: 'dev' })).toEqual([]);
  });

  it('names the sub-path action when its commit drifts from the header', async () => {
    const drifted = example.replace('upload-sarif@df409f7d9260372bd5f19e5b04e83cb3c43714ae', `upload-sarif@${'b'.repeat(40)}`);
    const dir = await makeFolder({ files: { '.github/workflows/porgs-lint.yml': drifted } });
    expect(await findings(dir, ['workflow/pin-header-consistent'], { kind: 'wrapper', mode: 'dev' })).toEqual([
      `workflow/pin-header-consistent error .github/workflows/porgs-lint.yml:47 github/codeql-action/upload-sarif is used at ${'b'.repeat(40)} but the header lists it @ df409f7d9260372bd5f19e5b04e83cb3c43714ae (line 11); make them the same commit`,
    ]);
  });
});
