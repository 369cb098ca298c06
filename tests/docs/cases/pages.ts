// docs/page-reachable and docs/page-not-empty: what readers can reach, and what they find there.
import { RuleTester } from '../../../runner/testing.js';
import { BLOG_LIST, docs, edit, page } from './fixture.js';

const tester = new RuleTester();
const FIRST_INSTALL = page('first-install.md');

tester.run('docs/page-reachable', {
  valid: [
    { name: 'the fixture as committed: install guides through first-install.md, blog posts through the theme glob', files: docs() },
    {
      name: 'a page reached only from a frontmatter link of the home page, one only through an include, and 404.md',
      files: docs({
        [page('index.md')]: '---\nlayout: home\nhero:\n  actions:\n    - text: Profiles\n      link: /images/profiles\n---\n\n<!--@include: ./parts/intro.md-->\n',
        [page('images/profiles.md')]: '# Image profiles\n',
        [page('parts/intro.md')]: '# Exegol\n',
        [page('404.md')]: '# Not found\n',
      }),
    },
  ],
  invalid: [
    {
      name: 'a new page nothing links to, and one linked only from it',
      files: docs({ [page('images/profiles.md')]: '# Image profiles\n\nSee [the tools](/images/tools) and [the types](./types).\n', [page('images/types.md')]: '# Image types\n' }),
      findings: [
        { messageId: 'unreachable', path: page('images/profiles.md'), line: 1, column: 1, data: { url: '/images/profiles', config: 'docs/.vitepress/config.mts' } },
        { messageId: 'unreachable', path: page('images/types.md'), line: 1, column: 1, data: { url: '/images/types', config: 'docs/.vitepress/config.mts' } },
      ],
    },
    {
      name: 'an install guide no longer linked from first-install.md (links inside code do not count)',
      files: docs({ [FIRST_INSTALL]: edit('- [Fedora](/install/on-fedora)\n', '- Fedora: `[Fedora](/install/on-fedora)`\n') }),
      findings: [{ messageId: 'unreachable', path: page('install/on-fedora.md'), line: 1, column: 1, data: { url: '/install/on-fedora', config: 'docs/.vitepress/config.mts' } }],
    },
    {
      name: 'a theme glob built at run time is a "cannot verify" note; the posts only it lists are unreachable',
      files: docs({ [BLOG_LIST]: edit("import.meta.glob('/blog/*.md', { eager: true })", 'import.meta.glob(`/${folder}/*.md`, { eager: true })') }),
      findings: [
        { messageId: 'unresolvedGlob', path: BLOG_LIST, line: 3, column: 38, unverified: true, severity: 'note', data: { reason: 'glob pattern: `/${folder}/*.md` is only known by running the code' } },
        { messageId: 'unreachable', path: page('blog/first-post.md'), line: 1, column: 1, data: { url: '/blog/first-post', config: 'docs/.vitepress/config.mts' } },
      ],
    },
  ],
});

tester.run('docs/page-not-empty', {
  valid: [
    { name: 'the fixture as committed: text, a component (blog index), an include (home page)', files: docs() },
    { name: 'a home page made of its frontmatter', files: docs({ [page('index.md')]: '---\nlayout: home\nhero:\n  name: Exegol\n---\n' }) },
  ],
  invalid: [
    {
      name: 'frontmatter only, a single space, comments and link definitions, and layout: doc',
      files: docs({
        [page('contribute/images.md')]: '---\ntitle: Contributing to the images\n---\n\n',
        [page('images/profiles.md')]: ' ',
        [page('images/types.md')]: '<!-- TODO: write -->\n\n[docs]: /contribute/docs\n',
        [page('images/services.md')]: '---\nlayout: doc\n---\n',
      }),
      findings: [
        { messageId: 'empty', path: page('contribute/images.md'), line: 1, column: 1, data: { url: '/contribute/images' } },
        { messageId: 'empty', path: page('images/profiles.md'), line: 1, column: 1, data: { url: '/images/profiles' } },
        { messageId: 'empty', path: page('images/services.md'), line: 1, column: 1, data: { url: '/images/services' } },
        { messageId: 'empty', path: page('images/types.md'), line: 1, column: 1, data: { url: '/images/types' } },
      ],
    },
  ],
});
