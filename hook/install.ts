// `porgs-lint hook install|uninstall|print`: a small POSIX sh hook that runs node on the installed
// package directly (npx would cost about a second per push).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hooksDirOf } from '../runner/git.js';

export const MARKER = '# porgs-lint pre-push hook';
const CLI = fileURLToPath(new URL('../runner/cli.js', import.meta.url));
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function hookScript(chained: boolean): string {
  const run = `"\${PORGS_LINT_NODE:-node}" ${quote(CLI)} pre-push "$@"`;
  return [
    '#!/bin/sh',
    `${MARKER} (written by "porgs-lint hook install"; "porgs-lint hook uninstall" removes it)`,
    '# Skip once with PORGS_LINT_SKIP=1 git push ..., or git push --no-verify.',
    ...(chained
      ? ['input=$(cat)', 'printf "%s\\n" "$input" | "$(dirname "$0")/pre-push.local" "$@" || exit $?', `printf "%s\\n" "$input" | exec ${run}`]
      : [`exec ${run}`]),
    '',
  ].join('\n');
}

async function hooksDir(cwd: string): Promise<string> {
  const dir = await hooksDirOf(cwd);
  if (dir === undefined) throw new HookUsageError('not inside a git repository');
  return path.resolve(cwd, dir);
}

export class HookUsageError extends Error {}

async function readOr(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

export async function install(cwd: string, opts: { force?: boolean; chain?: boolean }): Promise<string> {
  const dir = await hooksDir(cwd);
  const file = path.join(dir, 'pre-push');
  const existing = await readOr(file);
  let chained = false;
  if (existing !== undefined && !existing.includes(MARKER)) {
    if (opts.chain) {
      await fs.rename(file, path.join(dir, 'pre-push.local'));
      chained = true;
    } else if (!opts.force) {
      throw new HookUsageError(
        `${file} exists and was not written by porgs-lint; rerun with --chain to keep it (it runs first) or --force to replace it`,
      );
    }
  } else if (existing?.includes('pre-push.local')) chained = true;
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(file, hookScript(chained), { mode: 0o755 });
  await fs.chmod(file, 0o755);
  return `installed ${file}${chained ? ' (runs the existing hook, now pre-push.local, first)' : ''}`;
}

export async function uninstall(cwd: string): Promise<string> {
  const dir = await hooksDir(cwd);
  const file = path.join(dir, 'pre-push');
  const existing = await readOr(file);
  if (existing === undefined || !existing.includes(MARKER)) return `nothing to remove: ${file} was not written by porgs-lint`;
  await fs.rm(file);
  const local = path.join(dir, 'pre-push.local');
  if ((await readOr(local)) !== undefined) {
    await fs.rename(local, file);
    return `removed porgs-lint from ${file}; restored the previous hook`;
  }
  return `removed ${file}`;
}

export function snippet(manager: string): string {
  const cmd = 'node ./node_modules/porgs-lint/dist/runner/cli.js pre-push';
  switch (manager) {
    case 'husky':
      return `# .husky/pre-push (git passes the pushed refs on stdin; husky forwards it)\n${cmd} "$@"\n`;
    case 'lefthook':
      return `# lefthook.yml\npre-push:\n  commands:\n    porgs-lint:\n      run: ${cmd} {1} {2}\n      use_stdin: true\n`;
    case 'pre-commit':
      return [
        '# .pre-commit-config.yaml (install with: pre-commit install --hook-type pre-push)',
        '# pre-commit does not forward git\'s stdin: porgs-lint reads PRE_COMMIT_FROM_REF, PRE_COMMIT_TO_REF and',
        '# PRE_COMMIT_REMOTE_BRANCH instead, which describe one ref. Tag pushes are not reliably seen this way:',
        '# prefer "porgs-lint hook install" where release tags are pushed.',
        'repos:',
        '  - repo: local',
        '    hooks:',
        '      - id: porgs-lint-pre-push',
        '        name: porgs-lint pre-push',
        `        entry: ${cmd} origin origin`,
        '        language: system',
        '        stages: [pre-push]',
        '        pass_filenames: false',
        '        always_run: true',
        '',
      ].join('\n');
    default:
      throw new HookUsageError(`hook print ${manager}: unknown manager; use husky, lefthook or pre-commit`);
  }
}
