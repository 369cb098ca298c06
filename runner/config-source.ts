// Which config a run uses: the file given with --config, the one found at the root of the checked
// repo, or (--config-rev, for CI gates) the one of a trusted revision of that repo, read through
// git, with the checked-out config kept aside to be compared against it.
import path from 'node:path';
import { runsInCI } from './ci.js';
import { CONFIG_NAMES, EMPTY_CONFIG, findConfig, loadConfig, parseConfig, type Config } from './config.js';
import { UsageError } from './errors.js';
import { openGitFacts, RevError } from './git-facts.js';
import { allRuleMeta } from './registry.js';
import type { RuleMeta } from './types.js';
import { MAX_BASELINE_BYTES } from './baseline.js';
import { readRegularFile } from './user-files.js';

export interface ConfigRequest {
  /** `--config`, as typed. */
  configPath?: string;
  /** `--config-rev`: the trusted revision of the checked repo to read the config from. */
  configRev?: string;
  /**
   * The first folder given on the command line (its root holds the config); undefined when none
   * was given, and the config's `[repos.*]` make the workspace.
   */
  firstDir?: string;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** `--baseline`, absolute: with --config-rev, entries added since the trusted revision are reported. */
  baselinePath?: string;
  /** Rules beside the built-in ones (plugins, a program's own): the config may set them too. */
  extraRules?: readonly RuleMeta[];
}

/** With --config-rev: what the checked-out files say, to be compared with the trusted config. */
export interface TrustedComparison {
  rev: string;
  /** Root of the repo the trusted config was read from. */
  root: string;
  /** The checked-out config, when there is one. */
  current?: Config;
  /** The baseline at the trusted revision and in the work tree, when it exists at both. */
  baseline?: { file: string; trusted: string; current: string };
}

export interface ConfigChoice {
  config: Config;
  trusted?: TrustedComparison;
}

export async function chooseConfig(req: ConfigRequest): Promise<ConfigChoice> {
  const display = (file: string) => path.relative(req.cwd, file) || file;
  const known = async () => [...(await allRuleMeta()), ...(req.extraRules ?? [])];
  if (req.configRev !== undefined) {
    if (req.configPath !== undefined) throw new UsageError('--config-rev reads the config of the checked repository at a revision; it cannot be combined with --config');
    return readTrusted(req, req.configRev, await known(), display);
  }
  if (req.configPath !== undefined) {
    const file = path.resolve(req.cwd, req.configPath);
    return { config: await loadConfig(file, await known(), display(file), { named: true }) };
  }
  const home = path.resolve(req.cwd, req.firstDir ?? '.');
  const file = await findConfig(home);
  // Without a config no rule metadata is needed (a branch push stays cheap).
  if (!file) return { config: EMPTY_CONFIG };
  const rules = await known();
  // On a shared CI runner, a config that came with the checkout must not reach other checkouts: it
  // may not list them, and when folders are given, its entries for other folders do not apply.
  const confineReposTo = runsInCI(req.env) ? home : undefined;
  return { config: await loadConfig(file, rules, display(file), { confineReposTo, dropOutsideRepos: req.firstDir !== undefined }) };
}

async function readTrusted(req: ConfigRequest, rev: string, rules: readonly RuleMeta[], display: (file: string) => string): Promise<ConfigChoice> {
  const root = path.resolve(req.cwd, req.firstDir ?? '.');
  let git;
  try {
    git = await openGitFacts({ root, rev });
  } catch (err) {
    if (err instanceof RevError) throw new UsageError(err.message.replace(/^--rev /, '--config-rev '));
    throw err;
  }
  try {
    const commit = git.commit!;
    let config: Config = { ...EMPTY_CONFIG, displayFile: `the defaults (no config at ${rev})` };
    for (const name of CONFIG_NAMES) {
      const text = await git.readAt(commit, name);
      if (text === undefined) continue;
      config = await parseConfig(text, rules, { file: name, displayFile: `${name}@${rev}`, baseDir: root });
      break;
    }
    const currentFile = await findConfig(root);
    const current = currentFile ? await loadConfig(currentFile, rules, display(currentFile)) : undefined;
    let baseline: TrustedComparison['baseline'];
    const rel = req.baselinePath && path.relative(root, req.baselinePath);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
      const trusted = await git.readAt(commit, rel.split(path.sep).join('/'));
      // The checked-out baseline is repo content: no link is followed to it (as when it is applied).
      const now = await readRegularFile(req.baselinePath!, MAX_BASELINE_BYTES, 'refuse');
      if (trusted !== undefined && now.ok) baseline = { file: rel.split(path.sep).join('/'), trusted, current: now.text };
    }
    return { config, trusted: { rev, root, current, baseline } };
  } finally {
    git.close();
  }
}
