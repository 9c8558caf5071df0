/**
 * The data export as an office runs it: one `bieumau export FOLDER -o OUT.csv` call (the built
 * command line, process start included) on 124 clean copies of the sample workbook (a province's
 * communes; bench/support/cli.ts writes them).
 * - `export_ms_124`: wall time in ms, median of 3 runs;
 * - `export_cpu_ms_124`: the CPU time (user + system) of the median run, which a busy machine does not inflate.
 * Each run's CSV is checked: one header and 70 figures per workbook.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runMeasured } from '../test/support/measure';
import { ensureCliBuilt, writeCleanSamples } from './support/cli';

const RUNS = 3;
const COUNT = 124;
/** Figures of the sample workbook: Biểu 01 13 + 4 averages, Biểu 02 18, Biểu 03 11, Biểu 04 8 × 3 rows. */
const PER_WORKBOOK = 70;

function exportOnce(cwd: string): { ms: number; cpuMs: number } {
  const root = path.join(__dirname, '..');
  const out = path.join(cwd, 'so-lieu.csv');
  fs.rmSync(out, { force: true });
  const m = runMeasured([path.join(root, 'bin', 'bieumau.js'), 'export', path.join(cwd, 'in'), '-o', out], cwd);
  if (m.result.status !== 0) throw new Error(`bieumau export exited ${String(m.result.status)}: ${m.result.stderr.slice(0, 500)}`);
  const lines = fs.readFileSync(out, 'utf8').split('\r\n').length - 2;
  if (lines !== COUNT * PER_WORKBOOK) throw new Error(`export wrote ${lines} records instead of ${COUNT * PER_WORKBOOK}`);
  return { ms: m.ms, cpuMs: m.cpuMs };
}

export async function run(): Promise<Record<string, number>> {
  const root = path.join(__dirname, '..');
  ensureCliBuilt(root);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-bench-export-'));
  try {
    fs.mkdirSync(path.join(dir, 'in'));
    await writeCleanSamples(path.join(dir, 'in'), COUNT);
    const runs: { ms: number; cpuMs: number }[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(exportOnce(dir));
    runs.sort((a, b) => a.ms - b.ms);
    const median = runs[Math.floor(runs.length / 2)];
    return { export_ms_124: Math.round(median.ms), export_cpu_ms_124: Math.round(median.cpuMs) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
