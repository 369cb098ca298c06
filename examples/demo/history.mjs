#!/usr/bin/env node
// Builds a copy of the demo workspace in which each repo has a short git history, so that the rules
// that read git show real findings. The demo folders stay plain files in the project; the copy goes to
// a git-ignored folder and is rebuilt from scratch on every run.
//
//   node examples/demo/history.mjs [demo folder] [output folder]   (default: this folder, and its .history/)
//
// The history, with fixed identities and dates so that every commit id is the same on every machine:
// - Exegol-images: main, and dev one commit ahead of it;
// - Exegol-resources: main;
// - Exegol: master with the release tag 5.1.4 (before --hostname, version 5.1.4), then the current
//   tree; its exegol-images gitlink points at the images' dev commit, which is not on their main;
// - Exegol-docs: dev, which lacks a fix published on main.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOS = ['Exegol', 'Exegol-images', 'Exegol-resources', 'Exegol-docs'];
const CONFIG = 'porgs-lint.toml';

/** git with none of the user's or the machine's configuration, no hooks, no signing, no prompt. */
function gitEnv() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_')));
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Exegol Maintainer',
    GIT_AUTHOR_EMAIL: 'maintainer@example.org',
    GIT_COMMITTER_NAME: 'Exegol Maintainer',
    GIT_COMMITTER_EMAIL: 'maintainer@example.org',
    LC_ALL: 'C',
  };
}

function makeGit(dir, branch) {
  const env = gitEnv();
  const git = (args, date) => {
    const at = date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {};
    return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'core.autocrlf=false', ...args], {
      cwd: dir,
      env: { ...env, ...at },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  };
  git(['init', '-q', '--template=', '-b', branch]);
  return git;
}

/** Copies a folder's files with mode 644 (the mode git records must not depend on the checkout). */
function copyTree(from, to) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dest = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(src, dest);
    else if (entry.isFile()) {
      copyFileSync(src, dest);
      chmodSync(dest, 0o644);
    }
  }
}

/** `text` with `from` replaced by `to`; throws when `from` is not in it (the demo changed: update this script). */
function edit(text, from, to, file) {
  if (!text.includes(from)) throw new Error(`${file}: expected ${JSON.stringify(from.trim().slice(0, 60))} in it`);
  return text.replace(from, to);
}

/** Writes an older version of a file for one commit; returns a function that puts the current one back. */
function older(dir, file, change) {
  const abs = path.join(dir, file);
  const current = readFileSync(abs, 'utf8');
  writeFileSync(abs, change(current));
  return () => writeFileSync(abs, current);
}

const commit = (git, message, date) => {
  git(['commit', '-q', '--no-verify', '-m', message], date);
  return git(['rev-parse', 'HEAD']);
};

function images(dir) {
  const git = makeGit(dir, 'main');
  git(['add', '-A']);
  const later = ['sources/assets/shells/aliases.d/tldr', 'sources/assets/shells/history.d/tldr'];
  git(['rm', '-q', '--cached', '--', ...later]);
  const main = commit(git, 'Install scripts of the base and misc packages', '2026-04-20T10:00:00+02:00');
  git(['checkout', '-q', '-b', 'dev']);
  git(['add', '--', ...later]);
  return { main, dev: commit(git, 'tldr: aliases and history', '2026-05-12T10:00:00+02:00') };
}

function resources(dir) {
  const git = makeGit(dir, 'main');
  git(['add', '-A']);
  return commit(git, 'Resources and their list', '2026-04-21T10:00:00+02:00');
}

function wrapper(dir, gitlinks) {
  const git = makeGit(dir, 'master');
  // As in a clone whose submodules are not checked out: their folders exist, empty.
  for (const sub of ['exegol-images', 'exegol-resources']) mkdirSync(path.join(dir, sub));
  const link = (sub, oid) => git(['update-index', '--add', '--cacheinfo', `160000,${oid},${sub}`]);
  const restore = [
    older(dir, 'exegol/config/ConstantConfig.py', (t) => edit(t, '__version__ = "5.2.0b1"', '__version__ = "5.1.4"', 'ConstantConfig.py')),
    older(dir, 'exegol/console/cli/actions/GenericParameters.py', (t) => {
      const option = /\n {8}self\.hostname = Option\([^)]*\)\n/.exec(t)?.[0];
      if (!option) throw new Error('GenericParameters.py: expected the hostname option in it');
      return edit(edit(t, option, '\n', 'GenericParameters.py'), ',\n                                  {"arg": self.hostname, "required": False}', '', 'GenericParameters.py');
    }),
  ];
  git(['add', '-A']);
  link('exegol-images', gitlinks.imagesMain);
  link('exegol-resources', gitlinks.resources);
  commit(git, 'Release 5.1.4', '2026-04-22T10:00:00+02:00');
  git(['tag', '-a', '5.1.4', '-m', '5.1.4'], '2026-04-22T10:05:00+02:00');
  for (const r of restore) r();
  git(['add', '-A']);
  link('exegol-images', gitlinks.imagesDev);
  link('exegol-resources', gitlinks.resources);
  commit(git, 'Container hostname (--hostname), version 5.2.0b1, latest exegol-images', '2026-05-14T10:00:00+02:00');
}

function docs(dir) {
  const git = makeGit(dir, 'main');
  git(['add', '-A']);
  const later = 'docs/src/wrapper/cli/install.md';
  git(['rm', '-q', '--cached', '--', later]);
  const base = commit(git, 'Command-line pages', '2026-04-23T10:00:00+02:00');
  const restore = older(dir, 'docs/src/faq.md', (t) => `${t}\n## Does Exegol run on Windows?\n\nYes, in WSL 2.\n`);
  git(['add', '--', 'docs/src/faq.md']);
  commit(git, 'FAQ: Windows', '2026-05-02T10:00:00+02:00');
  // Checking out dev brings back the current FAQ (the base commit's).
  git(['checkout', '-q', '-b', 'dev', base]);
  restore();
  git(['add', '--', later]);
  commit(git, 'Document the install action', '2026-05-13T10:00:00+02:00');
}

export function buildHistory(demo, out) {
  if (out === demo || demo.startsWith(`${out}${path.sep}`)) throw new Error(`the output folder ${out} would hold the demo itself; choose another`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  copyFileSync(path.join(demo, CONFIG), path.join(out, CONFIG));
  for (const repo of REPOS) copyTree(path.join(demo, repo), path.join(out, repo));
  const image = images(path.join(out, 'Exegol-images'));
  const resourcesMain = resources(path.join(out, 'Exegol-resources'));
  wrapper(path.join(out, 'Exegol'), { imagesMain: image.main, imagesDev: image.dev, resources: resourcesMain });
  docs(path.join(out, 'Exegol-docs'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const demo = path.resolve(process.argv[2] ?? path.dirname(fileURLToPath(import.meta.url)));
  const out = path.resolve(process.argv[3] ?? path.join(demo, '.history'));
  try {
    buildHistory(demo, out);
  } catch (err) {
    const e = /** @type {{ stderr?: string, message: string, code?: string }} */ (err);
    const why = e.code === 'ENOENT' && /spawn/.test(e.message) ? 'git was not found on PATH' : (e.stderr || e.message).trim();
    process.stderr.write(`history.mjs: cannot build the demo's git history: ${why}\n`);
    process.exit(1);
  }
}
