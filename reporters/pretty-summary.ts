// The closing table of the pretty report: each rule with its count of findings by severity, the
// most severe and most frequent first.
import { visible } from '../runner/escape.js';
import { SEVERITIES, type Diagnostic, type Severity } from '../runner/types.js';
import type { PrettyStyle } from './pretty.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function rulesSummary(diags: readonly Diagnostic[], s: PrettyStyle): string[] {
  const counts = new Map<string, Record<Severity, number>>();
  for (const d of diags) {
    let c = counts.get(d.ruleId);
    if (!c) counts.set(d.ruleId, (c = { error: 0, warning: 0, note: 0 }));
    c[d.severity]++;
  }
  const worst = (c: Record<Severity, number>) => SEVERITIES.findIndex((sev) => c[sev] > 0);
  const total = (c: Record<Severity, number>) => c.error + c.warning + c.note;
  const rows = [...counts].sort(([a, x], [b, y]) => worst(x) - worst(y) || total(y) - total(x) || (a < b ? -1 : a > b ? 1 : 0));
  const width = Math.max(...rows.map(([id]) => visible(id).length));
  const colour: Record<Severity, (t: string) => string> = { error: s.c.red, warning: s.c.yellow, note: s.c.blue };
  return [
    s.c.bold('By rule:'),
    ...rows.map(([id, c]) => {
      const cells = SEVERITIES.filter((sev) => c[sev] > 0).map((sev) => colour[sev](plural(c[sev], sev)));
      return `  ${s.ruleId(id)}${' '.repeat(width - visible(id).length)}  ${cells.join(', ')}`;
    }),
  ];
}
