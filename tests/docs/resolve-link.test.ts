// Which file a link of the site names, as VitePress resolves it.
import { describe, expect, it } from 'vitest';
import { resolveLink, type LinkSite } from '../../runner/docs/resolve-link.js';

const site: LinkSite = {
  srcDir: 'docs/src',
  files: new Set([
    'docs/src/index.md',
    'docs/src/faq.md',
    'docs/src/first-install.md',
    'docs/src/blog/index.md',
    'docs/src/wrapper/cli/start.md',
    'docs/src/wrapper/cli/exec.md',
    'docs/src/guide/index.md',
    'docs/src/assets/faq/shot.png',
    'docs/src/public/images/logo.svg',
    'docs/src/public/installed_tools/free.csv',
    'docs/src/public/legacy.html',
    'README.md',
  ]),
};
const r = (link: string, from?: string) => resolveLink(link, from, site);

describe('resolveLink', () => {
  it('resolves absolute links from srcDir, with .md, .html, query and anchor stripped', () => {
    expect(r('/faq')).toEqual({ kind: 'page', path: 'docs/src/faq.md', viaIndex: false });
    expect(r('/faq.md#can-i')).toEqual({ kind: 'page', path: 'docs/src/faq.md', viaIndex: false, anchor: 'can-i' });
    expect(r('/wrapper/cli/start.html?x=1#options')).toEqual({ kind: 'page', path: 'docs/src/wrapper/cli/start.md', viaIndex: false, anchor: 'options' });
  });

  it('reads a trailing slash, and the root, as index.md; a bare folder is found as its index too', () => {
    expect(r('/blog/')).toEqual({ kind: 'page', path: 'docs/src/blog/index.md', viaIndex: false });
    expect(r('/')).toEqual({ kind: 'page', path: 'docs/src/index.md', viaIndex: false });
    expect(r('/guide')).toEqual({ kind: 'page', path: 'docs/src/guide/index.md', viaIndex: true });
  });

  it('resolves relative links from the page, and config links (no page) from srcDir', () => {
    expect(r('./exec#options', 'docs/src/wrapper/cli/start.md')).toEqual({ kind: 'page', path: 'docs/src/wrapper/cli/exec.md', viaIndex: false, anchor: 'options' });
    expect(r('../../faq', 'docs/src/wrapper/cli/start.md')).toMatchObject({ kind: 'page', path: 'docs/src/faq.md' });
    expect(r('exec.md', 'docs/src/wrapper/cli/start.md')).toMatchObject({ kind: 'page', path: 'docs/src/wrapper/cli/exec.md' });
    expect(r('first-install')).toMatchObject({ kind: 'page', path: 'docs/src/first-install.md' });
    expect(r('/contribute/intro')).toEqual({ kind: 'missing', tried: ['docs/src/contribute/intro.md', 'docs/src/contribute/intro/index.md', 'docs/src/public/contribute/intro.html'] });
  });

  it('resolves assets under public/ first, then srcDir; a relative asset from its folder only', () => {
    expect(r('/images/logo.svg')).toEqual({ kind: 'asset', path: 'docs/src/public/images/logo.svg' });
    expect(r('/installed_tools/free.csv')).toEqual({ kind: 'asset', path: 'docs/src/public/installed_tools/free.csv' });
    expect(r('/assets/faq/shot.png')).toEqual({ kind: 'asset', path: 'docs/src/assets/faq/shot.png' });
    expect(r('../assets/faq/shot.png', 'docs/src/faq/x.md')).toEqual({ kind: 'asset', path: 'docs/src/assets/faq/shot.png' });
    expect(r('./shot.png', 'docs/src/faq.md')).toEqual({ kind: 'missing', tried: ['docs/src/shot.png'] });
    expect(r('/legacy.html')).toEqual({ kind: 'asset', path: 'docs/src/public/legacy.html' });
  });

  it('skips external links and treats a bare anchor as the same page', () => {
    for (const link of ['https://exegol.com', 'mailto:a@b.c', '//cdn.example.com/x.js', 'HTTP://X']) expect(r(link)).toEqual({ kind: 'external' });
    expect(r('#network-modes', 'docs/src/faq.md')).toEqual({ kind: 'self', anchor: 'network-modes' });
    expect(r('#')).toEqual({ kind: 'self', anchor: '' });
    expect(r('/faq#caf%C3%A9')).toMatchObject({ anchor: 'café' });
  });

  it('never leaves srcDir: a link climbing out of it names nothing', () => {
    expect(r('../../README.md', 'docs/src/faq.md')).toEqual({ kind: 'missing', tried: ['README.md'] });
    expect(r('/../../README')).toMatchObject({ kind: 'missing' });
  });

  it('keeps a link with control characters as data', () => {
    const target = r('/faq\u001b[2J\u0007');
    expect(target).toEqual({ kind: 'missing', tried: ['docs/src/faq\u001b[2J\u0007.md', 'docs/src/faq\u001b[2J\u0007/index.md', 'docs/src/public/faq\u001b[2J\u0007.html'] });
    expect(r('/%ZZbad%')).toMatchObject({ kind: 'missing' });
  });

  it('works with the site at the repo root', () => {
    const root: LinkSite = { srcDir: '', files: new Set(['index.md', 'guide/start.md']) };
    expect(resolveLink('/', undefined, root)).toMatchObject({ kind: 'page', path: 'index.md' });
    expect(resolveLink('/guide/start', undefined, root)).toMatchObject({ kind: 'page', path: 'guide/start.md' });
    expect(resolveLink('../x', 'index.md', root)).toMatchObject({ kind: 'missing' });
  });
});
