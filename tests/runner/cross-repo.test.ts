// The cross-repo machinery of the runner: a rule declares the kinds it reads; without one of them
// in the run it does not run and one "cannot verify" note per run names the repo to add; a kind it
// did not declare is not handed out; a finding goes to the repo where the fix is.
import { describe, expect, it } from 'vitest';
import { MemorySource } from '../../runner/memory-source.js';
import { lint, type ProvidedRepo } from '../../runner/run.js';
import { splitByRepo } from '../../runner/outputs.js';
import { sarif } from '../../reporters/sarif.js';
import { defineRule, ruleFromDefinition, type RepoKind, type RuleDefinition } from '../../runner/types.js';

const repo = (name: string, kind: RepoKind, files: Record<string, string> = { 'README.md': `# ${name}\n` }): ProvidedRepo => ({ name, kind, source: new MemorySource(files) });

async function runRule(def: RuleDefinition<string, undefined>, repos: ProvidedRepo[]) {
  const rule = ruleFromDefinition('test/cross', def);
  const result = await lint({ repos, mode: 'dev', rules: [rule.id], extraRules: [rule], env: {} });
  return result.diagnostics.map((d) => ({ rule: d.ruleId, repo: d.location.repo, at: `${d.location.path}:${d.location.line}`, messageId: d.messageId, data: d.data, unverified: d.unverified ?? false, related: d.related }));
}

describe('a rule that reads another kind of repo', () => {
  let ran = 0;
  const reader = defineRule({
    description: 'compares the docs with the wrapper',
    kinds: ['docs'],
    reads: ['wrapper'],
    severity: 'error',
    messages: { readme: 'the README does not link the docs' },
    async check(ctx) {
      ran++;
      const wrapper = ctx.repoOfKind('wrapper')!;
      if (!(await wrapper.read('README.md'))?.includes('docs')) {
        ctx.report({ repo: wrapper.info.name, path: 'README.md', messageId: 'readme', related: [{ path: 'README.md', label: 'the docs page that links it', repo: ctx.info.name }] });
      }
    },
  });

  it('does not run without it, and says so once per run in the first repo it applies to', async () => {
    ran = 0;
    expect(await runRule(reader, [repo('docs-a', 'docs'), repo('docs-b', 'docs')])).toEqual([
      { rule: 'test/cross', repo: 'docs-a', at: 'README.md:1', messageId: 'missingRepo', data: { kind: 'wrapper', repo: 'docs-a', folder: 'docs-a' }, unverified: true, related: undefined },
    ]);
    expect(ran).toBe(0);
    // The repos are checked at once; the note still goes to the first one given, not the first done.
    const slow = new MemorySource(Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`docs/src/p${i}.md`, '# p\n'])));
    const [note] = await runRule(reader, [{ name: 'docs-z', kind: 'docs', source: slow }, repo('docs-a', 'docs')]);
    expect([note.repo, note.messageId]).toEqual(['docs-z', 'missingRepo']);
  });

  it('runs with it, and reports in the repo where the fix goes', async () => {
    ran = 0;
    expect(await runRule(reader, [repo('docs', 'docs'), repo('Exegol', 'wrapper', { 'README.md': '# Exegol\n' })])).toEqual([
      { rule: 'test/cross', repo: 'Exegol', at: 'README.md:1', messageId: 'readme', data: {}, unverified: false, related: [{ repo: 'docs', path: 'README.md', line: 1, column: 1, label: 'the docs page that links it' }] },
    ]);
    expect(ran).toBe(1);
    expect(await runRule(reader, [repo('docs', 'docs'), repo('Exegol', 'wrapper', { 'README.md': 'See the docs.\n' })])).toEqual([]);
  });

  it('lands in the SARIF file of the repo of the fix, the other side under a base of its own', async () => {
    const rule = ruleFromDefinition('test/cross', reader);
    const result = await lint({ repos: [repo('docs', 'docs'), repo('Exegol', 'wrapper', { 'README.md': '# Exegol\n' })], mode: 'dev', rules: [rule.id], extraRules: [rule], env: {} });
    const files = Object.fromEntries(splitByRepo(result).map(({ name, result: one }) => [name, JSON.parse(sarif(one, { color: false, cwd: '/' }))]));
    expect(files.docs.runs[0].results).toEqual([]);
    const [run] = files.Exegol.runs;
    expect(run.results.map((r: { relatedLocations: Array<{ physicalLocation: { artifactLocation: object } }> }) => r.relatedLocations.map((l) => l.physicalLocation.artifactLocation))).toEqual([[{ uri: 'README.md', uriBaseId: '%REPO:docs%' }]]);
    expect(Object.keys(run.originalUriBaseIds)).toEqual(['%SRCROOT%', '%REPO:docs%']);
  });

  it('is given no kind it did not declare: asking is the rule\'s bug', async () => {
    const sneaky = defineRule({ description: 'x', kinds: ['docs'], severity: 'error', messages: { x: 'x' }, check: (ctx) => void ctx.repoOfKind('resources') });
    const found = await runRule(sneaky, [repo('docs', 'docs'), repo('res', 'resources')]);
    expect(found.map((f) => [f.rule, f.data.rule, String(f.data.error)])).toEqual([['meta/internal-error', 'test/cross', 'test/cross reads the resources repo without declaring it in reads or readsIfPresent']]);
  });

  it('reads a kind declared as optional when present, and does without it silently otherwise', async () => {
    const seen: Array<string | undefined> = [];
    const optional = defineRule({ description: 'x', kinds: ['wrapper'], readsIfPresent: ['images'], severity: 'error', messages: { x: 'x' }, check: (ctx) => void seen.push(ctx.repoOfKind('images')?.info.name) });
    expect(await runRule(optional, [repo('Exegol', 'wrapper')])).toEqual([]);
    expect(await runRule(optional, [repo('Exegol', 'wrapper'), repo('imgs', 'images')])).toEqual([]);
    expect(seen).toEqual([undefined, 'imgs']);
  });
});
