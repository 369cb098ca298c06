// picomatch, loaded on first use. Through `require`: it is CommonJS, and importing it would also run
// the ES module loader's scan of its exports (a few milliseconds of each run that globs).
import { createRequire } from 'node:module';

type Picomatch = typeof import('picomatch');

let picomatchP: Promise<Picomatch> | undefined;

export const loadPicomatch = (): Promise<Picomatch> => (picomatchP ??= Promise.resolve().then(() => createRequire(import.meta.url)('picomatch') as Picomatch));
