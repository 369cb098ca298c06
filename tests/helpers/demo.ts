// The built-in demo workspace, copied outside any git repository (its findings then do not depend
// on where the project is checked out), as plain folders or with the git history `npm run demo`
// gives it (examples/demo/history.mjs).
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GIT_ENV, tmpDir } from './git.js';

export const DEMO = fileURLToPath(new URL('../../examples/demo/', import.meta.url));
export const DEMO_TODAY = '2026-06-01';
/** The script `npm run demo` runs first, and the folder it writes in the demo (git-ignored). */
export const DEMO_HISTORY_SCRIPT = path.join(DEMO, 'history.mjs');
export const DEMO_HISTORY = '.history';

/** A fresh copy of the demo's plain folders; returns its folder (the config is `porgs-lint.toml` in it). */
export function copyDemo(): string {
  const dir = path.join(tmpDir('porgs-demo-'), 'demo');
  cpSync(DEMO, dir, { recursive: true, filter: (src) => path.relative(DEMO, src) !== DEMO_HISTORY });
  return dir;
}

/**
 * The demo as `npm run demo` lints it: history.mjs run on the project's demo, writing to
 * `<root>/examples/demo/.history` of a fresh folder, so that paths relative to `root` read as in
 * the project. Returns both; the config is `<history>/porgs-lint.toml`.
 */
export function demoWithHistory(): { root: string; history: string } {
  const root = tmpDir('porgs-demo-git-');
  const history = path.join(root, 'examples', 'demo', DEMO_HISTORY);
  execFileSync(process.execPath, [DEMO_HISTORY_SCRIPT, DEMO, history], { env: GIT_ENV, stdio: ['ignore', 'ignore', 'pipe'] });
  return { root, history };
}
