// Preloaded with `node -r` into a benchmarked child process: at exit, writes the process's peak
// resident set size in MB to the file named by BM_RSS_FILE.
'use strict';
const fs = require('fs');
process.on('exit', () => {
  const file = process.env.BM_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS / 1024));
});
