// What running git only on porgs-lint's own git folder costs: the folder's set-up, one git call
// through the gateway against a plain one, reading the index against `git ls-files`, and whole
// lints of a clone with 60 release tags; ratios against `node -e 0` measured in this same script.
// Usage: npm run build && node bench/gateway.mjs [runs] [--before <other build>/dist/runner/cli.js]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkObjectStore, readHead, readRefs, readShallow } from '../dist/runner/git-disk.js';
import { readIndexGitlinks } from '../dist/runner/git-index.js';
import { readRepoFormat } from '../dist/runner/git-locate.js';
import { createShadow, removeShadow } from '../dist/runner/git-shadow.js';
import { runGit } from '../dist/runner/git.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/runner/cli.js');
const args = process.argv.slice(2);
const before = args.includes('--before') ? path.resolve(args[args.indexOf('--before') + 1]) : undefined;
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 9);
const TAGS = 60;
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' };
const git = (cwd, ...a) => execFileSync('git', a, { cwd, env, encoding: 'utf8' }).trim();

// An origin with 60 annotated release tags, one per commit, then a clone of it (packed refs and objects).
const work = mkdtempSync(path.join(os.tmpdir(), 'porgs-bench-gateway-'));
const origin = path.join(work, 'origin');
cpSync(path.join(ROOT, 'tests/fixtures/wrapper-5x'), origin, { recursive: true });
git(origin, 'init', '-q', '-b', 'master');
git(origin, 'add', '-A');
for (let i = 0; i < TAGS; i++) {
  git(origin, 'commit', '-q', '--allow-empty', '-m', `release 4.${i}.0`);
  git(origin, 'tag', '-a', `4.${i}.0`, '-m', `4.${i}.0`);
}
git(work, 'clone', '-q', `file://${origin}`, 'clone');
const clone = path.join(work, 'clone');
const gitDir = path.join(clone, '.git');

function wall(cmd, argv) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: clone, env, stdio: 'ignore' });
  if (r.status === null || r.status > 1) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Whole processes, interleaved so that machine noise hits every case alike. */
const processCases = [
  ['node -e 0 (baseline)', process.execPath, ['-e', '0']],
  ['git rev-parse HEAD (a plain git call)', 'git', ['rev-parse', 'HEAD']],
  [`lint, dev mode, ${TAGS} tags`, process.execPath, [CLI, '--mode', 'dev', '--no-cache', clone]],
  [`lint, release mode, ${TAGS} tags`, process.execPath, [CLI, '--mode', 'release', '--no-cache', clone]],
  ...(before
    ? [
        [`before: lint, dev mode, ${TAGS} tags`, process.execPath, [before, '--mode', 'dev', '--no-cache', clone]],
        [`before: lint, release mode, ${TAGS} tags`, process.execPath, [before, '--mode', 'release', '--no-cache', clone]],
      ]
    : []),
];
const samples = processCases.map(() => []);
for (let i = 0; i < runs; i++) processCases.forEach(([, cmd, argv], j) => samples[j].push(wall(cmd, argv)));
const ms = samples.map(median);
const node = ms[0];

/** In-process operations, averaged over many repetitions. */
async function perOp(n, fn) {
  await fn();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6 / n;
}
const spawnPlain = (argv, extraEnv = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn('git', argv, { cwd: clone, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', resolve);
  });

const readDotGit = () => {
  const objectsDir = path.join(gitDir, 'objects');
  checkObjectStore(objectsDir);
  return { objectsDir, format: readRepoFormat(gitDir), head: readHead(gitDir), refs: readRefs(gitDir), shallow: readShallow(gitDir) };
};
const read = await perOp(200, readDotGit);
const spec = readDotGit();
const setup = await perOp(200, () => removeShadow(createShadow(spec)));
const shadow = createShadow(spec);
const viaGateway = await perOp(40, () => runGit(shadow, ['rev-parse', '--verify', '--end-of-options', 'HEAD']));
const plain = await perOp(40, () => spawnPlain(['rev-parse', 'HEAD']));
const indexRead = await perOp(200, () => readIndexGitlinks(gitDir, 20));
const lsFiles = await perOp(40, () => spawnPlain([`--git-dir=${shadow}`, 'ls-files', '-s', '-z'], { GIT_INDEX_FILE: path.join(gitDir, 'index') }));
removeShadow(shadow);

console.log(`| case | median ms (${runs} runs) | vs node -e 0 |`);
console.log('|---|---:|---:|');
processCases.forEach(([name], j) => console.log(`| ${name} | ${ms[j].toFixed(1)} | ${(ms[j] / node).toFixed(2)}x |`));
console.log('');
console.log('| in process | ms per operation | vs node -e 0 |');
console.log('|---|---:|---:|');
for (const [name, t] of [
  [`.git read as data (format, HEAD, ${TAGS + 1} packed refs, shallow, object store checked)`, read],
  ['porgs-lint git folder made and removed (mkdtemp, 5 files)', setup],
  ['git rev-parse through the gateway (porgs-lint git folder)', viaGateway],
  ['git rev-parse, plain spawn in the clone', plain],
  ['gitlinks: .git/index parsed in process', indexRead],
  ['gitlinks: git ls-files -s with GIT_INDEX_FILE on the git folder', lsFiles],
]) {
  console.log(`| ${name} | ${t.toFixed(2)} | ${(t / node).toFixed(3)}x |`);
}
rmSync(work, { recursive: true, force: true });
