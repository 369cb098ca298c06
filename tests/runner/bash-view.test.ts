// The bash view: what rules may rely on, checked on the shapes the install scripts use.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_IF_NESTING, MAX_TREE_DEPTH, literalValue, load, type BashFile } from '../../runner/parsers/bash.js';
import { decodeBashFile, encodeBashFile } from '../../runner/parsers/bash-view.js';
import { lint } from '../../runner/run.js';
import { makeFolder } from '../helpers/git.js';

const parse = await load();
const created: string[] = [];
const folder = async (opts: Parameters<typeof makeFolder>[0]) => {
  const dir = await makeFolder(opts);
  created.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

function view(text: string): BashFile {
  const outcome = parse(text);
  if (!outcome.ok) throw new Error(`unexpected parse error: ${outcome.error.message}`);
  return outcome.value;
}

const SCRIPT = `#!/bin/bash
source common.sh

function install_tool() {
    # CODE-CHECK-WHITELIST=add-aliases
    colorecho "Installing tool"
    local temp_fix_limit="2026-03-01"
    local version
    if check_temp_fix_expiry "$temp_fix_limit"; then
      echo "{ add-history tool"
    fi
    if [[ $(uname -m) = 'x86_64' ]]; then
        arch=amd64
    elif [[ $(uname -m) = 'aarch64' ]]; then
        arch=arm64
    else
        criticalecho-noexit "This installation function doesn't support architecture $(uname -m)" && return
    fi
    cat << 'EOF' > /tmp/config
add-history is data here {
EOF
    add-to-list "tool,https://example.org/tool,A tool"
}

package_x() { install_tool; }
`;

describe('bash view', () => {
  const file = view(SCRIPT);

  it('lists functions with their name position and line range', () => {
    expect(file.functions.map((f) => [f.name, f.nameAt.line, f.nameAt.column, f.line, f.endLine])).toEqual([
      ['install_tool', 4, 10, 4, 23],
      ['package_x', 25, 1, 25, 25],
    ]);
    expect(file.functions[0].firstStatementLine).toBe(6);
  });

  it('lists commands with their literal arguments, lines and enclosing function', () => {
    const cmds = file.commands.map((c) => `${c.line}:${c.fn ?? '-'}:${c.name}(${c.args.map((a) => a.value ?? `<${a.text}>`).join('|')})`);
    expect(cmds).toEqual([
      '2:-:source(common.sh)',
      '6:install_tool:colorecho(Installing tool)',
      '9:install_tool:check_temp_fix_expiry(<"$temp_fix_limit">)',
      '10:install_tool:echo({ add-history tool)',
      '12:install_tool:uname(-m)',
      '14:install_tool:uname(-m)',
      `17:install_tool:criticalecho-noexit(<"This installation function doesn't support architecture $(uname -m)">)`,
      '17:install_tool:uname(-m)',
      '17:install_tool:return()',
      '19:install_tool:cat()',
      '22:install_tool:add-to-list(tool,https://example.org/tool,A tool)',
      '25:package_x:install_tool()',
    ]);
  });

  it('does not take words inside strings or heredocs for commands', () => {
    expect(file.commands.filter((c) => c.name === 'add-history')).toEqual([]);
  });

  it('lists comments with the function they are in', () => {
    expect(file.comments.map((c) => [c.line, c.fn, c.text])).toEqual([
      [1, undefined, '#!/bin/bash'],
      [5, 'install_tool', '# CODE-CHECK-WHITELIST=add-aliases'],
    ]);
  });

  it('lists local assignments with literal values, and bare declarations', () => {
    expect(file.assignments.filter((a) => a.local).map((a) => [a.name, a.value, a.declaredOnly ?? false, a.valueAt.line, a.valueAt.column])).toEqual([
      ['temp_fix_limit', '2026-03-01', false, 7, 26],
      ['version', undefined, true, 8, 11],
    ]);
    expect(file.assignments.filter((a) => !a.local).map((a) => `${a.name}=${a.value}`)).toEqual(['arch=amd64', 'arch=arm64']);
  });

  it('gives if/elif/else chains with their conditions and the commands of each branch', () => {
    const arch = file.ifChains[1];
    expect(arch.branches.map((b) => [b.keyword, b.line, b.condition])).toEqual([
      ['if', 12, "[[ $(uname -m) = 'x86_64' ]]"],
      ['elif', 14, "[[ $(uname -m) = 'aarch64' ]]"],
      ['else', 16, ''],
    ]);
    expect(arch.branches[0].conditionCommands.map((c) => c.name)).toEqual(['uname']);
    expect(arch.branches[2].commands.map((c) => c.name)).toEqual(['criticalecho-noexit', 'uname', 'return']);
    expect(file.ifChains[0].branches[0].conditionCommands.map((c) => c.name)).toEqual(['check_temp_fix_expiry']);
  });

  it('gives case statements with their subject, the patterns of each item and its commands, through the cache codec too', () => {
    const f = view(`function install_x() {
    case "$(uname -m)" in
      x86_64|amd64) arch=amd64 ;;
      ("aarch64") fapt x; echo y ;;
      *)
        criticalecho-noexit "unsupported" && return
        ;;
    esac
}
case $1 in
  esac-like) : ;;
esac
`);
    const [arch, top] = f.cases;
    expect([arch.line, arch.column, arch.fn, arch.subject, arch.subjectCommands.map((c) => c.name)]).toEqual([2, 5, 'install_x', '"$(uname -m)"', ['uname']]);
    expect(arch.items.map((i) => [i.line, i.patterns, i.commands.map((c) => c.name)])).toEqual([
      [3, ['x86_64', 'amd64'], []],
      [4, ['"aarch64"'], ['fapt', 'echo']],
      [5, ['*'], ['criticalecho-noexit', 'return']],
    ]);
    expect(f.functions[0].cases).toEqual([arch]);
    expect([top.fn, top.subject, top.items.map((i) => i.patterns)]).toEqual([undefined, '$1', [['esac-like']]]);
    const back = decodeBashFile(JSON.parse(JSON.stringify(encodeBashFile(f))));
    expect(back).toEqual(f);
    expect(back.commands.includes(back.cases[0].items[1].commands[0])).toBe(true);
  });

  it('unquotes mixed quoting and keeps expansions unresolved', () => {
    const cmds = view(`echo "a"'b'c\\ d 'x$y' "$HOME" $(pwd) "\\$z"\n`).commands[0].args;
    expect(cmds.map((a) => a.value)).toEqual(['abc d', 'x$y', undefined, undefined, '$z']);
  });

  it('keeps a lone $ in double quotes, removes backslash-newline, records assignments without a command, and keeps a nested function out of the branch', () => {
    const f = view('add-to-list "a,https://x,Cost $" "a\\\nb"\nX=1 Y=2\nif x; then g() { add-history q; }; fi\n');
    expect(f.commands[0].args.map((a) => a.value)).toEqual(['a,https://x,Cost $', 'ab']);
    expect(f.assignments.map((a) => `${a.name}=${a.value}`)).toEqual(['X=1', 'Y=2']);
    expect(f.ifChains[0].branches[0].commands.map((c) => c.name)).toEqual([]);
    expect(f.commands.find((c) => c.name === 'add-history')?.fn).toBe('g');
  });

  it('tells literal words from words that expand', () => {
    const cases: Array<[string, string | undefined]> = [
      ['plain', 'plain'],
      ["'$HOME stays'", '$HOME stays'],
      ['"a $HOME"', undefined],
      ['"price: 5 $"', 'price: 5 $'],
      ['"${x}"', undefined],
      ['"$(date)"', undefined],
      ['`date`', undefined],
      ["$'\\n'", undefined],
      ['<(ls)', undefined],
      ['a\\ b', 'a b'],
      ['"\\"quoted\\""', '"quoted"'],
      ['"unterminated', undefined],
    ];
    for (const [text, value] of cases) expect([text, literalValue(text)]).toEqual([text, value]);
  });

  it('counts columns in UTF-16 code units, as the rest of the report does', () => {
    const f = view('echo "🌸 é" x\n');
    expect(f.commands[0].args.map((a) => [a.value, a.column, a.endColumn])).toEqual([
      ['🌸 é', 6, 12],
      ['x', 13, 14],
    ]);
  });

  it('reads a CRLF script like its LF twin', () => {
    const lf = view(SCRIPT);
    expect(view(SCRIPT.replace(/\n/g, '\r\n'))).toEqual(lf);
  });

  it('reads a lone-CR (classic Mac) script like its LF twin: one line per CR', () => {
    const lf = view(SCRIPT);
    expect(view(SCRIPT.replace(/\n/g, '\r'))).toEqual(lf);
    expect(lf.commands.at(-1)?.line).toBe(25);
  });

  it(`lists a command in every if branch around it, up to ${MAX_IF_NESTING} nested ifs; one more is a parse error at its line`, () => {
    const nested = (n: number) => `${'if a; then\n'.repeat(n)}add-history x\n${'fi\n'.repeat(n)}`;
    const deepest = view(nested(MAX_IF_NESTING));
    expect(deepest.ifChains).toHaveLength(MAX_IF_NESTING);
    // Each body holds the inner ifs' conditions (`a`) and the innermost command.
    expect(deepest.ifChains.map((c) => c.branches[0].commands.filter((x) => x.name === 'add-history').length)).toEqual(Array(MAX_IF_NESTING).fill(1));
    const outcome = parse(nested(MAX_IF_NESTING + 1));
    expect(outcome).toEqual({
      ok: false,
      error: {
        line: MAX_IF_NESTING + 1,
        column: 1,
        message: `if statements are nested too deep: more than ${MAX_IF_NESTING} levels from line ${MAX_IF_NESTING + 1} on; porgs-lint reads no deeper: move the inner part into a function`,
      },
    });
  });

  it(`reads nested subshells well inside ${MAX_TREE_DEPTH} levels; deeper is a parse error, not a stack overflow`, () => {
    const subshells = (n: number) => `${'( '.repeat(n)}add-history x${' )'.repeat(n)}\n`;
    expect(view(subshells(100)).commands.map((c) => [c.name, c.column])).toEqual([['add-history', 201]]);
    expect(parse(subshells(10_000))).toEqual({
      ok: false,
      error: { line: 1, column: expect.any(Number), message: expect.stringMatching(new RegExp(`^nesting is too deep: more than ${MAX_TREE_DEPTH} levels of nested commands`)) },
    });
  });

  it('points at the syntax error of an unclosed nesting 100,000 deep, without overflowing', () => {
    expect(parse(`${'( '.repeat(100_000)}x${' )'.repeat(99_999)}\n`)).toEqual({ ok: false, error: { line: 2, column: 1, message: 'syntax error: missing ")"' } });
  });

  it('reports unparsable input with a line', () => {
    const outcome = parse('function broken() {\n  if [[ -f x ]]; then\n    echo x\n}\n');
    expect(outcome).toEqual({ ok: false, error: { line: expect.any(Number), column: expect.any(Number), message: expect.stringMatching(/^syntax error: /) } });
    expect(outcome.ok ? 0 : outcome.error.line).toBeGreaterThanOrEqual(1);
  });

  it('turns an unparsable script into meta/parse-error at the file, and the run goes on', async () => {
    const dir = await folder({
      files: {
        'sources/install/entrypoint.sh': '#!/bin/bash\nsource package_a.sh\n',
        'sources/install/common.sh': 'function colorecho() {\n  echo "$*"\n}\n',
        'sources/install/package_a.sh': 'function install_a() {\n  colorecho "Installing a"\n  if true; then\n}\n',
      },
    });
    const result = await lint({ dirs: [dir], kind: 'images', mode: 'dev', env: {}, today: '2026-01-15' });
    const parseErrors = result.diagnostics.filter((d) => d.ruleId === 'meta/parse-error');
    expect(parseErrors).toHaveLength(1);
    expect(parseErrors[0].location.path).toBe('sources/install/package_a.sh');
    expect(parseErrors[0].message).toMatch(/^sources\/install\/package_a\.sh could not be parsed as bash: syntax error/);
    expect(result.diagnostics.filter((d) => d.ruleId === 'meta/internal-error')).toEqual([]);
    expect(result.executionSuccessful).toBe(true);
  });
});
