import { defineRule } from '../../runner/types.js';
import type { Span } from '../../runner/types.js';
import { workflowFiles } from '../workflow/_workflows.js';

const RC = '.shellcheckrc';

/** Codes of the `disable=` lines of .shellcheckrc, with the line of the first one. */
function rcCodes(text: string): { codes: string[]; line: number } {
  const codes: string[] = [];
  let line = 0;
  text.split('\n').forEach((raw, i) => {
    const m = /^\s*disable\s*=\s*([^#]*)/.exec(raw);
    if (!m) return;
    line ||= i + 1;
    codes.push(...m[1].split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase()));
  });
  return { codes, line };
}

/** Codes excluded by SHELLCHECK_OPTS (`-e SC1,SC2`, `-eSC1`, `--exclude=SC1`); other options are ignored. */
function optsCodes(opts: string): string[] {
  const out: string[] = [];
  for (const m of opts.matchAll(/(?:^|\s)(?:-e\s*|--exclude(?:=|\s+))([A-Za-z0-9,]+)/g)) {
    out.push(...m[1].split(',').filter((c) => /^(SC)?\d+$/i.test(c)).map((c) => c.toUpperCase()));
  }
  return out;
}

const sorted = (codes: Iterable<string>) => [...new Set(codes)].sort();

export default defineRule({
  id: 'images/shellcheck-config-consistent',
  description: 'The codes `.shellcheckrc` disables are the codes the pull-request workflow excludes with SHELLCHECK_OPTS.',
  details: 'Contributors run shellcheck locally with .shellcheckrc; the pull-request check runs it with SHELLCHECK_OPTS. When the lists differ, a script that is clean locally fails in CI, or the other way round.',
  kinds: ['images'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/images/shellcheck-config-consistent.md',
  parsers: ['yaml'],
  tags: ['ci'],
  precision: 'very-high',
  async check(ctx) {
    const workflows = await workflowFiles(ctx);
    const settings: Array<{ path: string; at: Span; codes: string[] }> = [];
    for (const path of workflows) {
      const text = await ctx.read(path);
      if (text === undefined || !text.includes('SHELLCHECK_OPTS')) continue;
      const yaml = await ctx.yaml(path);
      for (const p of yaml?.pairs('SHELLCHECK_OPTS') ?? []) {
        if (typeof p.value === 'string') settings.push({ path, at: p.valueAt, codes: optsCodes(p.value) });
      }
    }
    if (settings.length === 0) return;
    const rcText = await ctx.read(RC);
    for (const s of settings) {
      const want = sorted(s.codes);
      if (rcText === undefined) {
        ctx.report({ path: s.path, at: s.at, message: `SHELLCHECK_OPTS excludes ${want.join(', ')} but there is no ${RC}; create it with disable=${want.join(',')} so local runs match` });
        continue;
      }
      const rc = rcCodes(rcText);
      const have = sorted(rc.codes);
      const onlyWorkflow = want.filter((c) => !have.includes(c));
      const onlyRc = have.filter((c) => !want.includes(c));
      if (onlyWorkflow.length === 0 && onlyRc.length === 0) continue;
      const diff = [
        onlyWorkflow.length ? `only SHELLCHECK_OPTS (${s.path}:${s.at.line}) excludes ${onlyWorkflow.join(', ')}` : '',
        onlyRc.length ? `only ${RC} disables ${onlyRc.join(', ')}` : '',
      ].filter(Boolean);
      ctx.report({
        path: RC,
        at: { line: rc.line || 1, column: 1 },
        message: `${diff.join('; ')}; make both list the same codes`,
        key: `${s.path} ${want.join(',')} ${have.join(',')}`,
      });
    }
  },
});
