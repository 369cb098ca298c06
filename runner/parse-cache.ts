// A content-addressed cache of parsed views on disk, so a file that has not changed is not parsed
// again by the next run (the bash grammar is the one parser whose load and parse cost more than
// reading its result back). Best effort: any read or write failure means "not cached".
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** `$PORGS_LINT_CACHE_DIR`, else `$XDG_CACHE_HOME/porgs-lint`, else `~/.cache/porgs-lint`. */
export function defaultCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  if (env.PORGS_LINT_CACHE_DIR) return env.PORGS_LINT_CACHE_DIR;
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'porgs-lint');
}

export class ParseCache {
  /**
   * @param salt identifies the parser and the code that builds the view: entries written by
   *   another version are never read.
   */
  constructor(
    private readonly dir: string,
    private readonly salt: string,
  ) {}

  key(text: string): string {
    return createHash('sha256').update(this.salt).update('\0').update(text).digest('hex');
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  get(key: string): unknown {
    try {
      return JSON.parse(readFileSync(this.file(key), 'utf8'));
    } catch {
      return undefined;
    }
  }

  set(key: string, value: unknown): void {
    const file = this.file(key);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(tmp, JSON.stringify(value));
      renameSync(tmp, file);
    } catch {
      // A cache that cannot be written only makes the next run slower.
    }
  }
}
