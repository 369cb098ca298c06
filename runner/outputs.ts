// Several outputs from one analysis: `--format pretty --format json=report.json --format sarif=out/{repo}.sarif`.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isValidRepoName } from './config.js';
import { UsageError, didYouMean } from './errors.js';
import type { Reporter, ReporterOptions, RunResult } from './types.js';
import { summarize } from './types.js';
import { writeReportFile } from './user-files.js';

/** Reporters load on demand: a pretty run never pays for SARIF. */
export const REPORTERS: Record<string, () => Promise<Reporter>> = {
  pretty: async () => (await import('../reporters/pretty.js')).pretty,
  json: async () => (await import('../reporters/json.js')).json,
  sarif: async () => (await import('../reporters/sarif.js')).sarif,
  github: async () => (await import('../reporters/github.js')).github,
};

export interface OutputSpec {
  format: string;
  /** File to write; undefined means standard output. */
  file?: string;
  /** How the user named the file, for messages (default `--format <format>=<file>`). */
  label?: string;
}

export function parseFormat(value: string, defaultFile?: string): OutputSpec {
  const eq = value.indexOf('=');
  const format = eq === -1 ? value : value.slice(0, eq);
  const file = eq === -1 ? defaultFile : value.slice(eq + 1);
  if (!(format in REPORTERS)) throw new UsageError(`--format ${format}: unknown format${didYouMean(format, Object.keys(REPORTERS))}; use ${Object.keys(REPORTERS).join(', ')}`);
  if (file === '') throw new UsageError(`--format ${value}: empty file name`);
  return { format, file };
}

/** One result per repo, for formats that describe one repository per file (SARIF). */
export function splitByRepo(result: RunResult): Array<{ name: string; result: RunResult }> {
  return result.repos.map((repo) => {
    const diagnostics = result.diagnostics.filter((d) => d.location.repo === repo.name);
    return { name: repo.name, result: { ...result, repos: [repo], workspace: result.workspace ?? result.repos, diagnostics, summary: summarize(diagnostics) } };
  });
}

/** Real paths of the checked repos: a symbolic link inside them never steers where a report goes. */
export async function guardedRoots(result: Pick<RunResult, 'repos'>): Promise<string[]> {
  return Promise.all(result.repos.map((r) => fs.realpath(r.root).catch(() => r.root)));
}

/** The file of one output; `{repo}` becomes a repo name, which is a plain file name (config.ts). */
function outputFile(spec: OutputSpec & { file: string }, repo: string, cwd: string): string {
  if (spec.file.includes('{repo}') && !isValidRepoName(repo)) throw new UsageError(`--format ${spec.format}=${spec.file}: repo name "${repo}" cannot be part of a file name`);
  return path.resolve(cwd, spec.file.replaceAll('{repo}', repo));
}

export async function writeOutputs(
  result: RunResult,
  specs: OutputSpec[],
  options: ReporterOptions,
  stdout: (s: string) => void,
): Promise<void> {
  const guarded = await guardedRoots(result);
  const written = new Map<string, string>();
  for (const spec of specs) {
    const reporter = await REPORTERS[spec.format]();
    const perRepo = spec.file?.includes('{repo}');
    if (spec.format === 'sarif' && spec.file && !perRepo && result.repos.length > 1) {
      throw new UsageError(`--format sarif=${spec.file}: a SARIF file describes one repository; put {repo} in the file name to write one per repo`);
    }
    const parts = perRepo ? splitByRepo(result) : [{ name: '', result }];
    for (const part of parts) {
      const text = reporter(part.result, spec.file ? { ...options, color: false, links: false } : options);
      if (!spec.file) stdout(text);
      else {
        const file = outputFile({ ...spec, file: spec.file }, part.name, options.cwd);
        const what = spec.label ?? `--format ${spec.format}=${spec.file}`;
        if (written.has(file)) throw new UsageError(`${what}: ${file} is also written by ${written.get(file)}; give each output its own file`);
        written.set(file, what);
        await writeReportFile(file, text, what, guarded);
      }
    }
  }
}
