import { describe, expect, it } from 'vitest';
import { pretty, shouldColor } from '../../reporters/pretty.js';
import type { RunResult } from '../../runner/types.js';
import { rawUnsafe, workflowCommands } from '../helpers/actions-log.js';

const result: RunResult = {
  tool: { name: 'porgs-lint', version: '0.0.0', informationUri: 'https://example.com' },
  repos: [
    { name: 'Exegol', root: '/x/Exegol', displayPath: '../Exegol', kind: 'wrapper', kindReason: 'exegol/config/ConstantConfig.py exists', mode: 'release', modeReason: 'HEAD is branch master' },
  ],
  diagnostics: [
    {
      ruleId: 'wrapper/version-no-prerelease',
      severity: 'error',
      messageId: 'prerelease',
      data: { version: '5.2.0b1' },
      message: 'version 5.2.0b1 has a pre-release tag; on a release branch use 5.2.0',
      location: { repo: 'Exegol', path: 'exegol/config/ConstantConfig.py', line: 2, column: 15, endLine: 2, endColumn: 24 },
      suggestion: '__version__ = "5.2.0"',
      fingerprint: '0'.repeat(32),
    },
  ],
  rules: [],
  summary: { errors: 1, warnings: 0, notes: 0 },
  readFile: (_repo, file) => (file === 'exegol/config/ConstantConfig.py' ? '# version\n__version__ = "5.2.0b1"\n' : undefined),
  startTime: '',
  endTime: '',
  executionSuccessful: true,
};

describe('pretty reporter', () => {
  it('prints path:line:col, severity, message and rule id with an excerpt and the mode', () => {
    expect(pretty(result, { color: false, cwd: '/x' })).toBe(
      [
        '../Exegol  wrapper (exegol/config/ConstantConfig.py exists)',
        '  release mode: HEAD is branch master',
        '',
        '  ../Exegol/exegol/config/ConstantConfig.py:2:15  error  version 5.2.0b1 has a pre-release tag; on a release branch use 5.2.0  wrapper/version-no-prerelease',
        '    2 | __version__ = "5.2.0b1"',
        '      |               ^^^^^^^^^',
        '    fix: __version__ = "5.2.0"',
        '',
        '✖ 1 error, 0 warnings, 0 notes',
        '',
      ].join('\n'),
    );
  });

  it('colours only when asked', () => {
    expect(pretty(result, { color: true, cwd: '/x' })).toMatch(/\u001b\[31m/);
    expect(shouldColor({ isTTY: true }, {})).toBe(true);
    expect(shouldColor({ isTTY: false }, {})).toBe(false);
    expect(shouldColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(shouldColor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(shouldColor({ isTTY: true }, {}, false)).toBe(false);
  });
});

describe('pretty reporter on hostile repo text', () => {
  const ESC = '\x1b';
  const hostile = `x\n::error file=a::pwned${ESC}]8;;https://evil.example\x07\u202e ##[add-mask]s`;
  const source = `ok\nrow = "${hostile.replace('\n', '')}"\r\n${'m'.repeat(1_000_000)}\n`;
  const attack: RunResult = {
    ...result,
    repos: [{ ...result.repos[0], displayPath: '::error file=b::repo', modeReason: `HEAD is branch dev${ESC}[2J` }],
    diagnostics: [
      { ...result.diagnostics[0], message: `row "${hostile}" is bad`, location: { repo: 'Exegol', path: `::warning::${ESC}[8m.sh`, line: 2, column: 8 }, suggestion: `use "${hostile}"` },
      { ...result.diagnostics[0], message: 'minified', location: { repo: 'Exegol', path: `::warning::${ESC}[8m.sh`, line: 3, column: 500_000, endLine: 3, endColumn: 500_010 }, suggestion: undefined },
    ],
    readFile: () => source,
  };

  it('escapes every repo string, guards line starts and cuts long source lines', () => {
    const out = pretty(attack, { color: false, cwd: '/x' });
    expect(rawUnsafe(out)).toEqual([]);
    expect(workflowCommands(out)).toEqual([]);
    expect(out).toContain('\\x3a:error file=b::repo  wrapper');
    expect(out).toContain('::warning::\\x1b[8m.sh:2:8  error  row "x\\n::error file=a::pwned\\x1b]8;;https://evil.example\\x07\\u202e ##\\x5badd-mask]s" is bad');
    expect(out).toContain('HEAD is branch dev\\x1b[2J');
    expect(out).toContain('    fix: use "x\\n::error');
    const lines = out.split('\n');
    expect(lines.find((l) => l.startsWith('    2 | '))).toBe('    2 | row = "x::error file=a::pwned\\x1b]8;;https://evil.example\\x07\\u202e ##\\x5badd-mask]s"');
    const minified = lines.find((l) => l.startsWith('    3 | '))!;
    expect(minified.length).toBeLessThanOrEqual(8 + 200);
    expect(minified).toMatch(/^ {4}3 \| …m+…$/);
  });

  it('keeps its own colours while escaping the repo\'s escape sequences', () => {
    const out = pretty(attack, { color: true, cwd: '/x' });
    expect(out.replace(/\x1b\[[0-9;]*m/g, '')).not.toContain(ESC);
    expect(out).toMatch(/\u001b\[31m/);
    expect(workflowCommands(out)).toEqual([]);
  });
});
