import type { RepoView } from '../../runner/context-api.js';
import type { GitFacts } from '../../runner/git-facts.js';
import { shellPath } from '../../runner/shell-quote.js';
import { defineRule, type RepoKind } from '../../runner/types.js';
import { revisionOf } from '../docs/_revision.js';
import { unavailableReason } from './_git.js';
import { gitmodules, submoduleNames, type Submodule } from './_gitmodules.js';

/** The kinds of repo the wrapper's submodules are. */
const SUB_REPO_KINDS: readonly RepoKind[] = ['images', 'resources'];


/**
 * Workspace repos that may hold a submodule's commit: the one whose name matches the submodule's URL,
 * name or path first, then the other repos of the sub-repo kinds (a commit id names one commit).
 */
function workspaceCandidates(sub: Submodule, repos: RepoView[]): { matched?: RepoView; ordered: RepoView[] } {
  const names = new Set(submoduleNames(sub));
  const matched = repos.find((r) => names.has(r.info.name.toLowerCase()));
  return { matched, ordered: matched ? [matched, ...repos.filter((r) => r !== matched)] : repos };
}

type MainCheck =
  | { status: 'onMain'; ref: string; behind: number }
  | { status: 'offMain'; ref: string }
  | { status: 'noClone'; reason: string }
  | { status: 'commitMissing' }
  | { status: 'shallow'; ref: string }
  | { status: 'noMain' };

/** Whether `commit` is on the sub-repo's main, in its local clone, or why that cannot be told. */
async function reachableFromMain(sub: GitFacts, commit: string): Promise<MainCheck> {
  if (!sub.available) return { status: 'noClone', reason: unavailableReason(sub) };
  if (!(await sub.hasCommit(commit))) return { status: 'commitMissing' };
  for (const ref of ['refs/remotes/origin/main', 'refs/heads/main']) {
    const tip = await sub.resolve(ref);
    if (!tip) continue;
    const onMain = await sub.isAncestor(commit, tip);
    if (onMain === undefined) return { status: 'shallow', ref };
    if (!onMain) return { status: 'offMain', ref };
    return { status: 'onMain', ref, behind: (await sub.countCommits(commit, tip)) ?? 0 };
  }
  return { status: 'noMain' };
}

export default defineRule({
  description: "On a release, each submodule's commit is on the sub-repo's main branch.",
  details:
    'Checked in a repo of the workspace that has the commit (the images or resources repo given in the same run, matched by the submodule\'s URL or name first), else in the local clone of the sub-repo (.git/modules/<name>); a commit that is on main but not its tip gets a note; without a local copy that has the commit, "cannot verify". A submodule whose name is unsafe (wrapper/gitmodules-name) is never looked up in .git/modules.',
  kinds: ['wrapper'],
  readsIfPresent: SUB_REPO_KINDS,
  modes: ['release'],
  severity: 'error',
  messages: {
    offMain: '{{path}} points at {{commit}}, which is not on {{ref}}; point it at main: "cd {{quotedPath}} && git checkout main && git pull" then commit the submodule',
    behindMain: '{{path}} is on main but {{behind}} commit(s) behind {{ref}}; update it if this release should ship them',
    noGit: 'whether the submodules are on main: {{reason}}',
    gitlinksUnreadable: 'whether the submodules are on main: their gitlinks cannot be read: {{reason}}',
    noClone: 'whether {{path}} ({{commit}}) is on main: {{reason}}',
    commitMissing: 'whether {{path}} ({{commit}}) is on main: its local clone does not have that commit (run "git submodule update --init")',
    shallowClone: 'whether {{path}} ({{commit}}) is on main: the history of {{ref}} in the local clone is incomplete (shallow clone)',
    noMain: 'whether {{path}} ({{commit}}) is on main: its local clone has neither origin/main nor main (fetch it)',
    offMainInRepo: '{{path}} ({{wrapper}}) points at {{commit}}, which is not on {{ref}} of {{repo}}; point it at main: "cd {{quotedPath}} && git checkout main && git pull" then commit the submodule',
    behindMainInRepo: '{{path}} ({{wrapper}}) is on main but {{behind}} commit(s) behind {{ref}} of {{repo}}; update it if this release should ship them',
    shallowInRepo: 'whether {{path}} ({{commit}}, {{wrapper}}) is on main: the history of {{ref}} in {{repo}} is incomplete (shallow clone)',
    noMainInRepo: 'whether {{path}} ({{commit}}, {{wrapper}}) is on main: {{repo}} has neither origin/main nor main (fetch it)',
    notInRepo: 'whether {{path}} ({{commit}}, {{wrapper}}) is on main: {{repo}} does not have that commit, nor does a local clone; fetch main in {{repo}}',
  },
  // The submodule path; the commit it points at and how far behind it is change while the problem stays.
  identity: ['path'],
  tags: ['release', 'submodules'],
  async check(ctx) {
    const subs = (await gitmodules(ctx)) ?? [];
    if (!ctx.git.available) {
      if (subs.length) ctx.cannotVerify({ path: '.gitmodules', messageId: 'noGit', data: { reason: unavailableReason(ctx.git) } });
      return;
    }
    const { links, error } = await ctx.git.listGitlinks();
    if (error) {
      if (subs.length) ctx.cannotVerify({ path: '.gitmodules', messageId: 'gitlinksUnreadable', data: { reason: error } });
      return;
    }
    const workspace = SUB_REPO_KINDS.map((k) => ctx.repoOfKind(k)).filter((r): r is RepoView => r !== undefined && r.git.available);
    for (const sub of subs) {
      const link = sub.path && links.find((l) => l.path === sub.path!.value);
      if (!link) continue;
      const where = { path: '.gitmodules', at: { line: sub.path!.line, column: 1 } };
      const data = { path: sub.path!.value, commit: link.commit.slice(0, 12) };
      const { matched, ordered } = workspaceCandidates(sub, workspace);
      let holder: RepoView | undefined;
      for (const repo of ordered) {
        if (await repo.git.hasCommit(link.commit)) {
          holder = repo;
          break;
        }
      }
      if (holder) {
        // The workspace repo decides; the messages name it and the wrapper's revision.
        const inRepo = { ...data, wrapper: revisionOf(ctx.info), repo: revisionOf(holder.info) };
        const result = await reachableFromMain(holder.git, link.commit);
        if (result.status === 'onMain' && result.behind) ctx.note({ ...where, messageId: 'behindMainInRepo', data: { ...inRepo, behind: result.behind, ref: result.ref } });
        else if (result.status === 'offMain') ctx.report({ ...where, messageId: 'offMainInRepo', data: { ...inRepo, ref: result.ref, quotedPath: shellPath(data.path) } });
        else if (result.status === 'shallow') ctx.cannotVerify({ ...where, messageId: 'shallowInRepo', data: { ...inRepo, ref: result.ref } });
        else if (result.status === 'noMain') ctx.cannotVerify({ ...where, messageId: 'noMainInRepo', data: inRepo });
        continue;
      }
      const result = await reachableFromMain(await ctx.git.submodule(sub.name), link.commit);
      if (matched && (result.status === 'noClone' || result.status === 'commitMissing')) {
        ctx.cannotVerify({ ...where, messageId: 'notInRepo', data: { ...data, wrapper: revisionOf(ctx.info), repo: revisionOf(matched.info) } });
        continue;
      }
      switch (result.status) {
        case 'onMain':
          if (result.behind) ctx.note({ ...where, messageId: 'behindMain', data: { path: data.path, behind: result.behind, ref: result.ref } });
          break;
        case 'offMain':
          ctx.report({ ...where, messageId: 'offMain', data: { ...data, ref: result.ref, quotedPath: shellPath(data.path) } });
          break;
        case 'noClone':
          ctx.cannotVerify({ ...where, messageId: 'noClone', data: { ...data, reason: result.reason } });
          break;
        case 'shallow':
          ctx.cannotVerify({ ...where, messageId: 'shallowClone', data: { ...data, ref: result.ref } });
          break;
        case 'commitMissing':
        case 'noMain':
          ctx.cannotVerify({ ...where, messageId: result.status, data });
      }
    }
  },
});
