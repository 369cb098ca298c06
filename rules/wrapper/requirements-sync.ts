import { defineRule } from '../../runner/types.js';

/** A requirements line without its ` # comment`; a fixed-width search, linear on any line. */
function withoutComment(line: string): string {
  const hash = line.search(/\s#/);
  return hash === -1 ? line : line.slice(0, hash);
}

export default defineRule({
  description: 'pyproject.toml [project].dependencies and requirements.txt list the same entries in the same order.',
  kinds: ['wrapper'],
  severity: 'error',
  messages: {
    differs:
      'requirements.txt entry {{index}} is "{{requirement}}" but pyproject.toml [project].dependencies has "{{dependency}}" there; keep both lists equal, in the same order',
    onlyInRequirements: 'requirements.txt has "{{requirement}}" which pyproject.toml [project].dependencies lacks; add it there or remove it here',
    onlyInPyproject: 'pyproject.toml [project].dependencies has "{{dependency}}" which requirements.txt lacks; add it at the end of requirements.txt',
  },
  // The entries, not their position: inserting a line above keeps the finding.
  identity: ['requirement', 'dependency'],
  tags: ['packaging'],
  precision: 'very-high',
  async check(ctx) {
    if (!(await ctx.exists('pyproject.toml')) || !(await ctx.exists('requirements.txt'))) return;
    const toml = await ctx.toml('pyproject.toml');
    const text = await ctx.read('requirements.txt');
    const deps = (toml?.data.project as { dependencies?: unknown } | undefined)?.dependencies;
    if (!toml || text === undefined || !Array.isArray(deps)) return;
    const norm = (s: string) => s.replace(/\s+/g, '');
    const reqs = text
      .split('\n')
      .map((raw, i) => ({ raw: withoutComment(raw).trim(), line: i + 1 }))
      .filter((r) => r.raw && !r.raw.startsWith('#') && !r.raw.startsWith('-'));
    const n = Math.max(reqs.length, deps.length);
    for (let i = 0; i < n; i++) {
      const req = reqs[i];
      const dep = typeof deps[i] === 'string' ? (deps[i] as string) : undefined;
      if (req && dep !== undefined && norm(req.raw) === norm(dep)) continue;
      const at = req ? { line: req.line, column: 1, endLine: req.line, endColumn: req.raw.length + 1 } : { line: text.split('\n').length, column: 1 };
      if (req && dep !== undefined) ctx.report({ path: 'requirements.txt', at, messageId: 'differs', data: { index: i + 1, requirement: req.raw, dependency: dep } });
      else if (req) ctx.report({ path: 'requirements.txt', at, messageId: 'onlyInRequirements', data: { requirement: req.raw } });
      else ctx.report({ path: 'requirements.txt', at, messageId: 'onlyInPyproject', data: { dependency: dep ?? JSON.stringify(deps[i]) } });
      return;
    }
  },
});
