// `local temp_fix_limit="YYYY-MM-DD"` blocks of the install scripts.
import type { RepoView } from '../../runner/context-api.js';
import type { BashAssignment, BashFile } from '../../runner/parsers/bash.js';
import { isRealDate } from '../../runner/dates.js';
import { installScripts } from './_images.js';

export const TEMP_FIX_VAR = 'temp_fix_limit';
export const GUARD = 'check_temp_fix_expiry';

export interface TempFix {
  path: string;
  assignment: BashAssignment;
  /** The date when the value is a real YYYY-MM-DD date. */
  date?: string;
  /**
   * A `check_temp_fix_expiry` call follows the assignment in the same function, or (before that
   * helper existed, images up to 3.1.6) an if on the limit's date that stops the build with criticalecho.
   */
  guarded: boolean;
}

/** Line of the last `check_temp_fix_expiry` call in each function (undefined: top level), in one pass. */
function lastGuardLines(bash: BashFile): Map<string | undefined, number> {
  const last = new Map<string | undefined, number>();
  for (const c of bash.commands) if (c.name === GUARD && c.line > (last.get(c.fn) ?? 0)) last.set(c.fn, c.line);
  return last;
}

const READS_LIMIT = new RegExp(`\\$\\{?${TEMP_FIX_VAR}(?![A-Za-z0-9_])`);

function guardedInline(bash: BashFile, a: BashAssignment): boolean {
  return bash.ifChains.some(
    (chain) =>
      chain.fn === a.fn &&
      chain.line >= a.line &&
      chain.branches.some((b) => READS_LIMIT.test(b.condition)) &&
      chain.branches.some((b) => b.commands.some((c) => c.name === 'criticalecho')),
  );
}

/** Every assignment of temp_fix_limit (commented-out templates are comments, so not here). */
export async function tempFixes(ctx: RepoView): Promise<TempFix[]> {
  const out: TempFix[] = [];
  for (const s of await installScripts(ctx)) {
    let guards: Map<string | undefined, number> | undefined;
    for (const a of s.bash.assignments) {
      if (a.name !== TEMP_FIX_VAR || a.declaredOnly) continue;
      guards ??= lastGuardLines(s.bash);
      const date = a.value !== undefined && isRealDate(a.value) ? a.value : undefined;
      out.push({ path: s.path, assignment: a, date, guarded: (guards.get(a.fn) ?? 0) >= a.line || guardedInline(s.bash, a) });
    }
  }
  return out;
}
