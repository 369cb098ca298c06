// The five calls every install function makes (or whitelists): one rule each, same logic.
import { defineRule, type Rule } from '../../runner/types.js';
import { calls, installFunctions, type InstallFunction } from './_images.js';

export interface InstallCall {
  /** The helper every install function calls, e.g. `add-aliases`. */
  call: string;
  description: string;
  details: string;
  /** The line to add, for the message. */
  example: (f: InstallFunction) => string;
}

export function installCallRule(spec: InstallCall): Rule {
  const id = `images/install-${spec.call}`;
  return defineRule({
    id,
    description: spec.description,
    details: spec.details,
    kinds: ['images'],
    modes: ['release', 'dev'],
    severity: 'error',
    docs: `docs/rules/${id}.md`,
    parsers: ['bash'],
    tags: ['install-function'],
    precision: 'very-high',
    async check(ctx) {
      for (const f of await installFunctions(ctx)) {
        if (calls(f.fn, spec.call) || f.whitelisted.has(spec.call)) continue;
        ctx.report({
          path: f.path,
          at: f.fn.nameAt,
          message: `${f.fn.name} does not call ${spec.call}; add \`${spec.example(f)}\`, or whitelist it on the function's first line: # CODE-CHECK-WHITELIST=${spec.call}`,
          key: `${f.fn.name} ${spec.call}`,
        });
      }
    },
  });
}
