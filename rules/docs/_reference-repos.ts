// Which repo a reference of a docs page is about: the repos its line names (by a workspace repo's
// name or a wrapper submodule's path), else those its nearest heading names (also by kind:
// "Images Release Process"), else the page's place (`contribute/images.md`, `wrapper/...`).
import type { RepoView } from '../../runner/context-api.js';
import type { RepoKind } from '../../runner/types.js';
import { gitmodules } from '../wrapper/_gitmodules.js';
import type { Reference } from './_references.js';

/** The repos a page may talk about (the docs are not checked against themselves). */
export const OTHER_KINDS = ['wrapper', 'images', 'resources'] as const satisfies readonly RepoKind[];
export type OtherKind = (typeof OTHER_KINDS)[number];

/** Kind words of a heading or a page's path. */
const KIND_WORDS: ReadonlyArray<[RegExp, OtherKind]> = [
  [/(?<![\w-])wrapper(?![\w-])/i, 'wrapper'],
  [/(?<![\w-])images?(?![\w-])/i, 'images'],
  [/(?<![\w-])resources(?![\w-])/i, 'resources'],
];

/** A repo's name as a URL or path ends: `https://x/ThePorgs/Exegol-images.git` → `exegol-images`. */
const tailName = (s: string) => s.replace(/\.git$/, '').replace(/[/\\]+$/, '').split(/[/:\\]/).pop()!.toLowerCase();

export interface RepoNames {
  /** Lower-cased names a line may use for a repo, with its kind. */
  aliases: ReadonlyMap<string, OtherKind>;
}

/** The names of the other repos: their names in this run, and the wrapper's submodule paths that lead to them. */
export async function repoNames(repos: ReadonlyMap<OtherKind, RepoView>, docsName: string): Promise<RepoNames> {
  const aliases = new Map<string, OtherKind>();
  for (const [kind, repo] of repos) aliases.set(repo.info.name.toLowerCase(), kind);
  const wrapper = repos.get('wrapper');
  for (const sub of (wrapper && (await gitmodules(wrapper))) ?? []) {
    const names = [sub.url?.value, sub.name].filter((n): n is string => !!n).map(tailName);
    const kind = names.map((n) => aliases.get(n)).find((k) => k !== undefined);
    if (kind && sub.path) aliases.set(sub.path.value.toLowerCase(), kind);
  }
  // A name that begins the others' (`Exegol` of `Exegol-images`, `Exegol-docs`) is the project's
  // name in the docs' prose ("the Exegol container"), not that one repo's.
  const all = [...aliases.keys(), docsName.toLowerCase()];
  for (const alias of [...aliases.keys()]) if (all.some((other) => other.startsWith(`${alias}-`))) aliases.delete(alias);
  return { aliases };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function namedIn(text: string, names: RepoNames, kindWords: ReadonlyArray<[RegExp, OtherKind]>): OtherKind[] {
  const found = new Set<OtherKind>();
  for (const [alias, kind] of names.aliases) if (new RegExp(`(?<![\\w-])${escape(alias)}(?![\\w-])`, 'i').test(text)) found.add(kind);
  for (const [word, kind] of kindWords) if (word.test(text)) found.add(kind);
  return [...found];
}

/** The kind a page is about from its path under the pages' folder (`contribute/images.md`), if any. */
export function pageKind(relPath: string): OtherKind | undefined {
  const segments = relPath.replace(/\.md$/, '').split('/');
  return OTHER_KINDS.find((kind) => segments.includes(kind));
}

/**
 * The repos a reference is about. A `git -C` folder is the checked-out repo's own (its line names
 * the submodule, not the repo it lies in), so its line is not read.
 */
export function aboutRepos(ref: Reference, page: OtherKind | undefined, names: RepoNames): OtherKind[] {
  if (ref.kind !== 'gitDir') {
    // "images" and "resources" are everyday words of the docs; a line names those repos by name.
    const onLine = namedIn(ref.lineText, names, KIND_WORDS.slice(0, 1));
    if (onLine.length) return onLine;
  }
  for (let i = ref.headings.length - 1; i >= 0; i--) {
    const inHeading = namedIn(ref.headings[i], names, KIND_WORDS);
    if (inHeading.length === 1) return inHeading;
  }
  return page ? [page] : [];
}

/** The repo a `git -C <folder>` leads to, when the folder is one of the names above. */
export function repoOfFolder(folder: string, names: RepoNames): OtherKind | undefined {
  return names.aliases.get(tailName(folder));
}
