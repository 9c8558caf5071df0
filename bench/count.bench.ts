/**
 * `count_ms_100k`: one `bieumau count OUT.xlsx den.xlsx di-tu.xlsx di-ubnd.xlsx --from … --to …
 * --body … --json` call (the built command line, process start included) over a province's year of
 * registers — 100,000 rows: 40,000 incoming, 20,000 of the Provincial Party Committee, 40,000 of the
 * People's Committee, `.xlsx` exports with a title block and dates as Excel dates — reading them,
 * classifying every row and writing the workbook with its three register sheets. Wall time in ms,
 * median of 3 runs; `count_rss_mb_100k` the peak memory and `count_cpu_ms_100k` the CPU time (user +
 * system) of the median run — on a shared machine the CPU time is the steadier figure. The figures are checked
 * against the rows as generated. Target: ≤ 2,000 ms.
 *
 * `count_recalc_ms_100k`: the workbook written, opened by LibreOffice headless with a profile that
 * recalculates every formula on load (no cached value trusted) and its first sheet saved as CSV —
 * LibreOffice's start included; `count_recalc_cpu_ms_100k` the CPU time of that run (Linux: the
 * children's times of this process; absent elsewhere). The recalculated Bộ Chính trị and Ủy ban
 * nhân dân figures are checked. Target: ≤ 10,000 ms.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { incomingXlsx, outgoingXlsx, type IncomingRow, type OutgoingRow } from '../test/support/registers';
import { runMeasured } from '../test/support/measure';
import { convertWithLibreOffice } from '../test/support/libreoffice';
import { parseCsv } from '../src/xlsx/register-read';
import { ensureCliBuilt } from './support/cli';

const RUNS = 3;
const AUTHORS: [string, string, string][] = [
  ['Bộ Chính trị', 'NQ', 'TW'],
  ['Thủ tướng Chính phủ', 'CT', 'TTg'],
  ['Bộ Nội vụ', 'HD', 'BNV'],
  ['UBND tỉnh Lâm Đồng', 'QĐ', 'UBND'],
];
const PARTY_TYPES = ['NQ', 'CT', 'QĐi', 'QĐ', 'KL', 'BC', 'CV'];
const STATE_TYPES = ['QĐ', 'CT', 'TB', 'BC', 'KH'];

function day(i: number): string {
  const d = new Date(Date.UTC(2025, 0, 1) + (i % 365) * 86400000);
  return d.toISOString().slice(0, 10);
}

export async function run(): Promise<Record<string, number>> {
  const root = path.join(__dirname, '..');
  ensureCliBuilt(root);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-bench-count-'));
  try {
    const incoming: IncomingRow[] = [];
    for (let i = 0; i < 40000; i++) {
      const [author, type, issuer] = AUTHORS[i % AUTHORS.length];
      incoming.push({ arrival: { iso: day(i) }, arrivalNo: i + 1, author, symbol: `${i + 1}${issuer === 'TW' ? `-${type}/${issuer}` : `/${type}-${issuer}`}`, date: { iso: day(i) }, summary: `Văn bản số ${i + 1} về công tác năm 2025` });
    }
    const party: OutgoingRow[] = [];
    for (let i = 0; i < 20000; i++) party.push({ symbol: `${i + 1}-${PARTY_TYPES[i % PARTY_TYPES.length]}/TU`, date: { iso: day(i) }, summary: `Văn bản số ${i + 1}`, signer: 'Nguyễn Văn A' });
    const committee: OutgoingRow[] = [];
    for (let i = 0; i < 40000; i++) committee.push({ symbol: `${i + 1}/${STATE_TYPES[i % STATE_TYPES.length]}-UBND`, date: { iso: day(i) }, summary: `Văn bản số ${i + 1}`, signer: 'Trần Thị B' });
    fs.writeFileSync(path.join(dir, 'den.xlsx'), await incomingXlsx(incoming));
    fs.writeFileSync(path.join(dir, 'di-tu.xlsx'), await outgoingXlsx(party, 'TỈNH ỦY LÂM ĐỒNG'));
    fs.writeFileSync(path.join(dir, 'di-ubnd.xlsx'), await outgoingXlsx(committee));
    const politburo = incoming.filter((_r, i) => i % AUTHORS.length === 0).length;

    const runs: { ms: number; rss: number; cpu: number }[] = [];
    for (let k = 0; k < RUNS; k++) {
      const out = path.join(dir, 'nam-2025.xlsx');
      fs.rmSync(out, { force: true });
      const m = runMeasured(
        [path.join(root, 'bin', 'bieumau.js'), 'count', out, 'den.xlsx', 'di-tu.xlsx', 'di-ubnd.xlsx', '--from', '2025-01-01', '--to', '2025-12-31', '--body', 'local.peoplesCommittee=di-ubnd.xlsx', '--json'],
        dir,
      );
      if (m.result.status !== 0) throw new Error(`bieumau count exited ${String(m.result.status)}: ${m.result.stderr.slice(0, 500)}`);
      const doc = JSON.parse(m.result.stdout) as { counts: { column: string; value: number }[]; registers: { rows: number }[] };
      const rows = doc.registers.reduce((a, r) => a + r.rows, 0);
      if (rows !== 100000) throw new Error(`read ${rows} rows, not 100,000`);
      const got = doc.counts.find((c) => c.column === 'central.politburo')?.value;
      if (got !== politburo) throw new Error(`Bộ Chính trị: ${String(got)} instead of ${politburo}`);
      if (doc.counts.find((c) => c.column === 'local.peoplesCommittee')?.value !== 40000) throw new Error('Ủy ban nhân dân should be 40,000');
      runs.push({ ms: m.ms, rss: m.rssMb, cpu: m.cpuMs });
    }
    runs.sort((a, b) => a.ms - b.ms);
    const median = runs[Math.floor(runs.length / 2)];
    const recalc = recalcInLibreOffice(path.join(dir, 'nam-2025.xlsx'), politburo, 40000);
    return {
      count_ms_100k: Math.round(median.ms),
      count_rss_mb_100k: Math.round(median.rss),
      count_cpu_ms_100k: Math.round(median.cpu),
      count_recalc_ms_100k: Math.round(recalc.ms),
      ...(recalc.cpuMs !== undefined ? { count_recalc_cpu_ms_100k: Math.round(recalc.cpuMs) } : {}),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU time (user + system, ms) of this process's waited-for children, from /proc (Linux); undefined elsewhere. */
function childrenCpuMs(): number | undefined {
  try {
    // Fields after the command's closing parenthesis: cutime and cstime are the 14th and 15th.
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[13]) + Number(f[14])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** The written workbook opened and recalculated by LibreOffice: its wall (and CPU) time, the figures checked. */
function recalcInLibreOffice(file: string, politburo: number, committee: number): { ms: number; cpuMs?: number } {
  const out = path.join(path.dirname(file), 'lo');
  const cpu0 = childrenCpuMs();
  const t0 = process.hrtime.bigint();
  const [csv] = convertWithLibreOffice([file], 'csv', out);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu1 = childrenCpuMs();
  // Biểu 01's data row: the period, then the central columns (Ban Chấp hành, Bộ Chính trị, …), their
  // sum, the local ones; figures as LibreOffice shows them (10,000).
  const figure = (v: unknown): number => Number(String(v ?? '').replace(/,/g, ''));
  const row = parseCsv(fs.readFileSync(csv, 'utf8'), ',')
    .map((r) => r.cells)
    .find((c) => String(c[0]).startsWith('Từ ngày') && /^[\d,]+$/.test(String(c[1] ?? '')));
  if (!row) throw new Error('LibreOffice gave no figures for Biểu 01');
  if (figure(row[2]) !== politburo) throw new Error(`LibreOffice recalculated Bộ Chính trị as ${String(row[2])}, not ${politburo}`);
  if (!row.slice(8).some((v) => figure(v) === committee)) throw new Error(`LibreOffice's Biểu 01 has no Ủy ban nhân dân figure ${committee}: ${row.join(' | ')}`);
  return { ms, ...(cpu0 !== undefined && cpu1 !== undefined ? { cpuMs: cpu1 - cpu0 } : {}) };
}
