// A docs tree that names things in the wrapper, images and resources repos, and those repos with
// their release branches, as data: every reference resolves until a case edits one side.
import { memoryGit, type GitState } from '../../runner/memory-git.js';
import type { OtherRepo } from '../../runner/testing.js';

export const CONFIG = 'docs/.vitepress/config.mts';
export const NOTES = 'docs/src/contribute/maintainers-notes.md';
export const MY_RESOURCES = 'docs/src/contribute/my-resources.md';
export const RESOURCES_PAGE = 'docs/src/contribute/resources.md';
export const IMAGES_PAGE = 'docs/src/images/my-resources.md';

export const DOCS: Readonly<Record<string, string>> = {
  [CONFIG]: "import { defineConfig } from 'vitepress'\n\nexport default defineConfig({ srcDir: 'src' })\n",
  'docs/src/index.md': '# Exegol\n',
  [NOTES]: [
    '# Maintainers Notes', //                                                   1
    '',
    '## Build and Release Processes',
    '',
    '### Wrapper Release Process',
    '',
    '1. Point exegol-images and exegol-resources submodules to latest main', // 7
    '',
    '```bash',
    'git -C exegol-images checkout main', //                                   10
    'git -C exegol-resources pull',
    'mypy exegol.py --ignore-missing-imports',
    'python3 -m build --sdist',
    '```',
    '',
    '- Review exegol.config.ConstantConfig variables', //                      16
    '- Review exegol.utils.imgsync.spawn.sh version',
    '- Update tests.exegol_test.py version number',
    '',
    '```bash',
    'git checkout master', //                                                  21
    'git tag -s 4.3.5 -m "4.3.5"',
    '```',
    '',
    '### Images Release Process',
    '',
    '```bash',
    'git checkout main', //                                                    28
    'git merge --ff-only main',
    'git checkout -b release/next',
    '```',
    '',
    '## Pull Request Management',
    '',
    '```bash',
    'git clone "git@github.com:USER/FORK" "dest_dir"',
    'git checkout "TARGET_FORK_BRANCH"', //                                    37
    '```',
    '',
  ].join('\n'),
  [MY_RESOURCES]: [
    '# My-resources',
    '',
    'The setup is run by the `load_supported_setups.sh` script (in the Exegol-images repo, at `/sources/assets/exegol/load_supported_setups.sh`).', // 3
    '',
    '- Add your tool in `sources/install/package_yourtool.sh`',
    '',
  ].join('\n'),
  [RESOURCES_PAGE]: ['# Contributing to the resources', '', '1. Fork the Exegol-resources repository', '2. Checkout the `main` branch', ''].join('\n'), // 4
  [IMAGES_PAGE]: [
    '# My-resources',
    '',
    'Binaries in `/opt/my-resources/bin/` are on the PATH.', //                                3
    'Arsenal cheats go in `/opt/my-resources/setup/arsenal-cheats/`; the shell starts from `/.exegol/skel/zsh/zshrc`.', // 4
    'Your files are at `/etc/hosts` and `/home/user/.exegol` on the host.',
    '',
    '```sh',
    'exh import creds --file creds.csv --format CSV', //                                      8
    '```',
    '',
  ].join('\n'),
};

export const WRAPPER: Readonly<Record<string, string>> = {
  '.gitmodules': '[submodule "exegol-images"]\n\tpath = exegol-images\n\turl = https://github.com/ThePorgs/Exegol-images.git\n[submodule "exegol-resources"]\n\tpath = exegol-resources\n\turl = https://github.com/ThePorgs/Exegol-resources\n',
  'exegol.py': 'from exegol.manager.ExegolController import main\n',
  'pyproject.toml': '[project]\nname = "exegol"\n',
  'exegol/__init__.py': '',
  'exegol/config/__init__.py': '',
  'exegol/config/ConstantConfig.py': 'class ConstantConfig:\n    version = "5.1.0"\n',
  'exegol/utils/imgsync/spawn.sh': '#!/bin/bash\n# Spawn Version:2\ncp /.exegol/spawn.sh /tmp\n',
  'tests/__init__.py': '',
  'tests/exegol_test.py': 'def test_version(): pass\n',
};

export const IMAGES: Readonly<Record<string, string>> = {
  Dockerfile: 'FROM debian\nADD sources /root/sources\n',
  'sources/assets/exegol/load_supported_setups.sh': [
    '#!/bin/bash',
    'MY_SETUP_PATH="/opt/my-resources/setup"',
    'mkdir -p /opt/my-resources/bin/',
    'mkdir -p "$MY_SETUP_PATH/arsenal-cheats"',
    'cp -r /opt/my-resources/setup/zsh /root/.zsh',
    'cp /.exegol/skel/zsh/zshrc /root/.zshrc',
    '',
  ].join('\n'),
  'sources/install/package_base.sh': '#!/bin/bash\n',
};

export const RESOURCES: Readonly<Record<string, string>> = {
  'update-resources.sh': '#!/bin/bash\n',
  'resources_list.csv': 'Resource,Link,Description\n',
};

/** The wrapper's submodules, as gitlinks of its commit: the tips of the images and resources repos below. */
const SUBMODULES = { 'exegol-images': 'images-tip', 'exegol-resources': 'resources-tip' };

/** One commit holding `files` (and `gitlinks`) on each branch given. */
export function gitOf(files: Readonly<Record<string, string>>, branches: readonly string[], gitlinks: Record<string, string> = {}, label = 'tip'): GitState {
  return { commits: [{ id: label, files: { ...files }, gitlinks }], branches: Object.fromEntries(branches.map((b) => [b, label])), head: { branch: branches[0] } };
}

export function wrapper(files = WRAPPER, branches: readonly string[] = ['master', 'dev']): OtherRepo {
  return { name: 'Exegol', kind: 'wrapper', files, git: memoryGit(gitOf(files, branches, SUBMODULES)) };
}

export function images(files = IMAGES, branches: readonly string[] = ['main', 'dev']): OtherRepo {
  return { name: 'Exegol-images', kind: 'images', files, git: memoryGit(gitOf(files, branches, {}, 'images-tip')) };
}

export function resources(files = RESOURCES, branches: readonly string[] = ['main']): OtherRepo {
  return { name: 'Exegol-resources', kind: 'resources', files, git: memoryGit(gitOf(files, branches, {}, 'resources-tip')) };
}

export const ALL = () => [wrapper(), images(), resources()];
