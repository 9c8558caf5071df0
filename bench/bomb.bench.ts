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
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildWorkbook, parseNewArgs } from '../src/cli/new';
import { bombWorkbook } from '../test/support/zip-bomb';

const RUNS = 3;

function measure(root: string, dir: string, file: string): { ms: number; rssMb: number } {
  const bin = path.join(root, 'bin', 'bieumau.js');
  const rss = path.join(root, 'test', 'support', 'report-rss.js');
  const times: number[] = [];
  let peak = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-r', rss, bin, 'check', file, '--json'], { cwd: dir, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const doc = JSON.parse(r.stdout) as { files: { error?: unknown }[] };
    if (r.status !== 2 || !doc.files[0].error) throw new Error(`the bomb ${file} was not refused: exit ${String(r.status)}`);
    const m = /maxRSS (\d+)/.exec(r.stderr);
    if (!m) throw new Error(`no maxRSS line: ${r.stderr}`);
    peak = Math.max(peak, Number(m[1]) / 1024);
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round(times[Math.floor(times.length / 2)]), rssMb: Math.round(peak) };
}

export async function run(): Promise<Record<string, number>> {
  const root = path.join(__dirname, '..');
  if (!fs.existsSync(path.join(root, 'build', 'cli', 'main.js'))) {
    const b = spawnSync('npm', ['run', 'build:cli'], { cwd: root, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`npm run build:cli failed: ${b.stderr}`);
  }
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
