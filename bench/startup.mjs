// Start-up cost of the lint command, as ratios against `node -e 0` measured in this same script.
// Usage: npm run build && node bench/startup.mjs [runs]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/runner/cli.js');
const DEMO = path.join(ROOT, 'examples/demo');
const runs = Number(process.argv[2] ?? 9);

function wall(args) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    if (r.status === null || r.status > 1) throw new Error(`${args.join(' ')} exited ${r.status}`);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const cases = [
  ['bare node (baseline)', ['-e', '0']],
  ['porgs-lint --version', [CLI, '--version']],
  ['porgs-lint --list-rules', [CLI, '--list-rules']],
  ['lint demo wrapper (Python)', [CLI, '--kind', 'wrapper', '--mode', 'release', path.join(DEMO, 'Exegol')]],
  ['lint demo workspace (all kinds)', [CLI, '--config', path.join(DEMO, 'porgs-lint.toml'), '--today', '2026-06-01']],
];

const base = wall(cases[0][1]);
console.log(`| case | median ms (${runs} runs) | ratio to bare node |`);
console.log('|---|---:|---:|');
for (const [name, args] of cases) {
  const ms = name.startsWith('bare') ? base : wall(args);
  console.log(`| ${name} | ${ms.toFixed(1)} | ${(ms / base).toFixed(2)}x |`);
}
