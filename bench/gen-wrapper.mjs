// Generates a wrapper-shaped repo with a real wrapper's history: release cycles in which
// contributors' pull requests are merged into dev, dev is merged into master by a pull request
// ("Merge pull request #N from ThePorgs/dev": first parent the previous master, second parent dev),
// master is tagged, dev is fast-forwarded onto master and bumped to the next beta. Tags come in the
// three kinds the real history has (lightweight, annotated, SSH-signed), and one hotfix on master
// is brought into dev by a true "Merge branch 'master' into dev". The default size is at least
// the real one: 62 release tags, about 2,000 commits, the 5.x layout with ~60 Python modules.
// The history is written by one `git fast-import`; only the signed tags need a process each.
// Usage: node bench/gen-wrapper.mjs <dir> [releases=62]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliFiles } from './gen-cli.mjs';

const ENV = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_'))),
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Porg',
  GIT_AUTHOR_EMAIL: 'porg@example.com',
  GIT_COMMITTER_NAME: 'Porg',
  GIT_COMMITTER_EMAIL: 'porg@example.com',
};
const FAKE_SUBMODULE = { 'exegol-images': 'a77a4f481fd6a7c2cbdc8b0b1b9d1f9c6f1e2a3b', 'exegol-resources': '336ef515379f0c0e5f59bb4e6b1b5f0a2f3c4d5e' };
const ACTIONS = { 'actions/checkout': '11bd71901bbe5b1630ceea73d27597364c9af683', 'actions/setup-python': '42375524e23c412d93fb67b49958b491fce71c38' };

/** X.Y.Z of the i-th release: 4.0.0, 4.0.1, ... a minor every 8 releases, a major every 40. */
export function releaseVersion(i) {
  const major = 4 + Math.floor(i / 40);
  const minor = Math.floor((i % 40) / 8);
  return `${major}.${minor}.${i % 8}`;
}
const nextBase = (v) => v.replace(/\d+$/, (p) => String(Number(p) + 1));

function constantConfig(version) {
  return `import os\nfrom pathlib import Path\n\n__version__ = "${version}"\n\n\nclass ConstantConfig:\n    """Constant parameters information"""\n    # Exegol Version\n    version: str = __version__\n\n    documentation: str = "https://docs.exegol.com/"\n    src_root_path_obj: Path = Path(__file__).parent.parent.parent.resolve()\n`;
}
const versionTest = (expected) => `from exegol.config.ConstantConfig import __version__\n\n\ndef test_version():\n    assert __version__ == '${expected}'\n`;
const spawn = (n, body) =>
  `#!/bin/bash\n\n# DO NOT CHANGE the syntax or text of the following line, only increment the version number\n# Spawn Version:${n}\n# The spawn version allow the wrapper to compare the current version of the spawn.sh inside the container compare to the one on the current wrapper version.\n\nfunction shell_logging() {\n    local method=$1\n    echo "[*] Logging with $method (${body})"\n}\n\nshell_logging "$@"\n`;
const module = (name, rev) => `"""${name}: generated module."""\nfrom typing import Optional\n\n\nclass ${name.replace(/(^|_)(\w)/g, (_, __, c) => c.toUpperCase())}:\n    revision: int = ${rev}\n\n    def run(self, arg: Optional[str] = None) -> str:\n        return f"{arg} at revision {self.revision}"\n`;
const requirements = ['docker~=7.1.0', 'requests~=2.32.3', 'rich~=13.9.4', 'GitPython~=3.1.44', 'PyYAML>=6.0.2', 'argcomplete~=3.5.3', 'tzlocal~=5.2', 'pyjwt[crypto]~=2.10.1'];
const pyproject = `[project]\nname = "Exegol"\ndynamic = ["version"]\nrequires-python = ">=3.10"\ndependencies = [\n${requirements.map((r) => `    "${r}",`).join('\n')}\n]\n\n[build-system]\nrequires = ["pdm-backend"]\nbuild-backend = "pdm.backend"\n\n[tool.pdm.version]\nsource = "file"\npath = "exegol/config/ConstantConfig.py"\n`;
const workflow = (name) =>
  `# Pinned GitHub Actions\n${Object.entries(ACTIONS).map(([a, sha]) => `#   ${a} v4 @ ${sha}`).join('\n')}\n\nname: ${name}\non:\n  push:\n    branches: [master, dev]\njobs:\n  ${name}:\n    runs-on: ubuntu-latest\n    steps:\n${Object.entries(ACTIONS).map(([a, sha]) => `      - uses: ${a}@${sha} # v4`).join('\n')}\n      - run: python -m pytest tests\n`;
const gitmodules = Object.keys(FAKE_SUBMODULE).map((p) => `[submodule "${p}"]\n\tpath = ${p}\n\turl = https://github.com/ThePorgs/${p.replace('exegol', 'Exegol')}\n\tbranch = main\n`).join('');

/**
 * A fast-import stream writer. Each commit is given its whole tree (path -> text, or
 * { gitlink: sha }); the stream carries only what differs from the first parent's tree, so a
 * merge commit gets the merged tree, not its first parent's.
 */
class Stream {
  chunks = [];
  trees = new Map();
  mark = 0;
  time = 1_600_000_000;
  commits = 0;
  merges = 0;
  data(text) {
    this.chunks.push(`data ${Buffer.byteLength(text)}\n${text}\n`);
  }
  commit(ref, message, tree, { from, merge } = {}) {
    const mark = ++this.mark;
    this.time += 3600;
    this.chunks.push(`commit ${ref}\nmark :${mark}\nauthor Porg <porg@example.com> ${this.time} +0000\ncommitter Porg <porg@example.com> ${this.time} +0000\n`);
    this.data(message);
    if (from) this.chunks.push(`from :${from}\n`);
    if (merge) this.chunks.push(`merge :${merge}\n`);
    const before = from ? this.trees.get(from) : new Map();
    for (const p of before.keys()) if (!tree.has(p)) this.chunks.push(`D ${p}\n`);
    for (const [p, v] of tree) {
      if (before.get(p) === v) continue;
      if (typeof v === 'object') {
        this.chunks.push(`M 160000 ${v.gitlink} ${p}\n`);
      } else {
        this.chunks.push(`M ${p.endsWith('.sh') ? '100755' : '100644'} inline ${p}\n`);
        this.data(v);
      }
    }
    this.chunks.push('\n');
    this.trees.set(mark, tree);
    this.commits++;
    if (merge) this.merges++;
    return mark;
  }
  reset(ref, mark) {
    this.chunks.push(`reset ${ref}\nfrom :${mark}\n\n`);
  }
  annotatedTag(name, mark) {
    this.chunks.push(`tag ${name}\nfrom :${mark}\ntagger Porg <porg@example.com> ${this.time} +0000\n`);
    this.data(`${name}\n`);
  }
  toString() {
    return this.chunks.join('');
  }
}

export function generateWrapper(dir, releases = 62) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const git = (args, opts = {}) => execFileSync('git', args, { cwd: dir, env: ENV, encoding: 'utf8', ...opts });
  git(['init', '-q', '-b', 'master']);

  const s = new Stream();
  const modules = Array.from({ length: 60 }, (_, i) => `exegol/${['console', 'manager', 'model', 'utils', 'config'][i % 5]}/module_${i}.py`);
  let spawnVersion = 1;
  const initial = new Map(
    Object.entries({
      'README.md': '# Exegol\n\nPython wrapper for the Exegol images.\n',
      'exegol.py': '#!/usr/bin/env python3\nfrom exegol.manager.ExegolController import main\n\nif __name__ == "__main__":\n    exit(main())\n',
      'exegol/__init__.py': '',
      'exegol/config/ConstantConfig.py': constantConfig(`${releaseVersion(0)}b1`),
      'exegol/utils/imgsync/spawn.sh': spawn(spawnVersion, 'initial'),
      'tests/__init__.py': 'from tests.exegol_test import test_version\n',
      'tests/exegol_test.py': versionTest(releaseVersion(0)),
      'requirements.txt': `${requirements.join('\n')}\n`,
      'pyproject.toml': pyproject,
      '.gitmodules': gitmodules,
      '.github/workflows/entrypoint_release.yml': workflow('release'),
      '.github/workflows/sub_testing.yml': workflow('testing'),
      ...Object.fromEntries(modules.map((m) => [m, module(path.basename(m, '.py'), 0)])),
      ...cliFiles(),
      ...Object.fromEntries(Object.entries(FAKE_SUBMODULE).map(([p, sha]) => [p, { gitlink: sha }])),
    }),
  );
  let master = s.commit('refs/heads/master', 'Initial commit\n', initial);
  s.reset('refs/heads/dev', master);
  let dev = master;
  let pr = 1;
  let rev = 0;
  const treeOf = (mark) => s.trees.get(mark);
  /** The tree of `mark` with some files changed. */
  const changed = (mark, files) => new Map([...treeOf(mark), ...Object.entries(files)]);
  const touch = (mark) => {
    const m = modules[rev % modules.length];
    return changed(mark, { [m]: module(path.basename(m, '.py'), ++rev) });
  };
  const tags = [];
  for (let r = 0; r < releases; r++) {
    const release = releaseVersion(r);
    // Contributors' pull requests into dev: a branch of 4 commits, merged with a merge commit
    // (nothing else lands on dev meanwhile, so the merged tree is the branch's).
    for (let f = 0; f < 4; f++) {
      let side = dev;
      for (let c = 0; c < 4; c++) side = s.commit('refs/heads/feature', `Feature ${r}.${f}: step ${c}\n`, touch(side), { from: side });
      dev = s.commit('refs/heads/dev', `Merge pull request #${pr++} from contributor/feature-${r}-${f}\n`, treeOf(side), { from: dev, merge: side });
    }
    for (let c = 0; c < 10; c++) dev = s.commit('refs/heads/dev', `Dev work ${r}.${c}\n`, touch(dev), { from: dev });
    if (r === Math.floor(releases * 0.6)) {
      // A hotfix straight on master, then brought into dev the way the hook must catch.
      const readme = { 'README.md': '# Exegol\n\nPython wrapper for the Exegol images (hotfix).\n' };
      master = s.commit('refs/heads/master', `Hotfix on master after ${releaseVersion(r - 1)}\n`, changed(master, readme), { from: master });
      dev = s.commit('refs/heads/dev', "Merge branch 'master' into dev\n", changed(dev, readme), { from: dev, merge: master });
    }
    const spawnBump = r % 10 === 9;
    if (spawnBump) spawnVersion++;
    const prepared = { 'exegol/config/ConstantConfig.py': constantConfig(release), 'tests/exegol_test.py': versionTest(release) };
    if (spawnBump) prepared['exegol/utils/imgsync/spawn.sh'] = spawn(spawnVersion, `release ${release}`);
    dev = s.commit('refs/heads/dev', `Prepare release ${release}\n`, changed(dev, prepared), { from: dev });
    master = s.commit('refs/heads/master', `Merge pull request #${pr++} from ThePorgs/dev\n\nRelease ${release}\n`, treeOf(dev), { from: master, merge: dev });
    tags.push({ name: release, mark: master, kind: ['lightweight', 'annotated', 'signed'][r % 3] });
    if (r % 3 === 0) s.reset(`refs/tags/${release}`, master);
    if (r % 3 === 1) s.annotatedTag(release, master);
    // After the release: dev fast-forwarded onto master, then the next beta.
    const beta = `${nextBase(release)}b1`;
    dev = s.commit('refs/heads/dev', `New dev version ${beta}\n`, changed(master, { 'exegol/config/ConstantConfig.py': constantConfig(beta), 'tests/exegol_test.py': versionTest(nextBase(release)) }), { from: master });
  }

  const marks = path.join(dir, '.git', 'bench-marks');
  // glibc's malloc gives memory back and asks for it again on every delta fast-import computes:
  // measured here, 3-10 s of brk calls for this stream; a 64 MB top pad makes it 0.2 s.
  git(['fast-import', '--quiet', `--export-marks=${marks}`], { input: s.toString(), env: { ...ENV, MALLOC_TOP_PAD_: String(64 * 1024 * 1024) } });
  const shaOf = new Map(readFileSync(marks, 'utf8').trim().split('\n').map((l) => { const [m, sha] = l.split(' '); return [Number(m.slice(1)), sha]; }));
  rmSync(marks);

  // Signed tags: one `git tag -s` each, with a throwaway SSH key (no passphrase).
  const key = path.join(dir, '.git', 'bench-signing-key');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'porg@example.com', '-f', key]);
  for (const t of tags.filter((x) => x.kind === 'signed')) {
    git(['-c', 'gpg.format=ssh', '-c', `user.signingkey=${key}.pub`, 'tag', '-s', t.name, '-m', t.name, shaOf.get(t.mark)]);
  }
  git(['branch', '-q', '-D', 'feature']);
  git(['checkout', '-q', '-f', 'master']);
  return { dir, releases, commits: s.commits, merges: s.merges, tags: tags.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, releases] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bench/gen-wrapper.mjs <dir> [releases=62]');
    process.exit(2);
  }
  const t0 = Date.now();
  const r = generateWrapper(path.resolve(dir), Number(releases ?? 62));
  console.log(`${r.dir}: ${r.commits} commits (${r.merges} merges), ${r.tags} release tags, in ${Date.now() - t0} ms`);
}
