#!/usr/bin/env node
'use strict';
// The command-line tool: compiled from src/cli by `npm run build:cli` (run by `npm ci` through `prepare`).
let main;
try {
  ({ main } = require('../build/cli/main.js'));
} catch (e) {
  process.stderr.write('bieumau: the tool is not built; run `npm run build:cli` first.\n');
  process.exit(2);
}
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`bieumau: ${err && err.message ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
