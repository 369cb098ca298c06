// The built-in demo workspace, copied outside any git repository (its findings then do not depend
// on where the project is checked out).
import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpDir } from './git.js';

export const DEMO = fileURLToPath(new URL('../../examples/demo/', import.meta.url));
export const DEMO_TODAY = '2026-06-01';

/** A fresh copy of the demo; returns its folder (the config is `porgs-lint.toml` in it). */
export function copyDemo(): string {
  const dir = path.join(tmpDir('porgs-demo-'), 'demo');
  cpSync(DEMO, dir, { recursive: true });
  return dir;
}
