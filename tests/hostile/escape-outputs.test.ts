// Hostile repo text on every output format of a lint run: control, bidi and separator characters
// and GitHub workflow commands hidden in a version string, an add-to-list row, a file name and a
// .gitmodules path. Humans (pretty, github, the job summary, stderr) see escapes and no line an
// Actions log would run; JSON and SARIF hold the exact text, written with \uXXXX escapes.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawUnsafe, unescapeCommandData, workflowCommands } from '../helpers/actions-log.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { makeFolder, makeRepo, tmpDir } from '../helpers/git.js';

const ESC = '\x1b';
const BEL = '\x07';
/** Workflow commands on lines of their own (LF and a lone CR both end a line for the runner). */
const INJECT = '\n::error file=x::pwned\n::add-mask::secret\n::stop-commands::tok\r::warning::cr';
/** A terminal hyperlink whose text hides its target. */
const OSC8 = `${ESC}]8;;https://evil.example${BEL}click${ESC}]8;;${BEL}`;
/** Clear screen, bidi controls and marks, a C1 CSI, NEL, DEL, the separators, a tab, the old command syntax. */
const MIXED = `${ESC}[2J\u202e\u2066\u2069\u200f\u061c\u009b31m\u0085\x7f\u2028\u2029\t##[error]old`;

const VERSION = `5.2.0${INJECT} ${OSC8} ${MIXED}`;
const ROW = `evil${INJECT} ${OSC8} ${MIXED},notalink,`;
const SUBMODULE_PATH = `res${OSC8}`;
const FILE_NAME = `\n::error file=y::name${ESC}[2J\u202e\r::notice::cr`;

/** The visible forms the human outputs must show. */
const SHOWN = [
  // File text is read with a lone CR as a line end, as editors and GitHub count lines: shown as \n.
  '\\n::error file=x::pwned\\n::add-mask::secret\\n::stop-commands::tok\\n::warning::cr',
  '\\x1b]8;;https://evil.example\\x07click\\x1b]8;;\\x07',
  '\\x1b[2J\\u202e\\u2066\\u2069\\u200f\\u061c\\x9b31m\\x85\\x7f\\u2028\\u2029\\t##\\x5berror]old',
];

const INSTALL_EVIL = `
function install_evil() {
    colorecho "Installing evil"
    add-aliases evil
    add-history evil
    add-test-command "evil --help"
    add-to-list "${ROW}"
}
`;

const temps: string[] = [];
let wrapper: string;
let images: string;
const runs: Record<'pretty' | 'github' | 'json' | 'sarif', CliRun> = {} as never;
let summary: string;

interface JsonDiag {
  ruleId: string;
  severity: string;
  message: string;
  location: { repo: string; path: string };
}

beforeAll(async () => {
  wrapper = await makeRepo({
    files: {
      'exegol/config/ConstantConfig.py': `__version__ = """${VERSION}"""\n`,
      '.gitmodules': `[submodule "res"]\n\tpath = "${SUBMODULE_PATH}"\n\turl = https://example.com/r\n\tbranch = dev\u202e\n`,
    },
  });
  images = await makeFolder({ fixture: 'images' });
  temps.push(wrapper, images);
  const misc = path.join(images, 'sources/install/package_misc.sh');
  const script = (await fs.readFile(misc, 'utf8'))
    .replace('# Package dedicated', `${INSTALL_EVIL}\n# Package dedicated`)
    .replace('    install_trilium             # notes taking tool\n', '    install_trilium             # notes taking tool\n    install_evil\n');
  await fs.writeFile(misc, script);
  for (const dir of ['aliases.d', 'history.d']) await fs.writeFile(path.join(images, 'sources/assets/shells', dir, 'evil'), 'alias evil=true\n');
  await fs.writeFile(path.join(images, 'sources/assets/shells/aliases.d', FILE_NAME), 'alias x=true\n');

  const out = tmpDir();
  temps.push(out);
  const summaryFile = path.join(out, 'summary.md');
  const lint = (format: string, env: NodeJS.ProcessEnv = {}) =>
    runCli(['--mode', 'release', '--today', '2026-06-01', '--no-cache', '--format', format, wrapper, images], { env });
  [runs.pretty, runs.github, runs.json, runs.sarif] = await Promise.all([
    lint('pretty'),
    lint('github', { GITHUB_STEP_SUMMARY: summaryFile }),
    lint('json'),
    lint('sarif'),
  ]);
  summary = await fs.readFile(summaryFile, 'utf8');
});

afterAll(async () => {
  await Promise.all(temps.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

/** Repo text as porgs-lint reads it from a file: `\r\n` and a lone `\r` end a line. */
const asRead = (text: string) => text.replace(/\r\n?/g, '\n');

const diagnostics = (): JsonDiag[] => JSON.parse(runs.json.stdout).diagnostics;

describe('hostile repo text in a lint run', () => {
  it('reaches the findings exactly, as the JSON report shows after parsing', () => {
    expect(runs.json.code).toBe(1);
    const diags = diagnostics();
    const byRule = (id: string) => diags.filter((d) => d.ruleId === id);
    expect(byRule('wrapper/version-format').map((d) => d.message)).toEqual([expect.stringContaining(`version "${asRead(VERSION)}"`)]);
    expect(byRule('images/add-to-list-format').map((d) => d.message)).toContainEqual(expect.stringContaining(`add-to-list row "${asRead(ROW)}"`));
    expect(byRule('wrapper/gitmodules-gitlink').map((d) => d.message)).toEqual([expect.stringContaining(`submodule path ${SUBMODULE_PATH} has no gitlink`)]);
    expect(byRule('wrapper/gitmodules-branch-main').map((d) => d.message)).toEqual([expect.stringContaining('tracks branch dev\u202e;')]);
    expect(byRule('images/orphan-aliases-file').map((d) => d.location.path)).toEqual([`sources/assets/shells/aliases.d/${FILE_NAME}`]);
  });

  it('is written in JSON and SARIF with \\uXXXX escapes only', () => {
    for (const format of ['json', 'sarif'] as const) {
      expect(rawUnsafe(runs[format].stdout), format).toEqual([]);
      expect(runs[format].stdout, format).toContain('\\u202e');
      expect(runs[format].stdout, format).toContain('\\u0085');
    }
    const log = JSON.parse(runs.sarif.stdout) as { runs: Array<{ results: Array<{ ruleId: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    const results = log.runs.flatMap((r) => r.results);
    expect(results).toHaveLength(diagnostics().length);
    expect(results.find((r) => r.ruleId === 'wrapper/version-format')!.message.text).toContain(`version "${asRead(VERSION)}"`);
    const orphan = results.find((r) => r.ruleId === 'images/orphan-aliases-file')!;
    expect(orphan.locations[0].physicalLocation.artifactLocation.uri.split('/').map(decodeURIComponent).join('/')).toBe(`sources/assets/shells/aliases.d/${FILE_NAME}`);
  });

  it('shows escapes in pretty output, one location line per finding, and no line an Actions log would run', () => {
    const out = runs.pretty.stdout;
    expect(runs.pretty.code).toBe(1);
    expect(rawUnsafe(out)).toEqual([]);
    expect(workflowCommands(out)).toEqual([]);
    for (const shown of SHOWN) expect(out).toContain(shown);
    expect(out).toContain('aliases.d/\\n::error file=y::name\\x1b[2J\\u202e\\r::notice::cr:1:1  warning');
    const locationLines = out.split('\n').filter((l) => /^ {2}\S.*:\d+:\d+ {2}(error|warning|note) {2}/.test(l));
    expect(locationLines).toHaveLength(diagnostics().length);
  });

  it('writes exactly one GitHub annotation per finding and no other workflow command', () => {
    const out = runs.github.stdout;
    expect(runs.github.code).toBe(1);
    expect(rawUnsafe(out)).toEqual([]);
    const commands = workflowCommands(out);
    expect(commands).toHaveLength(diagnostics().length);
    const ANNOTATION = /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+(,endLine=\d+)?(,endColumn=\d+)?,title=[a-z]+\/[a-z-]+::(.*)$/;
    for (const line of commands) {
      const m = ANNOTATION.exec(line);
      expect(m, line).not.toBeNull();
      expect(rawUnsafe(unescapeCommandData(m![4]))).toEqual([]);
      expect(unescapeCommandData(m![4])).not.toMatch(/[\n\r]/);
    }
    for (const shown of SHOWN) expect(out).toContain(shown);
  });

  it('writes a job summary with one table row per finding and repo text inside code spans', () => {
    expect(rawUnsafe(summary)).toEqual([]);
    const rows = summary.split('\n').filter((l) => /^\| (error|warning|note) \|/.test(l));
    expect(rows).toHaveLength(diagnostics().length);
    for (const row of rows) expect(row.slice(2, -2).split(/(?<!\\)\|/), row).toHaveLength(4);
    expect(summary.replace(/(`+)[\s\S]*?\1/g, '')).not.toMatch(/[<>[\]]|https?:/);
  });
});

describe('hostile repo text in an error message', () => {
  it('is escaped on stderr', async () => {
    const dir = await makeFolder({
      files: {
        'exegol/config/ConstantConfig.py': '__version__ = "5.2.0"\n',
        'porgs-lint.toml': '"\\u001b]8;;https://evil.example\\u0007\\n::error file=c::cfg\\r::add-mask::s \\u202e ##[error]x" = 1\n',
      },
    });
    temps.push(dir);
    const res = await runCli(['--no-cache', dir]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(rawUnsafe(res.stderr)).toEqual([]);
    expect(workflowCommands(res.stderr)).toEqual([]);
    expect(res.stderr).toContain('unknown key "\\x1b]8;;https://evil.example\\x07\\n::error file=c::cfg\\r::add-mask::s \\u202e ##\\x5berror]x"');
  });

  it('is escaped in an explanation of a repo whose folder name is hostile', async () => {
    const parent = tmpDir();
    temps.push(parent);
    const name = `w${ESC}]8;;evil${BEL}\n::error file=e::explain\u202e`;
    await fs.mkdir(path.join(parent, name, 'exegol/config'), { recursive: true });
    await fs.writeFile(path.join(parent, name, 'exegol/config/ConstantConfig.py'), '__version__ = "5.2.0"\n');
    const res = await runCli(['explain', 'wrapper/version-format', name], { cwd: parent });
    expect(res.code).toBe(0);
    expect(rawUnsafe(res.stdout)).toEqual([]);
    expect(workflowCommands(res.stdout)).toEqual([]);
    expect(res.stdout).toContain('  w\\x1b]8;;evil\\x07\\n::error file=e::explain\\u202e (wrapper, ');
  });
});
