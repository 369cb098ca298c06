// docs/sidebar-link-exists: nav and sidebar links read from the config without running it, through
// its functions, bases and the sidebar file it imports.
import { RuleTester } from '../../../runner/testing.js';
import { CONFIG, CONTRIBUTE_SIDEBAR, docs, edit, page } from './fixture.js';

const tester = new RuleTester();

tester.run('docs/sidebar-link-exists', {
  valid: [
    { name: 'the fixture as committed: relative links under bases, `.md` links, `/blog/` as blog/index.md, external links', files: docs() },
    {
      name: 'a link with an anchor and a query names its page; a group base wins over the sidebar base',
      files: docs({
        [CONFIG]: edit(
          '        { text: "Tools list", link: "images/tools.md" },\n',
          '        { text: "Tools list", link: "images/tools.md#latest_nightly" },\n        { text: "FAQ", link: "faq?from=sidebar" },\n        { text: "Legal", base: "/legal/", items: [{ text: "Summary", link: "summary" }] },\n',
        ),
      }),
    },
  ],
  invalid: [
    {
      name: 'a page renamed: the entry in the imported sidebar file, under its sidebar base',
      files: docs({ [page('contribute/docs.md')]: null, [page('contribute/documentation.md')]: '# Contributing to the docs\n' }),
      findings: [
        {
          messageId: 'missingPage',
          path: CONTRIBUTE_SIDEBAR,
          line: 9,
          column: 31,
          data: { what: 'sidebar link', link: 'docs', expected: 'docs/src/contribute/docs.md or docs/src/contribute/docs/index.md' },
        },
      ],
    },
    {
      name: 'an entry of a function of the config, a nav entry, and an entry whose group sets its own base',
      files: docs({
        [CONFIG]: (old) =>
          edit('{ text: "Terms of Sale and Service", link: "terms-of-sale-and-service" }', '{ text: "Terms of Sale and Service", link: "terms-of-sale" }')(
            edit("{ text: 'FAQ', link: 'faq' }", "{ text: 'FAQ', link: 'questions' }")(
              edit('      text: "Exegol images",\n', '      text: "Exegol images",\n      base: "/images/",\n')(old),
            ),
          ),
      }),
      findings: [
        { messageId: 'missingPage', path: CONFIG, line: 31, column: 26, data: { what: 'nav link', link: 'questions', expected: 'docs/src/questions.md or docs/src/questions/index.md' } },
        { messageId: 'missingPage', path: CONFIG, line: 49, column: 52, data: { what: 'sidebar link', link: 'terms-of-sale', expected: 'docs/src/legal/terms-of-sale.md or docs/src/legal/terms-of-sale/index.md' } },
        { messageId: 'missingPage', path: CONFIG, line: 64, column: 37, data: { what: 'sidebar link', link: 'images/tools.md', expected: 'docs/src/images/images/tools.md or docs/src/images/images/tools/index.md' } },
      ],
    },
    {
      name: 'a link to a file that is not a page, and one climbing out of the pages\' folder',
      files: docs({
        [CONFIG]: edit(
          "    { text: 'FAQ', link: 'faq' },\n",
          "    { text: 'FAQ', link: 'faq' },\n    { text: 'Releases', link: '/installed_tools/releases.csv' },\n    { text: 'Readme', link: '/../../README.md' },\n",
        ),
      }),
      findings: [
        {
          messageId: 'missingFile',
          path: CONFIG,
          line: 32,
          column: 31,
          data: { what: 'nav link', link: '/installed_tools/releases.csv', expected: 'docs/src/public/installed_tools/releases.csv or docs/src/installed_tools/releases.csv' },
        },
        { messageId: 'outsideSite', path: CONFIG, line: 33, column: 29, data: { what: 'nav link', link: '/../../README.md', srcDir: 'docs/src', expected: 'README.md' } },
      ],
    },
    {
      name: 'a link only running the config would tell is a "cannot verify" note at its line; the literal links are still checked',
      files: docs({
        [CONFIG]: edit("    { text: 'FAQ', link: 'faq' },\n", "    { text: 'FAQ', link: 'faq' },\n    { text: 'Changelog', link: process.env.CHANGELOG ?? '/changelog' },\n"),
        [CONTRIBUTE_SIDEBAR]: edit('{ text: "Docs", link: "docs" }', '{ text: "Docs", link: "doc" }'),
      }),
      findings: [
        { messageId: 'unresolved', path: CONFIG, line: 32, column: 32, unverified: true, severity: 'note', data: { reason: "link: `process.env.CHANGELOG ?? '/changelog'` is only known by running the code" } },
        { messageId: 'missingPage', path: CONTRIBUTE_SIDEBAR, line: 9, column: 31, data: { what: 'sidebar link', link: 'doc', expected: 'docs/src/contribute/doc.md or docs/src/contribute/doc/index.md' } },
      ],
    },
  ],
});
