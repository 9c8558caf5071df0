/**
 * Hostile files through the built command line (`node bin/bieumau.js check FILE --json`), each a
 * copy of the `--sample` workbook whose first sheet is replaced by 300 MB of deflated spaces
 * (a 320 KB file):
 * - `bomb_ms`, `bomb_rss_mb`: the part's size declared honestly (refused from the central
 *   directory); wall time in ms, process start included, median of 3 runs, and the peak resident
 *   memory of that process in MB (VmHWM on Linux, else `process.resourceUsage().maxRSS`; see
 *   test/support/report-rss.js), the highest of the runs;
 * - `bomb_lying_ms`, `bomb_lying_rss_mb`: the same part declared as 40,000 bytes (inflating stops
 *   there).
 * Builds the CLI if missing.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildWorkbook, parseNewArgs } from '../src/cli/new';
import { bombWorkbook } from '../test/support/zip-bomb';
import { runMeasured } from '../test/support/measure';
import { ensureCliBuilt } from './support/cli';

const RUNS = 3;

function measure(root: string, dir: string, file: string): { ms: number; rssMb: number } {
  const bin = path.join(root, 'bin', 'bieumau.js');
  const times: number[] = [];
  let peak = 0;
  for (let i = 0; i < RUNS; i++) {
    const m = runMeasured([bin, 'check', file, '--json'], dir);
    times.push(m.ms);
    const doc = JSON.parse(m.result.stdout) as { files: { error?: unknown }[] };
    if (m.result.status !== 2 || !doc.files[0].error) throw new Error(`the bomb ${file} was not refused: exit ${String(m.result.status)}`);
    peak = Math.max(peak, m.rssMb);
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round(times[Math.floor(times.length / 2)]), rssMb: Math.round(peak) };
}

export async function run(): Promise<Record<string, number>> {
  const root = path.join(__dirname, '..');
  ensureCliBuilt(root);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-bench-bomb-'));
  try {
    const sample = await buildWorkbook(parseNewArgs(['unused.xlsx', '--sample']));
    fs.writeFileSync(path.join(dir, 'bomb.xlsx'), await bombWorkbook(sample, 300));
    fs.writeFileSync(path.join(dir, 'lying.xlsx'), await bombWorkbook(sample, 300, 40000));
    const honest = measure(root, dir, 'bomb.xlsx');
    const lying = measure(root, dir, 'lying.xlsx');
    return { bomb_ms: honest.ms, bomb_rss_mb: honest.rssMb, bomb_lying_ms: lying.ms, bomb_lying_rss_mb: lying.rssMb };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
