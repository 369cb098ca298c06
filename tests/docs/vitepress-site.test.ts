// The VitePress site view, in memory: the config read without running it (functions, bases,
// imported sidebars, what cannot be told), the theme's globs, the pages and link resolution.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVitePressSite, type SiteReader, type VitePressSite } from '../../runner/docs/site.js';
import { load as loadTs } from '../../runner/parsers/typescript.js';
import { load as loadJs } from '../../runner/parsers/javascript.js';
import { load as loadVue } from '../../runner/parsers/vue.js';
import { FIXTURES } from '../helpers/git.js';

const parsers: Record<string, Awaited<ReturnType<typeof loadTs>>> = { ts: await loadTs(), mts: await loadTs(), js: await loadJs(), mjs: await loadJs(), vue: await loadVue() };

/** A site over in-memory files; `parsed` lists the script files parsed, `errors` their parse errors. */
async function siteOf(files: Record<string, string>): Promise<{ site: VitePressSite | undefined; parsed: string[]; errors: string[] }> {
  const parsed: string[] = [];
  const errors: string[] = [];
  const reader: SiteReader = {
    allFiles: async () => Object.keys(files).sort(),
    read: async (p) => files[p],
    script: async (p) => {
      const parse = parsers[p.slice(p.lastIndexOf('.') + 1)];
      if (files[p] === undefined || !parse) return undefined;
      parsed.push(p);
      const outcome = parse(files[p]);
      if (outcome.ok) return outcome.value;
      errors.push(`${p}:${outcome.error.line} ${outcome.error.message}`);
      return undefined;
    },
  };
  return { site: await loadVitePressSite(reader), parsed, errors };
}

function fixtureFiles(): Record<string, string> {
  const root = path.join(FIXTURES, 'docs');
  const out: Record<string, string> = {};
  for (const f of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const abs = path.join(f.parentPath, f.name);
    out[path.relative(root, abs).split(path.sep).join('/')] = readFileSync(abs, 'utf8');
  }
  return out;
}

const link = (l: VitePressSite['config'] extends infer C ? (C extends { links: Array<infer L> } ? L : never) : never) =>
  `${l.section}${l.sidebarKey ? `[${l.sidebarKey}]` : ''} ${[...l.trail, l.text ?? '?'].join(' > ')}: ${l.target} @${l.file.replace('docs/.vitepress/', '')}:${l.at.line}`;

describe('the VitePress config, read without running it', async () => {
  const { site, errors } = await siteOf(fixtureFiles());

  it('finds the config, srcDir and cleanUrls', () => {
    expect(errors).toEqual([]);
    expect(site).toMatchObject({ root: 'docs', configFile: 'docs/.vitepress/config.mts', srcDir: 'docs/src', config: { srcDir: 'src', cleanUrls: true } });
    expect(site!.config!.files).toEqual(['docs/.vitepress/config.mts', 'docs/.vitepress/sidebars/contribute.ts']);
  });

  it('lists nav and sidebar links through the functions of the file and the imported sidebar, with bases and positions', () => {
    expect(site!.config!.links.map(link)).toEqual([
      'nav First install: first-install @config.mts:30',
      'nav FAQ: faq @config.mts:31',
      'nav Others > Landing: https://exegol.com/ @config.mts:35',
      'nav Others > Blog: /blog/ @config.mts:36',
      'nav Others > Contribute: /contribute/intro @config.mts:37',
      'sidebar[/contribute/] About contributions: /contribute/intro @sidebars/contribute.ts:5',
      'sidebar[/contribute/] Components > Docs: /contribute/docs @sidebars/contribute.ts:9',
      'sidebar[/legal/] Legal > Summary: /legal/summary @config.mts:48',
      'sidebar[/legal/] Legal > Terms of Sale and Service: /legal/terms-of-sale-and-service @config.mts:49',
      'sidebar[/] About Exegol: /about @config.mts:57',
      'sidebar[/] First install: /first-install @config.mts:58',
      'sidebar[/] Exegol images > Tools list: /images/tools.md @config.mts:63',
      'sidebar[/] Exegol wrapper > Command-line actions > exec: /wrapper/cli/exec.md @config.mts:74',
      'sidebar[/] Exegol wrapper > Command-line actions > start: /wrapper/cli/start.md @config.mts:75',
      'sidebar[/] Frequently asked questions: /faq.md @config.mts:80',
    ]);
    expect(site!.unresolved).toEqual([]);
  });

  it('points each link at its string literal in the file', () => {
    const files = fixtureFiles();
    for (const l of site!.config!.links) {
      const line = files[l.file].split('\n')[l.at.line - 1];
      expect(line.slice(l.at.column - 1, l.at.endColumn! - 1)).toMatch(new RegExp(`^["']${l.link.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']$`));
    }
  });

  it('resolves every link of the clean fixture to a page', () => {
    const missing = site!.config!.links.filter((l) => !/^https?:/.test(l.target)).map((l) => [l.target, site!.resolve(l.target).kind]).filter(([, kind]) => kind !== 'page');
    expect(missing).toEqual([]);
  });

  it('finds the pages, and the blog posts through the theme glob', () => {
    expect(site!.pages).toHaveLength(15);
    expect(site!.pages).toContain('docs/src/install/on-arch.md');
    expect(site!.themeGlobs).toEqual([
      { file: 'docs/.vitepress/theme/components/BlogList.vue', at: { line: 3, column: 21, endLine: 3, endColumn: 68 }, patterns: ['/blog/*.md'], matches: ['docs/src/blog/first-post.md', 'docs/src/blog/index.md'] },
    ]);
  });
});

const CONFIG_HEAD = "import { defineConfig } from 'vitepress'\n";

describe('what only running the config would tell', () => {
  it('lists each such item at its line: a variable link, a spread of a call, a computed key, a template, a parameter', async () => {
    const { site } = await siteOf({
      'docs/.vitepress/config.ts': `${CONFIG_HEAD}import { generateSidebar } from 'vitepress-sidebar'
const RELEASES = 'https://github.com/ThePorgs/Exegol/releases'
const version = '5'
export default defineConfig({
  srcDir: 'src',
  themeConfig: {
    nav: [
      { text: 'Releases', link: RELEASES },
      { text: 'Changelog', link: process.env.CHANGELOG ?? '/changelog' },
      { text: 'Version', link: \`/v\${version}/\` },
      ...generateSidebar(),
    ],
    sidebar: {
      [computeKey()]: [{ text: 'x', link: 'x' }],
      '/guide/': guide('/guide/'),
    },
  },
})
function guide(base: string) {
  return [{ text: 'Intro', link: base + 'intro' }]
}
`,
    });
    expect(site!.config!.links.map((l) => `${l.text}: ${l.target}`)).toEqual(['Releases: https://github.com/ThePorgs/Exegol/releases']);
    expect(site!.unresolved.map((u) => `${u.at.line}:${u.at.column} ${u.reason}`)).toEqual([
      "10:34 link: `process.env.CHANGELOG ?? '/changelog'` is only known by running the code",
      '11:32 link: `/v${version}/` is only known by running the code',
      "12:10 a nav item: generateSidebar(): `generateSidebar` comes from 'vitepress-sidebar', which is not read",
      '15:7 a sidebar with a computed key: its links are only known by running the code',
      "21:34 link: `base + 'intro'` is only known by running the code",
    ]);
    expect(site!.srcDir).toBe('docs/src');
  });

  it('notes rewrites, extends and locales, whose effect on links is not read', async () => {
    const { site } = await siteOf({
      'docs/.vitepress/config.mts': `${CONFIG_HEAD}import base from './base'\nexport default defineConfig({\n  extends: base,\n  rewrites: { 'a.md': 'b.md' },\n  locales: { fr: { label: 'Français' } },\n})\n`,
      'docs/.vitepress/base.ts': 'export default { themeConfig: {} }\n',
    });
    expect(site!.unresolved.map((u) => `${u.file}:${u.at.line} ${u.reason}`)).toEqual([
      'docs/.vitepress/config.mts:4 the settings of an extended config are not read',
      'docs/.vitepress/config.mts:5 rewrites change which file a link names; links are checked without them',
      'docs/.vitepress/config.mts:6 the nav and sidebars of other locales are not read',
    ]);
  });

  it('cannot tell srcDir when it is computed: no pages, and links say why they cannot be resolved', async () => {
    const { site } = await siteOf({ 'docs/.vitepress/config.mts': `${CONFIG_HEAD}export default defineConfig({ srcDir: process.env.SRC })\n`, 'docs/src/a.md': '# A\n' });
    expect(site).toMatchObject({ srcDir: undefined, pages: [] });
    expect(site!.unresolved[0].reason).toBe('srcDir: `process.env.SRC` is not a constant of this file');
    expect(site!.resolve('/a')).toEqual({ kind: 'unknown', reason: "the pages' folder (srcDir) of docs/.vitepress/config.mts is not known" });
  });
});

describe('hostile configs stay bounded', () => {
  it('ends cycles: imports of each other, a function returning its own call, a spread of itself', async () => {
    const { site } = await siteOf({
      'docs/.vitepress/config.mts': `${CONFIG_HEAD}import { b } from './b'\nexport const a = [...b, { text: 'A', link: 'a' }]\nconst self = [...self]\nfunction loop() { return loop() }\nexport default defineConfig({ themeConfig: { nav: a, sidebar: { '/x/': self, '/y/': loop() } } })\n`,
      'docs/.vitepress/b.ts': "import { a } from './config.mts'\nexport const b = [...a, { text: 'B', link: 'b' }]\n",
    });
    expect(site!.config!.files).toEqual(['docs/.vitepress/config.mts', 'docs/.vitepress/b.ts']);
    expect(site!.unresolved.length).toBeGreaterThan(0);
    expect(site!.unresolved.every((u) => /too many indirections|nested too deep/.test(u.reason))).toBe(true);
  });

  it('caps spreads that double at each level', async () => {
    const levels = Array.from({ length: 40 }, (_, i) => `const l${i + 1} = [...l${i}, ...l${i}]`).join('\n');
    const { site } = await siteOf({ 'docs/.vitepress/config.mts': `${CONFIG_HEAD}const l0 = [{ text: 'x', link: 'x' }]\n${levels}\nexport default defineConfig({ themeConfig: { nav: l40 } })\n` });
    expect(site!.config!.links.length).toBeLessThanOrEqual(20_000);
    expect(site!.unresolved.some((u) => /more than 20000 items/.test(u.reason))).toBe(true);
  });

  it('does not follow an import out of the repository, or into a package', async () => {
    const { site, parsed } = await siteOf({ 'docs/.vitepress/config.mts': `${CONFIG_HEAD}import x from '../../../../etc/passwd'\nimport y from 'node:fs'\nexport default defineConfig({ themeConfig: { nav: [x, y] } })\n` });
    expect(parsed).toEqual(['docs/.vitepress/config.mts']);
    expect(site!.unresolved.map((u) => u.reason)).toEqual([
      "'../../../../etc/passwd' is outside the repository",
      "a nav item: `x` comes from '../../../../etc/passwd', which is not read",
      "a nav item: `y` comes from 'node:fs', which is not read",
    ]);
  });

  it('gives an unparsable config no config, and the parse error its line', async () => {
    const { site, errors } = await siteOf({ 'docs/.vitepress/config.mts': `${CONFIG_HEAD}export default defineConfig({\n  srcDir: 'src',\n  nav: [ { text: 'x' ]\n})\n`, 'docs/src/a.md': '# A\n' });
    expect(errors).toEqual(['docs/.vitepress/config.mts:4 unexpected syntax near "]"']);
    expect(site).toMatchObject({ configFile: 'docs/.vitepress/config.mts', config: undefined, srcDir: undefined, pages: [] });
  });

  it('has no site without a config', async () => {
    expect((await siteOf({ 'docs/src/a.md': '# A\n' })).site).toBeUndefined();
  });
});

describe('theme globs', () => {
  it('resolves /, ./ and ! patterns; an alias is unresolved; a file without a glob call is not parsed', async () => {
    const { site, parsed } = await siteOf({
      'docs/.vitepress/config.mts': `${CONFIG_HEAD}export default defineConfig({ srcDir: 'src' })\n`,
      'docs/.vitepress/theme/index.ts': "export default { extends: 'x' }\n",
      'docs/.vitepress/theme/posts.ts': "export const posts = import.meta.glob(['/blog/*.md', '!/blog/index.md'])\nexport const notes = import.meta.glob('../../src/notes/**/*.md')\nexport const aliased = import.meta.glob('@/x/*.md')\n",
      'docs/src/blog/index.md': '# Blog\n',
      'docs/src/blog/one.md': '# One\n',
      'docs/src/notes/a/b.md': '# B\n',
    });
    expect(parsed).toEqual(['docs/.vitepress/config.mts', 'docs/.vitepress/theme/posts.ts']);
    expect(site!.themeGlobs.map((g) => `${g.at.line} ${g.patterns.join(' ')} -> ${g.matches.join(' ')}`)).toEqual([
      '1 /blog/*.md !/blog/index.md -> docs/src/blog/one.md',
      '2 ../../src/notes/**/*.md -> docs/src/notes/a/b.md',
    ]);
    expect(site!.unresolved.map((u) => `${u.file}:${u.at.line} ${u.reason}`)).toEqual(["docs/.vitepress/theme/posts.ts:3 glob pattern '@/x/*.md' names an alias or a package; only /, ./ and ../ patterns are read"]);
  });
});
