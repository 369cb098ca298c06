// A plugin is JavaScript that TypeScript may never have checked: its default export is checked
// here, field by field, before any of its rules runs. The first problem found is the answer.
import { optionProblem } from './config.js';
import type { PluginDefinition } from './plugin-api.js';
import { MODES, PARSER_NAMES, REPO_KINDS, SEVERITIES, type RuleOption } from './types.js';

export const PLUGIN_NAME = /^[a-z][a-z0-9-]{0,31}$/;
export const PLUGIN_RULE_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MESSAGE_ID = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
const OPTION_NAME = /^[A-Za-z][A-Za-z0-9-]{0,63}$/;
const PRECISIONS = ['very-high', 'high', 'medium', 'low'];
const OPTION_TYPES = ['string', 'number', 'boolean', 'string[]'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const listOf = (v: unknown, allowed: readonly string[]) => isStringList(v) && v.length > 0 && v.every((x) => allowed.includes(x));

function optionSpecProblem(name: string, spec: unknown): string | undefined {
  if (!OPTION_NAME.test(name)) return `option name "${name}" must be a letter, then letters, digits and "-"`;
  if (!isObject(spec) || !OPTION_TYPES.includes(spec.type as string)) return `option "${name}" needs a type: ${OPTION_TYPES.join(', ')}`;
  if (typeof spec.description !== 'string' || !spec.description) return `option "${name}" needs a description`;
  const problem = optionProblem(spec as unknown as RuleOption, spec.default);
  return problem && `the default of option "${name}" ${problem}`;
}

/** What is wrong with one rule definition, or undefined. */
export function ruleProblem(def: unknown): string | undefined {
  if (!isObject(def)) return 'is not a rule definition (defineRule({...}))';
  if (typeof def.check !== 'function') return 'has no check(ctx) function';
  if (typeof def.description !== 'string' || !def.description.trim()) return 'has no description';
  if (def.details !== undefined && typeof def.details !== 'string') return 'details must be a string';
  if (!listOf(def.kinds, REPO_KINDS)) return `kinds must list repo kinds among ${REPO_KINDS.join(', ')}`;
  if (def.modes !== undefined && !listOf(def.modes, MODES)) return `modes must list modes among ${MODES.join(', ')}`;
  if (!SEVERITIES.includes(def.severity as never)) return `severity must be one of ${SEVERITIES.join(', ')}`;
  if (!isObject(def.messages) || Object.keys(def.messages).length === 0) return 'needs messages: { <messageId>: "<template>" }';
  for (const [id, template] of Object.entries(def.messages)) {
    if (!MESSAGE_ID.test(id)) return `messageId "${id}" must be a letter, then letters and digits`;
    if (typeof template !== 'string' || !template.trim()) return `message "${id}" must be a template string`;
  }
  if (def.identity !== undefined && !isStringList(def.identity)) return 'identity must be a list of data field names';
  if (def.tags !== undefined && !isStringList(def.tags)) return 'tags must be a list of strings';
  if (def.parsers !== undefined && !(isStringList(def.parsers) && def.parsers.every((p) => (PARSER_NAMES as readonly string[]).includes(p)))) {
    return `parsers must list parsers among ${PARSER_NAMES.join(', ')}`;
  }
  if (def.precision !== undefined && !PRECISIONS.includes(def.precision as string)) return `precision must be one of ${PRECISIONS.join(', ')}`;
  if (def.onReleaseTag !== undefined && typeof def.onReleaseTag !== 'boolean') return 'onReleaseTag must be true or false';
  if (def.enabledByDefault !== undefined && typeof def.enabledByDefault !== 'boolean') return 'enabledByDefault must be true or false';
  if (def.options !== undefined) {
    if (!isObject(def.options)) return 'options must be a table of option declarations';
    for (const [name, spec] of Object.entries(def.options)) {
      const problem = optionSpecProblem(name, spec);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** An `https:` address with `{rule}` in it, or why not. */
function docsUrlProblem(v: unknown): string | undefined {
  if (typeof v !== 'string') return 'docsUrl must be a string';
  let url: URL;
  try {
    url = new URL(v.replaceAll('{rule}', 'rule'));
  } catch {
    return `docsUrl "${v}" is not an address`;
  }
  if (url.protocol !== 'https:') return `docsUrl "${v}" must be an https: address`;
  if (!v.includes('{rule}')) return `docsUrl "${v}" must say where the rule's name goes with {rule}`;
  return undefined;
}

/** What is wrong with a plugin module's default export, or undefined when it is a plugin. */
export function pluginProblem(plugin: unknown): string | undefined {
  if (!isObject(plugin)) return 'its default export is not a plugin: export default definePlugin({ name, rules })';
  if (typeof plugin.name !== 'string' || !PLUGIN_NAME.test(plugin.name)) {
    return `plugin name ${JSON.stringify(plugin.name)} must be a lowercase letter, then lowercase letters, digits and "-", at most 32 characters`;
  }
  if (plugin.docsUrl !== undefined) {
    const problem = docsUrlProblem(plugin.docsUrl);
    if (problem) return problem;
  }
  if (!isObject(plugin.rules) || Object.keys(plugin.rules).length === 0) return 'it has no rules: rules: { <name>: defineRule({...}) }';
  for (const [name, def] of Object.entries(plugin.rules)) {
    if (!PLUGIN_RULE_NAME.test(name)) return `rule name "${name}" must be a lowercase letter or digit, then lowercase letters, digits and "-", at most 64 characters`;
    const problem = ruleProblem(def);
    if (problem) return `rule ${plugin.name}/${name} ${problem}`;
  }
  return undefined;
}

export function isPlugin(v: unknown): v is PluginDefinition {
  return pluginProblem(v) === undefined;
}
