// Plugins by consent: JavaScript rules load only from what the user names on the command line
// (`--plugin`) or a program passes to `lint()` — an absolute path, or a package installed beside
// porgs-lint — never from a config file and never from inside a linted repository. A plugin is
// code with the user's rights: nothing here sandboxes it (docs/plugins.md).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UsageError } from './errors.js';
import type { PluginDefinition } from './plugin-api.js';
import { pluginProblem } from './plugin-check.js';
import { isWithin } from './paths.js';
import { ruleFromDefinition, type Rule, type RuleMeta } from './types.js';

/** A module to import (an absolute path or a package name), or a plugin a program already holds. */
export type PluginSpec = string | PluginDefinition;

export interface PluginFailure {
  /** The plugin as the user named it. */
  plugin: string;
  error: string;
}

export interface LoadedPlugins {
  rules: Rule[];
  /** Real paths of the modules imported, to keep them out of every linted repo. */
  files: string[];
  failures: PluginFailure[];
}

export const NO_PLUGINS: LoadedPlugins = { rules: [], files: [], failures: [] };

/** Group names no plugin may take: those of the built-in rules, and `local` (policies in the config). */
export function reservedGroups(builtIns: readonly Pick<RuleMeta, 'id'>[]): Set<string> {
  return new Set(['local', ...builtIns.map((r) => r.id.split('/')[0])]);
}

/** npm's package names (optionally scoped), without a path inside the package. */
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

export interface PluginRequest {
  /** How the caller names a spec in messages: `--plugin <spec>` or `plugins: <spec>`. */
  label: (spec: string) => string;
  /** Folders of the linted repositories: no plugin module may lie inside one. */
  repoFolders: readonly string[];
  reserved: ReadonlySet<string>;
}

const realOrSelf = (p: string) => fs.realpath(p).catch(() => p);

/** Absolute paths of `file` as given and as the file system resolves it. */
async function bothPaths(file: string): Promise<string[]> {
  return [...new Set([file, await realOrSelf(file)])];
}

/** A usage error when `file` lies inside a linted repository (as written or through links). */
export async function refuseInsideRepos(file: string, repoFolders: readonly string[], label: string): Promise<void> {
  const paths = await bothPaths(file);
  for (const folder of repoFolders) {
    const roots = await bothPaths(path.resolve(folder));
    if (paths.some((p) => roots.some((root) => isWithin(p, root)))) {
      throw new UsageError(
        `${label}: ${file} lies inside ${folder}, a repository being linted; porgs-lint never runs code from a checked repository: install the plugin outside it and name that path`,
      );
    }
  }
}

/** The module file a string spec names; a usage error for a spec that could be steered by a repo. */
function moduleFile(spec: string, label: string): string {
  if (path.isAbsolute(spec)) return path.normalize(spec);
  if (!PACKAGE_NAME.test(spec) || spec.length > 214) {
    throw new UsageError(`${label}: give an absolute path or the name of a package installed beside porgs-lint; a relative path is refused, so that a plugin is never taken from the folder being linted`);
  }
  // Resolved from porgs-lint's own folder, as an import in porgs-lint would be: beside it, never
  // from the working directory.
  const url = import.meta.resolve(spec);
  if (!url.startsWith('file:')) throw new Error(`${spec} is not a package installed beside porgs-lint`);
  return fileURLToPath(url);
}

async function importPlugin(spec: string, req: PluginRequest): Promise<{ plugin: PluginDefinition; file: string }> {
  const label = req.label(spec);
  let file: string;
  try {
    file = moduleFile(spec, label);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new Error(`cannot find it beside porgs-lint (${(err as Error).message.split('\n')[0]}); install it next to porgs-lint or give its absolute path`);
  }
  await refuseInsideRepos(file, req.repoFolders, label);
  const real = await realOrSelf(file);
  const mod = (await import(pathToFileURL(real).href)) as { default?: unknown };
  const problem = pluginProblem(mod.default);
  if (problem) throw new Error(problem);
  return { plugin: mod.default as PluginDefinition, file: real };
}

/** A plugin's rules, with ids `<plugin>/<rule>` and the plugin's doc addresses. */
export function pluginRules(plugin: PluginDefinition): Rule[] {
  return Object.entries(plugin.rules).map(([name, def]) => ({
    ...ruleFromDefinition(`${plugin.name}/${name}`, def),
    docs: undefined,
    plugin: { name: plugin.name, ...(plugin.docsUrl ? { docsUrl: plugin.docsUrl.replaceAll('{rule}', name) } : {}) },
  }));
}

/**
 * Imports and checks the plugins. One that fails to load is a failure to report (its rules do not
 * run); a spec that could reach into a linted repo, or two plugins (or a plugin and the built-in
 * rules) claiming the same ids, is a usage error.
 */
export async function loadPlugins(specs: readonly PluginSpec[], req: PluginRequest): Promise<LoadedPlugins> {
  const out: LoadedPlugins = { rules: [], files: [], failures: [] };
  const owners = new Map<string, string>();
  for (const [i, spec] of specs.entries()) {
    const named = typeof spec === 'string' ? spec : `plugins[${i}] (${String((spec as { name?: unknown })?.name)})`;
    let plugin: PluginDefinition;
    try {
      if (typeof spec === 'string') {
        const loaded = await importPlugin(spec, req);
        plugin = loaded.plugin;
        out.files.push(loaded.file);
      } else {
        const problem = pluginProblem(spec);
        if (problem) throw new Error(problem);
        plugin = spec;
      }
    } catch (err) {
      if (err instanceof UsageError) throw err;
      out.failures.push({ plugin: named, error: err instanceof Error ? err.message : String(err) });
      continue;
    }
    const label = req.label(named);
    if (req.reserved.has(plugin.name)) {
      throw new UsageError(`${label}: plugin name "${plugin.name}" is taken by porgs-lint's own rules (${plugin.name}/...); rule ids must stay unique: rename the plugin`);
    }
    const other = owners.get(plugin.name);
    if (other !== undefined) {
      throw new UsageError(`${label}: plugin name "${plugin.name}" is also the name of ${req.label(other)}; their rule ids would collide: load only one of them`);
    }
    owners.set(plugin.name, named);
    out.rules.push(...pluginRules(plugin));
  }
  return out;
}

/** How plugins are named in messages: as the user gave them. */
export const pluginLabel = (spec: string) => `plugin ${spec}`;

/**
 * The plugins of a run, checked against the folders known before the config is read: the folders
 * given, else the working directory (where the config is found). Repos as data have no folder.
 */
export async function pluginsForRun(specs: readonly PluginSpec[] | undefined, folders: readonly string[]): Promise<LoadedPlugins> {
  if (!specs?.length) return NO_PLUGINS;
  const { allRuleMeta } = await import('./registry.js');
  return loadPlugins(specs, { label: pluginLabel, repoFolders: folders, reserved: reservedGroups(await allRuleMeta()) });
}

/**
 * The plugins' rules for what writes no report (`--list-rules`, `explain`): a plugin that fails to
 * load is a usage error there, as there is no report to carry the meta/internal-error finding.
 */
export async function pluginRulesOrFail(specs: readonly PluginSpec[], folders: readonly string[]): Promise<Rule[]> {
  const loaded = await pluginsForRun(specs, folders);
  const failed = loaded.failures[0];
  if (failed) throw new UsageError(`${pluginLabel(failed.plugin)} could not be loaded: ${failed.error}`);
  return loaded.rules;
}
