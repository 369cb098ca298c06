import { defineRule } from '../../runner/types.js';
import type { BashIfChain } from '../../runner/parsers/bash.js';
import { installScripts } from './_images.js';

const FALLBACK = 'criticalecho-noexit "This installation function doesn\'t support architecture $(uname -m)" && return';

/** The chain tests the machine architecture: a condition runs `uname -m`. */
const testsArch = (chain: BashIfChain) =>
  chain.branches.some((b) => b.conditionCommands.some((c) => c.name === 'uname' && c.args.some((a) => a.value === '-m')));

export default defineRule({
  id: 'images/arch-fallback',
  description: 'Every if/elif chain on `$(uname -m)` ends with an else that calls criticalecho-noexit.',
  details: 'Images are built for several architectures. A chain without that else silently installs nothing on the others, and the tool is missing from the image with no trace in the build log.',
  kinds: ['images'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/images/arch-fallback.md',
  parsers: ['bash'],
  tags: ['multi-arch'],
  precision: 'very-high',
  async check(ctx) {
    for (const s of await installScripts(ctx)) {
      for (const chain of s.bash.ifChains) {
        if (!testsArch(chain)) continue;
        const last = chain.branches[chain.branches.length - 1];
        const where = chain.fn ? ` in ${chain.fn}` : '';
        if (last.keyword !== 'else') {
          ctx.report({
            path: s.path,
            at: { line: chain.line, column: chain.column },
            message: `the $(uname -m) chain${where} has no else, so other architectures install nothing silently; end it with: else ${FALLBACK}`,
          });
        } else if (!last.commands.some((c) => c.name === 'criticalecho-noexit')) {
          ctx.report({
            path: s.path,
            at: { line: last.line, column: last.column },
            message: `the else of the $(uname -m) chain${where} does not call criticalecho-noexit; make it: else ${FALLBACK}`,
          });
        }
      }
    }
  },
});
