// The images repo as the rules see it: install scripts parsed once, install functions with
// their whitelists, the asset folders. Shared through ctx.memo so each script is parsed once per run.
import type { RepoView, RuleContext } from '../../runner/context-api.js';
import type { BashCommand, BashComment, BashFile, BashFunction } from '../../runner/parsers/bash.js';

export const INSTALL_DIR = 'sources/install';
export const ENTRYPOINT = `${INSTALL_DIR}/entrypoint.sh`;
export const COMMON = `${INSTALL_DIR}/common.sh`;
export const ALIASES_DIR = 'sources/assets/shells/aliases.d';
export const HISTORY_DIR = 'sources/assets/shells/history.d';

export interface Script {
  path: string;
  bash: BashFile;
}

export const isPackageScript = (path: string) => /^sources\/install\/package_[^/]*\.sh$/.test(path);

interface Scripts {
  parsed: Script[];
  /** Scripts that could not be read or parsed (each already reported as meta/parse-error). */
  unparsed: string[];
}

function scripts(ctx: RepoView): Promise<Scripts> {
  return ctx.memo('images:scripts', async () => {
    const paths = (await ctx.list(INSTALL_DIR)).filter((e) => e.type === 'file' && e.path.endsWith('.sh')).map((e) => e.path).sort();
    const all = await Promise.all(paths.map(async (path) => ({ path, bash: await ctx.bash(path) })));
    return {
      parsed: all.filter((s): s is Script => s.bash !== undefined),
      unparsed: all.filter((s) => s.bash === undefined).map((s) => s.path),
    };
  });
}

/** Every `sources/install/*.sh` that parses, in path order. */
export async function installScripts(ctx: RepoView): Promise<Script[]> {
  return (await scripts(ctx)).parsed;
}

export async function unparsedScripts(ctx: RepoView): Promise<string[]> {
  return (await scripts(ctx)).unparsed;
}

/**
 * For rules whose answer needs every install script (what is defined, called, installed): when one
 * could not be parsed, say so once instead of reporting what its content would have settled. The
 * rule's `unparsedScripts` message says what cannot be checked, with `{{scripts}}` for the files.
 */
export async function allScriptsParsed(ctx: RuleContext<'unparsedScripts', unknown>): Promise<boolean> {
  const unparsed = await unparsedScripts(ctx);
  if (unparsed.length === 0) return true;
  ctx.cannotVerify({ path: unparsed[0], messageId: 'unparsedScripts', data: { scripts: unparsed.join(', ') } });
  return false;
}

export async function packageScripts(ctx: RepoView): Promise<Script[]> {
  return (await installScripts(ctx)).filter((s) => isPackageScript(s.path));
}

/** The checks the pull-request code check runs, which a whitelist may name. */
export const KNOWN_CHECKS = ['colorecho', 'add-aliases', 'add-history', 'add-test-command', 'add-to-list', 'temp-fix'] as const;

export interface Whitelist {
  comment: BashComment;
  /** Names as written, with the column each starts at. */
  names: Array<{ name: string; column: number }>;
  /** When the comment does not have the exact `# CODE-CHECK-WHITELIST=a,b` syntax: the list as it should be written. */
  exactList?: string;
}

const WHITELIST = /^#\s*code-check-whitelist\b/i;

// `a , b` as `a,b`, piece by piece: a global replace of spaces-comma-spaces would retry from every
// space of a long run of them (quadratic on a crafted comment).
function spacesAroundCommasRemoved(text: string): string {
  const pieces = text.split(',');
  return pieces.map((p, i) => (i > 0 ? p.trimStart() : p)).map((p, i) => (i < pieces.length - 1 ? p.trimEnd() : p)).join(',');
}

/** A `# CODE-CHECK-WHITELIST=...` comment, or undefined for any other comment. */
export function parseWhitelist(comment: BashComment): Whitelist | undefined {
  if (!WHITELIST.test(comment.text)) return undefined;
  const exact = /^# CODE-CHECK-WHITELIST=(.*)$/.exec(comment.text.trimEnd());
  if (!exact) {
    const rest = comment.text.replace(WHITELIST, '').replace(/^\s*=?\s*/, '');
    return { comment, names: [], exactList: spacesAroundCommasRemoved(rest) || 'add-aliases' };
  }
  const list = exact[1];
  const start = comment.column + '# CODE-CHECK-WHITELIST='.length;
  const names: Whitelist['names'] = [];
  let offset = 0;
  for (const part of list.split(',')) {
    names.push({ name: part, column: start + offset });
    offset += part.length + 1;
  }
  return { comment, names };
}

export interface InstallFunction {
  path: string;
  fn: BashFunction;
  /** `tool` for `install_tool`. */
  tool: string;
  whitelists: Whitelist[];
  /** Check names whitelisted anywhere in the function. */
  whitelisted: Set<string>;
}

/** Every `install_*` function of the package scripts. */
export function installFunctions(ctx: RepoView): Promise<InstallFunction[]> {
  return ctx.memo('images:install-functions', async () => {
    const out: InstallFunction[] = [];
    for (const s of await packageScripts(ctx)) {
      for (const fn of s.bash.functions) {
        if (!fn.name.startsWith('install_')) continue;
        const whitelists = fn.comments.map(parseWhitelist).filter((w): w is Whitelist => w !== undefined);
        const whitelisted = new Set(whitelists.flatMap((w) => w.names.map((n) => n.name.trim())));
        out.push({ path: s.path, fn, tool: fn.name.slice('install_'.length), whitelists, whitelisted });
      }
    }
    return out;
  });
}

/** Whether the function runs the command (as a command: comments and strings do not count). */
export const calls = (fn: BashFunction, name: string) => fn.commands.some((c) => c.name === name);

/** Value of a command's arguments as the called function sees `$*`, when all are literal. */
export function literalArgs(cmd: BashCommand): string | undefined {
  const values = cmd.args.map((a) => a.value);
  return values.every((v): v is string => v !== undefined) ? values.join(' ') : undefined;
}

/** Names of the regular files directly in a folder. */
export async function fileNames(ctx: RepoView, dir: string): Promise<Set<string>> {
  return new Set((await ctx.list(dir)).filter((e) => e.type === 'file' || e.type === 'symlink').map((e) => e.path.slice(dir.length + 1)));
}

/** `Dockerfile` and `*.dockerfile` at the repo root. */
export async function dockerfiles(ctx: RepoView): Promise<string[]> {
  return (await ctx.list('')).filter((e) => e.type === 'file' && (e.path === 'Dockerfile' || e.path.endsWith('.dockerfile'))).map((e) => e.path).sort();
}
