// What a docs page says about a command line, read from its text: flags as whole tokens outside
// HTML comments, command words, and the flags of tables' first cells with their columns.
import { describe, expect, it } from 'vitest';
import { codeSpans, readPageText } from '../../rules/docs/_page-text.js';

describe('the page text of a command-line page', () => {
  it('mentions flags as whole tokens, never inside a longer flag, a word or a comment', () => {
    const page = readPageText('Use `--log-method` or -vvv; pre--env is no flag.\n<!-- --hidden -->\n```bash\nexegol start --shell=zsh\n```\n');
    expect([...page.flags].sort()).toEqual(['--log-method', '--shell', '-vvv']);
    expect(page.commandWords.has('start')).toBe(true);
    expect(page.commandWords.has('hidden')).toBe(false);
  });

  it('takes the flags of the first cell of table rows, with their columns, not of the header, other cells or code blocks', () => {
    const text = ['| `-x` | head |', '|---|---|', '| `-e ENV`, `--env ENV` | `--not-first` |', '| a \\| `--escaped` | x |', '| `--pipe|in-code` | x |', '', '```', '| `--in-block` | x |', '|---|---|', '| `--in-block` | x |', '```'].join('\n');
    expect(readPageText(text).tableFlags).toEqual([
      { flag: '-e', at: { line: 3, column: 4, endLine: 3, endColumn: 6 } },
      { flag: '--env', at: { line: 3, column: 14, endLine: 3, endColumn: 19 } },
      { flag: '--escaped', at: { line: 4, column: 9, endLine: 4, endColumn: 18 } },
      { flag: '--pipe', at: { line: 5, column: 4, endLine: 5, endColumn: 10 } },
    ]);
  });

  it('pairs backtick runs as CommonMark does, in one pass over a line of runs of every length', () => {
    expect(codeSpans('a `b` ``c ` d`` ```e')).toEqual([
      { start: 3, text: 'b' },
      { start: 8, text: 'c ` d' },
    ]);
    // 20,000 backticks then one of each length: a backreference pattern takes seconds here.
    const line = `${'`'.repeat(20_000)} x ${Array.from({ length: 300 }, (_, n) => '`'.repeat(n + 1)).join(' -f ')}`;
    expect(codeSpans(line)).toEqual([]);
    expect(readPageText(`| ${line} |\n|---|\n| ${line} |\n`).tableFlags).toEqual([]);
  });
});
