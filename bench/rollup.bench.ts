/**
 * `rollup_ms_12`: one `bieumau roll-up OUT.xlsx FOLDER --json` call (the built command line,
 * process start included) rolling the twelve Decree 09 monthly reports of one commune for 2025 up
 * into the year (15/12/2024–14/12/2025), wall time in ms, median of 3 runs. The inputs are filled
 * unit workbooks (every table of the standard set) written with the xlsx writer; the result is
 * checked (365 days, every flow total the sum of the months, Biểu 04 the last month).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { periodRange } from '../src/core/periods';
import { writeWorkbook } from '../src/xlsx/writer';
import { unitFigures, unitPlans } from '../test/support/units-fixture';
import { runMeasured } from '../test/support/measure';
import { ensureCliBuilt } from './support/cli';

const RUNS = 3;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

function rollUpOnce(cwd: string): number {
  const root = path.join(__dirname, '..');
  const out = path.join(cwd, 'nam-2025.xlsx');
  fs.rmSync(out, { force: true });
  const m = runMeasured([path.join(root, 'bin', 'bieumau.js'), 'roll-up', out, path.join(cwd, 'in'), '--json'], cwd);
  const r = m.result;
  if (r.status !== 0) throw new Error(`bieumau roll-up exited ${String(r.status)}: ${r.stderr.slice(0, 500)}`);
  const doc = JSON.parse(r.stdout) as { period: { days: number } | null; totals: Record<string, Record<string, number>> };
  if (doc.period?.days !== 365) throw new Error(`the year should have 365 days, not ${String(doc.period?.days)}`);
  const flow = MONTHS.reduce((a, mo) => a + unitFigures(mo).b01[0][10], 0);
  if (doc.totals.b01['local.commune'] !== flow) throw new Error(`wrong total: ${doc.totals.b01['local.commune']} instead of ${flow}`);
  const stock = unitFigures(12).b04[0][0] + unitFigures(12).b04[1][0];
  if (doc.totals.b04.published !== stock) throw new Error('Biểu 04 should be the last month');
  return m.ms;
}

export async function run(): Promise<Record<string, number>> {
  const root = path.join(__dirname, '..');
  ensureCliBuilt(root);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-bench-rollup-'));
  try {
    fs.mkdirSync(path.join(dir, 'in'));
    for (const mo of MONTHS) {
      const period = periodRange({ kind: 'month', year: 2025, month: mo });
      fs.writeFileSync(path.join(dir, 'in', `thang-${String(mo).padStart(2, '0')}.xlsx`), await writeWorkbook(unitPlans({ unit: 'UBND XÃ A', seed: mo, period })));
    }
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(rollUpOnce(dir));
    times.sort((a, b) => a - b);
    return { rollup_ms_12: Math.round(times[Math.floor(times.length / 2)]) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
