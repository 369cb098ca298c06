// A repo's own release policy (`[kinds.wrapper]`) is what the mode and the rules follow: a v-prefixed
// release tag and a `trunk` release branch; two release tags on one commit; a tag of a tree.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../runner/config.js';
import { lint } from '../../../runner/run.js';
import { commitAll, git, makeRepo, tagRepo, tmpDir, writeFiles } from '../../helpers/git.js';
import { found } from '../../helpers/found.js';

const CC = 'exegol/config/ConstantConfig.py';
const POLICY = `[kinds.wrapper]\nrelease-tag = '^v[0-9]+\\.[0-9]+\\.[0-9]+$'\nrelease-branches = ["trunk"]\n`;
const made: string[] = [];
afterAll(async () => {
  for (const d of made) await fs.rm(d, { recursive: true, force: true });
});

async function repo(branch: string, version: string, config = POLICY): Promise<string> {
  const dir = await makeRepo({ fixture: 'wrapper-5x', branch });
  made.push(dir);
  await writeFiles(dir, { [CC]: `__version__ = "${version}"\n`, 'porgs-lint.toml': config });
  await commitAll(dir, 'release');
  return dir;
}

describe('a configured release policy', () => {
  it('puts trunk in release mode and compares a v-prefixed tag with the version it names', async () => {
    const dir = await repo('trunk', '5.1.4');
    await tagRepo(dir, 'v5.1.4', { annotated: true });
    const result = await lint({ dirs: [dir], env: {}, rules: ['wrapper/version-matches-tag'] });
    expect([result.repos[0].mode, result.repos[0].modeReason]).toEqual(['release', 'the checked-out HEAD is branch trunk, a release branch']);
    expect(result.rules.map((r) => r.meta.id)).toContain('wrapper/version-matches-tag');
    expect(result.diagnostics).toEqual([]);
    await writeFiles(dir, { [CC]: '__version__ = "5.1.3"\n' });
    expect(await found(dir, ['wrapper/version-matches-tag'])).toEqual([
      { rule: 'wrapper/version-matches-tag', severity: 'error', messageId: 'notTagged', at: `${CC}:1`, data: { version: '5.1.3', tag: 'v5.1.4', tagged: '5.1.4' } },
    ]);
  });

  it('a tag outside the pattern is no release: master and an unprefixed tag are dev here', async () => {
    const dir = await repo('master', '5.1.4');
    await tagRepo(dir, '5.1.4');
    const result = await lint({ dirs: [dir], env: {}, rev: '5.1.4', rules: ['wrapper/version-matches-tag'] });
    expect(result.repos[0].mode).toBe('dev');
    expect(result.rules.map((r) => r.meta.id)).not.toContain('wrapper/version-matches-tag');
  });

  it('with two release tags on one commit, names both and passes when one names the version', async () => {
    const dir = await repo('master', '5.1.4', '');
    await tagRepo(dir, '5.1.4', { annotated: true });
    await tagRepo(dir, '5.1.5');
    const result = await lint({ dirs: [dir], env: {}, rev: '5.1.5', rules: ['wrapper/version-matches-tag'] });
    expect(result.repos[0].modeReason).toBe('--rev 5.1.5 carries release tags 5.1.4, 5.1.5');
    expect(result.diagnostics).toEqual([]);
    await writeFiles(dir, { [CC]: '__version__ = "5.1.6"\n' });
    expect(await found(dir, ['wrapper/version-matches-tag'], { mode: 'release' })).toEqual([
      { rule: 'wrapper/version-matches-tag', severity: 'error', messageId: 'notTaggedSeveral', at: `${CC}:1`, data: { version: '5.1.6', tags: '5.1.4, 5.1.5', tagged: '5.1.4' } },
    ]);
  });

  it('ignores a release-named tag of a tree for the releases, with a note', async () => {
    const dir = await repo('master', '5.1.4', '');
    await tagRepo(dir, '5.1.3', { rev: 'HEAD^{tree}' });
    await git(dir, 'checkout', '-q', '-b', 'dev');
    await writeFiles(dir, { [CC]: '__version__ = "5.1.5b1"\n' });
    await commitAll(dir, 'next beta');
    expect(await found(dir, ['wrapper/version-increases'])).toEqual([
      { rule: 'wrapper/version-increases', severity: 'note', messageId: 'tagNotCommit', at: `${CC}:1`, data: { tags: '5.1.3 (a tree)' } },
    ]);
  });

  it('rejects a branch name git would refuse and an unsafe tag-format, at file:line', async () => {
    const dir = tmpDir();
    made.push(dir);
    const file = path.join(dir, 'porgs-lint.toml');
    await fs.writeFile(file, '[kinds.wrapper]\ndev-branches = ["dev", "bad..name"]\n');
    await expect(loadConfig(file, [], 'porgs-lint.toml')).rejects.toThrow(/^porgs-lint\.toml:2:\d+: "kinds\.wrapper\.dev-branches": "bad\.\.name" is not a branch name git accepts/);
    await fs.writeFile(file, '[kinds.images]\n\ntag-format = \'^(a+)+$\'\n');
    await expect(loadConfig(file, [], 'porgs-lint.toml')).rejects.toThrow(/^porgs-lint\.toml:3:\d+: tag-format has a nested quantifier/);
    await fs.writeFile(file, '[kinds.docs]\nprotected-branches = ["main"]\ntag-format = \'^[0-9]+$\'\n');
    const config = await loadConfig(file, [], 'porgs-lint.toml');
    expect([config.kinds.docs?.protectedBranches, config.kinds.docs?.tagFormat?.test('12')]).toEqual([['main'], true]);
  });
});
