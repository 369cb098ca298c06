// The bash view rules read (built by ./bash.ts from a tree-sitter parse), and its compact form for
// the parse cache. This module loads no parser.
import type { Span } from '../types.js';

export interface BashWord extends Span {
  /** The word as written, quotes included. */
  text: string;
  /** The word's value when it is a literal (no expansion, no substitution); quotes removed. */
  value?: string;
}

export interface BashCommand extends Span {
  /** Command word as written (`colorecho`, `add-to-list`, `./entrypoint.sh`). */
  name: string;
  args: BashWord[];
  /** Innermost enclosing function, if any. */
  fn?: string;
}

export interface BashComment extends Span {
  /** The comment including its `#`. */
  text: string;
  fn?: string;
}

export interface BashAssignment extends Span {
  name: string;
  /** Literal value, quotes removed; undefined when it contains an expansion or is missing. */
  value?: string;
  /** Where the value is written (the variable's span when there is no value). */
  valueAt: Span;
  /** Declared with `local`. */
  local: boolean;

  /** `local x` without a value. */
  declaredOnly?: boolean;
  fn?: string;
}

export interface BashBranch {
  keyword: 'if' | 'elif' | 'else';
  line: number;
  column: number;
  /** Text of the condition (empty for else). */
  condition: string;
  /** Commands run by the condition, `$(...)` included. */
  conditionCommands: BashCommand[];
  /** Commands of the branch body, nested ones included. */
  commands: BashCommand[];
}

export interface BashIfChain extends Span {
  branches: BashBranch[];
  fn?: string;
}

export interface BashCaseItem {
  line: number;
  column: number;
  /** Patterns as written, quotes included (`x86_64`, `"aarch64"`, `*`). */
  patterns: string[];
  /** Commands of the item's body, nested ones included. */
  commands: BashCommand[];
}

export interface BashCase extends Span {
  /** The word tested, as written (`"$(uname -m)"`, `$arch`). */
  subject: string;
  /** Commands the tested word runs, `$(...)` included. */
  subjectCommands: BashCommand[];
  items: BashCaseItem[];
  fn?: string;
}

export interface BashFunction extends Span {
  name: string;
  nameAt: Span;
  /** Line of the body's first statement that is not a comment, if any. */
  firstStatementLine?: number;
  commands: BashCommand[];
  comments: BashComment[];
  assignments: BashAssignment[];
  ifChains: BashIfChain[];
  cases: BashCase[];
}

export interface BashFile {
  functions: BashFunction[];
  /** Every command of the file in source order, function bodies included. */
  commands: BashCommand[];
  comments: BashComment[];
  assignments: BashAssignment[];
  ifChains: BashIfChain[];
  /** `case ... esac` statements with the patterns and commands of each item. */
  cases: BashCase[];
}

/**
 * Commands (most of a view) column by column. Read back, a few long lists make far fewer objects
 * than one small array per command and per word: on a 100,000-line script that halves the time
 * of JSON.parse and decoding, most of it spent collecting those arrays.
 */
interface EncodedCommands {
  name: string[];
  /** Index in `names` of the enclosing function, -1: none. */
  fn: number[];
  argCount: number[];
  /** line, column, endLine, endColumn of each command. */
  spans: number[];
  /** Every command's arguments, one after another. */
  argText: string[];
  /** 1: same as the text, 0: not literal, else the value. */
  argValue: Array<string | 0 | 1>;
  argSpans: number[];
}

/**
 * JSON form of a view, about a third of the plain JSON: commands by column; each command,
 * comment, assignment, if chain and case stored once and referred to by index from functions and
 * branches (the view shares these objects between lists).
 */
export interface EncodedBashFile {
  names: string[];
  commands: EncodedCommands;
  comments: BashComment[];
  assignments: BashAssignment[];
  ifChains: Array<Omit<BashIfChain, 'branches'> & { branches: Array<Omit<BashBranch, 'conditionCommands' | 'commands'> & { conditionCommands: number[]; commands: number[] }> }>;
  cases: Array<Omit<BashCase, 'subjectCommands' | 'items'> & { subjectCommands: number[]; items: Array<Omit<BashCaseItem, 'commands'> & { commands: number[] }> }>;
  functions: Array<Omit<BashFunction, 'commands' | 'comments' | 'assignments' | 'ifChains' | 'cases'> & { commands: number[]; comments: number[]; assignments: number[]; ifChains: number[]; cases: number[] }>;
}

export function encodeBashFile(file: BashFile): EncodedBashFile {
  const indexer = <T>(list: T[]) => {
    const at = new Map<T, number>();
    list.forEach((x, i) => at.set(x, i));
    return (xs: T[]) => xs.map((x) => at.get(x)!);
  };
  const cmd = indexer(file.commands);
  const comment = indexer(file.comments);
  const assignment = indexer(file.assignments);
  const chain = indexer(file.ifChains);
  const caseAt = indexer(file.cases);
  const names: string[] = [];
  const nameAt = new Map<string, number>();
  const nameIndex = (name: string | undefined) => {
    if (name === undefined) return -1;
    let i = nameAt.get(name);
    if (i === undefined) {
      i = names.push(name) - 1;
      nameAt.set(name, i);
    }
    return i;
  };
  const commands: EncodedCommands = { name: [], fn: [], argCount: [], spans: [], argText: [], argValue: [], argSpans: [] };
  const pushSpan = (to: number[], s: Span) => to.push(s.line, s.column, s.endLine ?? s.line, s.endColumn ?? s.column);
  for (const c of file.commands) {
    commands.name.push(c.name);
    commands.fn.push(nameIndex(c.fn));
    commands.argCount.push(c.args.length);
    pushSpan(commands.spans, c);
    for (const a of c.args) {
      commands.argText.push(a.text);
      commands.argValue.push(a.value === a.text ? 1 : (a.value ?? 0));
      pushSpan(commands.argSpans, a);
    }
  }
  return {
    names,
    commands,
    comments: file.comments,
    assignments: file.assignments,
    ifChains: file.ifChains.map((c) => ({ ...c, branches: c.branches.map((b) => ({ ...b, conditionCommands: cmd(b.conditionCommands), commands: cmd(b.commands) })) })),
    cases: file.cases.map((c) => ({ ...c, subjectCommands: cmd(c.subjectCommands), items: c.items.map((i) => ({ ...i, commands: cmd(i.commands) })) })),
    functions: file.functions.map((f) => ({ ...f, commands: cmd(f.commands), comments: comment(f.comments), assignments: assignment(f.assignments), ifChains: chain(f.ifChains), cases: caseAt(f.cases) })),
  };
}

export function decodeBashFile(data: EncodedBashFile): BashFile {
  const pick = <T>(list: T[]) => (ix: number[]) => ix.map((i) => list[i]);
  const c = data.commands;
  const commands = new Array<BashCommand>(c.name.length);
  let arg = 0;
  for (let i = 0; i < commands.length; i++) {
    const args = new Array<BashWord>(c.argCount[i]);
    for (let k = 0; k < args.length; k++, arg++) {
      const text = c.argText[arg];
      const value = c.argValue[arg];
      const at = arg * 4;
      args[k] = { text, value: value === 1 ? text : value === 0 ? undefined : value, line: c.argSpans[at], column: c.argSpans[at + 1], endLine: c.argSpans[at + 2], endColumn: c.argSpans[at + 3] };
    }
    const at = i * 4;
    const fn = c.fn[i];
    commands[i] = { name: c.name[i], args, fn: fn === -1 ? undefined : data.names[fn], line: c.spans[at], column: c.spans[at + 1], endLine: c.spans[at + 2], endColumn: c.spans[at + 3] };
  }
  const cmd = pick(commands);
  const ifChains: BashIfChain[] = data.ifChains.map((c) => ({ ...c, branches: c.branches.map((b) => ({ ...b, conditionCommands: cmd(b.conditionCommands), commands: cmd(b.commands) })) }));
  const cases: BashCase[] = data.cases.map((c) => ({ ...c, subjectCommands: cmd(c.subjectCommands), items: c.items.map((i) => ({ ...i, commands: cmd(i.commands) })) }));
  return {
    commands,
    comments: data.comments,
    assignments: data.assignments,
    ifChains,
    cases,
    functions: data.functions.map((f) => ({
      ...f,
      commands: cmd(f.commands),
      comments: pick(data.comments)(f.comments),
      assignments: pick(data.assignments)(f.assignments),
      ifChains: pick(ifChains)(f.ifChains),
      cases: pick(cases)(f.cases),
    })),
  };
}

/** The codec the parse cache uses (see runner/context.ts). */
export const encode = encodeBashFile as (v: unknown) => unknown;
export const decode = decodeBashFile as (v: unknown) => unknown;
