// What identifies a finding across runs (baselines, code-scanning alerts): the rule, the file, the
// messageId and the offending text (the rule's identity data, else the reported line's text).
// Never the line number and never the wording: rewording a message changes no fingerprint.
import { createHash } from 'node:crypto';

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const hash = (parts: readonly string[]) => createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);

/** The fingerprint of baselines schemaVersion 2 and SARIF `porgsLint/v2`. */
export function fingerprint(ruleId: string, file: string, messageId: string, identity: readonly string[]): string {
  return hash(['v2', ruleId, file, messageId, ...identity.map(normalise)]);
}

/** The fingerprint of baselines schemaVersion 1 (it hashed the message): only to migrate them. */
export function legacyFingerprint(ruleId: string, file: string, offendingText: string, message: string): string {
  return hash([ruleId, file, normalise(offendingText), message]);
}
