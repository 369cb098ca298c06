// The wrapper rules that read files only, run in memory. The cases live in one module per topic
// under cases/; this one test file collects them so that they share one worker (loading the rules
// and the parsers once is most of their cost). What git decides is tested on real git in
// version.test.ts, git-rules.test.ts, policy.test.ts and old-layout.test.ts.
import './cases/version-files.js';
import './cases/spawn-gitmodules.js';
