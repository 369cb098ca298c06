// The docs fixture (tests/fixtures/docs) as data, for the docs rule tests: a VitePress site shaped
// like the real one (config functions with bases, an imported sidebar, a theme glob, install guides
// linked from the first install page), clean as committed, then one mistake at a time.
import type { Change } from '../../helpers/fixture-edit.js';
import { editedFiles } from '../../helpers/fixture-files.js';

export { edit } from '../../helpers/fixture-edit.js';

export const CONFIG = 'docs/.vitepress/config.mts';
export const CONTRIBUTE_SIDEBAR = 'docs/.vitepress/sidebars/contribute.ts';
export const BLOG_LIST = 'docs/.vitepress/theme/components/BlogList.vue';
export const SRC = 'docs/src';
export const RELEASES = `${SRC}/public/installed_tools/releases_amd64.csv`;
export const FULL_LIST = `${SRC}/public/installed_tools/lists/full_1.0.0_amd64.csv`;
export const REDIRECTS = 'cloudflare_redirects';

/** The docs fixture's files with a few changed. */
export const docs = (changes: Readonly<Record<string, Change>> = {}) => editedFiles('docs', changes);

/** A page of the fixture by its path under the pages' folder. */
export const page = (rel: string) => `${SRC}/${rel}`;

/** Where `needle` is written in `text` (it must be there once): its line and 1-based column. */
export function where(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at === -1 || text.indexOf(needle, at + 1) !== -1) throw new Error(`"${needle}" must occur exactly once`);
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}
