import { lint, type LintOptions } from '../../runner/run.js';

/** Lint one repo and return `ruleId severity path:line message` lines for the given rules. */
export async function findings(dir: string, rules: string[], opts: Partial<LintOptions> = {}): Promise<string[]> {
  const result = await lint({ dirs: [dir], rules, env: {}, today: '2026-01-15', ...opts });
  return result.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.location.path}:${d.location.line} ${d.message}`);
}
