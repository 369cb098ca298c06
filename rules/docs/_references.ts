// What a docs page names in the other repos, read from its text without running anything: file
// names and repo paths in code, Python module paths, paths inside the image, `git -C <folder>`
// folders and branch names, each with its place and the headings it sits under.
import type { Span } from '../../runner/types.js';
import { textLines } from './_fences.js';
import { blankComments, codeSpans } from './_page-text.js';

export type ReferenceKind =
  /** `setup.py`: a file name, looked up anywhere in the repo. */
  | 'file'
  /** `tests/exegol_test.py`, `sources/assets/x.sh`: a path from the repo's root. */
  | 'path'
  /** `exegol.config.ConstantConfig`, `tests.test_exegol.py`: a Python module (or a file written with dots). */
  | 'module'
  /** `/.exegol/spawn.sh`: a path inside the image. */
  | 'imagePath'
  /** The folder of `git -C <folder>`. */
  | 'gitDir'
  /** A branch an instruction names (`git checkout dev`, "the `dev` branch", "latest master"). */
  | 'branch';

export interface Reference {
  kind: ReferenceKind;
  /** The name as written (trailing punctuation and a leading `./` removed). */
  name: string;
  at: Span;
  /** The text of its line, to tell which repo the line names. */
  lineText: string;
  /** Headings above it, outermost first. */
  headings: string[];
  /** For a branch of `git -C <folder> ...`, or after `cd <folder>` in the same block: the folder. */
  gitDir?: string;
}

/** Extensions of the files a page may name as part of a repo. */
const FILE_EXTENSIONS = new Set(['py', 'sh', 'bash', 'zsh', 'toml', 'cfg', 'ini', 'txt', 'csv', 'yml', 'yaml', 'json', 'mts', 'ts', 'js', 'mjs', 'md']);
/** Blocks of shell commands: the only blocks whose words are read (YAML, JSON, output, Python are not commands). */
const SHELL_BLOCKS = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'shell-session']);
/** Commands whose next word is a file of the repo (`python3 setup.py`, `source x.sh`). */
const RUNNERS = new Set(['python', 'python3', 'bash', 'sh', 'zsh', 'source', '.', 'mypy', 'node', 'sudo']);
/**
 * A line showing a value to fill in (`yourtool`, `your_feature`, `toolxyz`, `path/to`, `<command>`)
 * is a template: its names are examples. "your" as a word of prose makes none.
 */
const TEMPLATE_LINE = /\byour(?!self\b)(?=[\w-])|[\w-]xyz|xyz[\w-]|path\/to\/|<[A-Za-z_ -]+>/i;
/** What a name may be made of; anything else (`$`, `*`, `{`, `<`, quotes...) makes it a pattern or a placeholder. */
const PLAIN = /^[\w.+/@-]+$/;
/** Words of a placeholder: `path/to/x`, `your_tool`, `toolxyz`, `example.py`. */
const PLACEHOLDER = /(^|[/_.-])(path\/to|your|my_?tool|example|foo|bar)([/_.-]|$)|xyz|your/i;
/** A segment in capitals (`X.Y.Z`, `TARGET_BRANCH`, `REPO`): a value to fill in. */
const CAPITALS = /(^|[/._-])[A-Z][A-Z0-9_]*([/._-]|$)/;
const GIT_BRANCH_ARG: Record<string, number> = { checkout: 0, switch: 0, merge: 0, rebase: 0, pull: 1, push: 1, fetch: 1 };
/** Options of those git commands that take a value, so the value is not read as a branch. */
const GIT_OPTIONS_WITH_VALUE = new Set(['-m', '-X', '-s', '--strategy', '-o', '--push-option', '--depth']);
/** Longer words name nothing a repo holds; the patterns that classify a word stay linear below it. */
const MAX_WORD = 256;
/** Branch names prose gives: "latest master", "checkout dev", "branch `main`", "the `dev` branch". */
const PROSE_BRANCH = [/\b(?:latest|checkout|check out|switch to)\s+(?:the\s+)?`?([\w][\w./-]*)`?/gi, /\bbranch\s+`([\w][\w./-]*)`/gi, /`([\w][\w./-]*)`\s+branch\b/gi];
/** An ATX heading's opening: its text is the rest of the line, closing `#`s dropped (no backtracking pattern). */
const HEADING_OPEN = /^ {0,3}(#{1,6})(?:[ \t]|$)/;

const extensionOf = (name: string) => /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
export const hasFileExtension = (name: string) => FILE_EXTENSIONS.has(extensionOf(name) ?? '');

/** A token as a page writes it: trailing punctuation and a leading `./` dropped. */
function clean(token: string): { name: string; offset: number } {
  let name = token;
  let offset = 0;
  const lead = /^\(+|^\.\//.exec(name);
  if (lead) {
    name = name.slice(lead[0].length);
    offset = lead[0].length;
  }
  return { name: name.replace(/[:.,;!?)\]]+$/, ''), offset };
}

/** Top folders of a Linux system: a path under one is the system's or the host's, not the image's own. */
const SYSTEM_FOLDERS = new Set(['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var', 'Users']);

/**
 * An absolute path in a folder of the image's own: not under a system folder; under `/opt`, where
 * add-on software lives, from its second level (`/opt/tools/x`); two segments at least, none `.` or `..`.
 */
function imageOwned(path: string): boolean {
  const segments = path.split('/').filter(Boolean);
  if (segments.length < 2 || path.includes('//') || segments.some((s) => s === '.' || s === '..') || SYSTEM_FOLDERS.has(segments[0])) return false;
  return segments[0] !== 'opt' || segments.length >= 3;
}

/** What kind of reference a word of code is, if any. */
export function classify(name: string): ReferenceKind | undefined {
  if (!name || !PLAIN.test(name) || name.includes('://') || name.includes('@') || PLACEHOLDER.test(name) || CAPITALS.test(name)) return undefined;
  if (name.startsWith('/')) return imageOwned(name) ? 'imagePath' : undefined;
  if (name.startsWith('.') || name.startsWith('-')) return undefined;
  if (name.includes('/')) return 'path';
  if (/^[A-Za-z_]\w*(\.[A-Za-z_][\w-]*){2,}$/.test(name)) return 'module';
  if (/^[\w-][\w.+-]*\.[A-Za-z0-9]+$/.test(name) && hasFileExtension(name)) return 'file';
  return undefined;
}

/** A word that may be a branch name (not a placeholder or a value to fill in). */
function branchLike(name: string): boolean {
  return /^[A-Za-z0-9][\w./-]*$/.test(name) && !PLACEHOLDER.test(name) && !CAPITALS.test(name) && !name.endsWith('.');
}

interface Word {
  text: string;
  column: number;
}

/** Words of a piece of code, split where a shell splits them (and at quotes and brackets). */
function words(code: string, startColumn: number): Word[] {
  return [...code.matchAll(/[^\s'"`()<>;|&=,[\]{}]+/g)].filter((m) => m[0].length <= MAX_WORD).map((m) => ({ text: m[0], column: startColumn + m.index! }));
}

/**
 * A `git` command line: `git [-C dir] checkout|merge|pull|push ... <branch>`; `args`: the words
 * after such a subcommand (branches, remotes, files: no repo path).
 */
function gitCommand(ws: Word[]): { dir?: Word; branches: Word[]; args: Word[] } | undefined {
  const g = ws.findIndex((w) => w.text === 'git');
  if (g < 0) return undefined;
  let i = g + 1;
  let dir: Word | undefined;
  while (i < ws.length && ws[i].text.startsWith('-')) {
    if (ws[i].text === '-C' && i + 1 < ws.length) dir = ws[++i];
    else if (ws[i].text === '-c') i++;
    i++;
  }
  const position = GIT_BRANCH_ARG[ws[i]?.text ?? ''];
  if (position === undefined) return { dir, branches: [], args: [] };
  const args = ws.slice(i + 1);
  const positional: Word[] = [];
  for (let j = i + 1; j < ws.length; j++) {
    const t = ws[j].text;
    if (t === '--') break;
    // A branch created here (`checkout -b x`) names no existing branch.
    if (/^-[bBc]$/.test(t) || t === '--orphan') return { dir, branches: [], args };
    if (GIT_OPTIONS_WITH_VALUE.has(t)) j++;
    else if (!t.startsWith('-')) positional.push(ws[j]);
  }
  const branch = positional[position];
  return { dir, branches: branch ? [branch] : [], args };
}

const span = (line: number, column: number, length: number): Span => ({ line, column, endLine: line, endColumn: column + length });

/** The text of an ATX heading line, or undefined: `## Title ##` → `Title`. */
function headingOf(line: string): { level: number; text: string } | undefined {
  const open = HEADING_OPEN.exec(line);
  if (!open) return undefined;
  let text = line.slice(open[0].length).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0 || /\s/.test(text[end - 1])) text = text.slice(0, end).trim();
  return { level: open[1].length, text };
}

/** The references of a page, in order. */
export function pageReferences(raw: string): Reference[] {
  const out: Reference[] = [];
  const headings: Array<{ level: number; text: string }> = [];
  let cdDir: string | undefined;
  for (const { index, text: lineText, fence, block } of textLines(blankComments(raw))) {
    const line = index + 1;
    if (fence) {
      cdDir = undefined;
      continue;
    }
    const template = TEMPLATE_LINE.test(lineText);
    const here = () => ({ lineText, headings: headings.map((h) => h.text) });
    const add = (kind: ReferenceKind, w: Word, extra: Partial<Reference> = {}) => {
      if (template) return;
      const { name, offset } = clean(w.text);
      out.push({ kind, name, at: span(line, w.column + offset + 1, name.length), ...here(), ...extra });
    };
    // In a block, a bare file name counts as a command or a runner's argument (`python3 setup.py`),
    // not as any argument (`--file creds.csv` is the user's file).
    const addCode = (ws: Word[], inBlock: boolean) =>
      ws.forEach((w, k) => {
        const kind = classify(clean(w.text).name);
        if (kind && !(kind === 'file' && inBlock && k !== 0 && !RUNNERS.has(ws[k - 1].text))) add(kind, w);
      });
    if (block !== undefined) {
      if (!SHELL_BLOCKS.has(block)) continue;
      // A console block's commands follow a `$ ` prompt; its other lines are output.
      const prompt = block === 'console' || block === 'shell-session' ? /^\s*\$ /.exec(lineText) : null;
      if ((block === 'console' || block === 'shell-session') && !prompt) continue;
      const ws = words(prompt ? ' '.repeat(prompt[0].length) + lineText.slice(prompt[0].length) : lineText, 0);
      if (ws[0]?.text === 'cd' && ws[1]) cdDir = clean(ws[1].text).name;
      const git = gitCommand(ws);
      if (git?.dir) add('gitDir', git.dir);
      const dir = git?.dir ? clean(git.dir.text).name : cdDir;
      for (const b of git?.branches ?? []) if (branchLike(clean(b.text).name)) add('branch', b, dir === undefined ? {} : { gitDir: dir });
      addCode(ws.filter((w, k) => w !== git?.dir && !git?.args.includes(w) && !(k === 1 && ws[0].text === 'cd')), true);
      continue;
    }
    cdDir = undefined;
    const heading = headingOf(lineText);
    if (heading) {
      while (headings.length && headings[headings.length - 1].level >= heading.level) headings.pop();
      headings.push(heading);
      continue;
    }
    for (const s of codeSpans(lineText)) addCode(words(s.text, s.start), false);
    for (const w of words(lineText.replace(/`[^`]*`/g, (c) => ' '.repeat(c.length)), 0)) {
      if (classify(clean(w.text).name) === 'module') add('module', w);
    }
    for (const pattern of template ? [] : PROSE_BRANCH) {
      for (const m of lineText.matchAll(pattern)) {
        if (!branchLike(m[1])) continue;
        const column = m.index! + m[0].indexOf(m[1]);
        out.push({ kind: 'branch', name: m[1], at: span(line, column + 1, m[1].length), ...here() });
      }
    }
  }
  return dedupe(out);
}

/** One reference per kind, name and place (two patterns may find the same branch). */
function dedupe(refs: Reference[]): Reference[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.kind}\0${r.name}\0${r.at.line}\0${r.at.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
