// `[[policy]]` entries: each matcher fires, stays silent and meets bad input, in memory; the
// policy is then a rule like a built-in one (severity settings, suppressions, SARIF rules[]).
import { describe, expect, it } from 'vitest';
import { buildSarif } from '../../reporters/sarif.js';
import { ConfigError, parseConfig, type Config } from '../../runner/config.js';
import { configRelaxations } from '../../runner/config-relaxed.js';
import { renderMessage } from '../../runner/messages.js';
import { MAX_POLICY_INPUT } from '../../runner/local-policies.js';
import { MemorySource } from '../../runner/memory-source.js';
import { allRuleMeta } from '../../runner/registry.js';
import { configPolicyRules, lint } from '../../runner/run.js';
import type { Mode, RepoKind, RunResult } from '../../runner/types.js';
import { NO_LATEST_MASTER, PIPX_ONLY, SOURCES_COMMON } from '../helpers/policies.js';

async function configOf(toml: string, file = 'porgs-lint.toml'): Promise<Config> {
  return parseConfig(toml, await allRuleMeta(), { file, displayFile: file, baseDir: '/nowhere' });
}

async function errorOf(text: string, file = 'porgs-lint.toml'): Promise<string> {
  try {
    await configOf(text, file);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a config error');
}

async function run(toml: string, files: Record<string, string>, kind: RepoKind, mode: Mode = 'dev'): Promise<RunResult> {
  const config = await configOf(toml);
  return lint({ repos: [{ name: 'repo', source: new MemorySource(files) }], kind, mode, config, env: {}, today: '2026-01-15', rules: config.policies.map((p) => p.id) });
}

const brief = (r: RunResult) =>
  r.diagnostics.map((d) => ({ rule: d.ruleId, id: d.messageId, severity: d.severity, at: `${d.location.path}:${d.location.line}:${d.location.column}-${d.location.endColumn ?? ''}`, data: d.data, ...(d.unverified ? { unverified: true } : {}) }));

const INSTALL = (body: string) => `source common.sh\n\nfunction install_tool() {\n    colorecho "Installing tool"\n${body}\n}\n`;

describe('forbid-line', () => {
  const page = '# Install\n\nClone the repo and use the latest master, or a release.\n';

  it('reports each line that matches, at the match, with the matched text as data', async () => {
    const r = await run(NO_LATEST_MASTER, { 'docs/src/install.md': page, 'docs/src/other.md': 'nothing here\n' }, 'docs');
    expect(brief(r)).toEqual([{ rule: 'local/no-latest-master', id: 'violation', severity: 'warning', at: 'docs/src/install.md:3:28-41', data: { match: 'latest master' } }]);
    expect(r.diagnostics[0].message).toBe('the page says "latest master": name a release, or the dev branch for unreleased features');
  });

  it('stays silent on lines without it and on files outside its globs', async () => {
    const r = await run(NO_LATEST_MASTER, { 'docs/src/install.md': '# Install\n\nUse release 5.1.4.\n', 'README.md': 'the latest master\n' }, 'docs');
    expect(brief(r)).toEqual([]);
  });

  it('does not run in a mode or a kind it does not list', async () => {
    const releaseOnly = NO_LATEST_MASTER.replace('severity =', 'modes = ["release"]\nseverity =');
    expect(brief(await run(releaseOnly, { 'docs/src/install.md': page }, 'docs', 'dev'))).toEqual([]);
    expect(brief(await run(releaseOnly, { 'docs/src/install.md': page }, 'docs', 'release'))).toHaveLength(1);
    expect(brief(await run(NO_LATEST_MASTER, { 'docs/src/install.md': page }, 'images'))).toEqual([]);
  });

  it('takes its severity from [rules] like any rule, and off turns it off', async () => {
    const raised = await run(`${NO_LATEST_MASTER}\n[rules]\n"local/no-latest-master" = "error"\n`.replace('[[policy]]', '[[policy]]'), { 'docs/src/install.md': page }, 'docs');
    expect(brief(raised).map((f) => f.severity)).toEqual(['error']);
    const off = await run(`[kinds.docs]\nrules = { "local/no-latest-master" = "off" }\n${NO_LATEST_MASTER}`, { 'docs/src/install.md': page }, 'docs');
    expect(brief(off)).toEqual([]);
  });

  it('is suppressed by a comment naming it, with a reason, on the line before', async () => {
    const suppressed = '# Install\n\n<!-- porgs-lint-disable-next-line local/no-latest-master -- quoting the old wording -->\nthe latest master\n';
    expect(brief(await run(NO_LATEST_MASTER, { 'docs/src/install.md': suppressed }, 'docs'))).toEqual([]);
    const unused = '<!-- porgs-lint-disable-next-line local/no-latest-master -- nothing below -->\nfine\n';
    expect(brief(await run(NO_LATEST_MASTER, { 'docs/src/install.md': unused }, 'docs')).map((f) => `${f.rule} ${f.id}`)).toEqual(['meta/unused-suppression unused']);
  });

  it(`says "cannot verify" for lines longer than ${MAX_POLICY_INPUT} characters instead of passing them`, async () => {
    const long = `${'x'.repeat(MAX_POLICY_INPUT)} latest master\n`;
    const r = await run(NO_LATEST_MASTER, { 'docs/src/install.md': `ok\n${long}${long}` }, 'docs');
    expect(brief(r)).toEqual([
      { rule: 'local/no-latest-master', id: 'notChecked', severity: 'note', at: 'docs/src/install.md:2:1-', data: { count: 2, what: 'line(s)', max: MAX_POLICY_INPUT, line: 2 }, unverified: true },
    ]);
  });

  it('notes that it checked nothing when no file matches its globs', async () => {
    const r = await run(NO_LATEST_MASTER, { 'docs/.vitepress/config.mts': 'export default {}\n' }, 'docs');
    expect(brief(r)).toEqual([{ rule: 'local/no-latest-master', id: 'noFiles', severity: 'note', at: 'docs/.vitepress/config.mts:1:1-', data: { globs: 'docs/src/**/*.md' } }]);
  });
});

describe('require', () => {
  it('reports a file with no line that matches, at its first line', async () => {
    const r = await run(SOURCES_COMMON, { 'sources/install/package_ad.sh': '#!/bin/bash\n\nfunction install_x() {\n  :\n}\n', 'sources/install/package_web.sh': INSTALL('') }, 'images');
    expect(brief(r)).toEqual([{ rule: 'local/sources-common', id: 'violation', severity: 'error', at: 'sources/install/package_ad.sh:1:1-', data: { pattern: '^source common\\.sh$' } }]);
    expect(r.diagnostics[0].message).toBe('no line matches ^source common\\.sh$: add source common.sh at the top');
  });

  it('stays silent when every file has such a line (CRLF line ends included)', async () => {
    const r = await run(SOURCES_COMMON, { 'sources/install/package_ad.sh': '#!/bin/bash\r\nsource common.sh\r\n', 'sources/install/package_web.sh': INSTALL('') }, 'images');
    expect(brief(r)).toEqual([]);
  });

  it('cannot say a file lacks the line when some of its lines were too long to read', async () => {
    const r = await run(SOURCES_COMMON, { 'sources/install/package_ad.sh': `# ${'x'.repeat(MAX_POLICY_INPUT)}\n` }, 'images');
    expect(brief(r).map((f) => [f.id, f.unverified])).toEqual([['notChecked', true]]);
  });
});

describe('command', () => {
  const files = (body: string) => ({ 'sources/install/package_ad.sh': INSTALL(body) });

  it('reports pip installs inside install functions, with the command and the function as data', async () => {
    const r = await run(PIPX_ONLY, files('    pip3 install impacket\n    python3 -m pip install ldap3'), 'images');
    expect(brief(r)).toEqual([
      { rule: 'local/pipx-only', id: 'violation', severity: 'error', at: 'sources/install/package_ad.sh:5:5-26', data: { match: 'pip3 install impacket', function: 'install_tool' } },
      { rule: 'local/pipx-only', id: 'violation', severity: 'error', at: 'sources/install/package_ad.sh:6:5-33', data: { match: 'python3 -m pip install ldap3', function: 'install_tool' } },
    ]);
    expect(r.diagnostics[0].message).toBe('install_tool runs pip3 install impacket: install Python tools with pipx install');
  });

  it('stays silent on pipx, on other pip commands, outside install functions, and in comments and strings', async () => {
    const body = ['    pipx install --system-site-packages git+https://github.com/ThePorgs/impacket', '    pip3 --version', '    # pip3 install old-way', '    echo "pip3 install x"'].join('\n');
    const outside = 'function helper() {\n  pip3 install build-dep\n}\n';
    const r = await run(PIPX_ONLY, { 'sources/install/package_ad.sh': INSTALL(body) + outside, 'sources/install/common.sh': 'pip3 install x\n' }, 'images');
    expect(brief(r)).toEqual([]);
  });

  it('is suppressed by a comment naming it, with a reason, like a built-in rule', async () => {
    const body = '    # porgs-lint-disable-next-line local/pipx-only -- no pipx package for this library\n    pip3 install impacket';
    expect(brief(await run(PIPX_ONLY, files(body), 'images'))).toEqual([]);
  });

  it('leaves a script bash cannot parse to meta/parse-error', async () => {
    const r = await run(PIPX_ONLY, { 'sources/install/package_ad.sh': 'function install_x() {\n  if then fi (\n' }, 'images');
    expect(brief(r).map((f) => `${f.rule} ${f.id}`)).toEqual(['meta/parse-error cannotParse']);
  });
});

describe('the work budget', () => {
  it('stops a quadratic pattern on a repo of long lines with a "cannot verify" note, not silence', async () => {
    // `\s+x` not anchored costs a line's length squared: 600 lines of 1,000 characters exceed the budget.
    const toml = NO_LATEST_MASTER.replace("forbid-line = 'latest master'", "forbid-line = '\\s+x'");
    const lines = `${'a'.repeat(MAX_POLICY_INPUT)}\n`.repeat(600);
    const r = await run(toml, { 'docs/src/a.md': lines, 'docs/src/b.md': ' x\n' }, 'docs');
    expect(brief(r)).toEqual([{ rule: 'local/no-latest-master', id: 'overBudget', severity: 'note', at: 'docs/src/a.md:1:1-', data: { path: 'docs/src/a.md' }, unverified: true }]);
  });
});

describe('a policy in the reports', () => {
  it('each matcher kind is a SARIF rule with its matcher in fullDescription, no link, at its severity', async () => {
    const r = await run(`${PIPX_ONLY}${SOURCES_COMMON}`, { 'sources/install/package_ad.sh': '#!/bin/bash\nfunction install_x() {\n  pip3 install x\n}\n' }, 'images');
    expect(brief(r).map((f) => `${f.rule} ${f.at}`)).toEqual(['local/sources-common sources/install/package_ad.sh:1:1-', 'local/pipx-only sources/install/package_ad.sh:3:3-17']);
    const rules = (buildSarif(r).runs[0] as { tool: { driver: { rules: Array<{ id: string; fullDescription: { text: string }; helpUri?: string; defaultConfiguration: { level: string } }> } } }).tool.driver.rules;
    expect(rules.filter((x) => x.id.startsWith('local/')).map((x) => [x.id, x.fullDescription.text.split('. ')[1], x.helpUri, x.defaultConfiguration.level])).toEqual([
      ['local/pipx-only', 'Each command pip, pip3, python3 whose arguments match /^(-m pip )?install( |$)/ inside an install_* function in files matching sources/install/package_*.sh is a finding', undefined, 'error'],
      ['local/sources-common', 'Each file matching sources/install/package_*.sh must have a line that matches /^source common\\.sh$/', undefined, 'error'],
    ]);
  });

  it('is in SARIF rules[] with its description and matcher, and no link', async () => {
    const r = await run(NO_LATEST_MASTER, { 'docs/src/install.md': 'the latest master\n' }, 'docs');
    const run0 = buildSarif(r).runs[0] as { tool: { driver: { rules: Array<Record<string, unknown>> } }; results: Array<{ ruleId: string; ruleIndex: number }> };
    const index = run0.tool.driver.rules.findIndex((x) => x.id === 'local/no-latest-master');
    const rule = run0.tool.driver.rules[index];
    expect(rule).toMatchObject({
      shortDescription: { text: 'Docs pages do not send users to the latest master.' },
      fullDescription: { text: 'Docs pages do not send users to the latest master. Each line in files matching docs/src/**/*.md that matches /latest master/ is a finding. (A policy of porgs-lint.toml:2:1.) Applies to docs repos, in release and dev mode.' },
      defaultConfiguration: { level: 'warning' },
    });
    expect([rule.helpUri, JSON.stringify(rule).includes('http')]).toEqual([undefined, false]);
    expect(run0.results.map((x) => [x.ruleId, x.ruleIndex])).toEqual([['local/no-latest-master', index]]);
  });
});

describe('policy config errors, at file:line', () => {
  const cases: Array<[string, string, string]> = [
    ['no matcher', NO_LATEST_MASTER.replace("forbid-line = 'latest master'", ''), 'porgs-lint.toml:2:1: policy[0] needs exactly one matcher: forbid-line, require or command'],
    ['two matchers', `${NO_LATEST_MASTER}require = 'x'\n`, 'porgs-lint.toml:2:1: policy[0] needs exactly one matcher: forbid-line, require or command (found forbid-line and require)'],
    ['a missing key', NO_LATEST_MASTER.replace('severity = "warning"\n', ''), 'porgs-lint.toml:2:1: policy[0] needs "severity"'],
    ['an id outside local/', NO_LATEST_MASTER.replace('local/no-latest-master', 'images/no-latest-master'), 'porgs-lint.toml:3:1: policy id "images/no-latest-master" is not allowed: write local/<name>, the name of lowercase letters, digits and "-", starting with a letter or digit, at most 63 characters'],
    ['an id with other characters', NO_LATEST_MASTER.replace('local/no-latest-master', 'local/No_Latest'), 'porgs-lint.toml:3:1: policy id "local/No_Latest" is not allowed: write local/<name>, the name of lowercase letters, digits and "-", starting with a letter or digit, at most 63 characters'],
    ['an unknown key', NO_LATEST_MASTER.replace('files =', 'fles = ["x"]\nfiles ='), 'porgs-lint.toml:8:1: unknown key "policy[0].fles" (did you mean "files"?); allowed: id, description, kinds, modes, severity, message, files, forbid-line, require, command'],
    ['no kind', NO_LATEST_MASTER.replace('["docs"]', '[]'), 'porgs-lint.toml:5:1: "policy[0].kinds" is empty: name at least one'],
    ['a kind misspelt', NO_LATEST_MASTER.replace('["docs"]', '["doc"]'), 'porgs-lint.toml:5:1: unknown repo kind "doc" (did you mean "docs"?)'],
    ['a bad severity', NO_LATEST_MASTER.replace('"warning"', '"waring"'), 'porgs-lint.toml:6:1: "policy[0].severity" must be one of error, warning, note (did you mean "warning"?)'],
    ['a glob outside the safe subset', NO_LATEST_MASTER.replace('docs/src/**/*.md', 'docs/{src,x}/*.md'), 'porgs-lint.toml:8:1: files glob "docs/{src,x}/*.md" uses braces or parentheses: brace expansion and extglobs are not supported'],
    ['a message inserting data the matcher has not', NO_LATEST_MASTER.replace('{{match}}', '{{function}}'), 'porgs-lint.toml:7:1: message of local/no-latest-master inserts {{function}}, which a forbid-line policy does not give; it may insert {{match}}'],
    ['the same id twice', `${NO_LATEST_MASTER}${NO_LATEST_MASTER}`, 'porgs-lint.toml:12:1: policy id "local/no-latest-master" is defined twice (first at porgs-lint.toml:3:1); give each policy its own id'],
    ['an unknown key of the command matcher', PIPX_ONLY.replace('inside =', 'insde = "x"\ninside ='), 'porgs-lint.toml:12:1: unknown key "policy[0].command.insde" (did you mean "inside"?); allowed: name, args, inside'],
    ['a bad inside', PIPX_ONLY.replace('"install-functions"', '"install-function"'), 'porgs-lint.toml:12:1: "policy[0].command.inside" must be one of anywhere, install-functions (did you mean "install-functions"?)'],
  ];
  for (const [what, text, message] of cases) {
    it(what, async () => {
      expect(await errorOf(text)).toBe(message);
    });
  }

  it('a pattern that can backtrack for long is refused, saying why', async () => {
    expect(await errorOf(NO_LATEST_MASTER.replace("'latest master'", () => "'^(a+)+$'"))).toBe(
      'porgs-lint.toml:9:1: forbid-line has a nested quantifier at column 6 of the pattern: a repeated group holds a quantifier itself, which can take exponential time; write the repetition once',
    );
    expect(await errorOf(NO_LATEST_MASTER.replace("'latest master'", "'\\s+\\s+x'"))).toMatch(/^porgs-lint\.toml:9:1: forbid-line has too many choices at column \d+ of the pattern/);
    expect(await errorOf(PIPX_ONLY.replace("'^(-m pip )?install( |$)'", "'(\\d)\\1'"))).toMatch(/^porgs-lint\.toml:11:1: args has a backreference at column 5 /);
  });

  it('YAML and JSON name the line too', async () => {
    const yaml = 'policy:\n  - id: local/x\n    description: d\n    kinds: [docs]\n    severity: error\n    message: m\n    files: ["*.md"]\n    forbid-line: "(a+)+"\n';
    expect(await errorOf(yaml, 'porgs-lint.yaml')).toMatch(/^porgs-lint\.yaml:8:5: forbid-line has a nested quantifier/);
    const json = '{\n  "policy": [\n    { "id": "local/x", "description": "d", "kinds": ["docs"], "severity": "error", "message": "m", "files": ["*.md"] }\n  ]\n}\n';
    expect(await errorOf(json, 'porgs-lint.json')).toBe('porgs-lint.json:2:3: policy[0] needs exactly one matcher: forbid-line, require or command');
  });

  it('a policy id is a rule id for [rules] in the same config, and only there', async () => {
    expect((await configOf(`[rules]\n"local/pipx-only" = "warning"\n${PIPX_ONLY}`)).rules.get('local/pipx-only')).toEqual({ severity: 'warning' });
    expect(await errorOf('[rules]\n"local/pipx-only" = "warning"\n')).toBe('porgs-lint.toml:2:1: unknown rule id "local/pipx-only"; see porgs-lint --list-rules');
  });
});

describe('a checked-out config relaxing a policy (meta/config-relaxed)', () => {
  const relaxations = async (trusted: string, current: string) => {
    const meta = (await allRuleMeta()).find((m) => m.id === 'meta/config-relaxed')!;
    const t = await configOf(trusted);
    const c = await configOf(current);
    // As a run knows them: the built-in rules and the trusted config's policies.
    const known = [...(await allRuleMeta()), ...(await configPolicyRules(t))];
    return configRelaxations(t, c, known, 'main').map((r) => `${r.keyPath.join('.')}: ${renderMessage(meta.id, meta.messages, r.messageId, r.data).split('; the gate')[0]}`);
  };

  it('reports a policy removed, lowered, turned off, narrowed to fewer kinds or modes, or matching otherwise', async () => {
    const both = NO_LATEST_MASTER.replace('kinds = ["docs"]', 'kinds = ["docs", "images"]');
    expect(await relaxations(both, '')).toEqual([': removes policy local/no-latest-master (warning in the config at main)']);
    expect(await relaxations(both, both.replace('"warning"', '"note"'))).toEqual(['policy.0.severity: lowers local/no-latest-master to note (warning in the config at main)']);
    expect(await relaxations(both, `${both}[rules]\n"local/no-latest-master" = "off"\n`)).toEqual(['rules.local/no-latest-master: turns local/no-latest-master off (warning in the config at main)']);
    expect(await relaxations(both, NO_LATEST_MASTER)).toEqual(['policy.0.kinds: turns local/no-latest-master off for images repos (warning in the config at main)']);
    expect(await relaxations(both, both.replace('severity =', 'modes = ["dev"]\nseverity ='))).toEqual(['policy.0.modes: policy local/no-latest-master no longer runs in release mode, against the config at main']);
    expect(await relaxations(both, both.replace("'latest master'", () => "'^latest master$'"))).toEqual(['policy.0: policy local/no-latest-master changes what it matches or the files it reads, against the config at main']);
  });

  it('takes a reworded, raised or added policy as no relaxation', async () => {
    const reworded = NO_LATEST_MASTER.replace('name a release', 'point to a release').replace('"warning"', '"error"');
    expect(await relaxations(NO_LATEST_MASTER, `${reworded}${PIPX_ONLY}`)).toEqual([]);
  });
});
