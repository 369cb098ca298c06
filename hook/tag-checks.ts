// The checks on a pushed tag that looks like a version: name, not moved, signed, on a release
// branch, and (for a release tag) the release rules on its commit.
import { describeTagPattern } from '../runner/policy.js';
import { shellQuote, singleQuote } from '../runner/shell-quote.js';
import type { PushUpdate } from './protocol.js';
import { findingsAt, short, type HookFinding, type PushContext, type PushFacts } from './push-context.js';

export interface TagPush {
  u: PushUpdate;
  tag: string;
  /** The commit the tag peels to; undefined when it peels to no commit here. */
  commit: string | undefined;
}

const SIGNATURE = /-----BEGIN (PGP SIGNATURE|SSH SIGNATURE|SIGNED MESSAGE)-----/;

/** Names the default patterns as people write them; any other pattern by its source. */

export async function checkTag(ctx: PushContext, facts: PushFacts, { u, tag, commit }: TagPush): Promise<HookFinding[]> {
  const at = findingsAt(u);
  const out: HookFinding[] = [];
  const pattern = ctx.policy.tagFormat;
  if (!pattern.test(tag)) {
    const fixed = tag.replace(/^v/, '');
    const rename = `git tag ${shellQuote(fixed)} ${shellQuote(`${tag}^{}`)} && git tag -d ${shellQuote(tag)}`;
    out.push(at('hook/tag-format', `tag ${tag} does not match ${describeTagPattern(pattern)}: the release workflow would silently skip it${pattern.test(fixed) ? `; rename it: ${rename}` : ''}`));
  }
  if (!u.creation && u.remoteOid !== u.localOid) {
    out.push(at('hook/tag-not-moved', `tag ${tag} already exists on ${ctx.remote} (${short(u.remoteOid)}); a published release tag is never moved: make a new release instead`));
  }
  out.push(...(await checkSignature(ctx, u, tag, commit)));
  if (!commit) return out;
  out.push(...onReleaseBranch(ctx, facts, u, tag, commit));
  if (ctx.policy.releaseTag.test(tag) && ctx.severityOf('hook/tag-release-rules') !== 'off') out.push(...(await ctx.releaseRules(commit, tag)));
  return out;
}

async function checkSignature(ctx: PushContext, u: PushUpdate, tag: string, commit: string | undefined): Promise<HookFinding[]> {
  const at = findingsAt(u);
  const object = await ctx.git.object(u.localOid);
  const recreate = `git tag -s -f ${shellQuote(tag)} -m ${singleQuote(tag)} ${commit ? short(commit) : shellQuote(tag)}`;
  if (!object) return [at('hook/tag-signed', `cannot verify: tag ${tag}: its object ${short(u.localOid)} cannot be read here`)];
  if (object.type !== 'tag') return [at('hook/tag-signed', `tag ${tag} is a lightweight tag; release tags are signed and annotated: ${recreate}`)];
  if (!SIGNATURE.test(object.content.toString('utf8'))) return [at('hook/tag-signed', `tag ${tag} is annotated but not signed; recreate it signed: ${recreate}`)];
  if (!ctx.verifySignatures) return [];
  // Keys, allowed signers and gpg programs come from the user's own git config or command
  // line only: git runs on porgs-lint's git folder and never reads the repo's config.
  const v = await ctx.git.run(['verify-tag', '--end-of-options', u.localOid]);
  if (v.failure) return [at('hook/tag-signed', `tag ${tag} is signed; cannot verify here: ${v.failure}`, 'note')];
  if (v.code === 0) return [];
  // Nothing to verify against here (no allowed-signers file, no public key) vs. a signer that is not trusted.
  const noKeys = /allowedSignersFile|Unable to open allowed keys file|no public key|cannot run gpg|keybox/i.test(v.stderr);
  return [
    noKeys
      ? at('hook/tag-signed', `tag ${tag} is signed; cannot verify here: no key or allowed-signers file is configured for its signature`, 'note')
      : at('hook/tag-signed', `tag ${tag} is signed but its signature does not verify: ${v.stderr.trim().split('\n').pop()}; sign with a key the repository trusts`),
  ];
}

function onReleaseBranch(ctx: PushContext, facts: PushFacts, u: PushUpdate, tag: string, commit: string): HookFinding[] {
  const at = findingsAt(u);
  const { releaseTips, graph } = facts;
  const branches = ctx.policy.releaseBranches.join(' or ');
  if (typeof releaseTips === 'string') return [at('hook/tag-on-release-branch', `cannot verify: whether ${tag} is on ${branches}: ${releaseTips}`, 'note')];
  if (releaseTips.length === 0) {
    return [at('hook/tag-on-release-branch', `cannot verify: no ${branches} branch here to check that ${tag} is on it (git fetch ${shellQuote(ctx.remote)})`, 'note')];
  }
  if (typeof graph === 'string') return [at('hook/tag-on-release-branch', `cannot verify: whether ${tag} is on ${branches}: ${graph}`, 'note')];
  const answers = releaseTips.map((t) => graph.isAncestor(commit, t.commit));
  if (answers.includes(true)) return [];
  const names = releaseTips.map((t) => t.name).join(' or ');
  if (answers.includes(undefined)) {
    return [at('hook/tag-on-release-branch', `cannot verify: whether ${tag} is on ${names}: the history here is incomplete (shallow clone; git fetch --unshallow)`, 'note')];
  }
  return [
    at(
      'hook/tag-on-release-branch',
      `tag ${tag} points at ${short(commit)}, which is not on ${names}; tag the merge commit on ${releaseTips[0].branch} after the release PR is merged`,
    ),
  ];
}
