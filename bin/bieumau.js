#!/usr/bin/env node
'use strict';
// The command-line tool: compiled from src/cli by `npm run build:cli` (run by `npm ci` through `prepare`).
// Whatever goes wrong, the user gets one line on stderr and exit code 2, never a stack trace.
const path = require('path');

const MAIN = path.join(__dirname, '..', 'build', 'cli', 'main.js');

/** One line: the first line of the message (a stack or a multi-line message stays out). */
function oneLine(err) {
  const text = err && typeof err.message === 'string' && err.message !== '' ? err.message : String(err);
  return text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '') || 'unknown error';
}

function die(err) {
  process.stderr.write(`bieumau: ${oneLine(err)}\n`);
  process.exit(2);
}

process.on('uncaughtException', die);
process.on('unhandledRejection', die);

let main;
try {
  ({ main } = require(MAIN));
} catch (e) {
  // not built: main.js itself is missing (not a module main.js requires; those are named on the first line)
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).split('\n')[0].includes(MAIN)) {
    process.stderr.write('bieumau: công cụ chưa được biên dịch, chạy `npm run build:cli` trước / the tool is not built; run `npm run build:cli` first.\n');
    process.exit(2);
  }
  die(e);
}
if (typeof main !== 'function') die(new Error(`${MAIN} does not export main; run \`npm run build:cli\` again`));
// exitCode, not exit(): on macOS a pipe is written asynchronously and exit() would cut `check --json | …` short.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, die);
