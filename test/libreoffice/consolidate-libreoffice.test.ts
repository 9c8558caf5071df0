/**
 * A consolidated workbook (groups, subtotals, a missing unit, Biểu 04 with its detail sheet)
 * recalculated by LibreOffice: every subtotal, total and Cộng equals the sum of the sources'
 * entries, and the recalculated file still passes the validation engine.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { columnsOf, entryColumns } from '../../src/core/forms/template';
import { consolidate, summarizeSource } from '../../src/core/combine/consolidate';
import { detailSheetName } from '../../src/core/combine/combine-sheets';
import { validateWorkbook } from '../../src/core/check/validate';
import type { UnitEntry } from '../../src/core/units';
import { writeWorkbook } from '../../src/xlsx/writer';
import { readWorkbook } from '../../src/cli/path-source';
import { convertWithLibreOffice, findSoffice } from '../support/libreoffice';
import { unitFigures, unitRead } from '../support/units-fixture';

const SEEDS = [41, 42, 43, 44, 45, 46];
const UNITS: UnitEntry[] = [
  { unit: 'Xã 41', group: 'Nhóm A' },
  { unit: 'Xã 42', group: 'Nhóm A' },
  { unit: 'Xã 43', group: 'Nhóm A' },
  { unit: 'Xã 44', group: 'Nhóm B' },
  { unit: 'Xã 45', group: 'Nhóm B' },
  { unit: 'Xã 50', group: 'Nhóm B' },
  { unit: 'Xã 46' },
];
const GROUPS: Record<string, number[]> = { 'Nhóm A': [41, 42, 43], 'Nhóm B': [44, 45] };

let dir: string;
let recalculated: string;

beforeAll(async () => {
  findSoffice();
  dir = mkdtempSync(join(tmpdir(), 'bm-cons-lo-'));
  const today = new Date('2026-01-15T12:00:00Z');
  const sources = SEEDS.map((s) => {
    const read = unitRead({ unit: `Xã ${s}`, seed: s });
    const findings = validateWorkbook(read, { today });
    return summarizeSource({ file: `xa-${s}.xlsx`, sha256: String(s).repeat(32).slice(0, 64), read, errors: findings.filter((f) => f.severity === 'error').length, warnings: 0 }, TEMPLATES);
  });
  const c = consolidate(sources, { templates: TEMPLATES, units: UNITS, report: { unit: 'TỈNH B', reportNo: '3/BC-UBND', reportDate: '2025-10-10' } });
  expect(c.refusals).toEqual([]);
  const file = join(dir, 'tong-hop.xlsx');
  writeFileSync(file, await writeWorkbook(c.plans));
  [recalculated] = convertWithLibreOffice([file], 'xlsx', join(dir, 'lo'));
}, 180000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function sumOf(seeds: number[], templateId: string, k: number, row = -1): number {
  return seeds.reduce((a, s) => a + unitFigures(s)[templateId].reduce((b, r, i) => b + (row < 0 || row === i ? r[k] : 0), 0), 0);
}

test('every total, subtotal and Cộng of the per-unit tables is the sum of the sources', async () => {
  const read = await readWorkbook(recalculated);
  for (const t of TEMPLATES.filter((x) => x.rows.kind === 'repeat')) {
    const table = read.tables.find((x) => x.templateId === t.id);
    if (!table) throw new Error(`no ${t.id}`);
    expect(table.groups).toEqual([
      { top: 0, bottom: 4 },
      { top: 5, bottom: 9 },
    ]);
    entryColumns(t).forEach((c, k) => {
      expect([t.id, c.id, table.totals?.[c.id].value]).toEqual([t.id, c.id, sumOf(SEEDS, t.id, k)]);
      expect(table.columns[c.id][4].value).toBe(sumOf(GROUPS['Nhóm A'], t.id, k));
      expect(table.columns[c.id][9].value).toBe(sumOf(GROUPS['Nhóm B'], t.id, k));
      expect(table.columns[c.id][8].value).toBeNull(); // Xã 50 did not report
    });
    for (const c of columnsOf(t)) {
      if (c.kind !== 'sum') continue;
      const parts = c.of.map((id) => table.totals?.[id].value as number);
      expect(table.totals?.[c.id].value).toBe(parts.reduce((a, b) => a + b, 0));
      expect(table.columns[c.id][1].value).toBe(c.of.map((id) => table.columns[id][1].value as number).reduce((a, b) => a + b, 0));
    }
  }
  const findings = validateWorkbook(read, { today: new Date('2026-01-15T12:00:00Z') });
  expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
});

test('Biểu 04: the table holds the sums level by level; the detail sheet adds up to the same figures', async () => {
  const read = await readWorkbook(recalculated);
  const b04 = read.tables.find((x) => x.templateId === 'b04');
  const t = TEMPLATES[3];
  entryColumns(t).forEach((c, k) => {
    expect(b04?.columns[c.id].map((x) => x.value)).toEqual([sumOf(SEEDS, 'b04', k, 0), sumOf(SEEDS, 'b04', k, 1)]);
    expect(b04?.totals?.[c.id].value).toBe(sumOf(SEEDS, 'b04', k));
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(recalculated);
  const ws = wb.getWorksheet(detailSheetName(t));
  if (!ws) throw new Error('no detail sheet');
  const found: Record<string, number[]> = {};
  ws.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === 'string' && label.startsWith('Cộng ')) {
      found[label] = entryColumns(t).map((_, k) => {
        const v = row.getCell(2 + k).value as ExcelJS.CellFormulaValue;
        return v.result as number;
      });
    }
  });
  expect(found).toEqual({
    'Cộng Cấp tỉnh': entryColumns(t).map((_, k) => sumOf(SEEDS, 'b04', k, 0)),
    'Cộng Cấp xã': entryColumns(t).map((_, k) => sumOf(SEEDS, 'b04', k, 1)),
  });
});
