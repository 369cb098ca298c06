// The VitePress site of a docs repo as one view: its config (read, not run), its pages, the files its
// theme finds with import.meta.glob, and how a link resolves. Built from per-file views (each parsed,
// and cached, once), so this part is cheap and runs on every lint of a docs repo.
import path from 'node:path';
import type { ScriptFacts } from '../parsers/script-facts.js';
import { loadPicomatch, type GlobMatcher } from '../load-picomatch.js';
import { resolveLink, type LinkSite, type LinkTarget } from './resolve-link.js';
import type { Unresolved } from './static-eval.js';
import { themeGlobs, type ThemeGlob } from './theme-globs.js';
import { loadModules, readConfig, type VitePressConfig } from './vitepress-config.js';

export interface SiteReader {
  /** Every file of the repo, repo-relative. */
  allFiles(): Promise<string[]>;
  /** Text of a file; undefined when missing or unreadable. */
  read(path: string): Promise<string | undefined>;
  /** Facts of a script file (`.ts`, `.mts`, `.js`, `.mjs`, `.vue`); undefined when missing or unparsable. */
  script(path: string): Promise<ScriptFacts | undefined>;
  /**
   * Facts of a theme file that holds a glob call, null for one that does not (not parsed), as a view
   * of its own (cached); without it, the text is read and tested here.
   */
  themeScript?(path: string): Promise<ScriptFacts | null | undefined>;
}

export interface VitePressSite {
  /** The folder holding `.vitepress` (`docs`), '' for the repo root. */
  root: string;
  configFile: string;
  /** Undefined when the config could not be parsed (a `meta/parse-error` names the line). */
  config: VitePressConfig | undefined;
  /** Repo path of the pages' folder; undefined when only running the config would tell. */
  srcDir: string | undefined;
  /** Why `srcDir` is undefined, when the config was read (one of `unresolved`). */
  srcDirUnknown?: Unresolved;
  /** Markdown pages VitePress builds (repo paths), sorted; empty when srcDir is unknown. */
  pages: string[];
  themeGlobs: ThemeGlob[];
  /** What only running code would tell (config and theme), each at its line. */
  unresolved: Unresolved[];
  /** The page or file a link names; `from` is the page it is written in (none for nav and sidebar links). */
  resolve(link: string, from?: string): LinkTarget;
}

const CONFIG = /^(?:(.*)\/)?\.vitepress\/config\.(js|mjs|ts|mts)$/;
// VitePress looks for config.js, .mjs, .ts, .mts in this order.
const CONFIG_ORDER = ['js', 'mjs', 'ts', 'mts'];
const THEME_SOURCE = /\.(ts|mts|js|mjs|vue)$/;

/** The config file VitePress would load: under `docs/` first, then the repo root, then the shallowest. */
export function findConfig(files: readonly string[]): { root: string; file: string } | undefined {
  const found = files
    .map((f) => ({ f, m: CONFIG.exec(f) }))
    .filter((x): x is { f: string; m: RegExpExecArray } => x.m !== null && !x.f.split('/').includes('node_modules'))
    .map(({ f, m }) => ({ root: m[1] ?? '', file: f, ext: m[2] }));
  const rank = (root: string) => (root === 'docs' ? 0 : root === '' ? 1 : 2 + root.split('/').length);
  found.sort((a, b) => rank(a.root) - rank(b.root) || CONFIG_ORDER.indexOf(a.ext) - CONFIG_ORDER.indexOf(b.ext));
  return found[0] && { root: found[0].root, file: found[0].file };
}

export async function loadVitePressSite(reader: SiteReader): Promise<VitePressSite | undefined> {
  const files = await reader.allFiles();
  const found = findConfig(files);
  if (!found) return undefined;
  const fileSet = new Set(files);
  const loaded = await loadModules(found.file, { script: (p) => reader.script(p), exists: async (p) => fileSet.has(p) });
  const config = readConfig(found.file, loaded);
  const unresolved = [...(config?.unresolved ?? [])];
  let srcDir: string | undefined;
  let srcDirUnknown = config?.srcDirUnknown;
  if (config?.srcDir !== undefined) {
    const joined = path.posix.normalize(path.posix.join(found.root, config.srcDir)).replace(/\/$/, '');
    srcDir = joined === '.' ? '' : joined.startsWith('../') || joined === '..' ? undefined : joined;
    if (srcDir === undefined) {
      srcDirUnknown = { file: found.file, at: { line: 1, column: 1 }, reason: `srcDir '${config.srcDir}' is outside the repository` };
      unresolved.push(srcDirUnknown);
    }
  }

  const picomatch = await loadPicomatch();
  const pages = srcDir === undefined ? [] : sitePages(files, srcDir, config?.srcExclude ?? [], picomatch);
  const themeDir = `${found.root ? `${found.root}/` : ''}.vitepress/theme/`;
  const sources = new Map<string, ScriptFacts>();
  // Only a theme file with a glob call is parsed.
  const themeScript = reader.themeScript?.bind(reader) ?? (async (f: string) => ((await import('../parsers/theme-script.js')).GLOB_CALL.test((await reader.read(f)) ?? '') ? reader.script(f) : null));
  const themeFiles = files.filter((f) => f.startsWith(themeDir) && THEME_SOURCE.test(f) && !f.endsWith('.d.ts'));
  const themeFacts = await Promise.all(themeFiles.map((f) => themeScript(f)));
  themeFiles.forEach((f, i) => {
    const facts = themeFacts[i];
    if (facts) sources.set(f, facts);
  });
  const theme = srcDir === undefined ? { globs: [], unresolved: [] } : themeGlobs(sources, srcDir, files, (p) => picomatch(p, { dot: false }));
  unresolved.push(...theme.unresolved);

  const site = { srcDir: srcDir ?? '', files: fileSet };
  return {
    root: found.root,
    configFile: found.file,
    config,
    srcDir,
    ...(srcDirUnknown ? { srcDirUnknown } : {}),
    pages,
    themeGlobs: theme.globs,
    unresolved,
    resolve: srcDir === undefined ? () => ({ kind: 'unknown', reason: `the pages' folder (srcDir) of ${found.file} is not known` }) : memoResolve(site),
  };
}

/**
 * `resolveLink` over the site, each answer kept (and frozen: rules share it): the same links recur
 * on many pages, and every docs rule resolves them. A link that may be relative is kept per folder.
 */
function memoResolve(site: LinkSite): VitePressSite['resolve'] {
  const known = new Map<string, LinkTarget>();
  return (link, from) => {
    const key = from === undefined || link.trimStart().startsWith('/') ? link : `${path.posix.dirname(from)}\0${link}`;
    let target = known.get(key);
    if (!target) {
      target = resolveLink(link, from, site);
      if (target.kind === 'missing') Object.freeze(target.tried);
      known.set(key, Object.freeze(target));
    }
    return target;
  };
}

/** `**.md` under srcDir as VitePress collects them: no dot folders, node_modules, dist or srcExclude. */
function sitePages(files: readonly string[], srcDir: string, srcExclude: readonly string[], picomatch: GlobMatcher): string[] {
  const prefix = srcDir === '' ? '' : `${srcDir}/`;
  const excluded = srcExclude.length > 0 ? picomatch(srcExclude as string[]) : () => false;
  return files.filter((f) => {
    if (!f.startsWith(prefix) || !f.endsWith('.md')) return false;
    const rel = f.slice(prefix.length);
    return !rel.split('/').some((seg) => seg.startsWith('.') || seg === 'node_modules' || seg === 'dist') && !excluded(rel);
  });
}
