// .gitmodules read as git-config text, with line numbers. Keyed on `path`: names and paths
// differed historically (name `sources`, path `exegol-docker-build`).
import type { RepoView } from '../../runner/context-api.js';

export interface Submodule {
  name: string;
  /** Line of the `[submodule "name"]` header. */
  line: number;
  path?: { value: string; line: number };
  branch?: { value: string; line: number };
  url?: { value: string; line: number };
}

export function parseGitmodules(text: string): Submodule[] {
  const out: Submodule[] = [];
  let current: Submodule | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) return;
    const header = /^\[submodule\s+"([^"]*)"\s*\]$/.exec(line);
    if (header) {
      current = { name: header[1], line: i + 1 };
      out.push(current);
      return;
    }
    if (/^\[/.test(line)) {
      current = undefined;
      return;
    }
    const kv = /^([A-Za-z][\w-]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!kv || !current) return;
    const key = kv[1].toLowerCase();
    const value = kv[2].replace(/^"(.*)"$/, '$1');
    if (key === 'path' || key === 'branch' || key === 'url') current[key] = { value: value.replace(/\/+$/, ''), line: i + 1 };
  });
  return out;
}

export function gitmodules(ctx: RepoView): Promise<Submodule[] | undefined> {
  return ctx.memo('wrapper/gitmodules', async () => {
    const text = await ctx.read('.gitmodules');
    return text === undefined ? undefined : parseGitmodules(text);
  });
}
