// Preloaded with `node -r` into a command under measure: on exit, writes one line to stderr,
// `maxRSS <kilobytes>` (peak resident memory of the process, process.resourceUsage()).
'use strict';
const fs = require('fs');
process.on('exit', () => {
  fs.writeSync(2, `maxRSS ${process.resourceUsage().maxRSS}\n`);
});
