import { defineRule } from '../../runner/types.js';
import type { BashCommand, BashFile } from '../../runner/parsers/bash.js';
import type { Span } from '../../runner/types.js';
import { installScripts } from './_images.js';

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

/** What a chain or case tests, as the message names it; undefined when it is not the architecture. */
function archTested(text: string, commands: BashCommand[], fn: string | undefined, vars: Map<string, Map<string, number>>): string | undefined {
  if (runsUnameM(commands)) return '$(uname -m)';
  for (const scope of [fn ?? '', '']) {
    for (const [name, line] of vars.get(scope) ?? []) {
      if (new RegExp(`\\$\\{?${name}(?![A-Za-z0-9_])`).test(text)) return `$${name} (set from $(uname -m) at line ${line})`;
    }
  }
  return undefined;
}

export default defineRule({
  id: 'images/arch-fallback',
  description: 'Every if/elif chain or case on the architecture (`$(uname -m)`, or a variable set from it) ends with a branch that calls criticalecho-noexit.',
  details:
    'Images are built for several architectures. A chain without that else, or a case without a `*)` branch, silently installs nothing on the others, and the tool is missing from the image with no trace in the build log.',
  kinds: ['images'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/images/arch-fallback.md',
  parsers: ['bash'],
  tags: ['multi-arch'],
  precision: 'very-high',
  async check(ctx) {
    for (const s of await installScripts(ctx)) {
      const vars = archVariables(s.bash);
      for (const chain of s.bash.ifChains) {
        const tested = archTested(
          chain.branches.map((b) => b.condition).join('\n'),
          chain.branches.flatMap((b) => b.conditionCommands),
          chain.fn,
          vars,
        );
        if (!tested) continue;
        const last = chain.branches[chain.branches.length - 1];
        const where = chain.fn ? ` in ${chain.fn}` : '';
        if (last.keyword !== 'else') {
          ctx.report({
            path: s.path,
            at: { line: chain.line, column: chain.column },
            message: `the ${tested} chain${where} has no else, so other architectures install nothing silently; end it with: else ${FALLBACK}`,
          });
        } else if (!last.commands.some((c) => c.name === 'criticalecho-noexit')) {
          ctx.report({
            path: s.path,
            at: { line: last.line, column: last.column },
            message: `the else of the ${tested} chain${where} does not call criticalecho-noexit; make it: else ${FALLBACK}`,
          });
        }
      }
      for (const c of s.bash.cases) {
        const tested = archTested(c.subject, c.subjectCommands, c.fn, vars);
        if (!tested) continue;
        const where = c.fn ? ` in ${c.fn}` : '';
        const fallback = c.items.find((i) => i.patterns.includes('*'));
        if (!fallback) {
          ctx.report({
            path: s.path,
            at: { line: c.line, column: c.column },
            message: `the case on ${tested}${where} has no *) branch, so other architectures install nothing silently; add before esac: *) ${FALLBACK} ;;`,
          });
        } else if (!fallback.commands.some((x) => x.name === 'criticalecho-noexit')) {
          ctx.report({
            path: s.path,
            at: { line: fallback.line, column: fallback.column },
            message: `the *) branch of the case on ${tested}${where} does not call criticalecho-noexit; make it: *) ${FALLBACK} ;;`,
          });
        }
      }
    }
  },
});
