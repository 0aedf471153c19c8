// Preloaded into the CLI child (node -r) to report its peak RSS on exit, since /usr/bin/time may be absent.
const fs = require('fs');
process.on('exit', () => {
  const file = process.env.MLSEC_BENCH_RSS_FILE;
  // maxRSS is in kilobytes and covers every thread of the process (workers included).
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
