// The repo model: one function turns a repo root (its work tree, or a revision with --rev) into
// everything a run needs: kind and why, the config's settings for that kind, the release policy,
// git facts, the source files are read from, mode and why. `lint`, `explain` and the pre-push hook
// all start from it, so a kind, a policy or a mode is decided in one place.
import path from 'node:path';
import type { Config, KindSettings, RepoEntry } from './config.js';
import { UsageError } from './errors.js';
import { openGitFacts, RevError, type GitFacts } from './git-facts.js';
import { decideMode } from './mode.js';
import { policyFor, type ReleasePolicy } from './policy.js';
import { GitRevisionSource, WorktreeSource, type Source } from './source.js';
import type { Mode, RepoInfo, RepoKind } from './types.js';
import { REPO_KINDS } from './types.js';
import { detectKind } from './workspace.js';

export interface RepoRequest {
  /** Absolute root of the repo. */
  root: string;
  /** The folder as the user wrote it, for messages. */
  dir: string;
  /** Display name, unique within the run. */
  name: string;
  /** Reports show paths relative to this folder. */
  cwd: string;
  config: Config;
  env: Readonly<Record<string, string | undefined>>;
  rev?: string;
  /** A kind forced on the command line, and how to say so. */
  kind?: { kind: RepoKind; source: string };
  /** A mode forced on the command line (or by the caller), and how to say so. */
  mode?: { mode: Mode; source: string };
  /** Only refs and objects are needed (the pre-push hook): HEAD may be a branch without commits. */
  refsOnly?: boolean;
  /** How to tell the user to name the kind when it cannot be detected. */
  kindHint?: string;
  /** The config that brought this repo into the workspace, as shown in messages. */
  namedBy?: string;
  /** Files and git facts given by the caller (an in-memory repo) instead of read from `root`. */
  provided?: { source?: Source; git: GitFacts };
}

export interface RepoModel {
  info: RepoInfo;
  git: GitFacts;
  source: Source;
  /** The config's `[kinds.<kind>]` settings, when it has some. */
  settings?: KindSettings;
  policy: ReleasePolicy;
}

/** The config's `[repos.*]` entry for a folder, if any. */
export const configEntry = (config: Config, root: string): RepoEntry | undefined => config.repos.find((e) => e.path === root);

async function kindOf(req: RepoRequest, source: Source, entry: RepoEntry | undefined): Promise<{ kind: RepoKind; reason: string }> {
  if (req.kind) return { kind: req.kind.kind, reason: req.kind.source };
  if (entry?.kind) return { kind: entry.kind, reason: `kind = "${entry.kind}" in config` };
  const found = await detectKind(async (p) => {
    const parent = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
    return (await source.list(parent)).some((e) => e.path === p);
  });
  if (found) return found;
  throw new UsageError(
    `${req.dir}: cannot tell which Exegol repository this is (no marker file found); ${req.kindHint ?? `pass --kind ${REPO_KINDS.join('|')}`}`,
  );
}

/** Resolves a repo root; the caller closes `git`. Throws a UsageError for a bad --rev or an unknown kind. */
export async function resolveRepo(req: RepoRequest): Promise<RepoModel> {
  let git: GitFacts;
  try {
    git = req.provided?.git ?? (await openGitFacts({ root: req.root, rev: req.rev, refsOnly: req.refsOnly }));
  } catch (err) {
    if (err instanceof RevError) throw new UsageError(err.message);
    throw err;
  }
  try {
    const source: Source = req.provided?.source ?? (req.rev ? new GitRevisionSource(git) : new WorktreeSource(req.root));
    const entry = configEntry(req.config, req.root);
    const { kind, reason: kindReason } = await kindOf(req, source, entry);
    const settings = req.config.kinds[kind];
    const policy = policyFor(kind, settings);
    const forced = req.mode ?? (entry?.mode ? { mode: entry.mode, source: `mode = "${entry.mode}" in config` } : undefined);
    const { mode, reason } = await decideMode({ flag: forced?.mode, flagSource: forced?.source, git, env: req.env, policy });
    const info: RepoInfo = {
      name: req.name,
      root: req.root,
      displayPath: path.relative(req.cwd, req.root) || '.',
      kind,
      kindReason,
      mode,
      modeReason: reason,
      rev: req.rev,
      commit: git.commit || undefined,
      ...(req.namedBy ? { namedBy: req.namedBy } : {}),
    };
    return { info, git, source, settings, policy };
  } catch (err) {
    git.close();
    throw err;
  }
}
