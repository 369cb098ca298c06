// The checks run on each pushed ref. Git only: no parser is loaded unless a release tag is
// pushed (then the release rules run on the tag's commit, read through git, not the work tree).
import { isAncestor as gitIsAncestor, resolveCommit, runGit, type GitLocation } from '../runner/git.js';
import type { RepoKind, ReportInput, Severity } from '../runner/types.js';
import type { PushUpdate } from './protocol.js';

export interface HookFinding {
  checkId: string;
  /** Undefined: the check's configured severity. */
  severity?: Severity;
  input: ReportInput;
}

export interface PushContext {
  loc: GitLocation;
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

async function git(ctx: PushContext, args: string[]) {
  return runGit(ctx.loc, args);
}

const resolve = (ctx: PushContext, ref: string) => resolveCommit(ctx.loc, ref);
const isAncestor = (ctx: PushContext, a: string, b: string) => gitIsAncestor(ctx.loc, a, b);

/** The release branch as the remote has it, else the local one. */
async function releaseTip(ctx: PushContext): Promise<{ ref: string; oid: string } | undefined> {
  for (const ref of [`refs/remotes/${ctx.remote}/${ctx.releaseBranch}`, `refs/heads/${ctx.releaseBranch}`]) {
    const oid = await resolve(ctx, ref);
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
    out.push({
      checkId: 'hook/tag-format',
      input: at(
        `tag ${tag} does not match ${ctx.kind === 'images' ? 'X.Y.Z or X.Y.ZbN' : 'X.Y.Z'}: the release workflow would silently skip it${pattern.test(fixed) ? `; rename it: git tag ${fixed} ${tag}^{} && git tag -d ${tag}` : ''}`,
      ),
    });
  }
  if (!u.creation && u.remoteOid !== u.localOid) {
    out.push({
      checkId: 'hook/tag-not-moved',
      input: at(`tag ${tag} already exists on ${ctx.remote} (${u.remoteOid.slice(0, 12)}); a published release tag is never moved: make a new release instead`),
    });
  }
  const commit = await resolve(ctx, u.localOid);
  const type = (await git(ctx, ['cat-file', '-t', u.localOid])).stdout.trim();
  const recreate = `git tag -s -f ${tag} -m '${tag}' ${commit?.slice(0, 12) ?? tag}`;
  if (type !== 'tag') {
    out.push({ checkId: 'hook/tag-signed', input: at(`tag ${tag} is a lightweight tag; release tags are signed and annotated: ${recreate}`) });
  } else {
    const body = (await git(ctx, ['cat-file', 'tag', u.localOid])).stdout;
    if (!SIGNATURE.test(body)) {
      out.push({ checkId: 'hook/tag-signed', input: at(`tag ${tag} is annotated but not signed; recreate it signed: ${recreate}`) });
    } else if (ctx.verifySignatures) {
      const v = await git(ctx, ['verify-tag', u.localOid]);
      if (v.code !== 0) {
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
    out.push({ checkId: 'hook/tag-on-release-branch', severity: 'note', input: at(`cannot verify: no ${ctx.releaseBranch} branch here to check that ${tag} is on it (fetch ${ctx.remote})`) });
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
  let rangeBase: string[] = [`--not`, `--remotes=${ctx.remote}`];
  if (!u.creation) {
    const known = (await git(ctx, ['cat-file', '-e', `${u.remoteOid}^{commit}`])).code === 0;
    if (!known) {
      out.push({
        checkId: 'hook/dev-fast-forward',
        input: at(`cannot verify: fetch first: the remote dev (${u.remoteOid.slice(0, 12)}) is not in this repository, so whether this push is a fast-forward is unknown (git fetch ${ctx.remote})`),
      });
    } else {
      rangeBase = [`^${u.remoteOid}`];
      if ((await isAncestor(ctx, u.remoteOid, u.localOid)) === false) {
        out.push({
          checkId: 'hook/dev-fast-forward',
          input: at(`push to dev is not a fast-forward of ${ctx.remote}/dev (${u.remoteOid.slice(0, 12)}); rebase or merge ${ctx.remote}/dev first, never force-push dev`),
        });
      }
    }
  }
  const tip = await releaseTip(ctx);
  if (tip) {
    if ((await isAncestor(ctx, tip.oid, u.localOid)) === false) {
      out.push({
        checkId: 'hook/dev-contains-release',
        input: at(`dev does not contain ${tip.ref} (${tip.oid.slice(0, 12)}); after a release run: git checkout dev && git merge ${ctx.releaseBranch} --ff-only`),
      });
    }
    const merges = (await git(ctx, ['rev-list', '--merges', '--parents', u.localOid, ...rangeBase])).stdout.split('\n').filter(Boolean);
    for (const line of merges) {
      const [merge, , ...others] = line.split(' ');
      for (const parent of others) {
        if (await isAncestor(ctx, parent, tip.oid)) {
          out.push({
            checkId: 'hook/dev-no-release-merge-commit',
            input: at(`merge commit ${merge.slice(0, 12)} merges ${ctx.releaseBranch} into dev; the release notes require "git merge ${ctx.releaseBranch} --ff-only": reset dev and fast-forward it`),
          });
          break;
        }
      }
    }
  }
  return out;
}

