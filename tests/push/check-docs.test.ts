// The hook checks are declared as rules are: each doc page's Messages table is the check's
// templates, and every template names one of the check's identity fields, so every finding has
// data that identifies it (the tag, the branch) and none falls back to an empty fingerprint input.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOOK_CHECKS } from '../../hook/checks.js';
import { placeholders } from '../../runner/messages.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ROW = /^\| `([A-Za-z]+)` \| (.*) \|$/;

/** The rows of a page's `## Messages` table, as [messageId, template]. */
function messagesTable(page: string): Array<[string, string]> {
  const section = page.split('\n## Messages\n')[1]?.split('\n## ')[0] ?? '';
  return section.split('\n').flatMap((line) => {
    const m = ROW.exec(line);
    return m ? [[m[1], m[2]] as [string, string]] : [];
  });
}

describe('hook checks as data', () => {
  it('are the nine checks of the hook, each with messages and identity fields', () => {
    expect(HOOK_CHECKS.map((c) => [c.id, c.docs, Object.keys(c.messages).length > 0, (c.identity ?? []).length > 0])).toEqual(
      HOOK_CHECKS.map((c) => [c.id, `docs/rules/${c.id}.md`, true, true]),
    );
    expect(HOOK_CHECKS).toHaveLength(9);
  });

  for (const check of HOOK_CHECKS) {
    it(`${check.id}: its page lists every message with its template`, () => {
      expect(messagesTable(readFileSync(path.join(ROOT, check.docs!), 'utf8'))).toEqual(Object.entries(check.messages));
    });

    it(`${check.id}: every message names an identity field`, () => {
      const identity = check.identity ?? [];
      const unidentified = Object.entries(check.messages).filter(([, template]) => !placeholders(template).some((p) => identity.includes(p)));
      expect(unidentified).toEqual([]);
    });
  }
});
