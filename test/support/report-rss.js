// Preloaded with `node -r` into a command under measure: on exit, writes one line to stderr,
// `maxRSS <kilobytes>`, the peak resident memory of this process. On Linux that is VmHWM of
// /proc/self/status: process.resourceUsage().maxRSS there also counts the parent's memory copied
// by fork before this program was exec'd (a large test runner would show as this process's peak).
'use strict';
const fs = require('fs');

function peakKb() {
  try {
    const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  fs.writeSync(2, `maxRSS ${peakKb()}\n`);
});
