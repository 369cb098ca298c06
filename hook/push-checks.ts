// The checks run on each pushed ref. Git only: no parser is loaded unless a release tag is
// pushed (then the release rules run on the tag's commit, read through git, not the work tree).
import type { GitFacts } from '../runner/git-facts.js';
import { gitFailure } from '../runner/git.js';
import { isValidRemoteName, isValidRefName } from '../runner/ref-names.js';
import { shellQuote, singleQuote } from '../runner/shell-quote.js';
import type { RepoKind, ReportInput, Severity } from '../runner/types.js';
import type { PushUpdate } from './protocol.js';

export interface HookFinding {
  checkId: string;
  /** Undefined: the check's configured severity. */
  severity?: Severity;
  input: ReportInput;
}

export interface PushContext {
  /** The repo's refs and objects; git runs only on porgs-lint's own git folder. */
  git: GitFacts;
  root: string;
  remote: string;
  kind: RepoKind;
  releaseBranch: string;
  /** Tags that are releases (the release rules run on their commit). */
  releaseTag: RegExp;
  verifySignatures: boolean;
  severityOf(checkId: string): Severity | 'off';
  /** Runs the release rules on a commit; returns their error findings. */
  releaseRules(commit: string, tag: string): Promise<HookFinding[]>;
}

const PROTECTED = new Set(['master', 'main', 'dev']);
const RELEASE_LIKE = /^v?\d/;
const TAG_PATTERN: Record<RepoKind, RegExp> = {
  wrapper: /^\d+\.\d+\.\d+$/,
  images: /^\d+\.\d+\.\d+(b\d+)?$/,
  docs: /^\d+\.\d+\.\d+$/,
  resources: /^\d+\.\d+\.\d+$/,
};
const SIGNATURE = /-----BEGIN (PGP SIGNATURE|SSH SIGNATURE|SIGNED MESSAGE)-----/;

const isAncestor = (ctx: PushContext, a: string, b: string) => ctx.git.isAncestor(a, b);

/** Every commit in the history of `tip` (what a shallow clone has of it), or git's reason. */
async function history(ctx: PushContext, tip: string): Promise<Set<string> | string> {
  const res = await ctx.git.run(['rev-list', '--end-of-options', tip]);
  return res.code === 0 ? new Set(res.stdout.split('\n').filter(Boolean)) : gitFailure(res);
}

/** The release branch as the remote has it, else the local one. */
async function releaseTip(ctx: PushContext): Promise<{ ref: string; oid: string } | undefined> {
  const candidates = [...(isValidRemoteName(ctx.remote) ? [`refs/remotes/${ctx.remote}/${ctx.releaseBranch}`] : []), `refs/heads/${ctx.releaseBranch}`];
  for (const ref of candidates.filter(isValidRefName)) {
    const oid = await ctx.git.resolve(ref);
    if (oid) return { ref: ref.replace(/^refs\/(remotes|heads)\//, ''), oid };
  }
  return undefined;
}

export async function checkUpdate(ctx: PushContext, u: PushUpdate): Promise<HookFinding[]> {
  const out: HookFinding[] = [];
  const at = (message: string, extra: Partial<ReportInput> = {}): ReportInput => ({ path: u.remoteRef, message, key: `${u.remoteRef} ${message}`, ...extra });
  const branch = u.remoteRef.startsWith('refs/heads/') ? u.remoteRef.slice('refs/heads/'.length) : undefined;
  const tag = u.remoteRef.startsWith('refs/tags/') ? u.remoteRef.slice('refs/tags/'.length) : undefined;

  if (u.deletion) {
    if (branch && PROTECTED.has(branch)) {
      out.push({ checkId: 'hook/protected-branch-delete', input: at(`deleting ${branch} on ${ctx.remote} is blocked; it is a protected branch of the release process`) });
    }
    return out;
  }
  if (tag !== undefined && RELEASE_LIKE.test(tag)) out.push(...(await checkTag(ctx, u, tag, at)));
  if (branch === 'dev') out.push(...(await checkDev(ctx, u, at)));
  return out;
}

async function checkTag(ctx: PushContext, u: PushUpdate, tag: string, at: (m: string) => ReportInput): Promise<HookFinding[]> {
  const out: HookFinding[] = [];
  const pattern = TAG_PATTERN[ctx.kind];
  if (!pattern.test(tag)) {
    const fixed = tag.replace(/^v/, '');
    const rename = `git tag ${shellQuote(fixed)} ${shellQuote(`${tag}^{}`)} && git tag -d ${shellQuote(tag)}`;
    out.push({
      checkId: 'hook/tag-format',
      input: at(`tag ${tag} does not match ${ctx.kind === 'images' ? 'X.Y.Z or X.Y.ZbN' : 'X.Y.Z'}: the release workflow would silently skip it${pattern.test(fixed) ? `; rename it: ${rename}` : ''}`),
    });
  }
  if (!u.creation && u.remoteOid !== u.localOid) {
    out.push({
      checkId: 'hook/tag-not-moved',
      input: at(`tag ${tag} already exists on ${ctx.remote} (${u.remoteOid.slice(0, 12)}); a published release tag is never moved: make a new release instead`),
    });
  }
  const commit = await ctx.git.resolve(u.localOid);
  const object = await ctx.git.object(u.localOid);
  const recreate = `git tag -s -f ${shellQuote(tag)} -m ${singleQuote(tag)} ${commit?.slice(0, 12) ?? shellQuote(tag)}`;
  if (!object) {
    out.push({ checkId: 'hook/tag-signed', input: at(`cannot verify: tag ${tag}: its object ${u.localOid.slice(0, 12)} cannot be read here`) });
  } else if (object.type !== 'tag') {
    out.push({ checkId: 'hook/tag-signed', input: at(`tag ${tag} is a lightweight tag; release tags are signed and annotated: ${recreate}`) });
  } else {
    if (!SIGNATURE.test(object.content.toString('utf8'))) {
      out.push({ checkId: 'hook/tag-signed', input: at(`tag ${tag} is annotated but not signed; recreate it signed: ${recreate}`) });
    } else if (ctx.verifySignatures) {
      // Keys, allowed signers and gpg programs come from the user's own git config or command
      // line only: git runs on porgs-lint's git folder and never reads the repo's config.
      const v = await ctx.git.run(['verify-tag', '--end-of-options', u.localOid]);
      if (v.failure) {
        out.push({ checkId: 'hook/tag-signed', severity: 'note', input: at(`tag ${tag} is signed; cannot verify here: ${v.failure}`) });
      } else if (v.code !== 0) {
        // Nothing to verify against here (no allowed-signers file, no public key) vs. a signer that is not trusted.
        const noKeys = /allowedSignersFile|Unable to open allowed keys file|no public key|cannot run gpg|keybox/i.test(v.stderr);
        out.push(
          noKeys
            ? { checkId: 'hook/tag-signed', severity: 'note', input: at(`tag ${tag} is signed; cannot verify here: no key or allowed-signers file is configured for its signature`) }
            : { checkId: 'hook/tag-signed', input: at(`tag ${tag} is signed but its signature does not verify: ${v.stderr.trim().split('\n').pop()}; sign with a key the repository trusts`) },
        );
      }
    }
  }
  if (!commit) return out;
  const tip = await releaseTip(ctx);
  if (!tip) {
    out.push({ checkId: 'hook/tag-on-release-branch', severity: 'note', input: at(`cannot verify: no ${ctx.releaseBranch} branch here to check that ${tag} is on it (git fetch ${shellQuote(ctx.remote)})`) });
  } else if ((await isAncestor(ctx, commit, tip.oid)) === undefined) {
    out.push({ checkId: 'hook/tag-on-release-branch', severity: 'note', input: at(`cannot verify: whether ${tag} is on ${tip.ref}: the history here is incomplete (shallow clone; git fetch --unshallow)`) });
  } else if ((await isAncestor(ctx, commit, tip.oid)) === false) {
    out.push({
      checkId: 'hook/tag-on-release-branch',
      input: at(`tag ${tag} points at ${commit.slice(0, 12)}, which is not on ${tip.ref}; tag the merge commit on ${ctx.releaseBranch} after the release PR is merged`),
    });
  }
  if (ctx.releaseTag.test(tag) && ctx.severityOf('hook/tag-release-rules') !== 'off') out.push(...(await ctx.releaseRules(commit, tag)));
  return out;
}

async function checkDev(ctx: PushContext, u: PushUpdate, at: (m: string) => ReportInput): Promise<HookFinding[]> {
  const out: HookFinding[] = [];
  // The range pushed: what the remote does not have yet (exclusions go before --end-of-options).
  let range: string[] = [...(isValidRemoteName(ctx.remote) ? ['--not', `--remotes=${ctx.remote}`, '--not'] : []), '--end-of-options', u.localOid];
  if (!u.creation) {
    if (!(await ctx.git.hasCommit(u.remoteOid))) {
      out.push({
        checkId: 'hook/dev-fast-forward',
        input: at(`cannot verify: fetch first: the remote dev (${u.remoteOid.slice(0, 12)}) is not in this repository, so whether this push is a fast-forward is unknown (git fetch ${shellQuote(ctx.remote)})`),
      });
    } else {
      range = ['--end-of-options', u.localOid, `^${u.remoteOid}`];
      const ff = await isAncestor(ctx, u.remoteOid, u.localOid);
      if (ff === undefined) {
        out.push({ checkId: 'hook/dev-fast-forward', input: at(`cannot verify: the history here is incomplete (shallow clone), so whether this push is a fast-forward of ${ctx.remote}/dev is unknown (git fetch --unshallow ${shellQuote(ctx.remote)})`) });
      } else if (!ff) {
        out.push({
          checkId: 'hook/dev-fast-forward',
          input: at(`push to dev is not a fast-forward of ${ctx.remote}/dev (${u.remoteOid.slice(0, 12)}); rebase or merge ${ctx.remote}/dev first, never force-push dev`),
        });
      }
    }
  }
  const tip = await releaseTip(ctx);
  if (tip) {
    const contains = await isAncestor(ctx, tip.oid, u.localOid);
    if (contains === undefined) {
      out.push({ checkId: 'hook/dev-contains-release', severity: 'note', input: at(`cannot verify: whether dev contains ${tip.ref}: the history here is incomplete (shallow clone; git fetch --unshallow)`) });
    } else if (!contains) {
      out.push({
        checkId: 'hook/dev-contains-release',
        input: at(`dev does not contain ${tip.ref} (${tip.oid.slice(0, 12)}); after a release run: git checkout dev && git merge ${shellQuote(ctx.releaseBranch)} --ff-only`),
      });
    }
    const res = await ctx.git.run(['rev-list', '--merges', '--parents', ...range]);
    if (res.code !== 0) {
      out.push({ checkId: 'hook/dev-no-release-merge-commit', input: at(`cannot verify: the merge commits of this push cannot be listed: ${gitFailure(res)}`) });
      return out;
    }
    const merges = res.stdout.split('\n').filter(Boolean);
    // One listing of the release branch's history, not one git call per merge parent.
    const released = merges.length ? await history(ctx, tip.oid) : new Set<string>();
    if (typeof released === 'string') {
      out.push({ checkId: 'hook/dev-no-release-merge-commit', input: at(`cannot verify: the history of ${tip.ref} cannot be listed: ${released}`) });
      return out;
    }
    for (const line of merges) {
      const [merge, , ...others] = line.split(' ');
      for (const parent of others) {
        if (released.has(parent)) {
          out.push({
            checkId: 'hook/dev-no-release-merge-commit',
            input: at(`merge commit ${merge.slice(0, 12)} merges ${ctx.releaseBranch} into dev; the release notes require "git merge ${shellQuote(ctx.releaseBranch)} --ff-only": reset dev and fast-forward it`),
          });
          break;
        }
      }
    }
  }
  return out;
}

