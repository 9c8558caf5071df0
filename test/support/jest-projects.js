/**
 * The jest projects (jest.config.js) are the folders of test/: a suite runs in the project of the
 * folder it sits in.
 * - `libreoffice/`: it recalculates in LibreOffice (test/support/libreoffice.ts, or names soffice);
 * - `subprocess/`: it starts processes (child_process: the built CLI, npm, tsx, xmllint);
 * - `officejs/`: it runs Microsoft's Excel client library on the in-memory Excel (src/devhost, the
 *   pane's harness test/support/taskpane-harness.tsx): the adapter, the pane and the host suites,
 *   which take tens of seconds each;
 * - `unit/`: everything else, the quick suites.
 * `folderByWords` reads what a suite's file and the helpers of test/support it imports say, in that
 * order of the list; test/unit/jest-projects.test.ts fails when a suite sits in another folder than that.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const TEST = path.join(__dirname, '..');
const PROJECTS = ['unit', 'officejs', 'libreoffice', 'subprocess'];
const LIBREOFFICE = /support\/libreoffice|\bsoffice\b/;
const PROCESSES = /\bchild_process\b/;
const OFFICEJS = /\/devhost\b|taskpane-harness/;
const SUITE = /\.test\.tsx?$/;

function read(file) {
  return fs.readFileSync(file, 'utf8');
}

/** The helpers of test/support a suite imports (`../support/x` → test/support/x.ts). */
function supportHelpers(text) {
  const out = [];
  for (const m of text.matchAll(/(?:from |import\(|require\()'(?:\.\.?\/)+support\/([\w-]+)'/g)) {
    for (const ext of ['.ts', '.tsx', '.js']) {
      const file = path.join(TEST, 'support', m[1] + ext);
      if (fs.existsSync(file)) out.push(read(file));
    }
  }
  return out;
}

/** The folder a suite belongs in, from its text and the helpers it imports: `libreoffice`, `subprocess`, `officejs` or `unit`. */
function folderByWords(file) {
  const text = read(file);
  const helpers = supportHelpers(text);
  const says = (re) => re.test(text) || helpers.some((h) => re.test(h));
  if (says(LIBREOFFICE)) return 'libreoffice';
  if (says(PROCESSES)) return 'subprocess';
  if (says(OFFICEJS)) return 'officejs';
  return 'unit';
}

/** The project's suites, as jest finds them (`testMatch`). */
function testMatch(project) {
  return [`<rootDir>/test/${project}/**/*.test.{ts,tsx}`];
}

/** Every suite under test/ (test/e2e holds none: its scenarios have their own runner), wherever it sits. */
function allSuites(dir = TEST) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : allSuites(path.join(dir, d.name));
    return SUITE.test(d.name) ? [path.join(dir, d.name)] : [];
  });
}

module.exports = { PROJECTS, testMatch, folderByWords, allSuites, TEST };
