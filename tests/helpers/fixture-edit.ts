// A fixture copied to a temp folder with a few files changed: the way rule tests make one mistake at a time.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { makeFolder, writeFiles } from './git.js';

/** New text, an edit of the old text, or null to remove the file or folder. */
export type Change = string | ((old: string) => string) | null;

export async function editedFixture(fixture: string, changes: Record<string, Change> = {}): Promise<string> {
  const dir = await makeFolder({ fixture });
  for (const [file, change] of Object.entries(changes)) {
    const abs = path.join(dir, file);
    if (change === null) await fs.rm(abs, { recursive: true, force: true });
    else if (typeof change === 'string') await writeFiles(dir, { [file]: change });
    else await fs.writeFile(abs, change(await fs.readFile(abs, 'utf8')));
  }
  return dir;
}

/** Replace exactly one occurrence, so a test fails loudly when the fixture changes under it. */
export const edit = (from: string, to: string) => (old: string) => {
  expect(old.split(from)).toHaveLength(2);
  return old.replace(from, to);
};
