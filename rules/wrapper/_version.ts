// Where the wrapper declares its version, across every historical layout:
//   pyproject [tool.pdm.version] path (5.x), exegol/config/ConstantConfig.py (4.2+),
//   exegol/utils/ConstantConfig.py (4.0-4.1), exegol/__init__.py (briefly);
//   module-level `__version__ = "X"` or class attribute `ConstantConfig.version = "X"`,
//   with `version: str = __version__` followed to the module-level value.
import type { RepoView } from '../../runner/context-api.js';
import type { PythonFile } from '../../runner/parsers/python.js';
import type { Span } from '../../runner/types.js';
import { parsePep440, type Pep440 } from './_pep440.js';

export const VERSION_FILES = ['exegol/config/ConstantConfig.py', 'exegol/utils/ConstantConfig.py', 'exegol/__init__.py'];

export interface WrapperVersion {
  text: string;
  path: string;
  /** Span of the string literal. */
  span: Span;
  parsed?: Pep440;
}

export type VersionLookup = { found: WrapperVersion } | { found?: undefined; looked: string[] };

function literal(file: PythonFile, name: string, scope: string) {
  return file.assignments.find((a) => a.scope === scope && a.name === name);
}

async function fromFile(ctx: RepoView, path: string, seen = new Set<string>()): Promise<WrapperVersion | undefined> {
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

export function wrapperVersion(ctx: RepoView): Promise<VersionLookup> {
  return ctx.memo('wrapper/version', async () => {
    const looked: string[] = [];
    const pdm = await pdmVersionPath(ctx);
    const paths = pdm ? [pdm, ...VERSION_FILES.filter((p) => p !== pdm)] : VERSION_FILES;
    for (const path of paths) {
      looked.push(path === pdm ? `${path} (named by pyproject.toml [tool.pdm.version])` : path);
      const v = await fromFile(ctx, path);
      if (v) return { found: v };
    }
    return { looked };
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
