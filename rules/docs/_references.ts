// What a docs page names in the other repos, read from its text without running anything: file
// names and repo paths in code, Python module paths, paths inside the image, `git -C <folder>`
// folders and branch names, each with its place and the heading it sits under.
import type { Span } from '../../runner/types.js';
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
  /** The folder of `git -C <folder> ...`. */
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
  /** For a branch of `git -C <folder> ...`: the folder. */
  gitDir?: string;
}

/** Extensions of the files a page may name as part of a repo. */
const FILE_EXTENSIONS = new Set(['py', 'sh', 'bash', 'zsh', 'toml', 'cfg', 'ini', 'txt', 'csv', 'yml', 'yaml', 'json', 'mts', 'ts', 'js', 'mjs', 'md']);
/** Commands whose next word is a file of the repo (`python3 setup.py`, `source x.sh`). */
const RUNNERS = new Set(['python', 'python3', 'bash', 'sh', 'zsh', 'source', '.', 'mypy', 'node', 'sudo']);
/** A line showing a value to fill in (`yourtool`, `path/to`, `<command>`) is a template: its names are examples. */
const TEMPLATE_LINE = /your|xyz|path\/to|<[A-Za-z_ -]+>/i;
/** What a name may be made of; anything else (`$`, `*`, `{`, `<`, quotes...) makes it a pattern or a placeholder. */
const PLAIN = /^[\w.+/@-]+$/;
/** Words of a placeholder: `path/to/x`, `your_tool`, `toolxyz`, `example.py`. */
const PLACEHOLDER = /(^|[/_.-])(path\/to|your|my_?tool|example|foo|bar)([/_.-]|$)|xyz|your/i;
/** A segment in capitals (`X.Y.Z`, `TARGET_BRANCH`, `REPO`): a value to fill in. */
const CAPITALS = /(^|[/._-])[A-Z][A-Z0-9_]*([/._-]|$)/;
const GIT_BRANCH_ARG: Record<string, number> = { checkout: 0, switch: 0, merge: 0, rebase: 0, pull: 1, push: 1, fetch: 1 };
/** Options of those git commands that take a value, so the value is not read as a branch. */
const GIT_OPTIONS_WITH_VALUE = new Set(['-m', '-X', '-s', '--strategy', '-o', '--push-option', '--depth']);

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

/** Top folders of a Linux system: a path under one is the system's or the host's, not the image's own. */
const SYSTEM_FOLDERS = new Set(['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var', 'Users']);

/**
 * An absolute path in a folder of the image's own: not under a system folder; under `/opt`, where
 * add-on software lives, from its second level (`/opt/tools/x`); two segments at least.
 */
function imageOwned(path: string): boolean {
  const segments = path.split('/').filter(Boolean);
  if (segments.length < 2 || path.includes('//') || SYSTEM_FOLDERS.has(segments[0])) return false;
  return segments[0] !== 'opt' || segments.length >= 3;
}

interface Word {
  text: string;
  column: number;
}

/** Longer words name nothing a repo holds; the patterns that classify a word stay linear below it. */
const MAX_WORD = 256;

/** Words of a piece of code, split where a shell splits them (and at quotes and brackets). */
function words(code: string, startColumn: number): Word[] {
  return [...code.matchAll(/[^\s'"`()<>;|&=,[\]{}]+/g)].filter((m) => m[0].length <= MAX_WORD).map((m) => ({ text: m[0], column: startColumn + m.index! }));
}

/**
 * Branch arguments of a `git` command line: `git [-C dir] checkout|merge|pull|push ... <branch>`;
 * `args`: the words after such a subcommand (branches, remotes, files: no repo path).
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
  const sub = ws[i]?.text;
  if (sub === undefined) return dir ? { dir, branches: [], args: [] } : undefined;
  const position = GIT_BRANCH_ARG[sub];
  if (position === undefined) return { dir, branches: [], args: [] };
  const args = ws.slice(i + 1);
  const positional: Word[] = [];
  for (let j = i + 1; j < ws.length; j++) {
    const t = ws[j].text;
    if (t === '--') break;
    // A branch created here (`checkout -b x`) or an option with its value names no existing branch.
    if (/^-[bBc]$/.test(t) || t === '--orphan') return { dir, branches: [], args };
    if (GIT_OPTIONS_WITH_VALUE.has(t)) j++;
    else if (!t.startsWith('-')) positional.push(ws[j]);
  }
  const branch = positional[position];
  return { dir, branches: branch ? [branch] : [], args };
}

/** Branch names prose gives: "the `dev` branch", "branch `main`", "latest master", "checkout dev". */
const PROSE_BRANCH = [/\b(?:latest|checkout|check out|branch)\s+`?([\w][\w./-]*)`?/gi, /`([\w][\w./-]*)`\s+branch\b/gi, /\bthe\s+([\w][\w./-]*)\s+branch\b/gi];

const span = (line: number, column: number, length: number): Span => ({ line, column, endLine: line, endColumn: column + length });

/** The references of a page, in order. */
export function pageReferences(raw: string): Reference[] {
  const text = blankComments(raw);
  const out: Reference[] = [];
  const headings: Array<{ level: number; text: string }> = [];
  let fence: string | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const lineText = lines[i];
    const line = i + 1;
    const open = /^\s{0,3}(`{3,}|~{3,})/.exec(lineText);
    const template = TEMPLATE_LINE.test(lineText);
    const add = (kind: ReferenceKind, w: Word, extra: Partial<Reference> = {}) => {
      if (template) return;
      const { name, offset } = clean(w.text);
      out.push({ kind, name, at: span(line, w.column + offset + 1, name.length), lineText, headings: headings.map((h) => h.text), ...extra });
    };
    // In a block, a bare file name counts as a command or a runner's argument (`python3 setup.py`),
    // not as any argument (`--file creds.csv` is the user's file).
    const addCode = (ws: Word[], block: boolean) => {
      ws.forEach((w, k) => {
        const kind = classify(clean(w.text).name);
        if (!kind) return;
        if (kind === 'file' && block && !(k === 0 || RUNNERS.has(ws[k - 1].text))) return;
        add(kind, w);
      });
    };
    if (fence) {
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length) fence = undefined;
      else {
        const ws = words(lineText, 0);
        const git = gitCommand(ws);
        if (git?.dir) add('gitDir', git.dir);
        for (const b of git?.branches ?? []) if (classifyBranch(clean(b.text).name)) add('branch', b, git?.dir ? { gitDir: clean(git.dir.text).name } : {});
        addCode(ws.filter((w) => w !== git?.dir && !git?.args.includes(w)), true);
      }
      continue;
    }
    if (open) {
      fence = open[1];
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(lineText);
    if (heading) {
      while (headings.length && headings[headings.length - 1].level >= heading[1].length) headings.pop();
      headings.push({ level: heading[1].length, text: heading[2] });
      continue;
    }
    for (const s of codeSpans(lineText)) addCode(words(s.text, s.start), false);
    for (const w of words(lineText.replace(/`[^`]*`/g, (c) => ' '.repeat(c.length)), 0)) {
      const { name } = clean(w.text);
      if (classify(name) === 'module') add('module', w);
    }
    for (const pattern of template ? [] : PROSE_BRANCH) {
      for (const m of lineText.matchAll(pattern)) {
        const name = m[1];
        if (!classifyBranch(name)) continue;
        const column = m.index! + m[0].indexOf(name);
        out.push({ kind: 'branch', name, at: span(line, column + 1, name.length), lineText, headings: headings.map((h) => h.text) });
      }
    }
  }
  return dedupe(out);
}

/** A word that may be a branch name (not a placeholder or a value to fill in). */
function classifyBranch(name: string): boolean {
  return /^[A-Za-z0-9][\w./-]*$/.test(name) && !PLACEHOLDER.test(name) && !CAPITALS.test(name) && !name.endsWith('.');
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
