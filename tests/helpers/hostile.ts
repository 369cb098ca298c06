// Hostile repositories: marker-writing programs a repo may name, temp folders removed after the
// tests, and FIFOs in place of files.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll } from 'vitest';
import { tmpDir } from './git.js';

const run = promisify(execFile);

/** Folders made by a test file, removed once its tests are done. */
export function tempFolders(): (dir: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return (dir: string) => {
    made.push(dir);
    return dir;
  };
}

export interface Trap {
  /** An executable that creates `marker` when run (whatever its arguments). */
  program: string;
  marker: string;
  fired(): boolean;
  reset(): void;
}

/** A program a hostile repo names; `fired()` tells whether anything ever ran it. */
export function trap(dir: string, name: string): Trap {
  const program = path.join(dir, `${name}.sh`);
  const marker = path.join(dir, `${name}.fired`);
  writeFileSync(program, `#!/bin/sh\ntouch '${marker}'\nexit 1\n`);
  chmodSync(program, 0o755);
  return { program, marker, fired: () => existsSync(marker), reset: () => rmSync(marker, { force: true }) };
}

/** A folder for traps, outside any repository. */
export const trapFolder = (keep: (dir: string) => string) => keep(tmpDir('porgs-traps-'));

export async function mkfifo(file: string): Promise<void> {
  rmSync(file, { force: true });
  await run('mkfifo', [file]);
}

/** Whatever runs `fn` must finish well before the test's own time limit. */
export async function within<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([fn(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
