// The images rules at real size and at 10x, as ratios against baselines measured in this script:
//  1. a whole `porgs-lint --kind images` process on a real-size repo against bare `node -e 0`,
//     cold (every script parsed) and warm (parse cache filled);
//  2. the images rules (bash parse included) in one process: time per 1,000 install functions,
//     and the ratio 10x/1x (linear would be 10).
// Usage: npm run build && node bench/images.mjs [runs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateImages } from './gen-images.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/runner/cli.js');
const runs = Number(process.argv[2] ?? 9);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const work = mkdtempSync(path.join(os.tmpdir(), 'porgs-bench-images-'));
const one = generateImages(path.join(work, 'x1'), 400, 25);
const ten = generateImages(path.join(work, 'x10'), 4000, 250);

// 1. Whole process, interleaved with the baseline so machine noise hits all cases alike. "cold"
// parses every script (--no-cache: a fresh CI machine); "warm" finds them in the parse cache
// (filled by the first run: a developer's second run, or CI with the cache folder restored).
const lintArgs = [CLI, '--kind', 'images', '--today', '2026-01-15', one.dir];
const cases = {
  node: ['-e', '0'],
  cold: [...lintArgs, '--no-cache'],
  warm: [...lintArgs, '--cache-dir', path.join(work, 'cache')],
};
const wall = { node: [], cold: [], warm: [] };
for (let i = 0; i <= runs; i++) {
  for (const [name, args] of Object.entries(cases)) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
    if (i > 0) wall[name].push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
}
const nodeMs = median(wall.node);
const coldMs = median(wall.cold);
const warmMs = median(wall.warm);

// 2. In process: the images rules on 1x and 10x, after a warm-up run (parser loaded once).
const { lint } = await import(pathToFileURL(path.join(ROOT, 'dist/runner/run.js')).href);
const { loadRules } = await import(pathToFileURL(path.join(ROOT, 'dist/runner/registry.js')).href);
const rules = (await loadRules()).filter((r) => r.id.startsWith('images/')).map((r) => r.id);
const timeLint = async (dir) => {
  const t0 = process.hrtime.bigint();
  const result = await lint({ dirs: [dir], kind: 'images', mode: 'dev', rules, today: '2026-01-15', env: {} });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (result.diagnostics.some((d) => d.severity !== 'note')) throw new Error(`the generated repo should be clean: ${result.diagnostics[0].message}`);
  return ms;
};
await timeLint(one.dir);
const inProc = { x1: [], x10: [] };
const inRuns = Math.max(3, Math.ceil(runs / 2));
for (let i = 0; i < inRuns; i++) {
  inProc.x1.push(await timeLint(one.dir));
  inProc.x10.push(await timeLint(ten.dir));
}
const x1 = median(inProc.x1);
const x10 = median(inProc.x10);
rmSync(work, { recursive: true, force: true });

const fmt = (n) => n.toFixed(1);
console.log(`| case | median ms | ratio | target |`);
console.log('|---|---:|---:|---|');
console.log(`| node -e 0 (baseline, ${runs} runs) | ${fmt(nodeMs)} | 1.00x | |`);
console.log(`| porgs-lint --kind images, ${one.functions} functions in ${one.files} files, cold (--no-cache) | ${fmt(coldMs)} | ${(coldMs / nodeMs).toFixed(2)}x | < 400 ms and <= 3x |`);
console.log(`| the same, warm (scripts found in the parse cache) | ${fmt(warmMs)} | ${(warmMs / nodeMs).toFixed(2)}x | < 400 ms and <= 3x |`);
console.log(`| images rules in process, 1x (${one.functions} functions, ${inRuns} runs) | ${fmt(x1)} | ${fmt((x1 / one.functions) * 1000)} ms per 1,000 functions | |`);
console.log(`| images rules in process, 10x (${ten.functions} functions) | ${fmt(x10)} | ${fmt((x10 / ten.functions) * 1000)} ms per 1,000 functions | |`);
console.log(`| ratio 10x / 1x | | ${(x10 / x1).toFixed(2)}x | <= 10.5x (linear: 10x) |`);
