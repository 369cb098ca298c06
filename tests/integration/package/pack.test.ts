// The package as users get it: `npm pack`, its file list, and the tarball installed into an empty
// project, where the bin runs, a plugin installed beside it loads by name, and a TypeScript file
// importing `porgs-lint` and `porgs-lint/testing` type-checks against the shipped .d.ts and runs.
import { execFile } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { tmpDir, writeFiles } from '../../helpers/git.js';

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PKG = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(cmd: string, args: string[], cwd: string): Promise<Run> {
  try {
    const { stdout, stderr } = await exec(cmd, args, { cwd, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string; message: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? e.message };
  }
}

/**
 * The empty project's lockfile: the tarball, and the runtime dependencies at the versions and
 * integrity this repository locks. `npm ci` then takes them from the npm cache that installing this
 * repository filled, and from the registry only when they are missing there.
 */
function consumerLock(tarball: string): object {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const spec = `file:${tarball}`;
  const packages: Record<string, object> = {
    '': { name: 'consumer', dependencies: { 'porgs-lint': spec } },
    'node_modules/porgs-lint': { version: PKG.version, resolved: spec, license: PKG.license, dependencies: PKG.dependencies, bin: PKG.bin, engines: PKG.engines },
  };
  for (const [key, entry] of Object.entries(lock.packages)) if (key && !entry.dev) packages[key] = entry;
  return { name: 'consumer', lockfileVersion: 3, requires: true, packages };
}

/** Uses the public API as the README shows it; run after compiling, its output is checked below. */
const USE_TS = `import { lint, defineRule, definePlugin, MemorySource, json, sarif, FINGERPRINT_KEY, JSON_SCHEMA_VERSION, type Diagnostic, type RunResult } from 'porgs-lint';
import { RuleTester, lintCase } from 'porgs-lint/testing';

const FILE = 'exegol/config/ConstantConfig.py';
export const noTodo = defineRule({
  description: 'No TODO left in the version file.',
  kinds: ['wrapper'],
  severity: 'warning',
  messages: { todo: '{{word}} left in {{path}}; finish it' },
  identity: ['path'],
  options: { word: { type: 'string', default: 'TODO', description: 'The word to look for.' } },
  async check(ctx) {
    const word: string = ctx.options.word;
    if ((await ctx.read(FILE))?.includes(word)) ctx.report({ path: FILE, messageId: 'todo', data: { path: FILE, word } });
  },
});

const files = { [FILE]: '__version__ = "5.2.0b1"  # TODO\\n' };
const result: RunResult = await lint({
  repos: [{ name: 'demo', source: new MemorySource(files) }],
  kind: 'wrapper',
  mode: 'dev',
  today: '2026-01-15',
  env: {},
  plugins: [definePlugin({ name: 'acme', rules: { 'no-todo': noTodo } })],
});
const mine: Diagnostic[] = result.diagnostics.filter((d) => d.ruleId === 'acme/no-todo');
const tested = await lintCase({ id: 'acme/no-todo', definition: noTodo }, { files });
const report = JSON.parse(json(result, { color: false, cwd: '.' }));
const log = JSON.parse(sarif(result, { color: false, cwd: '.' }));
console.log(JSON.stringify({
  mine: mine.map((d) => [d.ruleId, d.severity, d.messageId, d.message]),
  tested: tested.map((d) => d.messageId),
  schemaVersion: report.schemaVersion === JSON_SCHEMA_VERSION ? report.schemaVersion : 'mismatch',
  fingerprinted: FINGERPRINT_KEY in log.runs[0].results[0].partialFingerprints,
  tester: typeof RuleTester.prototype.run,
}));
`;

/** Each line misuses the API; the types must say so (proof the .d.ts are not \`any\`). */
const MISUSE_TS = `import { defineRule, lint } from 'porgs-lint';
export const misused = defineRule({
  description: 'x', kinds: ['wrapper'], severity: 'error', messages: { known: 'x' },
  options: { limit: { type: 'number', default: 1, description: 'x' } },
  check(ctx) {
    ctx.report({ path: 'a', messageId: 'unknownId' });
    const limit: string = ctx.options.limit;
    void limit;
  },
});
export const wrongKind = lint({ kind: 'windows' });
`;

const PLUGIN_PACKAGE = 'porgs-lint-plugin-acme';
const PLUGIN_INDEX = `import { definePlugin, defineRule } from 'porgs-lint';
export default definePlugin({
  name: 'acme',
  rules: { 'always-note': defineRule({ description: 'Says hello.', kinds: ['wrapper'], severity: 'note', messages: { hello: 'hello from a plugin package' }, check(ctx) { ctx.note({ path: '.', messageId: 'hello' }); } }) },
});
`;

let packed: { filename: string; files: Array<{ path: string }> };
let project: string;

beforeAll(async () => {
  const dest = tmpDir('porgs-pack-');
  // The integration run builds first; `prepare` (a second build) is not needed here.
  const res = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], ROOT);
  expect(res.code, res.stderr).toBe(0);
  [packed] = JSON.parse(res.stdout);

  project = tmpDir('porgs-consumer-');
  const tarball = path.join(project, packed.filename);
  await fs.copyFile(path.join(dest, packed.filename), tarball);
  await writeFiles(project, {
    'package.json': JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { 'porgs-lint': `file:${packed.filename}` } }),
    'package-lock.json': JSON.stringify(consumerLock(packed.filename)),
  });
  const installed = await run('npm', ['ci', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'], project);
  expect(installed.code, installed.stderr).toBe(0);
}, 240_000);

describe('the tarball', () => {
  const paths = () => packed.files.map((f) => f.path);

  it('ships no tests, fixtures, benchmarks, examples or TypeScript sources', () => {
    const unwanted = paths().filter(
      (p) => p.split('/').some((part) => /^(tests?|__tests__|fixtures?|__fixtures__|bench|examples)$/.test(part)) || /\.(test|spec)\.[cm]?[jt]s$/.test(p) || (p.endsWith('.ts') && !p.endsWith('.d.ts')),
    );
    expect(unwanted).toEqual([]);
  });

  it('ships a .d.ts beside every module, and every file its exports, types and bin name', () => {
    const files = new Set(paths());
    const modules = paths().filter((p) => p.startsWith('dist/') && p.endsWith('.js'));
    expect(modules.length).toBeGreaterThan(50);
    expect(modules.filter((p) => !files.has(p.replace(/\.js$/, '.d.ts')))).toEqual([]);
    const targets = [PKG.types, PKG.bin['porgs-lint'], ...Object.values(PKG.exports as Record<string, string | Record<string, string>>).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)))];
    expect(targets.map((t: string) => t.replace(/^\.\//, '')).filter((t: string) => !files.has(t))).toEqual([]);
    expect(targets).toContain('./dist/runner/testing.d.ts');
  });

  it('ships what the bin reads at run time: the rule index, every rule\'s doc page, the plugin guide', () => {
    const files = new Set(paths());
    expect(files.has('dist/rules/index.json')).toBe(true);
    const index = JSON.parse(readFileSync(path.join(ROOT, 'dist/rules/index.json'), 'utf8')) as Array<{ docs: string }>;
    expect(index.map((r) => r.docs).filter((d) => !files.has(d))).toEqual([]);
    expect(files.has('docs/plugins.md')).toBe(true);
  });
});

describe('installed from the tarball into an empty project', () => {
  const bin = () => path.join(project, 'node_modules/.bin/porgs-lint');

  it('runs the bin: --version, and a lint whose exit code and JSON report say what it found', async () => {
    expect((await run(bin(), ['--version'], project)).stdout).toBe(`${PKG.version}\n`);
    const repo = tmpDir('porgs-linted-');
    await writeFiles(repo, { 'exegol/config/ConstantConfig.py': '__version__ = "5.2.0-beta1"\n' });
    const res = await run(bin(), ['--mode', 'dev', '--no-cache', '--format', 'json', '--rule', 'wrapper/version-format', repo], project);
    expect(res.code, res.stderr).toBe(1);
    const report = JSON.parse(res.stdout);
    expect(report.diagnostics.map((d: { ruleId: string; messageId: string }) => `${d.ruleId} ${d.messageId}`)).toEqual(['wrapper/version-format notPep440']);
  });

  it('loads a plugin package installed beside porgs-lint by its name', async () => {
    await writeFiles(path.join(project, 'node_modules', PLUGIN_PACKAGE), {
      'package.json': JSON.stringify({ name: PLUGIN_PACKAGE, version: '1.0.0', type: 'module', exports: './index.js', peerDependencies: { 'porgs-lint': PKG.version } }),
      'index.js': PLUGIN_INDEX,
    });
    const res = await run(bin(), ['--list-rules', '--plugin', PLUGIN_PACKAGE], project);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^acme\/always-note +note +release,dev +wrapper +Says hello\.$/m);
  });

  it('type-checks a program importing porgs-lint and porgs-lint/testing against the shipped .d.ts, which then runs', async () => {
    // The program's own Node types, as any TypeScript project on Node has them.
    await fs.mkdir(path.join(project, 'node_modules/@types'), { recursive: true });
    await fs.symlink(path.join(ROOT, 'node_modules/@types/node'), path.join(project, 'node_modules/@types/node'));
    await writeFiles(project, {
      'use.ts': USE_TS,
      'misuse.ts': MISUSE_TS,
      'tsconfig.json': JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, types: ['node'], outDir: 'out' },
        files: ['use.ts', 'misuse.ts'],
      }),
    });
    const tsc = await run(process.execPath, [TSC, '-p', '.', '--pretty', 'false'], project);
    const errors = tsc.stdout.trim().split('\n');
    // Only the misuses, each where it is, and nothing in use.ts or in the package's declarations.
    expect(errors.map((e) => e.replace(/^([^(]+\(\d+),\d+\): error (TS\d+):.*/, '$1) $2'))).toEqual(['misuse.ts(6) TS2322', 'misuse.ts(7) TS2322', 'misuse.ts(11) TS2322']);
    expect(errors[0]).toContain('"unknownId"');

    const res = await run(process.execPath, ['out/use.js'], project);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({
      mine: [['acme/no-todo', 'warning', 'todo', 'TODO left in exegol/config/ConstantConfig.py; finish it']],
      tested: ['todo'],
      schemaVersion: 2,
      fingerprinted: true,
      tester: 'function',
    });
  }, 120_000);

  it('keeps its internals private: a deep import is refused by the exports map', async () => {
    const res = await run(process.execPath, ['--input-type=module', '-e', "await import('porgs-lint/dist/runner/run.js')"], project);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
    const ok = await run(process.execPath, ['--input-type=module', '-e', "const m = await import('porgs-lint'); console.log(typeof m.lint, typeof m.defineRule, typeof m.pretty, typeof m.github)"], project);
    expect(ok.stdout).toBe('function function function function\n');
  });
});
