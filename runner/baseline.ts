// Baselines: a committed, reviewable record of accepted findings, keyed by fingerprint
// (line-independent), with one entry per occurrence. Format: docs/baseline.md.
import { promises as fs } from 'node:fs';
import { UsageError } from './errors.js';
import { fingerprint } from './run.js';
import type { Diagnostic } from './types.js';

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

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortEntries = (e: BaselineEntry[]) =>
  [...e].sort((a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message) || cmp(a.fingerprint, b.fingerprint));

export function toBaseline(diags: Diagnostic[]): Baseline {
  return {
    schemaVersion: 1,
    entries: sortEntries(diags.map((d) => ({ fingerprint: d.fingerprint, ruleId: d.ruleId, path: d.location.path, message: d.message }))),
  };
}

export async function writeBaseline(diags: Diagnostic[], file: string): Promise<void> {
  await fs.writeFile(file, JSON.stringify(toBaseline(diags), null, 2) + '\n');
}

export async function readBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--baseline ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? err}); create it with --write-baseline`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--baseline ${file}: not valid JSON: ${(err as Error).message}`);
  }
  const b = data as Partial<Baseline>;
  const ok =
    b?.schemaVersion === 1 &&
    Array.isArray(b.entries) &&
    b.entries.every((e) => typeof e?.fingerprint === 'string' && typeof e.ruleId === 'string' && typeof e.path === 'string' && typeof e.message === 'string');
  if (!ok) throw new UsageError(`--baseline ${file}: not a porgs-lint baseline (expected {"schemaVersion": 1, "entries": [{fingerprint, ruleId, path, message}]})`);
  return b as Baseline;
}

/** Findings not in the baseline are kept; each entry matches one finding; unmatched entries are stale. */
export function applyBaseline(diags: Diagnostic[], baseline: Baseline): { kept: Diagnostic[]; matched: number; stale: BaselineEntry[] } {
  const remaining = new Map<string, BaselineEntry[]>();
  for (const e of baseline.entries) remaining.set(e.fingerprint, [...(remaining.get(e.fingerprint) ?? []), e]);
  const kept: Diagnostic[] = [];
  let matched = 0;
  for (const d of diags) {
    const pool = remaining.get(d.fingerprint);
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
      location: { repo: diags[0]?.location.repo ?? '', path: e.path, line: 1, column: 1 },
      fingerprint: fingerprint('meta/stale-baseline-entry', e.path, e.fingerprint, message),
    });
  }
  return { kept, matched, stale };
}

export async function pruneBaseline(file: string, baseline: Baseline, stale: BaselineEntry[]): Promise<void> {
  const drop = new Map<string, number>();
  for (const s of stale) drop.set(s.fingerprint, (drop.get(s.fingerprint) ?? 0) + 1);
  const entries = baseline.entries.filter((e) => {
    const n = drop.get(e.fingerprint) ?? 0;
    if (n === 0) return true;
    drop.set(e.fingerprint, n - 1);
    return false;
  });
  await fs.writeFile(file, JSON.stringify({ schemaVersion: 1, entries: sortEntries(entries) }, null, 2) + '\n');
}
