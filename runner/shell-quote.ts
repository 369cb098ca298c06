// Repo text (tag names, submodule paths) embedded in a suggested shell command.

/** One POSIX shell word: left bare when it is made of safe characters only, else single-quoted. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : singleQuote(word);
}

/** A path as an argument that no command can read as an option (`-x` becomes `./-x`). */
export function shellPath(p: string): string {
  return shellQuote(p.startsWith('-') ? `./${p}` : p);
}

/** One POSIX shell word, always single-quoted (e.g. a message: `-m '5.1.4'`). */
export function singleQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
