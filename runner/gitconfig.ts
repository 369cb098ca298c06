// git-config text (`.git/config`, `.gitmodules`) read as data, with git's quoting and escapes, so
// that a name means here what it means to git (`[submodule "..\/x"]` is the name `../x`).
// Pure: includes are not followed, nothing is executed.

export interface ConfigSection {
  /** Lower-cased section name (`submodule`). */
  name: string;
  /** Subsection as git reads it (escapes resolved), when the header has one. */
  subsection?: string;
  line: number;
}

export interface ConfigEntry {
  section: ConfigSection;
  /** Lower-cased key name. */
  key: string;
  /** Undefined for a key without `=` (a boolean true in git). */
  value?: string;
  line: number;
}

export interface ParsedConfig {
  sections: ConfigSection[];
  entries: ConfigEntry[];
  /** The first line git would reject; parsing stops there, as git's does. */
  error?: { line: number; message: string };
}

class Cursor {
  pos = 0;
  line = 1;
  constructor(readonly text: string) {}
  peek(): string | undefined {
    return this.text[this.pos];
  }
  next(): string | undefined {
    const c = this.text[this.pos++];
    if (c === '\n') this.line++;
    return c;
  }
  skipBlanks(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }
  /** Up to the end of the line, leaving the newline. */
  skipToEol(): void {
    while (this.pos < this.text.length && this.text[this.pos] !== '\n') this.pos++;
  }
}

class SyntaxError extends Error {}

function parseHeader(cur: Cursor): ConfigSection {
  const line = cur.line;
  cur.next(); // [
  let name = '';
  while (/[A-Za-z0-9.-]/.test(cur.peek() ?? '')) name += cur.next();
  if (cur.peek() === ']') {
    cur.next();
    // The old `[section.subsection]` form: the subsection is lower-cased too.
    const dot = name.indexOf('.');
    if (dot === -1) return { name: name.toLowerCase(), line };
    return { name: name.slice(0, dot).toLowerCase(), subsection: name.slice(dot + 1).toLowerCase(), line };
  }
  cur.skipBlanks();
  if (cur.next() !== '"' || name === '') throw new SyntaxError('bad section header');
  let sub = '';
  for (;;) {
    let c = cur.next();
    if (c === undefined || c === '\n') throw new SyntaxError('unterminated subsection name');
    if (c === '"') break;
    if (c === '\\') {
      c = cur.next();
      if (c === undefined || c === '\n') throw new SyntaxError('unterminated subsection name');
    }
    sub += c;
  }
  if (cur.next() !== ']') throw new SyntaxError('bad section header');
  return { name: name.toLowerCase(), subsection: sub, line };
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', b: '\b', '"': '"', '\\': '\\' };

function parseValue(cur: Cursor): string {
  let out = '';
  let pendingSpace = '';
  let quoted = false;
  for (;;) {
    const c = cur.peek();
    if (c === undefined || (c === '\n' && !quoted)) return out;
    if (c === '\n') throw new SyntaxError('unterminated quoted value');
    cur.next();
    if (!quoted && (c === '#' || c === ';')) {
      cur.skipToEol();
      return out;
    }
    if (!quoted && (c === ' ' || c === '\t')) {
      if (out !== '') pendingSpace += c;
      continue;
    }
    out += pendingSpace;
    pendingSpace = '';
    if (c === '"') quoted = !quoted;
    else if (c === '\\') {
      const e = cur.next();
      if (e === '\n') continue;
      if (e === undefined || !(e in ESCAPES)) throw new SyntaxError('bad escape in value');
      out += ESCAPES[e];
    } else out += c;
  }
}

function parseEntry(cur: Cursor, section: ConfigSection | undefined): ConfigEntry {
  const line = cur.line;
  let key = '';
  while (/[A-Za-z0-9-]/.test(cur.peek() ?? '')) key += cur.next();
  if (!/^[A-Za-z]/.test(key) || !section) throw new SyntaxError(section ? 'bad key name' : 'key outside a section');
  cur.skipBlanks();
  const c = cur.peek();
  if (c === undefined || c === '\n' || c === '#' || c === ';') {
    if (c === '#' || c === ';') cur.skipToEol();
    return { section, key: key.toLowerCase(), line };
  }
  if (c !== '=') throw new SyntaxError('expected "=" after the key');
  cur.next();
  cur.skipBlanks();
  return { section, key: key.toLowerCase(), value: parseValue(cur), line };
}

export function parseGitConfig(text: string): ParsedConfig {
  const cur = new Cursor(text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));
  const out: ParsedConfig = { sections: [], entries: [] };
  let section: ConfigSection | undefined;
  let line = 1;
  try {
    while (cur.pos < cur.text.length) {
      const c = cur.peek()!;
      line = cur.line;
      if (c === '\n' || c === ' ' || c === '\t') cur.next();
      else if (c === '#' || c === ';') cur.skipToEol();
      else if (c === '[') {
        section = parseHeader(cur);
        out.sections.push(section);
      } else out.entries.push(parseEntry(cur, section));
    }
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    out.error = { line, message: err.message };
  }
  return out;
}

/** The last value of `section[.subsection].key`, as git's `--get` gives it; names are case-insensitive. */
export function configValue(config: ParsedConfig, section: string, key: string, subsection?: string): string | undefined {
  let found: string | undefined;
  for (const e of config.entries) {
    if (e.section.name === section && e.section.subsection === subsection && e.key === key) found = e.value ?? 'true';
  }
  return found;
}
