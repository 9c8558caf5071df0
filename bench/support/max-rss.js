// Preloaded with `node -r` into a benchmarked child process: at exit, writes to the file named by
// BM_RSS_FILE the process's peak resident set size in MB and the CPU time it used (user + system,
// ms), as JSON: on a busy machine the CPU time says what the wall time cannot.
'use strict';
const fs = require('fs');
process.on('exit', () => {
  const file = process.env.BM_RSS_FILE;
  if (!file) return;
  const u = process.resourceUsage();
  fs.writeFileSync(file, JSON.stringify({ rssMb: u.maxRSS / 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
});
