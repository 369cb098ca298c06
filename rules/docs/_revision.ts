// How a cross-repo message names the revision of each repo it compares.
import type { RepoInfo } from '../../runner/types.js';

/** `Exegol at 5.1.4` (with `--rev`), `Exegol-docs work tree`. */
export const revisionOf = (info: RepoInfo): string => (info.rev ? `${info.name} at ${info.rev}` : `${info.name} work tree`);
