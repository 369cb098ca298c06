// Expressions of a TypeScript/JavaScript syntax tree (@lezer/javascript) read as static values:
// literals, arrays, objects, names, calls of names, functions by what they return. Anything else is
// `other`, with its text and position. Depth and size are bounded, so a hostile file gives bounded data.
import type { SyntaxNode } from '@lezer/common';
import { LineIndex } from './parse-outcome.js';
import type { Declaration, StaticEntry, StaticValue } from './script-facts.js';
import type { Span } from '../types.js';

/** Deeper values are kept as `other`: real configs nest a dozen levels, hostile ones far more. */
export const MAX_VALUE_DEPTH = 64;
/** Values kept per module; beyond it the rest is `other`, so a huge file gives bounded data. */
export const MAX_VALUES = 50_000;

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };
const DOTTED_NAME = /^[\w$]+(\.[\w$]+)*$/;

/** The value of a JS string literal or a template without interpolation (quotes included in `literal`). */
export function decodeJsString(literal: string): string {
  const body = literal.slice(1, -1);
  return body.replace(/\\(u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|\r\n|[\s\S])/g, (_, esc: string, cp?: string, u?: string, x?: string) => {
    const hex = cp ?? u ?? x;
    if (hex !== undefined) {
      const n = parseInt(hex, 16);
      return n <= 0x10ffff ? String.fromCodePoint(n) : '';
    }
    if (esc === '\n' || esc === '\r\n' || esc === '\r' || esc === '\u2028' || esc === '\u2029') return '';
    return SIMPLE_ESCAPES[esc] ?? esc;
  });
}

export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== 'LineComment' && c.name !== 'BlockComment') out.push(c);
  return out;
}

export class ValueReader {
  private readonly lines: LineIndex;
  private budget = MAX_VALUES;

  constructor(private readonly text: string) {
    this.lines = new LineIndex(text);
  }

  spanOf(n: { from: number; to: number }): Span {
    const a = this.lines.position(n.from);
    const b = this.lines.position(n.to);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  src(n: { from: number; to: number }): string {
    return this.text.slice(n.from, n.to);
  }

  /** The source of a node on one line, shortened, for messages. */
  short(n: { from: number; to: number }): string {
    const s = this.text.slice(n.from, Math.min(n.to, n.from + 200)).replace(/\s+/g, ' ');
    return s.length > 80 || n.to - n.from > 200 ? `${s.slice(0, 77)}...` : s;
  }

  other(n: SyntaxNode, why?: string): StaticValue {
    return { kind: 'other', text: why ?? this.short(n), at: this.spanOf(n) };
  }

  value(n: SyntaxNode | null | undefined, depth: number): StaticValue | undefined {
    if (!n) return undefined;
    if (--this.budget < 0) return this.other(n, 'too large to read');
    if (depth > MAX_VALUE_DEPTH) return this.other(n, 'nested too deep to read');
    const at = this.spanOf(n);
    switch (n.name) {
      case 'String':
        return { kind: 'string', value: decodeJsString(this.src(n)), at };
      case 'TemplateString':
        return n.getChild('Interpolation') ? this.other(n) : { kind: 'string', value: decodeJsString(this.src(n)), at };
      case 'Number': {
        const v = Number(this.src(n).replace(/_/g, ''));
        return Number.isFinite(v) ? { kind: 'number', value: v, at } : this.other(n);
      }
      case 'BooleanLiteral':
        return { kind: 'boolean', value: this.src(n) === 'true', at };
      case 'null':
        return { kind: 'null', at };
      case 'VariableName':
        return this.src(n) === 'undefined' ? { kind: 'null', at } : { kind: 'name', name: this.src(n), at };
      case 'MemberExpression': {
        const dotted = this.src(n).replace(/\s+/g, '');
        return DOTTED_NAME.test(dotted) ? { kind: 'name', name: dotted, at } : this.other(n);
      }
      case 'ArrayExpression':
        return { kind: 'array', items: this.elements(children(n), depth), at };
      case 'ObjectExpression':
        return { kind: 'object', entries: children(n).filter((c) => c.name === 'Property').map((p) => this.entry(p, depth)), at };
      case 'CallExpression':
        return this.call(n, depth);
      case 'ArrowFunction':
      case 'FunctionExpression':
      case 'FunctionDeclaration':
        return this.fn(n, depth);
      default:
        return this.unwrapped(n, depth) ?? this.other(n);
    }
  }

  /** `(x)`, `x as T`, `x satisfies T`, `x!` and `<T>x` are the value x. */
  private unwrapped(n: SyntaxNode, depth: number): StaticValue | undefined {
    const kids = children(n);
    if (n.name === 'ParenthesizedExpression') return this.value(kids[1], depth + 1);
    if (n.name === 'BinaryExpression' && (kids[1]?.name === 'as' || kids[1]?.name === 'satisfies')) return this.value(kids[0], depth + 1);
    if (n.name === 'PostfixExpression' && kids[1] && this.src(kids[1]) === '!') return this.value(kids[0], depth + 1);
    if (n.name === 'PrefixCast') return this.value(n.lastChild, depth + 1);
    return undefined;
  }

  /** Only a call of a plain name can be followed (to a function of the files read). */
  private call(n: SyntaxNode, depth: number): StaticValue {
    let callee = n.firstChild;
    if (callee?.name === 'InstantiationExpression') callee = callee.firstChild;
    const dotted = callee ? this.src(callee).replace(/\s+/g, '') : '';
    if (!callee || (callee.name !== 'VariableName' && callee.name !== 'MemberExpression') || !DOTTED_NAME.test(dotted)) return this.other(n);
    const args = n.getChild('ArgList');
    return { kind: 'call', callee: dotted, args: args ? this.elements(children(args), depth) : [], at: this.spanOf(n) };
  }

  /** Items of an array or an argument list: a `Spread` token marks the expression after it. */
  elements(nodes: SyntaxNode[], depth: number): StaticValue[] {
    const out: StaticValue[] = [];
    let spreadAt: SyntaxNode | undefined;
    for (const c of nodes) {
      if (c.name === '[' || c.name === ']' || c.name === '(' || c.name === ')' || c.name === ',') continue;
      if (c.name === 'Spread') {
        spreadAt = c;
        continue;
      }
      const v = this.value(c, depth + 1) ?? this.other(c);
      out.push(spreadAt ? { kind: 'spread', value: v, at: this.spanOf({ from: spreadAt.from, to: c.to }) } : v);
      spreadAt = undefined;
    }
    return out;
  }

  private entry(p: SyntaxNode, depth: number): StaticEntry {
    const kids = children(p);
    const at = this.spanOf(p);
    if (kids[0]?.name === 'Spread') return { kind: 'spread', value: this.value(kids[1], depth + 1) ?? this.other(p), at };
    if (kids[0]?.name === '[') {
      const valueNode = kids[kids.length - 1];
      const close = kids.findIndex((k) => k.name === ']');
      return { kind: 'computed', text: this.short(p), at, value: (close >= 0 && valueNode !== kids[close] && this.value(valueNode, depth + 1)) || this.other(p) };
    }
    const keyNode = kids.find((k) => k.name === 'PropertyDefinition' || k.name === 'String' || k.name === 'Number');
    if (!keyNode) return { kind: 'computed', text: this.short(p), at, value: this.other(p) };
    const key = keyNode.name === 'String' ? decodeJsString(this.src(keyNode)) : keyNode.name === 'Number' ? String(Number(this.src(keyNode))) : this.src(keyNode);
    const keyAt = this.spanOf(keyNode);
    const colon = kids.findIndex((k) => k.name === ':');
    if (colon >= 0) return { kind: 'property', key, keyAt, value: this.value(kids[colon + 1], depth + 1) ?? this.other(p) };
    // `{ nav }` is `{ nav: nav }`; a method `f() {}` is a function.
    if (kids.length === 1) return { kind: 'property', key, keyAt, value: { kind: 'name', name: key, at: keyAt } };
    return { kind: 'property', key, keyAt, value: p.getChild('Block') ? this.fn(p, depth) : this.other(p) };
  }

  /** A function as a value: what it returns when it has exactly one `return` (or an expression body). */
  fn(n: SyntaxNode, depth: number): StaticValue {
    const params = n.getChild('ParamList');
    const paramCount = params ? children(params).filter((c) => c.name !== '(' && c.name !== ')' && c.name !== ',').length : 0;
    const body = n.getChild('Block');
    const at = this.spanOf(n);
    if (!body) {
      const expr = n.lastChild;
      return { kind: 'function', params: paramCount, returns: expr && expr.name !== 'Arrow' ? this.value(expr, depth + 1) : undefined, locals: [], at };
    }
    const returns = returnStatements(body);
    const locals: Declaration[] = [];
    for (const stmt of children(body)) if (stmt.name === 'VariableDeclaration') locals.push(...this.declarators(stmt, depth));
    const only = returns.length === 1 ? returns[0] : undefined;
    let value: StaticValue | undefined;
    if (only) value = this.value(children(only)[1], depth + 1) ?? { kind: 'null', at: this.spanOf(only) };
    else if (returns.length > 1) value = this.other(body, `a function with ${returns.length} return statements`);
    return { kind: 'function', params: paramCount, returns: value, locals, at };
  }

  /** The names a `const`/`let`/`var` statement declares, with their initial values. */
  declarators(stmt: SyntaxNode, depth: number): Declaration[] {
    const out: Declaration[] = [];
    const kids = children(stmt);
    kids.forEach((k, i) => {
      if (k.name !== 'VariableDefinition') return;
      const eq = kids[i + 1]?.name === 'Equals' ? i + 1 : kids[i + 1]?.name === 'TypeAnnotation' && kids[i + 2]?.name === 'Equals' ? i + 2 : -1;
      out.push({ name: this.src(k), value: eq >= 0 ? this.value(kids[eq + 1], depth + 1) : undefined, at: this.spanOf(k) });
    });
    return out;
  }
}

/** `return` statements of a body, not those of nested functions or classes (an iterative walk). */
function returnStatements(body: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const cursor = body.cursor();
  if (!cursor.firstChild()) return out;
  for (;;) {
    const name = cursor.name;
    const nested = name === 'ArrowFunction' || name === 'FunctionExpression' || name === 'FunctionDeclaration' || name === 'ClassDeclaration' || name === 'ClassExpression';
    if (name === 'ReturnStatement') out.push(cursor.node);
    if (!nested && cursor.firstChild()) continue;
    while (!cursor.nextSibling()) {
      if (!cursor.parent() || (cursor.from === body.from && cursor.to === body.to && cursor.name === body.name)) return out;
    }
  }
}
