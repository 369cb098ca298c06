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

/** A span as `[line, column, endLine, endColumn]`. */
type SpanTuple = [number, number, number, number];
/** A word as `[text, value (1: same as text, 0: not literal), ...span]`. */
type WordTuple = [string, string | 0 | 1, ...SpanTuple];
/** A command as `[name, fn (index in names, -1: none), args, ...span]`. */
type CommandTuple = [string, number, WordTuple[], ...SpanTuple];

/**
 * JSON form of a view, about a third of the plain JSON: commands (most of a view) as tuples;
 * each command, comment, assignment, if chain and case stored once and referred to by index from
 * functions and branches (the view shares these objects between lists).
 */
export interface EncodedBashFile {
  names: string[];
  commands: CommandTuple[];
  comments: BashComment[];
  assignments: BashAssignment[];
  ifChains: Array<Omit<BashIfChain, 'branches'> & { branches: Array<Omit<BashBranch, 'conditionCommands' | 'commands'> & { conditionCommands: number[]; commands: number[] }> }>;
  cases: Array<Omit<BashCase, 'subjectCommands' | 'items'> & { subjectCommands: number[]; items: Array<Omit<BashCaseItem, 'commands'> & { commands: number[] }> }>;
  functions: Array<Omit<BashFunction, 'commands' | 'comments' | 'assignments' | 'ifChains' | 'cases'> & { commands: number[]; comments: number[]; assignments: number[]; ifChains: number[]; cases: number[] }>;
}

const fromTuple = (t: number[], at: number): Span => ({ line: t[at], column: t[at + 1], endLine: t[at + 2], endColumn: t[at + 3] });

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
  return {
    names,
    // Tuples written out field by field: a long script has hundreds of thousands of words.
    commands: file.commands.map((c): CommandTuple => [
      c.name,
      nameIndex(c.fn),
      c.args.map((a): WordTuple => [a.text, a.value === a.text ? 1 : (a.value ?? 0), a.line, a.column, a.endLine ?? a.line, a.endColumn ?? a.column]),
      c.line,
      c.column,
      c.endLine ?? c.line,
      c.endColumn ?? c.column,
    ]),
    comments: file.comments,
    assignments: file.assignments,
    ifChains: file.ifChains.map((c) => ({ ...c, branches: c.branches.map((b) => ({ ...b, conditionCommands: cmd(b.conditionCommands), commands: cmd(b.commands) })) })),
    cases: file.cases.map((c) => ({ ...c, subjectCommands: cmd(c.subjectCommands), items: c.items.map((i) => ({ ...i, commands: cmd(i.commands) })) })),
    functions: file.functions.map((f) => ({ ...f, commands: cmd(f.commands), comments: comment(f.comments), assignments: assignment(f.assignments), ifChains: chain(f.ifChains), cases: caseAt(f.cases) })),
  };
}

export function decodeBashFile(data: EncodedBashFile): BashFile {
  const pick = <T>(list: T[]) => (ix: number[]) => ix.map((i) => list[i]);
  const commands: BashCommand[] = data.commands.map((t) => ({
    name: t[0],
    args: t[2].map((w) => ({ text: w[0], value: w[1] === 1 ? w[0] : w[1] === 0 ? undefined : w[1], ...fromTuple(w as unknown as number[], 2) })),
    fn: t[1] === -1 ? undefined : data.names[t[1]],
    ...fromTuple(t as unknown as number[], 3),
  }));
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
