// The pre-push hook's cost on a branch push and a tag push, as ratios against `node -e 0` and
// `git rev-parse HEAD` measured in this same script. Usage: npm run build && node bench/hook.mjs [runs]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/runner/cli.js');
const runs = Number(process.argv[2] ?? 9);
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1' };
const git = (cwd, ...args) => execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();

const dir = mkdtempSync(path.join(os.tmpdir(), 'porgs-bench-'));
cpSync(path.join(ROOT, 'tests/fixtures/wrapper-5x'), dir, { recursive: true });
git(dir, 'init', '-q', '-b', 'master');
git(dir, 'rm', '-q', '--cached', '-r', '.', '--ignore-unmatch');
git(dir, '-c', 'user.name=b', '-c', 'user.email=b@b', 'add', '-A');
git(dir, '-c', 'user.name=b', '-c', 'user.email=b@b', 'commit', '-q', '-m', 'x');
git(dir, '-c', 'user.name=b', '-c', 'user.email=b@b', 'tag', '-a', '5.1.4', '-m', '5.1.4');
const head = git(dir, 'rev-parse', 'HEAD');
const tagObj = git(dir, 'rev-parse', '5.1.4');
const zero = '0'.repeat(40);

function wall(cmd, args, input) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(cmd, args, { cwd: dir, env, input, stdio: ['pipe', 'ignore', 'ignore'] });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const node = wall(process.execPath, ['-e', '0']);
const revParse = wall('git', ['rev-parse', 'HEAD']);
const branch = wall(process.execPath, [CLI, 'pre-push', 'origin', 'x'], `refs/heads/feature ${head} refs/heads/feature ${zero}\n`);
const tag = wall(process.execPath, [CLI, 'pre-push', 'origin', 'x'], `refs/tags/5.1.4 ${tagObj} refs/tags/5.1.4 ${zero}\n`);
// 10,000 ref lines in one push: 9,999 new branches and a dev update with a merge of master in it.
git(dir, 'branch', 'dev');
git(dir, '-c', 'user.name=b', '-c', 'user.email=b@b', 'commit', '-q', '--allow-empty', '-m', 'hotfix');
git(dir, 'checkout', '-q', 'dev');
git(dir, '-c', 'user.name=b', '-c', 'user.email=b@b', 'commit', '-q', '--allow-empty', '-m', 'dev');
git(dir, '-c', 'user.name=b', '-c', 'user.email=b@b', 'merge', '-q', '--no-ff', '-m', 'merge master', 'master');
const many = [...Array.from({ length: 9_999 }, (_, i) => `refs/heads/f${i} ${head} refs/heads/f${i} ${zero}`), `refs/heads/dev ${git(dir, 'rev-parse', 'dev')} refs/heads/dev ${head}`].join('\n') + '\n';
const check = spawnSync(process.execPath, [CLI, 'pre-push', 'origin', 'x'], { cwd: dir, env, input: many, encoding: 'utf8' });
if (check.status !== 1 || !check.stderr.includes('1 merge commit brings master into dev')) throw new Error(`10,000 ref lines: expected the merge to be reported, got ${check.status}: ${check.stderr}`);
const tenThousand = wall(process.execPath, [CLI, 'pre-push', 'origin', 'x'], many);

console.log(`| case | median ms (${runs} runs) | vs node -e 0 | vs git rev-parse HEAD |`);
console.log('|---|---:|---:|---:|');
for (const [name, ms] of [['node -e 0 (baseline)', node], ['git rev-parse HEAD', revParse], ['hook: push one branch', branch], ['hook: push one release tag', tag], ['hook: 10,000 ref lines (one dev update)', tenThousand]]) {
  console.log(`| ${name} | ${ms.toFixed(1)} | ${(ms / node).toFixed(2)}x | ${(ms / revParse).toFixed(2)}x |`);
}
