import { describe, expect, it } from 'vitest';
import { allRuleMeta, loadRules, ruleFiles } from '../../runner/registry.js';
import { MODES, REPO_KINDS, SEVERITIES } from '../../runner/types.js';

describe('rule registry', () => {
  it('discovers each rule from its file, with an id matching the path', async () => {
    const rules = await loadRules();
    expect(rules.map((r) => r.id)).toEqual(ruleFiles().map((f) => f.id));
  });

  it('gives every rule complete metadata', async () => {
    for (const meta of await allRuleMeta()) {
      expect(meta.id, meta.id).toMatch(/^[a-z]+\/[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(meta.description.length, meta.id).toBeGreaterThan(10);
      expect(meta.docs, meta.id).toBe(`docs/rules/${meta.id}.md`);
      expect(SEVERITIES, meta.id).toContain(meta.severity);
      expect(meta.kinds.length, meta.id).toBeGreaterThan(0);
      for (const k of meta.kinds) expect(REPO_KINDS, meta.id).toContain(k);
      for (const m of meta.modes) expect(MODES, meta.id).toContain(m);
    }
  });

  it('keeps ids unique across rules, runner findings and hook checks', async () => {
    const ids = (await allRuleMeta()).map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
