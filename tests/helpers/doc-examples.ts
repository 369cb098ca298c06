// Reads the examples of a rule doc page (docs/rules/<group>/<name>.md) as data: files and history
// for a rule, repository state and push lines for a hook check.
export interface DocExample {
  kind: 'fails' | 'passes';
  attrs: Record<string, string>;
  /** Files of earlier commits, grouped by the tag of each commit, in order. */
  history: Array<{ tag: string; files: Record<string, string> }>;
  files: Record<string, string>;
  /** Other repos of the workspace (a cross-repo rule's example), by kind: file blocks with `repo=<kind>`. */
  repos: Record<string, { files: Record<string, string>; history: Array<{ tag: string; files: Record<string, string> }> }>;
  /** Expected `path:line:col severity message` lines (fails examples); `ref (range) severity message` for a hook check. */
  output?: string[];
  /** A hook check's example: the repository as a YAML `GitState` (a ```yaml git``` block). */
  git?: string;
  /** A hook check's example: git's pre-push stdin lines, labels for ids (a ```text push``` block). */
  push?: string[];
  line: number;
}

const DIRECTIVE = /^<!--\s*example:\s*(fails|passes)\b([^>]*)-->\s*$/;
const FENCE = /^(`{3,})([^\s`]*)\s*(.*)$/;

export function parseDocExamples(markdown: string): DocExample[] {
  const lines = markdown.split('\n');
  const examples: DocExample[] = [];
  let current: DocExample | undefined;
  for (let i = 0; i < lines.length; i++) {
    const d = DIRECTIVE.exec(lines[i].trim());
    if (d) {
      const attrs = Object.fromEntries([...d[2].matchAll(/([a-z-]+)=("[^"]*"|\S+)/g)].map((m) => [m[1], m[2].replace(/^"|"$/g, '')]));
      current = { kind: d[1] as 'fails' | 'passes', attrs, history: [], files: {}, repos: {}, line: i + 1 };
      examples.push(current);
      continue;
    }
    if (/^#{1,3} /.test(lines[i]) && !lines[i].startsWith('####')) {
      if (!/^#{1,3} (Fails|Passes|Example)/i.test(lines[i])) current = undefined;
      continue;
    }
    const f = FENCE.exec(lines[i]);
    if (!f) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j].startsWith(f[1]); j++) body.push(lines[j]);
    const info = f[3];
    i = j;
    if (!current) continue;
    const attr = (name: string) => new RegExp(`(?:^|\\s)${name}=("[^"]*"|\\S+)`).exec(info)?.[1].replace(/^"|"$/g, '');
    const file = attr('file');
    if (file) {
      const text = body.join('\n') + '\n';
      const at = attr('at');
      const repo = attr('repo');
      const target = repo ? (current.repos[repo] ??= { files: {}, history: [] }) : current;
      if (at) {
        let group = target.history.find((h) => h.tag === at);
        if (!group) target.history.push((group = { tag: at, files: {} }));
        group.files[file] = text;
      } else target.files[file] = text;
    } else if (/(^|\s)output(\s|$)/.test(info)) current.output = body.filter((l) => l.trim() !== '');
    else if (/(^|\s)git(\s|$)/.test(info)) current.git = body.join('\n') + '\n';
    else if (/(^|\s)push(\s|$)/.test(info)) current.push = body.filter((l) => l.trim() !== '');
  }
  return examples;
}
