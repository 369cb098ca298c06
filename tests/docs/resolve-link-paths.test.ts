// Link resolution without path.posix in the common case: the same paths as normalising every link
// gives, for links that need normalising too; the site's resolver keeps each answer.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVitePressSite, type SiteReader } from '../../runner/docs/site.js';
import { load as loadTs } from '../../runner/parsers/typescript.js';
import { extensionOf, joinPath, withoutQuery } from '../../runner/docs/resolve-link.js';

const DIRS = ['', '.', 'docs/src', 'docs/src/a', 'docs/src/a/b', 'a b', 'x/.hidden'];
const PATHS = ['', 'faq', 'faq.md', 'a/b/', 'a/./c', 'a//c', './faq', '../faq', '../../..', '..', '.', './', '/', '//', 'a/b/..', 'a/.hidden/../c', '...', 'a/...', '.x', 'a/.', 'x.png', 'a/x.PNG', 'a.b/c', 'a.', 'q?x', 'faq?x\ny', '\u001b[2J', 'é/ü.md'];

describe('link paths without path.posix in the common case', () => {
  it('joins as path.posix.normalize(path.posix.join()) does, for paths that need it and paths that do not', () => {
    for (const dir of DIRS) for (const rel of PATHS) expect(joinPath(dir, rel), `${dir} + ${rel}`).toBe(path.posix.normalize(path.posix.join(dir, rel)));
  });

  it('drops a query and reads an extension as the patterns did', () => {
    for (const p of [...PATHS, 'a?b?c', '?', 'x\n?y', 'x?y\nz', 'a?b\nc?d', 'a?b\rc', 'a?b\u2028c?d', 'a?b\u2029c', '?\n']) {
      expect(withoutQuery(p), JSON.stringify(p)).toBe(p.replace(/\?.*$/, ''));
      expect(extensionOf(p), JSON.stringify(p)).toBe(/\.([^./]+)$/.exec(p)?.[1]?.toLowerCase());
    }
  });
});

describe('the site resolver', () => {
  it('gives the same frozen answer for a link met again, and resolves a relative link per folder', async () => {
    const ts = await loadTs();
    const files: Record<string, string> = {
      'docs/.vitepress/config.mts': "export default { srcDir: 'src' }\n",
      'docs/src/index.md': '# Home\n',
      'docs/src/c.md': '# C\n',
      'docs/src/a/c.md': '# A C\n',
      'docs/src/a/b.md': '# B\n',
    };
    const reader: SiteReader = {
      allFiles: async () => Object.keys(files).sort(),
      read: async (p) => files[p],
      script: async (p) => {
        const outcome = ts(files[p]);
        return outcome.ok ? outcome.value : undefined;
      },
    };
    const resolved = (await loadVitePressSite(reader))!;
    const first = resolved.resolve('/a/b', 'docs/src/index.md');
    expect(resolved.resolve('/a/b', 'docs/src/a/c.md')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(resolved.resolve('c', 'docs/src/index.md')).toMatchObject({ path: 'docs/src/c.md' });
    expect(resolved.resolve('c', 'docs/src/a/b.md')).toMatchObject({ path: 'docs/src/a/c.md' });
    expect(resolved.resolve('c')).toMatchObject({ path: 'docs/src/c.md' });
  });
});
