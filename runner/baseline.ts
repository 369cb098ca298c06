// Baselines: a committed, reviewable record of accepted findings, keyed by fingerprint
// (line-independent), with one entry per occurrence. Format: docs/baseline.md.
import { UsageError } from './errors.js';
import { fingerprint } from './fingerprint.js';
import type { Diagnostic } from './types.js';
import { readRegularFile, refuseRepoLinks, writeReportFile } from './user-files.js';

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  path: string;
  message: string;
}

export interface Baseline {
  schemaVersion: 1;
  entries: BaselineEntry[];
}

export const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/**
 * Findings no baseline may hide: they report how the gate itself was weakened, and a baseline is
 * one of the ways.
 */
const NEVER_BASELINED: ReadonlySet<string> = new Set(['meta/config-relaxed']);

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortEntries = (e: BaselineEntry[]) =>
  [...e].sort((a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message) || cmp(a.fingerprint, b.fingerprint));

export function toBaseline(diags: Diagnostic[]): Baseline {
  return {
    schemaVersion: 1,
    entries: sortEntries(
      diags.filter((d) => !NEVER_BASELINED.has(d.ruleId)).map((d) => ({ fingerprint: d.fingerprint, ruleId: d.ruleId, path: d.location.path, message: d.message })),
    ),
  };
}

const serialise = (b: Baseline) => JSON.stringify({ schemaVersion: 1, entries: sortEntries(b.entries) }, null, 2) + '\n';

/** `guarded`: real roots of the checked repos, where no symbolic link is written through. */
export async function writeBaseline(diags: Diagnostic[], file: string, guarded: readonly string[] = []): Promise<void> {
  await writeReportFile(file, serialise(toBaseline(diags)), `--write-baseline ${file}`, guarded);
}

/** The baseline in `text`; throws a UsageError naming `label` when it is not one. */
export function parseBaseline(text: string, label: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // Only the position: the engine's message quotes the text, which may be any file of the machine.
    const at = /position (\d+)/.exec(String(err))?.[1];
    throw new UsageError(`${label}: not valid JSON${at ? ` (at offset ${at})` : ''}`);
  }
  const b = data as Partial<Baseline>;
  const ok =
    b?.schemaVersion === 1 &&
    Array.isArray(b.entries) &&
    b.entries.every((e) => typeof e?.fingerprint === 'string' && typeof e.ruleId === 'string' && typeof e.path === 'string' && typeof e.message === 'string');
  if (!ok) throw new UsageError(`${label}: not a porgs-lint baseline (expected {"schemaVersion": 1, "entries": [{fingerprint, ruleId, path, message}]})`);
  return b as Baseline;
}

/** `guarded`: real roots of the checked repos, where no symbolic link is followed to the file. */
export async function readBaseline(file: string, guarded: readonly string[] = []): Promise<Baseline> {
  await refuseRepoLinks(file, `--baseline ${file}`, guarded);
  const read = await readRegularFile(file, MAX_BASELINE_BYTES, 'follow');
  if (!read.ok) throw new UsageError(`--baseline ${file}: cannot read it (${read.reason}); create it with --write-baseline`);
  return parseBaseline(read.text, `--baseline ${file}`);
}

/** Entries of `current` beyond those of `trusted`, one per extra occurrence of a fingerprint. */
export function addedEntries(trusted: Baseline, current: Baseline): BaselineEntry[] {
  const left = new Map<string, number>();
  for (const e of trusted.entries) left.set(e.fingerprint, (left.get(e.fingerprint) ?? 0) + 1);
  return current.entries.filter((e) => {
    const n = left.get(e.fingerprint) ?? 0;
    left.set(e.fingerprint, n - 1);
    return n <= 0;
  });
}

/**
 * Findings not in the baseline are kept; each entry matches one finding; unmatched entries are
 * stale, reported in `repo` (the run's repo the baseline belongs to).
 */
export function applyBaseline(diags: Diagnostic[], baseline: Baseline, repo = diags[0]?.location.repo ?? ''): { kept: Diagnostic[]; matched: number; stale: BaselineEntry[] } {
  const remaining = new Map<string, BaselineEntry[]>();
  for (const e of baseline.entries) remaining.set(e.fingerprint, [...(remaining.get(e.fingerprint) ?? []), e]);
  const kept: Diagnostic[] = [];
  let matched = 0;
  for (const d of diags) {
    const pool = NEVER_BASELINED.has(d.ruleId) ? undefined : remaining.get(d.fingerprint);
    if (pool?.length) {
      pool.pop();
      matched++;
    } else kept.push(d);
  }
  const stale = sortEntries([...remaining.values()].flat());
  for (const e of stale) {
    const message = `baseline entry for ${e.ruleId} no longer matches a finding ("${e.message}"); it was fixed: prune it with --prune-baseline`;
    kept.push({
      ruleId: 'meta/stale-baseline-entry',
      severity: 'note',
      message,
      location: { repo, path: e.path, line: 1, column: 1 },
      fingerprint: fingerprint('meta/stale-baseline-entry', e.path, e.fingerprint, message),
    });
  }
  return { kept, matched, stale };
}

export async function pruneBaseline(file: string, baseline: Baseline, stale: BaselineEntry[], guarded: readonly string[] = []): Promise<void> {
  const drop = new Map<string, number>();
  for (const s of stale) drop.set(s.fingerprint, (drop.get(s.fingerprint) ?? 0) + 1);
  const entries = baseline.entries.filter((e) => {
    const n = drop.get(e.fingerprint) ?? 0;
    if (n === 0) return true;
    drop.set(e.fingerprint, n - 1);
    return false;
  });
  await writeReportFile(file, serialise({ schemaVersion: 1, entries }), `--prune-baseline ${file}`, guarded);
}
