// The old wording kept to re-match schemaVersion 1 baselines: each entry is a message a rule still
// declares and has since reworded, and it renders from the data the finding carries today.
import { describe, expect, it } from 'vitest';
import { V1_MESSAGES, v1Message } from '../../runner/legacy-messages.js';
import { placeholders } from '../../runner/messages.js';
import { allRuleMeta } from '../../runner/registry.js';

const metas = new Map((await allRuleMeta()).map((m) => [m.id, m]));

describe('schemaVersion 1 wording', () => {
  it('names only messages a rule declares and has reworded, with no placeholder the new wording dropped from its data', () => {
    for (const [ruleId, messages] of Object.entries(V1_MESSAGES)) {
      const meta = metas.get(ruleId);
      expect(meta, ruleId).toBeDefined();
      for (const [messageId, old] of Object.entries(messages)) {
        const now = meta!.messages[messageId];
        expect(now, `${ruleId} ${messageId}`).toBeDefined();
        expect(now, `${ruleId} ${messageId}`).not.toBe(old);
        // Only place values went: what the new template still names, the old one named too.
        expect(placeholders(now).filter((p) => !placeholders(old).includes(p)), `${ruleId} ${messageId}`).toEqual([]);
      }
    }
  });

  it('renders the old message of a reworded finding, and leaves any other message alone', () => {
    const finding = {
      ruleId: 'wrapper/spawn-version',
      messageId: 'second',
      data: { firstLine: 3 },
      message: 'second spawn version line; keep exactly one "# Spawn Version:N"',
    };
    expect(v1Message(finding)).toBe('second spawn version line (the first is line 3); keep exactly one "# Spawn Version:N"');
    expect(v1Message({ ...finding, messageId: 'missing', message: 'no line' })).toBe('no line');
    expect(v1Message({ ...finding, data: {}, message: 'cut' })).toBe('cut');
  });
});
