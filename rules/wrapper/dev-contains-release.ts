import { defineRule } from '../../runner/types.js';

export default defineRule({
  id: 'wrapper/dev-contains-release',
  description: 'dev contains the release branch: it was fast-forwarded after the last release.',
  kinds: ['wrapper'],
  modes: ['dev'],
  severity: 'error',
  docs: 'docs/rules/wrapper/dev-contains-release.md',
  options: { branch: { type: 'string', default: 'master', description: 'The release branch.' } },
  tags: ['release', 'git'],
  precision: 'very-high',
  async check(ctx) {
    const branch = String(ctx.options.branch);
    if (!ctx.git.available) {
      ctx.cannotVerify({ path: '.', message: `whether dev contains ${branch}: ${ctx.git.reason}`, key: 'no-git' });
      return;
    }
    let ref = branch;
    let tip = await ctx.git.resolve(`refs/heads/${branch}`);
    if (!tip) {
      ref = `origin/${branch}`;
      tip = await ctx.git.resolve(`refs/remotes/origin/${branch}`);
    }
    if (!tip) {
      ctx.cannotVerify({ path: '.', message: `whether dev contains ${branch}: neither ${branch} nor origin/${branch} exists here (fetch it)`, key: 'no-branch' });
      return;
    }
    const contains = await ctx.git.isAncestor(tip, ctx.git.commit!);
    if (contains === undefined) {
      ctx.cannotVerify({ path: '.', message: `whether dev contains ${ref}: history is missing (shallow clone)`, key: 'shallow' });
    } else if (!contains) {
      ctx.report({
        path: '.',
        message: `${ref} (${tip.slice(0, 12)}) is not contained in this branch: after a release run "git checkout dev && git merge ${branch} --ff-only && git push"`,
        key: `missing:${ref}`,
      });
    }
  },
});
