import { describe, expect, it } from 'vitest';
import { pretty, shouldColor } from '../../reporters/pretty.js';
import type { RunResult } from '../../runner/types.js';

const result: RunResult = {
  tool: { name: 'porgs-lint', version: '0.0.0', informationUri: 'https://example.com' },
  repos: [
    { name: 'Exegol', root: '/x/Exegol', displayPath: '../Exegol', kind: 'wrapper', kindReason: 'exegol/config/ConstantConfig.py exists', mode: 'release', modeReason: 'HEAD is branch master' },
  ],
  diagnostics: [
    {
      ruleId: 'wrapper/version-no-prerelease',
      severity: 'error',
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
