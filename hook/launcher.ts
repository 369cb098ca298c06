// The shell text porgs-lint adds to a repository's hooks: the per-clone launcher (a POSIX sh script
// that finds porgs-lint and runs its pre-push check), and the short block a hook manager's own
// file runs (husky's `.husky/pre-push`, a lefthook command) to reach that launcher.
import { shellQuote, singleQuote } from '../runner/shell-quote.js';

export const MARKER = '# porgs-lint pre-push hook';
export const BLOCK_START = '# >>> porgs-lint pre-push';
export const BLOCK_END = '# <<< porgs-lint pre-push';
/** Where the launcher lives, relative to the git folder a `.git` folder or `gitdir:` file names. */
export const LAUNCHER_IN_GIT_DIR = 'porgs-lint/pre-push';

export const SKIP_HINT = 'to push anyway: PORGS_LINT_SKIP=1 git push ... (or git push --no-verify)';
const INSTALL_HINT = 'install it (npm install --save-dev porgs-lint && npx porgs-lint hook install, or npm install --global porgs-lint)';

/** Where porgs-lint was when the hook was written: its CLI, and the same path from the work tree root when it lies inside. */
export interface Recorded {
  cli: string;
  fromRoot?: string;
}

/** The CLI path a launcher records (the first `cli=` line), for `doctor`. */
export function recordedCli(script: string): string | undefined {
  const m = /^cli='((?:[^']|'\\'')*)'$/m.exec(script);
  return m?.[1].replace(/'\\''/g, "'");
}

/**
 * The launcher. porgs-lint is looked for where it was at install time (absolute, then from the work
 * tree root, for a repository that moved); then the repo's own `node_modules/.bin`, only when git
 * does not track that folder: a porgs-lint from PATH (outside the work tree) reads the index and
 * names the one to run (`hook which`); then that PATH porgs-lint. None: one line, exit 1.
 */
export function launcherScript(recorded: Recorded): string {
  const q = shellQuote;
  return [
    '#!/bin/sh',
    `${MARKER} (written by "porgs-lint hook install"; "porgs-lint hook uninstall" removes it)`,
    '# Skip once with PORGS_LINT_SKIP=1 git push ..., or git push --no-verify.',
    `cli=${singleQuote(recorded.cli)}`,
    ...(recorded.fromRoot ? [`[ -f "$cli" ] || cli=${q(recorded.fromRoot)}`] : []),
    'if [ ! -f "$cli" ]; then',
    '  cli=',
    '  own=',
    '  set -f; old_ifs=$IFS; IFS=:',
    '  for d in $PATH; do',
    '    case $d in /*) ;; *) continue ;; esac',
    '    case $d/ in "$PWD"/*) continue ;; esac',
    '    if [ -f "$d/porgs-lint" ] && [ -x "$d/porgs-lint" ]; then own=$d/porgs-lint; break; fi',
    '  done',
    '  IFS=$old_ifs; set +f',
    '  if [ -n "$own" ]; then cli=$("$own" hook which) || exit 1; fi',
    'fi',
    'if [ -z "$cli" ]; then',
    `  if [ "\${PORGS_LINT_SKIP:-}" = 1 ]; then echo 'porgs-lint: pre-push checks skipped (PORGS_LINT_SKIP=1)' >&2; exit 0; fi`,
    '  if [ -f .pnp.cjs ] && [ ! -d node_modules ]; then',
    `    echo ${q(`porgs-lint: not found: Yarn Plug'n'Play keeps it in a zip a hook cannot run; npm install --global porgs-lint, or nodeLinker: node-modules, then porgs-lint hook install; ${SKIP_HINT}`)} >&2`,
    '  elif [ -e node_modules/.bin/porgs-lint ]; then',
    `    echo ${q(`porgs-lint: not found where it was installed (${recorded.cli}); node_modules/.bin/porgs-lint is run only when a porgs-lint of yours confirms git does not track it: run npx porgs-lint hook install again; ${SKIP_HINT}`)} >&2`,
    '  else',
    `    echo ${q(`porgs-lint: not found (not at ${recorded.cli}, none on PATH): ${INSTALL_HINT}; ${SKIP_HINT}`)} >&2`,
    '  fi',
    '  exit 1',
    'fi',
    'exec "${PORGS_LINT_NODE:-node}" "$cli" pre-push "$@"',
    '',
  ].join('\n');
}

/** Finds the launcher from the work tree root, where git and the managers run hooks: `.git` is a folder or a `gitdir:` file. */
const FIND_LAUNCHER = `porgs_lint_git=.git; if [ -f .git ]; then read -r porgs_lint_git < .git; porgs_lint_git=\${porgs_lint_git#gitdir: }; fi`;

const notSetUp = (manager: string) =>
  `porgs-lint: the pre-push check is not set up in this clone: run npx porgs-lint hook install (${manager} runs it from there); ${SKIP_HINT}`;

/**
 * The block for husky's `.husky/pre-push`: git's input is kept and given back, so the lines after
 * it still read it.
 */
export function huskyBlock(): string {
  return [
    `${BLOCK_START}: every pushed ref, with git's input ("porgs-lint hook install" added this block; "porgs-lint hook uninstall" removes it)`,
    FIND_LAUNCHER,
    'porgs_lint_input=$(cat)',
    'if [ -f "$porgs_lint_git/porgs-lint/pre-push" ]; then',
    '  printf \'%s\\n\' "$porgs_lint_input" | sh "$porgs_lint_git/porgs-lint/pre-push" "$@" || exit $?',
    `elif [ "\${PORGS_LINT_SKIP:-}" != 1 ]; then echo ${shellQuote(notSetUp('husky'))} >&2; exit 1; fi`,
    'exec 0<<porgs_lint_end',
    '$porgs_lint_input',
    'porgs_lint_end',
    BLOCK_END,
    '',
  ].join('\n');
}

/** The `run` of lefthook's porgs-lint command (lefthook runs it with `sh -c` from the root, git's input on stdin with `use_stdin: true`). */
export function lefthookRun(): string {
  return [
    FIND_LAUNCHER,
    'if [ -f "$porgs_lint_git/porgs-lint/pre-push" ]; then exec sh "$porgs_lint_git/porgs-lint/pre-push" {1} {2}; fi',
    `if [ "\${PORGS_LINT_SKIP:-}" != 1 ]; then echo ${shellQuote(notSetUp('lefthook'))} >&2; exit 1; fi`,
    '',
  ].join('\n');
}

/** What to add to a hook porgs-lint does not write into (a foreign hook, a global hooks folder). */
export function linesToAdd(launcher: string): string {
  return [
    `${BLOCK_START}: every pushed ref, with git's input`,
    'porgs_lint_input=$(cat)',
    `printf '%s\\n' "$porgs_lint_input" | sh ${shellQuote(launcher)} "$@" || exit $?`,
    'exec 0<<porgs_lint_end',
    '$porgs_lint_input',
    'porgs_lint_end',
    BLOCK_END,
    '',
  ].join('\n');
}
