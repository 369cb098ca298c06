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

const ONLY_WORKFLOW = 'only SHELLCHECK_OPTS ({{workflow}}) excludes {{workflowOnly}}';
const ONLY_RC = `only ${RC} disables {{rcOnly}}`;
const SAME = 'make both list the same codes';

export default defineRule({
  description: 'The codes `.shellcheckrc` disables are the codes the pull-request workflow excludes with SHELLCHECK_OPTS.',
  details: 'Contributors run shellcheck locally with .shellcheckrc; the pull-request check runs it with SHELLCHECK_OPTS. When the lists differ, a script that is clean locally fails in CI, or the other way round.',
  kinds: ['images'],
  severity: 'error',
  messages: {
    noRcFile: `SHELLCHECK_OPTS excludes {{codes}} but there is no ${RC}; create it with disable={{disable}} so local runs match`,
    onlyWorkflowExcludes: `${ONLY_WORKFLOW}; ${SAME}`,
    onlyRcDisables: `${ONLY_RC}; ${SAME}`,
    bothDiffer: `${ONLY_WORKFLOW}; ${ONLY_RC}; ${SAME}`,
  },
  identity: ['workflow', 'workflowOnly', 'rcOnly', 'codes'],
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
        ctx.report({ path: s.path, at: s.at, messageId: 'noRcFile', data: { codes: want.join(', '), disable: want.join(',') } });
        continue;
      }
      const rc = rcCodes(rcText);
      const have = sorted(rc.codes);
      const onlyWorkflow = want.filter((c) => !have.includes(c));
      const onlyRc = have.filter((c) => !want.includes(c));
      if (onlyWorkflow.length === 0 && onlyRc.length === 0) continue;
      const at = { line: rc.line || 1, column: 1 };
      const workflowData = { workflow: s.path, line: s.at.line, workflowOnly: onlyWorkflow.join(', ') };
      const rcData = { rcOnly: onlyRc.join(', ') };
      const related = [{ path: s.path, at: s.at, label: 'SHELLCHECK_OPTS' }];
      if (onlyRc.length === 0) ctx.report({ path: RC, at, messageId: 'onlyWorkflowExcludes', data: workflowData, related });
      else if (onlyWorkflow.length === 0) ctx.report({ path: RC, at, messageId: 'onlyRcDisables', data: { ...rcData, workflow: s.path }, related });
      else ctx.report({ path: RC, at, messageId: 'bothDiffer', data: { ...workflowData, ...rcData }, related });
    }
  },
});
