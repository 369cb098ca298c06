// Python through @lezer/python: pure JS, ~30 ms to load, no error on the wrapper's real files.
// Only the facts rules need are extracted: assignments (module and class level), classes,
// imports, asserts, and the attributes a class's `__init__` sets on `self`. The checked code is
// never imported or run.
import type { SyntaxNode } from '@lezer/common';
import { LineIndex, type ParseOutcome } from './parse-outcome.js';
import type { Span } from '../types.js';

export interface PythonFile {
  /** Assignments at module level (scope '') and directly in class bodies (scope = class name). */
  assignments: Array<{ scope: string; name: string; span: Span; value: PythonValue }>;
  classes: Array<{ name: string; bases: string[]; span: Span }>;
  imports: Array<{ module: string; names: string[]; span: Span; level: number }>;
  asserts: Array<{ span: Span; text: string; left?: PythonValue; op?: string; right?: PythonValue }>;
  /**
   * `self.<name> = <value>` statements in the `__init__` of a top-level class (scope = class name),
   * in order, inside compound statements too; `call` when the value is a call (`Option("-e", ...)`).
   */
  initAttributes: Array<{ scope: string; name: string; span: Span; value: PythonValue; call?: PythonCall }>;
}

export interface PythonCall {
  /** The called expression as written: `Option`, `cli.Option`. */
  callee: string;
  /** Positional arguments, in order. */
  args: PythonValue[];
  /** Names of the keyword arguments. */
  keywords: string[];
}

export type PythonValue =
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'name'; name: string; span: Span }
  | { kind: 'other'; text: string; span: Span };

/** Decodes a Python string literal (prefixes, single/triple quotes, common escapes). */
export function decodeString(literal: string): string | undefined {
  const m = /^([rRbBuUfF]{0,2})('''|"""|'|")([\s\S]*)\2$/.exec(literal);
  if (!m) return undefined;
  const raw = /r/i.test(m[1]);
  if (/f/i.test(m[1]) && /\{/.test(m[3])) return undefined;
  if (raw) return m[3];
  return m[3].replace(/\\(n|t|r|\\|'|"|\n)/g, (_, c: string) =>
    c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === '\n' ? '' : c,
  );
}

/** Brackets nested deeper than this are no Python anyone writes; the parser's time grows with depth. */
export const MAX_BRACKET_DEPTH = 500;

/** Where bracket nesting (strings and comments included: a cheap upper bound) first passes the limit. */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      if (++depth > MAX_BRACKET_DEPTH) return i;
    } else if (c === 41 || c === 93 || c === 125) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

export async function load(): Promise<(text: string) => ParseOutcome<PythonFile>> {
  const { parser } = await import('@lezer/python');
  return (text) => {
    const deep = tooDeepAt(text);
    if (deep !== undefined) {
      return { ok: false, error: { ...new LineIndex(text).position(deep), message: `brackets nested more than ${MAX_BRACKET_DEPTH} deep` } };
    }
    const tree = parser.parse(text);
    const lines = new LineIndex(text);
    const spanOf = (n: { from: number; to: number }): Span => {
      const a = lines.position(n.from);
      const b = lines.position(n.to);
      return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
    };
    const src = (n: { from: number; to: number }) => text.slice(n.from, n.to);

    let error: SyntaxNode | undefined;
    tree.iterate({
      enter: (n) => {
        if (error) return false;
        if (n.type.isError) error = n.node;
        return undefined;
      },
    });
    if (error) {
      const pos = lines.position(error.from);
      const near = text.slice(error.from, error.from + 20).split('\n')[0];
      return { ok: false, error: { ...pos, message: near ? `unexpected syntax near "${near}"` : 'unexpected end of input' } };
    }

    const valueOf = (n: SyntaxNode): PythonValue => {
      if (n.name === 'String') {
        const value = decodeString(src(n));
        if (value !== undefined) return { kind: 'string', value, span: spanOf(n) };
      }
      if (n.name === 'VariableName' || n.name === 'MemberExpression') return { kind: 'name', name: src(n), span: spanOf(n) };
      return { kind: 'other', text: src(n), span: spanOf(n) };
    };

    const file: PythonFile = { assignments: [], classes: [], imports: [], asserts: [], initAttributes: [] };

    const assignment = (stmt: SyntaxNode, scope: string) => {
      const kids = children(stmt);
      const op = kids.findIndex((k) => k.name === 'AssignOp');
      if (op <= 0 || src(kids[op]) !== '=') return;
      const target = kids[0];
      const value = kids[kids.length - 1];
      if (target.name !== 'VariableName' || value === kids[op]) return;
      file.assignments.push({ scope, name: src(target), span: spanOf(target), value: valueOf(value) });
    };

    const callOf = (n: SyntaxNode): PythonCall | undefined => {
      if (n.name !== 'CallExpression') return undefined;
      const callee = n.firstChild;
      const list = n.getChild('ArgList');
      if (!callee || !list) return undefined;
      const call: PythonCall = { callee: src(callee), args: [], keywords: [] };
      // An argument is the nodes between commas: `x`, or `name = value` for a keyword.
      let arg: SyntaxNode[] = [];
      const flush = () => {
        if (arg.length === 1) call.args.push(valueOf(arg[0]));
        else if (arg.length >= 3 && arg[1].name === 'AssignOp' && arg[0].name === 'VariableName') call.keywords.push(src(arg[0]));
        arg = [];
      };
      for (const k of children(list)) {
        if (k.name === '(' || k.name === ')') continue;
        if (k.name === ',') flush();
        else arg.push(k);
      }
      flush();
      return call;
    };

    /** `self.x = ...` (annotated or not) in an `__init__` body, through its compound statements. */
    const initBody = (body: SyntaxNode, scope: string) => {
      for (const n of children(body)) {
        if (n.name === 'AssignStatement') {
          const kids = children(n);
          const op = kids.findIndex((k) => k.name === 'AssignOp');
          const target = kids[0];
          if (op <= 0 || src(kids[op]) !== '=' || target.name !== 'MemberExpression' || op !== kids.length - 2) continue;
          const parts = children(target);
          if (parts.length !== 3 || src(parts[0]) !== 'self' || parts[2].name !== 'PropertyName') continue;
          const value = kids[kids.length - 1];
          const call = callOf(value);
          file.initAttributes.push({ scope, name: src(parts[2]), span: spanOf(target), value: valueOf(value), ...(call ? { call } : {}) });
        } else if (n.name !== 'FunctionDefinition' && n.name !== 'ClassDefinition') {
          for (const b of n.getChildren('Body')) initBody(b, scope);
        }
      }
    };

    const importStmt = (stmt: SyntaxNode) => {
      const kids = children(stmt);
      if (kids[0]?.name === 'from') {
        const importAt = kids.findIndex((k) => k.name === 'import');
        let level = 0;
        const moduleParts: string[] = [];
        for (const k of kids.slice(1, importAt)) {
          if (k.name === '.') level++;
          else if (k.name === 'Ellipsis') level += 3;
          else if (k.name === 'VariableName') moduleParts.push(src(k));
        }
        // `from . import x` counts dots as levels; inside a dotted name they separate parts.
        const dotted = src(stmt).slice(4, kids[importAt].from - stmt.from).trim();
        level = /^\.+/.exec(dotted)?.[0].length ?? 0;
        const names = kids.slice(importAt + 1).filter((k) => k.name === 'VariableName').map(src);
        file.imports.push({ module: moduleParts.join('.'), names, level, span: spanOf(stmt) });
      } else {
        const names = kids.filter((k) => k.name === 'VariableName').map(src);
        file.imports.push({ module: names.join('.'), names: [], level: 0, span: spanOf(stmt) });
      }
    };

    const assertStmt = (stmt: SyntaxNode) => {
      const expr = children(stmt)[1];
      const entry: PythonFile['asserts'][number] = { span: spanOf(stmt), text: src(stmt) };
      if (expr?.name === 'BinaryExpression') {
        const [left, op, right] = children(expr);
        if (op?.name === 'CompareOp') {
          entry.left = valueOf(left);
          entry.op = src(op);
          entry.right = valueOf(right);
        }
      }
      file.asserts.push(entry);
    };

    const walk = (node: SyntaxNode, scope: string | undefined) => {
      for (const n of children(node)) {
        switch (n.name) {
          case 'AssignStatement':
            if (scope !== undefined) assignment(n, scope);
            break;
          case 'ImportStatement':
            importStmt(n);
            break;
          case 'AssertStatement':
            assertStmt(n);
            break;
          case 'ClassDefinition': {
            const nameNode = n.getChild('VariableName');
            const name = nameNode ? src(nameNode) : '';
            const args = n.getChild('ArgList');
            const bases = args ? children(args).filter((k) => k.name === 'VariableName' || k.name === 'MemberExpression').map(src) : [];
            file.classes.push({ name, bases, span: spanOf(nameNode ?? n) });
            const body = n.getChild('Body');
            if (body) walk(body, scope === '' ? name : undefined);
            break;
          }
          case 'FunctionDefinition': {
            const body = n.getChild('Body');
            const fnName = n.getChild('VariableName');
            if (body && scope && fnName && src(fnName) === '__init__') initBody(body, scope);
            if (body) walk(body, undefined);
            break;
          }
          default:
            // Compound statements (if/try/with/for) keep their scope: `if TYPE_CHECKING:` blocks still define.
            if (n.getChild('Body')) for (const b of n.getChildren('Body')) walk(b, scope);
        }
      }
    };
    walk(tree.topNode, '');
    return { ok: true, value: file };
  };
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}
