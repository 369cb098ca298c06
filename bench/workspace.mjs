// Lint cost on a real-size wrapper (62 release tags, ~2,000 commits) and a real-size three-repo
// workspace (bench/gen-workspace.mjs), as ratios against `node -e 0` measured in this same script,
// cases interleaved so machine noise hits them alike:
//  - the wrapper alone, cold (--no-cache);
//  - the workspace cold (--no-cache: every script parsed) and warm (parse cache filled);
//  - the four-repo workspace (the docs site of bench/gen-docs.mjs added, so the cross-repo rules
//    run: the wrapper's command line at HEAD and at its previous release tag), cold and warm;
// and the git processes one run starts, counted by a logging `git` first on PATH (here only).
// Usage: npm run build && node bench/workspace.mjs [runs]
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDocs } from './gen-docs.mjs';
import { generateWorkspace } from './gen-workspace.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/runner/cli.js');
const runs = Number(process.argv[2] ?? 9);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const work = mkdtempSync(path.join(os.tmpdir(), 'porgs-bench-workspace-'));
const t0 = Date.now();
const ws = generateWorkspace(path.join(work, 'ws'));
generateDocs(path.join(ws.dir, 'Exegol-docs'));
const config4 = path.join(ws.dir, 'porgs-lint-4.toml');
writeFileSync(config4, `${readFileSync(ws.config, 'utf8')}\n[repos.Exegol-docs]\npath = "Exegol-docs"\n`);
const generatedMs = Date.now() - t0;
const env = { ...process.env, NO_COLOR: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const lint = [CLI, '--today', '2026-01-15'];
const cases = {
  node: ['-e', '0'],
  wrapperCold: [...lint, '--no-cache', ws.wrapper.dir],
  workspaceCold: [...lint, '--no-cache', '--config', ws.config],
  workspaceWarm: [...lint, '--cache-dir', path.join(work, 'cache'), '--config', ws.config],
  // The generated docs document generated flags (`--opt-0`...), so the cross-repo rules find some.
  fourCold: [...lint, '--exit-zero', '--no-cache', '--config', config4],
  fourWarm: [...lint, '--exit-zero', '--cache-dir', path.join(work, 'cache4'), '--config', config4],
};

function run(args, extraEnv = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ws.dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...env, ...extraEnv } });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

// The git processes of one run: a `git` that logs its arguments, then runs the real one.
function gitProcesses(args) {
  const bin = path.join(work, 'bin');
  mkdirSync(bin, { recursive: true });
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const log = path.join(work, 'git.log');
  writeFileSync(path.join(bin, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> "${log}"\nexec "${realGit}" "$@"\n`);
  chmodSync(path.join(bin, 'git'), 0o755);
  writeFileSync(log, '');
  run(args, { PATH: `${bin}${path.delimiter}${process.env.PATH}` });
  const calls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const bySubcommand = {};
  for (const call of calls) {
    const words = call.split(' ');
    let i = 0;
    while (i < words.length && words[i].startsWith('-')) i += words[i] === '-c' || words[i] === '-C' ? 2 : 1;
    const sub = words[i] ?? '?';
    bySubcommand[sub] = (bySubcommand[sub] ?? 0) + 1;
  }
  return { total: calls.length, bySubcommand };
}

const wall = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i <= runs; i++) {
  for (const [name, args] of Object.entries(cases)) {
    const ms = run(args);
    if (i > 0) wall[name].push(ms); // the first round fills the parse cache and warms the disk
  }
}
const ms = Object.fromEntries(Object.entries(wall).map(([k, v]) => [k, median(v)]));
const wrapperGit = gitProcesses(cases.wrapperCold);
const workspaceGit = gitProcesses(cases.workspaceCold);
rmSync(work, { recursive: true, force: true });

const ratio = (x) => `${(x / ms.node).toFixed(2)}x`;
const breakdown = (g) => Object.entries(g.bySubcommand).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
console.log(`Workspace generated in ${generatedMs} ms: wrapper ${ws.wrapper.commits} commits (${ws.wrapper.merges} merges), ${ws.wrapper.tags} release tags; images ${ws.images.functions} install functions in ${ws.images.files} files; resources ${ws.resources.resources}.\n`);
console.log(`| case | median ms (${runs} runs) | ratio to node -e 0 | target |`);
console.log('|---|---:|---:|---|');
console.log(`| node -e 0 (baseline) | ${ms.node.toFixed(1)} | 1.00x | |`);
console.log(`| wrapper lint, cold (--no-cache) | ${ms.wrapperCold.toFixed(1)} | ${ratio(ms.wrapperCold)} | <= 2.5x |`);
console.log(`| three-repo workspace, cold (--no-cache) | ${ms.workspaceCold.toFixed(1)} | ${ratio(ms.workspaceCold)} | <= 6.0x |`);
console.log(`| three-repo workspace, warm (parse cache filled) | ${ms.workspaceWarm.toFixed(1)} | ${ratio(ms.workspaceWarm)} | <= 3.5x |`);
console.log(`| four-repo workspace (docs added), cold (--no-cache) | ${ms.fourCold.toFixed(1)} | ${ratio(ms.fourCold)} | <= 6.5x |`);
console.log(`| four-repo workspace (docs added), warm (parse cache filled) | ${ms.fourWarm.toFixed(1)} | ${ratio(ms.fourWarm)} | <= 3.5x |`);
console.log('');
console.log(`| run | git processes | by subcommand | target |`);
console.log('|---|---:|---|---|');
console.log(`| wrapper lint | ${wrapperGit.total} | ${breakdown(wrapperGit)} | <= 3 |`);
console.log(`| three-repo workspace lint | ${workspaceGit.total} | ${breakdown(workspaceGit)} | <= 3 per repo |`);
