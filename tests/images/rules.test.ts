// The images rules, run in memory on the images fixtures (tests/fixtures/images*). The cases live
// in one module per topic under cases/; they are collected by this one test file so that they
// share one worker: loading the rules and starting the bash parser once is most of their cost.
import './cases/clean-and-bad-input.js';
import './cases/install-functions.js';
import './cases/temp-fix.js';
import './cases/assets.js';
import './cases/arch-fallback.js';
import './cases/build-wiring.js';
import './cases/old-layouts.js';
