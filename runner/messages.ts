// Messages as data: a finding is a messageId and its data; the text people read is rendered
// from the rule's template here, once. Nothing parses a rendered message.
import type { MessageData } from './types.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Placeholder names of a template, in order of first use. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

export class MessageError extends Error {}

/** The template with its data; a messageId the rule does not declare or a missing value is the rule's bug. */
export function renderMessage(ruleId: string, messages: Readonly<Record<string, string>>, messageId: string, data: MessageData = {}): string {
  const template = Object.hasOwn(messages, messageId) ? messages[messageId] : undefined;
  if (template === undefined) throw new MessageError(`${ruleId} reported messageId "${messageId}", which its meta.messages does not declare`);
  return template.replace(PLACEHOLDER, (_, name: string) => {
    if (!Object.hasOwn(data, name)) throw new MessageError(`${ruleId} message "${messageId}" needs data.${name}`);
    return String(data[name]);
  });
}

/** How a "cannot verify" finding reads: the kind is a field, the prefix only its rendering. */
export const CANNOT_VERIFY_PREFIX = 'cannot verify: ';
