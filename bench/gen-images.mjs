// Generates an images-shaped repo: N install functions over F package files, with the shapes the
// real repo has (whitelists, temp-fix blocks, $(uname -m) chains, heredocs, commented-out calls),
// aliases.d/history.d files, entrypoint.sh, common.sh and Dockerfiles. The default size is the real
// one: about 400 functions in 25 files, about 7,000 lines of bash.
// Usage: node bench/gen-images.mjs <dir> [functions=400] [files=25]
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function installFunction(i) {
  const tool = `tool${i}`;
  const lines = [`function install_${tool}() {`];
  const whitelist = i % 5 === 0;
  if (whitelist) lines.push('    # CODE-CHECK-WHITELIST=add-aliases,add-history');
  lines.push(`    colorecho "Installing ${tool}"`);
  if (i % 7 === 0) {
    lines.push(
      '    local temp_fix_limit="2099-12-31"',
      '    if check_temp_fix_expiry "$temp_fix_limit"; then',
      `      # upstream release is broken, building ${tool} from a fixed commit`,
      `      git -C /opt/tools/ clone --depth 1 https://github.com/example/${tool}.git`,
      '    fi',
    );
  }
  if (i % 4 === 0) {
    lines.push(
      "    if [[ $(uname -m) = 'x86_64' ]]; then",
      `        wget -O /tmp/${tool}.tar.gz "https://example.org/${tool}/releases/latest/download/${tool}-linux-amd64.tar.gz"`,
      "    elif [[ $(uname -m) = 'aarch64' ]]; then",
      `        wget -O /tmp/${tool}.tar.gz "https://example.org/${tool}/releases/latest/download/${tool}-linux-arm64.tar.gz"`,
      '    else',
      `        criticalecho-noexit "This installation function doesn't support architecture $(uname -m)" && return`,
      '    fi',
      `    tar -xzf /tmp/${tool}.tar.gz -C /opt/tools/bin/ && rm /tmp/${tool}.tar.gz`,
    );
  } else if (i % 4 === 1) {
    lines.push(
      `    git -C /opt/tools/ clone --depth 1 https://github.com/example/${tool}.git`,
      `    cd /opt/tools/${tool} || exit`,
      '    python3 -m venv --system-site-packages ./venv',
      '    ./venv/bin/python3 -m pip install -r requirements.txt',
      `    cat << 'EOF' > /opt/tools/bin/${tool}`,
      '#!/bin/bash',
      `# add-history and { in a heredoc are data, not code`,
      `/opt/tools/${tool}/venv/bin/python3 /opt/tools/${tool}/${tool}.py "$@"`,
      'EOF',
      `    chmod +x /opt/tools/bin/${tool}`,
    );
  } else if (i % 4 === 2) {
    lines.push(`    pipx install --system-site-packages git+https://github.com/example/${tool}`, `    echo "{ add-aliases ${tool} is a string }" > /dev/null`);
  } else {
    lines.push(`    fapt ${tool}`, `    go install -v github.com/example/${tool}/cmd/${tool}@latest`, '    asdf reshim golang');
  }
  if (!whitelist) lines.push(`    add-aliases ${tool}`, `    add-history ${tool}`);
  lines.push(`    add-test-command "${tool} --help"`, `    add-to-list "${tool},https://github.com/example/${tool},Tool number ${i} of the generated image"`, '}', '');
  return { tool, text: lines.join('\n'), whitelist };
}

export function generateImages(dir, functions = 400, files = 25) {
  rmSync(dir, { recursive: true, force: true });
  const install = path.join(dir, 'sources/install');
  const aliases = path.join(dir, 'sources/assets/shells/aliases.d');
  const history = path.join(dir, 'sources/assets/shells/history.d');
  for (const d of [install, aliases, history]) mkdirSync(d, { recursive: true });
  writeFileSync(path.join(aliases, '_init'), "alias ll='ls -lh'\n");
  writeFileSync(path.join(history, '_init'), '# history\n');
  writeFileSync(
    path.join(install, 'common.sh'),
    [
      '#!/bin/bash',
      'function colorecho () {\n    echo -e "${BLUE}[EXEGOL] $*${NOCOLOR}"\n}',
      'function criticalecho-noexit () {\n    echo -e "${RED}[EXEGOL ERROR] $*${NOCOLOR}" 2>&1\n}',
      'function add-to-list() {\n  echo "$1" >> "/.exegol/installed_tools.csv"\n}',
      'function add-aliases() {\n    grep -vE "^\\s*$" "/root/sources/assets/shells/aliases.d/$*" | tee -a /opt/.exegol_aliases\n}',
      'function add-history() {\n    grep -vE "^\\s*$" "/root/sources/assets/shells/history.d/$*" | tee -a /opt/.exegol_history\n}',
      'function add-test-command() {\n    echo "$*" >> "/.exegol/build_pipeline_tests/all_commands.txt"\n}',
      'function check_temp_fix_expiry() {\n    [[ "$(date +%Y%m%d)" -le "$(date -d "$1" +%Y%m%d)" ]]\n}',
      'function fapt() {\n    apt-fast install -y --no-install-recommends "$@"\n}',
      'function deploy_exegol() {\n    cp -v /root/sources/assets/shells/aliases.d/_init /opt/.exegol_aliases\n    cp -v /root/sources/assets/shells/history.d/_init /opt/.exegol_history\n}',
      '',
    ].join('\n\n'),
  );
  const packages = [];
  const perFile = Math.ceil(functions / files);
  for (let f = 0; f < files; f++) {
    const name = `package_p${f}`;
    const body = ['#!/bin/bash', '# Author: The Exegol Project', '', 'source common.sh', ''];
    const calls = [];
    for (let i = f * perFile; i < Math.min(functions, (f + 1) * perFile); i++) {
      const fn = installFunction(i);
      body.push(fn.text);
      calls.push(`    install_${fn.tool}${' '.repeat(Math.max(1, 24 - fn.tool.length))}# Tool number ${i}`);
      if (!fn.whitelist) writeFileSync(path.join(aliases, fn.tool), `alias ${fn.tool}-run='${fn.tool} --verbose'\n`);
      if (!fn.whitelist) writeFileSync(path.join(history, fn.tool), `${fn.tool} --target "$TARGET"\n`);
    }
    calls.push('    # install_removedtool     # Removed upstream');
    body.push(`# Package ${f}`, `function ${name}() {`, '    local start_time', '    start_time=$(date +%s)', ...calls, '    colorecho "Package completed in $(( $(date +%s) - start_time )) seconds."', '}', '');
    writeFileSync(path.join(install, `${name}.sh`), body.join('\n'));
    packages.push(name);
  }
  writeFileSync(
    path.join(install, 'entrypoint.sh'),
    ['#!/bin/bash', 'set -e', ...packages.map((p) => `# shellcheck source=${p}.sh\nsource ${p}.sh`), 'if declare -f "$1" > /dev/null; then\n  "$@"\nelse\n  echo "\'$1\' is not a known function name" >&2\n  exit 1\nfi', ''].join('\n'),
  );
  writeFileSync(path.join(dir, 'Dockerfile'), ['FROM debian:12-slim', 'COPY sources /root/sources/', 'WORKDIR /root/sources/install', ...packages.map((p) => `RUN ./entrypoint.sh ${p}`), ''].join('\n\n'));
  // A real checkout is a git repo on a branch: commit it, so the run reads git facts as it would there.
  const git = (...args) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'dev');
  git('add', '-A');
  git('commit', '-q', '-m', 'generated images repo');
  return { dir, functions, files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, functions, files] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bench/gen-images.mjs <dir> [functions=400] [files=25]');
    process.exit(2);
  }
  const r = generateImages(path.resolve(dir), Number(functions ?? 400), Number(files ?? 25));
  console.log(`${r.dir}: ${r.functions} install functions in ${r.files} package files`);
}
