import { defineRule } from '../../runner/types.js';
import type { BashCommand, BashFile } from '../../runner/parsers/bash.js';
import type { Span } from '../../runner/types.js';
import { installScripts } from './_images.js';

const UNAME_M = '$(uname -m)';
const FALLBACK = 'criticalecho-noexit "This installation function doesn\'t support architecture $(uname -m)" && return';

const runsUnameM = (commands: BashCommand[]) => commands.some((c) => c.name === 'uname' && c.args.some((a) => a.value === '-m'));

const inside = (s: Span, outer: Span) =>
  (s.line > outer.line || (s.line === outer.line && s.column >= outer.column)) &&
  (s.line < (outer.endLine ?? outer.line) || (s.line === (outer.endLine ?? outer.line) && s.column <= (outer.endColumn ?? outer.column)));

/**
 * Variables that hold the architecture (`local arch=$(uname -m)`, `arch="$(uname -m)"`), by the
 * function that assigns them ('' for the top level, visible everywhere).
 */
function archVariables(file: BashFile): Map<string, Map<string, number>> {
  const unames = file.commands.filter((c) => runsUnameM([c]));
  const byScope = new Map<string, Map<string, number>>();
  for (const a of file.assignments) {
    if (a.value !== undefined || !/^[A-Za-z_]\w*$/.test(a.name) || !unames.some((u) => inside(u, a.valueAt))) continue;
    const scope = a.fn ?? '';
    if (!byScope.has(scope)) byScope.set(scope, new Map());
    if (!byScope.get(scope)!.has(a.name)) byScope.get(scope)!.set(a.name, a.line);
  }
  return byScope;
}

/**
 * What a chain or case tests, undefined when it is not the architecture: `subject` as written
 * (`$(uname -m)` or `$arch`), `tested` as the message names it (with where a variable is set), and
 * that line, `setLine`, the finding's related place.
 */
function archTested(text: string, commands: BashCommand[], fn: string | undefined, vars: Map<string, Map<string, number>>): Tested | undefined {
  if (runsUnameM(commands)) return { subject: UNAME_M, tested: UNAME_M };
  for (const scope of [fn ?? '', '']) {
    for (const [name, line] of vars.get(scope) ?? []) {
      if (new RegExp(`\\$\\{?${name}(?![A-Za-z0-9_])`).test(text)) return { subject: `$${name}`, tested: `$${name} (set from ${UNAME_M} at line ${line})`, setLine: line };
    }
  }
  return undefined;
}

type Problem = 'chainNoElse' | 'elseNoFallback' | 'caseNoDefault' | 'defaultNoFallback';
type Tested = { subject: string; tested: string; setLine?: number };

export default defineRule({
  description: 'Every if/elif chain or case on the architecture (`$(uname -m)`, or a variable set from it) ends with a branch that calls criticalecho-noexit.',
  details:
    'Images are built for several architectures. A chain without that else, or a case without a `*)` branch, silently installs nothing on the others, and the tool is missing from the image with no trace in the build log.',
  kinds: ['images'],
  severity: 'error',
  // Each problem twice: in an install function (named), and at the top level of a script.
  messages: {
    chainNoElse: `the {{tested}} chain in {{function}} has no else, so other architectures install nothing silently; end it with: else ${FALLBACK}`,
    chainNoElseTopLevel: `the {{tested}} chain has no else, so other architectures install nothing silently; end it with: else ${FALLBACK}`,
    elseNoFallback: `the else of the {{tested}} chain in {{function}} does not call criticalecho-noexit; make it: else ${FALLBACK}`,
    elseNoFallbackTopLevel: `the else of the {{tested}} chain does not call criticalecho-noexit; make it: else ${FALLBACK}`,
    caseNoDefault: `the case on {{tested}} in {{function}} has no *) branch, so other architectures install nothing silently; add before esac: *) ${FALLBACK} ;;`,
    caseNoDefaultTopLevel: `the case on {{tested}} has no *) branch, so other architectures install nothing silently; add before esac: *) ${FALLBACK} ;;`,
    defaultNoFallback: `the *) branch of the case on {{tested}} in {{function}} does not call criticalecho-noexit; make it: *) ${FALLBACK} ;;`,
    defaultNoFallbackTopLevel: `the *) branch of the case on {{tested}} does not call criticalecho-noexit; make it: *) ${FALLBACK} ;;`,
  },
  identity: ['function', 'subject'],
  parsers: ['bash'],
  tags: ['multi-arch'],
  precision: 'very-high',
  async check(ctx) {
    for (const s of await installScripts(ctx)) {
      const vars = archVariables(s.bash);
      const report = (problem: Problem, at: Span, fn: string | undefined, { setLine, ...tested }: Tested) => {
        const related = setLine === undefined ? undefined : [{ path: s.path, at: { line: setLine, column: 1 }, label: `where ${tested.subject} is set` }];
        if (fn === undefined) ctx.report({ path: s.path, at, messageId: `${problem}TopLevel`, data: tested, related });
        else ctx.report({ path: s.path, at, messageId: problem, data: { ...tested, function: fn }, related });
      };
      for (const chain of s.bash.ifChains) {
        const tested = archTested(
          chain.branches.map((b) => b.condition).join('\n'),
          chain.branches.flatMap((b) => b.conditionCommands),
          chain.fn,
          vars,
        );
        if (!tested) continue;
        const last = chain.branches[chain.branches.length - 1];
        if (last.keyword !== 'else') report('chainNoElse', { line: chain.line, column: chain.column }, chain.fn, tested);
        else if (!last.commands.some((c) => c.name === 'criticalecho-noexit')) report('elseNoFallback', { line: last.line, column: last.column }, chain.fn, tested);
      }
      for (const c of s.bash.cases) {
        const tested = archTested(c.subject, c.subjectCommands, c.fn, vars);
        if (!tested) continue;
        const fallback = c.items.find((i) => i.patterns.includes('*'));
        if (!fallback) report('caseNoDefault', { line: c.line, column: c.column }, c.fn, tested);
        else if (!fallback.commands.some((x) => x.name === 'criticalecho-noexit')) report('defaultNoFallback', { line: fallback.line, column: fallback.column }, c.fn, tested);
      }
    }
  },
});
