// Every docs rule that reads the site says "cannot verify", and why, when the pages cannot be told:
// no VitePress config, a config that does not parse, a srcDir only running the config would tell.
import { RuleTester } from '../../../runner/testing.js';
import { CONFIG, docs, edit, page } from './fixture.js';

const tester = new RuleTester();
const SITE_RULES = ['docs/sidebar-link-exists', 'docs/internal-link-exists', 'docs/page-reachable', 'docs/page-not-empty', 'docs/redirect-target-exists', 'docs/tools-list-format'];

for (const rule of SITE_RULES) {
  tester.run(rule, {
    valid: [],
    invalid: [
      {
        name: 'no VitePress config: anchored at the home page',
        files: docs({ [CONFIG]: null }),
        findings: [{ messageId: 'noSite', path: page('index.md'), line: 1, column: 1, unverified: true, severity: 'note', data: { reason: 'no VitePress config (.vitepress/config.js, .mjs, .ts or .mts) was found' } }],
      },
      {
        name: 'a config that does not parse (its meta/parse-error gives the line)',
        files: docs({ [CONFIG]: edit('  cleanUrls: true,\n', '  cleanUrls true,\n') }),
        findings: [{ messageId: 'noSite', path: CONFIG, line: 1, unverified: true, data: { reason: `${CONFIG} could not be read (its meta/parse-error says where)` } }],
      },
      {
        name: 'a srcDir only running the config would tell: at its line',
        files: docs({ [CONFIG]: edit("  srcDir: 'src',\n", '  srcDir: process.env.SRC_DIR,\n') }),
        // The reason's wording is the config view's; its place shows where it came from.
        findings: [{ messageId: 'noSite', path: CONFIG, line: 9, column: 11, unverified: true }],
      },
    ],
  });
}
