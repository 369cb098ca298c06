// Runs every benchmark in this folder; each prints ratios against a baseline measured in the same script.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (f) => fileURLToPath(new URL(f, import.meta.url));
for (const script of ['startup.mjs', 'hook.mjs', 'images.mjs', 'findings.mjs', 'long-script.mjs', 'gateway.mjs', 'workspace.mjs', 'docs.mjs']) {
  if (!existsSync(here(script))) continue;
  console.log(`\n## ${script}\n`);
  const r = spawnSync(process.execPath, [here(script)], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}
