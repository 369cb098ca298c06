// Every rule and runner finding has a doc page whose examples are run here, in memory: the files
// of an example (and the tagged commits of its history) become a repo given as data. A failing
// example must produce exactly the documented output, a passing one nothing from that rule.
// A cross-repo rule's example gives the other repos' files with `repo=<kind>` on their blocks:
// each repo is then named after its kind, and a finding in another repo reads `[<kind>] path:...`.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline, migrateBaseline, parseBaseline } from '../runner/baseline.js';
import { EMPTY_CONFIG } from '../runner/config.js';
import { unavailableGit } from '../runner/git-facts.js';
import { memoryGit, type GitState } from '../runner/memory-git.js';
import { MemorySource } from '../runner/memory-source.js';
import { loadRules } from '../runner/registry.js';
import { META_RULES } from '../rules/meta/_meta.js';
import { lint } from '../runner/run.js';
import type { Mode, RepoKind, RuleMeta } from '../runner/types.js';
import { parseDocExamples, type DocExample } from './helpers/doc-examples.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const rules = await loadRules();
const BASELINE_FILE = 'porgs-lint-baseline.json';

const defaultBranch = (kind: RepoKind, mode: Mode) => (kind === 'wrapper' ? (mode === 'release' ? 'master' : 'dev') : mode === 'release' ? 'main' : 'dev');

/** The example's history as git state: one tagged commit per `at=` group, then the checked commit. */
function gitStateOf(ex: Pick<DocExample, 'history' | 'files' | 'attrs'>, branch: string): GitState {
  const commits: GitState['commits'] = [];
  const tags: NonNullable<GitState['tags']> = [];
  let files: Record<string, string> = {};
  for (const h of ex.history) {
    files = { ...files, ...h.files };
    commits.push({ id: `release-${h.tag}`, parents: commits.length ? [commits[commits.length - 1].id] : [], files });
    tags.push({ name: h.tag, target: `release-${h.tag}`, annotated: true });
  }
  commits.push({ id: 'checked', parents: commits.length ? [commits[commits.length - 1].id] : [], files: { ...files, ...ex.files } });
  if (ex.attrs.tag) tags.push({ name: ex.attrs.tag, target: 'checked', annotated: true });
  return { commits, tags, branches: { [branch]: 'checked' }, head: { branch } };
}

async function runExample(page: RuleMeta, ex: DocExample): Promise<string[]> {
  const kind = (ex.attrs.kind ?? page.kinds[0]) as RepoKind;
  const mode = (ex.attrs.mode ?? page.modes[0]) as Mode;
  const branch = ex.attrs.branch ?? defaultBranch(kind, mode);
  const { [BASELINE_FILE]: baselineText, ...files } = ex.files;
  const git = ex.attrs.git === 'none' ? unavailableGit('not a git repository') : memoryGit(gitStateOf({ ...ex, files }, branch));
  // A runner finding's page names the rule whose run produces it.
  const ruleIds = page.id.startsWith('meta/') ? (ex.attrs.rule ?? '').split(',').filter(Boolean) : [page.id];
  const others = Object.entries(ex.repos).map(([other, r]) => ({
    name: other,
    kind: other as RepoKind,
    mode,
    source: new MemorySource(r.files),
    git: memoryGit(gitStateOf({ ...r, attrs: {} }, defaultBranch(other as RepoKind, mode))),
  }));
  const name = others.length ? kind : 'repo';
  const result = await lint({
    repos: [{ name, source: new MemorySource(files), git }, ...others],
    kind,
    mode,
    rules: ruleIds,
    today: ex.attrs.today ?? '2026-01-15',
    config: EMPTY_CONFIG,
    env: {},
  });
  let diagnostics = result.diagnostics;
  if (baselineText !== undefined) diagnostics = applyBaseline(diagnostics, migrateBaseline(parseBaseline(baselineText, BASELINE_FILE), diagnostics).baseline, name).kept;
  // A finding's line, then one indented line per second place it names: `  label: path:line:col`;
  // a place in another repo of the example reads `[<kind>] path:line:col`.
  const where = (repo: string, rest: string) => `${repo === name ? '' : `[${repo}] `}${rest}`;
  return diagnostics
    .filter((d) => d.ruleId === page.id)
    .flatMap((d) => [
      where(d.location.repo, `${d.location.path}:${d.location.line}:${d.location.column} ${d.severity} ${d.message}`),
      ...(d.related ?? []).map((r) => `  ${r.label}: ${where(r.repo, `${r.path}:${r.line}:${r.column}`)}`),
    ]);
}

/** Runner findings no built-in rule can be made to produce in an example, and why. */
const NO_EXAMPLE: Record<string, string> = {
  'meta/internal-error': 'only a failing rule produces it, and no built-in rule is meant to fail (tests/runner/run.test.ts makes one fail)',
  'meta/config-relaxed': 'it compares the config of two revisions of a folder (--config-rev); tests/hostile/config-relaxed.test.ts runs the cases of its page',
};

describe('rule doc pages', () => {
  const pages: RuleMeta[] = [...rules, ...META_RULES];
  it('every rule and runner finding has a doc page', () => {
    expect(pages.filter((r) => !existsSync(path.join(ROOT, r.docs!))).map((r) => r.id)).toEqual([]);
  });

  for (const page of pages) {
    const examples = parseDocExamples(readFileSync(path.join(ROOT, page.docs!), 'utf8'));
    describe(page.id, () => {
      it('has a failing and a passing example, or says why it cannot', () => {
        const runnable = examples.some((e) => e.kind === 'fails' && e.output?.length) && examples.some((e) => e.kind === 'passes');
        expect(runnable || page.id in NO_EXAMPLE).toBe(true);
      });
      it('documents every message', () => {
        const text = readFileSync(path.join(ROOT, page.docs!), 'utf8');
        expect(Object.keys(page.messages).filter((id) => !text.includes(`\`${id}\``))).toEqual([]);
      });
      for (const ex of examples) {
        it(`${ex.kind} example at ${page.docs}:${ex.line}`, async () => {
          expect(ex.kind === 'passes' || (ex.output?.length ?? 0) > 0).toBe(true);
          const got = await runExample(page, ex);
          expect(got).toEqual(ex.kind === 'passes' ? [] : (ex.output ?? []));
        });
      }
    });
  }
});
