// Where the wrapper declares its version, across every historical layout:
//   pyproject [tool.pdm.version] path (5.x), exegol/config/ConstantConfig.py (4.2+),
//   exegol/utils/ConstantConfig.py (4.0-4.1), exegol/__init__.py (briefly);
//   module-level `__version__ = "X"` or class attribute `ConstantConfig.version = "X"`,
//   with `version: str = __version__` followed to the module-level value;
//   and before the exegol/ package (2.4.0-3.1.12), `VERSION = "X"` in the single exegol.py.
import type { RepoView } from '../../runner/context-api.js';
import type { PythonFile } from '../../runner/parsers/python.js';
import type { Span } from '../../runner/types.js';
import { parsePep440, type Pep440 } from './_pep440.js';

export const VERSION_FILES = ['exegol/config/ConstantConfig.py', 'exegol/utils/ConstantConfig.py', 'exegol/__init__.py'];
/** The whole wrapper of 2.4.0-3.1.12, next to a Dockerfile; still the entry script later. */
export const SINGLE_FILE = 'exegol.py';

/** `package`: the exegol/ package (4.0+); `single-file`: one exegol.py (2.4.0-3.1.12). */
export type WrapperLayout = 'package' | 'single-file';

export interface WrapperVersion {
  text: string;
  path: string;
  /** Span of the string literal. */
  span: Span;
  parsed?: Pep440;
  layout: WrapperLayout;
}

export type VersionLookup =
  | { found: WrapperVersion }
  | {
      found?: undefined;
      looked: string[];
      /** The layout whose files exist, if any: where the version should have been. */
      layout?: { kind: WrapperLayout; path: string };
    };

function literal(file: PythonFile, name: string, scope: string) {
  return file.assignments.find((a) => a.scope === scope && a.name === name);
}

type Found = Omit<WrapperVersion, 'layout'>;

async function fromFile(ctx: RepoView, path: string, seen = new Set<string>()): Promise<Found | undefined> {
  if (seen.has(path)) return undefined;
  seen.add(path);
  const file = await ctx.python(path);
  if (!file) return undefined;
  const candidates = [literal(file, '__version__', ''), literal(file, 'version', 'ConstantConfig'), literal(file, 'version', '')];
  for (const a of candidates) {
    if (!a) continue;
    if (a.value.kind === 'string') return { text: a.value.value, path, span: a.value.span, parsed: parsePep440(a.value.value) };
    if (a.value.kind === 'name' && a.value.name === '__version__') {
      const own = literal(file, '__version__', '');
      if (own?.value.kind === 'string') return { text: own.value.value, path, span: own.value.span, parsed: parsePep440(own.value.value) };
      // `from exegol import __version__`: follow it to exegol/__init__.py.
      const imported = file.imports.find((i) => i.names.includes('__version__'));
      if (imported) {
        const target = imported.module.replace(/\./g, '/');
        for (const p of [`${target}/__init__.py`, `${target}.py`]) {
          const v = await fromFile(ctx, p, seen);
          if (v) return v;
        }
      }
    }
  }
  return undefined;
}

/** The pdm version file named by pyproject.toml, if any. */
async function pdmVersionPath(ctx: RepoView): Promise<string | undefined> {
  if (!(await ctx.exists('pyproject.toml'))) return undefined;
  const toml = await ctx.toml('pyproject.toml');
  const pdm = (toml?.data.tool as { pdm?: { version?: { source?: string; path?: string } } } | undefined)?.pdm?.version;
  return pdm?.source === 'file' && typeof pdm.path === 'string' ? pdm.path.replace(/^\.\//, '') : undefined;
}

/** `VERSION = "X"` at the top level of the single-file wrapper. */
async function fromSingleFile(ctx: RepoView): Promise<Found | undefined> {
  const file = await ctx.python(SINGLE_FILE);
  const a = file && literal(file, 'VERSION', '');
  if (a?.value.kind !== 'string') return undefined;
  return { text: a.value.value, path: SINGLE_FILE, span: a.value.span, parsed: parsePep440(a.value.value) };
}

export function wrapperVersion(ctx: RepoView): Promise<VersionLookup> {
  return ctx.memo('wrapper/version', async () => {
    const looked: string[] = [];
    const pdm = await pdmVersionPath(ctx);
    const paths = pdm ? [pdm, ...VERSION_FILES.filter((p) => p !== pdm)] : VERSION_FILES;
    let layout: { kind: WrapperLayout; path: string } | undefined;
    for (const path of paths) {
      looked.push(path === pdm ? `${path} (named by pyproject.toml [tool.pdm.version])` : path);
      if (!(await ctx.exists(path))) continue;
      layout ??= { kind: 'package', path };
      const v = await fromFile(ctx, path);
      if (v) return { found: { ...v, layout: 'package' } };
    }
    if (!layout && (await ctx.exists(SINGLE_FILE))) {
      looked.push(`${SINGLE_FILE} (VERSION, before the exegol/ package)`);
      layout = { kind: 'single-file', path: SINGLE_FILE };
      const v = await fromSingleFile(ctx);
      if (v) return { found: { ...v, layout: 'single-file' } };
    }
    return { looked, layout };
  });
}

export const VERSION_TESTS = ['tests/exegol_test.py', 'tests/test_exegol.py'];

export interface VersionAssert {
  path: string;
  expected: string;
  span: Span;
}

/** `assert __version__ == 'X'` (or `ConstantConfig.version == 'X'`) in the version test. */
export function versionTest(ctx: RepoView): Promise<VersionAssert | undefined> {
  return ctx.memo('wrapper/version-test', async () => {
    for (const path of VERSION_TESTS) {
      const file = await ctx.python(path);
      if (!file) continue;
      for (const a of file.asserts) {
        const sides = [a.left, a.right];
        const name = sides.find((s) => s?.kind === 'name' && /(^|\.)(__version__|version)$/.test(s.name));
        const str = sides.find((s) => s?.kind === 'string');
        if (a.op === '==' && name && str?.kind === 'string') return { path, expected: str.value, span: str.span };
      }
    }
    return undefined;
  });
}
