// add-aliases/add-history calls and the aliases.d/history.d files they read.
import type { RepoView } from '../../runner/context-api.js';
import type { BashCommand } from '../../runner/parsers/bash.js';
import { dockerfiles, installScripts, literalArgs } from './_images.js';

export interface AssetCall {
  path: string;
  cmd: BashCommand;
  /** File name the call reads; undefined when built from variables. */
  name?: string;
}

/** Every `add-aliases X` (or `add-history X`) call of the install scripts. */
export async function assetCalls(ctx: RepoView, helper: 'add-aliases' | 'add-history'): Promise<AssetCall[]> {
  const out: AssetCall[] = [];
  for (const s of await installScripts(ctx)) {
    for (const cmd of s.bash.commands) if (cmd.name === helper) out.push({ path: s.path, cmd, name: literalArgs(cmd) });
  }
  return out;
}

/** Names referenced by path (`.../aliases.d/_init`) in install-script commands and Dockerfiles. */
export async function referencedByPath(ctx: RepoView, folder: 'aliases.d' | 'history.d'): Promise<Set<string>> {
  const pattern = new RegExp(`${folder.replace('.', '\\.')}/([A-Za-z0-9_.+@-]+)`, 'g');
  const names = new Set<string>();
  const scan = (text: string) => {
    for (const m of text.matchAll(pattern)) names.add(m[1]);
  };
  for (const s of await installScripts(ctx)) for (const cmd of s.bash.commands) for (const a of cmd.args) scan(a.text);
  for (const d of await dockerfiles(ctx)) scan((await ctx.read(d)) ?? '');
  return names;
}
