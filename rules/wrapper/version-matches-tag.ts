import { defineRule } from '../../runner/types.js';
import { taggedVersion } from './_pep440.js';
import { wrapperVersion } from './_version.js';

export default defineRule({
  description: 'On a release tag, the wrapper version equals the version the tag names.',
  details: 'A release tag is what the repo policy says (`release-tag`); the version it names is the tag without a leading `v` (`v5.1.4` names 5.1.4). With several release tags on the commit, one of them naming the version is enough.',
  kinds: ['wrapper'],
  modes: ['release'],
  onReleaseTag: true,
  severity: 'error',
  messages: {
    notTagged: 'version {{version}} does not match the release tag {{tag}} on this commit; the release publishes the version, so set it to {{tagged}} or re-tag',
    notTaggedSeveral:
      'version {{version}} does not match the release tags {{tags}} on this commit; the release publishes the version, so set it to {{tagged}} or re-tag',
  },
  identity: ['version', 'tag', 'tags'],
  tags: ['release'],
  precision: 'very-high',
  async check(ctx) {
    const { found } = await wrapperVersion(ctx);
    if (!found) return;
    const tags = (await ctx.git.tagsAtCommit()).filter((t) => ctx.policy.releaseTag.test(t.name));
    if (tags.length === 0 || tags.some((t) => taggedVersion(t.name) === found.text)) return;
    const where = { path: found.path, at: found.span };
    const tagged = taggedVersion(tags[0].name);
    if (tags.length === 1) ctx.report({ ...where, messageId: 'notTagged', data: { version: found.text, tag: tags[0].name, tagged } });
    else ctx.report({ ...where, messageId: 'notTaggedSeveral', data: { version: found.text, tags: tags.map((t) => t.name).join(', '), tagged } });
  },
});
