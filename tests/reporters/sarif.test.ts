// The SARIF reporter in memory: which rules a run lists and what each says, regions with an end and
// a snippet in the columns rules count, and second places as related locations.
import { describe, expect, it } from 'vitest';
import { buildSarif, SRCROOT } from '../../reporters/sarif.js';
import { MAX_SNIPPET } from '../../reporters/sarif-regions.js';
import { appliesWhen, fullDescription, MAX_DESCRIPTION, whySection } from '../../reporters/sarif-rules.js';
import { EMPTY_CONFIG } from '../../runner/config.js';
import { MemorySource } from '../../runner/memory-source.js';
import { allRuleMeta } from '../../runner/registry.js';
import { lint } from '../../runner/run.js';
import { TOOL } from '../../runner/tool.js';
import type { Diagnostic, RepoInfo, RuleMeta, RunResult } from '../../runner/types.js';

const metas = new Map((await allRuleMeta()).map((m) => [m.id, m]));
const meta = (id: string): RuleMeta => metas.get(id)!;

const repo = (name: string, kind: RepoInfo['kind'] = 'images'): RepoInfo => ({
  name,
  root: `/r/${name}`,
  displayPath: name,
  kind,
  kindReason: 'detected',
  mode: 'dev',
  modeReason: 'HEAD is branch dev',
});

const diag = (over: Partial<Diagnostic> & Pick<Diagnostic, 'location'>): Diagnostic => ({
  ruleId: 'images/install-fn-duplicate',
  severity: 'error',
  messageId: 'duplicate',
  data: {},
  message: 'install_a is already defined; the definition sourced last wins, so keep one and remove the other',
  fingerprint: '0'.repeat(32),
  ...over,
});

function resultOf(files: Record<string, Record<string, string>>, diagnostics: Diagnostic[], over: Partial<RunResult> = {}): RunResult {
  return {
    tool: TOOL,
    repos: Object.keys(files).map((n) => repo(n)),
    diagnostics,
    rules: ['images/install-fn-duplicate', 'images/whitelist-syntax', 'workflow/actions-pinned', 'meta/parse-error'].map((id) => ({ meta: meta(id), severity: meta(id).severity })),
    summary: { errors: diagnostics.length, warnings: 0, notes: 0 },
    readFile: (r, f) => files[r]?.[f],
    startTime: '',
    endTime: '',
    executionSuccessful: true,
    ...over,
  };
}

type Log = ReturnType<typeof buildSarif>;
const firstResult = (log: Log) => log.runs[0].results[0];

describe('SARIF rules[]', () => {
  it('lists the rules that ran for the repo, with their severity there, and the rule of each result', () => {
    const d = diag({ ruleId: 'meta/parse-error', location: { repo: 'images', path: 'a.sh', line: 1, column: 1 } });
    const result = resultOf({ images: { 'a.sh': 'x\n' }, other: {} }, [d], {
      rulesRun: { images: { 'images/install-fn-duplicate': 'warning' }, other: { 'images/whitelist-syntax': 'error' } },
    });
    const [run] = buildSarif(result).runs;
    expect(run.tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level])).toEqual([
      ['images/install-fn-duplicate', 'warning'],
      ['meta/parse-error', 'error'],
    ]);
    expect(run.results[0].ruleIndex).toBe(1);
  });

  it('gives every rule problem.severity, a security-severity to security rules, and a fullDescription that says more', () => {
    const result = resultOf({ images: {} }, [], {
      rulesRun: { images: { 'images/install-fn-duplicate': 'note', 'workflow/actions-pinned': 'error' } },
    });
    const rules = buildSarif(result).runs[0].tool.driver.rules;
    const [dup, pinned] = rules;
    expect(dup.properties).toMatchObject({ 'problem.severity': 'recommendation' });
    expect(dup.properties).not.toHaveProperty('security-severity');
    expect(pinned.properties).toMatchObject({ 'problem.severity': 'error', 'security-severity': '8.0' });
    for (const r of rules) {
      expect(r.fullDescription.text.length).toBeGreaterThan(r.shortDescription.text.length);
      expect(r.fullDescription.text.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
    }
    expect(pinned.fullDescription.text).toMatch(/^A tag or a branch \(`@v4`, `@main`\) can be moved by the action's owner.* Applies to every kind of repo, in release and dev mode\.$/);
  });

  it("reads the doc page's Why section as plain text, and says when the rule applies", () => {
    const page = '# `x/y`\n\nShort.\n\n## Why\nA [link](https://e.example) and `code`,\n**bold** too.\n\n## How to fix\nNo.\n';
    expect(whySection(page)).toBe('A link and `code`, bold too.');
    expect(whySection('# `x/y`\n\n## How to fix\n')).toBeUndefined();
    expect(appliesWhen({ kinds: ['wrapper'], modes: ['release'], onReleaseTag: true })).toBe('Applies to wrapper repos, in release mode, on a commit that carries a release tag.');
    expect(appliesWhen({ kinds: ['images', 'docs', 'resources'], modes: ['release', 'dev'] })).toBe('Applies to images, docs and resources repos, in release and dev mode.');
    const long = `## Why\n${'This sentence is long enough to count. '.repeat(60)}\n`;
    const text = fullDescription({ ...meta('images/whitelist-syntax'), docs: 'none' }, long);
    expect(text.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
    expect(text).toMatch(/count\. Applies to images repos, in release and dev mode\.$/);
    const noPage = fullDescription({ ...meta('images/whitelist-syntax'), details: undefined }, undefined);
    expect(noPage).toBe(`${meta('images/whitelist-syntax').description} Applies to images repos, in release and dev mode.`);
  });
});

describe('SARIF regions', () => {
  const file = 'install() {\n  run thing   \n\n}\n';
  const at = (line: number, column: number, end?: { endLine?: number; endColumn?: number }) =>
    firstResult(buildSarif(resultOf({ images: { 'a.sh': file } }, [diag({ location: { repo: 'images', path: 'a.sh', line, column, ...end } })]))).locations[0].physicalLocation!.region;

  it('runs to the end of the line text when the rule gives no end, and covers exactly the snippet', () => {
    expect(at(2, 3)).toEqual({ startLine: 2, startColumn: 3, endLine: 2, endColumn: 12, snippet: { text: 'run thing' } });
  });

  it('keeps an end the rule gives', () => {
    expect(at(1, 1, { endLine: 1, endColumn: 8 })).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 8, snippet: { text: 'install' } });
    expect(at(1, 11, { endLine: 4 })).toEqual({ startLine: 1, startColumn: 11, endLine: 4, endColumn: 2, snippet: { text: '{\n  run thing   \n\n}' } });
  });

  it('on an empty line, covers the line break rather than nothing', () => {
    expect(at(3, 1)).toEqual({ startLine: 3, startColumn: 1, endLine: 4, endColumn: 1, snippet: { text: '\n' } });
  });

  it('gives no snippet for a region longer than the cap', () => {
    const long = diag({ location: { repo: 'images', path: 'min.js', line: 1, column: 1 } });
    const region = firstResult(buildSarif(resultOf({ images: { 'min.js': `${'x'.repeat(MAX_SNIPPET + 1)}\n` } }, [long]))).locations[0].physicalLocation!.region;
    expect(region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: MAX_SNIPPET + 2 });
  });

  it('counts columns in UTF-16 code units, as the rules do: the snippet is exactly the offending text', async () => {
    const workflow = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{name: "😀😀", uses: actions/checkout@v4}]\n';
    const result = await lint({
      repos: [{ name: 'docs', source: new MemorySource({ '.github/workflows/a.yml': workflow }) }],
      kind: 'docs',
      mode: 'dev',
      rules: ['workflow/actions-pinned'],
      config: EMPTY_CONFIG,
      env: {},
    });
    const log = buildSarif(result);
    expect(log.runs[0].columnKind).toBe('utf16CodeUnits');
    expect(firstResult(log).locations[0].physicalLocation!.region.snippet).toEqual({ text: 'actions/checkout@v4' });
  });
});

describe('SARIF related locations', () => {
  const files = { images: { 'b.sh': 'install_a() {\n}\n', 'a.sh': '\ninstall_a() {\n}\n' }, resources: { 'x.sh': 'install_a\n' } };
  const d = diag({
    location: { repo: 'images', path: 'b.sh', line: 1, column: 1, endLine: 1, endColumn: 10 },
    related: [
      { repo: 'images', path: 'a.sh', line: 2, column: 1, endLine: 2, endColumn: 10, label: 'first defined here' },
      { repo: 'resources', path: 'x.sh', line: 1, column: 1, label: 'called [here]' },
    ],
    suggestion: 'remove one',
  });
  const run = buildSarif(resultOf(files, [d], { repos: [repo('images'), repo('resources', 'resources')] })).runs[0];

  it('carry each second place with its label, the run repo under %SRCROOT%, another repo under its own base', () => {
    expect(run.results[0].relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'a.sh', uriBaseId: SRCROOT }, region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 10, snippet: { text: 'install_a' } } },
        message: { text: 'first defined here' },
      },
      {
        id: 2,
        physicalLocation: { artifactLocation: { uri: 'x.sh', uriBaseId: '%REPO:resources%' }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 10, snippet: { text: 'install_a' } } },
        message: { text: 'called [here]' },
      },
    ]);
    expect(run.originalUriBaseIds).toEqual({
      [SRCROOT]: { uri: 'file:///r/images/' },
      '%REPO:resources%': { uri: 'file:///r/resources/', description: { text: 'the resources repo resources' } },
    });
  });

  it('are linked from the message, so code scanning shows them; brackets in a label are escaped', () => {
    expect(run.results[0].message.text).toBe(
      'install_a is already defined; the definition sourced last wins, so keep one and remove the other ([first defined here](1), [called \\[here\\]](2)) (fix: remove one)',
    );
  });

  it('repo text that reads as a link stays literal', () => {
    const forged = diag({ message: 'row "[see](1)" is wrong', location: { repo: 'images', path: 'b.sh', line: 1, column: 1 } });
    const text = firstResult(buildSarif(resultOf(files, [forged]))).message.text;
    expect(text).toBe('row "\\[see](1)" is wrong');
  });
});
