// Every rule has a doc page whose examples are run here: a failing example must produce exactly
// the documented output, a passing one nothing from that rule.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../runner/registry.js';
import { META_RULES } from '../rules/meta/_meta.js';
import { lint } from '../runner/run.js';
import type { Mode, RepoKind } from '../runner/types.js';
import { commitAll, makeFolder, makeRepo, tagRepo, writeFiles } from './helpers/git.js';
import { parseDocExamples, type DocExample } from './helpers/doc-examples.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const rules = await loadRules();

async function materialise(ex: DocExample, branch: string): Promise<string> {
  if (ex.attrs.git === 'none') return makeFolder({ files: ex.files });
  const dir = await makeRepo({ branch, empty: true });
  for (const h of ex.history) {
    await writeFiles(dir, h.files);
    await commitAll(dir, `release ${h.tag}`);
    await tagRepo(dir, h.tag, { annotated: true });
  }
  await writeFiles(dir, ex.files);
  await commitAll(dir, 'checked commit');
  if (ex.attrs.tag) await tagRepo(dir, ex.attrs.tag, { annotated: true });
  return dir;
}

describe('rule doc pages', () => {
  it('every rule and runner finding has a doc page', () => {
    const missing = [...rules, ...META_RULES].filter((r) => !existsSync(path.join(ROOT, r.docs))).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  for (const rule of rules) {
    const page = path.join(ROOT, rule.docs);
    if (!existsSync(page)) continue;
    const examples = parseDocExamples(readFileSync(page, 'utf8'));
    describe(rule.id, () => {
      it('has a failing and a passing example', () => {
        expect(examples.some((e) => e.kind === 'fails' && e.output?.length)).toBe(true);
        expect(examples.some((e) => e.kind === 'passes')).toBe(true);
      });
      for (const ex of examples) {
        it(`${ex.kind} example at ${rule.docs}:${ex.line}`, async () => {
          const kind = (ex.attrs.kind ?? rule.kinds[0]) as RepoKind;
          const mode = (ex.attrs.mode ?? rule.modes[0]) as Mode;
          const branch = ex.attrs.branch ?? (kind === 'wrapper' ? (mode === 'release' ? 'master' : 'dev') : mode === 'release' ? 'main' : 'dev');
          const dir = await materialise(ex, branch);
          const result = await lint({ dirs: [dir], kind, mode, rules: [rule.id], today: ex.attrs.today ?? '2026-01-15', env: {} });
          const got = result.diagnostics
            .filter((d) => d.ruleId === rule.id)
            .map((d) => `${d.location.path}:${d.location.line}:${d.location.column} ${d.severity} ${d.message}`);
          if (ex.kind === 'passes') expect(got).toEqual([]);
          else expect(got).toEqual(ex.output ?? []);
        });
      }
    });
  }
});
