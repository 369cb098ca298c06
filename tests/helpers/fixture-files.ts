// A fixture's files as data, for rules run in memory (the rule tester): one mistake at a time,
// without a temp folder or git.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Change } from './fixture-edit.js';
import { FIXTURES } from './git.js';

const read = new Map<string, Readonly<Record<string, string>>>();

function walk(root: string, dir: string, out: Record<string, string>): void {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(root, rel, out);
    else if (entry.isFile()) out[rel] = readFileSync(path.join(root, rel), 'utf8');
    else throw new Error(`fixture file ${rel} is neither a file nor a folder`);
  }
}

/** Every file of tests/fixtures/<name>, by repo path (read once per test file). */
export function fixtureFiles(name: string): Readonly<Record<string, string>> {
  let files = read.get(name);
  if (!files) {
    const out: Record<string, string> = {};
    walk(path.join(FIXTURES, name), '', out);
    read.set(name, (files = Object.freeze(out)));
  }
  return files;
}

/**
 * The fixture's files with a few changed: new text, an edit of the old text, or null to remove a
 * file or a folder. Editing or removing what the fixture does not have throws, so a test fails
 * loudly when the fixture changes under it.
 */
export function editedFiles(fixture: string, changes: Readonly<Record<string, Change>> = {}): Record<string, string> {
  const files = { ...fixtureFiles(fixture) };
  for (const [file, change] of Object.entries(changes)) {
    if (change === null) {
      const removed = Object.keys(files).filter((f) => f === file || f.startsWith(`${file}/`));
      if (removed.length === 0) throw new Error(`fixture ${fixture} has no ${file} to remove`);
      for (const f of removed) delete files[f];
    } else if (typeof change === 'string') {
      files[file] = change;
    } else {
      const old = files[file];
      if (old === undefined) throw new Error(`fixture ${fixture} has no ${file} to edit`);
      files[file] = change(old);
    }
  }
  return files;
}
