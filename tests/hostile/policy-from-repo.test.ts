// A [[policy]] in the config found in a checked repository is written by whoever wrote the repo:
// its text reaches no output raw, it gives no link, its pattern is from the safe subset, and a repo
// crafted against its pattern costs a bounded run with a "cannot verify" note, not a hang.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawUnsafe, workflowCommands } from '../helpers/actions-log.js';
import { CLI, runCli } from '../helpers/cli.js';
import { GIT_ENV, makeFolder } from '../helpers/git.js';
import { tempFolders } from '../helpers/hostile.js';

const track = tempFolders();
const ESC = '\x1b';
/** Repo text a terminal or an Actions log would act on, and a link. Written with TOML escapes in the config. */
const HOSTILE = `${ESC}[2J\u202e\n::error file=x::pwned https://evil.example/docs`;
const tomlBasic = (s: string) => JSON.stringify(s);

function config(forbid: string, text = HOSTILE): string {
  return [
    '[[policy]]',
    'id = "local/hostile"',
    `description = ${tomlBasic(`Description ${text}`)}`,
    'kinds = ["docs"]',
    'severity = "error"',
    `message = ${tomlBasic(`Message ${text} {{match}}`)}`,
    'files = ["docs/src/**/*.md"]',
    `forbid-line = ${tomlBasic(forbid)}`,
    '',
  ].join('\n');
}

async function docsRepo(files: Record<string, string>): Promise<string> {
  return track(await makeFolder({ files: { 'docs/.vitepress/config.mts': 'export default {}\n', ...files } }));
}

describe('a policy from the checked repository', () => {
  it('reaches pretty and github output escaped, SARIF with no link, JSON with its text as data', async () => {
    const dir = await docsRepo({ 'porgs-lint.toml': config('forbidden'), 'docs/src/index.md': `# Home\n\nforbidden ${ESC}[31m\n` });
    const sarifFile = path.join(dir, 'out.sarif');
    const pretty = await runCli(['--format', 'pretty', '--format', `sarif=${sarifFile}`, '.'], { cwd: dir });
    expect(pretty.code).toBe(1);
    expect(pretty.stdout).toContain('Message \\x1b[2J\\u202e\\n::error file=x::pwned https://evil.example/docs forbidden');
    const github = await runCli(['--format', 'github', '.'], { cwd: dir });
    for (const out of [pretty.stdout, github.stdout]) expect(rawUnsafe(out)).toEqual([]);
    // The one command is porgs-lint's own annotation, holding the message as escaped data.
    expect(workflowCommands(github.stdout).map((l) => l.split(' ')[0])).toEqual(['::error']);

    const sarif = JSON.parse(await fs.readFile(sarifFile, 'utf8')) as { runs: Array<{ tool: { driver: { rules: Array<Record<string, unknown>> } } }> };
    const rule = sarif.runs[0].tool.driver.rules.find((r) => r.id === 'local/hostile')!;
    expect([rule.helpUri, (rule.help as { markdown?: string }).markdown]).toEqual([undefined, undefined]);
    expect((rule.shortDescription as { text: string }).text).toBe(`Description ${HOSTILE}`);
    expect(rawUnsafe(await fs.readFile(sarifFile, 'utf8'))).toEqual([]);

    const json = await runCli(['--format', 'json', '.'], { cwd: dir });
    const diag = (JSON.parse(json.stdout) as { diagnostics: Array<{ ruleId: string; data: Record<string, string>; message: string }> }).diagnostics.find((d) => d.ruleId === 'local/hostile')!;
    expect([diag.data, diag.message]).toEqual([{ match: 'forbidden' }, `Message ${HOSTILE} forbidden`]);
  });

  it('with a pattern that can backtrack for long, is a config error at its file:line (exit 2), before any file is read', async () => {
    const dir = await docsRepo({ 'porgs-lint.toml': config('^(a|aa)+$', 'x'), 'docs/src/index.md': `${'a'.repeat(40)}!\n` });
    const res = await runCli(['.'], { cwd: dir });
    expect([res.code, res.stdout]).toEqual([2, '']);
    expect(res.stderr).toBe('porgs-lint: porgs-lint.toml:8:1: forbid-line repeats a group with alternatives (|) at column 8 of the pattern, which can take exponential time; repeat a character class instead\n');
  });

  it('against a repo crafted for its pattern, stops at the work budget with a "cannot verify" note', async () => {
    // `\s+x` takes milliseconds on a line of 1,000 spaces: about ten seconds for these 3,000 lines,
    // and a repo may hold many such files. The budget stops after a few hundred: b.md, whose line
    // matches, is never read, and the note says where the policy stopped.
    const spaces = `${' '.repeat(1000)}\n`.repeat(3000);
    const dir = await docsRepo({ 'porgs-lint.toml': config('\\s+x', 'x'), 'docs/src/a.md': spaces, 'docs/src/b.md': ' x\n' });
    const res = spawnSync(process.execPath, [CLI, '--format', 'json', '--no-cache', '.'], { cwd: dir, env: { ...GIT_ENV, NO_COLOR: '1', CI: '' }, encoding: 'utf8', timeout: 60_000 });
    expect(res.signal).toBeNull();
    const diags = (JSON.parse(res.stdout) as { diagnostics: Array<{ ruleId: string; messageId: string; unverified?: boolean; location: { path: string } }> }).diagnostics;
    expect(diags.filter((d) => d.ruleId === 'local/hostile').map((d) => [d.messageId, d.location.path, d.unverified])).toEqual([['overBudget', 'docs/src/a.md', true]]);
  });
});
