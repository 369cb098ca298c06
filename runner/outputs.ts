// Several outputs from one analysis: `--format pretty --format json=report.json --format sarif=out/{repo}.sarif`.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError, didYouMean } from './errors.js';
import type { Reporter, ReporterOptions, RunResult } from './types.js';
import { summarize } from './types.js';

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
    return { name: repo.name, result: { ...result, repos: [repo], diagnostics, summary: summarize(diagnostics) } };
  });
}

export async function writeOutputs(
  result: RunResult,
  specs: OutputSpec[],
  options: ReporterOptions,
  stdout: (s: string) => void,
): Promise<void> {
  for (const spec of specs) {
    const reporter = await REPORTERS[spec.format]();
    const perRepo = spec.file?.includes('{repo}');
    if (spec.format === 'sarif' && spec.file && !perRepo && result.repos.length > 1) {
      throw new UsageError(`--format sarif=${spec.file}: a SARIF file describes one repository; put {repo} in the file name to write one per repo`);
    }
    const parts = perRepo ? splitByRepo(result) : [{ name: '', result }];
    for (const part of parts) {
      const text = reporter(part.result, { ...options, color: spec.file ? false : options.color });
      if (!spec.file) stdout(text);
      else {
        const file = path.resolve(options.cwd, spec.file.replaceAll('{repo}', part.name));
        await fs.mkdir(path.dirname(file), { recursive: true });
        await fs.writeFile(file, text);
      }
    }
  }
}
