// The docs compared with the wrapper: both revisions as messages name them, the wrapper's command
// line (work tree or checked commit, and a release's), the docs' CLI pages, and why a comparison
// cannot be made ("cannot verify", never a silent pass).
import type { RepoView, RuleContext } from '../../runner/context-api.js';
import type { Span } from '../../runner/types.js';
import { revisionOf } from './_revision.js';
import { docsCli, type DocsCli } from './_cli-pages.js';
import { docsSite } from './_site.js';
import { ACTIONS_FOLDER, readWrapperCli, type WrapperCli } from './_wrapper-cli.js';

export { revisionOf };

/** The messages every docs-versus-wrapper rule may give when it cannot compare. */
export const CLI_UNVERIFIED = {
  noSite: 'the pages of {{docs}} cannot be compared with the wrapper ({{wrapper}}): {{reason}}',
  noCli: 'the wrapper ({{wrapper}}) defines no action in {{folder}} (a class with Command among its bases): nothing to compare {{docs}} with',
  cliUnreadable: 'the command line of the wrapper ({{wrapper}}) may be incomplete: {{files}}',
} as const;

type Unverified = { path: string; at?: Span; messageId: keyof typeof CLI_UNVERIFIED; data: Record<string, string> };

export interface CliComparison {
  wrapper: RepoView;
  cli: WrapperCli;
  docs: DocsCli;
  /** `docs` and `wrapper` revisions, for every message's data. */
  revisions: { docs: string; wrapper: string };
  /** Said once per rule: files of the actions folder that could not be read. */
  notes: Unverified[];
}

/** The wrapper's command line at the revision the run checks (work tree or `--rev`). */
export function checkedCli(wrapper: RepoView): Promise<WrapperCli | undefined> {
  return wrapper.memo('docs/wrapper-cli', () => readWrapperCli(wrapper));
}

/** The wrapper's command line at another commit, read through git. */
export function cliAtCommit(wrapper: RepoView, commit: string): Promise<WrapperCli | undefined> {
  return wrapper.memo(`docs/wrapper-cli@${commit}`, () => readWrapperCli(wrapper.atCommit(commit)));
}

/** The docs (the checked repo) and the wrapper side by side, or why they cannot be. */
export async function compareCli(docs: RepoView, wrapper: RepoView): Promise<CliComparison | { unverified: Unverified }> {
  const revisions = { docs: revisionOf(docs.info), wrapper: revisionOf(wrapper.info) };
  const site = await docsSite(docs);
  if ('unknown' in site) return { unverified: { path: site.unknown.path, at: site.unknown.at, messageId: 'noSite', data: { ...revisions, reason: site.unknown.reason } } };
  const cli = await checkedCli(wrapper);
  const pages = await docsCli(docs, site.site);
  if (!cli || cli.actions.length === 0) return { unverified: { path: '.', messageId: 'noCli', data: { ...revisions, folder: ACTIONS_FOLDER } } };
  const notes: Unverified[] = cli.unreadable.length ? [{ path: '.', messageId: 'cliUnreadable', data: { ...revisions, files: cli.unreadable.join(', ') } }] : [];
  return { wrapper, cli, docs: pages, revisions, notes };
}

/** The comparison a rule works on, or undefined once it has said why none can be made; the notes are said too. */
export async function cliComparison(ctx: RuleContext<keyof typeof CLI_UNVERIFIED, unknown>): Promise<CliComparison | undefined> {
  const cmp = await compareCli(ctx, ctx.repoOfKind('wrapper')!);
  if ('unverified' in cmp) {
    ctx.cannotVerify(cmp.unverified);
    return undefined;
  }
  for (const note of cmp.notes) ctx.cannotVerify(note);
  return cmp;
}
