// Preloaded with `node -r` into a benchmarked child process: at exit, writes to the file named by
// BM_RSS_FILE the process's peak resident set size in MB and the CPU time it used (user + system,
// ms), as JSON: on a busy machine the CPU time says what the wall time cannot. The peak is VmHWM
// from /proc/self/status on Linux (resourceUsage().maxRSS keeps what the parent had when it forked
// this process, so a large parent would be counted), maxRSS elsewhere.
'use strict';
const fs = require('fs');

function peakMb() {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
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
