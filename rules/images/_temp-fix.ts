// `local temp_fix_limit="YYYY-MM-DD"` blocks of the install scripts.
import type { RepoView } from '../../runner/context-api.js';
import type { BashAssignment } from '../../runner/parsers/bash.js';
import { isRealDate } from '../../runner/dates.js';
import { installScripts } from './_images.js';

export const TEMP_FIX_VAR = 'temp_fix_limit';
export const GUARD = 'check_temp_fix_expiry';

export interface TempFix {
  path: string;
  assignment: BashAssignment;
  /** The date when the value is a real YYYY-MM-DD date. */
  date?: string;
}

/** Every assignment of temp_fix_limit (commented-out templates are comments, so not here). */
export async function tempFixes(ctx: RepoView): Promise<TempFix[]> {
  const out: TempFix[] = [];
  for (const s of await installScripts(ctx)) {
    for (const a of s.bash.assignments) {
      if (a.name !== TEMP_FIX_VAR || a.declaredOnly) continue;
      out.push({ path: s.path, assignment: a, date: a.value !== undefined && isRealDate(a.value) ? a.value : undefined });
    }
  }
  return out;
}
