// Rules are discovered by file name: rules/<group>/<name>.(js|ts) exports the rule `<group>/<name>`.
// Files starting with `_` are support modules. Rule modules are light: parsers load on demand.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Rule, RuleMeta } from './types.js';
import { META_RULES } from '../rules/meta/_meta.js';

const RULES_DIR = fileURLToPath(new URL('../rules/', import.meta.url));
const RULE_FILE = /^([a-z0-9][a-z0-9-]*)\.(js|ts)$/;

export function ruleFiles(): Array<{ id: string; file: string }> {
  const out: Array<{ id: string; file: string }> = [];
  for (const group of readdirSync(RULES_DIR, { withFileTypes: true })) {
    if (!group.isDirectory()) continue;
    for (const f of readdirSync(path.join(RULES_DIR, group.name))) {
      const m = RULE_FILE.exec(f);
      if (m && !f.endsWith('.d.ts') && !f.includes('.test.')) out.push({ id: `${group.name}/${m[1]}`, file: path.join(RULES_DIR, group.name, f) });
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

let rulesP: Promise<Rule[]> | undefined;

export function loadRules(): Promise<Rule[]> {
  rulesP ??= Promise.all(
    ruleFiles().map(async ({ id, file }) => {
      const mod = (await import(pathToFileURL(file).href)) as { default?: Rule };
      const rule = mod.default;
      if (!rule || rule.id !== id) throw new Error(`${file}: expected a default export defineRule({ id: '${id}' })`);
      return rule;
    }),
  );
  return rulesP;
}

let hookMetaP: Promise<readonly RuleMeta[]> | undefined;

/** Metadata of the pre-push checks, so `hook/...` ids are valid in config and `explain`. */
export function loadHookChecks(): Promise<readonly RuleMeta[]> {
  hookMetaP ??= import('../hook/checks.js')
    .then((m: { HOOK_CHECKS?: readonly RuleMeta[] }) => m.HOOK_CHECKS ?? [])
    .catch(() => []);
  return hookMetaP;
}

/** Every id a user may name: rules, runner findings and hook checks. */
export async function allRuleMeta(): Promise<RuleMeta[]> {
  const [rules, hook] = await Promise.all([loadRules(), loadHookChecks()]);
  return [...rules, ...META_RULES, ...hook].sort((a, b) => (a.id < b.id ? -1 : 1));
}

export { META_RULES };
