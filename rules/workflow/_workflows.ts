// `uses:` references of the GitHub workflows, with positions and trailing comments.
import type { RepoView } from '../../runner/context-api.js';
import type { Span } from '../../runner/types.js';

export const WORKFLOWS_DIR = '.github/workflows';
export const FULL_SHA = /^[0-9a-f]{40}$/;

export interface Uses {
  path: string;
  /** As written, e.g. `actions/checkout@v4`. */
  value: string;
  /** The action path before `@`, e.g. `github/codeql-action/upload-sarif`. */
  action: string;
  /** `owner/repo` (the first two segments of the action path). */
  repo: string;
  /** Text after `@` (empty when missing). */
  ref: string;
  at: Span;
  /** The trailing `# comment` on the same line, without `#`. */
  comment?: string;
}

/** `.github/workflows/*.yml` and `*.yaml`, sorted (a listing of one folder, not a walk of the repo). */
export function workflowFiles(ctx: RepoView): Promise<string[]> {
  return ctx.memo('workflow:files', async () =>
    (await ctx.list(WORKFLOWS_DIR))
      .filter((e) => e.type === 'file' && /\.ya?ml$/.test(e.path))
      .map((e) => e.path)
      .sort(),
  );
}

/** Remote `uses:` of a workflow file (local `./...` and `docker://` images are left out). */
export async function remoteUses(ctx: RepoView, path: string): Promise<Uses[]> {
  return ctx.memo(`workflow:uses:${path}`, async () => {
    const text = await ctx.read(path);
    if (text === undefined || !text.includes('uses')) return [];
    const yaml = await ctx.yaml(path);
    if (!yaml) return [];
    const lines = text.split('\n');
    const out: Uses[] = [];
    for (const p of yaml.pairs('uses')) {
      if (typeof p.value !== 'string') continue;
      const value = p.value.trim();
      if (value.startsWith('./') || value.startsWith('docker://')) continue;
      const at = value.indexOf('@');
      const action = at === -1 ? value : value.slice(0, at);
      const comment = /\s#\s?(.*)$/.exec(lines[p.valueAt.line - 1] ?? '')?.[1]?.trim();
      out.push({ path, value, action, repo: action.split('/').slice(0, 2).join('/'), ref: at === -1 ? '' : value.slice(at + 1), at: p.valueAt, comment });
    }
    return out;
  });
}
