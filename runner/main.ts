// The lint command: arguments -> lint() -> outputs -> exit code.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { UsageError, didYouMean } from './errors.js';
import { chooseCacheDir } from './parse-cache.js';
import { guardedRoots, parseFormat, writeOutputs, type OutputSpec } from './outputs.js';
import { visible, visibleLines } from './escape.js';
import { TOOL } from './tool.js';
import type { Mode, RepoKind, RunResult } from './types.js';
import { MODES, REPO_KINDS, summarize } from './types.js';

export interface CliIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export const HELP = `Usage: porgs-lint [options] [repo-dir...]
       porgs-lint explain <rule-id> [repo-dir...]
       porgs-lint init [dir]                              (a commented starter porgs-lint.toml)
       porgs-lint pre-push <remote-name> <remote-url>     (the git pre-push hook; reads git's stdin)
       porgs-lint hook install|uninstall|print <manager>

Lints checkouts of the Exegol repositories (wrapper, images, docs, resources) against their
release checklist. Nothing from the checked repo is ever executed: files are parsed.

Options:
  --mode auto|release|dev   release or dev rules (default auto: tag, branch, then CI variables)
  --rev <rev>               read files from this commit with git, without a checkout
  --kind <kind>             wrapper|images|docs|resources (default: detected from files)
  --format <fmt>[=<file>]   pretty|json|sarif|github; repeatable; {repo} in a file name writes one per repo
  -o, --output <file>       write the (single) format without a file name to <file>
  --rule <id>               run only this rule; repeatable
  --today YYYY-MM-DD        the date for date rules (default: today)
  --config <file>           porgs-lint.toml|.yaml|.yml|.json (default: found at the repo root)
  --plugin <module>         load the rules of a plugin: an absolute path, or a package installed
                            beside porgs-lint; repeatable. A plugin is code that runs with your
                            rights; no config file can name one (docs/plugins.md)
  --config-rev <rev>        for CI gates: use the config of this trusted revision (a pull request's
                            base) of the repo, and report how the checked-out config and baseline
                            relax it (meta/config-relaxed)
  --max-warnings <n>        exit 1 when there are more than n warnings
  --baseline <file>         report only findings not recorded in this baseline
  --write-baseline <file>   record the current findings as the baseline and exit 0
  --prune-baseline          with --baseline: drop entries of fixed findings from the file
  --exit-zero               exit 0 even with findings (2 still means a broken run)
  --fail-on-unverified      exit 1 when a rule could not verify something ("cannot verify" notes)
  --cache-dir <dir>         where parsed shell scripts are cached between runs
                            (default: $PORGS_LINT_CACHE_DIR, else $XDG_CACHE_HOME/porgs-lint or
                            ~/.cache/porgs-lint; in CI (CI set) there is none: give --cache-dir)
  --no-cache                parse everything again and write no cache
  --no-color                no colours (also NO_COLOR=1; FORCE_COLOR=1 forces them)
  --list-rules              list every rule, and the config's policies, with their kinds, modes
                            and default severity
  -v, --version             print the version
  -h, --help                print this help

Exit codes: 0 clean (or only warnings within --max-warnings), 1 findings, 2 usage, config or internal error.
`;

export interface ParsedArgs {
  positionals: string[];
  mode: Mode | 'auto';
  rev?: string;
  kind?: RepoKind;
  formats: OutputSpec[];
  rules: string[];
  plugins: string[];
  today?: string;
  config?: string;
  configRev?: string;
  maxWarnings?: number;
  baseline?: string;
  writeBaseline?: string;
  pruneBaseline: boolean;
  exitZero: boolean;
  failOnUnverified: boolean;
  cache: boolean;
  cacheDir?: string;
  color?: boolean;
  listRules: boolean;
  version: boolean;
  help: boolean;
}

export function parseCliArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        mode: { type: 'string' },
        rev: { type: 'string' },
        kind: { type: 'string' },
        format: { type: 'string', multiple: true },
        output: { type: 'string', short: 'o' },
        rule: { type: 'string', multiple: true },
        plugin: { type: 'string', multiple: true },
        today: { type: 'string' },
        config: { type: 'string' },
        'config-rev': { type: 'string' },
        'max-warnings': { type: 'string' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
        'prune-baseline': { type: 'boolean' },
        'exit-zero': { type: 'boolean' },
        'fail-on-unverified': { type: 'boolean' },
        'no-cache': { type: 'boolean' },
        'cache-dir': { type: 'string' },
        'no-color': { type: 'boolean' },
        color: { type: 'boolean' },
        'list-rules': { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]}; see porgs-lint --help`);
  }
  const v = parsed.values;
  const mode = (v.mode ?? 'auto') as Mode | 'auto';
  if (mode !== 'auto' && !MODES.includes(mode)) throw new UsageError(`--mode ${mode}: use auto, release or dev${didYouMean(mode, ['auto', ...MODES])}`);
  if (v.kind !== undefined && !REPO_KINDS.includes(v.kind as RepoKind)) {
    throw new UsageError(`--kind ${v.kind}: use ${REPO_KINDS.join(', ')}${didYouMean(v.kind, REPO_KINDS)}`);
  }
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(v['max-warnings'])) throw new UsageError(`--max-warnings ${v['max-warnings']}: expected a whole number`);
    maxWarnings = Number(v['max-warnings']);
  }
  const formats = (v.format ?? ['pretty']).map((f) => parseFormat(f));
  if (v.output !== undefined) {
    const unnamed = formats.filter((f) => !f.file);
    if (unnamed.length !== 1) throw new UsageError('-o/--output needs exactly one --format without "=file"');
    unnamed[0].file = v.output;
    unnamed[0].label = `-o ${v.output}`;
  }
  const toStdout = formats.filter((f) => !f.file);
  if (toStdout.length > 1) {
    throw new UsageError(`--format ${toStdout.map((f) => f.format).join(', --format ')}: only one format can go to standard output; give the others a file (--format ${toStdout[1].format}=<file>)`);
  }
  if (v['prune-baseline'] && !v.baseline) throw new UsageError('--prune-baseline needs --baseline <file>');
  return {
    positionals: parsed.positionals,
    mode,
    rev: v.rev,
    kind: v.kind as RepoKind | undefined,
    formats,
    rules: v.rule ?? [],
    plugins: v.plugin ?? [],
    today: v.today,
    config: v.config,
    configRev: v['config-rev'],
    maxWarnings,
    baseline: v.baseline,
    writeBaseline: v['write-baseline'],
    pruneBaseline: Boolean(v['prune-baseline']),
    exitZero: Boolean(v['exit-zero']),
    failOnUnverified: Boolean(v['fail-on-unverified']),
    cache: !v['no-cache'],
    cacheDir: v['cache-dir'],
    color: v['no-color'] ? false : v.color ? true : undefined,
    listRules: Boolean(v['list-rules']),
    version: Boolean(v.version),
    help: Boolean(v.help),
  };
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const out = (s: string) => io.stdout.write(s);
  try {
    const args = parseCliArgs(argv);
    if (args.help) return out(HELP), 0;
    if (args.version) return out(`${TOOL.version}\n`), 0;
    if (args.listRules) return out(visibleLines(await (await import('./cli-rules.js')).listRules(args, io))), 0;
    if (args.positionals[0] === 'explain') return out(visibleLines(await (await import('./cli-rules.js')).explain(args, io))), 0;
    if (args.positionals[0] === 'init') {
      if (args.positionals.length > 2) throw new UsageError('init takes one folder: porgs-lint init [dir]');
      const { init } = await import('./init.js');
      const dir = args.positionals[1] ?? '.';
      return out(await init(path.resolve(io.cwd, dir), dir, args.kind)), 0;
    }
    await checkNamedFiles(args, io.cwd);
    const { lint } = await import('./run.js');
    let result = await lint({
      dirs: args.positionals,
      mode: args.mode,
      rev: args.rev,
      kind: args.kind,
      rules: args.rules,
      plugins: args.plugins,
      today: args.today,
      configPath: args.config,
      configRev: args.configRev,
      baselinePath: args.baseline,
      cwd: io.cwd,
      env: io.env,
      cacheDir: args.cache ? chooseCacheDir(args.cacheDir, io.env, io.cwd) : undefined,
    });
    if (args.writeBaseline) {
      const { writeBaseline } = await import('./baseline.js');
      await writeBaseline(result.diagnostics, path.resolve(io.cwd, args.writeBaseline), await guardedRoots(result));
      io.stderr.write(`porgs-lint: wrote ${result.diagnostics.length} finding(s) to ${visible(args.writeBaseline)}\n`);
      return result.executionSuccessful ? 0 : 2;
    }
    if (args.baseline) result = await withBaseline(result, args, io);
    const { shouldColor, shouldLink } = await import('../reporters/pretty.js');
    const terminal = { color: shouldColor(io.stdout, io.env, args.color), links: shouldLink(io.stdout, io.env, args.color) };
    await writeOutputs(result, args.formats, { ...terminal, cwd: io.cwd }, out);
    if (io.env.GITHUB_STEP_SUMMARY && args.formats.some((f) => f.format === 'github')) {
      const { githubStepSummary } = await import('../reporters/github.js');
      const { appendFile } = await import('node:fs/promises');
      await appendFile(io.env.GITHUB_STEP_SUMMARY, githubStepSummary(result));
    }
    if (!result.executionSuccessful) return 2;
    if (args.exitZero) return 0;
    if (result.summary.errors > 0) return 1;
    const unverified = result.diagnostics.filter((d) => d.unverified).length;
    if (args.failOnUnverified && unverified > 0) {
      io.stderr.write(`porgs-lint: ${unverified} finding(s) could not be verified, and --fail-on-unverified is set; the notes say what is missing\n`);
      return 1;
    }
    if (args.maxWarnings !== undefined && result.summary.warnings > args.maxWarnings) {
      io.stderr.write(`porgs-lint: ${result.summary.warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`);
      return 1;
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`porgs-lint: ${visible(err.message)}\n`);
      return 2;
    }
    io.stderr.write(`porgs-lint: internal error: ${visible(err instanceof Error ? err.message : String(err))}\n`);
    return 2;
  }
}

async function withBaseline(result: RunResult, args: ParsedArgs, io: CliIO): Promise<RunResult> {
  const { readBaseline, applyBaseline, pruneBaseline, migrateBaseline, migrationNotice } = await import('./baseline.js');
  const file = path.resolve(io.cwd, args.baseline!);
  const guarded = await guardedRoots(result);
  const { baseline, migration } = migrateBaseline(await readBaseline(file, guarded), result.diagnostics);
  if (migration) io.stderr.write(`porgs-lint: ${visible(migrationNotice(`--baseline ${args.baseline}`, migration))}\n`);
  const applied = applyBaseline(result.diagnostics, baseline, result.repos[0]?.name);
  if (args.pruneBaseline) await pruneBaseline(file, baseline, applied.stale, guarded);
  return { ...result, diagnostics: applied.kept, summary: summarize(applied.kept) };
}

/**
 * Files named on the command line are checked before the run: a FIFO, a device or a folder there is
 * a usage error at once, instead of a hang or a failure after the whole analysis.
 */
async function checkNamedFiles(args: ParsedArgs, cwd: string): Promise<void> {
  const { fileKind } = await import('./user-files.js');
  const { promises: fs } = await import('node:fs');
  const named: Array<{ label: string; file?: string; use: 'read' | 'write' }> = [
    { label: `--config ${args.config}`, file: args.config, use: 'read' },
    { label: `--baseline ${args.baseline}`, file: args.baseline, use: 'read' },
    { label: `--write-baseline ${args.writeBaseline}`, file: args.writeBaseline, use: 'write' },
    ...args.formats.map((f) => ({ label: f.label ?? `--format ${f.format}=${f.file}`, file: f.file?.includes('{repo}') ? undefined : f.file, use: 'write' as const })),
  ];
  for (const { label, file, use } of named) {
    if (file === undefined) continue;
    const abs = path.resolve(cwd, file);
    // A report is never written through a link, so a link there is refused like a FIFO.
    const st = await (use === 'read' ? fs.stat(abs) : fs.lstat(abs)).catch(() => undefined);
    if (st && !st.isFile()) {
      const what = use === 'read' ? 'porgs-lint reads only a regular file: name one' : 'porgs-lint writes only to a regular file: remove it or choose another name';
      throw new UsageError(`${label}: ${abs} is ${fileKind(st)}; ${what}`);
    }
  }
}
