// Views found by file identity through the repo context: a context whose source gives identities
// (as a work tree's settled stat or a commit's blob ids do) reads no file it has seen before, yet
// reports the same parse errors and still reads a file whose suppression comments the run checks.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RepoContext } from '../../runner/context.js';
import type { GitFacts } from '../../runner/git-facts.js';
import { MemorySource } from '../../runner/memory-source.js';
import { DEFAULT_POLICY } from '../../runner/policy.js';
import type { ReadResult } from '../../runner/source.js';
import type { RepoInfo } from '../../runner/types.js';
import { fixtureFiles } from '../helpers/fixture-files.js';
import { tmpDir } from '../helpers/git.js';

/** Files in memory, each named by the hash of its text (as git names a blob); every read is listed. */
class IdentifiedSource extends MemorySource {
  readonly reads: string[] = [];
  constructor(private readonly files: Record<string, string>) {
    super(files);
  }
  override async read(file: string): Promise<ReadResult> {
    this.reads.push(file);
    return super.read(file);
  }
  async identity(file: string): Promise<string | undefined> {
    const text = this.files[file];
    return text === undefined ? undefined : `blob:${createHash('sha1').update(text).digest('hex')}`;
  }
}

const INFO: RepoInfo = { name: 'docs', root: '/repos/docs', displayPath: 'docs', kind: 'docs', kindReason: 'test', mode: 'dev', modeReason: 'test' };
const context = (source: IdentifiedSource, cacheDir: string) => new RepoContext(INFO, source, { available: false } as GitFacts, DEFAULT_POLICY.docs, '2026-01-15', 'error', cacheDir);

/** Every view the docs rules read. */
async function views(ctx: RepoContext) {
  const site = (await ctx.vitepress())!;
  const pages = await Promise.all(site.pages.map((p) => ctx.markdown(p)));
  const lists = await Promise.all((await ctx.glob('docs/src/public/**/*.csv')).map((f) => ctx.csv(f)));
  const redirects = await ctx.redirects('cloudflare_redirects');
  return { config: site.config, globs: site.themeGlobs, pages, lists, redirects };
}
const findings = (ctx: RepoContext) => ctx.findings.map((f) => `${f.path}:${f.at?.line} ${f.message}`);
const contentEntries = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.json'));

describe('docs views found by identity', () => {
  it('a second context builds every view without reading a file, equal to the first', async () => {
    const cacheDir = tmpDir('porgs-cache-');
    const files = { ...fixtureFiles('docs') };
    const first = new IdentifiedSource(files);
    const built = await views(context(first, cacheDir));
    expect(built.pages.length).toBeGreaterThan(10);
    expect(first.reads.length).toBeGreaterThan(built.pages.length);
    const second = new IdentifiedSource(files);
    expect(await views(context(second, cacheDir))).toEqual(built);
    expect(second.reads).toEqual([]);
  });

  it('reads again a file whose identity changed, and gives its new view', async () => {
    const cacheDir = tmpDir('porgs-cache-');
    const files = { ...fixtureFiles('docs') };
    await views(context(new IdentifiedSource(files), cacheDir));
    const edited = new IdentifiedSource({ ...files, 'docs/src/faq.md': '# FAQ\n\n## Edited {#edited}\n' });
    const ctx = context(edited, cacheDir);
    expect((await ctx.markdown('docs/src/faq.md'))!.headings.map((h) => h.slug)).toEqual(['faq', 'edited']);
    expect(await ctx.markdown('docs/src/about.md')).toBeDefined();
    expect(edited.reads).toEqual(['docs/src/faq.md']);
  });

  it('reports a parse error found by identity again, at its line, without reading the file', async () => {
    const cacheDir = tmpDir('porgs-cache-');
    const files = { 'data/list.csv': 'a,b\n"open,1\n', 'page.md': '---\ntitle: [\n---\n# x\n' };
    const run = async () => {
      const source = new IdentifiedSource(files);
      const ctx = context(source, cacheDir);
      expect(await ctx.csv('data/list.csv')).toBeUndefined();
      expect(await ctx.frontmatter('page.md')).toBeUndefined();
      return { reported: findings(ctx), reads: source.reads };
    };
    const cold = await run();
    expect(cold.reported).toHaveLength(2);
    expect(cold.reads).toEqual(['data/list.csv', 'page.md']);
    expect(await run()).toEqual({ reported: cold.reported, reads: [] });
  });

  it('still reads a file with suppression comments, so the run checks them', async () => {
    const cacheDir = tmpDir('porgs-cache-');
    const files = { 'a.md': '# A\n\n<!-- porgs-lint-disable-next-line docs/x -- kept -->\n[b](./b.md)\n', 'b.md': '# B\n' };
    await context(new IdentifiedSource(files), cacheDir).markdown('a.md');
    await context(new IdentifiedSource(files), cacheDir).markdown('b.md');
    const source = new IdentifiedSource(files);
    const ctx = context(source, cacheDir);
    expect((await ctx.markdown('a.md'))!.links.map((l) => l.url)).toEqual(['./b.md']);
    expect((await ctx.markdown('b.md'))!.headings).toHaveLength(1);
    expect(source.reads).toEqual(['a.md']);
    expect([...ctx.texts.keys()]).toEqual(['a.md']);
  });

  it('parses only the theme files that may hold a glob call, and keeps no content entry for the others', async () => {
    const cacheDir = tmpDir('porgs-cache-');
    const files = {
      ...fixtureFiles('docs'),
      'docs/.vitepress/theme/components/Broken.vue': '<script setup lang="ts">\nconst a = (\n</script>\n',
    };
    const ctx = context(new IdentifiedSource(files), cacheDir);
    const site = (await ctx.vitepress())!;
    expect(site.themeGlobs.map((g) => g.file)).toEqual(['docs/.vitepress/theme/components/BlogList.vue']);
    expect(findings(ctx)).toEqual([]);
    // The config, its sidebar file and the one theme file with a glob call.
    expect(contentEntries(cacheDir)).toHaveLength(3);
    const again = context(new IdentifiedSource(files), cacheDir);
    expect((await again.vitepress())!.themeGlobs).toEqual(site.themeGlobs);
    expect(findings(again)).toEqual([]);
  });
});
