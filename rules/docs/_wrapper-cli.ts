// The wrapper's command line, read from its Python source (parsed, never run), in the work tree or
// at another commit: actions are the classes of the actions folder with `Command` among their
// bases (name: the class name lower-cased); options are `self.x = Option("-e", "--env", ...)` in
// the `__init__` of a class, inherited along its bases (mixins such as `ContainerStart`). An
// attribute a class sets to anything else (`self.containertag = None`) is no option of it.
import type { FileEntry } from '../../runner/context-api.js';
import type { PythonFile, PythonValue } from '../../runner/parsers/python.js';
import type { Span } from '../../runner/types.js';

/** Where the wrapper's actions are defined. */
export const ACTIONS_FOLDER = 'exegol/console/cli/actions';
/** The base class every action derives from; its own options are the global ones. */
export const ACTION_BASE = 'Command';
/** argparse adds these to every action. */
export const IMPLICIT_FLAGS: ReadonlySet<string> = new Set(['-h', '--help']);

export interface CliFlag {
  flag: string;
  at: Span;
}

export interface CliOption {
  /** The attribute it is assigned to (`envs`). */
  attr: string;
  /** `-e`, `--env`; none for a positional argument. */
  flags: CliFlag[];
  /** The class whose `__init__` defines it, its file and where. */
  definedIn: string;
  file: string;
  at: Span;
  /** Defined by the base class of every action: an option of all of them. */
  global: boolean;
}

export interface CliAction {
  name: string;
  className: string;
  file: string;
  at: Span;
  /** Own and inherited, by attribute. */
  options: CliOption[];
  /** Bases (direct or inherited) not defined in the actions folder: options they define are unknown. */
  unresolvedBases: string[];
}

export interface WrapperCli {
  actions: CliAction[];
  /** Python files of the folder that could not be read or parsed, with why. */
  unreadable: string[];
}

/** What the reader needs of a revision: the work tree's view or a commit's. */
export interface PythonSource {
  list(dir: string): Promise<FileEntry[]>;
  read(path: string): Promise<string | undefined>;
  python(path: string): Promise<PythonFile | undefined>;
}

interface ClassDef {
  name: string;
  bases: string[];
  file: string;
  at: Span;
  attributes: PythonFile['initAttributes'];
}

const lastSegment = (dotted: string) => dotted.slice(dotted.lastIndexOf('.') + 1);
const isOptionCall = (callee: string) => lastSegment(callee) === 'Option';
const flagOf = (v: PythonValue): CliFlag | undefined => (v.kind === 'string' && /^-{1,2}[^\s-]/.test(v.value) ? { flag: v.value, at: v.span } : undefined);
/** Inheritance followed this deep at most: the real CLI's is 3 classes deep. */
const MAX_DEPTH = 64;
/** Bases that are Python's own, never the wrapper's. */
const BUILTIN_BASES = new Set(['object', 'ABC', 'Generic', 'Protocol']);

/** Reads the CLI of one revision; undefined when the actions folder has no Python file. */
export async function readWrapperCli(source: PythonSource): Promise<WrapperCli | undefined> {
  const files = (await source.list(ACTIONS_FOLDER)).filter((e) => e.type === 'file' && e.path.endsWith('.py')).map((e) => e.path);
  if (files.length === 0) return undefined;
  const classes = new Map<string, ClassDef>();
  const unreadable: string[] = [];
  for (const file of files) {
    const py = await source.python(file);
    if (!py) {
      unreadable.push(`${file} (${(await source.read(file)) === undefined ? 'cannot be read' : 'cannot be parsed'})`);
      continue;
    }
    const byScope = new Map<string, PythonFile['initAttributes']>();
    for (const a of py.initAttributes) byScope.get(a.scope)?.push(a) ?? byScope.set(a.scope, [a]);
    for (const c of py.classes) {
      if (classes.has(c.name)) continue;
      classes.set(c.name, { name: c.name, bases: c.bases.map(lastSegment), file, at: c.span, attributes: byScope.get(c.name) ?? [] });
    }
  }
  const resolved = new Map<string, { options: Map<string, CliOption>; unresolved: Set<string> }>();
  const optionsOf = (name: string, path: string[]): { options: Map<string, CliOption>; unresolved: Set<string> } => {
    const known = resolved.get(name);
    if (known) return known;
    const options = new Map<string, CliOption>();
    const unresolved = new Set<string>();
    const def = classes.get(name)!;
    // Bases first, in order (each `__init__` is called in that order), then the class's own
    // assignments, which replace an inherited attribute.
    for (const base of def.bases) {
      if (path.includes(base)) continue;
      // No real class hierarchy is this deep; a generated one would overflow the stack.
      if (!classes.has(base) || path.length >= MAX_DEPTH) {
        if (!BUILTIN_BASES.has(base)) unresolved.add(base);
        continue;
      }
      const inherited = optionsOf(base, [...path, base]);
      for (const [attr, o] of inherited.options) options.set(attr, o);
      for (const u of inherited.unresolved) unresolved.add(u);
    }
    for (const a of def.attributes) {
      if (!a.call || !isOptionCall(a.call.callee)) {
        options.delete(a.name);
        continue;
      }
      const flags = a.call.args.map(flagOf).filter((f): f is CliFlag => f !== undefined);
      options.set(a.name, { attr: a.name, flags, definedIn: name, file: def.file, at: a.span, global: name === ACTION_BASE });
    }
    const out = { options, unresolved };
    resolved.set(name, out);
    return out;
  };
  const actions: CliAction[] = [];
  for (const def of classes.values()) {
    if (!def.bases.includes(ACTION_BASE) || def.name === ACTION_BASE) continue;
    const { options, unresolved } = optionsOf(def.name, [def.name]);
    actions.push({ name: def.name.toLowerCase(), className: def.name, file: def.file, at: def.at, options: [...options.values()], unresolvedBases: [...unresolved] });
  }
  actions.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { actions, unreadable };
}

/** Every flag of an action, with the option defining it. */
export function flagsOf(action: CliAction): Array<CliFlag & { option: CliOption }> {
  return action.options.flatMap((option) => option.flags.map((f) => ({ ...f, option })));
}
