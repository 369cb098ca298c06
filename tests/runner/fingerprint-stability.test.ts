// Fingerprints depend on the rule, the file, the messageId and the offending text: rewording every
// message template changes every message and no fingerprint, and a baseline written before the
// rewording still hides every finding after it.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyBaseline, toBaseline } from '../../runner/baseline.js';
import { loadHookChecks, loadRules, META_RULES } from '../../runner/registry.js';
import { lint } from '../../runner/run.js';
import { copyDemo, DEMO_TODAY } from '../helpers/demo.js';

const demo = copyDemo();
const run = () => lint({ configPath: path.join(demo, 'porgs-lint.toml'), cwd: demo, today: DEMO_TODAY, env: {} });

/** Every template of every rule, runner finding and hook check, as it was. */
const originals: Array<{ messages: Record<string, string>; saved: Record<string, string> }> = [];

async function rewordEveryTemplate(): Promise<number> {
  const owners = [...(await loadRules()), ...META_RULES, ...(await loadHookChecks())];
  // Rules may share one messages object (the add-to-list row messages): reword it once, so that
  // restoring it gives back the original, not a reworded copy.
  for (const messages of new Set(owners.map((o) => o.messages))) {
    const writable = messages as Record<string, string>;
    originals.push({ messages: writable, saved: { ...writable } });
    for (const id of Object.keys(writable)) writable[id] = `reworded (${id}): ${writable[id].split(' ').reverse().join(' ')}`;
  }
  return owners.reduce((n, o) => n + Object.keys(o.messages).length, 0);
}

afterAll(() => {
  for (const { messages, saved } of originals) Object.assign(messages, saved);
});

describe('fingerprints survive rewording', () => {
  it('every message changes, no fingerprint does, and the old baseline still hides every finding', async () => {
    const before = await run();
    expect(before.diagnostics.length).toBeGreaterThan(10);
    const baseline = toBaseline(before.diagnostics);

    expect(await rewordEveryTemplate()).toBeGreaterThan(100);
    const after = await run();

    expect(after.diagnostics.map((d) => d.message).filter((m) => !m.includes('reworded ('))).toEqual([]);
    expect(after.diagnostics.map((d) => `${d.ruleId} ${d.messageId} ${d.fingerprint}`)).toEqual(
      before.diagnostics.map((d) => `${d.ruleId} ${d.messageId} ${d.fingerprint}`),
    );
    const applied = applyBaseline(after.diagnostics, baseline);
    expect(applied.kept).toEqual([]);
    expect(applied.stale).toEqual([]);
    expect(applied.matched).toBe(before.diagnostics.length);
  });
});
