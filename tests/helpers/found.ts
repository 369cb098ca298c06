// Findings as data (rule, messageId, place, data) for tests that assert more than one rule or a
// runner finding next to a rule's, on a folder (real git) or on files given in memory.
import { MemorySource } from '../../runner/memory-source.js';
import { lint, type LintOptions } from '../../runner/run.js';
import type { Diagnostic, MessageData, Severity } from '../../runner/types.js';

export interface Found {
  rule: string;
  severity: Severity;
  messageId: string;
  /** `path:line` */
  at: string;
  data: MessageData;
  unverified?: true;
}

const asFound = (d: Diagnostic): Found => ({
  rule: d.ruleId,
  severity: d.severity,
  messageId: d.messageId,
  at: `${d.location.path}:${d.location.line}`,
  data: d.data,
  ...(d.unverified ? { unverified: true as const } : {}),
});

/** The findings of `rules` on a folder, as git and the folder say. */
export async function found(dir: string, rules: string[], opts: Partial<LintOptions> = {}): Promise<Found[]> {
  const result = await lint({ dirs: [dir], rules, env: {}, today: '2026-01-15', ...opts });
  return result.diagnostics.map(asFound);
}

/** The findings of `rules` on files given as data, without git. */
export async function foundInMemory(files: Readonly<Record<string, string>>, rules: string[], opts: Pick<LintOptions, 'kind' | 'mode'> = {}): Promise<Found[]> {
  const result = await lint({ repos: [{ name: 'repo', source: new MemorySource(files) }], rules, env: {}, today: '2026-01-15', ...opts });
  return result.diagnostics.map(asFound);
}

