// Which aliases/history files the install scripts read: `add-aliases X` itself, and calls to
// helpers that pass their own arguments on to it, as older common.sh files had:
//   function fapt-aliases() { fapt "$@"; for i in "$@"; do add-aliases "$i"; done }
//   function install_apt_tool() { ...; if [[ "$*" == *"aliases"* ]]; then add-aliases $1; fi }
// so `fapt-aliases php python3` reads aliases.d/php and aliases.d/python3.
import type { RepoView } from '../../runner/context-api.js';
import type { BashCommand, BashFunction } from '../../runner/parsers/bash.js';
import { installScripts, literalArgs } from './_images.js';
import type { Asset } from './_asset-folder.js';

export interface AssetCall {
  path: string;
  cmd: BashCommand;
  /** File name the call reads; undefined when built from variables. */
  name?: string;
  /** The helper that passes the name on to add-<asset>, for a call through one. */
  via?: string;
  /** False when the helper reads the file only under a condition (inside an if). */
  certain: boolean;
}

/** How a helper passes its arguments on: each one in turn, all joined, or the Nth. */
type Pick = 'each' | 'all' | number;

interface Forwarder {
  pick: Pick;
  certain: boolean;
}

/** Variables of `for V in "$@"` / `for V; do` loops in the function's text. */
function argumentLoopVariables(text: string): Set<string> {
  const vars = new Set<string>();
  for (const m of text.matchAll(/\bfor\s+([A-Za-z_]\w*)\s+in\s+"?\$[@*]"?\s*[;\n]/g)) vars.add(m[1]);
  for (const m of text.matchAll(/\bfor\s+([A-Za-z_]\w*)\s*;?\s*\n?\s*do\b/g)) vars.add(m[1]);
  return vars;
}

function pickOf(argText: string, loopVars: Set<string>): Pick | undefined {
  const bare = argText.replace(/^"(.*)"$/, '$1');
  const m = /^\$\{?([A-Za-z_]\w*|[1-9*@])\}?$/.exec(bare);
  if (!m) return undefined;
  if (m[1] === '*' || m[1] === '@') return 'all';
  if (/^[1-9]$/.test(m[1])) return Number(m[1]);
  return loopVars.has(m[1]) ? 'each' : undefined;
}

const inIfChain = (fn: BashFunction, cmd: BashCommand) => fn.ifChains.some((c) => c.branches.some((b) => b.commands.includes(cmd)));

async function forwarders(ctx: RepoView, asset: Asset): Promise<Map<string, Forwarder>> {
  const target = `add-${asset}`;
  const out = new Map<string, Forwarder>();
  for (const s of await installScripts(ctx)) {
    let lines: string[] | undefined;
    for (const fn of s.bash.functions) {
      if (fn.name === target) continue;
      const calls = fn.commands.filter((c) => c.name === target && c.args.length === 1 && c.args[0].value === undefined);
      if (calls.length === 0) continue;
      lines ??= ((await ctx.read(s.path)) ?? '').split('\n');
      const loopVars = argumentLoopVariables(lines.slice(fn.line - 1, fn.endLine ?? fn.line).join('\n'));
      for (const cmd of calls) {
        const pick = pickOf(cmd.args[0].text, loopVars);
        if (pick !== undefined) out.set(fn.name, { pick, certain: !inIfChain(fn, cmd) });
      }
    }
  }
  return out;
}

function forwardedNames(cmd: BashCommand, pick: Pick): Array<string | undefined> {
  if (pick === 'each') return cmd.args.map((a) => a.value);
  if (pick === 'all') return [literalArgs(cmd)];
  return [cmd.args[pick - 1]?.value];
}

/** Every call that reads an aliases (or history) file, direct or through a helper. */
export function assetCalls(ctx: RepoView, asset: Asset): Promise<AssetCall[]> {
  return ctx.memo(`images:asset-calls:${asset}`, async () => {
    const helpers = await forwarders(ctx, asset);
    const out: AssetCall[] = [];
    for (const s of await installScripts(ctx)) {
      for (const cmd of s.bash.commands) {
        if (cmd.name === `add-${asset}`) {
          out.push({ path: s.path, cmd, name: literalArgs(cmd), certain: true });
          continue;
        }
        const helper = helpers.get(cmd.name);
        if (!helper || cmd.fn === cmd.name) continue;
        for (const name of forwardedNames(cmd, helper.pick)) out.push({ path: s.path, cmd, name, via: cmd.name, certain: helper.certain });
      }
    }
    return out;
  });
}
