// `porgs-lint hook doctor`: whether a push in this repository reaches porgs-lint, and if not, why
// (which manager, which file runs it, whether git's input is forwarded, whether porgs-lint can be
// found from the hook, skip switches in force). Exit 1 when a push would not be checked.
import path from 'node:path';
import { readEntry } from './lefthook-config.js';
import { recordedCli, LAUNCHER_IN_GIT_DIR } from './launcher.js';
import { exists, hasBlock, inspect, managerOf, ownerOf, readText, type HookSetup, type Manager } from './setup.js';

const REPAIR = 'run "porgs-lint hook install" to repair';

interface Diagnosis {
  manager: Manager;
  /** The chain git runs on push, down to porgs-lint's launcher; undefined when porgs-lint is not reached. */
  runs?: string;
  launcher?: string;
  stdin: boolean;
  problems: string[];
  notes: string[];
}

const rel = (s: HookSetup, file: string) => (path.relative(s.root, file).startsWith('..') ? file : path.relative(s.root, file));
const ours = (file: string) => ownerOf(readText(file) ?? '') === 'porgs-lint';

/** porgs-lint's hooks that git does not run (moved aside by a manager, or left behind by one). */
function stale(s: HookSetup, problems: string[]): void {
  const defaultHook = path.join(s.commonDir, 'hooks', 'pre-push');
  if (s.hooksFolder !== 'default' && ours(defaultHook)) {
    problems.push(`porgs-lint's hook ${rel(s, defaultHook)} no longer runs: core.hooksPath now points at ${rel(s, s.hooksDir)}${s.hooksFolder === 'husky' ? ' (set by husky)' : ''}`);
  }
  const old = path.join(s.hooksDir, 'pre-push.old');
  if (ours(old)) problems.push(`lefthook renamed porgs-lint's hook to ${rel(s, old)}, which it does not run`);
  if (s.hooksFolder === 'husky' && ours(path.join(s.hooksDir, 'pre-push'))) {
    problems.push("porgs-lint's hook sits in husky's generated .husky/_/pre-push: husky's own hook does not run, and husky rewrites that folder on its next install");
  }
}

function diagnoseManager(s: HookSetup, d: Diagnosis): void {
  if (d.manager === 'husky') {
    const file = path.join(s.root, '.husky', 'pre-push');
    if (s.prePush?.owner !== 'husky') d.problems.push(`git runs ${rel(s, path.join(s.hooksDir, 'pre-push'))}, which is ${s.prePush ? 'not husky\'s' : 'missing'}: run husky (npm install runs it through the prepare script)`);
    if (hasBlock(readText(file))) Object.assign(d, { runs: `.husky/_/pre-push (husky) -> .husky/pre-push -> ${s.launcher}`, launcher: s.launcher, stdin: true });
    else d.problems.push('.husky/pre-push does not run porgs-lint');
    if (s.preCommitConfig) d.notes.push('husky and pre-commit together are not supported: pre-commit does not install its hooks while core.hooksPath is set, so its pre-push hooks do not run');
  } else if (d.manager === 'lefthook') {
    const entry = s.lefthookConfig ? readEntry(readText(s.lefthookConfig) ?? '') : undefined;
    if (!entry?.found) d.problems.push(`${s.lefthookConfig ? rel(s, s.lefthookConfig) : 'the lefthook config'} has no pre-push command running porgs-lint`);
    else {
      Object.assign(d, { runs: `${rel(s, s.prePush!.file)} (lefthook) -> ${rel(s, s.lefthookConfig!)} pre-push -> ${entry.ours ? s.launcher : 'porgs-lint'}`, stdin: entry.stdin });
      if (entry.ours) d.launcher = s.launcher;
      if (!entry.stdin) d.problems.push(`the porgs-lint command in ${rel(s, s.lefthookConfig!)} lacks use_stdin: true: lefthook gives it no input and every push passes`);
    }
  } else if (d.manager === 'pre-commit') {
    const legacy = path.join(s.hooksDir, 'pre-push.legacy');
    if (ours(legacy)) Object.assign(d, { runs: `${rel(s, s.prePush!.file)} (pre-commit) -> ${rel(s, legacy)}, with git's input`, launcher: legacy, stdin: true });
    else d.problems.push(`pre-commit's hook ${rel(s, s.prePush!.file)} does not run porgs-lint${exists(legacy) ? ` (its ${rel(s, legacy)} is not porgs-lint's)` : ''}`);
  } else if (s.prePush?.owner === 'porgs-lint') Object.assign(d, { runs: rel(s, s.prePush.file), launcher: s.prePush.file, stdin: true });
  else if (s.prePush && hasBlock(readText(s.prePush.file))) Object.assign(d, { runs: `${rel(s, s.prePush.file)} -> ${s.launcher}`, launcher: s.launcher, stdin: true });
  else d.problems.push(s.prePush ? `${rel(s, s.prePush.file)} does not run porgs-lint` : `no pre-push hook in ${rel(s, s.hooksDir)}`);
  const config = s.preCommitConfig && readText(s.preCommitConfig);
  if (config && /porgs-lint/.test(config)) {
    d.notes.push(`${PRE} runs porgs-lint from pre-commit, which passes one ref per push and none for a tag on commits the remote has or a deletion${d.runs ? '; porgs-lint already runs from the hook, so that entry can go' : ''}`);
  }
}
const PRE = '.pre-commit-config.yaml';

/** How the launcher finds porgs-lint now, as the hook would. */
function resolvable(s: HookSetup, launcher: string, env: NodeJS.ProcessEnv): { found?: string; problem?: string } {
  const text = readText(launcher);
  if (text === undefined) return { problem: `the launcher ${launcher} is missing` };
  const cli = recordedCli(text);
  if (cli === undefined) return { problem: `${launcher} was written by an earlier porgs-lint, which runs it from a fixed path: ${REPAIR}` };
  if (exists(cli)) return { found: `${cli} (recorded at install)` };
  const fromRoot = /^\[ -f "\$cli" \] \|\| cli=(.*)$/m.exec(text)?.[1]?.replace(/^'|'$/g, '');
  if (fromRoot && exists(path.join(s.root, fromRoot))) return { found: `${fromRoot} (recorded, from the work tree root)` };
  for (const dir of (env.PATH ?? '').split(':')) {
    if (!path.isAbsolute(dir) || !path.relative(s.root, dir).startsWith('..')) continue;
    if (exists(path.join(dir, 'porgs-lint'))) return { found: `${path.join(dir, 'porgs-lint')} (PATH; it prefers this repo's node_modules/.bin when git does not track it)` };
  }
  return { problem: `porgs-lint is not found from the hook: ${cli} is gone and none is on PATH (${REPAIR}, or install it globally)` };
}

function skipSwitches(m: Manager, env: NodeJS.ProcessEnv): string[] {
  const on: string[] = [];
  if (env.PORGS_LINT_SKIP === '1') on.push('PORGS_LINT_SKIP=1 (porgs-lint says it skipped)');
  if (m === 'husky' && env.HUSKY === '0') on.push('HUSKY=0 (husky runs no hook, silently)');
  if (m === 'lefthook' && env.LEFTHOOK === '0') on.push('LEFTHOOK=0 (lefthook runs no hook, silently)');
  if (m === 'lefthook' && /porgs-lint/.test(env.LEFTHOOK_EXCLUDE ?? '')) on.push('LEFTHOOK_EXCLUDE names porgs-lint');
  if (env.SKIP) on.push(`SKIP=${env.SKIP} (pre-commit skips those hook ids; porgs-lint's pre-push.legacy is not one)`);
  return on;
}

export async function doctor(cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; lines: string[] }> {
  const s = await inspect(cwd);
  const d: Diagnosis = { manager: managerOf(s), stdin: false, problems: [], notes: [] };
  stale(s, d.problems);
  diagnoseManager(s, d);
  const lines = [`repository: ${s.root}`, `hooks folder: ${rel(s, s.hooksDir)} (${s.hooksFolder === 'default' ? 'git default' : s.hooksFolder === 'husky' ? 'core.hooksPath, set by husky' : s.hooksFolder === 'repo-config' ? "core.hooksPath in this repository's config" : 'core.hooksPath from a global or system config'})`];
  lines.push(`manager: ${d.manager === 'plain' ? 'none' : d.manager}`);
  lines.push(`runs porgs-lint: ${d.runs ?? 'no'}`);
  if (d.runs) lines.push(`git's input: ${d.stdin ? 'forwarded' : 'not forwarded'}`);
  if (d.launcher) {
    const r = resolvable(s, d.launcher, env);
    if (r.found) lines.push(`porgs-lint from the hook: ${r.found}`);
    else d.problems.push(r.problem!);
  } else if (d.runs) d.notes.push(`porgs-lint is run by name there; "porgs-lint hook install" runs it through ${path.join('<git dir>', LAUNCHER_IN_GIT_DIR)} instead, which finds it safely`);
  const skips = skipSwitches(d.manager, env);
  lines.push(`skip switches: ${skips.length ? skips.join('; ') : 'none in force'}`);
  for (const p of d.problems) lines.push(`problem: ${p}`);
  for (const n of d.notes) lines.push(`note: ${n}`);
  const broken = !d.runs || !d.stdin || d.problems.length > 0;
  lines.push(broken ? `a push here is not checked by porgs-lint: ${REPAIR}` : 'a push here reaches porgs-lint with every ref');
  return { code: broken ? 1 : 0, lines };
}
