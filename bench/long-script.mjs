// One long install script: about 10,000 and 100,000 lines (10x), as ratios against baselines
// measured in this script, without the parse cache, filling it (cold) and reading it (warm).
//  1. a whole `porgs-lint --kind images` process against bare `node -e 0`;
//  2. the images rules in one process, 1x and 10x, and the ratio 10x/1x (linear: 10), with the
//     time the garbage collector took and the ratio without it (the collector's share grows with
//     the heap a long script needs; what is left is the work of porgs-lint itself).
// Usage: npm run build && node bench/long-script.mjs [runs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateImages } from './gen-images.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/runner/cli.js');
const runs = Number(process.argv[2] ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const work = mkdtempSync(path.join(os.tmpdir(), 'porgs-bench-long-'));
let caches = 0;
const freshCache = () => path.join(work, `cache-${caches++}`);
// gen-images writes about 15.3 lines per install function; all in one package file.
const repo = (name, functions) => {
  const r = generateImages(path.join(work, name), functions, 1);
  return { ...r, lines: readFileSync(path.join(r.dir, 'sources/install/package_p0.sh'), 'utf8').split('\n').length, warmCache: freshCache() };
};
const one = repo('x1', 655);
const ten = repo('x10', 6550);

// 1. Whole process, interleaved with the baseline so machine noise hits all cases alike.
const lintArgs = (r) => [CLI, '--kind', 'images', '--today', '2026-01-15', r.dir];
const cases = {
  node: () => ['-e', '0'],
  'x1 no cache': () => [...lintArgs(one), '--no-cache'],
  'x1 cold': () => [...lintArgs(one), '--cache-dir', freshCache()],
  'x1 warm': () => [...lintArgs(one), '--cache-dir', one.warmCache],
  'x10 no cache': () => [...lintArgs(ten), '--no-cache'],
  'x10 cold': () => [...lintArgs(ten), '--cache-dir', freshCache()],
  'x10 warm': () => [...lintArgs(ten), '--cache-dir', ten.warmCache],
};
const wall = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i <= runs; i++) {
  for (const [name, args] of Object.entries(cases)) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args(), { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1', CI: '' } });
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}`);
    if (i > 0) wall[name].push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
}

// 2. In process, after a warm-up run (parser loaded once).
const { lint } = await import(pathToFileURL(path.join(ROOT, 'dist/runner/run.js')).href);
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
}).observe({ entryTypes: ['gc'] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 20)); // GC entries arrive asynchronously
// One sample of 1x is 10 runs in a row, so both sizes are sampled over the same amount of work
// and machine noise weighs on them alike; the time and GC per run are the sample's tenth.
const timeLint = async (r, cacheDir, times) => {
  await settle();
  const gc0 = gcMs;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < times; i++) {
    const result = await lint({ dirs: [r.dir], kind: 'images', mode: 'dev', today: '2026-01-15', env: {}, cacheDir: cacheDir(r) });
    if (result.diagnostics.some((d) => d.severity !== 'note')) throw new Error(`the generated repo should be clean: ${result.diagnostics[0].message}`);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  await settle();
  return { ms: ms / times, gc: (gcMs - gc0) / times };
};
await timeLint(one, () => undefined, 1);
const modes = { 'no cache': () => undefined, cold: freshCache, warm: (r) => r.warmCache };
const inProc = {};
const inRuns = Math.max(5, runs);
for (let i = 0; i < inRuns; i++) {
  for (const [mode, dir] of Object.entries(modes)) {
    for (const [size, r, times] of [['x1', one, 10], ['x10', ten, 1]]) (inProc[`${size} ${mode}`] ??= []).push(await timeLint(r, dir, times));
  }
}
rmSync(work, { recursive: true, force: true });

const nodeMs = median(wall.node);
const fmt = (n) => n.toFixed(1);
const inMs = (key) => median(inProc[key].map((x) => x.ms));
const inGc = (key) => median(inProc[key].map((x) => x.gc));
const inWork = (key) => median(inProc[key].map((x) => x.ms - x.gc));
console.log(`| case | process median ms | vs node -e 0 | in process, median ms per run (${inRuns} samples) | of which GC |`);
console.log('|---|---:|---:|---:|---:|');
console.log(`| node -e 0 (baseline, ${runs} runs) | ${fmt(nodeMs)} | 1.00x | | |`);
for (const [size, r] of [['x1', one], ['x10', ten]]) {
  for (const mode of Object.keys(modes)) {
    const key = `${size} ${mode}`;
    console.log(`| ${r.lines}-line script, ${mode} | ${fmt(median(wall[key]))} | ${(median(wall[key]) / nodeMs).toFixed(2)}x | ${fmt(inMs(key))} | ${fmt(inGc(key))} |`);
  }
}
console.log('| growth 10x / 1x (linear: 10x, target <= 10.5x) | process | | in process | in process without GC |');
for (const mode of Object.keys(modes)) {
  const [a, b] = [`x1 ${mode}`, `x10 ${mode}`];
  console.log(`| ${mode} | ${(median(wall[b]) / median(wall[a])).toFixed(2)}x | | ${(inMs(b) / inMs(a)).toFixed(2)}x | ${(inWork(b) / inWork(a)).toFixed(2)}x |`);
}
