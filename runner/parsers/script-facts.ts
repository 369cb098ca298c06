// What the docs rules need to know about a TypeScript/JavaScript module, taken from its syntax tree
// (@lezer/javascript) without running it: imports, exports, module-level declarations with their
// values as a static tree, and every `import.meta.glob(...)` call. A value that only running the
// code would tell (an interpolated template, arithmetic, a parameter...) is kept as `other` with its
// position, so a rule can say "cannot verify" at that line. The result is plain data (cacheable).
import type { SyntaxNode, Tree } from '@lezer/common';
import type { LRParser } from '@lezer/lr';
import { LineIndex, type ParseOutcome } from './parse-outcome.js';
import { ValueReader, children, decodeJsString } from './script-values.js';
import type { Span } from '../types.js';

export { MAX_VALUES, MAX_VALUE_DEPTH, decodeJsString } from './script-values.js';

export type StaticValue =
  | { kind: 'string'; value: string; at: Span }
  | { kind: 'number'; value: number; at: Span }
  | { kind: 'boolean'; value: boolean; at: Span }
  | { kind: 'null'; at: Span }
  | { kind: 'array'; items: StaticValue[]; at: Span }
  | { kind: 'object'; entries: StaticEntry[]; at: Span }
  /** A call of a dotted name (`nav()`, `defineConfig(...)`, `ns.fn()`); other calls are `other`. */
  | { kind: 'call'; callee: string; args: StaticValue[]; at: Span }
  /** An identifier or a dotted member chain (`base`, `DefaultTheme.x`). */
  | { kind: 'name'; name: string; at: Span }
  /** `...x` in an array or an argument list. */
  | { kind: 'spread'; value: StaticValue; at: Span }
  /** A function: what its single `return` (or expression body) gives, and its local constants. */
  | { kind: 'function'; params: number; returns: StaticValue | undefined; locals: Declaration[]; at: Span }
  /** Anything else: `text` is the source (shortened), for messages. */
  | { kind: 'other'; text: string; at: Span };

export type StaticEntry =
  | { kind: 'property'; key: string; keyAt: Span; value: StaticValue }
  | { kind: 'spread'; value: StaticValue; at: Span }
  /** `[expr]: value`: the key is only known by running the code. */
  | { kind: 'computed'; text: string; at: Span; value: StaticValue };

export interface Declaration {
  name: string;
  /** The initialiser of a `const`/`let`/`var`, or a function declaration as a `function` value. */
  value: StaticValue | undefined;
  at: Span;
}

export interface ImportBinding {
  /** The name used in this module. */
  local: string;
  /** The exported name taken: a name, `default`, or `*` for a namespace import. */
  imported: string;
  source: string;
  at: Span;
}

export interface ExportBinding {
  /** The exported name (`default` for the default export). */
  exported: string;
  /** The local name exported (`export { a as b }`, `export function f`), when there is one. */
  local?: string;
  /** The expression of `export default <expr>`. */
  value?: StaticValue;
  /** `export { a } from './x'` and `export * from './x'` (exported `*`). */
  source?: string;
  at: Span;
}

export interface GlobCall {
  /** The arguments of `import.meta.glob(...)`: patterns first, options second. */
  args: StaticValue[];
  at: Span;
}

export interface ScriptFacts {
  imports: ImportBinding[];
  exports: ExportBinding[];
  /** Module-level declarations (exported or not), in source order. */
  declarations: Declaration[];
  globs: GlobCall[];
}

/**
 * Parses with a grammar in strict mode: the first syntax error ends the parse. (Error recovery would
 * make up a tree for any input, and on hostile garbage it takes seconds per hundred kilobytes.)
 */
export function parseScript(parser: LRParser, text: string): ParseOutcome<ScriptFacts> {
  let tree: Tree;
  try {
    tree = parser.parse(text);
  } catch (err) {
    const at = /No parse at (\d+)/.exec(String((err as Error).message));
    if (!at) throw err;
    return { ok: false, error: syntaxError(text, Math.min(Number(at[1]), text.length)) };
  }
  return extractScriptFacts(tree, text);
}

/** Facts of a parsed module; a syntax error is reported at its line, like the other parsers. */
export function extractScriptFacts(tree: Tree, text: string): ParseOutcome<ScriptFacts> {
  let firstError: number | undefined;
  tree.iterate({
    enter: (n) => {
      if (n.type.isError && firstError === undefined) firstError = n.from;
      return firstError === undefined ? undefined : false;
    },
  });
  if (firstError !== undefined) return { ok: false, error: syntaxError(text, firstError) };

  const reader = new ValueReader(text);
  const facts: ScriptFacts = { imports: [], exports: [], declarations: [], globs: [] };
  for (const stmt of children(tree.topNode)) {
    if (stmt.name === 'ImportDeclaration') importDeclaration(stmt, reader, facts);
    else if (stmt.name === 'ExportDeclaration') exportDeclaration(stmt, reader, facts);
    else facts.declarations.push(...declaration(stmt, reader));
  }
  // `import.meta.glob(...)` anywhere in the module, nested functions included.
  tree.iterate({
    enter: (n) => {
      if (n.name !== 'CallExpression') return;
      const callee = n.node.firstChild;
      const target = callee?.name === 'InstantiationExpression' ? callee.firstChild : callee;
      if (!target || reader.src(target).replace(/\s+/g, '') !== 'import.meta.glob') return;
      const args = n.node.getChild('ArgList');
      facts.globs.push({ args: args ? reader.elements(children(args), 1) : [], at: reader.spanOf(n) });
    },
  });
  return { ok: true, value: facts };
}

function syntaxError(text: string, offset: number): { line: number; column: number; message: string } {
  const near = text.slice(offset, offset + 20).split('\n')[0];
  return { ...new LineIndex(text).position(offset), message: near ? `unexpected syntax near "${near}"` : 'unexpected end of input' };
}

const stringOf = (reader: ValueReader, n: SyntaxNode | undefined) => (n?.name === 'String' ? decodeJsString(reader.src(n)) : undefined);

function importDeclaration(stmt: SyntaxNode, reader: ValueReader, facts: ScriptFacts): void {
  const kids = children(stmt);
  const source = stringOf(reader, kids.find((k) => k.name === 'String'));
  if (source === undefined) return;
  kids.forEach((k, i) => {
    if (k.name === 'VariableDefinition') {
      const star = kids[i - 1]?.name === 'as' && kids[i - 2]?.name === 'Star';
      facts.imports.push({ local: reader.src(k), imported: star ? '*' : 'default', source, at: reader.spanOf(k) });
    } else if (k.name === 'ImportGroup') {
      const group = children(k);
      group.forEach((g, j) => {
        // `type X` and `type X as Y` import nothing at run time.
        if (g.name !== 'VariableDefinition' || group[j - 1]?.name === 'type' || group[j - 3]?.name === 'type') return;
        const renamed = group[j - 1]?.name === 'as' ? group[j - 2] : undefined;
        facts.imports.push({ local: reader.src(g), imported: renamed ? (stringOf(reader, renamed) ?? reader.src(renamed)) : reader.src(g), source, at: reader.spanOf(g) });
      });
    }
  });
}

function exportDeclaration(stmt: SyntaxNode, reader: ValueReader, facts: ScriptFacts): void {
  const kids = children(stmt);
  const at = reader.spanOf(stmt);
  const source = kids.some((k) => k.name === 'from') ? stringOf(reader, kids.find((k) => k.name === 'String')) : undefined;
  if (kids[1]?.name === 'default') {
    const decl = kids[2];
    if (decl?.name === 'FunctionDeclaration' || decl?.name === 'ClassDeclaration') {
      const made = declaration(decl, reader);
      facts.declarations.push(...made);
      facts.exports.push({ exported: 'default', local: made[0]?.name, value: decl.name === 'FunctionDeclaration' ? reader.fn(decl, 0) : reader.other(decl, 'a class'), at });
    } else facts.exports.push({ exported: 'default', value: reader.value(decl, 0) ?? reader.other(stmt), at });
    return;
  }
  if (kids[1]?.name === 'Star') {
    const as = kids.findIndex((k) => k.name === 'as');
    facts.exports.push({ exported: as >= 0 ? reader.src(kids[as + 1]) : '*', local: '*', source, at });
    return;
  }
  const group = kids.find((k) => k.name === 'ExportGroup');
  if (!group) {
    const made = kids[1] ? declaration(kids[1], reader) : [];
    facts.declarations.push(...made);
    for (const d of made) facts.exports.push({ exported: d.name, local: d.name, at: d.at });
    return;
  }
  const g = children(group);
  g.forEach((n, j) => {
    if ((n.name !== 'VariableName' && n.name !== 'String') || g[j - 1]?.name === 'as') return;
    const name = stringOf(reader, n) ?? reader.src(n);
    const renamed = g[j + 1]?.name === 'as' ? g[j + 2] : undefined;
    facts.exports.push({ exported: renamed ? (stringOf(reader, renamed) ?? reader.src(renamed)) : name, local: name, source, at: reader.spanOf(n) });
  });
}

/** Declarations a module-level statement makes. */
function declaration(stmt: SyntaxNode, reader: ValueReader): Declaration[] {
  if (stmt.name === 'VariableDeclaration') return reader.declarators(stmt, 0);
  const name = stmt.getChild('VariableDefinition');
  if (!name) return [];
  if (stmt.name === 'FunctionDeclaration') return [{ name: reader.src(name), value: reader.fn(stmt, 0), at: reader.spanOf(name) }];
  if (stmt.name === 'ClassDeclaration') return [{ name: reader.src(name), value: reader.other(stmt, 'a class'), at: reader.spanOf(name) }];
  return [];
}
