// update-resources.sh: the add_* functions, add_resources() and the rows they write.
import type { RepoView } from '../../runner/context-api.js';
import type { BashCommand, BashFile, BashFunction } from '../../runner/parsers/bash.js';

export const SCRIPT = 'update-resources.sh';
export const LIST = 'resources_list.csv';
export const HEADER = 'Resource,Link,Description';
export const ENTRY = 'add_resources';

export interface ResourcesScript {
  bash: BashFile;
  functions: Map<string, BashFunction>;
  /** add_resources(), when defined. */
  entry?: BashFunction;
  /**
   * Whether the script defines add-to-list: the resources list (and its CSV) came later than the
   * script; a revision without that function predates the convention.
   */
  writesList: boolean;
  /**
   * add_resources' calls to resource functions, in order: functions of the script it calls that no
   * other function calls (helpers such as `info` or `chkfs`, called from everywhere, are not resources).
   */
  called: BashCommand[];
  /** add_resources' own commands that write the list, in order: its add-to-list calls and the calls above. */
  steps: BashCommand[];
  /** Functions run when add_resources runs (directly or through the functions it calls). */
  reachable: Set<string>;
  /** The add-to-list calls a function runs, its own and those of the functions it calls, in order. */
  rowsOf(fn: BashFunction): BashCommand[];
}

/** The note of a rule that checks the list, on a revision whose script predates it. */
export const PREDATES_LIST = `${SCRIPT} defines no add-to-list function: this revision predates ${LIST}`;

export function resourcesScript(ctx: RepoView): Promise<ResourcesScript | undefined> {
  return ctx.memo('resources:script', async () => {
    const bash = await ctx.bash(SCRIPT);
    if (!bash) return undefined;
    const functions = new Map<string, BashFunction>();
    for (const f of bash.functions) if (!functions.has(f.name)) functions.set(f.name, f);
    const entry = functions.get(ENTRY);
    const ownCalls = (fn: BashFunction) => fn.commands.filter((c) => c.fn === fn.name && functions.has(c.name) && c.name !== 'add-to-list');
    const calledElsewhere = new Set(bash.functions.filter((f) => f.name !== ENTRY).flatMap((f) => ownCalls(f).map((c) => c.name)));
    const steps = (entry?.commands ?? []).filter((c) => c.fn === ENTRY && (c.name === 'add-to-list' || (functions.has(c.name) && !calledElsewhere.has(c.name))));

    const reachable = new Set<string>();
    const visit = (fn: BashFunction) => {
      if (reachable.has(fn.name)) return;
      reachable.add(fn.name);
      for (const c of ownCalls(fn)) visit(functions.get(c.name)!);
    };
    if (entry) visit(entry);

    const rowsOf = (fn: BashFunction, seen = new Set<string>()): BashCommand[] => {
      if (seen.has(fn.name)) return [];
      seen.add(fn.name);
      const rows: BashCommand[] = [];
      for (const c of fn.commands) {
        if (c.fn !== fn.name) continue;
        if (c.name === 'add-to-list') rows.push(c);
        else if (functions.has(c.name)) rows.push(...rowsOf(functions.get(c.name)!, seen));
      }
      return rows;
    };
    return { bash, functions, entry, writesList: functions.has('add-to-list'), called: steps.filter((c) => c.name !== 'add-to-list'), steps, reachable, rowsOf: (fn) => rowsOf(fn) };
  });
}
