// A docs repo whose VitePress config, imported sidebar and theme would write a marker file (and
// start a process) if they were run: building every docs view reads them as syntax only. The
// values only running them would give are reported as unresolved, at their lines.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RepoContext } from '../../runner/context.js';
import { DEFAULT_POLICY } from '../../runner/policy.js';
import type { GitFacts } from '../../runner/git-facts.js';
import { WorktreeSource } from '../../runner/source.js';
import { copyFixture, tmpDir, writeFiles } from '../helpers/git.js';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => fs.rm(d, { recursive: true, force: true })));
});

describe('a docs repo whose config, sidebar and theme run code when loaded', () => {
  it('builds every docs view without running any of it', async () => {
    const dir = tmpDir('porgs-hostile-docs-');
    made.push(dir);
    const marker = path.join(dir, 'MARKER');
    const payload = (name: string) =>
      `import { writeFileSync } from 'node:fs'\nimport { execSync } from 'node:child_process'\nwriteFileSync(${JSON.stringify(`${marker}-${name}`)}, 'ran')\nexecSync(${JSON.stringify(`touch ${marker}-${name}-exec`)})\n`;
    await copyFixture('docs', dir);
    await writeFiles(dir, {
      'docs/.vitepress/config.mts': `${payload('config')}import { defineConfig } from 'vitepress'
import { sidebarContribute } from './sidebars/contribute'
export default defineConfig({
  srcDir: 'src',
  themeConfig: {
    nav: [{ text: 'Pwn', link: execSync('id').toString() }],
    sidebar: { '/contribute/': { base: '/contribute/', items: sidebarContribute() } },
  },
})
`,
      'docs/.vitepress/sidebars/contribute.ts': `${payload('sidebar')}export function sidebarContribute() {\n  return [{ text: 'Intro', link: 'intro' }]\n}\n`,
      'docs/.vitepress/theme/index.ts': `${payload('theme')}export const posts = import.meta.glob('/blog/*.md', { eager: true })\nexport default {}\n`,
    });
    const info = { name: 'docs', root: dir, displayPath: dir, kind: 'docs' as const, kindReason: 'test', mode: 'dev' as const, modeReason: 'test' };
    const ctx = new RepoContext(info, new WorktreeSource(dir), { available: false } as GitFacts, DEFAULT_POLICY.docs, '2026-01-15', 'error');
    const site = (await ctx.vitepress())!;
    await Promise.all(site.pages.map((p) => ctx.markdown(p)));

    for (const name of ['config', 'sidebar', 'theme']) {
      expect(existsSync(`${marker}-${name}`)).toBe(false);
      expect(existsSync(`${marker}-${name}-exec`)).toBe(false);
    }
    expect(site.config!.links.map((l) => l.target)).toEqual(['/contribute/intro']);
    expect(site.unresolved.map((u) => `${u.file}:${u.at.line} ${u.reason}`)).toEqual([
      "docs/.vitepress/config.mts:10 link: `execSync('id').toString()` is only known by running the code",
    ]);
    expect(site.themeGlobs.map((g) => `${g.file}: ${g.matches.join(' ')}`)).toContain('docs/.vitepress/theme/index.ts: docs/src/blog/first-post.md docs/src/blog/index.md');
    expect(ctx.findings).toEqual([]);
  });
});
