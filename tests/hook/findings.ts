// Hook findings are asserted by check, messageId and data. Where only the terminal shows them (a
// real `git push` runs the installed hook), the expected line is rendered from the check's own
// template, so a reworded message changes no test while a wrong messageId or value still fails.
import { HOOK_CHECKS } from '../../hook/checks.js';
import { CANNOT_VERIFY_PREFIX, renderMessage } from '../../runner/messages.js';
import type { RuleDefinition } from '../../runner/types.js';
import type { MessageData, Severity } from '../../runner/types.js';

export interface ExpectedFinding {
  ruleId: string;
  severity: Severity;
  messageId: string;
  data: MessageData;
  unverified?: boolean;
}

/** What `pretty` prints for a hook finding after its location: severity, message, check id. */
export function shown({ ruleId, severity, messageId, data, unverified }: ExpectedFinding): string {
  const check = HOOK_CHECKS.find((c) => c.id === ruleId);
  if (check === undefined) throw new Error(`${ruleId} is not a hook check`);
  return `${severity}  ${unverified ? CANNOT_VERIFY_PREFIX : ''}${renderMessage(ruleId, check.messages, messageId, data)}  ${ruleId}`;
}

/** A rule's message as its template renders it: what `hook/tag-release-rules` quotes from a rule run on the tag's commit. */
export function ruleMessage(ruleId: string, rule: Pick<RuleDefinition, 'messages'>, messageId: string, data: MessageData): string {
  return renderMessage(ruleId, rule.messages, messageId, data);
}

export interface JsonDiagnostic {
  ruleId: string;
  severity: Severity;
  messageId: string;
  data: Record<string, string | number>;
  message: string;
  unverified?: true;
  location: { path: string; ref?: string; range?: string };
  fingerprint: string;
}

/** The diagnostics of a `--format json` run. */
export const diagnosticsOf = (stdout: string): JsonDiagnostic[] => JSON.parse(stdout).diagnostics;
