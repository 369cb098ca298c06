// A config's policies as rules: the same metadata, suppressions, severities, SARIF rules and
// `explain` as a built-in rule, with a check that runs the policy's matcher. The matchers read
// only through the rule context, and share one work budget per repo: a pattern may be linear or
// quadratic in a line's length, and a repository chooses its lines (and may write the config).
import { loadPicomatch } from './context.js';
import type { RuleContext } from './context-api.js';
import { describeMatcher, MAX_POLICY_INPUT, type LocalPolicy, type Pattern } from './local-policies.js';
import { CONFIG_GLOB_OPTIONS } from './safe-glob.js';
import { ruleFromDefinition, type Rule, type Span } from './types.js';

/**
 * Work all policies may do on one repo, in the units of the safe subset's choices (a few
 * nanoseconds each): about two seconds of matching in the worst case. A pattern without `*` or `+`
 * costs a line's length, one with a single `*` or `+` not anchored by `^` its square: ordinary
 * text stays far below this, while a repository crafted against a pattern gets a "cannot verify"
 * note instead of a run that takes minutes.
 */
export const POLICY_WORK_BUDGET = 5e8;

const MESSAGES = {
  noFiles: 'no file matches {{globs}}, the files of this policy: it checked nothing in this repo; fix its files globs or its kinds',
  notChecked: '{{count}} {{what}} longer than {{max}} characters could not be checked (the first at line {{line}}); policies match at most {{max}} characters',
  overBudget: 'policies used up their work budget for this repo here; {{path}} and the files after it were not checked: narrow the files globs, or anchor the pattern with ^ and use fewer * and +',
};

const IDENTITY: Record<LocalPolicy['matcher']['kind'], readonly string[]> = {
  // A forbidden line is identified by its text (the default), so each occurrence counts apart.
  'forbid-line': [],
  require: ['pattern'],
  command: ['function', 'match'],
};

type Ctx = RuleContext<string, Readonly<Record<string, unknown>>>;
interface Budget {
  left: number;
  spent: boolean;
}

/** The rule a policy is: metadata from its fields, no doc page, and its matcher as the check. */
export function policyRule(p: LocalPolicy): Rule {
  const rule = ruleFromDefinition(p.id, {
    description: p.description,
    details: `${p.description} ${describeMatcher(p)} (A policy of ${p.definedIn}.)`,
    kinds: p.kinds,
    modes: p.modes,
    severity: p.severity,
    messages: { violation: p.message, ...MESSAGES },
    identity: IDENTITY[p.matcher.kind],
    parsers: p.matcher.kind === 'command' ? ['bash'] : [],
    tags: ['policy'],
    check: (ctx) => checkPolicy(p, ctx),
  });
  return { ...rule, docs: undefined, definedIn: p.definedIn };
}

async function checkPolicy(p: LocalPolicy, ctx: Ctx): Promise<void> {
  const picomatch = await loadPicomatch();
  const wanted = picomatch([...p.files], CONFIG_GLOB_OPTIONS);
  const files = (await ctx.glob('**')).filter((f) => wanted(f));
  // About the repo as a whole: the run anchors it at the kind's marker file.
  if (files.length === 0) return ctx.note({ path: '.', messageId: 'noFiles', data: { globs: p.files.join(', ') } });
  const budget = await ctx.memo<Budget>('policy/budget', async () => ({ left: POLICY_WORK_BUDGET, spent: false }));
  for (const file of files) {
    // Once the budget is spent, each policy says where it stopped: none passes in silence.
    const done = !budget.spent && (p.matcher.kind === 'command' ? await checkCommands(p, ctx, file, budget) : await checkLines(p, ctx, file, budget));
    if (!done) {
      budget.spent = true;
      return ctx.cannotVerify({ path: file, messageId: 'overBudget', data: { path: file } });
    }
  }
}

/** Charges one match on `length` characters; false when the budget does not cover it. */
function charge(budget: Budget, pattern: Pattern, length: number): boolean {
  budget.left -= pattern.cost(length);
  return budget.left >= 0;
}

/** forbid-line and require on one file; false when the budget ran out. */
async function checkLines(p: LocalPolicy, ctx: Ctx, file: string, budget: Budget): Promise<boolean> {
  const m = p.matcher;
  if (m.kind === 'command') return true;
  const text = await ctx.read(file);
  if (text === undefined) return true;
  const lines = text.split('\n');
  const long: number[] = [];
  let found = false;
  for (let i = 0; i < lines.length && !found; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (line.length > MAX_POLICY_INPUT) {
      long.push(i + 1);
      continue;
    }
    if (!charge(budget, m.pattern, line.length)) return false;
    const match = m.pattern.regex.exec(line);
    if (!match) continue;
    if (m.kind === 'require') found = true;
    else {
      const at: Span = { line: i + 1, column: match.index + 1, endLine: i + 1, endColumn: match.index + 1 + match[0].length };
      ctx.report({ path: file, at, messageId: 'violation', data: { match: match[0] } });
    }
  }
  if (m.kind === 'require' && !found) {
    // A long line might hold what is required: the file could not be judged.
    if (long.length) ctx.cannotVerify({ path: file, at: { line: long[0], column: 1 }, messageId: 'notChecked', data: { count: long.length, what: 'line(s)', max: MAX_POLICY_INPUT, line: long[0] } });
    else ctx.report({ path: file, messageId: 'violation', data: { pattern: m.pattern.regex.source } });
  } else if (m.kind === 'forbid-line' && long.length) {
    ctx.cannotVerify({ path: file, at: { line: long[0], column: 1 }, messageId: 'notChecked', data: { count: long.length, what: 'line(s)', max: MAX_POLICY_INPUT, line: long[0] } });
  }
  return true;
}

/** The command matcher on one shell script; false when the budget ran out. */
async function checkCommands(p: LocalPolicy, ctx: Ctx, file: string, budget: Budget): Promise<boolean> {
  const m = p.matcher;
  if (m.kind !== 'command') return true;
  // A script that cannot be parsed is reported by the context (meta/parse-error).
  const view = await ctx.bash(file);
  if (!view) return true;
  const long: number[] = [];
  for (const cmd of view.commands) {
    if (!m.names.includes(cmd.name)) continue;
    if (m.inside === 'install-functions' && !cmd.fn?.startsWith('install_')) continue;
    const args = cmd.args.map((a) => a.value ?? a.text).join(' ');
    if (m.args) {
      if (args.length > MAX_POLICY_INPUT) {
        long.push(cmd.line);
        continue;
      }
      if (!charge(budget, m.args, args.length)) return false;
      if (!m.args.regex.test(args)) continue;
    }
    const at: Span = { line: cmd.line, column: cmd.column, endLine: cmd.endLine, endColumn: cmd.endColumn };
    ctx.report({ path: file, at, messageId: 'violation', data: { match: `${cmd.name} ${args}`.trim().slice(0, MAX_POLICY_INPUT), function: cmd.fn ?? '' } });
  }
  if (long.length) ctx.cannotVerify({ path: file, at: { line: long[0], column: 1 }, messageId: 'notChecked', data: { count: long.length, what: 'command(s) whose arguments are', max: MAX_POLICY_INPUT, line: long[0] } });
  return true;
}
