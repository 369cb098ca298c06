// Facts of a TypeScript/JavaScript module and of a Vue component's script blocks, read from the
// syntax tree: what the VitePress config and theme views are built on.
import { describe, expect, it } from 'vitest';
import { load as loadTs } from '../../runner/parsers/typescript.js';
import { load as loadJs } from '../../runner/parsers/javascript.js';
import { load as loadVue } from '../../runner/parsers/vue.js';
import { MAX_VALUES, MAX_VALUE_DEPTH, decodeJsString, type ScriptFacts, type StaticValue } from '../../runner/parsers/script-facts.js';

const ts = await loadTs();
const js = await loadJs();
const vue = await loadVue();

function facts(parse: typeof ts, text: string): ScriptFacts {
  const outcome = parse(text);
  if (!outcome.ok) throw new Error(`unexpected parse error at ${outcome.error.line}: ${outcome.error.message}`);
  return outcome.value;
}

/** A value as compact text: literals as JSON, the rest by kind. */
function show(v: StaticValue | undefined): string {
  if (!v) return '-';
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(v.value);
    case 'null':
      return 'null';
    case 'array':
      return `[${v.items.map(show).join(', ')}]`;
    case 'object':
      return `{${v.entries.map((e) => (e.kind === 'property' ? `${e.key}: ${show(e.value)}` : e.kind === 'spread' ? `...${show(e.value)}` : `[${e.text}]`)).join(', ')}}`;
    case 'call':
      return `${v.callee}(${v.args.map(show).join(', ')})`;
    case 'name':
      return v.name;
    case 'spread':
      return `...${show(v.value)}`;
    case 'function':
      return `fn/${v.params} => ${show(v.returns)}`;
    case 'other':
      return `<${v.text}>`;
  }
}

const CONFIG = `import { defineConfig, type DefaultTheme } from 'vitepress'
import side, { sidebarX as sx } from './sidebars/x'
import * as parts from "./parts"

type Item = DefaultTheme.SidebarItem & { badge?: string }
const BASE = '/guide/' as const

// https://vitepress.dev/reference/site-config
export default defineConfig({
  srcDir: 'src',
  'cleanUrls': true,
  nav: nav(),
  sidebar: { [key]: 1, ...more, '/g/': { base: BASE, items: sx() } },
  title: \`Exegol \${version}\`,
  plain: \`no interpolation\`,
  transformHead() { return [] },
})

function nav(): Item[] {
  const extra = [{ text: 'x', link: 'x' }]
  return [
    { text: "A", link: 'a\\u0041' },
    ...extra,
  ]
}
export const sidebarY = (): Item[] => [{ text: 'B', link: 'b' }]
export function many(a, b) { if (a) return [1]; return [2] }
export { BASE as base, nav }
export { other } from './other'
`;

describe('script facts (TypeScript)', () => {
  const f = facts(ts, CONFIG);

  it('lists imports with the name taken, type-only names left out', () => {
    expect(f.imports.map((i) => `${i.local}<-${i.imported}@${i.source}:${i.at.line}`)).toEqual([
      'defineConfig<-defineConfig@vitepress:1',
      'side<-default@./sidebars/x:2',
      'sx<-sidebarX@./sidebars/x:2',
      'parts<-*@./parts:3',
    ]);
  });

  it('reads the default export as a static tree, with what only running the code tells kept as other', () => {
    const def = f.exports.find((e) => e.exported === 'default');
    expect(show(def?.value)).toBe(
      'defineConfig({srcDir: "src", cleanUrls: true, nav: nav(), sidebar: {[[key]: 1], ...more, /g/: {base: BASE, items: sx()}}, title: <`Exegol ${version}`>, plain: "no interpolation", transformHead: fn/0 => []})',
    );
  });

  it('reads functions as the value of their single return, with their local constants', () => {
    const nav = f.declarations.find((d) => d.name === 'nav');
    expect(show(nav?.value)).toBe('fn/0 => [{text: "A", link: "aA"}, ...extra]');
    expect(nav?.value?.kind === 'function' && nav.value.locals.map((l) => `${l.name}=${show(l.value)}`)).toEqual(['extra=[{text: "x", link: "x"}]']);
    expect(show(f.declarations.find((d) => d.name === 'sidebarY')?.value)).toBe('fn/0 => [{text: "B", link: "b"}]');
    // Two returns: which one applies is only known by running it.
    expect(show(f.declarations.find((d) => d.name === 'many')?.value)).toBe('fn/2 => <a function with 2 return statements>');
    expect(show(f.declarations.find((d) => d.name === 'BASE')?.value)).toBe('"/guide/"');
  });

  it('lists named exports, renamed and re-exported', () => {
    expect(f.exports.filter((e) => e.exported !== 'default').map((e) => `${e.exported}=${e.local ?? ''}${e.source ? `@${e.source}` : ''}`)).toEqual([
      'sidebarY=sidebarY',
      'many=many',
      'base=BASE',
      'nav=nav',
      'other=other@./other',
    ]);
  });

  it('gives every value its line and column (1-based, UTF-16 units)', () => {
    const def = f.exports.find((e) => e.exported === 'default')!.value!;
    expect(def.kind).toBe('call');
    const obj = def.kind === 'call' ? def.args[0] : undefined;
    const srcDir = obj?.kind === 'object' ? obj.entries[0] : undefined;
    expect(srcDir?.kind === 'property' && [srcDir.keyAt.line, srcDir.keyAt.column, srcDir.value.at.line, srcDir.value.at.column]).toEqual([10, 3, 10, 11]);
  });
});

describe('script facts: bad and hostile input', () => {
  it('reports a syntax error at its line, never a partial result', () => {
    const outcome = ts("export default defineConfig({\n  srcDir: 'src',\n  nav: [ { text: 'x' ]\n})\n");
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.line).toBe(3);
  });

  it('keeps a deeply nested value bounded: levels past the limit are other', () => {
    const depth = 200;
    const outcome = ts(`export default ${'{ items: '.repeat(depth)}1${' }'.repeat(depth)}`);
    let v = outcome.ok ? outcome.value.exports[0].value : undefined;
    let levels = 0;
    while (v?.kind === 'object' && v.entries[0].kind === 'property') {
      levels++;
      v = v.entries[0].value;
    }
    expect(levels).toBe(MAX_VALUE_DEPTH + 1);
    expect(v?.kind === 'other' && v.text).toBe('nested too deep to read');
  });

  it('answers hostile nesting and garbage with a parse error at once, not a stack overflow or a long recovery', () => {
    const started = Date.now();
    const deep = ts(`export default ${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    const garbage = ts(')]}'.repeat(170_000));
    expect(!deep.ok && deep.error.line).toBe(1);
    expect(!garbage.ok && garbage.error).toEqual({ line: 1, column: 1, message: 'unexpected syntax near ")]})]})]})]})]})]})]"' });
    // Error recovery took about 30 s on this garbage; strict parsing fails on its first character.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('keeps a huge literal bounded in size', () => {
    const items = Array.from({ length: MAX_VALUES + 10_000 }, (_, i) => `'${i}'`).join(',');
    const outcome = ts(`export default [${items}]`);
    const v = outcome.ok ? outcome.value.exports[0].value : undefined;
    const arr = v?.kind === 'array' ? v.items : [];
    expect(arr.length).toBe(MAX_VALUES + 10_000);
    expect(arr.filter((x) => x.kind === 'string').length).toBeLessThan(MAX_VALUES);
    expect(arr[arr.length - 1]).toMatchObject({ kind: 'other', text: 'too large to read' });
  });

  it('decodes string escapes, and keeps control characters as data', () => {
    expect(decodeJsString(String.raw`'a\n\t\x41\u0042\u{1F600}\'b'`)).toBe("a\n\tAB😀'b");
    const f = facts(ts, "export const link = '/x\\u001b[31m'\n");
    expect(show(f.declarations[0].value)).toBe(JSON.stringify('/x\u001b[31m'));
  });
});

describe('script facts: JavaScript and import.meta.glob', () => {
  it('reads plain JavaScript with the JavaScript grammar (a < is a comparison)', () => {
    const f = facts(js, "const a = b < c > (d)\nexport default { srcDir: 'src' }\n");
    expect(show(f.exports[0].value)).toBe('{srcDir: "src"}');
  });

  it('finds glob calls anywhere, with their patterns', () => {
    const f = facts(ts, "export function posts() {\n  return Object.entries(import.meta.glob<true, string>(['/blog/*.md', '!/blog/index.md'], { eager: true }))\n}\n");
    expect(f.globs.map((g) => `${g.at.line}:${g.at.column} ${g.args.map(show).join(' ')}`)).toEqual(['2:25 ["/blog/*.md", "!/blog/index.md"] {eager: true}']);
  });
});

describe('script facts of a Vue component', () => {
  const SFC = `<template>
  <a v-for="post in posts" :href="post.url">{{ post.title }}</a>
  <!-- import.meta.glob('/not/code/*.md') -->
</template>

<script setup lang="ts">
const postModules = import.meta.glob('/blog/*.md', { eager: true })
const props = defineProps<{ item?: string }>()
</script>

<script>
export default { name: 'BlogList' }
</script>

<style scoped>
.x { content: "import.meta.glob('/neither/*.md')" }
</style>
`;

  it('reads only the script blocks, at their positions in the .vue file', () => {
    const f = facts(vue, SFC);
    expect(f.globs.map((g) => `${g.at.line}:${g.at.column} ${show(g.args[0])}`)).toEqual(['7:21 "/blog/*.md"']);
    expect(show(f.exports[0].value)).toBe('{name: "BlogList"}');
  });

  it('reports a syntax error in a script block at its line in the .vue file', () => {
    const outcome = vue('<template><p/></template>\n\n<script setup>\nconst a = (\n</script>\n');
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.line).toBeGreaterThanOrEqual(4);
  });

  it('gives a component without a script block no facts', () => {
    expect(facts(vue, '<template><p>hi</p></template>\n').globs).toEqual([]);
  });
});
