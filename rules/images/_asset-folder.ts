// The folder add-aliases / add-history read, as their definitions say at the checked revision:
// `grep ... "/root/sources/assets/shells/aliases.d/$*"` today, `.../assets/zsh/aliases.d/$*` up to
// images 3.1.1. The image copies the repo's sources/ to /root/sources/, so the part of the path
// from `sources/` on is the folder in the repo.
import type { RepoView } from '../../runner/context-api.js';
import type { BashFunction } from '../../runner/parsers/bash.js';
import type { MessageData, Span } from '../../runner/types.js';
import { ALIASES_DIR, COMMON, HISTORY_DIR, installScripts } from './_images.js';

export type Asset = 'aliases' | 'history';

/** Today's folders, used when the definition cannot be read. */
export const CURRENT_ASSET_DIR: Record<Asset, string> = { aliases: ALIASES_DIR, history: HISTORY_DIR };

/** Why the definition gives no folder; each has its message in `FOLDER_FALLBACK_MESSAGES`. */
export type FallbackReason = 'folderNotPlainPath' | 'folderOutsideSources' | 'folderComputedPath' | 'folderNoFileArgument' | 'folderNotDefined';

export interface AssetFolder {
  /** Repo path of the folder the function reads its file from. */
  dir: string;
  /**
   * Set when `dir` is today's folder because the definition could not be read: why (the messageId
   * of the note), where to say so, and the data of the note (the definition's place, the path it reads).
   */
  fallback?: { reason: FallbackReason; path?: string; at?: Span; data: MessageData };
}

/** The notes saying which folder was checked instead, for the rules of one asset. */
export function folderFallbackMessages(asset: Asset): Record<FallbackReason, string> {
  const checked = `checked ${CURRENT_ASSET_DIR[asset]}, today's folder for add-${asset}, because`;
  const unreadable = `${checked} the definition of add-${asset} at {{script}}:{{line}} cannot be read:`;
  return {
    folderNotPlainPath: `${unreadable} it reads {{written}}, which is not a plain folder path under sources/`,
    folderOutsideSources: `${unreadable} it reads {{written}}, which is outside the sources/ folder the image copies from the repo`,
    folderComputedPath: `${unreadable} it reads {{written}}, a path computed at run time`,
    folderNoFileArgument: `${unreadable} no command in it reads a file named by its arguments`,
    folderNotDefined: `${checked} no install script that parses defines add-${asset}`,
  };
}

/** `.../<dir>/$*` (or `$1`, `$@`, `${1}`...) with the quotes removed: the folder, when it is literal. */
const FILE_ARG = /^(.*)\/\$\{?[*@1]\}?$/;

function readPath(fn: BashFunction): { dir: string } | { reason: Exclude<FallbackReason, 'folderNotDefined'>; data: MessageData } {
  let computed: string | undefined;
  for (const cmd of fn.commands) {
    for (const a of cmd.args) {
      const m = FILE_ARG.exec(a.text.replace(/["']/g, ''));
      if (!m) continue;
      if (/[$`]/.test(m[1])) {
        computed ??= a.text;
        continue;
      }
      const inRepo = /(?:^|\/)(sources\/.+?)\/*$/.exec(m[1]);
      if (inRepo && inRepo[1].split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..')) return { dir: inRepo[1] };
      return { reason: inRepo ? 'folderNotPlainPath' : 'folderOutsideSources', data: { written: a.text } };
    }
  }
  return computed ? { reason: 'folderComputedPath', data: { written: computed } } : { reason: 'folderNoFileArgument', data: {} };
}

export function assetFolder(ctx: RepoView, asset: Asset): Promise<AssetFolder> {
  return ctx.memo(`images:asset-folder:${asset}`, async () => {
    const name = `add-${asset}`;
    const scripts = await installScripts(ctx);
    const ordered = [...scripts.filter((s) => s.path === COMMON), ...scripts.filter((s) => s.path !== COMMON)];
    for (const s of ordered) {
      const fn = s.bash.functions.find((f) => f.name === name);
      if (!fn) continue;
      const found = readPath(fn);
      if ('dir' in found) return { dir: found.dir };
      return { dir: CURRENT_ASSET_DIR[asset], fallback: { reason: found.reason, path: s.path, at: fn.nameAt, data: { ...found.data, script: s.path, line: fn.line } } };
    }
    const common = (await ctx.exists(COMMON)) ? COMMON : undefined;
    return { dir: CURRENT_ASSET_DIR[asset], fallback: { reason: 'folderNotDefined', path: common, data: {} } };
  });
}
