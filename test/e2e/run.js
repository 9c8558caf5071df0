#!/usr/bin/env node
// `npm run test:e2e`: the production task pane, driven in Debian's Chromium through the preview page
// (scripts/preview.js) with playwright-core. Builds dist/ and build/preview/ when sources are newer,
// starts the preview server on a free port, runs every scenario of test/e2e/scenarios/*.js (file
// order, then declaration order), each on its own fresh page and workbook (harness.js), checks
// every pane state with axe-core (no serious or critical violation), writes screenshots to
// test-output/e2e/, and ends with the line `N passed, M failed`. Exit code 0 only when every
// scenario passed.
//   npm run test:e2e -- --grep TEXT   only the scenarios whose name matches TEXT (a regular expression)
//   npm run test:e2e -- --fonts DIR   Chromium sees only the fonts in DIR, as on another machine (fonts.js;
//                    scripts/second-fonts.sh DIR fetches a second set); screenshots and reports go to
//                    test-output/e2e/fonts-<DIR's name>/. Every run prints the family the pane is drawn in.
//   E2E_NO_BUILD=1   use dist/ and build/preview/ as they are
//   E2E_DIST=DIR     build the production bundle (same config) into DIR and test that one, e.g. when
//                    other work rebuilds dist/ at the same time
//   CHROMIUM=/path   another Chromium binary (default /usr/bin/chromium)
//   E2E_ONLY=TEXT    only the scenarios whose name contains TEXT
//   E2E_TIMEOUT_MS   how long a wait for a state may take before it fails (default 30000)
'use strict';

const path = require('path');
const { runAll, loadScenarioFiles, scenarios } = require('./harness');

const args = process.argv.slice(2);
const at = args.indexOf('--grep');
const grep = at >= 0 && args[at + 1] ? new RegExp(args[at + 1], 'i') : undefined;
const fontsAt = args.indexOf('--fonts');
if (fontsAt >= 0 && !args[fontsAt + 1]) {
  console.error('e2e: --fonts needs a folder of font files (scripts/second-fonts.sh DIR makes one)');
  process.exit(2);
}
const fontsDir = fontsAt >= 0 ? args[fontsAt + 1] : undefined;

try {
  loadScenarioFiles(path.join(__dirname, 'scenarios'));
} catch (e) {
  console.error(`e2e: ${e && e.message ? e.message : String(e)}`);
  console.log(`0 passed, 1 failed`);
  process.exit(1);
}

runAll({ grep, fontsDir }).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`e2e: ${e && e.message ? e.message : String(e)}`);
    console.log(`0 passed, ${scenarios.length} failed`);
    process.exit(1);
  },
);
