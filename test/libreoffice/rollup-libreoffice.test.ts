/**
 * Roll-ups recalculated by LibreOffice: three monthly reports of one commune into the third
 * quarter (every total, Cộng and average equals what the months' entries give, averages on the
 * quarter's 92 days; Biểu 04 the last month, its detail sheet taking the last month), and three
 * monthly consolidations of a province into the quarter (each commune's row the sum of its months).
 * The recalculated files still pass the validation engine.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { columnsOf, entryColumns, type Template } from '../../src/core/forms/template';
import { consolidate, summarizeSource, type SourceSummary } from '../../src/core/combine/consolidate';
import { detailSheetName } from '../../src/core/combine/combine-sheets';
import { rollUp } from '../../src/core/combine/rollup';
import { periodRange } from '../../src/core/periods';
import { validateWorkbook } from '../../src/core/check/validate';
import type { WorkbookRead } from '../../src/core/tables/table-read';
import { writeWorkbook } from '../../src/xlsx/writer';
import { readWorkbook } from '../../src/cli/path-source';
import { convertWithLibreOffice, findSoffice } from '../support/libreoffice';
import { unitFigures, unitRead } from '../support/units-fixture';
import { readPlan } from '../support/plan-read';

const TODAY = new Date('2026-01-15T12:00:00Z');
const MONTHS = [7, 8, 9];
const COMMUNES = [1, 2, 3];
const month = (m: number): { from: string; to: string } => periodRange({ kind: 'month', year: 2025, month: m });
const seedOf = (m: number, c: number): number => 100 + m * 10 + c;

let dir: string;
let single: string;
let province: string;

function source(file: string, read: WorkbookRead): SourceSummary {
  const errors = validateWorkbook(read, { today: TODAY }).filter((f) => f.severity === 'error').length;
  return summarizeSource({ file, sha256: 'a'.repeat(64), read, errors, warnings: 0 }, TEMPLATES);
}

beforeAll(async () => {
  findSoffice();
  dir = mkdtempSync(join(tmpdir(), 'bm-rollup-lo-'));
  // One commune's three months.
  const one = rollUp(
    MONTHS.map((m) => source(`thang-${m}.xlsx`, unitRead({ unit: 'UBND XÃ A', seed: m, period: month(m) }))),
    { templates: TEMPLATES, report: { reportNo: '7/BC-UBND', reportDate: '2025-09-20', reportBy: 'Ủy ban nhân dân xã' } },
  );
  expect(one.refusals).toEqual([]);
  // A province's three monthly consolidations of three communes.
  const months = MONTHS.map((m) => {
    const c = consolidate(
      COMMUNES.map((k) => source(`xa-${k}-${m}.xlsx`, unitRead({ unit: `Xã ${k}`, seed: seedOf(m, k), period: month(m) }))),
      { templates: TEMPLATES, report: { unit: 'UBND TỈNH B' } },
    );
    expect(c.refusals).toEqual([]);
    const tables = c.plans.filter((p) => TEMPLATES.some((t) => t.id === p.templateId)).map((p) => readPlan(p, TEMPLATES.find((t) => t.id === p.templateId) as Template));
    return source(`tinh-${m}.xlsx`, { tables });
  });
  const many = rollUp(months, { templates: TEMPLATES });
  expect(many.refusals).toEqual([]);
  writeFileSync(join(dir, 'quy-3.xlsx'), await writeWorkbook(one.plans));
  writeFileSync(join(dir, 'tinh-quy-3.xlsx'), await writeWorkbook(many.plans));
  [single, province] = convertWithLibreOffice([join(dir, 'quy-3.xlsx'), join(dir, 'tinh-quy-3.xlsx')], 'xlsx', join(dir, 'lo'));
}, 180000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The sum over seeds of entry k of a template (every fixed row, or only `row`). */
function sumOf(seeds: number[], templateId: string, k: number, row = -1): number {
  return seeds.reduce((a, s) => a + unitFigures(s)[templateId].reduce((b, r, i) => b + (row < 0 || row === i ? r[k] : 0), 0), 0);
}

function expectSums(table: { columns: Record<string, { value: unknown }[]>; totals: Record<string, { value: unknown }> | null }, t: Template, seeds: number[]): void {
  entryColumns(t).forEach((c, k) => expect([t.id, c.id, table.totals?.[c.id].value]).toEqual([t.id, c.id, sumOf(seeds, t.id, k)]));
  for (const c of columnsOf(t)) {
    if (c.kind !== 'sum') continue;
    expect([t.id, c.id, table.totals?.[c.id].value]).toEqual([t.id, c.id, c.of.reduce((a, id) => a + (table.totals?.[id].value as number), 0)]);
  }
}

test('one commune: every flow total and Cộng is the sum of the three months; each row is its month', async () => {
  const read = await readWorkbook(single);
  for (const t of TEMPLATES.filter((x) => x.overTime !== 'last')) {
    const table = read.tables.find((x) => x.templateId === t.id);
    if (!table) throw new Error(`no ${t.id}`);
    expect(table.rowLabels.map((c) => c.value)).toEqual(['Từ ngày 15/6/2025 đến 14/7/2025', 'Từ ngày 15/7/2025 đến 14/8/2025', 'Từ ngày 15/8/2025 đến 14/9/2025']);
    MONTHS.forEach((m, i) => entryColumns(t).forEach((c, k) => expect(table.columns[c.id][i].value).toBe(unitFigures(m)[t.id][0][k])));
    expectSums(table, t, MONTHS);
  }
  expect(validateWorkbook(read, { today: TODAY }).filter((f) => f.severity === 'error')).toEqual([]);
});

test('one commune: the averages per day and per month are on the quarter\'s 92 days', async () => {
  const read = await readWorkbook(single);
  const b01 = read.tables.find((x) => x.templateId === 'b01');
  const t = TEMPLATES[0];
  expect(b01?.info.from?.value).toEqual(new Date(Date.UTC(2025, 5, 15)));
  expect(b01?.info.to?.value).toEqual(new Date(Date.UTC(2025, 8, 14)));
  for (const a of t.averages ?? []) {
    const total = b01?.totals?.[a.of].value as number;
    expect(total).toBeGreaterThan(0);
    const want = a.kind === 'perDay' ? total / 92 : (total * 30) / 92;
    expect([a.id, b01?.averages[a.id].value]).toEqual([a.id, expect.closeTo(want, 9)]);
  }
});

test('one commune: Biểu 04 holds the last month; its detail sheet lists the months and takes the last', async () => {
  const read = await readWorkbook(single);
  const b04 = read.tables.find((x) => x.templateId === 'b04');
  const t = TEMPLATES[3];
  entryColumns(t).forEach((c, k) => {
    expect(b04?.columns[c.id].map((x) => x.value)).toEqual([unitFigures(9).b04[0][k], unitFigures(9).b04[1][k]]);
    expect(b04?.totals?.[c.id].value).toBe(sumOf([9], 'b04', k));
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(single);
  const ws = wb.getWorksheet(detailSheetName(t));
  if (!ws) throw new Error('no detail sheet');
  const found: Record<string, number[]> = {};
  ws.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === 'string' && label.startsWith('Cuối kỳ ')) found[label] = entryColumns(t).map((_, k) => (row.getCell(2 + k).value as ExcelJS.CellFormulaValue).result as number);
  });
  expect(found).toEqual({ 'Cuối kỳ Cấp tỉnh': unitFigures(9).b04[0], 'Cuối kỳ Cấp xã': unitFigures(9).b04[1] });
});

test('a province\'s monthly consolidations: each commune\'s row is its quarter, the totals every entry of the quarter', async () => {
  const read = await readWorkbook(province);
  for (const t of TEMPLATES.filter((x) => x.rows.kind === 'repeat')) {
    const table = read.tables.find((x) => x.templateId === t.id);
    if (!table) throw new Error(`no ${t.id}`);
    expect(table.rowLabels.map((c) => c.value)).toEqual(COMMUNES.map((k) => `Xã ${k}`));
    COMMUNES.forEach((k, i) => entryColumns(t).forEach((c, j) => expect(table.columns[c.id][i].value).toBe(sumOf(MONTHS.map((m) => seedOf(m, k)), t.id, j))));
    expectSums(table, t, MONTHS.flatMap((m) => COMMUNES.map((k) => seedOf(m, k))));
  }
  const b04 = read.tables.find((x) => x.templateId === 'b04');
  entryColumns(TEMPLATES[3]).forEach((c, k) => expect(b04?.totals?.[c.id].value).toBe(sumOf(COMMUNES.map((x) => seedOf(9, x)), 'b04', k)));
  expect(read.tables[0].info.unit?.value).toBe('UBND TỈNH B');
  expect(validateWorkbook(read, { today: TODAY }).filter((f) => f.severity === 'error')).toEqual([]);
});
