import { defineRule } from '../../runner/types.js';
import { nextBeta, nextDev, taggedVersion } from './_pep440.js';
import { wrapperVersion } from './_version.js';

export default defineRule({
  id: 'wrapper/dev-version-is-prerelease',
  description: 'On dev the wrapper version is a beta (X.Y.ZbN), bumped after the last release.',
  details:
    'Right after dev is fast-forwarded onto a release, dev sits on the release tag with the released version: the post-release bump is due, a warning (the documented flow pushes dev before bumping). Once dev has commits beyond the release without the bump, it is an error. A version that was never released but has no beta segment is a warning. The single-file exegol.py of 2.4.0-3.1.12 marked dev versions as dev releases (X.Y.Z.dev) instead, which is accepted there.',
  kinds: ['wrapper'],
  modes: ['dev'],
  severity: 'error',
  docs: 'docs/rules/wrapper/dev-version-is-prerelease.md',
  tags: ['release'],
  precision: 'high',
  async check(ctx) {
    const { found } = await wrapperVersion(ctx);
    if (!found?.parsed) return;
    const singleFile = found.layout === 'single-file';
    const expected = singleFile ? 'dev' : 'b';
    if (found.parsed.pre?.letter === expected) return;
    const namesVersion = (name: string) => ctx.policy.releaseTag.test(name) && taggedVersion(name) === found.text;
    const release = (await ctx.git.tags()).find((t) => namesVersion(t.name));
    const where = { path: found.path, at: found.span };
    if (!release) {
      ctx.warn({
        ...where,
        message: singleFile
          ? `version ${found.text} has no .dev segment on a dev branch; use ${found.parsed.base}.dev until the release`
          : `version ${found.text} has no beta segment on a dev branch; use ${found.parsed.base}b1 until the release`,
      });
      return;
    }
    const next = singleFile ? nextDev(found.parsed) : nextBeta(found.parsed);
    const bump = singleFile ? 'dev release' : 'beta';
    if (release.commit === ctx.git.commit) {
      ctx.warn({
        ...where,
        message: `this commit is the release of tag ${release.name}: the post-release ${bump} bump is due; set the version to ${next} in the next commit`,
        key: `due:${release.name}`,
      });
      return;
    }
    ctx.report({
      ...where,
      message: `version ${found.text} is already released (tag ${release.name}) and this branch has commits beyond it; the post-release bump to the next ${bump} is missing: set it to ${next}`,
    });
  },
});
