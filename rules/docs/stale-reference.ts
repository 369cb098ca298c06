import type { RepoView } from '../../runner/context-api.js';
import { defineRule } from '../../runner/types.js';
import { revisionOf } from './_revision.js';
import { docsSite } from './_site.js';
import { pageReferences, type Reference } from './_references.js';
import { aboutRepos, OTHER_KINDS, pageKind, repoNames, repoOfFolder, type OtherKind, type RepoNames } from './_reference-repos.js';
import { releaseSnapshot, SNAPSHOT_LIMITS, type ReleaseSnapshot } from './_release-snapshot.js';
import { branchList, imagePathUnnamed, lookupFile, lookupFolder, lookupModule, lookupPath, type Miss } from './_stale-lookup.js';

const LOOKUPS: Partial<Record<Reference['kind'], (name: string, repo: ReleaseSnapshot) => Miss | undefined>> = {
  file: lookupFile,
  path: lookupPath,
  module: lookupModule,
  gitDir: lookupFolder,
};

type Place = { path: string; at: Reference['at'] };

export default defineRule({
  description: 'Docs pages name no file, path, module, folder, branch or image path that the repo they talk about no longer has on its release branch.',
  details:
    'Read from the pages\' code spans and blocks (and, for Python module paths and branches, their prose), outside HTML comments: file names and repo paths (`setup.py`, `tests/...`), Python module paths (`exegol.config.ConstantConfig`), the folder of `git -C <folder>`, branches named in instructions (`git checkout dev`, "the `dev` branch", "latest master"; only names that are a branch of some repo of the run), and paths inside the image (`/.exegol/...`). The repo a reference is about is the one its line names (by its name in the run or a wrapper submodule\'s path), else the one its nearest heading names ("Images Release Process"), else the page\'s place (`contribute/images.md`, `wrapper/...`); a reference about no known repo is not checked. Each repo is read at the tip of its release branch (local, else remote-tracking), else at the revision the run checks. A path inside the image is stale when its folder is one the images repo or the wrapper names but no file of theirs names the path. Off by default: its precision is measured on the real docs, not proven by construction.',
  kinds: ['docs'],
  readsIfPresent: OTHER_KINDS,
  enabledByDefault: false,
  severity: 'warning',
  precision: 'medium',
  messages: {
    missingFile: '"{{name}}" names no file of the {{kind}} repo: {{repo}} has no {{tried}}{{hint}}; name the file it has now, or drop the reference',
    missingPath: '"{{name}}" is no path of the {{kind}} repo: {{repo}} has no {{tried}}{{hint}}; update the path, or drop the reference',
    missingModule: '"{{name}}" names no module of the {{kind}} repo: {{repo}} has no {{tried}}{{hint}}; name the module it has now, or drop the reference',
    missingFolder: '"git -C {{name}}" names no folder of the {{kind}} repo: {{repo}} has no folder {{tried}}{{hint}}; update the folder in the command',
    missingBranch: 'branch "{{name}}" is not a branch of the {{kind}} repo: {{repo}} has {{branches}}; name one of those',
    unnamedImagePath: '"{{name}}" is a path inside the image that nothing names any more: no file of {{repos}} contains it, and it is no path of the images repo; update the path, or drop the reference',
    noRepo: '{{count}} reference(s) of {{docs}} to the {{kind}} repo cannot be checked, the first here: no {{kind}} repository in this run; give its folder too, or list it as a [repos.<name>] table with kind = "{{kind}}" in a config given with --config',
    noBranches: 'whether the branches {{docs}} names exist in the {{kind}} repo, the first here: {{repo}} is no git repository here, so its branches are not known',
    noSite: 'references of {{docs}} to the other repos: {{reason}}',
    tooLarge: 'whether {{docs}} names only what {{repo}} still has, the first here: it holds more than {{limits}}, so what is not found there is not reported',
  },
  identity: ['name', 'kind'],
  parsers: ['typescript'],
  tags: ['cross-repo', 'stale-reference'],
  async check(ctx) {
    const docs = revisionOf(ctx.info);
    const site = await docsSite(ctx);
    if ('unknown' in site) return ctx.cannotVerify({ path: site.unknown.path, at: site.unknown.at, messageId: 'noSite', data: { docs, reason: site.unknown.reason } });
    const present = new Map<OtherKind, RepoView>();
    for (const kind of OTHER_KINDS) {
      const repo = ctx.repoOfKind(kind);
      if (repo) present.set(kind, repo);
    }
    const names = await repoNames(present, ctx.info.name);
    const snapshot = (kind: OtherKind) => releaseSnapshot(present.get(kind)!);
    const knownBranches = new Set(ctx.git.branchNames());
    for (const kind of present.keys()) for (const b of (await snapshot(kind)).branches ?? []) knownBranches.add(b);

    const unchecked = new Map<OtherKind, { count: number; first: Place }>();
    const noBranches = new Map<OtherKind, Place>();
    const tooLarge = new Map<string, Place>();
    const partly = (repo: ReleaseSnapshot, place: Place) => tooLarge.has(repo.label) || tooLarge.set(repo.label, place);
    const missing = (kind: OtherKind, place: Place) => {
      const u = unchecked.get(kind);
      if (u) u.count++;
      else unchecked.set(kind, { count: 1, first: place });
    };

    for (const page of site.site.pages) {
      const raw = await ctx.read(page);
      if (raw === undefined) continue;
      const rel = site.site.srcDir === '' ? page : page.slice(site.site.srcDir.length + 1);
      const place = pageKind(rel);
      for (const ref of pageReferences(raw)) {
        const at: Place = { path: page, at: ref.at };
        if (ref.kind === 'imagePath') {
          if (!present.has('images')) missing('images', at);
          else if (!(await ctx.exists(ref.name.replace(/^\/+|\/+$/g, '')))) {
            const repos = [await snapshot('images'), ...(present.has('wrapper') ? [await snapshot('wrapper')] : [])];
            const named = await imagePathUnnamed(ref.name, repos);
            if (named === 'unnamed') ctx.report({ ...at, messageId: 'unnamedImagePath', data: { name: ref.name, kind: 'images', repos: repos.map((r) => r.label).join(' or ') } });
            else if (named === 'unknown') partly(repos[0], at);
          }
          continue;
        }
        if (ref.kind === 'branch') {
          if (!knownBranches.has(ref.name)) continue;
          const folderRepo = ref.gitDir === undefined ? undefined : repoOfFolder(ref.gitDir, names);
          const targets = ref.gitDir === undefined ? aboutRepos(ref, place, names) : folderRepo ? [folderRepo] : [];
          for (const kind of targets) {
            if (!present.has(kind)) missing(kind, at);
            else await checkBranch(ref, kind, await snapshot(kind), at);
          }
          continue;
        }
        const kinds = aboutRepos(ref, place, names);
        kinds.filter((k) => !present.has(k)).forEach((k) => missing(k, at));
        const checked = kinds.filter((k) => present.has(k));
        if (!checked.length) continue;
        const misses: Array<{ kind: OtherKind; repo: ReleaseSnapshot; miss: Miss | undefined }> = [];
        for (const kind of checked) misses.push({ kind, repo: await snapshot(kind), miss: LOOKUPS[ref.kind]!(ref.name, await snapshot(kind)) });
        const first = misses[0];
        if (misses.every((m) => m.miss) && misses.some((m) => !m.repo.complete)) partly(misses.find((m) => !m.repo.complete)!.repo, at);
        else if (misses.every((m) => m.miss) && first.miss) {
          const data = { name: ref.name, kind: misses.map((m) => m.kind).join(' or '), repo: misses.map((m) => m.repo.label).join(' or '), tried: first.miss.tried, hint: first.miss.hint };
          ctx.report({ ...at, messageId: first.miss.messageId, data });
        }
      }
    }
    for (const [kind, { count, first }] of unchecked) ctx.cannotVerify({ ...first, messageId: 'noRepo', data: { count, docs, kind } });
    for (const [repo, first] of tooLarge) ctx.cannotVerify({ ...first, messageId: 'tooLarge', data: { docs, repo, limits: SNAPSHOT_LIMITS } });
    for (const [kind, first] of noBranches) ctx.cannotVerify({ ...first, messageId: 'noBranches', data: { docs, kind, repo: revisionOf(present.get(kind)!.info) } });

    async function checkBranch(ref: Reference, kind: OtherKind, repo: ReleaseSnapshot, at: Place) {
      if (!repo.branches) {
        if (!noBranches.has(kind)) noBranches.set(kind, at);
        return;
      }
      if (repo.branches.has(ref.name)) return;
      const policy = present.get(kind)!.policy;
      const branches = branchList(repo.branches, [...policy.releaseBranches, ...policy.devBranches]);
      ctx.report({ ...at, messageId: 'missingBranch', data: { name: ref.name, kind, repo: present.get(kind)!.info.name, branches } });
    }
  },
});
