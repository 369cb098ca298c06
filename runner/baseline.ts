// Baselines: a committed, reviewable record of accepted findings, keyed by fingerprint
// (line- and wording-independent), with one entry per occurrence. Format: docs/baseline.md.
// A schemaVersion 1 baseline (fingerprints that hashed the message) is migrated on read by
// re-matching its entries to the current findings.
import { UsageError } from './errors.js';
import { fingerprint } from './fingerprint.js';
import type { Diagnostic } from './types.js';
import { renderMessage } from './messages.js';
import { metaRule } from '../rules/meta/_meta.js';
import { readRegularFile, refuseRepoLinks, writeReportFile } from './user-files.js';
import { v1Message } from './legacy-messages.js';

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  path: string;
  /** For the reviewer; absent from entries of schemaVersion 1. */
  messageId?: string;
  message: string;
}

export const BASELINE_SCHEMA_VERSION = 2;

export interface Baseline {
  /** 1: read only, migrated when applied; 2: written. */
  schemaVersion: 1 | 2;
  entries: BaselineEntry[];
}

/**
 * The schemaVersion 1 fingerprint of each finding of this run (rule, file, offending text and
 * message), kept beside the findings only to migrate old baselines.
 */
export const LEGACY_FINGERPRINTS = new WeakMap<Diagnostic, string>();

export const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/**
 * Findings no baseline may hide: they report how the gate itself was weakened, and a baseline is
 * one of the ways.
 */
const NEVER_BASELINED: ReadonlySet<string> = new Set(['meta/config-relaxed']);

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortEntries = (e: BaselineEntry[]) =>
  [...e].sort((a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message) || cmp(a.fingerprint, b.fingerprint));

const entryOf = (d: Diagnostic): BaselineEntry => ({ fingerprint: d.fingerprint, ruleId: d.ruleId, path: d.location.path, messageId: d.messageId, message: d.message });

export function toBaseline(diags: Diagnostic[]): Baseline {
  return { schemaVersion: BASELINE_SCHEMA_VERSION, entries: sortEntries(diags.filter((d) => !NEVER_BASELINED.has(d.ruleId)).map(entryOf)) };
}

const serialise = (b: Baseline) =>
  JSON.stringify(
    {
      schemaVersion: BASELINE_SCHEMA_VERSION,
      entries: sortEntries(b.entries).map((e) => ({ fingerprint: e.fingerprint, ruleId: e.ruleId, path: e.path, ...(e.messageId ? { messageId: e.messageId } : {}), message: e.message })),
    },
    null,
    2,
  ) + '\n';

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
  if (typeof b?.schemaVersion === 'number' && b.schemaVersion > BASELINE_SCHEMA_VERSION) {
    throw new UsageError(`${label}: baseline schemaVersion ${b.schemaVersion} is newer than this porgs-lint reads (${BASELINE_SCHEMA_VERSION}); upgrade porgs-lint`);
  }
  const ok =
    (b?.schemaVersion === 1 || b?.schemaVersion === 2) &&
    Array.isArray(b.entries) &&
    b.entries.every(
      (e) =>
        typeof e?.fingerprint === 'string' &&
        typeof e.ruleId === 'string' &&
        typeof e.path === 'string' &&
        typeof e.message === 'string' &&
        (e.messageId === undefined || typeof e.messageId === 'string'),
    );
  if (!ok) throw new UsageError(`${label}: not a porgs-lint baseline (expected {"schemaVersion": 2, "entries": [{fingerprint, ruleId, path, messageId, message}]})`);
  return b as Baseline;
}

/** `guarded`: real roots of the checked repos, where no symbolic link is followed to the file. */
export async function readBaseline(file: string, guarded: readonly string[] = []): Promise<Baseline> {
  await refuseRepoLinks(file, `--baseline ${file}`, guarded);
  const read = await readRegularFile(file, MAX_BASELINE_BYTES, 'follow');
  if (!read.ok) throw new UsageError(`--baseline ${file}: cannot read it (${read.reason}); create it with --write-baseline`);
  return parseBaseline(read.text, `--baseline ${file}`);
}

/**
 * Entries of `current` beyond those of `trusted`, one per extra occurrence. Across schema versions
 * fingerprints differ, so entries are compared by rule, file and message.
 */
export function addedEntries(trusted: Baseline, current: Baseline): BaselineEntry[] {
  const key = trusted.schemaVersion === current.schemaVersion ? (e: BaselineEntry) => e.fingerprint : (e: BaselineEntry) => `${e.ruleId}\0${e.path}\0${e.message}`;
  const left = new Map<string, number>();
  for (const e of trusted.entries) left.set(key(e), (left.get(key(e)) ?? 0) + 1);
  return current.entries.filter((e) => {
    const n = left.get(key(e)) ?? 0;
    left.set(key(e), n - 1);
    return n <= 0;
  });
}

export interface Migration {
  /** Entries of the old baseline, and how many of them were re-matched to a current finding. */
  total: number;
  matched: number;
}

/**
 * A schemaVersion 1 baseline as schemaVersion 2: each entry re-matched to a finding of this run
 * with the same rule and file and the same offending text (its old fingerprint) or message; an
 * entry that matches none keeps its old fingerprint and shows up as stale.
 */
export function migrateBaseline(baseline: Baseline, diags: readonly Diagnostic[]): { baseline: Baseline; migration?: Migration } {
  if (baseline.schemaVersion === BASELINE_SCHEMA_VERSION) return { baseline };
  const taken = new Set<Diagnostic>();
  const candidates = (e: BaselineEntry) => diags.filter((d) => !taken.has(d) && d.ruleId === e.ruleId && d.location.path === e.path);
  let matched = 0;
  const entries = baseline.entries.map((e) => {
    const pool = candidates(e);
    const d = pool.find((c) => LEGACY_FINGERPRINTS.get(c) === e.fingerprint) ?? pool.find((c) => c.message === e.message || v1Message(c) === e.message);
    if (!d) return e;
    taken.add(d);
    matched++;
    return entryOf(d);
  });
  return { baseline: { schemaVersion: BASELINE_SCHEMA_VERSION, entries }, migration: { total: baseline.entries.length, matched } };
}

/** The one-line notice a migrated baseline gets. */
export function migrationNotice(label: string, m: Migration): string {
  return `${label} is a schemaVersion 1 baseline: ${m.matched} of ${m.total} entries re-matched to the current fingerprints (rule, file, offending text); save it as schemaVersion ${BASELINE_SCHEMA_VERSION} with --prune-baseline or --write-baseline`;
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
    const data = { rule: e.ruleId, message: e.message, entry: e.fingerprint };
    kept.push({
      ruleId: 'meta/stale-baseline-entry',
      severity: 'note',
      messageId: 'stale',
      data,
      message: renderMessage('meta/stale-baseline-entry', metaRule('meta/stale-baseline-entry').messages, 'stale', data),
      location: { repo, path: e.path, line: 1, column: 1 },
      fingerprint: fingerprint('meta/stale-baseline-entry', e.path, 'stale', [`entry=${e.fingerprint}`]),
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
  await writeReportFile(file, serialise({ schemaVersion: BASELINE_SCHEMA_VERSION, entries }), `--prune-baseline ${file}`, guarded);
}
