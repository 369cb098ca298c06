import { defineRule } from '../../runner/types.js';
import { nextBeta, nextDev, taggedVersion } from './_pep440.js';
import { wrapperVersion } from './_version.js';

export default defineRule({
  description: 'On dev the wrapper version is a beta (X.Y.ZbN), bumped after the last release.',
  details:
    'Right after dev is fast-forwarded onto a release, dev sits on the release tag with the released version: the post-release bump is due, a warning (the documented flow pushes dev before bumping). Once dev has commits beyond the release without the bump, it is an error. A version that was never released but has no beta segment is a warning. The single-file exegol.py of 2.4.0-3.1.12 marked dev versions as dev releases (X.Y.Z.dev) instead, which is accepted there.',
  kinds: ['wrapper'],
  modes: ['dev'],
  severity: 'error',
  messages: {
    noBeta: 'version {{version}} has no beta segment on a dev branch; use {{expected}} until the release',
    noDevSegment: 'version {{version}} has no .dev segment on a dev branch; use {{expected}} until the release',
    betaBumpDue: 'this commit is the release of tag {{tag}}: the post-release beta bump is due; set the version to {{next}} in the next commit',
    devBumpDue: 'this commit is the release of tag {{tag}}: the post-release dev release bump is due; set the version to {{next}} in the next commit',
    betaBumpMissing:
      'version {{version}} is already released (tag {{tag}}) and this branch has commits beyond it; the post-release bump to the next beta is missing: set it to {{next}}',
    devBumpMissing:
      'version {{version}} is already released (tag {{tag}}) and this branch has commits beyond it; the post-release bump to the next dev release is missing: set it to {{next}}',
  },
  identity: ['version'],
  tags: ['release'],
  async check(ctx) {
    const { found } = await wrapperVersion(ctx);
    if (!found?.parsed) return;
    // The single-file exegol.py of 2.4.0-3.1.12 marked dev versions as X.Y.Z.dev, the package as X.Y.ZbN.
    const singleFile = found.layout === 'single-file';
    if (found.parsed.pre?.letter === (singleFile ? 'dev' : 'b')) return;
    const where = { path: found.path, at: found.span };
    const version = found.text;
    const namesVersion = (name: string) => ctx.policy.releaseTag.test(name) && taggedVersion(name) === version;
    const release = (await ctx.git.tags()).find((t) => namesVersion(t.name));
    if (!release) {
      const expected = singleFile ? `${found.parsed.base}.dev` : `${found.parsed.base}b1`;
      ctx.warn({ ...where, messageId: singleFile ? 'noDevSegment' : 'noBeta', data: { version, expected } });
      return;
    }
    const data = { version, tag: release.name, next: singleFile ? nextDev(found.parsed) : nextBeta(found.parsed) };
    if (release.commit === ctx.git.commit) ctx.warn({ ...where, messageId: singleFile ? 'devBumpDue' : 'betaBumpDue', data });
    else ctx.report({ ...where, messageId: singleFile ? 'devBumpMissing' : 'betaBumpMissing', data });
  },
});
