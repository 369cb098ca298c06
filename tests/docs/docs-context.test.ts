// The docs views through the repo context, as rules will call them: on the docs fixture, with
// unparsable files reported once at their line, and through the parse cache.
import { promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RepoContext } from '../../runner/context.js';
import type { GitFacts } from '../../runner/git-facts.js';
import { WorktreeSource } from '../../runner/source.js';
import type { RepoInfo } from '../../runner/types.js';
import { FIXTURES, copyFixture, tmpDir, writeFiles } from '../helpers/git.js';
import { DEFAULT_POLICY } from '../../runner/policy.js';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => fs.rm(d, { recursive: true, force: true })));
});

function context(root: string, cacheDir?: string): RepoContext {
  const info: RepoInfo = { name: 'docs', root, displayPath: root, kind: 'docs', kindReason: 'test', mode: 'dev', modeReason: 'test' };
  return new RepoContext(info, new WorktreeSource(root), { available: false } as GitFacts, DEFAULT_POLICY.docs, '2026-01-15', 'error', cacheDir);
}

async function fixtureCopy(files: Record<string, string> = {}): Promise<string> {
  const dir = tmpDir('porgs-docs-');
  made.push(dir);
  await copyFixture('docs', dir);
  await writeFiles(dir, files);
  return dir;
}

const findings = (ctx: RepoContext) => ctx.findings.map((f) => `${f.ruleId} ${f.path}:${f.at?.line} ${f.message}`);

describe('docs views through the context', () => {
  it('builds the site and every page, list and redirect of the docs fixture without a finding', async () => {
    const ctx = context(path.join(FIXTURES, 'docs'));
    const site = await ctx.vitepress();
    expect(site).toMatchObject({ configFile: 'docs/.vitepress/config.mts', srcDir: 'docs/src' });
    expect(site!.config!.links).toHaveLength(15);
    const pages = await Promise.all(site!.pages.map((p) => ctx.markdown(p)));
    expect(pages.every((p) => p !== undefined && p.hasContent)).toBe(true);
    expect((await ctx.csv('docs/src/public/installed_tools/lists/full_1.0.0_amd64.csv'))!.rows).toHaveLength(2);
    expect((await ctx.redirects('cloudflare_redirects'))!.redirects.map((r) => r.to)).toEqual(['/legal/terms-of-sale-and-service', '/first-install']);
    expect((await ctx.frontmatter('docs/src/blog/first-post.md'))!.fields.map((f) => f.key)).toEqual(['title', 'date', 'author', 'sidebar']);
    expect(await ctx.vitepress()).toBe(site);
    expect(findings(ctx)).toEqual([]);
  });

  it('reports an unparsable config, CSV and frontmatter once each, at their line', async () => {
    const dir = await fixtureCopy({
      'docs/.vitepress/config.mts': "import { defineConfig } from 'vitepress'\n\nexport default defineConfig({\n  srcDir: 'src',\n  cleanUrls true,\n})\n",
      'docs/src/public/installed_tools/releases_amd64.csv': 'a,b\n"c"d,e\n',
      'docs/src/faq.md': '---\ntitle: [unclosed\n---\n# FAQ\n',
    });
    const ctx = context(dir);
    const site = await ctx.vitepress();
    expect(site).toMatchObject({ config: undefined, srcDir: undefined, pages: [] });
    expect(await ctx.csv('docs/src/public/installed_tools/releases_amd64.csv')).toBeUndefined();
    expect(await ctx.frontmatter('docs/src/faq.md')).toBeUndefined();
    expect((await ctx.markdown('docs/src/faq.md'))!.headings.map((h) => h.slug)).toEqual(['faq']);
    await ctx.vitepress();
    const reported = findings(ctx);
    expect(reported.slice(0, 2)).toEqual([
      'meta/parse-error docs/.vitepress/config.mts:5 docs/.vitepress/config.mts could not be parsed as TypeScript: unexpected syntax near "true,"; fix the syntax so the rules can check it',
      'meta/parse-error docs/src/public/installed_tools/releases_amd64.csv:2 docs/src/public/installed_tools/releases_amd64.csv could not be parsed as CSV: unexpected text after a quoted field; fix the syntax so the rules can check it',
    ]);
    expect(reported[2]).toMatch(/^meta\/parse-error docs\/src\/faq\.md:[23] docs\/src\/faq\.md could not be parsed as Markdown with YAML frontmatter: frontmatter: /);
    expect(findings(ctx)).toHaveLength(3);
  });

  it('caches the docs views by content: a second context reads them back equal; an edited page is parsed again', async () => {
    const dir = await fixtureCopy();
    const cacheDir = tmpDir('porgs-cache-');
    made.push(cacheDir);
    const build = async () => {
      const ctx = context(dir, cacheDir);
      const site = (await ctx.vitepress())!;
      const pages = await Promise.all(site.pages.map((p) => ctx.markdown(p)));
      const lists = await Promise.all(['docs/src/public/installed_tools/releases_amd64.csv', 'docs/src/public/installed_tools/lists/full_1.0.0_amd64.csv'].map((f) => ctx.csv(f)));
      return { config: site.config, globs: site.themeGlobs, pages, lists };
    };
    const entries = () => readdirSync(cacheDir, { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
    const first = await build();
    // 15 pages, 2 CSV files, the config and its sidebar file, the one theme file with a glob call.
    expect(entries()).toHaveLength(20);
    expect(await build()).toEqual(first);
    expect(entries()).toHaveLength(20);
    await writeFiles(dir, { 'docs/src/faq.md': '# FAQ\n\n## Edited {#edited}\n' });
    const third = await build();
    expect(entries()).toHaveLength(21);
    expect(third.pages.find((p) => p?.headings.some((h) => h.slug === 'edited'))).toBeDefined();
  });
});
