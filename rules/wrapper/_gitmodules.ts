// .gitmodules read as git-config text (quotes, escapes and comments as git reads them), with line
// numbers. Keyed on `path`: names and paths differed historically (name `sources`, path
// `exegol-docker-build`).
import type { RepoView } from '../../runner/context-api.js';
import { parseGitConfig } from '../../runner/gitconfig.js';

export interface Submodule {
  /** The name exactly as git reads it (`[submodule "..\/x"]` is `../x`). */
  name: string;
  /** Line of the (first) `[submodule "name"]` header. */
  line: number;
  path?: { value: string; line: number };
  branch?: { value: string; line: number };
  url?: { value: string; line: number };
}

export function parseGitmodules(text: string): Submodule[] {
  const config = parseGitConfig(text);
  const byName = new Map<string, Submodule>();
  for (const section of config.sections) {
    if (section.name === 'submodule' && section.subsection !== undefined && !byName.has(section.subsection)) {
      byName.set(section.subsection, { name: section.subsection, line: section.line });
    }
  }
  for (const e of config.entries) {
    const sub = e.section.name === 'submodule' && e.section.subsection !== undefined ? byName.get(e.section.subsection) : undefined;
    if (!sub || e.value === undefined || (e.key !== 'path' && e.key !== 'branch' && e.key !== 'url')) continue;
    sub[e.key] = { value: e.value.replace(/\/+$/, ''), line: e.line };
  }
  return [...byName.values()];
}

/** A repo's name as a submodule's URL or path ends: `https://x/ThePorgs/Exegol-images.git` → `exegol-images`. */
export const tailName = (s: string): string => s.replace(/\.git$/, '').replace(/[/\\]+$/, '').split(/[/:\\]/).pop()!.toLowerCase();

/** The names a submodule may go by in a workspace: the tails of its URL, name and path. */
export const submoduleNames = (sub: Submodule): string[] => [sub.url?.value, sub.name, sub.path?.value].filter((n): n is string => !!n).map(tailName);

export function gitmodules(ctx: RepoView): Promise<Submodule[] | undefined> {
  return ctx.memo('wrapper/gitmodules', async () => {
    const text = await ctx.read('.gitmodules');
    return text === undefined ? undefined : parseGitmodules(text);
  });
}
