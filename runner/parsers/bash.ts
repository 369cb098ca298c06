// Bash through tree-sitter (web-tree-sitter + the grammar's .wasm): the only parser measured that
// reads every real install script and keeps command names, arguments, comments and if/elif/else.
// Heredoc bodies and strings are leaves here, so an `add-history` or a `{` inside them is not code;
// commands inside `$(...)` are commands (they run).
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import { LineIndex, normaliseLineEndings } from '../lines.js';
import type { ParseOutcome } from './parse-outcome.js';
import type { Span } from '../types.js';
import type { Node as TsNode } from 'web-tree-sitter';
import type { BashAssignment, BashBranch, BashCase, BashCaseItem, BashComment, BashCommand, BashFile, BashFunction, BashIfChain, BashWord } from './bash-view.js';

export type { BashAssignment, BashBranch, BashCase, BashCaseItem, BashComment, BashCommand, BashFile, BashFunction, BashIfChain, BashWord } from './bash-view.js';


/**
 * Value of a word when nothing in it is expanded at run time, told from its text: in bare words
 * and double quotes, `$name`, `${`, `$(`, `$1`... and backquotes expand (a lone `$` does not);
 * single quotes hold everything; `<(` runs a command.
 */
export function literalValue(text: string): string | undefined {
  if (!/[$`'"\\<>]/.test(text)) return text;
  let out = '';
  let quote: '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const next = text[i + 1] ?? '';
    if (!quote && ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end === -1) return undefined;
      out += text.slice(i + 1, end);
      i = end;
    } else if (ch === '"') {
      quote = quote ? undefined : '"';
    } else if (ch === '\\') {
      if (quote && !'$`"\\\n'.includes(next)) out += ch;
      else if (next !== '\n') out += next;
      i++;
    } else if (ch === '`') {
      return undefined;
    } else if (ch === '$' && (/[A-Za-z0-9_{(@*#?$!-]/.test(next) || (!quote && (next === "'" || next === '"')))) {
      return undefined;
    } else if (!quote && (ch === '<' || ch === '>') && next === '(') {
      return undefined;
    } else out += ch;
  }
  return quote ? undefined : out;
}

/**
 * Nodes that hold no command: leaves, keywords, and text that is data (heredoc bodies, strings
 * without substitutions are split into string_content leaves). Not descending into them halves
 * the calls into the parser.
 */
const NO_CODE_INSIDE = new Set([
  'heredoc_body', 'raw_string', 'string_content', 'word', 'number', 'variable_name', 'special_variable_name',
  'simple_expansion', 'file_descriptor', 'heredoc_start', 'heredoc_end', 'regex', 'test_operator', 'ansi_c_string',
  'extglob_pattern', 'comment', 'if', 'then', 'else', 'elif', 'fi', 'for', 'in', 'do', 'done', 'while', 'until',
  'case', 'esac', 'function', 'local', 'declare', 'export', 'readonly', 'typeset', 'unset', 'select',
]);

/** Nodes whose children are statements: always walked. */
const STATEMENT_CONTAINERS = new Set([
  'program', 'compound_statement', 'function_definition', 'if_statement', 'elif_clause', 'else_clause', 'while_statement',
  'for_statement', 'c_style_for_statement', 'do_group', 'case_statement', 'case_item', 'pipeline', 'list', 'subshell',
  'redirected_statement', 'negated_command', 'heredoc_redirect', 'command_substitution', 'process_substitution',
  'variable_assignments',
]);

/**
 * Whether a word, string, test or assignment can run a command: only through `$(...)`, backquotes
 * or `<(...)`. Checking its text costs one call into the parser; walking its children costs one
 * per node, so subtrees without one are skipped.
 */
function holdsSubstitution(n: TsNode): boolean {
  return /\$\(|`|[<>]\(/.test(n.text);
}

/**
 * How deep the view is read. The walk recurses once per tree level, and every command inside
 * nested if branches is listed in each of them: without bounds, 10,000 nested subshells overflow
 * the stack and 2,000 nested ifs make the view quadratic. Real install scripts stay near 20 levels
 * and 5 nested ifs.
 */
export const MAX_TREE_DEPTH = 256;
export const MAX_IF_NESTING = 32;

/** Thrown by the walk when a limit is passed; becomes the file's parse error. */
class TooDeep extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}

class Collector {
  private readonly lines: LineIndex;

  constructor(private readonly src: string) {
    this.lines = new LineIndex(src);
  }

  // Every property read on a tree-sitter node is a call into wasm: text and positions are taken
  // from the source and a JS line index, with one call (the end offset) per node.
  // Spans are built field by field: a 100,000-line script has hundreds of thousands of them, and
  // every intermediate object is garbage to collect.
  private word(n: TsNode): BashWord {
    const start = n.startIndex;
    const end = n.endIndex;
    const text = this.src.slice(start, end);
    const line = this.lines.lineAt(start);
    const endLine = this.lines.lineAt(end, line);
    return { text, value: literalValue(text), line, column: this.lines.columnAt(start, line), endLine, endColumn: this.lines.columnAt(end, endLine) };
  }

  private span(n: TsNode): Span {
    const start = n.startIndex;
    const end = n.endIndex;
    const line = this.lines.lineAt(start);
    const endLine = this.lines.lineAt(end, line);
    return { line, column: this.lines.columnAt(start, line), endLine, endColumn: this.lines.columnAt(end, endLine) };
  }

  private text(n: TsNode): string {
    return this.src.slice(n.startIndex, n.endIndex);
  }

  readonly file: BashFile = { functions: [], commands: [], comments: [], assignments: [], ifChains: [], cases: [] };
  private readonly fnStack: BashFunction[] = [];
  /** Command lists being filled (if branches and their conditions), innermost last. */
  private readonly sinks: BashCommand[][] = [];

  private depth = 0;

  private get fn(): BashFunction | undefined {
    return this.fnStack[this.fnStack.length - 1];
  }

  private tooDeep(n: TsNode, what: string): TooDeep {
    const { line, column } = this.lines.position(n.startIndex);
    return new TooDeep(line, column, `${what} from line ${line} on; porgs-lint reads no deeper: move the inner part into a function`);
  }

  visit(n: TsNode): void {
    const type = n.type;
    // Punctuation (`{`, `$(`, `;;`...) has no children: skip the call into the parser.
    if (type.charCodeAt(0) < 97 || type.charCodeAt(0) > 122) return;
    // No finally: a walk that throws is abandoned with its collector.
    if (++this.depth > MAX_TREE_DEPTH) throw this.tooDeep(n, `nesting is too deep: more than ${MAX_TREE_DEPTH} levels of nested commands, subshells, blocks or substitutions`);
    this.visitNode(n, type);
    this.depth--;
  }

  private visitNode(n: TsNode, type: string): void {
    switch (type) {
      case 'function_definition':
        return this.functionDef(n);
      case 'command':
        this.command(n);
        break;
      case 'comment':
        return this.comment(n);
      case 'declaration_command':
        return this.declaration(n);
      case 'variable_assignment':
        this.assignment(n, false);
        break;
      case 'if_statement':
        return this.ifChain(n);
      case 'case_statement':
        return this.caseStatement(n);
    }
    if (NO_CODE_INSIDE.has(type)) return;
    if (STATEMENT_CONTAINERS.has(type) || holdsSubstitution(n)) this.children(n);
  }

  private children(n: TsNode): void {
    for (const c of n.children) if (c) this.visit(c);
  }

  private functionDef(n: TsNode): void {
    const nameNode = n.childForFieldName('name');
    const body = n.childForFieldName('body');
    const fn: BashFunction = {
      name: nameNode ? this.text(nameNode) : '',
      nameAt: nameNode ? this.span(nameNode) : this.span(n),
      ...this.span(n),
      commands: [],
      comments: [],
      assignments: [],
      ifChains: [],
      cases: [],
    };
    if (body) {
      for (const c of body.namedChildren) {
        if (c && c.type !== 'comment') {
          fn.firstStatementLine = this.lines.position(c.startIndex).line;
          break;
        }
      }
    }
    this.file.functions.push(fn);
    this.fnStack.push(fn);
    // A function defined inside an if branch does not run there: its commands go to no branch.
    const sinks = this.sinks.splice(0);
    if (body) this.visit(body);
    this.sinks.push(...sinks);
    this.fnStack.pop();
  }

  private command(n: TsNode): void {
    const nameNode = n.childForFieldName('name');
    const args: BashWord[] = [];
    for (const a of n.childrenForFieldName('argument')) {
      if (!a) continue;
      args.push(this.word(a));
    }
    const nameText = nameNode ? this.text(nameNode) : '';
    const name = literalValue(nameText) ?? nameText;
    const at = this.span(n);
    const cmd: BashCommand = { name, args, fn: this.fn?.name, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn };
    this.file.commands.push(cmd);
    this.fn?.commands.push(cmd);
    for (const sink of this.sinks) sink.push(cmd);
  }

  private comment(n: TsNode): void {
    const c: BashComment = { text: this.text(n), ...this.span(n), fn: this.fn?.name };
    this.file.comments.push(c);
    this.fn?.comments.push(c);
  }

  private declaration(n: TsNode): void {
    const local = n.child(0)?.type === 'local';
    for (const c of n.namedChildren) {
      if (!c) continue;
      if (c.type === 'variable_assignment') {
        this.assignment(c, local);
        if (holdsSubstitution(c)) this.children(c);
      } else if (c.type === 'variable_name' && local) {
        const at = this.span(c);
        const a: BashAssignment = { name: this.text(c), valueAt: at, local, declaredOnly: true, fn: this.fn?.name, ...at };
        this.file.assignments.push(a);
        this.fn?.assignments.push(a);
      } else this.visit(c);
    }
  }

  private assignment(n: TsNode, local: boolean): void {
    const name = n.childForFieldName('name');
    const value = n.childForFieldName('value');
    const a: BashAssignment = {
      name: name ? this.text(name) : '',
      value: value ? literalValue(this.text(value)) : '',
      valueAt: value ? this.span(value) : this.span(name ?? n),
      local,
      fn: this.fn?.name,
      ...this.span(n),
    };
    this.file.assignments.push(a);
    this.fn?.assignments.push(a);
  }

  private ifChain(n: TsNode): void {
    if (this.sinks.length >= MAX_IF_NESTING) throw this.tooDeep(n, `if statements are nested too deep: more than ${MAX_IF_NESTING} levels`);
    const chain: BashIfChain = { branches: [], fn: this.fn?.name, ...this.span(n) };
    this.file.ifChains.push(chain);
    this.fn?.ifChains.push(chain);
    const branch = (keyword: BashBranch['keyword'], at: TsNode): BashBranch => {
      const p = this.lines.position(at.startIndex);
      const b: BashBranch = { keyword, line: p.line, column: p.column, condition: '', conditionCommands: [], commands: [] };
      chain.branches.push(b);
      return b;
    };
    // Children of if_statement / elif_clause: keyword, condition nodes, `then`, body statements.
    const walkClause = (clause: TsNode, b: BashBranch) => {
      let inCondition = b.keyword !== 'else';
      const condition: string[] = [];
      for (const c of clause.children) {
        if (!c) continue;
        if (c.type === 'then') {
          inCondition = false;
          continue;
        }
        if (c.type === 'elif_clause' || c.type === 'else_clause') continue;
        if (!c.isNamed) continue;
        if (inCondition && c.type !== 'comment') {
          condition.push(this.text(c));
          this.sinks.push(b.conditionCommands);
          this.visit(c);
          this.sinks.pop();
        } else {
          this.sinks.push(b.commands);
          this.visit(c);
          this.sinks.pop();
        }
      }
      b.condition = condition.join('; ');
    };
    walkClause(n, branch('if', n));
    for (const c of n.children) {
      if (c?.type === 'elif_clause') walkClause(c, branch('elif', c));
      else if (c?.type === 'else_clause') walkClause(c, branch('else', c));
    }
  }
  private caseStatement(n: TsNode): void {
    const value = n.childForFieldName('value');
    const statement: BashCase = { subject: value ? this.text(value) : '', subjectCommands: [], items: [], fn: this.fn?.name, ...this.span(n) };
    this.file.cases.push(statement);
    this.fn?.cases.push(statement);
    if (value) {
      this.sinks.push(statement.subjectCommands);
      this.visit(value);
      this.sinks.pop();
    }
    for (const c of n.namedChildren) {
      if (c?.type !== 'case_item') continue;
      const p = this.lines.position(c.startIndex);
      const item: BashCaseItem = { line: p.line, column: p.column, patterns: [], commands: [] };
      statement.items.push(item);
      const patterns = new Set<number>();
      for (const v of c.childrenForFieldName('value')) {
        if (!v) continue;
        patterns.add(v.id);
        item.patterns.push(this.text(v));
      }
      this.sinks.push(item.commands);
      for (const s of c.namedChildren) if (s && !patterns.has(s.id)) this.visit(s);
      this.sinks.pop();
    }
  }
}

/**
 * Where to point a parse error: the first MISSING node, else the first ERROR node that has no
 * ERROR inside it (tree-sitter may wrap a whole region in one ERROR that starts far before the mistake).
 */
function firstError(root: TsNode): TsNode | undefined {
  // Depth first with an explicit stack: an unclosed construct can nest as deep as the file is long.
  let innermostError: TsNode | undefined;
  const stack: Array<{ node: TsNode; next: TsNode[] }> = [];
  const enter = (n: TsNode): TsNode | undefined => {
    if (n.isMissing) return n;
    stack.push({ node: n, next: n.children.filter((c): c is TsNode => c !== null && (c.hasError || c.isMissing)).reverse() });
    return undefined;
  };
  let found = enter(root);
  while (!found && stack.length > 0) {
    const top = stack[stack.length - 1];
    const child = top.next.pop();
    if (child) found = enter(child);
    else {
      stack.pop();
      if (top.node.isError && !innermostError) innermostError = top.node;
    }
  }
  if (found) return found;
  // Inside an ERROR, the parsed constructs come first; the first bare token is where parsing broke.
  const error = innermostError ?? root;
  return error.children.find((c) => c !== null && !c.isNamed) ?? error;
}

export async function load(): Promise<(text: string) => ParseOutcome<BashFile>> {
  // Without this, V8 optimises the grammar's wasm in the background and the process waits
  // about a second at exit for it. Must run before the first wasm compile.
  v8.setFlagsFromString('--liftoff-only');
  const require = createRequire(import.meta.url);
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  const language = await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  return (raw) => {
    // CRLF scripts: bash itself would choke on the \r; read them as the LF scripts they are meant to be
    // (line and column numbers are unchanged). A lone \r ends a line too, as the report counts lines.
    const text = normaliseLineEndings(raw);
    const tree = parser.parse(text);
    if (!tree) return { ok: false, error: { line: 1, column: 1, message: 'the bash parser gave no tree' } };
    try {
      const root = tree.rootNode;
      if (root.hasError) {
        const e = firstError(root) ?? root;
        const line = new LineIndex(text).lineText(e.startPosition.row + 1)?.trim().slice(0, 60) ?? '';
        const near = e.isMissing ? `missing ${JSON.stringify(e.type)}` : `cannot parse from ${JSON.stringify(line)} on; look there for an unclosed if/fi, {/}, do/done, case/esac or quote`;
        return { ok: false, error: { line: e.startPosition.row + 1, column: e.startPosition.column + 1, message: `syntax error: ${near}` } };
      }
      const collector = new Collector(text);
      try {
        collector.visit(root);
      } catch (err) {
        if (err instanceof TooDeep) return { ok: false, error: { line: err.line, column: err.column, message: err.message } };
        throw err;
      }
      return { ok: true, value: collector.file };
    } finally {
      tree.delete();
    }
  };
}
