// Validation of parsed config data against the config definition (runner/config-definition.ts):
// the first mistake found, in the order the definition lists its keys, is a failure at its key
// path with the message the definition gives it.
import { didYouMean } from './errors.js';
import type { Node, TableNode } from './config-definition.js';
import type { RuleMeta, RuleOption } from './types.js';

export interface ValidateEnv {
  /** Stops validation: a config error at the key path (file:line is the caller's business). */
  fail(keyPath: readonly string[], message: string): never;
  /** The rule ids `[rules]` may name, with their declared options. */
  rules: ReadonlyMap<string, Pick<RuleMeta, 'id' | 'options'>>;
}

interface Where {
  path: string[];
  /** The key path as messages show it: `kinds.images.release-tag`, `policy[0].id`. */
  display: string;
  /** The display path of the enclosing list, for messages about one of its items. */
  listDisplay?: string;
  /** Map keys by the name their map gives them (`rule`, `kind`, `repo`). */
  names: Readonly<Record<string, string>>;
}

export const isTable = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const child = (where: Where, key: string, name?: string): Where => ({
  path: [...where.path, key],
  display: where.display ? `${where.display}.${key}` : key,
  names: name ? { ...where.names, [name]: key } : where.names,
});
const item = (where: Where, index: number): Where => ({ path: [...where.path, String(index)], display: `${where.display}[${index}]`, listDisplay: where.display, names: where.names });

function render(template: string, where: Where, extra: Readonly<Record<string, string>> = {}): string {
  const values: Record<string, string> = { ...where.names, path: where.display, key: where.path[where.path.length - 1] ?? '', listPath: where.listDisplay ?? where.display, ...extra };
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Throws through `env.fail` at the first value that does not fit the definition. */
export function validateConfig(data: unknown, definition: TableNode, env: ValidateEnv): void {
  walk(data, definition, { path: [], display: '', names: {} }, env);
}

function walk(value: unknown, node: Node, where: Where, env: ValidateEnv): void {
  const fail = (template: string, extra?: Record<string, string>, at: Where = where): never => env.fail(at.path, render(template, at, extra));
  switch (node.type) {
    case 'string': {
      if (typeof value !== 'string') return fail(node.typeError ?? '"{path}" must be a string', { value: String(value) });
      if (node.enum && !node.enum.includes(value)) fail(node.enumError ?? '"{path}" must be one of {allowed}{didYouMean}', { value, allowed: node.enum.join(', '), didYouMean: didYouMean(value, node.enum) });
      if (node.pattern && !new RegExp(node.pattern.source).test(value)) fail(node.pattern.error, { value });
      const problem = node.check?.(value);
      if (problem) fail(node.checkError ?? '{key} {check}', { value, check: problem });
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') fail(node.typeError ?? '"{path}" must be true or false');
      return;
    case 'list': {
      if (!Array.isArray(value)) return fail(node.typeError ?? '"{path}" must be a list');
      if (node.nonEmpty && value.length === 0) fail('"{path}" is empty: name at least one');
      value.forEach((v, i) => {
        // A list of plain values is one mistake at the list when one of them has the wrong type.
        if (node.items.type === 'string' && typeof v !== 'string') fail(node.typeError ?? '"{path}" must be a list of strings');
        walk(v, node.items, item(where, i), env);
      });
      return;
    }
    case 'table':
      return walkTable(value, node, where, env);
    case 'map': {
      if (!isTable(value)) return fail(node.typeError ?? '"{path}" must be a table');
      for (const [key, v] of Object.entries(value)) {
        const at = child(where, key, node.keyName);
        const keys = node.keys;
        if (keys.type === 'enum' && !keys.values.includes(key)) fail(keys.error, { value: key, didYouMean: didYouMean(key, keys.values) }, at);
        if (keys.type === 'rule-id' && !env.rules.has(key)) fail('unknown rule id "{value}"{didYouMean}; see porgs-lint --list-rules', { value: key, didYouMean: didYouMean(key, env.rules.keys()) }, at);
        if (keys.type === 'pattern') {
          const problem = keys.check(key);
          if (problem) fail(keys.error, { value: key, check: problem }, at);
        }
        walk(v, node.values, at, env);
      }
      return;
    }
    case 'either': {
      const chosen = typeof value === 'string' ? node.options[0] : isTable(value) ? node.options[1] : undefined;
      if (!chosen) return fail(node.typeError);
      return walk(value, chosen, where, env);
    }
    case 'rule-options': {
      if (!isTable(value)) return fail(node.typeError ?? '"{path}" must be a table');
      const id = where.names.rule;
      const declared = env.rules.get(id)?.options ?? {};
      for (const [name, v] of Object.entries(value)) {
        const at = child(where, name);
        const spec = Object.hasOwn(declared, name) ? declared[name] : undefined;
        if (!spec) fail('{rule} has no option "{name}"{didYouMean}', { name, didYouMean: didYouMean(name, Object.keys(declared)) }, at);
        const problem = optionProblem(spec!, v);
        if (problem) fail('option "{name}" of {rule} {problem}', { name, problem }, at);
      }
      return;
    }
  }
}

function walkTable(value: unknown, node: TableNode, where: Where, env: ValidateEnv): void {
  const fail = (template: string, extra?: Record<string, string>, at: Where = where): never => env.fail(at.path, render(template, at, extra));
  if (!isTable(value)) return fail(node.typeError ?? '"{path}" must be a table');
  const listed = Object.keys(node.keys).filter((k) => !node.unlisted?.includes(k));
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(node.keys, key)) {
      const at = child(where, key);
      fail('unknown key "{path}"{didYouMean}; allowed: {allowed}', { didYouMean: didYouMean(key, listed), allowed: listed.join(', ') }, at);
    }
  }
  for (const key of node.required ?? []) {
    if (!Object.hasOwn(value, key)) fail(node.requiredError ?? '{path} needs "{missing}"', { missing: key });
  }
  if (node.exactlyOne) {
    const present = node.exactlyOne.filter((k) => Object.hasOwn(value, k));
    if (present.length !== 1) fail(node.exactlyOneError ?? '{path} needs exactly one of {allowed}{found}', { allowed: node.exactlyOne.join(', '), found: present.length ? ` (found ${present.join(' and ')})` : '' });
  }
  for (const [key, sub] of Object.entries(node.keys)) {
    if (Object.hasOwn(value, key)) walk(value[key], sub, child(where, key), env);
  }
}

/** Why a value does not fit a declared option (type, enum, range), or undefined when it does. */
export function optionProblem(spec: RuleOption, v: unknown): string | undefined {
  const typed = spec.type === 'string[]' ? Array.isArray(v) && v.every((x) => typeof x === 'string') : typeof v === spec.type && (spec.type !== 'number' || Number.isFinite(v));
  if (!typed) return `must be a ${spec.type === 'string[]' ? 'list of strings' : spec.type}`;
  if (spec.type === 'string' && spec.enum && !spec.enum.includes(v as string)) return `must be one of ${spec.enum.join(', ')}${didYouMean(v as string, spec.enum)}`;
  if (spec.type === 'number' && spec.min !== undefined && (v as number) < spec.min) return `must be at least ${spec.min}`;
  if (spec.type === 'number' && spec.max !== undefined && (v as number) > spec.max) return `must be at most ${spec.max}`;
  return undefined;
}
