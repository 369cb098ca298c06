import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { github, githubStepSummary } from '../../../reporters/github.js';
import type { RunResult } from '../../../runner/types.js';
import { rawUnsafe, unescapeCommandData, workflowCommands } from '../../helpers/actions-log.js';
import { runCli } from '../../helpers/cli.js';
import { makeFolder, tmpDir } from '../../helpers/git.js';

const CC = 'exegol/config/ConstantConfig.py';

describe('--format github', () => {
  it('writes escaped workflow commands and a job summary', async () => {
    const dir = await makeFolder({ files: { [CC]: '__version__ = "5.2.0b1"\n' } });
    const summary = path.join(tmpDir(), 'summary.md');
    const res = await runCli(['--mode', 'release', '--rule', 'wrapper/version-no-prerelease', '--format', 'github', dir], { env: { GITHUB_STEP_SUMMARY: summary }, cwd: path.dirname(dir) });
    expect(res.code).toBe(1);
    expect(res.stdout).toContain(
      `::error file=${path.basename(dir)}/exegol/config/ConstantConfig.py,line=1,col=15,endLine=1,endColumn=24,title=wrapper/version-no-prerelease::version 5.2.0b1 has a pre-release tag; on a release branch use 5.2.0 (fix: set the version to "5.2.0")`,
    );
    const md = await fs.readFile(summary, 'utf8');
    expect(md).toContain('## porgs-lint: 1 error(s), 0 warning(s), 0 note(s)');
    expect(md).toContain('| error | `');
  });

  it('stays within the per-level annotation cap and says how many were left out', async () => {
    const files: Record<string, string> = { [CC]: '__version__ = "5.1.4"\n', 'requirements.txt': '', 'pyproject.toml': '[project]\ndependencies = []\n' };
    const dir = await makeFolder({ files });
    const lines = Array.from({ length: 12 }, (_, i) => `from tests.missing_${i} import x`).join('\n') + '\n';
    await fs.mkdir(path.join(dir, 'tests'), { recursive: true });
    await fs.writeFile(path.join(dir, 'tests/__init__.py'), lines);
    const res = await runCli(['--mode', 'dev', '--rule', 'wrapper/tests-import-exists', '--format', 'github', dir]);
    expect(res.stdout.match(/^::error /gm)).toHaveLength(10);
    expect(res.stdout).toContain('::notice title=porgs-lint::2 more finding(s) not annotated');
  });
});

const HOSTILE = 'a|b `c` <img src=x onerror=alert(1)> [link](https://evil.example) www.evil.example *em* _u_\n# h \x1b[2J\u202e %0A ::x';

function hostileResult(): RunResult {
  return {
    tool: { name: 'porgs-lint', version: '0.0.0', informationUri: 'https://example.com' },
    repos: [{ name: 'r', root: '/x/r', displayPath: `r${HOSTILE}`, kind: 'images', kindReason: 'detected', mode: 'dev', modeReason: `branch ${HOSTILE}` }],
    diagnostics: [
      { ruleId: 'images/add-to-list-format', severity: 'error', messageId: 'm', data: {}, message: `row "${HOSTILE}" is bad`, location: { repo: 'r', path: `f,${HOSTILE}.sh`, line: 3, column: 1 }, suggestion: `write "${HOSTILE}"`, fingerprint: '0'.repeat(32) },
      { ruleId: 'images/orphan-aliases-file', severity: 'warning', messageId: 'm', data: {}, message: 'plain', location: { repo: 'r', path: 'g.sh', line: 1, column: 1 }, fingerprint: '1'.repeat(32) },
    ],
    rules: [],
    summary: { errors: 1, warnings: 1, notes: 0 },
    readFile: () => undefined,
    startTime: '',
    endTime: '',
    executionSuccessful: true,
  };
}

describe('github reporter on hostile repo text', () => {
  it('writes exactly one single-line annotation per finding, with GitHub escaping over the visible escapes', () => {
    const out = github(hostileResult(), { color: false, cwd: '/x' });
    expect(rawUnsafe(out)).toEqual([]);
    const commands = workflowCommands(out);
    expect(commands).toHaveLength(2);
    const [first] = commands;
    const props = first.slice(first.indexOf(' ') + 1, first.indexOf('::', 2));
    expect(props.split(',').map((p) => p.split('=')[0])).toEqual(['file', 'line', 'col', 'title']);
    const file = props.split(',')[0];
    expect(file).not.toContain(':');
    expect(file).toContain('(https%3A/evil.example)');
    expect(file).toContain('/f%2Ca|b');
    const data = unescapeCommandData(first.slice(first.indexOf('::', 2) + 2));
    expect(data).not.toMatch(/[\n\r]/);
    expect(data).toContain('\\n# h \\x1b[2J\\u202e %0A ::x');
    expect(data).toContain('(fix: write "a|b');
  });

  it('writes a job summary where repo text renders literally', () => {
    const md = githubStepSummary(hostileResult());
    expect(rawUnsafe(md.replace(/\n/g, ''))).toEqual([]);
    const rows = md.split('\n').filter((l) => l.startsWith('|'));
    expect(rows).toHaveLength(4);
    for (const row of rows.slice(2)) {
      // GitHub splits a row at each pipe that no backslash precedes.
      const cells = row.slice(2, -2).split(/(?<!\\)\|/).map((c) => c.trim());
      expect(cells, row).toHaveLength(4);
      for (const cell of cells.slice(1)) {
        const span = /^(`+)([^`][\s\S]*?[^`]|[^`])\1$/.exec(cell);
        expect(span, cell).not.toBeNull();
        const longestInside = Math.max(0, ...(span![2].match(/`+/g) ?? []).map((r) => r.length));
        expect(longestInside).toBeLessThan(span![1].length);
      }
    }
    const outsideSpans = md.replace(/(`+)[\s\S]*?\1/g, '');
    expect(outsideSpans).not.toMatch(/[<>\[\]*_]|https?:|www\./);
    expect(md.split('\n').filter((l) => l.startsWith('#'))).toEqual([md.split('\n')[0]]);
  });
});
