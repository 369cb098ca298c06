import { createHash } from 'node:crypto';

/** Stable across line moves: rule id, file, the normalised offending text and the message. */
export function fingerprint(ruleId: string, file: string, key: string, message: string): string {
  const normalised = key.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${ruleId}\0${file}\0${normalised}\0${message}`).digest('hex').slice(0, 32);
}
