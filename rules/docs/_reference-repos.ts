// Which repo a reference of a docs page is about: the repos its line names (the wrapper as "the
// wrapper", the others by their names), else the one its nearest heading names ("Images Release
// Process", "Contributing to the wrapper"), else the page's place (`contribute/images.md`,
// `wrapper/...`). A line that names the docs repo is about the docs, which are not checked.
import type { RepoView } from '../../runner/context-api.js';
import type { RepoKind } from '../../runner/types.js';
import { gitmodules, submoduleNames, tailName } from '../wrapper/_gitmodules.js';
import type { Reference } from './_references.js';

/** The repos a page may talk about (the docs are not checked against themselves). */
export const OTHER_KINDS = ['wrapper', 'images', 'resources'] as const satisfies readonly RepoKind[];
export type OtherKind = (typeof OTHER_KINDS)[number];

const word = (w: string) => new RegExp(`(?<![\\w-])${w}(?![\\w-])`, 'i');
const WRAPPER_WORD: [RegExp, OtherKind] = [word('wrapper'), 'wrapper'];
/** Kind words of a heading; "image" alone is the everyday word ("Using a custom image"). */
const KIND_WORDS: ReadonlyArray<[RegExp, OtherKind]> = [WRAPPER_WORD, [word('images'), 'images'], [word('resources'), 'resources']];
/** A heading names a repo by a kind word only when it is about a repo: its release, code, contributions. */
const ABOUT_A_REPO = /release|repo|submodule|contribut|develop|maintain/i;


export interface RepoNames {
  /** Lower-cased names a line may use for a repo, with its kind (`docs` for the docs repo itself). */
  aliases: ReadonlyMap<string, OtherKind | 'docs'>;
}


/**
 * The names of the repos: the images and resources repos by their names in the run and by the
 * wrapper's submodules that lead to them (path and URL; the repo whose name matches, else the one
 * that has the gitlink's commit), the docs repo by its name. Only a compound name counts (a single
 * word, `images` or `repo`, is a word of prose), and not one that begins the others' (`Exegol` of
 * `Exegol-images`: the project's name in the docs' prose): the wrapper is "the wrapper".
 */
export async function repoNames(repos: ReadonlyMap<OtherKind, RepoView>, docsName: string): Promise<RepoNames> {
  const named = new Map<string, OtherKind | 'docs'>([[docsName.toLowerCase(), 'docs']]);
  for (const kind of ['images', 'resources'] as const) {
    const repo = repos.get(kind);
    if (repo) named.set(repo.info.name.toLowerCase(), kind);
  }
  const wrapper = repos.get('wrapper');
  if (wrapper) {
    const links = wrapper.git.available ? await wrapper.git.gitlinks() : [];
    for (const sub of (await gitmodules(wrapper)) ?? []) {
      const names = submoduleNames(sub);
      let kind = names.map((n) => named.get(n)).find((k): k is 'images' | 'resources' => k === 'images' || k === 'resources');
      const commit = links.find((l) => l.path === sub.path?.value)?.commit;
      for (const k of ['images', 'resources'] as const) if (!kind && commit && (await repos.get(k)?.git.hasCommit(commit))) kind = k;
      if (kind) for (const n of names) if (!named.has(n)) named.set(n, kind);
    }
  }
  const all = [...named.keys(), ...[...repos.values()].map((r) => r.info.name.toLowerCase())];
  for (const alias of [...named.keys()]) if (!/[-_.]/.test(alias) || all.some((other) => other.startsWith(`${alias}-`))) named.delete(alias);
  return { aliases: named };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function namedIn(text: string, names: RepoNames, kindWords: ReadonlyArray<[RegExp, OtherKind]>): Array<OtherKind | 'docs'> {
  const found = new Set<OtherKind | 'docs'>();
  for (const [alias, kind] of names.aliases) if (word(escape(alias)).test(text)) found.add(kind);
  for (const [w, kind] of kindWords) if (w.test(text)) found.add(kind);
  return [...found];
}

/** The kind a page is about from its path under the pages' folder (`contribute/images.md`), if any. */
export function pageKind(relPath: string): OtherKind | undefined {
  const segments = relPath.replace(/\.md$/, '').split('/');
  return OTHER_KINDS.find((kind) => segments.includes(kind));
}

/** The repo the nearest heading that names one is about, if any. */
function headingKind(headings: readonly string[], names: RepoNames): OtherKind | 'docs' | undefined {
  for (let i = headings.length - 1; i >= 0; i--) {
    const inHeading = namedIn(headings[i], names, ABOUT_A_REPO.test(headings[i]) ? KIND_WORDS : []);
    if (inHeading.length === 1) return inHeading[0];
  }
  return undefined;
}

/**
 * The repos a reference is about ([] when it is about none that is checked). A bare file name
 * needs a line or heading that names its repo: on a page's place alone it may be the user's own
 * file. A `git -C` folder is the wrapper's (its line names the submodule, not the repo it lies
 * in), when the heading or the page is about the wrapper.
 */
export function aboutRepos(ref: Reference, page: OtherKind | undefined, names: RepoNames): OtherKind[] {
  const checked = (kinds: Array<OtherKind | 'docs'>): OtherKind[] => (kinds.includes('docs') ? [] : (kinds as OtherKind[]));
  const fromContext = headingKind(ref.headings, names) ?? (ref.kind === 'file' ? undefined : page);
  if (ref.kind === 'gitDir') return fromContext === 'wrapper' ? ['wrapper'] : [];
  const onLine = namedIn(ref.lineText, names, [WRAPPER_WORD]);
  if (onLine.length) return checked(onLine);
  return fromContext ? checked([fromContext]) : [];
}

/** The repo a `git -C <folder>` or `cd <folder>` leads to, when the folder is one of the names above. */
export function repoOfFolder(folder: string, names: RepoNames): OtherKind | 'docs' | undefined {
  return names.aliases.get(tailName(folder));
}
