// git's own files read as data must mean what they mean to git: config text (compared with
// `git config --list`) and the index (compared with `git ls-files -s`), on real git.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitDiskError } from '../../../runner/git-disk.js';
import { MAX_INDEX_PATH_BYTES, parseIndex, readIndexGitlinks } from '../../../runner/git-index.js';
import { parseGitConfig } from '../../../runner/gitconfig.js';
import { git, makeRepo, tmpDir, writeFiles } from '../../helpers/git.js';
import { tempFolders } from '../../helpers/hostile.js';

const keep = tempFolders();

/** `section[.subsection].key=value` as `git config --list` prints them (names lower-cased). */
function asGitLists(text: string): string[] {
  return parseGitConfig(text).entries.map((e) => {
    const sub = e.section.subsection === undefined ? '' : `.${e.section.subsection}`;
    return `${e.section.name}${sub}.${e.key}${e.value === undefined ? '' : `=${e.value}`}`;
  });
}

describe('parseGitConfig', () => {
  it('reads what git reads: quotes, escapes, comments, continuations, old-style and escaped subsections', async () => {
    const text = [
      '# comment',
      '[Core] ; comment',
      '\tBare = false # trailing comment',
      '\tflag',
      '[submodule "..\\/..\\/x"]',
      '\tpath = "a b" ; c',
      '\turl = x\\',
      'y',
      '[submodule "q\\"uote"] path = inline',
      '[branch.Main]',
      '\tmerge = "tab\\there  and  #not a comment"',
      '\tempty =',
      '\tspaced = one   two   ',
      '',
    ].join('\n');
    const dir = keep(tmpDir());
    await fs.writeFile(path.join(dir, 'c'), text);
    const listed = (await git(dir, 'config', '-f', 'c', '--list')).split('\n');
    expect(asGitLists(text)).toEqual(listed);
    expect(parseGitConfig(text).entries.find((e) => e.key === 'path')!.line).toBe(6);
  });

  it('stops where git stops, with the line', () => {
    expect(parseGitConfig('[a]\n\tx = 1\n[b "unterminated]\n\ty = 2\n').error).toEqual({ line: 3, message: 'unterminated subsection name' });
    expect(parseGitConfig('x = 1\n').error).toEqual({ line: 1, message: 'key outside a section' });
  });
});

describe('readIndexGitlinks', () => {
  async function repoWithGitlinks(objectFormat: 'sha1' | 'sha256') {
    const dir = keep(await makeRepo({ files: { 'a.txt': 'a\n', 'deep/dir/b.txt': 'b\n' }, objectFormat }));
    const head = await git(dir, 'rev-parse', 'HEAD');
    for (const p of ['exegol-images', 'deep/dir/exegol-resources', 'z']) await git(dir, 'update-index', '--add', '--cacheinfo', `160000,${head},${p}`);
    await writeFiles(dir, { 'new.txt': 'n\n' });
    await git(dir, 'add', '-N', 'new.txt'); // intent-to-add: an extended entry (index v3)
    return dir;
  }
  async function gitSays(dir: string) {
    const out = await git(dir, 'ls-files', '-s');
    return out.split('\n').filter((l) => l.startsWith('160000 ')).map((l) => ({ path: l.split('\t')[1], commit: l.split(' ')[1] }));
  }

  it.each([
    ['sha1', 20],
    ['sha256', 32],
  ] as const)('agrees with git ls-files for index versions 2/3 and 4 (%s)', async (format, bytes) => {
    const dir = await repoWithGitlinks(format);
    const expected = await gitSays(dir);
    expect(expected).toHaveLength(3);
    expect(readIndexGitlinks(path.join(dir, '.git'), bytes)).toEqual(expected);
    await git(dir, 'update-index', '--index-version', '4');
    expect(readIndexGitlinks(path.join(dir, '.git'), bytes)).toEqual(expected);
  });

  it('refuses a split index and a corrupt one with a reason; no index is no gitlinks', async () => {
    const dir = await repoWithGitlinks('sha1');
    await git(dir, 'update-index', '--split-index');
    expect(() => readIndexGitlinks(path.join(dir, '.git'), 20)).toThrow(new GitDiskError('the index is split (core.splitIndex), which porgs-lint does not read'));
    await git(dir, 'update-index', '--no-split-index');
    const index = await fs.readFile(path.join(dir, '.git/index'));
    await fs.writeFile(path.join(dir, '.git/index'), index.subarray(0, 100));
    expect(() => readIndexGitlinks(path.join(dir, '.git'), 20)).toThrow(/the index is corrupt/);
    await fs.rm(path.join(dir, '.git/index'));
    expect(readIndexGitlinks(path.join(dir, '.git'), 20)).toEqual([]);
  });
});

describe('a crafted v4 index', () => {
  /** A version-4 index whose every path repeats the previous one and adds a letter. */
  function growingIndex(entries: number): Buffer {
    const parts: Buffer[] = [];
    const header = Buffer.alloc(12);
    header.write('DIRC', 0, 'latin1');
    header.writeUInt32BE(4, 4);
    header.writeUInt32BE(entries, 8);
    parts.push(header);
    for (let i = 0; i < entries; i++) {
      const fixed = Buffer.alloc(40 + 20 + 2);
      fixed.writeUInt32BE(0o100644, 24);
      parts.push(fixed, Buffer.from([0]), Buffer.from('a\0', 'latin1')); // strip 0 bytes, add "a"
    }
    parts.push(Buffer.alloc(20));
    return Buffer.concat(parts);
  }

  it('reads a path of git\'s maximum length and refuses a longer one, in bounded memory', () => {
    expect(parseIndex(growingIndex(MAX_INDEX_PATH_BYTES), 20).at(-1)!.path).toHaveLength(MAX_INDEX_PATH_BYTES);
    expect(() => parseIndex(growingIndex(MAX_INDEX_PATH_BYTES + 1), 20)).toThrow(/longer than git allows/);
  });
});
