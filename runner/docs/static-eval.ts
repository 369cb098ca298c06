// Reads values out of parsed modules without running them: a name is followed to its constant, a
// call of a function of the same modules to the value its single `return` gives, an import to the
// export of the imported file. Anything else (a parameter, arithmetic, a call into a package) is
// "unresolved" at its position. Every step is bounded: cycles, chains and sizes have limits.
import path from 'node:path';
import type { Declaration, ScriptFacts, StaticValue } from '../parsers/script-facts.js';
import type { Span } from '../types.js';

/** A value and the module it is written in (positions are positions in that file). */
export interface Located {
  value: StaticValue;
  file: string;
}

/** What only running the code would tell, and where. */
export interface Unresolved {
  file: string;
  at: Span;
  reason: string;
}

export const isUnresolved = (r: Located | Unresolved): r is Unresolved => 'reason' in r;

/** Functions known to return their first argument: VitePress' typed config helpers. */
const IDENTITY_HELPERS = new Set(['defineConfig', 'defineConfigWithTheme']);
/** Names followed in one resolution before giving up (a chain of aliases, or a cycle). */
const MAX_STEPS = 200;
/** Items read out of one array, spreads included, and spreads followed inside spreads. */
export const MAX_ITEMS = 20_000;
export const MAX_NESTING = 32;

interface Scope {
  file: string;
  locals?: Map<string, Declaration>;
  parent?: Scope;
}

/** Where a relative import of `from` leads: a repo path, or undefined when it leaves the repo. */
export function relativeTarget(from: string, source: string): string | undefined {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), source));
  return joined.startsWith('../') || joined === '..' || joined.startsWith('/') ? undefined : joined;
}

export class StaticEvaluator {
  private readonly declarations = new Map<string, Map<string, Declaration>>();

  /**
   * @param modules parsed modules by repo path
   * @param importTarget the module a relative import names (already loaded), or undefined
   */
  constructor(
    private readonly modules: ReadonlyMap<string, ScriptFacts>,
    private readonly importTarget: (from: string, source: string) => string | undefined,
  ) {
    for (const [file, facts] of modules) {
      const byName = new Map<string, Declaration>();
      for (const d of facts.declarations) if (!byName.has(d.name)) byName.set(d.name, d);
      this.declarations.set(file, byName);
    }
  }

  /** The literal a value stands for (string, number, array, object...), or why it cannot be told. */
  resolve(value: StaticValue, file: string): Located | Unresolved {
    return this.run(value, { file }, { steps: 0 });
  }

  /**
   * The items of an array value, spreads of arrays flattened; pieces that cannot be told apart are
   * unresolved. At most `limit.left` items are given (a cycle of spreads, or spreads that double at
   * each level, would never end).
   */
  items(array: Located, limit = { left: MAX_ITEMS }, depth = 0): Array<Located | Unresolved> {
    if (array.value.kind !== 'array') return [{ file: array.file, at: array.value.at, reason: 'not an array' }];
    const out: Array<Located | Unresolved> = [];
    for (const item of array.value.items) {
      if (limit.left <= 0) {
        out.push({ file: array.file, at: item.at, reason: `more than ${MAX_ITEMS} items; the rest is not read` });
        break;
      }
      if (item.kind !== 'spread') {
        limit.left--;
        out.push(this.resolve(item, array.file));
        continue;
      }
      const inner = this.resolve(item.value, array.file);
      if (!isUnresolved(inner) && inner.value.kind === 'array' && depth < MAX_NESTING) {
        for (const x of this.items(inner, limit, depth + 1)) out.push(x);
        continue;
      }
      limit.left--;
      if (isUnresolved(inner)) out.push(inner);
      else if (inner.value.kind !== 'array') out.push({ file: array.file, at: item.at, reason: `a spread of ${describe(inner.value)}` });
      else out.push({ file: array.file, at: item.at, reason: 'spreads nested too deep (a cycle?)' });
    }
    return out;
  }

  /**
   * A property of an object value: the last one written wins, as in JavaScript; a spread or a
   * computed key after it (or with no such property) may set it, so it cannot be told.
   */
  property(object: Located, key: string): Located | Unresolved | undefined {
    if (object.value.kind !== 'object') return undefined;
    let found: Extract<StaticValue, { kind: 'object' }>['entries'][number] | undefined;
    let doubt: Span | undefined;
    for (const e of object.value.entries) {
      if (e.kind === 'property') {
        if (e.key === key) {
          found = e;
          doubt = undefined;
        }
      } else doubt = e.at;
    }
    if (doubt) return { file: object.file, at: doubt, reason: `\`${key}\` may be set by a spread or a computed key` };
    return found?.kind === 'property' ? this.resolve(found.value, object.file) : undefined;
  }

  private run(value: StaticValue, scope: Scope, budget: { steps: number }): Located | Unresolved {
    if (++budget.steps > MAX_STEPS) return { file: scope.file, at: value.at, reason: 'too many indirections (a cycle?)' };
    switch (value.kind) {
      case 'name':
        return this.name(value.name, value.at, scope, budget);
      case 'call':
        return this.call(value, scope, budget);
      case 'other':
        return { file: scope.file, at: value.at, reason: `${code(value.text)} is only known by running the code` };
      case 'spread':
        return { file: scope.file, at: value.at, reason: 'a spread outside an array' };
      default:
        return { value, file: scope.file };
    }
  }

  private name(dotted: string, at: Span, scope: Scope, budget: { steps: number }): Located | Unresolved {
    const members = dotted.split('.');
    const head = members.shift()!;
    let current = this.declared(head, scope, budget);
    if (current === undefined) {
      const imp = this.modules.get(scope.file)?.imports.find((i) => i.local === head);
      if (!imp) return { file: scope.file, at, reason: `${code(dotted)} is not a constant of this file` };
      const target = this.importTarget(scope.file, imp.source);
      if (target === undefined) return { file: scope.file, at, reason: `\`${head}\` comes from '${imp.source}', which is not read` };
      const exported = imp.imported === '*' ? members.shift() : imp.imported;
      if (exported === undefined) return { file: scope.file, at, reason: `\`${head}\` is a whole module` };
      current = this.exported(target, exported, at, budget);
    }
    for (const m of members) {
      if (isUnresolved(current)) return current;
      const next = this.property(current, m);
      if (next === undefined) return { file: scope.file, at, reason: `\`${dotted}\` is not a property written in the file` };
      current = next;
    }
    return current;
  }

  /** A local constant of the function being read, or a declaration of the module. */
  private declared(name: string, scope: Scope, budget: { steps: number }): Located | Unresolved | undefined {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const local = s.locals?.get(name);
      if (local) return local.value ? this.run(local.value, s, budget) : { file: s.file, at: local.at, reason: `\`${name}\` has no value` };
    }
    const decl = this.declarations.get(scope.file)?.get(name);
    if (!decl) return undefined;
    return decl.value ? this.run(decl.value, { file: scope.file }, budget) : { file: scope.file, at: decl.at, reason: `\`${name}\` has no value` };
  }

  /** The value a module exports under a name. */
  private exported(file: string, name: string, at: Span, budget: { steps: number }): Located | Unresolved {
    if (++budget.steps > MAX_STEPS) return { file, at, reason: 'too many indirections (a cycle?)' };
    const facts = this.modules.get(file);
    if (!facts) return { file, at, reason: `${file} could not be read` };
    const direct = facts.exports.find((e) => e.exported === name && e.source === undefined);
    if (direct?.value) return this.run(direct.value, { file }, budget);
    if (direct?.local) return this.name(direct.local, direct.at, { file }, budget);
    for (const e of facts.exports.filter((x) => x.source !== undefined && (x.exported === name || x.exported === '*'))) {
      const target = this.importTarget(file, e.source!);
      if (target === undefined) continue;
      const r = this.exported(target, e.exported === '*' ? name : e.local!, e.at, budget);
      if (!isUnresolved(r) || e.exported === name) return r;
    }
    return { file, at, reason: `${file} exports no \`${name}\`` };
  }

  private call(value: Extract<StaticValue, { kind: 'call' }>, scope: Scope, budget: { steps: number }): Located | Unresolved {
    const imp = this.modules.get(scope.file)?.imports.find((i) => i.local === value.callee);
    if (imp && imp.source === 'vitepress' && IDENTITY_HELPERS.has(imp.imported)) {
      return value.args[0] ? this.run(value.args[0], scope, budget) : { file: scope.file, at: value.at, reason: `${value.callee}() without an argument` };
    }
    const fn = this.name(value.callee, value.at, scope, budget);
    if (isUnresolved(fn)) return { ...fn, reason: `${value.callee}(): ${fn.reason}` };
    if (fn.value.kind !== 'function') return { file: scope.file, at: value.at, reason: `${value.callee} is not a function of the file` };
    if (!fn.value.returns) return { file: fn.file, at: fn.value.at, reason: `${value.callee}() returns nothing that can be read` };
    const locals = new Map(fn.value.locals.map((d) => [d.name, d]));
    return this.run(fn.value.returns, { file: fn.file, locals }, budget);
  }
}

/** Source text quoted for a message (as is when it holds a backtick itself). */
const code = (text: string) => (text.includes('`') ? text : `\`${text}\``);

/** A few words on a value, for messages. */
export function describe(v: StaticValue): string {
  switch (v.kind) {
    case 'string':
      return 'a string';
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    case 'function':
      return 'a function';
    case 'number':
    case 'boolean':
      return `the ${v.kind} ${String(v.value)}`;
    case 'null':
      return 'nothing';
    default:
      return 'a value only running the code would tell';
  }
}
