import { defineRule } from '../../runner/types.js';
import { FULL_SHA, remoteUses, workflowFiles } from './_workflows.js';

const HEADER = /^\s*#\s*Pinned GitHub Actions\b/i;
const ENTRY = /^\s*#\s*[-*]?\s*([A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+)\s+(\S+)\s*@\s*([0-9a-fA-F]{40})\b/;

interface Entry {
  repo: string;
  version: string;
  sha: string;
  line: number;
}

/** The `# Pinned GitHub Actions` comment block: its line and `owner/repo VERSION @ SHA` entries. */
function pinHeader(text: string): { line: number; entries: Entry[] } | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => HEADER.test(l));
  if (start === -1) return undefined;
  const entries: Entry[] = [];
  for (let i = start + 1; i < lines.length && /^\s*#/.test(lines[i]); i++) {
    const m = ENTRY.exec(lines[i]);
    if (m) entries.push({ repo: m[1], version: m[2], sha: m[3].toLowerCase(), line: i + 1 });
  }
  return { line: start + 1, entries };
}

export default defineRule({
  id: 'workflow/pin-header-consistent',
  description: 'Where a `# Pinned GitHub Actions` header lists `owner/repo VERSION @ SHA`, it and the `uses:` lines agree both ways.',
  details: 'The header is what reviewers read to know which versions run. When a SHA is bumped in `uses:` and not in the header (or the other way round), the header lies.',
  kinds: ['wrapper', 'images', 'docs', 'resources'],
  modes: ['release', 'dev'],
  severity: 'error',
  docs: 'docs/rules/workflow/pin-header-consistent.md',
  parsers: ['yaml'],
  tags: ['security', 'ci'],
  precision: 'very-high',
  async check(ctx) {
    for (const path of await workflowFiles(ctx)) {
      const text = await ctx.read(path);
      const header = text === undefined ? undefined : pinHeader(text);
      if (!header) continue;
      const uses = await remoteUses(ctx, path);
      for (const u of uses) {
        // A header line names the action (`owner/repo/path`) or its repository (`owner/repo`).
        const exact = header.entries.filter((e) => e.repo === u.action);
        const listed = exact.length > 0 ? exact : header.entries.filter((e) => e.repo === u.repo);
        if (listed.length === 0) {
          ctx.report({ path, at: u.at, message: `${u.action} is not listed under the "# Pinned GitHub Actions" header (line ${header.line}); add "#   ${u.action} <version> @ ${FULL_SHA.test(u.ref) ? u.ref : '<sha>'}"` });
          continue;
        }
        const match = listed.find((e) => e.sha === u.ref.toLowerCase());
        if (!match) {
          ctx.report({ path, at: u.at, message: `${u.action} is used at ${u.ref || '(no ref)'} but the header lists it @ ${listed.map((e) => e.sha).join(', ')} (line ${listed[0].line}); make them the same commit` });
        } else if (u.comment && u.comment !== match.version) {
          ctx.report({ path, at: u.at, message: `${u.action} is commented "# ${u.comment}" here but the header says ${match.version} (line ${match.line}) for the same commit; make the versions agree` });
        }
      }
      for (const e of header.entries) {
        if (uses.some((u) => u.action === e.repo || u.repo === e.repo)) continue;
        ctx.report({ path, at: { line: e.line, column: 1 }, message: `the header lists ${e.repo} ${e.version}, but no step of this workflow uses it; remove the line` });
      }
    }
  },
});
