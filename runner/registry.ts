// Rules are discovered by file name: rules/<group>/<name>.(js|ts) exports the rule `<group>/<name>`.
// Files starting with `_` are support modules. Rule modules are light: parsers load on demand.
// The build writes rules/index.json (every rule's metadata and file), so a run reads metadata
// without importing a module, and imports only the rules of the repo kinds it checks.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { ruleFromDefinition, type RepoKind, type Rule, type RuleDefinition, type RuleMeta } from './types.js';
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

const INDEX = path.join(RULES_DIR, 'index.json');

interface IndexedRule extends RuleMeta {
  /** Module path relative to the rules folder. */
  file: string;
}

let indexCache: IndexedRule[] | null | undefined;

/** The built index, when it lists exactly the rule files present (else undefined: import them all). */
function ruleIndex(): IndexedRule[] | undefined {
  if (indexCache === undefined) {
    try {
      const index = JSON.parse(readFileSync(INDEX, 'utf8')) as IndexedRule[];
      const files = ruleFiles();
      // Same rules, and written after every rule module (a plain `tsc` without the index step
      // leaves an older index, whose metadata may no longer be true).
      const written = statSync(INDEX).mtimeMs;
      const fresh =
        index.length === files.length &&
        files.every((f, i) => index[i].id === f.id && path.join(RULES_DIR, index[i].file) === f.file) &&
        newestModule() <= written;
      indexCache = fresh ? index : null;
    } catch {
      indexCache = null;
    }
  }
  return indexCache ?? undefined;
}

/** Modification time of the newest module under the rules folder (rules and support modules). */
function newestModule(): number {
  let newest = 0;
  for (const group of readdirSync(RULES_DIR, { withFileTypes: true })) {
    if (!group.isDirectory()) continue;
    for (const f of readdirSync(path.join(RULES_DIR, group.name))) newest = Math.max(newest, statSync(path.join(RULES_DIR, group.name, f)).mtimeMs);
  }
  return newest;
}

const imported = new Map<string, Promise<Rule>>();

function importRule(id: string, file: string): Promise<Rule> {
  let p = imported.get(id);
  if (!p) {
    p = import(pathToFileURL(file).href).then((mod: { default?: RuleDefinition }) => {
      const def = mod.default;
      if (!def || typeof def.check !== 'function' || typeof def.messages !== 'object') throw new Error(`${file}: expected a default export defineRule({ messages, check, ... })`);
      return ruleFromDefinition(id, def);
    });
    imported.set(id, p);
  }
  return p;
}

/**
 * The rules, sorted by id; with `kinds`, only those that apply to one of them; with a list of
 * ids, only those (a run imports just the modules of the rules it will run).
 */
export async function loadRules(kinds?: readonly RepoKind[] | { ids: ReadonlySet<string> }): Promise<Rule[]> {
  const wanted = (meta: Pick<RuleMeta, 'id' | 'kinds'>) =>
    !kinds || ('ids' in kinds ? kinds.ids.has(meta.id) : meta.kinds.some((k) => kinds.includes(k)));
  const index = ruleIndex();
  if (index) return Promise.all(index.filter(wanted).map((r) => importRule(r.id, path.join(RULES_DIR, r.file))));
  const all = await Promise.all(ruleFiles().map(({ id, file }) => importRule(id, file)));
  return all.filter(wanted);
}

/** Metadata of every rule, from the index when there is one. */
async function ruleMeta(): Promise<RuleMeta[]> {
  const index = ruleIndex();
  if (index) return index.map(({ file: _file, ...meta }) => meta);
  return loadRules();
}

/** Writes rules/index.json next to the built rules (run by `npm run build`). */
export async function writeRuleIndex(): Promise<number> {
  indexCache = null;
  const rules = await loadRules();
  const index: IndexedRule[] = rules.map(({ check: _check, ...meta }) => ({
    ...meta,
    file: path.relative(RULES_DIR, ruleFiles().find((f) => f.id === meta.id)!.file),
  }));
  writeFileSync(INDEX, `${JSON.stringify(index, null, 1)}\n`);
  indexCache = undefined;
  return index.length;
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
  const [rules, hook] = await Promise.all([ruleMeta(), loadHookChecks()]);
  return [...rules, ...META_RULES, ...hook].sort((a, b) => (a.id < b.id ? -1 : 1));
}

export { META_RULES };

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url && process.argv[2] === '--write-index') {
  writeRuleIndex().then((n) => console.log(`rules/index.json: ${n} rules`));
}
