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

const HEADER_NAME = '"# Pinned GitHub Actions" header';

export default defineRule({
  description: 'Where a `# Pinned GitHub Actions` header lists `owner/repo VERSION @ SHA`, it and the `uses:` lines agree both ways.',
  details: 'The header is what reviewers read to know which versions run. When a SHA is bumped in `uses:` and not in the header (or the other way round), the header lies.',
  kinds: ['wrapper', 'images', 'docs', 'resources'],
  severity: 'error',
  messages: {
    notListed: `{{action}} is not listed under the ${HEADER_NAME}; add "#   {{action}} <version> @ {{sha}}"`,
    notListedUnpinned: `{{action}} is not listed under the ${HEADER_NAME}; add "#   {{action}} <version> @ <sha>"`,
    otherCommit: '{{action}} is used at {{ref}} but the header lists it @ {{listed}}; make them the same commit',
    otherCommitNoRef: '{{action}} is used at (no ref) but the header lists it @ {{listed}}; make them the same commit',
    otherVersion: '{{action}} is commented "# {{comment}}" here but the header says {{version}} for the same commit; make the versions agree',
    unused: 'the header lists {{action}} {{version}}, but no step of this workflow uses it; remove the line',
  },
  identity: ['action'],
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
        const { action } = u;
        // A header line names the action (`owner/repo/path`) or its repository (`owner/repo`).
        const exact = header.entries.filter((e) => e.repo === action);
        const listed = exact.length > 0 ? exact : header.entries.filter((e) => e.repo === u.repo);
        if (listed.length === 0) {
          const headerLine = header.line;
          const related = [{ path, at: { line: headerLine, column: 1 }, label: 'the pin header' }];
          if (FULL_SHA.test(u.ref)) ctx.report({ path, at: u.at, messageId: 'notListed', data: { action, headerLine, sha: u.ref }, related });
          else ctx.report({ path, at: u.at, messageId: 'notListedUnpinned', data: { action, headerLine }, related });
          continue;
        }
        const entries = (list: Entry[]) => list.map((e) => ({ path, at: { line: e.line, column: 1 }, label: 'the header entry' }));
        const match = listed.find((e) => e.sha === u.ref.toLowerCase());
        if (!match) {
          const data = { action, listed: listed.map((e) => e.sha).join(', '), entryLine: listed[0].line };
          if (u.ref) ctx.report({ path, at: u.at, messageId: 'otherCommit', data: { ...data, ref: u.ref }, related: entries(listed) });
          else ctx.report({ path, at: u.at, messageId: 'otherCommitNoRef', data, related: entries(listed) });
        } else if (u.comment && u.comment !== match.version) {
          ctx.report({ path, at: u.at, messageId: 'otherVersion', data: { action, comment: u.comment, version: match.version, entryLine: match.line }, related: entries([match]) });
        }
      }
      for (const e of header.entries) {
        if (uses.some((u) => u.action === e.repo || u.repo === e.repo)) continue;
        ctx.report({ path, at: { line: e.line, column: 1 }, messageId: 'unused', data: { action: e.repo, version: e.version } });
      }
    }
  },
});
