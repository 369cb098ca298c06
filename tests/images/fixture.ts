// The images fixture (tests/fixtures/images) as data, for the images rule tests: clean as
// committed, then one mistake at a time, the way maintainers make them.
import type { Change } from '../helpers/fixture-edit.js';
import { editedFiles } from '../helpers/fixture-files.js';

export { edit } from '../helpers/fixture-edit.js';

export const MISC = 'sources/install/package_misc.sh';
export const AD = 'sources/install/package_ad.sh';
export const BASE = 'sources/install/package_base.sh';
export const COMMON = 'sources/install/common.sh';
export const ENTRYPOINT = 'sources/install/entrypoint.sh';
export const ALIASES = 'sources/assets/shells/aliases.d';
export const HISTORY = 'sources/assets/shells/history.d';

/** The images fixture's files with a few changed. */
export const images = (changes: Readonly<Record<string, Change>> = {}) => editedFiles('images', changes);

