// The memory source answers as the work tree source does for the same files: listings with
// folders made from the paths, reads with one line ending, symlinks followed only inside.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemorySource, type MemoryFile } from '../../runner/memory-source.js';
import { WorktreeSource } from '../../runner/source.js';
import { makeFolder } from '../helpers/git.js';

const FILES: Record<string, MemoryFile> = {
  'README.md': 'top\n',
  'src/a.py': 'a = 1\r\nb = 2\r\n',
  'src/mac.txt': 'one\rtwo\r',
  'src/deep/b.sh': 'echo b\n',
  'link.py': { symlink: 'src/a.py' },
  'srclink': { symlink: 'src' },
  'escape.txt': { symlink: '../outside.txt' },
  'dangling.txt': { symlink: 'nowhere.txt' },
  'node_modules/pkg/index.js': 'x\n',
  'src/node_modules/y.js': 'y\n',
  '.git/config': '[core]\n',
};

const listed = async (src: { list(dir: string): Promise<Array<{ path: string; type: string }>> }, dir: string) => (await src.list(dir)).map((e) => `${e.type}:${e.path}`);

describe('memory source', () => {
  it('lists direct children, folders made from the paths, sorted; .git and node_modules hidden at the root', async () => {
    const src = new MemorySource(FILES);
    expect(src.description).toBe('memory');
    expect(await listed(src, '')).toEqual(['file:README.md', 'symlink:dangling.txt', 'symlink:escape.txt', 'symlink:link.py', 'dir:src', 'symlink:srclink']);
    expect(await listed(src, 'src')).toEqual(['file:src/a.py', 'dir:src/deep', 'file:src/mac.txt', 'dir:src/node_modules']);
    expect(await listed(src, './src/deep/')).toEqual(['file:src/deep/b.sh']);
    expect(await listed(src, 'srclink/deep')).toEqual(['file:srclink/deep/b.sh']);
    expect(await listed(src, 'README.md')).toEqual([]);
    expect(await listed(src, 'nope')).toEqual([]);
  });

  it('gives every file and symlink sorted, never inside node_modules or .git, never a submodule commit', async () => {
    const src = new MemorySource({ ...FILES, 'modules/sub': { gitlink: 'a'.repeat(40) } });
    expect(await src.allFiles()).toEqual(['README.md', 'dangling.txt', 'escape.txt', 'link.py', 'src/a.py', 'src/deep/b.sh', 'src/mac.txt', 'srclink']);
    expect(await listed(src, 'modules')).toEqual(['gitlink:modules/sub']);
    expect(await src.read('modules/sub')).toEqual({ ok: false, reason: 'missing' });
  });

  it('reads text with one line ending (CRLF and a lone CR end a line), without a byte order mark', async () => {
    const src = new MemorySource({ ...FILES, 'bom.txt': '\uFEFFhi\r\n' });
    expect(await src.read('src/a.py')).toEqual({ ok: true, text: 'a = 1\nb = 2\n' });
    expect(await src.read('src/mac.txt')).toEqual({ ok: true, text: 'one\ntwo\n' });
    expect(await src.read('bom.txt')).toEqual({ ok: true, text: 'hi\n' });
    expect(await src.read('./README.md')).toEqual({ ok: true, text: 'top\n' });
  });

  it('says missing for what is not a file, unreadable for a binary file and a link leading outside', async () => {
    const src = new MemorySource({ ...FILES, 'bin.dat': 'a\0b', 'loop1': { symlink: 'loop2' }, 'loop2': { symlink: 'loop1' }, abs: { symlink: '/etc/passwd' } });
    expect(await src.read('nope.txt')).toEqual({ ok: false, reason: 'missing' });
    expect(await src.read('src')).toEqual({ ok: false, reason: 'missing' });
    expect(await src.read('README.md/x')).toEqual({ ok: false, reason: 'missing' });
    expect(await src.read('dangling.txt')).toEqual({ ok: false, reason: 'missing' });
    expect(await src.read('loop1')).toEqual({ ok: false, reason: 'missing' });
    expect(await src.read('bin.dat')).toEqual({ ok: false, reason: 'unreadable', detail: 'binary file (contains NUL bytes)' });
    expect(await src.read('escape.txt')).toEqual({ ok: false, reason: 'unreadable', detail: 'symlink leads outside the repository; not followed' });
    expect(await src.read('abs')).toEqual({ ok: false, reason: 'unreadable', detail: 'symlink leads outside the repository; not followed' });
    expect(await src.read('link.py')).toEqual({ ok: true, text: 'a = 1\nb = 2\n' });
    expect(await src.read('srclink/deep/b.sh')).toEqual({ ok: true, text: 'echo b\n' });
  });

  it('refuses paths outside the repository and a path that is both a file and a folder', () => {
    expect(() => new MemorySource({ '../x': '' })).toThrow('"../x" is not a relative path inside the repository');
    expect(() => new MemorySource({ '/etc/x': '' })).toThrow(/not a relative path/);
    expect(() => new MemorySource({ a: '1', 'a/b': '2' })).toThrow('"a" is both a file and the folder of "a/b"');
    expect(() => new MemorySource({ 'a/b': '2', a: '1' })).toThrow('"a" is given twice or is also a folder');
  });

  it('answers as the work tree source does for the same files on disk', async () => {
    const plain = Object.fromEntries(Object.entries(FILES).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    const dir = await makeFolder({ files: plain });
    for (const [file, value] of Object.entries(FILES)) if (typeof value !== 'string' && 'symlink' in value) await fs.symlink(value.symlink, path.join(dir, file));
    const disk = new WorktreeSource(dir);
    const memory = new MemorySource(FILES);
    for (const d of ['', 'src', 'srclink', 'src/deep', 'nope']) expect(await listed(memory, d)).toEqual(await listed(disk, d));
    expect(await memory.allFiles()).toEqual(await disk.allFiles());
    for (const f of ['README.md', 'src/a.py', 'src/mac.txt', 'link.py', 'srclink/deep/b.sh', 'dangling.txt', 'src', 'nope']) expect(await memory.read(f)).toEqual(await disk.read(f));
  });
});
