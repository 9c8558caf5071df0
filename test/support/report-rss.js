// Preloaded with `node -r` into a command under measure: at exit, writes to the file named by
// BM_RSS_FILE, as JSON, the process's peak resident memory in MB (`rssMb`) and the CPU time it used,
// user + system, in ms (`cpuMs`: on a busy machine the CPU time says what the wall time cannot).
// On Linux the peak is VmHWM of /proc/self/status: process.resourceUsage().maxRSS there also counts
// the parent's memory copied by fork before this program was exec'd (a large test runner would
// show as this process's peak); maxRSS elsewhere.
'use strict';
const fs = require('fs');

function peakMb() {
  try {
    const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

process.on('exit', () => {
  const file = process.env.BM_RSS_FILE;
  if (!file) return;
  const u = process.resourceUsage();
  fs.writeFileSync(file, JSON.stringify({ rssMb: peakMb(), cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
});
