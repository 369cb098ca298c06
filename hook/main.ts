// Entry of `porgs-lint pre-push <remote> <url>` and `porgs-lint hook ...`. Static imports stay
// minimal (node builtins, git): a branch-only push must cost little more than starting node.
// The hook is a client of the runner: the repo model gives it kind, config, policy and git facts;
// findings become diagnostics with the runner's fingerprint and result builder.
import path from 'node:path';
import type { Config } from '../runner/config.js';
import { chooseConfig } from '../runner/config-source.js';
import { visible, visibleLines } from '../runner/escape.js';
import { fingerprint } from '../runner/fingerprint.js';
import { findWorkTreeRoot } from '../runner/git-locate.js';
import type { CliIO } from '../runner/main.js';
import { resolveRepo, type RepoModel } from '../runner/repo-model.js';
import { runResult } from '../runner/result.js';
import type { Diagnostic, RepoKind, Severity } from '../runner/types.js';
import { REPO_KINDS } from '../runner/types.js';
import { UsageError } from '../runner/errors.js';
import { TAG_RELEASE_RULES, type HookCheck } from './checks.js';
import { HookUsageError } from './setup.js';
import { SKIP_HINT } from './launcher.js';
import { parsePushLines, preCommitRef, ProtocolError, updateFromPreCommit, type PreCommitRef, type PushUpdate } from './protocol.js';
import { checkPush, type HookFinding, type PushContext } from './push-checks.js';
import { hookFinding } from './push-context.js';

const ESCAPE_HATCH = SKIP_HINT;
/** git runs pre-push with empty input when there is nothing to push; a manager that drops the input looks the same. */
export const NO_REFS = "received no refs; if you pushed something, your hook manager does not forward git's input: run porgs-lint hook doctor";
export const PRE_COMMIT_NO_REF =
  'pre-commit passed no ref (it passes none for a tag on commits the remote has, a deletion, or a first push of a whole history); "porgs-lint hook install" lets porgs-lint see every ref: run porgs-lint hook doctor';
export const PRE_COMMIT_ONE_REF =
  'run from .pre-commit-config.yaml: pre-commit passes one ref per push, and none for a tag on commits the remote has or a deletion; "porgs-lint hook install" lets porgs-lint see every ref';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  if ((stream as { isTTY?: boolean }).isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export async function hookMain(argv: string[], io: CliIO): Promise<number> {
  const err = (s: string) => io.stderr.write(`porgs-lint: ${visible(s)}\n`);
  try {
    if (argv[0] === 'hook') return await hookCommand(argv.slice(1), io);
    return await prePush(argv.slice(1), io);
  } catch (e) {
    if (e instanceof HookUsageError || e instanceof ProtocolError || e instanceof UsageError) {
      err(e.message);
      return 2;
    }
    err(`pre-push hook failed: ${e instanceof Error ? e.message : String(e)}; the push is blocked (fail closed); ${ESCAPE_HATCH}`);
    return 2;
  }
}

const HOOK_USAGE = 'usage: porgs-lint hook install | uninstall | doctor | print husky|lefthook|pre-commit';

async function hookCommand(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  const say = (lines: string[]) => io.stdout.write(lines.map((l) => `porgs-lint: ${visibleLines(l)}\n`).join(''));
  if (sub === 'install') {
    if (rest.includes('--chain') || rest.includes('--force')) {
      throw new HookUsageError(`hook install ${rest.join(' ')}: no longer needed; hook install adds porgs-lint the way the hook manager in place expects, or prints what to add`);
    }
    const { install } = await import('./install.js');
    const { code, lines } = await install(io.cwd);
    say(lines);
    return code;
  }
  if (sub === 'uninstall') {
    say(await (await import('./install.js')).uninstall(io.cwd));
    return 0;
  }
  if (sub === 'doctor') {
    const { code, lines } = await (await import('./doctor.js')).doctor(io.cwd, io.env);
    say(lines);
    return code;
  }
  if (sub === 'which') {
    // Asked by the launcher of a hook whose recorded porgs-lint is gone: prints the CLI to run.
    const [{ which }, { CLI }] = await Promise.all([import('./which.js'), import('./install.js')]);
    const found = which(io.cwd, CLI);
    if (found.note) io.stderr.write(`porgs-lint: ${visible(found.note)}\n`);
    io.stdout.write(`${found.cli}\n`);
    return 0;
  }
  if (sub === 'print') {
    io.stdout.write((await import('./install.js')).snippet(rest[0] ?? ''));
    return 0;
  }
  throw new HookUsageError(HOOK_USAGE);
}

/** The value of `--name value` or `--name=value` among the hook's arguments. */
function flagValue(args: string[], name: string): string | undefined {
  const eq = args.find((a) => a.startsWith(`${name}=`));
  if (eq) return eq.slice(name.length + 1);
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function prePush(args: string[], io: CliIO): Promise<number> {
  if (io.env.PORGS_LINT_SKIP === '1') {
    io.stderr.write('porgs-lint: pre-push checks skipped (PORGS_LINT_SKIP=1)\n');
    return 0;
  }
  const format = flagValue(args, '--format') === 'json' ? 'json' : 'pretty';
  const kindFlag = flagValue(args, '--kind');
  if (kindFlag !== undefined && !REPO_KINDS.includes(kindFlag as RepoKind)) throw new HookUsageError(`--kind ${kindFlag}: expected one of ${REPO_KINDS.join(', ')}`);
  const valued = new Set(['--format', '--kind'].flatMap((f) => (args.includes(f) ? [args[args.indexOf(f) + 1]] : [])));
  const [argRemote = 'origin'] = args.filter((a) => !a.startsWith('--') && !valued.has(a));
  // git runs the hook from the work tree root; found from .git as data, without asking git.
  const root = findWorkTreeRoot(io.cwd);
  if (root === undefined) throw new HookUsageError('pre-push must run inside a git work tree');
  const lines = parsePushLines(await readAll(io.stdin));
  const fromPreCommit = lines.length === 0 ? preCommitRef(io.env) : undefined;
  if (lines.length === 0 && fromPreCommit === undefined) {
    io.stderr.write(`porgs-lint: ${io.env.PRE_COMMIT === '1' ? PRE_COMMIT_NO_REF : NO_REFS}\n`);
    return 0;
  }
  if (fromPreCommit) io.stderr.write(`porgs-lint: ${PRE_COMMIT_ONE_REF}\n`);
  const remote = fromPreCommit?.remote ?? argRemote;
  const { config } = await chooseConfig({ firstDir: root, cwd: io.cwd, env: io.env });
  const model = await resolveRepo({
    root,
    dir: path.relative(io.cwd, root) || '.',
    name: path.basename(root),
    cwd: io.cwd,
    config,
    env: io.env,
    refsOnly: true,
    kind: kindFlag ? { kind: kindFlag as RepoKind, source: '--kind' } : undefined,
    mode: { mode: 'release', source: `pre-push to ${remote}` },
    kindHint: `add --kind ${REPO_KINDS.join('|')} to the porgs-lint pre-push command of the hook, or set kind in the config's [repos.*] entry for this folder; the push is blocked until then`,
  });
  try {
    if (!model.git.available) throw new Error(`cannot read the repository: ${model.git.reason}`);
    const updates = fromPreCommit ? [updateFromPreCommit(fromPreCommit, remoteOidOf(model, remote, fromPreCommit))] : lines;
    return await checkAndReport(model, config, remote, format, updates, args.includes('--verify-signatures'), io);
  } finally {
    model.git.close();
  }
}

/**
 * What the remote had for a ref pre-commit describes, as this clone last saw it: the
 * remote-tracking branch (read from the refs, no process). A tag's remote state is not recorded
 * locally; pre-commit passes a tag only with commits the remote lacks, so it is taken as new.
 */
function remoteOidOf(model: RepoModel, remote: string, ref: PreCommitRef): string | undefined {
  const branch = ref.remoteRef.startsWith('refs/heads/') ? ref.remoteRef.slice('refs/heads/'.length) : undefined;
  if (branch === undefined) return undefined;
  return model.git.branchTips(branch).find((t) => t.ref === `${remote}/${branch}`)?.oid;
}

async function checkAndReport(
  model: RepoModel,
  config: Config,
  remote: string,
  format: 'json' | 'pretty',
  updates: PushUpdate[],
  verifyFlag: boolean,
  io: CliIO,
): Promise<number> {
  const startTime = new Date().toISOString();
  const { root, kind } = model.info;
  const severityOf = await checkSeverities(config, kind);
  const ctx: PushContext = {
    git: model.git,
    root,
    remote,
    kind,
    policy: model.policy,
    verifySignatures: verifyFlag || config.hook.verifySignatures,
    severityOf,
    releaseRules: (commit, tag) => releaseRules(root, kind, config, commit, tag),
  };
  const findings = await checkPush(ctx, updates);
  const diagnostics = await toDiagnostics(findings, model.info.name, severityOf);
  if (diagnostics.length === 0 && format === 'pretty') return 0;
  const result = runResult({ repos: [model.info], diagnostics, startTime });
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

/** The configured severity of each pre-push check (the runner's rule settings). */
async function checkSeverities(config: Config, kind: RepoKind): Promise<(check: HookCheck) => Severity | 'off'> {
  const { ruleSetting } = await import('../runner/config.js');
  return (check) => ruleSetting(config, check, kind).severity;
}

async function releaseRules(root: string, kind: RepoKind, config: Config, commit: string, tag: string): Promise<HookFinding[]> {
  const [{ lint }, { defaultCacheDir }] = await Promise.all([import('../runner/run.js'), import('../runner/parse-cache.js')]);
  const result = await lint({ dirs: [root], rev: commit, mode: 'release', kind, config, env: {}, cacheDir: defaultCacheDir(process.env) });
  return releaseRuleFindings(result.diagnostics, tag);
}

/** The errors of the release rules run on a tag's commit, as findings of `hook/tag-release-rules`. */
export function releaseRuleFindings(diagnostics: readonly Diagnostic[], tag: string): HookFinding[] {
  return diagnostics
    .filter((d) => d.severity === 'error')
    .map(({ ruleId, messageId, message, fingerprint: ruleFingerprint, suggestion, location: { path, line, column, endLine, endColumn } }) =>
      hookFinding(TAG_RELEASE_RULES, {
        path,
        at: { line, column, ...(endLine !== undefined ? { endLine } : {}), ...(endColumn !== undefined ? { endColumn } : {}) },
        messageId: 'releaseRuleFailed',
        data: { rule: ruleId, tag, message, ruleMessageId: messageId, ruleFingerprint },
        ...(suggestion ? { suggestion } : {}),
      }),
    );
}

/** Findings as the runner's diagnostics: the message rendered from the check's template, the fingerprint from its identity data. */
export async function toDiagnostics(findings: HookFinding[], repo: string, severityOf: (check: HookCheck) => Severity | 'off'): Promise<Diagnostic[]> {
  if (findings.length === 0) return [];
  // Loaded only when there is something to report: a clean push stays close to node's start-up.
  const { rawFinding } = await import('../runner/context.js');
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const configured = severityOf(f.check);
    if (configured === 'off') continue;
    const raw = rawFinding(f.check, f.unverified === 'note' ? 'note' : configured, repo, f.input, f.unverified !== undefined);
    const { line = 1, column = 1, endLine, endColumn } = raw.at ?? {};
    out.push({
      ruleId: raw.ruleId,
      severity: raw.severity,
      messageId: raw.messageId,
      data: raw.data,
      message: raw.message,
      location: { repo, path: raw.path, line, column, ...(endLine !== undefined ? { endLine } : {}), ...(endColumn !== undefined ? { endColumn } : {}), ...f.ref },
      ...(raw.suggestion ? { suggestion: raw.suggestion } : {}),
      ...(raw.unverified ? { unverified: true as const } : {}),
      fingerprint: fingerprint(raw.ruleId, raw.path, raw.messageId, raw.identity),
    });
  }
  return out;
}
