// The rule tester: a rule run on files and git facts given as data, its findings compared with
// the expected messageIds, data and locations. No folder, no git process.
import { EMPTY_CONFIG, optionProblem, type Config } from './config.js';
import type { GitFacts } from './git-facts.js';
import { MemorySource } from './memory-source.js';
import { loadRules } from './registry.js';
import { lint } from './run.js';
import { ruleFromDefinition, type Diagnostic, type MessageData, type Mode, type RepoKind, type Rule, type RuleDefinition, type Severity } from './types.js';

export interface RuleCase {
  /** Shown in the test's name; default: the first file's path. */
  name?: string;
  files: Readonly<Record<string, string>>;
  /** Default: the rule's first kind. */
  kind?: RepoKind;
  /** Default: the rule's first mode. */
  mode?: Mode;
  /** YYYY-MM-DD for date rules; default 2026-01-15. */
  today?: string;
  options?: Readonly<Record<string, unknown>>;
  /** Git facts of the checked commit; default: none (rules that need git say "cannot verify"). */
  git?: GitFacts;
  /** The checked repo's name in reports (default `repo`): cross-repo messages name it. */
  repoName?: string;
  /** Other repos of the workspace (cross-repo rules), each with its kind, files and git facts. */
  repos?: readonly OtherRepo[];
}

export interface OtherRepo {
  name: string;
  kind: RepoKind;
  files: Readonly<Record<string, string>>;
  /** Default: the rule's first mode. */
  mode?: Mode;
  git?: GitFacts;
}

export interface ExpectedFinding {
  messageId: string;
  line: number;
  /** Compared exactly when given. */
  data?: MessageData;
  /** Default: the case's only file when it has one. */
  path?: string;
  /** The repo the finding is reported in; compared when given (default: any). */
  repo?: string;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity?: Severity;
  /** A "cannot verify" finding. Default false. */
  unverified?: boolean;
  /** The second places, compared when given: each one's line, path (default: the finding's), and column, label and repo (another repo of the workspace) when given. */
  related?: ReadonlyArray<{ line: number; path?: string; column?: number; label?: string; repo?: string }>;
}

export interface InvalidCase extends RuleCase {
  findings: readonly ExpectedFinding[];
}

type AnyRule = Rule | { id: string; definition: RuleDefinition<string, any> };

async function resolveRule(rule: string | AnyRule): Promise<Rule> {
  if (typeof rule !== 'string') return 'definition' in rule ? ruleFromDefinition(rule.id, rule.definition) : rule;
  const [found] = await loadRules({ ids: new Set([rule]) });
  if (!found) throw new Error(`no rule ${rule}`);
  return found;
}

/** The findings of one rule on one case, in report order. */
export async function lintCase(rule: string | AnyRule, c: RuleCase): Promise<Diagnostic[]> {
  const r = await resolveRule(rule);
  for (const [name, value] of Object.entries(c.options ?? {})) {
    const spec = r.options?.[name];
    const problem = spec ? optionProblem(spec, value) : `is not an option of ${r.id}`;
    if (problem) throw new Error(`option "${name}" ${problem}`);
  }
  const config: Config = { ...EMPTY_CONFIG, rules: new Map(c.options ? [[r.id, { options: { ...c.options } }]] : []) };
  const builtIn = typeof rule === 'string';
  const mode = c.mode ?? r.modes[0];
  const others = (c.repos ?? []).map((o) => ({ name: o.name, kind: o.kind, mode: o.mode ?? mode, source: new MemorySource(o.files), git: o.git }));
  const result = await lint({
    repos: [{ name: c.repoName ?? 'repo', kind: c.kind ?? r.kinds[0], mode, source: new MemorySource(c.files), git: c.git }, ...others],
    kind: c.kind ?? r.kinds[0],
    mode,
    rules: [r.id],
    ...(builtIn ? {} : { extraRules: [r] }),
    today: c.today ?? '2026-01-15',
    config,
    env: {},
  });
  return result.diagnostics.filter((d) => d.ruleId === r.id || d.ruleId === 'meta/internal-error');
}

const show = (d: Diagnostic) =>
  `${d.location.path}:${d.location.line}:${d.location.column} ${d.severity}${d.unverified ? ' (cannot verify)' : ''} ${d.messageId} ${JSON.stringify(d.data)}: ${d.message}`;

/** What differs between the findings and the expectation, one line each; [] when they agree. */
export function compareFindings(actual: readonly Diagnostic[], expected: readonly ExpectedFinding[], files: readonly string[] = []): string[] {
  const problems: string[] = [];
  if (actual.length !== expected.length) problems.push(`expected ${expected.length} finding(s), got ${actual.length}:\n  ${actual.map(show).join('\n  ') || '(none)'}`);
  expected.forEach((e, i) => {
    const d = actual[i];
    if (!d) return;
    const path = e.path ?? (files.length === 1 ? files[0] : undefined);
    const diffs: string[] = [];
    const check = (what: string, want: unknown, got: unknown) => {
      if (want !== undefined && JSON.stringify(want) !== JSON.stringify(got)) diffs.push(`${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    };
    check('messageId', e.messageId, d.messageId);
    check('path', path, d.location.path);
    check('repo', e.repo, d.location.repo);
    check('line', e.line, d.location.line);
    check('column', e.column, d.location.column);
    check('endLine', e.endLine, d.location.endLine);
    check('endColumn', e.endColumn, d.location.endColumn);
    check('severity', e.severity, d.severity);
    check('unverified', e.unverified ?? false, d.unverified ?? false);
    if (e.data !== undefined) check('data', sortKeys(e.data), sortKeys(d.data));
    if (e.related !== undefined) {
      const got = d.related ?? [];
      check('related places', e.related.length, got.length);
      e.related.forEach((r, j) => {
        const g = got[j];
        if (!g) return;
        check(`related[${j}].path`, r.path ?? d.location.path, g.path);
        check(`related[${j}].line`, r.line, g.line);
        check(`related[${j}].column`, r.column, g.column);
        check(`related[${j}].label`, r.label, g.label);
        check(`related[${j}].repo`, r.repo, g.repo);
      });
    }
    if (diffs.length) problems.push(`finding ${i + 1} (${show(d)}):\n  ${diffs.join('\n  ')}`);
  });
  return problems;
}

const sortKeys = (o: MessageData) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

type Register = (name: string, fn: () => Promise<void> | void) => unknown;

/**
 * Registers one test per case with the test framework's `describe` and `it` (set them once, e.g.
 * `RuleTester.describe = describe; RuleTester.it = it` in a setup file).
 */
export class RuleTester {
  static describe: Register | undefined;
  static it: Register | undefined;

  run(rule: string | AnyRule, cases: { valid: readonly RuleCase[]; invalid: readonly InvalidCase[] }): void {
    const { describe, it } = RuleTester;
    if (!describe || !it) throw new Error('RuleTester.describe and RuleTester.it must be set to the test framework\'s functions');
    const id = typeof rule === 'string' ? rule : rule.id;
    const nameOf = (c: RuleCase, i: number) => c.name ?? `#${i + 1} ${Object.keys(c.files)[0] ?? '(no files)'}`;
    describe(id, () => {
      cases.valid.forEach((c, i) =>
        it(`valid ${nameOf(c, i)}`, async () => {
          const found = await lintCase(rule, c);
          if (found.length) throw new Error(`expected no finding, got:\n  ${found.map(show).join('\n  ')}`);
        }),
      );
      cases.invalid.forEach((c, i) =>
        it(`invalid ${nameOf(c, i)}`, async () => {
          if (c.findings.length === 0) throw new Error('an invalid case expects at least one finding');
          const problems = compareFindings(await lintCase(rule, c), c.findings, Object.keys(c.files));
          if (problems.length) throw new Error(problems.join('\n'));
        }),
      );
    });
  }
}
