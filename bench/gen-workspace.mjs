// Generates a three-repo workspace of real size: a wrapper with a real history
// (bench/gen-wrapper.mjs: 62 release tags, ~2,000 commits), an images repo with ~8,000 lines of
// install scripts (bench/gen-images.mjs: 500 install functions in 25 package files) and a
// resources repo (~40 resources in update-resources.sh and resources_list.csv), each committed
// in git, plus a porgs-lint.toml naming the three.
// Usage: node bench/gen-workspace.mjs <dir>
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateImages } from './gen-images.mjs';
import { generateWrapper } from './gen-wrapper.mjs';

const CHECKOUT = '11bd71901bbe5b1630ceea73d27597364c9af683';

function resourceFunction(i) {
  return [
    `function add_resource${i}() {`,
    `  info "Downloading resource${i}"`,
    `  chkfs "./${i % 2 ? 'linux' : 'windows'}/resource${i}/"`,
    `  wget -O ./${i % 2 ? 'linux' : 'windows'}/resource${i}/resource${i}.zip "https://github.com/example/resource${i}/releases/latest/download/resource${i}.zip"`,
    `  unzip -o -d ./${i % 2 ? 'linux' : 'windows'}/resource${i} ./${i % 2 ? 'linux' : 'windows'}/resource${i}/resource${i}.zip`,
    `  add-to-list "Resource ${i},https://github.com/example/resource${i},Resource number ${i} of the generated repo"`,
    '}',
    '',
  ].join('\n');
}

export function generateResources(dir, count = 42) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
  const ids = Array.from({ length: count }, (_, i) => i);
  writeFileSync(
    path.join(dir, 'update-resources.sh'),
    [
      '#!/bin/bash',
      '# Author: The Exegol Project',
      '',
      'function info () {\n  echo -e "[*] $@"\n}\n',
      'function add-to-list() {\n  echo "$1" >> "resources_list.csv"\n}\n',
      'function chkfs() {\n  mkdir -p $@\n}\n',
      'function init_list() {\n  rm -f resources_list.csv\n  add-to-list "Resource,Link,Description"\n}\n',
      ...ids.map(resourceFunction),
      'function add_resources() {',
      '  init_list',
      ...ids.map((i) => `  add_resource${i}`),
      '}',
      '',
      'add_resources',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, 'resources_list.csv'), ['Resource,Link,Description', ...ids.map((i) => `Resource ${i},https://github.com/example/resource${i},Resource number ${i} of the generated repo`), ''].join('\n'));
  writeFileSync(
    path.join(dir, '.github/workflows/update_resources.yml'),
    `# Pinned GitHub Actions\n#   actions/checkout v4.2.2 @ ${CHECKOUT}\n\nname: Update resources\non:\n  workflow_dispatch:\njobs:\n  update:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@${CHECKOUT} # v4.2.2\n      - run: bash update-resources.sh\n`,
  );
  const git = (...args) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'generated resources repo');
  return { dir, resources: count };
}

export function generateWorkspace(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const wrapper = generateWrapper(path.join(dir, 'Exegol'));
  const images = generateImages(path.join(dir, 'Exegol-images'), 500, 25);
  const resources = generateResources(path.join(dir, 'Exegol-resources'));
  const config = path.join(dir, 'porgs-lint.toml');
  writeFileSync(config, ['[repos.Exegol]', 'path = "Exegol"', '', '[repos.Exegol-images]', 'path = "Exegol-images"', '', '[repos.Exegol-resources]', 'path = "Exegol-resources"', ''].join('\n'));
  return { dir, config, wrapper, images, resources };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bench/gen-workspace.mjs <dir>');
    process.exit(2);
  }
  const t0 = Date.now();
  const w = generateWorkspace(path.resolve(dir));
  console.log(`${w.dir}: wrapper ${w.wrapper.commits} commits / ${w.wrapper.tags} tags, images ${w.images.functions} install functions, resources ${w.resources.resources}, in ${Date.now() - t0} ms`);
}
