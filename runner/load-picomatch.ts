// picomatch, loaded on first use. Through `require`: it is CommonJS, and importing it would also run
// the ES module loader's scan of its exports (a few milliseconds of each run that globs).
import { createRequire } from 'node:module';

/** What porgs-lint calls of picomatch, typed here: its types are a dev dependency, which the shipped .d.ts must not need. */
export type GlobMatcher = (glob: string | string[], options?: { dot?: boolean; noextglob?: boolean; nobrace?: boolean }) => (path: string) => boolean;

let picomatchP: Promise<GlobMatcher> | undefined;

export const loadPicomatch = (): Promise<GlobMatcher> => (picomatchP ??= Promise.resolve().then(() => createRequire(import.meta.url)('picomatch') as GlobMatcher));
