// `porgs-lint init [dir]`: a commented starter porgs-lint.toml for the repo kinds found in a folder
// (a repo, or a folder of repo checkouts). It never replaces a config and writes nothing but that
// one new file inside the folder.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CONFIG_NAMES, findConfig, safeRepoName } from './config.js';
import { schemaUrl } from './config-schema.js';
import { UsageError } from './errors.js';
import { visible } from './escape.js';
import { DEFAULT_POLICY } from './policy.js';
import { allRuleMeta } from './registry.js';
import { SKIP_DIRS } from './source.js';
import type { RepoKind, RuleMeta } from './types.js';
import { createNewFile } from './user-files.js';
import { detectKind, KIND_MARKERS } from './workspace.js';

/** One repo the starter config is for; `folder` is set for a member of a folder of checkouts. */
export interface FoundRepo {
  kind: RepoKind;
  reason: string;
  folder?: string;
  name?: string;
}

/** Policies the Exegol conventions suggest, per kind: examples in the starter config. */
export const EXAMPLE_POLICIES: Readonly<Record<RepoKind, string>> = {
  wrapper: `[[policy]]
id = "local/no-debugger"
description = "No debugger call is left in the wrapper's code."
kinds = ["wrapper"]
severity = "error"
message = "{{match}} stops every user's run in a debugger; remove it"
files = ["exegol/**/*.py"]
forbid-line = '\\b(import pdb|breakpoint\\(\\))'
`,
  images: `[[policy]]
id = "local/pipx-only"
description = "Install functions install Python tools with pipx, not pip."
kinds = ["images"]
severity = "warning"
message = "{{function}} runs {{match}}: install Python tools with pipx install"
files = ["sources/install/package_*.sh"]
[policy.command]
name = ["pip", "pip3", "python3"]
args = '^(-m pip )?install( |$)'
inside = "install-functions"
`,
  docs: `[[policy]]
id = "local/no-latest-master"
description = "Docs pages do not send users to the latest master."
kinds = ["docs"]
severity = "warning"
message = 'the page says "{{match}}": name a release, or the dev branch for unreleased features'
files = ["docs/src/**/*.md"]
forbid-line = 'latest master'
`,
  resources: `[[policy]]
id = "local/https-links"
description = "Resource links use https."
kinds = ["resources"]
severity = "warning"
message = "{{match}}: link the resource over https"
files = ["update-resources.sh"]
forbid-line = 'add-to-list "[^,]*,http://'
`,
};

const exists = (root: string) => (marker: string) =>
  fs.lstat(path.join(root, marker)).then(
    () => true,
    () => false,
  );

/** The repo at `dir`, else the repos among its sub-folders (links are not followed). */
export async function findRepos(dir: string): Promise<FoundRepo[]> {
  const here = await detectKind(exists(dir));
  if (here) return [here];
  const found: FoundRepo[] = [];
  const taken = new Set<string>();
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isDirectory() || entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
    const kind = await detectKind(exists(path.join(dir, entry.name)));
    if (!kind) continue;
    let name = safeRepoName(entry.name);
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${safeRepoName(entry.name, 58)}-${n}`;
    taken.add(name.toLowerCase());
    found.push({ ...kind, folder: entry.name, name });
  }
  return found;
}

/** A TOML basic string: JSON's escapes are TOML's, plus DEL, which TOML also wants escaped. */
const tomlString = (s: string) => JSON.stringify(s).replace(/\u007f/g, '\\u007f');
const tomlKey = (s: string) => (/^[A-Za-z0-9_-]+$/.test(s) ? s : tomlString(s));
const tomlList = (items: readonly string[]) => `[${items.map(tomlString).join(', ')}]`;
const commented = (toml: string) => toml.trimEnd().split('\n').map((line) => `#${line}`);

/** The starter config: active tables, and every setting as a commented example (`#key = value`). */
export function starterConfig(repos: readonly FoundRepo[], rules: readonly RuleMeta[]): string {
  const kinds = [...new Set(repos.map((r) => r.kind))].sort();
  const what = repos.length === 1 && !repos[0].folder ? `this ${repos[0].kind} repo (${repos[0].reason})` : `a folder of ${repos.length} repos (${kinds.join(', ')})`;
  const lines = [
    `#:schema ${schemaUrl()}`,
    `# porgs-lint configuration for ${what}.`,
    '# Data only: porgs-lint never runs anything from it. A line "#key = value" is an example:',
    '# remove the "#" to use it. porgs-lint --list-rules lists the rules, porgs-lint explain <rule-id>',
    '# says what one checks and whether it runs here.',
    '',
    '# Globs of files whose findings are dropped.',
    '#ignore = ["tests/fixtures/**"]',
    '',
  ];
  const members = repos.filter((r) => r.folder);
  if (members.length) {
    lines.push('# The repos of this folder, linted together when porgs-lint runs here without a folder.');
    for (const r of members) lines.push(`[repos.${tomlKey(r.name!)}]`, `path = ${tomlString(r.folder!)}`, `kind = "${r.kind}"`, '');
  }
  lines.push('# Rule settings: off, note, warning or error, or { severity = "...", options = { ... } }.', `# The rules of ${kinds.join(', ')} repos, at their default severity:`, '[rules]');
  for (const rule of rules.filter((r) => r.kinds.some((k) => kinds.includes(k)))) lines.push(`#${tomlString(rule.id)} = "${rule.severity}"   # ${rule.enabledByDefault === false ? '(off by default) ' : ''}${rule.description}`);
  for (const kind of kinds) {
    const policy = DEFAULT_POLICY[kind];
    lines.push(
      '',
      `# The release policy of ${kind} repos (the defaults), and rule settings for them alone.`,
      `[kinds.${kind}]`,
      `#release-branches = ${tomlList(policy.releaseBranches)}`,
      `#release-tag = '${policy.releaseTag.source}'`,
      `#tag-format = '${policy.tagFormat.source}'`,
      `#dev-branches = ${tomlList(policy.devBranches)}`,
      `#protected-branches = ${tomlList(policy.protectedBranches)}`,
    );
  }
  lines.push('', '# The pre-push hook (porgs-lint hook install): verify release tag signatures with gpg or ssh.', '[hook]', '#verify-signatures = false', '');
  lines.push('# Policies of your own: rules written as data, with one matcher (forbid-line, require or', '# command); see docs/policies.md in the porgs-lint package.');
  for (const kind of kinds) lines.push(...commented(EXAMPLE_POLICIES[kind]), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Writes the starter config into `dir`; returns what to tell the user. */
export async function init(dir: string, displayDir: string, kind?: RepoKind): Promise<string> {
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new UsageError(`init ${displayDir}: no such folder`);
  const existing = await findConfig(dir);
  if (existing) throw new UsageError(`init: ${path.join(displayDir, path.basename(existing))} already exists; porgs-lint init does not replace a config: edit it, or remove it first`);
  const repos = kind ? [{ kind, reason: `--kind ${kind}` }] : await findRepos(dir);
  if (!repos.length) {
    const markers = KIND_MARKERS.map((k) => `${k.markers[0]} (${k.kind})`).join(', ');
    throw new UsageError(`init ${displayDir}: no Exegol repository here or in its sub-folders (none has ${markers}); run it at a repo's root, or give the kind with --kind`);
  }
  const file = path.join(dir, CONFIG_NAMES[0]);
  await createNewFile(file, starterConfig(repos, await allRuleMeta()), 'init');
  const which = repos.map((r) => (r.folder ? `${r.folder} (${r.kind})` : `this ${r.kind} repo (${r.reason})`)).join(', ');
  return `wrote ${visible(path.join(displayDir, CONFIG_NAMES[0]))} for ${visible(which)}; every setting in it is a commented example\n`;
}
