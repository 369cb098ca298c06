// The checks on a pushed tag that looks like a version: name, not moved, signed, on a release
// branch, and (for a release tag) the release rules on its commit.
import { describeTagPattern } from '../runner/policy.js';
import { shellQuote, singleQuote } from '../runner/shell-quote.js';
import { TAG_FORMAT, TAG_NOT_MOVED, TAG_ON_RELEASE_BRANCH, TAG_RELEASE_RULES, TAG_SIGNED } from './checks.js';
import type { PushUpdate } from './protocol.js';
import { findingsAt, short, type HookFinding, type PushContext, type PushFacts } from './push-context.js';

export interface TagPush {
  u: PushUpdate;
  tag: string;
  /** The commit the tag peels to; undefined when it peels to no commit here. */
  commit: string | undefined;
}

const SIGNATURE = /-----BEGIN (PGP SIGNATURE|SSH SIGNATURE|SIGNED MESSAGE)-----/;

export async function checkTag(ctx: PushContext, facts: PushFacts, { u, tag, commit }: TagPush): Promise<HookFinding[]> {
  const at = findingsAt(u);
  const out: HookFinding[] = [];
  const pattern = ctx.policy.tagFormat;
  if (!pattern.test(tag)) {
    const fixed = tag.replace(/^v/, '');
    const format = describeTagPattern(pattern);
    if (!pattern.test(fixed)) out.push(at(TAG_FORMAT, 'mismatch', { tag, format }));
    else out.push(at(TAG_FORMAT, 'mismatchRename', { tag, format, command: `git tag ${shellQuote(fixed)} ${shellQuote(`${tag}^{}`)} && git tag -d ${shellQuote(tag)}` }));
  }
  if (!u.creation && u.remoteOid !== u.localOid) {
    out.push(at(TAG_NOT_MOVED, 'moved', { tag, remote: ctx.remote, remoteObject: short(u.remoteOid) }));
  }
  out.push(...(await checkSignature(ctx, u, tag, commit)));
  if (!commit) return out;
  out.push(...onReleaseBranch(ctx, facts, u, tag, commit));
  if (ctx.policy.releaseTag.test(tag) && ctx.severityOf(TAG_RELEASE_RULES) !== 'off') out.push(...(await ctx.releaseRules(commit, tag)));
  return out;
}

async function checkSignature(ctx: PushContext, u: PushUpdate, tag: string, commit: string | undefined): Promise<HookFinding[]> {
  const at = findingsAt(u);
  const object = await ctx.git.object(u.localOid);
  const command = `git tag -s -f ${shellQuote(tag)} -m ${singleQuote(tag)} ${commit ? short(commit) : shellQuote(tag)}`;
  if (!object) return [at(TAG_SIGNED, 'objectUnreadable', { tag, object: short(u.localOid) }, 'blocks')];
  if (object.type !== 'tag') return [at(TAG_SIGNED, 'lightweight', { tag, command })];
  if (!SIGNATURE.test(object.content.toString('utf8'))) return [at(TAG_SIGNED, 'unsigned', { tag, command })];
  if (!ctx.verifySignatures) return [];
  // Keys, allowed signers and gpg programs come from the user's own git config or command
  // line only: git runs on porgs-lint's git folder and never reads the repo's config.
  const v = await ctx.git.run(['verify-tag', '--end-of-options', u.localOid]);
  if (v.failure) return [at(TAG_SIGNED, 'verifyFailed', { tag, reason: v.failure }, 'note')];
  if (v.code === 0) return [];
  // Nothing to verify against here (no allowed-signers file, no public key) vs. a signer that is not trusted.
  const noKeys = /allowedSignersFile|Unable to open allowed keys file|no public key|cannot run gpg|keybox/i.test(v.stderr);
  if (noKeys) return [at(TAG_SIGNED, 'noKeys', { tag }, 'note')];
  return [at(TAG_SIGNED, 'badSignature', { tag, reason: v.stderr.trim().split('\n').pop() ?? '' })];
}

function onReleaseBranch(ctx: PushContext, facts: PushFacts, u: PushUpdate, tag: string, commit: string): HookFinding[] {
  const at = findingsAt(u);
  const { releaseTips, graph } = facts;
  const branches = ctx.policy.releaseBranches.join(' or ');
  if (typeof releaseTips === 'string') return [at(TAG_ON_RELEASE_BRANCH, 'unreadable', { tag, branches, reason: releaseTips }, 'note')];
  if (releaseTips.length === 0) return [at(TAG_ON_RELEASE_BRANCH, 'noReleaseBranch', { tag, branches, command: `git fetch ${shellQuote(ctx.remote)}` }, 'note')];
  if (typeof graph === 'string') return [at(TAG_ON_RELEASE_BRANCH, 'unreadable', { tag, branches, reason: graph }, 'note')];
  const answers = releaseTips.map((t) => graph.isAncestor(commit, t.commit));
  if (answers.includes(true)) return [];
  const names = releaseTips.map((t) => t.name).join(' or ');
  if (answers.includes(undefined)) return [at(TAG_ON_RELEASE_BRANCH, 'shallow', { tag, branches: names }, 'note')];
  return [at(TAG_ON_RELEASE_BRANCH, 'notOnReleaseBranch', { tag, commit: short(commit), branches: names, branch: releaseTips[0].branch })];
}
