import type { RepoView, RuleContext } from '../../runner/context-api.js';
import { defineRule } from '../../runner/types.js';
import { revisionOf } from './_revision.js';
import { siteOrCannotVerify } from './_site.js';
import { pageReferences, type Reference } from './_references.js';
import { aboutRepos, OTHER_KINDS, pageKind, repoNames, repoOfFolder, type OtherKind, type RepoNames } from './_reference-repos.js';
import { releaseSnapshot, SNAPSHOT_LIMITS, type ReleaseSnapshot } from './_release-snapshot.js';
import { branchList, imagePathUnnamed, lookupFile, lookupFolder, lookupModule, lookupPath, type Miss } from './_stale-lookup.js';

const LOOKUPS: Record<'file' | 'path' | 'module' | 'gitDir', (name: string, repo: ReleaseSnapshot) => Miss | undefined> = {
  file: lookupFile,
  path: lookupPath,
  module: lookupModule,
  gitDir: lookupFolder,
};

const MESSAGES = {
  missingFile: '"{{name}}" names no file of the {{kind}} repo: {{repo}} has no {{tried}}{{hint}}; name the file it has now, or drop the reference',
  missingPath: '"{{name}}" is no path of the {{kind}} repo: {{repo}} has no {{tried}}{{hint}}; update the path, or drop the reference',
  missingModule: '"{{name}}" names no module of the {{kind}} repo: {{repo}} has no {{tried}}{{hint}}; name the module it has now, or drop the reference',
  missingFolder: '"git -C {{name}}" names no folder of the {{kind}} repo: {{repo}} has no folder {{tried}}{{hint}}; update the folder in the command',
  missingBranch: 'branch "{{name}}" is not a branch of the {{kind}} repo: the local and remote-tracking branches are {{branches}}; name one of those',
  unnamedImagePath: '"{{name}}" is a path inside the image that nothing names any more: no text file of {{repos}} (up to 1 MB each) contains it, and it is no path of the images repo; update the path, or drop the reference',
  noRepo: '{{count}} reference(s) of {{docs}} to the {{kind}} repo cannot be checked, the first here: no {{kind}} repository in this run; give its folder too, or list it as a [repos.<name>] table with kind = "{{kind}}" in a config given with --config',
  noBranches: 'whether the branches {{docs}} names exist in the {{kind}} repo, the first here: {{repo}} is no git repository here, so its branches are not known',
  noSite: 'references of {{docs}} to the other repos: {{reason}}',
  tooLarge: 'whether {{docs}} names only what {{repo}} still has, the first here: it holds more than {{limits}}, so what is not found there is not reported',
  notReleaseBranch: 'references of {{docs}} to the {{kind}} repo are looked up in {{repo}}, not its release branch {{branch}}: {{reason}}',
} as const;

type Ctx = RuleContext<keyof typeof MESSAGES, { 'user-folders': readonly string[] }>;
type Place = { path: string; at: Reference['at'] };

/** What one run of the rule keeps: the other repos, their names, and the notes said once. */
class Run {
  readonly unchecked = new Map<OtherKind, { count: number; first: Place }>();
  readonly noBranches = new Map<OtherKind, Place>();
  readonly tooLarge = new Map<string, Place>();
  readonly looked = new Map<OtherKind, Place>();

  constructor(
    readonly ctx: Ctx,
    readonly present: ReadonlyMap<OtherKind, RepoView>,
    readonly names: RepoNames,
    readonly knownBranches: ReadonlySet<string>,
  ) {}

  snapshot(kind: OtherKind): Promise<ReleaseSnapshot> {
    return releaseSnapshot(this.present.get(kind)!);
  }

  /** The repo is not in the run: counted, said once at the end. */
  missing(kind: OtherKind, place: Place): void {
    const u = this.unchecked.get(kind);
    if (u) u.count++;
    else this.unchecked.set(kind, { count: 1, first: place });
  }

  /** The snapshots a reference was looked up in, for the note on those not read at their release branch. */
  lookedUp(kind: OtherKind, place: Place): void {
    if (!this.looked.has(kind)) this.looked.set(kind, place);
  }

  partly(repo: ReleaseSnapshot, place: Place): void {
    if (!this.tooLarge.has(repo.label)) this.tooLarge.set(repo.label, place);
  }
}

async function checkImagePath(run: Run, ref: Reference, at: Place): Promise<void> {
  const { ctx, present } = run;
  if ((ctx.options['user-folders'] ?? []).some((f) => ref.name === f || ref.name.startsWith(`${f.replace(/\/+$/, '')}/`))) return;
  if (!present.has('images')) return run.missing('images', at);
  if (await ctx.exists(ref.name.replace(/^\/+|\/+$/g, ''))) return;
  const repos = [await run.snapshot('images'), ...(present.has('wrapper') ? [await run.snapshot('wrapper')] : [])];
  run.lookedUp('images', at);
  const named = await imagePathUnnamed(ref.name, repos);
  if (named.verdict === 'unnamed') ctx.report({ ...at, messageId: 'unnamedImagePath', data: { name: ref.name, kind: 'images', repos: repos.map((r) => r.label).join(' or ') } });
  else if (named.verdict === 'unknown') run.partly(named.repo, at);
}

/**
 * A branch is stale when none of the repos it is about has it (a line naming two repos may mean
 * either), and only when some repo of the run has a branch of that name: another word is not
 * taken for one.
 */
async function checkBranch(run: Run, ref: Reference, at: Place, page: OtherKind | undefined): Promise<void> {
  if (!run.knownBranches.has(ref.name)) return;
  const folderRepo = ref.gitDir === undefined ? undefined : repoOfFolder(ref.gitDir, run.names);
  if (folderRepo === 'docs') return;
  // A branch of `git -C <folder>` or after `cd <folder>` is the folder's repo's, when the folder is a known one.
  const targets = ref.gitDir === undefined ? aboutRepos(ref, page, run.names) : folderRepo ? [folderRepo] : [];
  const checked: Array<{ kind: OtherKind; branches: ReadonlySet<string> }> = [];
  for (const kind of targets) {
    if (!run.present.has(kind)) run.missing(kind, at);
    else {
      const { branches } = await run.snapshot(kind);
      if (branches) checked.push({ kind, branches });
      else if (!run.noBranches.has(kind)) run.noBranches.set(kind, at);
    }
  }
  if (!checked.length || checked.some((c) => c.branches.has(ref.name))) return;
  const branches = checked.map(({ kind, branches: b }) => {
    const { info, policy } = run.present.get(kind)!;
    return `${branchList(b, [...policy.releaseBranches, ...policy.devBranches])} (${info.name})`;
  });
  run.ctx.report({ ...at, messageId: 'missingBranch', data: { name: ref.name, kind: checked.map((c) => c.kind).join(' or '), branches: branches.join('; ') } });
}

/** A file, path, module or `git -C` folder: stale when none of the repos it is about has it. */
async function checkNamed(run: Run, ref: Reference & { kind: keyof typeof LOOKUPS }, at: Place, page: OtherKind | undefined): Promise<void> {
  const kinds = aboutRepos(ref, page, run.names);
  kinds.filter((k) => !run.present.has(k)).forEach((k) => run.missing(k, at));
  const misses: Array<{ kind: OtherKind; repo: ReleaseSnapshot; miss?: Miss }> = [];
  for (const kind of kinds.filter((k) => run.present.has(k))) {
    const repo = await run.snapshot(kind);
    run.lookedUp(kind, at);
    misses.push({ kind, repo, miss: LOOKUPS[ref.kind](ref.name, repo) });
  }
  const [first] = misses;
  if (!first?.miss || misses.some((m) => !m.miss)) return;
  const partial = misses.find((m) => !m.repo.complete);
  if (partial) return run.partly(partial.repo, at);
  const data = { name: ref.name, kind: misses.map((m) => m.kind).join(' or '), repo: misses.map((m) => m.repo.label).join(' or '), tried: first.miss.tried, hint: first.miss.hint };
  run.ctx.report({ ...at, messageId: first.miss.messageId, data });
}

/** The notes said once per run: repos not in it, without git, too large, not read at their release branch. */
async function sayNotes(run: Run, docs: string): Promise<void> {
  const { ctx, present } = run;
  for (const [kind, { count, first }] of run.unchecked) ctx.cannotVerify({ ...first, messageId: 'noRepo', data: { count, docs, kind } });
  for (const [kind, first] of run.noBranches) ctx.cannotVerify({ ...first, messageId: 'noBranches', data: { docs, kind, repo: revisionOf(present.get(kind)!.info) } });
  for (const [repo, first] of run.tooLarge) ctx.cannotVerify({ ...first, messageId: 'tooLarge', data: { docs, repo, limits: SNAPSHOT_LIMITS } });
  for (const [kind, first] of run.looked) {
    const { label, fallback } = await run.snapshot(kind);
    if (fallback) ctx.note({ ...first, messageId: 'notReleaseBranch', data: { docs, kind, repo: label, branch: fallback.branch, reason: fallback.reason } });
  }
}

export default defineRule({
  description: 'Docs pages name no file, path, module, folder, branch or image path that the repo they talk about no longer has on its release branch.',
  details:
    'Read from the pages\' code spans and shell blocks (and, for Python module paths and branches, their prose), outside HTML comments: file names and repo paths (`setup.py`, `tests/...`), Python module paths (`exegol.config.ConstantConfig`), the folder of `git -C <folder>`, branches named in instructions (`git checkout dev`, "the `dev` branch", "latest master"; only names that are a branch of some repo of the run), and paths inside the image (`/.exegol/...`). The repo a reference is about is the one its line names (the wrapper as "the wrapper", the others by name or by the wrapper\'s submodule path), else the one its nearest heading names ("Images Release Process"), else the page\'s place (`contribute/images.md`, `wrapper/...`); a reference about no known repo, or on a line naming the docs repo, is not checked. Each repo is read at the tip of its release branch (remote-tracking, else local), else at the revision the run checks (a note says so). A path inside the image is stale when its folder is one the images repo or the wrapper names but no file of theirs names the path. Off by default: its precision is measured on the real docs, not proven by construction.',
  kinds: ['docs'],
  readsIfPresent: OTHER_KINDS,
  enabledByDefault: false,
  severity: 'warning',
  precision: 'medium',
  messages: MESSAGES,
  options: {
    'user-folders': {
      type: 'string[]',
      default: ['/workspace', '/opt/my-resources'],
      description: 'Folders inside the image where users keep their own files (shared with the host): paths under them are not looked up.',
    },
  },
  identity: ['name', 'kind'],
  parsers: ['typescript'],
  tags: ['cross-repo', 'stale-reference'],
  async check(ctx) {
    const docs = revisionOf(ctx.info);
    const site = await siteOrCannotVerify(ctx, { docs });
    if (!site) return;
    const present = new Map<OtherKind, RepoView>();
    for (const kind of OTHER_KINDS) {
      const repo = ctx.repoOfKind(kind);
      if (repo) present.set(kind, repo);
    }
    // The docs' own branches (dev-wrapper...) are not names the other repos are expected to have.
    const knownBranches = new Set<string>();
    for (const repo of present.values()) for (const b of repo.git.available ? repo.git.branchNames() : []) knownBranches.add(b);
    const run = new Run(ctx, present, await repoNames(present, ctx.info.name), knownBranches);
    for (const page of site.pages) {
      const raw = await ctx.read(page);
      if (raw === undefined) continue;
      const place = pageKind(site.srcDir === '' ? page : page.slice(site.srcDir.length + 1));
      for (const ref of pageReferences(raw)) {
        const at: Place = { path: page, at: ref.at };
        if (ref.kind === 'imagePath') await checkImagePath(run, ref, at);
        else if (ref.kind === 'branch') await checkBranch(run, ref, at, place);
        else await checkNamed(run, ref as Reference & { kind: keyof typeof LOOKUPS }, at, place);
      }
    }
    await sayNotes(run, docs);
  },
});
