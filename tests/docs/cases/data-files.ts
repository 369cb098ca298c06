// docs/redirect-target-exists and docs/tools-list-format: the redirects file and the CSV lists.
import { RuleTester } from '../../../runner/testing.js';
import { FULL_LIST, REDIRECTS, RELEASES, SRC, docs, edit, where } from './fixture.js';

const tester = new RuleTester();

const BAD_REDIRECTS = `# Static redirects
/legal/terms-of-service   /legal/terms-of-sale-and-service
/old-faq                  /questions        301
/logo                     /images/logo.svg
/discord                  https://discord.exegol.com
/lonely
/moved                    /faq              418
/blog/*                   /news/:splat
`;

tester.run('docs/redirect-target-exists', {
  valid: [
    { name: 'the fixture as committed: a page and a page with a status', files: docs() },
    { name: 'redirects to an anchor of a page, to a file of public/, to the home page', files: docs({ [REDIRECTS]: '/q /faq#installed-tools\n/icon /images/favicon-32x32.png\n/home /\n' }) },
  ],
  invalid: [
    {
      name: 'a missing page and file, lines Cloudflare ignores, a destination only the request tells; external destinations are not checked',
      files: docs({ [REDIRECTS]: BAD_REDIRECTS }),
      findings: [
        { messageId: 'missingPage', path: REDIRECTS, ...where(BAD_REDIRECTS, '/questions'), data: { what: 'redirect', from: '/old-faq', link: '/questions', expected: 'docs/src/questions.md or docs/src/questions/index.md' } },
        {
          messageId: 'missingFile',
          path: REDIRECTS,
          ...where(BAD_REDIRECTS, '/images/logo.svg'),
          data: { what: 'redirect', from: '/logo', link: '/images/logo.svg', expected: 'docs/src/public/images/logo.svg or docs/src/images/logo.svg' },
        },
        { messageId: 'malformed', path: REDIRECTS, line: 6, column: 1, data: { problem: 'expected "source destination [status]", found 1 field' } },
        { messageId: 'malformed', path: REDIRECTS, line: 7, column: 45, data: { problem: 'status "418" is not one of 200, 301, 302, 303, 307, 308' } },
        { messageId: 'dynamic', path: REDIRECTS, ...where(BAD_REDIRECTS, '/news/:splat'), unverified: true, severity: 'note', data: { from: '/blog/*', to: '/news/:splat' } },
      ],
    },
    {
      name: 'the redirects of public/_redirects too',
      files: docs({ [`${SRC}/public/_redirects`]: '/old-faq /questions\n' }),
      findings: [{ messageId: 'missingPage', path: `${SRC}/public/_redirects`, line: 1, column: 10, data: { what: 'redirect', from: '/old-faq', link: '/questions', expected: 'docs/src/questions.md or docs/src/questions/index.md' } }],
    },
  ],
});

const SCCM = 'sccmhunter,https://github.com/garrettfoster13/sccmhunter,Identifying, profiling, and attacking SCCM related assets.\n';
const badRows = (n: number) => Array.from({ length: n }, (_, i) => `tool${i},https://example.org/${i},one, two\n`).join('');

tester.run('docs/tools-list-format', {
  valid: [
    { name: 'the fixture as committed: a release list linking a published full list', files: docs() },
    {
      name: 'quoted fields holding commas, quotes and a line break',
      files: docs({ [FULL_LIST]: edit('\nadidnsdump,', '\nsccmhunter,https://github.com/garrettfoster13/sccmhunter,"Identifying, ""profiling""\nand attacking SCCM"\nadidnsdump,') }),
    },
  ],
  invalid: [
    {
      name: 'a row with an unquoted comma, an empty list, a download link to a list never published, a relative one (warnings)',
      files: docs({
        [FULL_LIST]: (old) => old + SCCM,
        [`${SRC}/public/installed_tools/lists/ad_1.0.0_amd64.csv`]: '',
        [RELEASES]: (old) => `${old}ad,1.0.0,"2025-06-25T07:12:40Z",[download](</installed_tools/lists/ad_1.1.0_amd64.csv>)\nweb,1.0.0,"2025-06-25T07:12:40Z",[download](lists/web_1.0.0_amd64.csv)\n`,
      }),
      findings: [
        { messageId: 'noHeader', path: `${SRC}/public/installed_tools/lists/ad_1.0.0_amd64.csv`, line: 1, severity: 'warning', data: { list: `${SRC}/public/installed_tools/lists/ad_1.0.0_amd64.csv` } },
        { messageId: 'columns', path: FULL_LIST, line: 4, column: 1, severity: 'warning', data: { first: 'sccmhunter', columns: 5, expected: 3 } },
        {
          messageId: 'missingFile',
          path: RELEASES,
          line: 3,
          column: 45,
          severity: 'warning',
          data: { what: 'download link', link: '/installed_tools/lists/ad_1.1.0_amd64.csv', expected: 'docs/src/public/installed_tools/lists/ad_1.1.0_amd64.csv or docs/src/installed_tools/lists/ad_1.1.0_amd64.csv' },
        },
        { messageId: 'relativeDownload', path: RELEASES, line: 4, column: 45, unverified: true, severity: 'note', data: { link: 'lists/web_1.0.0_amd64.csv' } },
      ],
    },
    {
      name: 'a generator breaking every row: the first five, then how many more',
      files: docs({ [FULL_LIST]: (old) => old + badRows(8) }),
      findings: [
        ...[4, 5, 6, 7, 8].map((line) => ({ messageId: 'columns', path: FULL_LIST, line, data: { first: `tool${line - 4}`, columns: 4, expected: 3 } })),
        { messageId: 'moreRows', path: FULL_LIST, line: 9, data: { count: 3, list: FULL_LIST, expected: 3 } },
      ],
    },
  ],
});
