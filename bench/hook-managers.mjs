// What each hook manager adds to a push that runs porgs-lint, against the plain hook and against
// `node -e 0`, measured in this same script: a real `git push` of a new branch (let through) and of
// a lightweight release tag (blocked), with the manager set up first and "porgs-lint hook install"
// after it. husky and lefthook come from this project's devDependencies, pre-commit from the system.
// Usage: npm run build && node bench/hook-managers.mjs [runs]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/runner/cli.js');
const runs = Number(process.argv[2] ?? 5);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'porgs-bench-managers-'));
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_'))),
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'b',
  GIT_AUTHOR_EMAIL: 'b@b',
  GIT_COMMITTER_NAME: 'b',
  GIT_COMMITTER_EMAIL: 'b@b',
  NO_COLOR: '1',
  PRE_COMMIT_HOME: path.join(scratch, 'pre-commit-home'),
  PRE_COMMIT_COLOR: 'never',
};
const sh = (cwd, cmd, ...args) => execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const git = (cwd, ...args) => sh(cwd, 'git', ...args);
const hasPreCommit = spawnSync('pre-commit', ['--version'], { env }).status === 0;

const SETUP = {
  plain: () => {},
  husky: (dir) => {
    mkdirSync(path.join(dir, '.husky'));
    writeFileSync(path.join(dir, '.husky/pre-push'), 'true\n');
    sh(dir, process.execPath, path.join(ROOT, 'node_modules/husky/bin.js'));
  },
  lefthook: (dir) => {
    writeFileSync(path.join(dir, 'lefthook.yml'), 'pre-push:\n  commands:\n    team:\n      run: "true"\n');
    sh(dir, path.join(ROOT, 'node_modules/.bin/lefthook'), 'install');
  },
  'pre-commit': (dir) => {
    writeFileSync(
      path.join(dir, '.pre-commit-config.yaml'),
      'repos:\n  - repo: local\n    hooks:\n      - id: team\n        name: team\n        entry: "true"\n        language: system\n        stages: [push]\n        pass_filenames: false\n        always_run: true\n',
    );
    sh(dir, 'pre-commit', 'install', '--hook-type', 'pre-push');
  },
};

/** A wrapper repo on master with a bare origin, the manager set up, then porgs-lint's hook. */
function repoWith(manager) {
  const dir = path.join(scratch, manager);
  cpSync(path.join(ROOT, 'tests/fixtures/wrapper-5x'), dir, { recursive: true });
  rmSync(path.join(dir, '.gitmodules'), { force: true });
  git(dir, 'init', '-q', '-b', 'master');
  SETUP[manager](dir);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'release');
  const remote = path.join(scratch, `${manager}.git`);
  git(scratch, 'init', '-q', '--bare', remote);
  git(dir, 'remote', 'add', 'origin', remote);
  git(dir, 'push', '-q', '--no-verify', 'origin', 'master');
  const installed = spawnSync(process.execPath, [CLI, 'hook', 'install'], { cwd: dir, env, encoding: 'utf8' });
  if (installed.status !== 0) throw new Error(`${manager}: hook install failed: ${installed.stdout}${installed.stderr}`);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'porgs-lint pre-push check');
  git(dir, 'push', '-q', '--no-verify', 'origin', 'master');
  git(dir, 'tag', '5.1.4');
  return dir;
}

function median(times) {
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Median wall time of `make(i)`'s command; `expect` is the exit status every run must have. */
function wall(dir, make, expect) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const [cmd, args] = make(i);
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== expect) throw new Error(`${dir}: ${cmd} ${args.join(' ')} exited ${r.status}, expected ${expect}: ${r.stdout}${r.stderr}`);
  }
  return median(times);
}

let round = 0;
const branchPush = (dir, verify) => (i) => ['git', ['push', '-q', ...(verify ? [] : ['--no-verify']), 'origin', `HEAD:refs/heads/f${round}-${i}`]];
const node = wall(scratch, () => [process.execPath, ['-e', '0']], 0);
const rows = [];
for (const manager of Object.keys(SETUP)) {
  if (manager === 'pre-commit' && !hasPreCommit) {
    console.log('pre-commit: not installed here (apt-get install pre-commit); its row is left out');
    continue;
  }
  const dir = repoWith(manager);
  round++;
  const bare = wall(dir, branchPush(dir, false), 0);
  round++;
  const branch = wall(dir, branchPush(dir, true), 0);
  const tag = wall(dir, () => ['git', ['push', '-q', 'origin', '5.1.4']], 1);
  rows.push({ manager, bare, branch, tag });
}
rmSync(scratch, { recursive: true, force: true });

const plain = rows.find((r) => r.manager === 'plain');
const ratio = (ms) => `${(ms / node).toFixed(2)}x`;
const signed = (ms) => `${ms < 0 ? '-' : '+'}${Math.abs(ms).toFixed(0)} ms`;
console.log(`node -e 0: ${node.toFixed(1)} ms (median of ${runs})`);
console.log('| manager | push --no-verify ms | branch push ms | added by the hooks | vs plain hook | release tag push (blocked) ms | vs plain hook |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const added = r.branch - r.bare;
  const plainAdded = plain.branch - plain.bare;
  console.log(
    `| ${r.manager} | ${r.bare.toFixed(0)} | ${r.branch.toFixed(0)} | ${added.toFixed(0)} ms (${ratio(added)}) | ${r === plain ? '-' : signed(added - plainAdded)} | ${r.tag.toFixed(0)} | ${r === plain ? '-' : signed(r.tag - plain.tag)} |`,
  );
}
