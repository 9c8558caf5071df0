/**
 * Which jest project a suite belongs to (jest.config.js), from what its file says and what the
 * helpers of test/support it imports say:
 * - `libreoffice`: it recalculates in LibreOffice (test/support/libreoffice.ts, or names soffice);
 * - `subprocess`: it starts processes (child_process: the built CLI, npm, tsx, xmllint);
 * - `officejs`: it runs Microsoft's Excel client library on the in-memory Excel (src/devhost, the
 *   pane's harness test/taskpane-harness.tsx): the adapter, the pane and the host suites, which take
 *   tens of seconds each;
 * - `unit`: everything else, the quick suites.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const TEST = path.join(__dirname, '..');
const LIBREOFFICE = /support\/libreoffice|\bsoffice\b/;
const PROCESSES = /\bchild_process\b/;
const OFFICEJS = /\/devhost\b|taskpane-harness/;

function read(file) {
  return fs.readFileSync(file, 'utf8');
}

/** The helpers of test/support a suite imports (`./support/x` → test/support/x.ts). */
function supportHelpers(text) {
  const out = [];
  for (const m of text.matchAll(/from '\.\/support\/([\w-]+)'|require\('\.\/support\/([\w-]+)'\)/g)) {
    const name = m[1] || m[2];
    for (const ext of ['.ts', '.tsx', '.js']) {
      const file = path.join(TEST, 'support', name + ext);
      if (fs.existsSync(file)) out.push(read(file));
    }
  }
  return out;
}

/** `libreoffice`, `subprocess`, `officejs` or `unit`, from the suite's text and the helpers it imports. */
function projectOf(file) {
  const text = read(file);
  if (LIBREOFFICE.test(text)) return 'libreoffice';
  const helpers = supportHelpers(text);
  if (helpers.some((h) => LIBREOFFICE.test(h))) return 'libreoffice';
  if (PROCESSES.test(text) || helpers.some((h) => PROCESSES.test(h))) return 'subprocess';
  if (OFFICEJS.test(text) || helpers.some((h) => OFFICEJS.test(h))) return 'officejs';
  return 'unit';
}

const suites = fs
  .readdirSync(TEST)
  .filter((f) => /\.test\.tsx?$/.test(f))
  .map((f) => ({ file: path.join(TEST, f), project: projectOf(path.join(TEST, f)) }));

/** Regexes matching exactly the given files (jest matches testRegex against the absolute path). */
function only(project) {
  const names = suites.filter((s) => s.project === project).map((s) => path.basename(s.file).replace(/\./g, '\\.'));
  // A project with no suite matches nothing rather than everything.
  return names.length ? [`/test/(${names.join('|')})$`] : ['^$'];
}

module.exports = { projectOf, suites, only };
