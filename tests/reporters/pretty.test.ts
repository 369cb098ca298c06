import { describe, expect, it } from 'vitest';
import { pretty, shouldColor, shouldLink } from '../../reporters/pretty.js';
import { allRuleMeta } from '../../runner/registry.js';
import { TOOL } from '../../runner/tool.js';
import type { Diagnostic, RunResult } from '../../runner/types.js';
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
        'By rule:',
        '  wrapper/version-no-prerelease  1 error',
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

const metas = new Map((await allRuleMeta()).map((m) => [m.id, m]));
const SCRIPT = 'sources/install/package_misc.sh';

/** A finding of `ruleId` at `line` of `file` (the text of each line is `line N`). */
function finding(ruleId: string, line: number, over: Partial<Diagnostic> = {}): Diagnostic {
  return {
    ruleId,
    severity: metas.get(ruleId)?.severity ?? 'error',
    messageId: 'm',
    data: {},
    message: `problem at ${line}`,
    location: { repo: 'Exegol', path: SCRIPT, line, column: 1 },
    fingerprint: String(line).padStart(32, '0'),
    ...over,
  };
}

function resultOf(diagnostics: Diagnostic[]): RunResult {
  const summary = { errors: 0, warnings: 0, notes: 0 };
  for (const d of diagnostics) summary[`${d.severity}s` as 'errors' | 'warnings' | 'notes']++;
  return {
    ...result,
    tool: TOOL,
    diagnostics,
    rules: [...new Set(diagnostics.map((d) => d.ruleId))].flatMap((id) => (metas.has(id) ? [{ meta: metas.get(id)!, severity: metas.get(id)!.severity }] : [])),
    summary,
    readFile: () => Array.from({ length: 60 }, (_, i) => `line ${i + 1}`).join('\n'),
  };
}

const plain = (r: RunResult) => pretty(r, { color: false, cwd: '/x' }).split('\n');
const headOf = (line: string) => /^ {2}\S+:(\d+):\d+ {2}/.exec(line)?.[1];

describe('pretty reporter on many findings', () => {
  it('shows the first 3 of a rule and message in a file, then the other lines; other rules and files are their own', () => {
    const dup = (line: number, over: Partial<Diagnostic> = {}) => finding('images/install-colorecho', line, over);
    const out = plain(
      resultOf([
        dup(1),
        dup(2),
        finding('images/whitelist-syntax', 3),
        dup(4),
        dup(5),
        dup(6, { messageId: 'other' }),
        dup(7),
        dup(8, { location: { repo: 'Exegol', path: 'sources/install/package_ad.sh', line: 8, column: 1 } }),
      ]),
    );
    expect(out.flatMap((l) => headOf(l) ?? [])).toEqual(['1', '2', '3', '4', '6', '8']);
    const more = out.findIndex((l) => l.includes('more at line'));
    expect(out[more]).toBe('    and 2 more at lines 5, 7');
    // Right after the third finding of the group (its excerpt), before the next finding.
    expect(out.slice(more - 3, more)).toEqual(['  ../Exegol/sources/install/package_misc.sh:4:1  error  problem at 4  images/install-colorecho', '    4 | line 4', '      | ^']);
  });

  it('lists at most 20 of the other lines', () => {
    const out = plain(resultOf(Array.from({ length: 30 }, (_, i) => finding('images/install-colorecho', i + 1))));
    expect(out.filter((l) => headOf(l))).toHaveLength(3);
    expect(out.find((l) => l.includes('more at'))).toBe(`    and 27 more at lines ${Array.from({ length: 20 }, (_, i) => i + 4).join(', ')}, …`);
  });

  it('ends with the findings by rule and severity, the most severe and most frequent first', () => {
    const out = plain(
      resultOf([
        finding('images/whitelist-unneeded', 1),
        finding('wrapper/spawn-version', 2),
        finding('images/whitelist-unneeded', 3),
        finding('images/install-colorecho', 4),
        finding('images/install-colorecho', 5),
        finding('images/install-colorecho', 6, { severity: 'note' }),
      ]),
    );
    const at = out.indexOf('By rule:');
    expect(out.slice(at, at + 5)).toEqual([
      'By rule:',
      '  images/install-colorecho   2 errors, 1 note',
      '  wrapper/spawn-version      1 error',
      '  images/whitelist-unneeded  2 warnings',
      '',
    ]);
  });

  it('shows the second places a finding names', () => {
    const d = finding('images/install-fn-duplicate', 21, { related: [{ repo: 'Exegol', path: 'sources/install/package_ad.sh', line: 47, column: 10, label: 'the first definition' }] });
    expect(plain(resultOf([d]))).toContain('    the first definition: ../Exegol/sources/install/package_ad.sh:47:10');
  });
});

describe('pretty reporter links', () => {
  const OSC = '\x1b]8;;';
  const ST = '\x1b\\';
  const url = `${TOOL.informationUri}/blob/v${TOOL.version}/docs/rules/images/install-colorecho.md`;
  const linked = resultOf([finding('images/install-colorecho', 1)]);

  it('makes rule ids links to their doc pages when asked, in the findings and the summary', () => {
    const out = pretty(linked, { color: true, links: true, cwd: '/x' });
    expect(out.split(`${OSC}${url}${ST}images/install-colorecho${OSC}${ST}`)).toHaveLength(3);
    expect(pretty(linked, { color: true, cwd: '/x' })).not.toContain(OSC);
  });

  it('links no rule whose page the package does not ship (a policy a repo declares)', () => {
    const policy = { ...metas.get('images/install-colorecho')!, id: 'local/no-pip', docs: 'docs/rules/local/no-pip.md' };
    const out = pretty({ ...resultOf([finding('local/no-pip', 1)]), rules: [{ meta: policy, severity: 'error' }] }, { color: true, links: true, cwd: '/x' });
    expect(out).toContain('local/no-pip');
    expect(out).not.toContain(OSC);
  });

  it('only on a terminal that gets colour: never with NO_COLOR, --no-color, a dumb terminal or when not a TTY', () => {
    expect(shouldLink({ isTTY: true }, {})).toBe(true);
    expect(shouldLink({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(shouldLink({ isTTY: true }, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(shouldLink({ isTTY: true }, {}, false)).toBe(false);
    expect(shouldLink({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(false);
    expect(shouldLink({ isTTY: true }, { TERM: 'dumb', FORCE_COLOR: '1' })).toBe(false);
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
      {
        ...result.diagnostics[0],
        message: `row "${hostile}" is bad`,
        location: { repo: 'Exegol', path: `::warning::${ESC}[8m.sh`, line: 2, column: 8 },
        related: [{ repo: 'Exegol', path: `\n::error::${ESC}]8;;x${ESC}\\.sh`, line: 1, column: 1, label: `set ${ESC}[2J\u202e here` }],
        suggestion: `use "${hostile}"`,
      },
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
    expect(out).toContain('    set \\x1b[2J\\u202e here: ::error file=b::repo/\\n::error::\\x1b]8;;x\\x1b\\.sh:1:1');
    expect(out).toContain('    fix: use "x\\n::error');
    const lines = out.split('\n');
    expect(lines.find((l) => l.startsWith('    2 | '))).toBe('    2 | row = "x::error file=a::pwned\\x1b]8;;https://evil.example\\x07\\u202e ##\\x5badd-mask]s"');
    const minified = lines.find((l) => l.startsWith('    3 | '))!;
    expect(minified.length).toBeLessThanOrEqual(8 + 200);
    expect(minified).toMatch(/^ {4}3 \| …m+…$/);
  });

  it('with links on, the only escape sequences are its colours and its own links to its doc pages', () => {
    const withRule = { ...attack, rules: [{ meta: metas.get('wrapper/version-no-prerelease')!, severity: 'error' as const }] };
    const out = pretty(withRule, { color: true, links: true, cwd: '/x' });
    const links = [...out.matchAll(/\x1b\]8;;([^\x1b]*)\x1b\\/g)].map((m) => m[1]);
    expect(new Set(links)).toEqual(new Set([`${attack.tool.informationUri}/blob/v${attack.tool.version}/docs/rules/wrapper/version-no-prerelease.md`, '']));
    expect(out.replace(/\x1b\[[0-9;]*m/g, '').replace(/\x1b\]8;;[^\x1b]*\x1b\\/g, '')).not.toContain(ESC);
    expect(workflowCommands(out)).toEqual([]);
  });

  it('keeps its own colours while escaping the repo\'s escape sequences', () => {
    const out = pretty(attack, { color: true, cwd: '/x' });
    expect(out.replace(/\x1b\[[0-9;]*m/g, '')).not.toContain(ESC);
    expect(out).toMatch(/\u001b\[31m/);
    expect(workflowCommands(out)).toEqual([]);
  });
});
