// Entry of `porgs-lint pre-push <remote> <url>` and `porgs-lint hook ...`. Static imports stay
// minimal (node builtins, git): a branch-only push must cost little more than starting node.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { visible } from '../runner/escape.js';
import { openGitFacts, type GitFacts } from '../runner/git-facts.js';
import { findWorkTreeRoot } from '../runner/git-locate.js';
import { TOOL } from '../runner/tool.js';
import type { Diagnostic, RepoKind, RunResult, Severity } from '../runner/types.js';
import { summarize } from '../runner/types.js';
import { DEFAULT_POLICY, type ReleasePolicy } from '../runner/policy.js';
import { detectKind } from '../runner/workspace.js';
import { HookUsageError, install, snippet, uninstall } from './install.js';
import { parsePushLines, ProtocolError, updatesFromPreCommitEnv, type PushUpdate } from './protocol.js';
import { checkPush, type HookFinding, type PushContext } from './push-checks.js';

export interface HookIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const ESCAPE_HATCH = 'to push anyway: PORGS_LINT_SKIP=1 git push ... (or git push --no-verify)';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  if ((stream as { isTTY?: boolean }).isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export async function hookMain(argv: string[], io: HookIO): Promise<number> {
  const err = (s: string) => io.stderr.write(`porgs-lint: ${visible(s)}\n`);
  try {
    if (argv[0] === 'hook') return await hookCommand(argv.slice(1), io);
    return await prePush(argv.slice(1), io);
  } catch (e) {
    if (e instanceof HookUsageError || e instanceof ProtocolError) {
      err(e.message);
      return 2;
    }
    err(`pre-push hook failed: ${e instanceof Error ? e.message : String(e)}; the push is blocked (fail closed); ${ESCAPE_HATCH}`);
    return 2;
  }
}

async function hookCommand(args: string[], io: HookIO): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'install') {
    io.stdout.write(`porgs-lint: ${visible(await install(io.cwd, { force: rest.includes('--force'), chain: rest.includes('--chain') }))}\n`);
    return 0;
  }
  if (sub === 'uninstall') {
    io.stdout.write(`porgs-lint: ${visible(await uninstall(io.cwd))}\n`);
    return 0;
  }
  if (sub === 'print') {
    io.stdout.write(snippet(rest[0] ?? ''));
    return 0;
  }
  throw new HookUsageError('usage: porgs-lint hook install [--chain|--force] | uninstall | print husky|lefthook|pre-commit');
}

async function prePush(args: string[], io: HookIO): Promise<number> {
  if (io.env.PORGS_LINT_SKIP === '1') {
    io.stderr.write('porgs-lint: pre-push checks skipped (PORGS_LINT_SKIP=1)\n');
    return 0;
  }
  const flags = args.filter((a) => a.startsWith('--'));
  const [remote = 'origin'] = args.filter((a) => !a.startsWith('--'));
  const format = flags.includes('--format=json') || args[args.indexOf('--format') + 1] === 'json' ? 'json' : 'pretty';
  // git runs the hook from the work tree root; found from .git as data, without asking git.
  const root = findWorkTreeRoot(io.cwd);
  if (root === undefined) throw new HookUsageError('pre-push must run inside a git work tree');
  let updates = parsePushLines(await readAll(io.stdin));
  if (updates.length === 0) updates = updatesFromPreCommitEnv(io.env);
  if (updates.length === 0) return 0;
  const git = await openGitFacts({ root, refsOnly: true });
  try {
    if (!git.available) throw new Error(`cannot read the repository: ${git.reason}`);
    return await checkAndReport(root, remote, format, git, updates, flags, io);
  } finally {
    git.close();
  }
}

async function checkAndReport(
  root: string,
  remote: string,
  format: 'json' | 'pretty',
  git: GitFacts,
  updates: PushUpdate[],
  flags: string[],
  io: HookIO,
): Promise<number> {
  const kind = (await detectKind(async (p) => existsSync(path.join(root, p))))?.kind ?? 'wrapper';
  const settings = await hookSettings(root, kind);
  const ctx: PushContext = {
    git,
    root,
    remote,
    kind,
    policy: settings.policy,
    verifySignatures: flags.includes('--verify-signatures') || settings.verifySignatures,
    severityOf: settings.severityOf,
    releaseRules: (commit, tag) => releaseRules(root, kind, commit, tag),
  };
  const findings = await checkPush(ctx, updates);
  const diagnostics = toDiagnostics(findings, path.basename(root), settings.severityOf);
  if (diagnostics.length === 0 && format === 'pretty') return 0;
  const result = runResult(root, kind, remote, diagnostics);
  if (format === 'json') io.stdout.write((await import('../reporters/json.js')).json(result, { color: false, cwd: io.cwd }));
  else {
    const { pretty, shouldColor } = await import('../reporters/pretty.js');
    io.stderr.write(pretty(result, { color: shouldColor(io.stderr as { isTTY?: boolean }, io.env), cwd: io.cwd }));
  }
  if (result.summary.errors > 0) {
    io.stderr.write(`porgs-lint: push blocked; ${ESCAPE_HATCH}\n`);
    return 1;
  }
  return 0;
}

interface HookSettings {
  severityOf: (id: string) => Severity | 'off';
  verifySignatures: boolean;
  policy: ReleasePolicy;
}

/** Severities, release branch and tag pattern: the runner's defaults, then the repo's config if it has one. */
async function hookSettings(root: string, kind: RepoKind): Promise<HookSettings> {
  const { HOOK_CHECKS } = await import('./checks.js');
  const defaults = new Map(HOOK_CHECKS.map((c) => [c.id, c]));
  const { findConfig, loadConfig, ruleSetting } = await import('../runner/config.js');
  const file = await findConfig(root);
  if (!file) {
    return {
      severityOf: (id) => defaults.get(id)?.severity ?? 'error',
      verifySignatures: false,
      policy: DEFAULT_POLICY[kind],
    };
  }
  const { allRuleMeta } = await import('../runner/registry.js');
  const config = await loadConfig(file, await allRuleMeta(), path.basename(file));
  const kindSettings = config.kinds[kind];
  return {
    severityOf: (id) => (defaults.has(id) ? ruleSetting(config, defaults.get(id)!, kind).severity : 'error'),
    verifySignatures: config.hook.verifySignatures,
    policy: {
      ...DEFAULT_POLICY[kind],
      releaseBranches: kindSettings?.releaseBranches ?? DEFAULT_POLICY[kind].releaseBranches,
      releaseTag: kindSettings?.releaseTag ?? DEFAULT_POLICY[kind].releaseTag,
    },
  };
}

async function releaseRules(root: string, kind: RepoKind, commit: string, tag: string): Promise<HookFinding[]> {
  const [{ lint }, { defaultCacheDir }] = await Promise.all([import('../runner/run.js'), import('../runner/parse-cache.js')]);
  const result = await lint({ dirs: [root], rev: commit, mode: 'release', kind, env: {}, cacheDir: defaultCacheDir(process.env) });
  return result.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({
      checkId: 'hook/tag-release-rules',
      input: { path: d.location.path, at: d.location, message: `${d.message} [${d.ruleId} on tag ${tag}]`, key: d.fingerprint },
    }));
}

function toDiagnostics(findings: HookFinding[], repo: string, severityOf: (id: string) => Severity | 'off'): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const configured = severityOf(f.checkId);
    if (configured === 'off') continue;
    const severity = f.severity === 'note' ? 'note' : configured;
    out.push({
      ruleId: f.checkId,
      severity,
      message: f.input.message,
      location: { repo, path: f.input.path, line: f.input.at?.line ?? 1, column: f.input.at?.column ?? 1, ...f.ref },
      fingerprint: createHash('sha256').update(`${f.checkId}\0${f.input.key ?? f.input.message}`).digest('hex').slice(0, 32),
    });
  }
  return out;
}

function runResult(root: string, kind: RepoKind, remote: string, diagnostics: Diagnostic[]): RunResult {
  const summary = summarize(diagnostics);
  const now = new Date().toISOString();
  return {
    tool: TOOL,
    repos: [{ name: path.basename(root), root, displayPath: '.', kind, kindReason: 'detected', mode: 'release', modeReason: `pre-push to ${remote}` }],
    diagnostics,
    rules: [],
    summary,
    readFile: () => undefined,
    startTime: now,
    endTime: now,
    executionSuccessful: true,
  };
}
