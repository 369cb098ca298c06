// Python read at another commit (the wrapper's command line at its previous release) goes through
// the parse cache by content: a warm run finds the view instead of parsing it again, and the view
// is the one parsing gives.
import { describe, expect, it } from 'vitest';
import { RepoContext } from '../../../runner/context.js';
import { openGitFacts } from '../../../runner/git-facts.js';
import { DEFAULT_POLICY } from '../../../runner/policy.js';
import { WorktreeSource } from '../../../runner/source.js';
import type { RepoInfo } from '../../../runner/types.js';
import { cacheFor } from '../../../runner/view-cache.js';
import { commitAll, git, makeRepo, tmpDir, writeFiles } from '../../helpers/git.js';

const FILE = 'exegol/console/cli/actions/Start.py';
const OLD = 'class Start(Command):\n    pass\n';
const NEW = 'class Start(Command):\n    pass\n\n\nclass Stop(Command):\n    pass\n';

async function atCommit(dir: string, commit: string, cacheDir?: string) {
  const info: RepoInfo = { name: 'Exegol', root: dir, displayPath: dir, kind: 'wrapper', kindReason: 'test', mode: 'dev', modeReason: 'test' };
  const git = await openGitFacts({ root: dir });
  try {
    const ctx = new RepoContext(info, new WorktreeSource(dir), git, DEFAULT_POLICY.wrapper, '2026-01-15', 'error', cacheDir);
    return await ctx.atCommit(commit).python(FILE);
  } finally {
    git.close();
  }
}

describe('Python at another commit', () => {
  it('is stored in the parse cache by content, and equals the view parsed without a cache', async () => {
    const dir = await makeRepo({ files: { [FILE]: OLD } });
    const old = (await git(dir, 'rev-parse', 'HEAD')).trim();
    await writeFiles(dir, { [FILE]: NEW });
    await commitAll(dir, 'new');
    const cacheDir = tmpDir('porgs-cache-');
    const cache = cacheFor(cacheDir, 'python')!;
    expect(cache.get(cache.key(OLD))).toBeUndefined();

    const parsed = await atCommit(dir, old);
    const cold = await atCommit(dir, old, cacheDir);
    expect(cache.get(cache.key(OLD))).toMatchObject({ ok: true });
    const warm = await atCommit(dir, old, cacheDir);
    expect(parsed?.classes.map((c) => c.name)).toEqual(['Start']);
    expect(cold).toEqual(parsed);
    expect(warm).toEqual(parsed);
  });
});
