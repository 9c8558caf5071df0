'use strict';
/**
 * Prints one plain closing line, `jest: N passed, N failed` (and skipped when any), after every
 * run, and keeps the counts in test-output/jest-summary.json for .ci/run's total line.
 */
const fs = require('fs');
const path = require('path');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `jest: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    process.stdout.write(`${line}\n`);
    const dir = path.join(__dirname, '..', '..', 'test-output');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'jest-summary.json'), JSON.stringify({ passed, failed, skipped }));
  }
}

module.exports = SummaryReporter;
