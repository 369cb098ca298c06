// The VitePress config as data, read from its syntax (never evaluated): srcDir, cleanUrls, the nav
// and sidebar links with where each is written, following the functions of the file and the files
// it imports. What only running the code would tell is listed as unresolved, at its line.
import type { ScriptFacts } from '../parsers/script-facts.js';
import type { Span } from '../types.js';
import { isExternalLink } from './resolve-link.js';
import { MAX_ITEMS, MAX_NESTING, StaticEvaluator, describe, isUnresolved, relativeTarget, type Located, type Unresolved } from './static-eval.js';

export interface ConfigLink {
  section: 'nav' | 'sidebar';
  /** The sidebar's key (`'/contribute/'`); `/` for a sidebar given as one array. */
  sidebarKey?: string;
  /** The item's `text`, when it is a literal. */
  text?: string;
  /** Texts of the groups around the item, outermost first. */
  trail: string[];
  /** The `link` as written. */
  link: string;
  /** The `base` in force (the item's own, else its group's, else the sidebar's). */
  base?: string;
  /** What VitePress links to: base + link (an external link as it is: VitePress 1.x would put the base in front, 2.x does not). */
  target: string;
  /** Repo path of the file the link is written in, and where. */
  file: string;
  at: Span;
}

export interface VitePressConfig {
  file: string;
  /** `srcDir` as written, relative to the VitePress root ('.' when not set); undefined when only running it would tell. */
  srcDir: string | undefined;
  /** Why `srcDir` is undefined (one of `unresolved`). */
  srcDirUnknown?: Unresolved;
  cleanUrls: boolean;
  /** `srcExclude` globs (relative to srcDir). */
  srcExclude: string[];
  links: ConfigLink[];
  unresolved: Unresolved[];
  /** Every script file read: the config and the files it imports. */
  files: string[];
}

export interface ScriptSource {
  /** Facts of a script file; undefined when it is missing or cannot be parsed (reported by the caller). */
  script(path: string): Promise<ScriptFacts | undefined>;
  exists(path: string): Promise<boolean>;
}

/** Files an import may name, in the order Vite tries them. */
const EXTENSIONS = ['', '.ts', '.mts', '.js', '.mjs', '.cts', '.cjs', '/index.ts', '/index.js'];
/** Imported files read for one config: a site has a handful; a hostile one could chain thousands. */
const MAX_FILES = 64;

/** The config and the relative imports it reaches (each read once; cycles end there). */
export async function loadModules(entry: string, source: ScriptSource): Promise<{ modules: Map<string, ScriptFacts>; targets: Map<string, string>; unresolved: Unresolved[] }> {
  const modules = new Map<string, ScriptFacts>();
  const targets = new Map<string, string>();
  const unresolved: Unresolved[] = [];
  const queue = [entry];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const file = queue.shift()!;
    const facts = await source.script(file);
    if (!facts) continue;
    modules.set(file, facts);
    const sources = [...facts.imports.map((i) => ({ source: i.source, at: i.at })), ...facts.exports.filter((e) => e.source !== undefined).map((e) => ({ source: e.source!, at: e.at }))];
    for (const { source: spec, at } of sources) {
      if (!spec.startsWith('./') && !spec.startsWith('../')) continue;
      const base = relativeTarget(file, spec.replace(/\.js$/, ''));
      if (base === undefined) {
        unresolved.push({ file, at, reason: `'${spec}' is outside the repository` });
        continue;
      }
      let target: string | undefined;
      for (const ext of spec.endsWith('.js') ? ['.ts', '.js', ...EXTENSIONS] : EXTENSIONS) {
        if (await source.exists(base + ext)) {
          target = base + ext;
          break;
        }
      }
      if (target === undefined) continue;
      targets.set(`${file}\0${spec}`, target);
      if (seen.has(target)) continue;
      if (seen.size >= MAX_FILES) {
        unresolved.push({ file, at, reason: `more than ${MAX_FILES} files imported; '${spec}' is not read` });
        continue;
      }
      seen.add(target);
      queue.push(target);
    }
  }
  return { modules, targets, unresolved };
}

/** Reads the config's facts out of its modules; undefined when the entry itself could not be read. */
export function readConfig(entry: string, loaded: Awaited<ReturnType<typeof loadModules>>): VitePressConfig | undefined {
  const facts = loaded.modules.get(entry);
  if (!facts) return undefined;
  const evaluator = new StaticEvaluator(loaded.modules, (from, spec) => loaded.targets.get(`${from}\0${spec}`));
  const config: VitePressConfig = { file: entry, srcDir: '.', cleanUrls: false, srcExclude: [], links: [], unresolved: [...loaded.unresolved], files: [...loaded.modules.keys()] };
  const exported = facts.exports.find((e) => e.exported === 'default');
  const unknownSrcDir = (why: Unresolved) => {
    config.unresolved.push(why);
    config.srcDirUnknown = why;
    config.srcDir = undefined;
  };
  if (!exported) {
    unknownSrcDir({ file: entry, at: { line: 1, column: 1 }, reason: 'the config has no default export' });
    return config;
  }
  const root = exported.value ? evaluator.resolve(exported.value, entry) : evaluator.resolve({ kind: 'name', name: exported.local ?? '', at: exported.at }, entry);
  if (isUnresolved(root) || root.value.kind !== 'object') {
    unknownSrcDir(isUnresolved(root) ? root : { file: root.file, at: root.value.at, reason: `the default export is ${describe(root.value)}, not an object` });
    return config;
  }
  const field = (obj: Located, key: string) => {
    const v = evaluator.property(obj, key);
    if (v && isUnresolved(v)) config.unresolved.push({ ...v, reason: `${key}: ${v.reason}` });
    return v && !isUnresolved(v) ? v : undefined;
  };
  const srcDir = evaluator.property(root, 'srcDir');
  if (srcDir !== undefined && !isUnresolved(srcDir) && srcDir.value.kind === 'string') config.srcDir = srcDir.value.value;
  else if (srcDir !== undefined) unknownSrcDir(isUnresolved(srcDir) ? { ...srcDir, reason: `srcDir: ${srcDir.reason}` } : { file: srcDir.file, at: srcDir.value.at, reason: 'srcDir is not a string' });
  const cleanUrls = field(root, 'cleanUrls');
  config.cleanUrls = cleanUrls?.value.kind === 'boolean' ? cleanUrls.value.value : false;
  const exclude = field(root, 'srcExclude');
  if (exclude) for (const item of evaluator.items(exclude)) if (!isUnresolved(item) && item.value.kind === 'string') config.srcExclude.push(item.value.value);
  // Settings these carry are not merged in: say so rather than check less in silence.
  const NOT_MODELLED: Record<string, string> = {
    rewrites: 'rewrites change which file a link names; links are checked without them',
    extends: 'the settings of an extended config are not read',
    locales: 'the nav and sidebars of other locales are not read',
  };
  for (const e of root.value.entries) {
    if (e.kind === 'property' && Object.hasOwn(NOT_MODELLED, e.key)) config.unresolved.push({ file: root.file, at: e.keyAt, reason: NOT_MODELLED[e.key] });
  }

  const theme = field(root, 'themeConfig');
  if (!theme) return config;
  const walker = new ItemWalker(evaluator, config);
  const nav = field(theme, 'nav');
  if (nav) walker.walk(nav, { section: 'nav', trail: [] });
  const sidebar = field(theme, 'sidebar');
  if (sidebar?.value.kind === 'array') walker.walk(sidebar, { section: 'sidebar', sidebarKey: '/', trail: [] });
  else if (sidebar?.value.kind === 'object') {
    for (const e of sidebar.value.entries) {
      if (e.kind !== 'property') {
        config.unresolved.push({ file: sidebar.file, at: e.at, reason: `a sidebar ${e.kind === 'spread' ? 'spread' : 'with a computed key'}: its links are only known by running the code` });
        continue;
      }
      const value = evaluator.resolve(e.value, sidebar.file);
      if (isUnresolved(value)) config.unresolved.push({ ...value, reason: `sidebar '${e.key}': ${value.reason}` });
      else if (value.value.kind === 'array') walker.walk(value, { section: 'sidebar', sidebarKey: e.key, trail: [] });
      else if (value.value.kind === 'object') {
        const base = evaluator.property(value, 'base');
        const items = field(value, 'items');
        const baseText = base && !isUnresolved(base) && base.value.kind === 'string' ? base.value.value : undefined;
        if (base && baseText === undefined) config.unresolved.push(isUnresolved(base) ? { ...base, reason: `base: ${base.reason}` } : { file: base.file, at: base.value.at, reason: 'base is not a string' });
        if (items) walker.walk(items, { section: 'sidebar', sidebarKey: e.key, base: baseText, trail: [] });
      }
    }
  } else if (sidebar) config.unresolved.push({ file: sidebar.file, at: sidebar.value.at, reason: `the sidebar is ${describe(sidebar.value)}` });
  return config;
}

interface Where {
  section: 'nav' | 'sidebar';
  sidebarKey?: string;
  base?: string;
  trail: string[];
}

/** Walks nav and sidebar items (`{ text, link, items, base }`), recording links and what cannot be read. */
class ItemWalker {
  private visited = 0;
  constructor(
    private readonly evaluator: StaticEvaluator,
    private readonly config: VitePressConfig,
  ) {}

  walk(array: Located, where: Where): void {
    if (array.value.kind !== 'array') {
      this.config.unresolved.push({ file: array.file, at: array.value.at, reason: `items are ${describe(array.value)}, not an array` });
      return;
    }
    if (where.trail.length >= MAX_NESTING) {
      this.config.unresolved.push({ file: array.file, at: array.value.at, reason: 'items nested too deep (a cycle?)' });
      return;
    }
    for (const item of this.evaluator.items(array)) {
      if (++this.visited > MAX_ITEMS) {
        this.config.unresolved.push({ ...(isUnresolved(item) ? item : { file: item.file, at: item.value.at }), reason: `more than ${MAX_ITEMS} items; the rest is not read` });
        return;
      }
      if (isUnresolved(item)) this.config.unresolved.push({ ...item, reason: `a ${where.section} item: ${item.reason}` });
      else if (item.value.kind !== 'object') this.config.unresolved.push({ file: item.file, at: item.value.at, reason: `a ${where.section} item is ${describe(item.value)}` });
      else this.item(item, where);
    }
  }

  private item(item: Located, where: Where): void {
    const str = (key: string): { value?: string; located?: Located; problem?: Unresolved } => {
      const v = this.evaluator.property(item, key);
      if (v === undefined) return {};
      if (isUnresolved(v)) return { problem: { ...v, reason: `${key}: ${v.reason}` } };
      if (v.value.kind === 'string') return { value: v.value.value, located: v };
      return { problem: { file: v.file, at: v.value.at, reason: `${key} is ${describe(v.value)}` } };
    };
    const text = str('text');
    const base = str('base');
    const link = str('link');
    for (const p of [base.problem, link.problem]) if (p) this.config.unresolved.push(p);
    const effectiveBase = base.value ?? where.base;
    if (link.value !== undefined && link.located) {
      this.config.links.push({
        section: where.section,
        ...(where.sidebarKey !== undefined ? { sidebarKey: where.sidebarKey } : {}),
        ...(text.value !== undefined ? { text: text.value } : {}),
        trail: where.trail,
        link: link.value,
        ...(effectiveBase !== undefined ? { base: effectiveBase } : {}),
        target: isExternalLink(link.value) ? link.value : (effectiveBase ?? '') + link.value,
        file: link.located.file,
        at: link.located.value.at,
      });
    }
    const items = this.evaluator.property(item, 'items');
    if (items === undefined) return;
    if (isUnresolved(items)) this.config.unresolved.push({ ...items, reason: `items: ${items.reason}` });
    else this.walk(items, { ...where, base: effectiveBase, trail: [...where.trail, text.value ?? '?'] });
  }
}
