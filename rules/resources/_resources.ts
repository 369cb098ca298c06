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
  /** Calls of add_resources to functions of the script, in order (not to the add-to-list helper). */
  called: BashCommand[];
  /** add_resources' own commands that matter for the list, in order: its add-to-list calls and the calls above. */
  steps: BashCommand[];
}

export function resourcesScript(ctx: RepoView): Promise<ResourcesScript | undefined> {
  return ctx.memo('resources:script', async () => {
    const bash = await ctx.bash(SCRIPT);
    if (!bash) return undefined;
    const functions = new Map<string, BashFunction>();
    for (const f of bash.functions) if (!functions.has(f.name)) functions.set(f.name, f);
    const entry = functions.get(ENTRY);
    const steps = (entry?.commands ?? []).filter((c) => c.fn === ENTRY && (c.name === 'add-to-list' || functions.has(c.name)));
    return { bash, functions, entry, called: steps.filter((c) => c.name !== 'add-to-list'), steps };
  });
}

/** add-to-list calls a function makes, its own body only. */
export const listCalls = (fn: BashFunction) => fn.commands.filter((c) => c.name === 'add-to-list' && c.fn === fn.name);
