// The JSON Schema of the config file, made from the config definition and the rules' metadata (each
// rule id with its severity and declared options), so editors complete and check porgs-lint.toml
// (Taplo's `#:schema`), .yaml and .json (`$schema`) as the loader does. The build writes it to
// docs/porgs-lint.schema.json, which the package ships.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_DEFINITION, type Node } from './config-definition.js';
import { PACKAGE_ROOT, TOOL } from './tool.js';
import type { RuleMeta, RuleOption } from './types.js';

export const SCHEMA_FILE = 'docs/porgs-lint.schema.json';

/** Where the schema of this version is published: its file in the repository at the release tag. */
export const schemaUrl = () => `${TOOL.informationUri}/raw/v${TOOL.version}/${SCHEMA_FILE}`;

/** Rule ids as a plugin or a later version may add them: `<group>/<name>`. */
const RULE_ID = '^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*$';

type Schema = Record<string, unknown>;

export function configJsonSchema(rules: readonly RuleMeta[]): Schema {
  const definitions: Record<string, Schema> = {};
  const root = new Converter(rules, definitions).convert(CONFIG_DEFINITION);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${TOOL.informationUri}/${SCHEMA_FILE}`,
    title: 'porgs-lint configuration',
    ...root,
    definitions: Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

class Converter {
  constructor(
    private readonly rules: readonly RuleMeta[],
    /** Nodes with a `ref`, each converted once. */
    private readonly definitions: Record<string, Schema>,
  ) {}

  /** `rule`: inside the settings of this rule, whose options are its own (never shared). */
  convert(node: Node, rule?: RuleMeta): Schema {
    const shared = node.ref && (!rule || node.type === 'string');
    if (!shared) return this.build(node, rule);
    this.definitions[node.ref!] ??= this.build(node);
    return { $ref: `#/definitions/${node.ref}` };
  }

  private build(node: Node, rule?: RuleMeta): Schema {
    const description = { description: node.description };
    switch (node.type) {
      case 'string':
        return {
          type: 'string',
          ...description,
          ...(node.enum ? { enum: [...node.enum] } : {}),
          ...(node.pattern ? { pattern: node.pattern.source } : {}),
          ...(node.format ? { format: node.format } : {}),
        };
      case 'boolean':
        return { type: 'boolean', ...description };
      case 'list':
        return { type: 'array', ...description, ...(node.nonEmpty ? { minItems: 1 } : {}), items: this.convert(node.items, rule) };
      case 'table':
        return {
          type: 'object',
          ...description,
          properties: Object.fromEntries(Object.entries(node.keys).map(([key, sub]) => [key, this.convert(sub, rule)])),
          ...(node.required ? { required: [...node.required] } : {}),
          ...(node.exactlyOne ? { oneOf: node.exactlyOne.map((key) => ({ required: [key] })) } : {}),
          additionalProperties: false,
        };
      case 'map': {
        const values = this.convert(node.values, rule);
        if (node.keys.type === 'enum') return { type: 'object', ...description, properties: Object.fromEntries(node.keys.values.map((k) => [k, values])), additionalProperties: false };
        if (node.keys.type === 'pattern') return { type: 'object', ...description, propertyNames: { pattern: node.keys.source }, additionalProperties: values };
        // Every known rule with its own options; other ids (a config's policies, plugins) in general.
        const properties = Object.fromEntries(this.rules.map((r) => [r.id, { ...this.convert(node.values, r), description: r.description }]));
        return { type: 'object', ...description, properties, propertyNames: { pattern: RULE_ID }, additionalProperties: values };
      }
      case 'either':
        return { ...description, anyOf: node.options.map((option) => this.convert(option, rule)) };
      case 'rule-options':
        if (!rule) return { type: 'object', ...description };
        return {
          type: 'object',
          ...description,
          properties: Object.fromEntries(Object.entries(rule.options ?? {}).map(([name, spec]) => [name, optionSchema(spec)])),
          additionalProperties: false,
        };
    }
  }
}

function optionSchema(spec: RuleOption): Schema {
  const common = { description: spec.description, default: spec.default };
  switch (spec.type) {
    case 'string':
      return { type: 'string', ...(spec.enum ? { enum: [...spec.enum] } : {}), ...common };
    case 'number':
      return { type: 'number', ...(spec.min !== undefined ? { minimum: spec.min } : {}), ...(spec.max !== undefined ? { maximum: spec.max } : {}), ...common };
    case 'boolean':
      return { type: 'boolean', ...common };
    case 'string[]':
      return { type: 'array', items: { type: 'string' }, ...common };
  }
}

/** The schema as the file holds it. */
export const schemaText = (rules: readonly RuleMeta[]) => `${JSON.stringify(configJsonSchema(rules), null, 2)}\n`;

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url && process.argv[2] === '--write') {
  const { allRuleMeta } = await import('./registry.js');
  writeFileSync(path.join(PACKAGE_ROOT, SCHEMA_FILE), schemaText(await allRuleMeta()));
  console.log(`${SCHEMA_FILE}: written`);
}
