/**
 * Consolidation as a receiving office runs it: one `bieumau consolidate OUT.xlsx FOLDER --json`
 * call (the built command line, process start included) on filled unit workbooks.
 * - `consolidate_ms_124`: a province's 124 communes, wall time in ms, median of 3 runs;
 * - `consolidate_ms_3321`, `consolidate_peak_rss_mb_3321`: the country's 3,321 communes, one run,
 *   its wall time and the child process's peak resident set size (MB, `process.resourceUsage`);
 *   `consolidate_cpu_ms_3321`: the CPU time (user + system) it used, which a busy machine does not inflate.
 * Inputs: one workbook is written with the xlsx writer, its entry cells holding placeholder
 * numbers; every unit's file is that package with the placeholders and the unit's name replaced by
 * its own figures (consistent with every rule), zipped again. `consolidate_gen_ms_3321` is what
 * generating the 3,321 files costs.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { TEMPLATES } from '../src/core/forms/builtin';
import { layout } from '../src/core/forms/layout';
import { escapeXml } from '../src/core/xml';
import { writeWorkbook } from '../src/xlsx/writer';
import { PERIOD, unitFigures } from '../test/support/units-fixture';
import { runMeasured } from '../test/support/measure';
import { ensureCliBuilt } from './support/cli';

const PLACEHOLDER_UNIT = 'ĐƠN VỊ 0000';
const RUNS = 3;

/** Placeholder of entry k of row r of template t: 9tt rr kk, never a real figure or a date serial. */
function placeholder(t: number, r: number, k: number): number {
  return 900000 + t * 10000 + r * 100 + k;
}

async function templatePackage(): Promise<Record<string, Uint8Array>> {
  const plans = TEMPLATES.map((t, ti) => {
    const rows = t.rows.kind === 'fixed' ? t.rows.rows.length : 1;
    const n = t.groups.flatMap((g) => g.columns).filter((c) => c.kind === 'entry').length;
    const values = Array.from({ length: rows }, (_, r) => Array.from({ length: n }, (__, k) => placeholder(ti, r, k)));
    return layout(t, { unit: PLACEHOLDER_UNIT, reportNo: '12/BC-UBND', reportDate: '2025-10-05', reportBy: 'Ủy ban nhân dân xã', from: PERIOD.from, to: PERIOD.to, values });
  });
  return unzipSync(await writeWorkbook(plans));
}

/** Writes `count` unit workbooks into `dir`; returns the ms it took. */
export async function generateUnits(dir: string, count: number): Promise<number> {
  const t0 = Date.now();
  const parts = await templatePackage();
  const texts = new Map<string, string>();
  for (const [name, data] of Object.entries(parts)) if (/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name)) texts.set(name, strFromU8(data));
  for (let i = 1; i <= count; i++) {
    const figures = unitFigures(i);
    const value = (p: number): number => {
      const t = Math.floor((p - 900000) / 10000);
      const r = Math.floor((p % 10000) / 100);
      const k = p % 100;
      return figures[TEMPLATES[t].id][r][k];
    };
    const files: Record<string, Uint8Array> = { ...parts };
    for (const [name, text] of texts) {
      const out = name.endsWith('sharedStrings.xml')
        ? text.replace(PLACEHOLDER_UNIT, escapeXml(`Xã số ${String(i).padStart(4, '0')}`))
        : text.replace(/<v>(9\d{5})<\/v>/g, (_, p: string) => `<v>${value(Number(p))}</v>`);
      files[name] = strToU8(out);
    }
    fs.writeFileSync(path.join(dir, `xa-${String(i).padStart(4, '0')}.xlsx`), zipSync(files, { level: 6 }));
  }
  return Date.now() - t0;
}

function consolidateOnce(cwd: string, count: number): { ms: number; rssMb: number; cpuMs: number } {
  const root = path.join(__dirname, '..');
  const out = path.join(cwd, 'tong-hop.xlsx');
  fs.rmSync(out, { force: true });
  const m = runMeasured([path.join(root, 'bin', 'bieumau.js'), 'consolidate', out, path.join(cwd, 'in'), '--json'], cwd, 256 * 1024 * 1024);
  const r = m.result;
  if (r.status !== 0) throw new Error(`bieumau consolidate exited ${String(r.status)}: ${r.stderr.slice(0, 500)}`);
  const doc = JSON.parse(r.stdout) as { sources: { included: boolean }[]; totals: Record<string, Record<string, number>> };
  if (doc.sources.length !== count || doc.sources.some((s) => !s.included)) throw new Error('every bench source should be included');
  let want = 0;
  for (let i = 1; i <= count; i++) want += unitFigures(i).b01[0][10];
  if (doc.totals.b01['local.commune'] !== want) throw new Error(`wrong total: ${doc.totals.b01['local.commune']} instead of ${want}`);
  return { ms: m.ms, rssMb: m.rssMb, cpuMs: m.cpuMs };
}

export async function run(): Promise<Record<string, number>> {
  const root = path.join(__dirname, '..');
  ensureCliBuilt(root);
  const figures: Record<string, number> = {};
  const small = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-bench-cons-'));
  try {
    fs.mkdirSync(path.join(small, 'in'));
    await generateUnits(path.join(small, 'in'), 124);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(consolidateOnce(small, 124).ms);
    times.sort((a, b) => a - b);
    figures.consolidate_ms_124 = Math.round(times[Math.floor(times.length / 2)]);
  } finally {
    fs.rmSync(small, { recursive: true, force: true });
  }
  if (process.env.BENCH_SKIP_3321 === '1') return figures;
  const big = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-bench-cons-'));
  try {
    fs.mkdirSync(path.join(big, 'in'));
    figures.consolidate_gen_ms_3321 = await generateUnits(path.join(big, 'in'), 3321);
    const r = consolidateOnce(big, 3321);
    figures.consolidate_ms_3321 = Math.round(r.ms);
    figures.consolidate_peak_rss_mb_3321 = Math.round(r.rssMb);
    figures.consolidate_cpu_ms_3321 = Math.round(r.cpuMs);
  } finally {
    fs.rmSync(big, { recursive: true, force: true });
  }
  return figures;
}
