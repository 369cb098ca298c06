// The docs rules, run in memory on the docs fixture (tests/fixtures/docs). The cases live in one
// module per topic under cases/; this one test file collects them so that they share one worker:
// loading the rules and the parsers once is most of their cost.
import './cases/config-links.js';
import './cases/page-links.js';
import './cases/pages.js';
import './cases/data-files.js';
import './cases/site-unknown.js';
import './cases/dev-branches.js';
