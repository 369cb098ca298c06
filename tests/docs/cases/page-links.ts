// docs/internal-link-exists: links, images, HTML href/src, frontmatter links and includes of the
// pages; anchors against VitePress' heading slugs (a warning).
import { RuleTester } from '../../../runner/testing.js';
import { docs, edit, page, where } from './fixture.js';

const tester = new RuleTester();
const FAQ = page('faq.md');
/** A page of its own, so that the fixture's links into the FAQ stay as they are. */
const LINKS = page('links.md');
const DEAD = `# Frequently asked questions

[tools](/images/tool), [start](./wrapper/cli/begin.md) and [the intro](/contribute/intro.html).

![screen](/assets/install/screen.jpg) <img src="/images/favicon.png"> [the readme](../../README.md)

Read the [old page][old].

Code is not a link: \`[inline](/nowhere)\`, nor

\`\`\`md
[fenced](/nowhere)
\`\`\`

[old]: /old-page
`;

const ANCHORS = `# Frequently asked questions

## Options {#opts}

See [the options](#opts), [the missing part](#missing), [the start options](/wrapper/cli/start#Options),
[the first steps](/first-install#requirements), [the nightly list](/images/tools#latest_nightly) and
[the included heading](/index#about-exegol).
`;

tester.run('docs/internal-link-exists', {
  valid: [
    { name: 'the fixture as committed: relative and absolute links, images, public files, HTML href, heading and custom anchors, an include', files: docs() },
    {
      name: 'includes from the page\'s folder and from srcDir (@/), with a line range or a region',
      files: docs({ [FAQ]: edit('# Frequently asked questions\n', '# Frequently asked questions\n\n<!--@include: ./about.md{1,3}-->\n<!--@include: @/legal/summary.md#intro-->\n') }),
    },
    {
      name: 'frontmatter links of a home page that lead to pages',
      files: docs({ [page('index.md')]: '---\nlayout: home\nhero:\n  actions:\n    - text: First install\n      link: /first-install\nfeatures:\n  - title: FAQ\n    link: /faq\n---\n' }),
    },
  ],
  invalid: [
    {
      name: 'dead links of every kind in one page; code is not a link',
      files: docs({ [LINKS]: DEAD }),
      findings: [
        { messageId: 'missingPage', path: LINKS, ...where(DEAD, '/images/tool)'), data: { what: 'link', link: '/images/tool', expected: 'docs/src/images/tool.md or docs/src/images/tool/index.md' } },
        { messageId: 'missingPage', path: LINKS, ...where(DEAD, './wrapper/cli/begin.md'), data: { what: 'link', link: './wrapper/cli/begin.md', expected: 'docs/src/wrapper/cli/begin.md or docs/src/wrapper/cli/begin/index.md' } },
        {
          messageId: 'missingFile',
          path: LINKS,
          ...where(DEAD, '/assets/install/screen.jpg'),
          data: { what: 'image', link: '/assets/install/screen.jpg', expected: 'docs/src/public/assets/install/screen.jpg or docs/src/assets/install/screen.jpg' },
        },
        { messageId: 'missingFile', path: LINKS, ...where(DEAD, '/images/favicon.png'), data: { what: 'src', link: '/images/favicon.png', expected: 'docs/src/public/images/favicon.png or docs/src/images/favicon.png' } },
        { messageId: 'outsideSite', path: LINKS, ...where(DEAD, '../../README.md'), data: { what: 'link', link: '../../README.md', srcDir: 'docs/src', expected: 'README.md' } },
        { messageId: 'missingPage', path: LINKS, ...where(DEAD, '[old page][old]'), data: { what: 'link', link: '/old-page', expected: 'docs/src/old-page.md or docs/src/old-page/index.md' } },
      ],
    },
    {
      name: 'anchors: a missing one on the page and on another page, one in the wrong case, warnings; custom ids, HTML ids and included headings count',
      files: docs({ [LINKS]: ANCHORS }),
      findings: [
        { messageId: 'missingAnchor', path: LINKS, ...where(ANCHORS, '#missing'), severity: 'warning', data: { what: 'link', link: '#missing', page: '/links', anchor: 'missing' } },
        {
          messageId: 'anchorCase',
          path: LINKS,
          ...where(ANCHORS, '/wrapper/cli/start#Options'),
          severity: 'warning',
          data: { what: 'link', link: '/wrapper/cli/start#Options', page: '/wrapper/cli/start', anchor: 'Options', closest: 'options' },
        },
        {
          messageId: 'missingAnchor',
          path: LINKS,
          ...where(ANCHORS, '/first-install#requirements'),
          severity: 'warning',
          data: { what: 'link', link: '/first-install#requirements', page: '/first-install', anchor: 'requirements' },
        },
      ],
    },
    {
      name: 'an include of a missing file, and one leaving the repository',
      files: docs({ [FAQ]: edit('# Frequently asked questions\n', '# Frequently asked questions\n\n<!--@include: ./parts/intro.md-->\n<!--@include: ../../../secret.md-->\n') }),
      findings: [
        { messageId: 'missingInclude', path: FAQ, line: 3, column: 15, data: { include: './parts/intro.md', expected: 'docs/src/parts/intro.md' } },
        { messageId: 'includeOutside', path: FAQ, line: 4, column: 15, data: { include: '../../../secret.md' } },
      ],
    },
    {
      name: 'a frontmatter link to a missing page, at the line that writes it',
      files: docs({ [page('index.md')]: '---\nlayout: home\nhero:\n  actions:\n    - text: Get started\n      link: /get-started\n    - text: FAQ\n      link: /faq\n---\n' }),
      findings: [{ messageId: 'missingPage', path: page('index.md'), line: 6, column: 13, data: { what: 'frontmatter link', link: '/get-started', expected: 'docs/src/get-started.md or docs/src/get-started/index.md' } }],
    },
    {
      name: 'a frontmatter link written with an escape: at its top-level key',
      files: docs({ [page('index.md')]: '---\nlayout: home\nfeatures:\n  - title: FAQ\n    link: /faq\n  - title: Start\n    link: "/get\\u002Dstarted"\n---\n' }),
      findings: [{ messageId: 'missingPage', path: page('index.md'), line: 3, column: 1, data: { what: 'frontmatter link', link: '/get-started', expected: 'docs/src/get-started.md or docs/src/get-started/index.md' } }],
    },
  ],
});
