// The five calls every install function makes (or whitelists): one rule each, same logic.
import { defineRule } from '../../runner/types.js';
import { calls, installFunctions } from './_images.js';

export interface InstallCall {
  /** The helper every install function calls, e.g. `add-aliases`. */
  call: string;
  description: string;
  details: string;
  /** The line to add, for the message; `{{tool}}` stands for the tool's name. */
  example: string;
}

export function installCallRule(spec: InstallCall) {
  return defineRule({
    description: spec.description,
    details: spec.details,
    kinds: ['images'],
    severity: 'error',
    messages: {
      missingCall: `{{function}} does not call ${spec.call}; add \`${spec.example}\`, or whitelist it on the function's first line: # CODE-CHECK-WHITELIST=${spec.call}`,
    },
    identity: ['function'],
    parsers: ['bash'],
    tags: ['install-function'],
    precision: 'very-high',
    async check(ctx) {
      for (const f of await installFunctions(ctx)) {
        if (calls(f.fn, spec.call) || f.whitelisted.has(spec.call)) continue;
        ctx.report({ path: f.path, at: f.fn.nameAt, messageId: 'missingCall', data: { function: f.fn.name, tool: f.tool } });
      }
    },
  });
}
