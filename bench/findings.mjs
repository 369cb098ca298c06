// Many findings in one file: 2,000 and 20,000 (10x), as ratios against baselines measured in this
// script. Each finding's fingerprint and pretty excerpt need the text of its line; the file must
// be scanned once, not once per finding.
//  1. a whole `porgs-lint --kind images` process (pretty output) against bare `node -e 0`;
//  2. lint + the pretty report in one process, 1x and 10x, and the ratio 10x/1x (linear: 10).
// Usage: npm run build && node bench/findings.mjs [runs]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/runner/cli.js');
const runs = Number(process.argv[2] ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const FINDINGS_PER_FUNCTION = 5;

/** An images repo whose one package script has `findings` findings: install functions that call none of the five helpers. */
function generate(dir, findings) {
  const functions = findings / FINDINGS_PER_FUNCTION;
  const install = path.join(dir, 'sources/install');
  mkdirSync(install, { recursive: true });
  const body = ['#!/bin/bash', 'source common.sh', ''];
  for (let i = 0; i < functions; i++) body.push(`function install_tool${i}() {`, `    fapt tool${i}`, '}', '');
  body.push('function package_big() {', ...Array.from({ length: functions }, (_, i) => `    install_tool${i}`), '}', '');
  writeFileSync(path.join(install, 'package_big.sh'), body.join('\n'));
  writeFileSync(path.join(install, 'common.sh'), '#!/bin/bash\nfunction fapt() {\n    apt-get install -y "$@"\n}\n');
  writeFileSync(path.join(install, 'entrypoint.sh'), '#!/bin/bash\nsource package_big.sh\n');
  return { dir, findings, lines: body.length };
}

const work = mkdtempSync(path.join(os.tmpdir(), 'porgs-bench-findings-'));
const one = generate(path.join(work, 'x1'), 2000);
const ten = generate(path.join(work, 'x10'), 20000);
const lintArgs = (repo) => [CLI, '--kind', 'images', '--mode', 'dev', '--today', '2026-01-15', '--no-cache', '--no-color', repo.dir];

// 1. Whole process, interleaved with the baseline so machine noise hits all cases alike.
const cases = { node: ['-e', '0'], x1: lintArgs(one), x10: lintArgs(ten) };
const wall = { node: [], x1: [], x10: [] };
for (let i = 0; i <= runs; i++) {
  for (const [name, args] of Object.entries(cases)) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore', env: { ...process.env, CI: '' } });
    if (r.status !== (name === 'node' ? 0 : 1)) throw new Error(`${args.join(' ')} exited ${r.status}`);
    if (i > 0) wall[name].push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
}

// 2. In process: lint and render, after a warm-up run (parser loaded once).
const { lint } = await import(pathToFileURL(path.join(ROOT, 'dist/runner/run.js')).href);
const { pretty } = await import(pathToFileURL(path.join(ROOT, 'dist/reporters/pretty.js')).href);
const lintAndReport = async (repo) => {
  const t0 = process.hrtime.bigint();
  const result = await lint({ dirs: [repo.dir], kind: 'images', mode: 'dev', today: '2026-01-15', env: {} });
  const out = pretty(result, { color: false, cwd: work });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const inFile = result.diagnostics.filter((d) => d.location.path === 'sources/install/package_big.sh' && d.severity === 'error').length;
  if (inFile !== repo.findings) throw new Error(`expected ${repo.findings} findings in package_big.sh, got ${inFile}`);
  if (!out.includes(' | function install_tool')) throw new Error('the report shows no excerpt');
  return ms;
};
await lintAndReport(one);
// One sample of 1x is 10 runs in a row (the time is per run), so both sizes are sampled over the
// same amount of work and machine noise weighs on them alike.
const inProc = { x1: [], x10: [] };
const inRuns = Math.max(5, runs);
for (let i = 0; i < inRuns; i++) {
  let sum = 0;
  for (let k = 0; k < 10; k++) sum += await lintAndReport(one);
  inProc.x1.push(sum / 10);
  inProc.x10.push(await lintAndReport(ten));
}
rmSync(work, { recursive: true, force: true });

const nodeMs = median(wall.node);
const fmt = (n) => n.toFixed(1);
const row = (what, ms, note = '') => console.log(`| ${what} | ${fmt(ms)} | ${(ms / nodeMs).toFixed(2)}x | ${note} |`);
console.log('| case | median ms | vs node -e 0 | |');
console.log('|---|---:|---:|---|');
row(`node -e 0 (baseline, ${runs} runs)`, nodeMs);
row(`porgs-lint, ${one.findings} findings in one ${one.lines}-line file (pretty)`, median(wall.x1));
row(`porgs-lint, ${ten.findings} findings in one ${ten.lines}-line file (pretty)`, median(wall.x10), `process 10x/1x: ${(median(wall.x10) / median(wall.x1)).toFixed(2)}x`);
row(`lint + pretty in process, ${one.findings} findings (${inRuns} samples of 10 runs, per run)`, median(inProc.x1));
row(`lint + pretty in process, ${ten.findings} findings`, median(inProc.x10));
console.log(`| growth, in process, 10x / 1x | | ${(median(inProc.x10) / median(inProc.x1)).toFixed(2)}x | <= 10.5x (linear: 10x) |`);
