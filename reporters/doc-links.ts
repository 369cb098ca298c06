// Where a rule's documentation lives online: its doc page in the repository of porgs-lint, at the
// tag of the running version. Only for a page this package ships, so no id or path that came from a
// checked repo (a policy its config declares) ever becomes a link.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../runner/tool.js';
import { docsPath, type RuleMeta, type RunResult } from '../runner/types.js';

const shipped = new Map<string, boolean>();
const SAFE_URL = /^https:\/\/[A-Za-z0-9./_~:-]+$/;

/** The doc page URL of a rule whose page is the package's own `docs/rules/<id>.md`; undefined otherwise. */
export function ruleDocUrl(tool: RunResult['tool'], meta: Pick<RuleMeta, 'id' | 'docs'>): string | undefined {
  if (meta.docs !== docsPath(meta.id)) return undefined;
  if (!shipped.has(meta.docs)) shipped.set(meta.docs, existsSync(path.join(PACKAGE_ROOT, meta.docs)));
  if (!shipped.get(meta.docs)) return undefined;
  const url = `${tool.informationUri}/blob/v${tool.version}/${meta.docs}`;
  return SAFE_URL.test(url) ? url : undefined;
}
