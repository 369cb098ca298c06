// The examples of the hook checks' pages (docs/rules/hook/*.md) run here, in memory. An example
// is a push: the repository as a YAML GitState, git's pre-push stdin lines with labels for ids,
// and the lines the hook reports. The push goes through checkPush with the context the hook
// builds, its findings become diagnostics as the hook makes them, and the page's check must
// report exactly the documented lines (a passing example: nothing). docs/hook.md describes the
// format.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HOOK_CHECKS, TAG_SIGNED, type HookCheck } from '../../hook/checks.js';
import { releaseRuleFindings, toDiagnostics } from '../../hook/main.js';
import { parsePushLines } from '../../hook/protocol.js';
import { checkPush, type PushContext } from '../../hook/push-checks.js';
import { EMPTY_CONFIG, ruleSetting } from '../../runner/config.js';
import { memoryGit, oidOf, tagOidOf, type GitState } from '../../runner/memory-git.js';
import { policyFor } from '../../runner/policy.js';
import { lint } from '../../runner/run.js';
import { GitRevisionSource } from '../../runner/source.js';
import { refLocationText, REPO_KINDS, type Diagnostic, type RepoKind } from '../../runner/types.js';
import { parseDocExamples, type DocExample } from '../helpers/doc-examples.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const REPO = 'repo';
const TODAY = '2026-01-15';
const ZERO_OID = /^(0{40}|0{64})$/;
/** The only YAML values that are not text: a tag's kind. */
const FLAGS = new Set(['annotated', 'signed']);

/** YAML reads `5.2` as a number and `yes` as a boolean: every name must stay as written. */
function checkScalars(value: unknown, key: string, where: string): void {
  if (Array.isArray(value)) value.forEach((v) => checkScalars(v, key, where));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) checkScalars(v, k, where);
  else if (FLAGS.has(key) ? typeof value !== 'boolean' : typeof value !== 'string') {
    throw new Error(`${where}: ${key}: ${String(value)} is read as a ${value === null ? 'null' : typeof value}; ${FLAGS.has(key) ? 'write true or false' : 'quote it'}`);
  }
}

/** The example's repository; HEAD, when not given, is the first branch. */
function stateOf(ex: DocExample, where: string): GitState {
  const raw = parse(ex.git ?? '') as Omit<GitState, 'head'> & Partial<Pick<GitState, 'head'>>;
  checkScalars(raw, 'state', where);
  return { ...raw, head: raw.head ?? { branch: Object.keys(raw.branches ?? {})[0] } };
}

/**
 * The id a word of a push line stands for: the all-zero id as is; a tag of the state, the id its
 * ref holds (its tag object when annotated, else what it points at); any other word, the commit
 * of that label (`oidOf`), which is not in the repository when no commit has that label.
 */
function idOf(word: string, state: GitState): string {
  if (ZERO_OID.test(word)) return word;
  const tag = state.tags?.find((t) => t.name === word);
  if (tag && state.commits.some((c) => c.id === word)) throw new Error(`${word} is both a tag and a commit label: rename one`);
  if (!tag) return oidOf(word);
  return tag.annotated || tag.signed ? tagOidOf(word) : idOf(tag.target, state);
}

/** The 12-digit ids the hook prints, back to the labels and tag names an example names them by. */
function labelsOf(state: GitState, words: readonly string[]): Map<string, string> {
  const labels = new Map<string, string>();
  const name = (oid: string, label: string) => labels.set(oid.slice(0, 12), label);
  for (const c of state.commits) name(oidOf(c.id), c.id);
  for (const t of state.tags ?? []) if (t.annotated || t.signed) name(tagOidOf(t.name), t.name);
  for (const w of words) if (!labels.has(idOf(w, state).slice(0, 12)) && !ZERO_OID.test(w)) name(idOf(w, state), w);
  return labels;
}

/** As the hook's pretty output locates a finding (its ref and range, else its file and line), ids as labels. */
function outputLine(d: Diagnostic, labels: ReadonlyMap<string, string>): string {
  const where = refLocationText(d.location) ?? `${d.location.path}:${d.location.line}:${d.location.column}`;
  return `${where} ${d.severity} ${d.message}`.replace(/\b[0-9a-f]{12}\b/g, (oid) => labels.get(oid) ?? oid);
}

/** The context `checkAndReport` builds, over the example's repository, with no config. */
function pushContext(state: GitState, kind: RepoKind, remote: string): PushContext {
  return {
    git: memoryGit(state),
    root: '.',
    remote,
    kind,
    policy: policyFor(kind, EMPTY_CONFIG.kinds[kind]),
    verifySignatures: false,
    severityOf: (check) => ruleSetting(EMPTY_CONFIG, check, kind).severity,
    // As the hook runs them: every release-mode rule of the kind on the tag's commit, read through git.
    releaseRules: async (commit, tag) => {
      const git = memoryGit({ ...state, rev: commit });
      const result = await lint({ repos: [{ name: REPO, source: new GitRevisionSource(git), git }], rev: commit, mode: 'release', kind, config: EMPTY_CONFIG, env: {}, today: TODAY });
      return releaseRuleFindings(result.diagnostics, tag);
    },
  };
}

async function runExample(check: HookCheck, ex: DocExample, where: string): Promise<string[]> {
  const state = stateOf(ex, where);
  const kind = (ex.attrs.kind ?? 'wrapper') as RepoKind;
  if (!REPO_KINDS.includes(kind)) throw new Error(`${where}: kind=${kind} is not one of ${REPO_KINDS.join(', ')}`);
  const lines = (ex.push ?? []).map((l) => l.trim().split(/\s+/));
  const bad = lines.findIndex((words) => words.length !== 4);
  if (bad >= 0) throw new Error(`${where}: push line ${bad + 1} is not "<local ref> <local id> <remote ref> <remote id>"`);
  const updates = parsePushLines(lines.map(([localRef, local, remoteRef, remote]) => `${localRef} ${idOf(local, state)} ${remoteRef} ${idOf(remote, state)}`).join('\n'));
  const ctx = pushContext(state, kind, ex.attrs.remote ?? 'origin');
  const diagnostics = await toDiagnostics(await checkPush(ctx, updates), REPO, ctx.severityOf);
  const labels = labelsOf(state, lines.flatMap(([, local, , remote]) => [local, remote]));
  return diagnostics.filter((d) => d.ruleId === check.id).map((d) => outputLine(d, labels));
}

describe('hook check doc pages', () => {
  it('are the pages of the checks, and only those', () => {
    const pages = readdirSync(path.join(ROOT, 'docs/rules/hook')).map((f) => `docs/rules/hook/${f}`);
    expect(pages.sort()).toEqual(HOOK_CHECKS.map((c) => c.docs).sort());
  });

  it('docs/hook.md describes the format with an example that a page runs', () => {
    const guide = readFileSync(path.join(ROOT, 'docs/hook.md'), 'utf8');
    const sample = parseDocExamples(/^````markdown\n([\s\S]*?)^````$/m.exec(guide)?.[1] ?? '');
    const page = parseDocExamples(readFileSync(path.join(ROOT, TAG_SIGNED.docs!), 'utf8'));
    const push = ({ kind, attrs, git, push, output }: DocExample) => ({ kind, attrs, git, push, output });
    expect(sample).toHaveLength(1);
    expect(page.map(push)).toContainEqual(push(sample[0]));
  });

  for (const check of HOOK_CHECKS) {
    const examples = parseDocExamples(readFileSync(path.join(ROOT, check.docs!), 'utf8'));
    describe(check.id, () => {
      it('has a failing and a passing example, each a push', () => {
        expect(examples.some((e) => e.kind === 'fails' && (e.output?.length ?? 0) > 0)).toBe(true);
        expect(examples.some((e) => e.kind === 'passes')).toBe(true);
        expect(examples.filter((e) => e.git === undefined || !e.push?.length).map((e) => e.line)).toEqual([]);
      });
      for (const ex of examples) {
        const where = `${check.docs}:${ex.line}`;
        it(`${ex.kind} example at ${where}`, async () => {
          expect(ex.kind === 'passes' || (ex.output?.length ?? 0) > 0).toBe(true);
          expect(await runExample(check, ex, where)).toEqual(ex.kind === 'passes' ? [] : ex.output);
        });
      }
    });
  }
});
