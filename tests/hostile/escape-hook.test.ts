// Hostile text in the pre-push hook's output: a pushed ref name (git refuses control characters in
// ref names, but the hook reads its stdin as given), a malformed stdin line, and a release tag whose
// commit holds a hostile version string. stderr shows escapes and no line an Actions log would run;
// `--format json` keeps the exact text.
import { promises as fs } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawUnsafe, workflowCommands } from '../helpers/actions-log.js';
import { runCli } from '../helpers/cli.js';
import { git, makeRepo } from '../helpers/git.js';

const ESC = '\x1b';
/** No space or newline: the hook splits its stdin on them. A lone CR still ends a line for the runner. */
const TAG = `1.0.0${ESC}]8;;https://evil.example\x07\u202e\u2066\r::error::hook\u0085::add-mask::s##[error]x`;
const TAG_SHOWN = '1.0.0\\x1b]8;;https://evil.example\\x07\\u202e\\u2066\\r::error::hook\\x85::add-mask::s##\\x5berror]x';
const VERSION = `5.1.4\n::error file=v::pwned ${ESC}[2J\u202e`;

const temps: string[] = [];
let repo: string;
let head: string;
const ZERO = '0'.repeat(40);

beforeAll(async () => {
  repo = await makeRepo({ branch: 'master', files: { 'exegol/config/ConstantConfig.py': `__version__ = """${VERSION}"""\n` } });
  temps.push(repo);
  head = await git(repo, 'rev-parse', 'HEAD');
  await git(repo, 'tag', '5.1.4');
});

afterAll(async () => {
  await Promise.all(temps.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

const prePush = (input: string, ...flags: string[]) => runCli(['pre-push', 'origin', 'https://example.com/r.git', ...flags], { cwd: repo, input });

function expectSafe(text: string): void {
  expect(rawUnsafe(text)).toEqual([]);
  expect(workflowCommands(text)).toEqual([]);
}

describe('pre-push hook output of hostile text', () => {
  it('refuses a pushed ref name with control characters, naming it escaped, in every output format', async () => {
    const line = `refs/tags/${TAG} ${head} refs/tags/${TAG} ${ZERO}\n`;
    for (const flags of [[], ['--format', 'json']]) {
      const res = await prePush(line, ...flags);
      expect(res.code).toBe(2);
      expect(res.stdout).toBe('');
      expectSafe(res.stderr);
      expect(res.stderr).toContain(`the remote ref "refs/tags/${TAG_SHOWN.slice(0, 60)}`);
      expect(res.stderr).toContain('is not a valid ref name (it contains a control character)');
    }
  });

  it('escapes a malformed stdin line in its usage error', async () => {
    const res = await prePush(`garbage${ESC}[2J\u202e\r::error file=g::bad ##[add-mask]x\n`);
    expect(res.code).toBe(2);
    expectSafe(res.stderr);
    expect(res.stderr).toContain('garbage\\x1b[2J\\u202e\\r::error file=g::bad ##\\x5badd-mask]x');
  });

  it("escapes repo text in the release rules' findings on a pushed tag's commit", async () => {
    const res = await prePush(`refs/tags/5.1.4 ${head} refs/tags/5.1.4 ${ZERO}\n`);
    expect(res.code).toBe(1);
    expectSafe(res.stderr);
    expect(res.stderr).toContain('version "5.1.4\\n::error file=v::pwned \\x1b[2J\\u202e"');
    expect(res.stderr).toContain('[wrapper/version-format on tag 5.1.4]');
  });
});
