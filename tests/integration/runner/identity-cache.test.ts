// Views found by file identity on real files: a work tree's settled stat, a commit's blob ids. A warm
// run reads no file; a file rewritten with its size and modification time put back is read again
// (its change time moved); a new commit's changed blob is read again.
import { execFileSync } from 'node:child_process';
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { RepoContext } from '../../../runner/context.js';
import { openGitFacts, type GitFacts } from '../../../runner/git-facts.js';
import { SETTLED_MS } from '../../../runner/identity-log.js';
import { DEFAULT_POLICY } from '../../../runner/policy.js';
import { GitRevisionSource, WorktreeSource, type ReadResult, type Source } from '../../../runner/source.js';
import type { RepoInfo } from '../../../runner/types.js';
import { commitAll, makeFolder, makeRepo, tmpDir, writeFiles } from '../../helpers/git.js';

/** Every read of a source, listed. */
function counted<S extends Source>(source: S): S & { reads: string[] } {
  const reads: string[] = [];
  const read = source.read.bind(source);
  return Object.assign(source, { reads, read: (f: string): Promise<ReadResult> => (reads.push(f), read(f)) });
}

async function views(root: string, source: Source, git: GitFacts, cacheDir: string) {
  const info: RepoInfo = { name: 'docs', root, displayPath: root, kind: 'docs', kindReason: 'test', mode: 'dev', modeReason: 'test' };
  const ctx = new RepoContext(info, source, git, DEFAULT_POLICY.docs, '2026-01-15', 'error', cacheDir);
  const site = (await ctx.vitepress())!;
  const pages = await Promise.all(site.pages.map((p) => ctx.markdown(p)));
  const lists = await Promise.all((await ctx.glob('docs/src/public/**/*.csv')).map((f) => ctx.csv(f)));
  return { config: site.config, globs: site.themeGlobs, pages, lists, findings: ctx.findings };
}

const NO_GIT = { available: false } as GitFacts;
const FAQ = 'docs/src/faq.md';

describe('views found by identity', () => {
  it('in a work tree: none read once settled; a rewrite that puts size and modification time back is read again', async () => {
    const dir = await makeFolder({ fixture: 'docs' });
    const cacheDir = tmpDir('porgs-cache-');
    await sleep(SETTLED_MS + 200);
    const first = counted(new WorktreeSource(dir));
    const built = await views(dir, first, NO_GIT, cacheDir);
    expect(first.reads).toContain(FAQ);
    const second = counted(new WorktreeSource(dir));
    expect(await views(dir, second, NO_GIT, cacheDir)).toEqual(built);
    expect(second.reads).toEqual([]);

    const faq = path.join(dir, FAQ);
    const before = statSync(faq, { bigint: true });
    const text = await fs.readFile(faq, 'utf8');
    await fs.writeFile(faq, text.replace('Frequently asked questions', 'Questions frequently asked'));
    // Back to the nanosecond, as `touch -d` (or a tool restoring times) can.
    const ns = before.mtimeNs % 1_000_000_000n;
    execFileSync('touch', ['-m', '-d', `@${before.mtimeNs / 1_000_000_000n}.${String(ns).padStart(9, '0')}`, faq]);
    const after = statSync(faq, { bigint: true });
    expect([after.ino, after.size, after.mtimeNs]).toEqual([before.ino, before.size, before.mtimeNs]);
    await sleep(SETTLED_MS + 200);
    const third = counted(new WorktreeSource(dir));
    const edited = await views(dir, third, NO_GIT, cacheDir);
    expect(third.reads).toEqual([FAQ]);
    expect(edited.pages.flatMap((p) => p?.headings.map((h) => h.slug) ?? [])).toContain('questions-frequently-asked');
  });

  it('in a work tree: a file just written is read, not trusted by its stat', async () => {
    const dir = await makeFolder({ fixture: 'docs' });
    const cacheDir = tmpDir('porgs-cache-');
    await views(dir, new WorktreeSource(dir), NO_GIT, cacheDir);
    const again = counted(new WorktreeSource(dir));
    await views(dir, again, NO_GIT, cacheDir);
    expect(again.reads).toContain(FAQ);
    expect(await new WorktreeSource(dir).identity(FAQ)).toBeUndefined();
  });

  it('in a commit: none read the second time; a changed blob of a new commit is read again', async () => {
    const dir = await makeRepo({ fixture: 'docs' });
    const cacheDir = tmpDir('porgs-cache-');
    const run = async () => {
      const git = await openGitFacts({ root: dir, rev: 'HEAD' });
      try {
        const source = counted(new GitRevisionSource(git));
        const built = await views(dir, source, git, cacheDir);
        return { built, reads: source.reads };
      } finally {
        git.close();
      }
    };
    const first = await run();
    expect(first.reads).toContain(FAQ);
    expect(await run()).toEqual({ built: first.built, reads: [] });
    await writeFiles(dir, { [FAQ]: '# Edited\n' });
    await commitAll(dir, 'edit');
    expect((await run()).reads).toEqual([FAQ]);
  });
});
