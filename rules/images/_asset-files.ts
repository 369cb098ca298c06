// add-aliases/add-history calls and the aliases.d/history.d files they read: the same two rules
// for each kind of asset.
import type { RepoView, RuleContext } from '../../runner/context-api.js';
import { defineRule } from '../../runner/types.js';
import { allScriptsParsed, dockerfiles, fileNames, installScripts } from './_images.js';
import { assetCalls } from './_asset-calls.js';
import { assetFolder, CURRENT_ASSET_DIR, folderFallbackMessages, type Asset, type AssetFolder, type FallbackReason } from './_asset-folder.js';

export type { Asset } from './_asset-folder.js';

/** Names referenced by path (`.../aliases.d/_init`) in install-script commands and Dockerfiles. */
async function referencedByPath(ctx: RepoView, dir: string): Promise<Set<string>> {
  const folder = `${dir.slice(dir.lastIndexOf('/') + 1)}/`;
  const pattern = new RegExp(`${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([A-Za-z0-9_.+@-]+)`, 'g');
  const names = new Set<string>();
  const scan = (text: string) => {
    if (!text.includes(folder)) return;
    for (const m of text.matchAll(pattern)) names.add(m[1]);
  };
  for (const s of await installScripts(ctx)) {
    for (const cmd of s.bash.commands) for (const a of cmd.args) scan(a.text);
    for (const a of s.bash.assignments) scan(a.value ?? '');
  }
  for (const d of await dockerfiles(ctx)) scan((await ctx.read(d)) ?? '');
  return names;
}

/** The folder the rule checks; says so in a note when it is today's folder by default. */
async function folderFor(ctx: RuleContext<FallbackReason, unknown>, asset: Asset, subject: string): Promise<AssetFolder> {
  const folder = await assetFolder(ctx, asset);
  if (folder.fallback) {
    const { reason, path, at, data } = folder.fallback;
    ctx.note({ path: path ?? subject, at, messageId: reason, data });
  }
  return folder;
}

const FOLDER_FROM_DEFINITION = (asset: Asset) =>
  `The folder is the one the definition of add-${asset} (in sources/install/common.sh) reads at the checked revision: ${CURRENT_ASSET_DIR[asset]} today, sources/assets/zsh/${asset}.d up to images 3.1.1.`;

/** `images/<asset>-file-exists`: each call has its file. */
export function assetFileExistsRule(asset: Asset) {
  const dir = CURRENT_ASSET_DIR[asset];
  const missing = 'reads {{folder}}/{{name}}, which does not exist: the build would skip it silently; create the file, or fix the name';
  return defineRule({
    description: `Each \`add-${asset} X\` has its file \`${dir}/X\` (the folder add-${asset} reads).`,
    details: `add-${asset} pipes the file through grep into the image: when it is missing the build goes on and the ${asset} of the tool are silently lost. ${FOLDER_FROM_DEFINITION(asset)}`,
    kinds: ['images'],
    severity: 'error',
    messages: {
      missingFile: `add-${asset} {{name}} ${missing}`,
      missingFileViaHelper: `{{helper}} passes {{name}} to add-${asset}, which ${missing}`,
      ...folderFallbackMessages(asset),
    },
    identity: ['name', 'helper', 'written'],
    parsers: ['bash'],
    tags: ['assets'],
    precision: 'very-high',
    async check(ctx) {
      const calls = await assetCalls(ctx, asset);
      if (calls.length === 0) return;
      const { dir } = await folderFor(ctx, asset, calls[0].path);
      const present = await fileNames(ctx, dir);
      for (const c of calls) {
        if (c.name === undefined || !c.certain || present.has(c.name)) continue;
        const data = { name: c.name, folder: dir };
        if (c.via) ctx.report({ path: c.path, at: c.cmd, messageId: 'missingFileViaHelper', data: { ...data, helper: c.via } });
        else ctx.report({ path: c.path, at: c.cmd, messageId: 'missingFile', data });
      }
    },
  });
}

/** `images/orphan-<asset>-file`: each file is installed by a call or a path reference. */
export function orphanAssetRule(asset: Asset) {
  return defineRule({
    description: `Every file in \`${CURRENT_ASSET_DIR[asset]}/\` (the folder add-${asset} reads) is installed by an \`add-${asset}\` call or a path reference.`,
    details: `${asset === 'aliases' ? 'An aliases' : 'A history'} file no install function reads never reaches the image: usually its tool was removed or renamed. Files copied by path (such as ${asset}.d/_init) count as installed. ${FOLDER_FROM_DEFINITION(asset)}`,
    kinds: ['images'],
    severity: 'warning',
    messages: {
      notInstalled: `no install function calls add-${asset} {{name}}, so this file never reaches the image; add the call to the tool's install function, or delete the file`,
      unparsedScripts: `which ${asset} files are installed cannot be checked while {{scripts}} cannot be parsed`,
      ...folderFallbackMessages(asset),
    },
    identity: ['name', 'scripts', 'written'],
    parsers: ['bash'],
    tags: ['assets'],
    async check(ctx) {
      const scripts = await installScripts(ctx);
      if (scripts.length === 0) return;
      const { dir } = await folderFor(ctx, asset, scripts[0].path);
      const files = [...(await fileNames(ctx, dir))].sort();
      if (files.length === 0 || !(await allScriptsParsed(ctx))) return;
      const used = new Set((await assetCalls(ctx, asset)).map((c) => c.name));
      const referenced = await referencedByPath(ctx, dir);
      for (const name of files) {
        if (used.has(name) || referenced.has(name)) continue;
        ctx.report({ path: `${dir}/${name}`, messageId: 'notInstalled', data: { name } });
      }
    },
  });
}
