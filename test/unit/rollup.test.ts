/**
 * Roll-up across periods (`core/combine/rollup`): the tiling checks (gaps named with their dates, overlaps,
 * units, packs, versions, tables, errors), flows summed with one row per period, stocks taking the
 * last period, consolidated inputs rolled up per unit, roll-ups of roll-ups (six months from two
 * quarters, a year from nine months and the fourth quarter), and the pack key `overTime`.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import Ajv from 'ajv';
import { TEMPLATES, STANDARD_PACK } from '../../src/core/forms/builtin';
import { entryColumns, type Template } from '../../src/core/forms/template';
import { consolidate, summarizeSource, type SourceSummary } from '../../src/core/combine/consolidate';
import { detailSheetName } from '../../src/core/combine/combine-sheets';
import { rollUp, rollUpReads, ROLLUP_SOURCES_TITLE, type RollUp } from '../../src/core/combine/rollup';
import { tiling } from '../../src/core/combine/rollup-rules';
import { periodRange, type PeriodRange } from '../../src/core/periods';
import { validatePack } from '../../src/core/forms/pack';
import type { SheetPlan } from '../../src/core/forms/plan';
import { layout } from '../../src/core/forms/layout';
import type { WorkbookRead } from '../../src/core/tables/table-read';
import { averageName, INFO_NAMES, totalName } from '../../src/core/forms/defined-names';
import { parseRange } from '../../src/core/a1';
import { readPlan } from '../support/plan-read';
import { unitFigures, unitRead } from '../support/units-fixture';
import { goodPack } from '../support/packs';

const OPTIONS = { templates: TEMPLATES };
const month = (m: number, year = 2025): PeriodRange => periodRange({ kind: 'month', year, month: m });
const quarter = (q: number, year = 2025): PeriodRange => periodRange({ kind: 'quarter', year, quarter: q });

function source(file: string, seed: number, period: PeriodRange, unit = 'UBND XÃ A', errors = 0): SourceSummary {
  return summarizeSource({ file, sha256: String(seed % 10).repeat(64), read: unitRead({ unit, seed, period }), errors, warnings: 0 }, TEMPLATES);
}

/** What a reader gives for the tables of written plans (the detail and sources sheets are not tables). */
function readPlans(plans: SheetPlan[]): WorkbookRead {
  return { tables: plans.filter((p) => TEMPLATES.some((t) => t.id === p.templateId)).map((p) => readPlan(p, TEMPLATES.find((t) => t.id === p.templateId) as Template)) };
}

/** A roll-up (or consolidation) written and read back as the source of a further roll-up. */
function planSource(file: string, plans: SheetPlan[]): SourceSummary {
  return summarizeSource({ file, sha256: 'f'.repeat(64), read: readPlans(plans), errors: 0, warnings: 0 }, TEMPLATES);
}

function plan(r: RollUp, sheet: string): SheetPlan {
  const p = r.plans.find((x) => x.sheetName === sheet);
  if (!p) throw new Error(`no sheet ${sheet}`);
  return p;
}

/** The entry values of each data row of a table plan, read back. */
function rowsOf(p: SheetPlan): { labels: unknown[]; values: (number | null)[][] } {
  const t = TEMPLATES.find((x) => x.id === p.templateId) as Template;
  const read = readPlan(p, t);
  const ids = entryColumns(t).map((c) => c.id);
  return {
    labels: read.rowLabels.map((c) => c.value ?? c.formula),
    values: read.rowLabels.map((_, i) => ids.map((id) => read.columns[id][i].value as number | null)),
  };
}

function cellAt(p: SheetPlan, name: string): { value?: unknown; formula?: string } | null {
  const n = p.names.find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  const r = parseRange(n.ref);
  return p.cells[r.top - 1][r.left - 1];
}

/** Sum over seeds of a template's figures, per entry column (every fixed row added). */
function sumOf(seeds: number[], templateId: string): number[] {
  const n = unitFigures(1)[templateId][0].length;
  return Array.from({ length: n }, (_, k) => seeds.reduce((a, s) => a + unitFigures(s)[templateId].reduce((b, row) => b + row[k], 0), 0));
}

function entryTotals(r: RollUp, templateId: string): number[] {
  const t = TEMPLATES.find((x) => x.id === templateId) as Template;
  return entryColumns(t).map((c) => r.summary.totals[templateId][c.id]);
}

describe('three Decree 09 months → the third quarter', () => {
  const months = [
    source('thang-7.xlsx', 7, month(7)),
    source('thang-8.xlsx', 8, month(8)),
    source('thang-9.xlsx', 9, month(9)),
  ];
  // Given out of order: the roll-up sorts them by period.
  const r = rollUp([months[2], months[0], months[1]], OPTIONS);

  test('no refusal; the covering period is 15/6–14/9/2025, 92 days, the third quarter', () => {
    expect(r.refusals).toEqual([]);
    expect(r.summary.period).toEqual({ from: '2025-06-15', to: '2025-09-14', days: 92 });
    expect(r.summary.period).toMatchObject(quarter(3));
    expect(r.summary.gaps).toEqual([]);
    expect(r.summary.overlaps).toEqual([]);
    expect(r.summary.rows).toBe('periods');
    expect(r.summary.sources.map((s) => [s.file, s.included, s.reason])).toEqual([
      ['thang-7.xlsx', true, null],
      ['thang-8.xlsx', true, null],
      ['thang-9.xlsx', true, null],
    ]);
  });

  test('sheets: the four tables, the stock table\'s detail sheet, then Nguồn', () => {
    expect(r.plans.map((p) => p.sheetName)).toEqual(['Biểu 01', 'Biểu 02', 'Biểu 03', 'Biểu 04', detailSheetName(TEMPLATES[3]), 'Nguồn']);
  });

  test('flows: one row per month labelled with its period, in order, then Tổng cộng', () => {
    for (const id of ['b01', 'b02', 'b03']) {
      const p = r.plans.find((x) => x.templateId === id) as SheetPlan;
      const rows = rowsOf(p);
      expect(rows.labels).toEqual(['Từ ngày 15/6/2025 đến 14/7/2025', 'Từ ngày 15/7/2025 đến 14/8/2025', 'Từ ngày 15/8/2025 đến 14/9/2025']);
      expect(rows.values).toEqual([unitFigures(7)[id][0], unitFigures(8)[id][0], unitFigures(9)[id][0]]);
      // the corner header names the rows: periods
      expect(p.cells[5][0]?.value).toMatch(/ \/ Thời gian$/);
      const t = TEMPLATES.find((x) => x.id === id) as Template;
      const totalCell = cellAt(p, totalName(entryColumns(t)[0].id));
      expect(totalCell?.formula).toMatch(/^=SUM\(/);
      expect(entryTotals(r, id)).toEqual(sumOf([7, 8, 9], id));
    }
  });

  test('the report information is the covering period and the unit; the averages use it', () => {
    const p = plan(r, 'Biểu 01');
    expect(cellAt(p, INFO_NAMES.from)?.value).toEqual({ date: '2025-06-15' });
    expect(cellAt(p, INFO_NAMES.to)?.value).toEqual({ date: '2025-09-14' });
    expect(cellAt(p, INFO_NAMES.unit)?.value).toBe('UBND XÃ A');
    const from = p.names.find((n) => n.name === INFO_NAMES.from)?.ref as string;
    const avg = cellAt(p, averageName((TEMPLATES[0].averages ?? [])[0].id))?.formula as string;
    expect(avg).toContain(from);
  });

  test('the stock (Biểu 04) takes the last month; the detail sheet lists every month and takes the last', () => {
    const rows = rowsOf(plan(r, 'Biểu 04'));
    expect(rows.values).toEqual(unitFigures(9).b04);
    const last = unitFigures(9).b04;
    expect(entryTotals(r, 'b04')).toEqual(last[0].map((v, k) => v + last[1][k]));
    const d = plan(r, detailSheetName(TEMPLATES[3]));
    const texts = d.cells.map((line) => line[0]?.value);
    expect(texts[0]).toBe('Biểu 04 — số liệu từng kỳ');
    expect(texts).toContain('Kỳ báo cáo');
    expect(texts.filter((x) => x === 'Từ ngày 15/7/2025 đến 14/8/2025')).toHaveLength(2);
    const lastLine = texts.indexOf('Cuối kỳ Cấp tỉnh');
    expect(lastLine).toBeGreaterThan(0);
    expect(texts[lastLine - 1]).toBe('Từ ngày 15/8/2025 đến 14/9/2025');
    expect(d.cells[lastLine][1]?.formula).toBe(`=B${lastLine}`);
    expect(d.cells[lastLine - 1][1]?.value).toBe(unitFigures(9).b04[0][0]);
    expect(d.cells[lastLine - 3][1]?.value).toBe(unitFigures(7).b04[0][0]);
  });

  test('the Nguồn sheet lists the months in period order with their fingerprints', () => {
    const n = plan(r, 'Nguồn');
    expect(n.cells[0][0]?.value).toBe(ROLLUP_SOURCES_TITLE);
    expect(n.cells[2][0]?.value).toBe('Đã lũy kế 3/3 tệp');
    const files = n.cells.slice(5, 8).map((line) => [line[2]?.value, line[5]?.value, line[8]?.value, line[9]?.value]);
    expect(files).toEqual([
      ['thang-7.xlsx', '15/6/2025 – 14/7/2025', '7'.repeat(64), 'Có'],
      ['thang-8.xlsx', '15/7/2025 – 14/8/2025', '8'.repeat(64), 'Có'],
      ['thang-9.xlsx', '15/8/2025 – 14/9/2025', '9'.repeat(64), 'Có'],
    ]);
  });

  test('rollUpReads (what a pane or the web page calls) gives the same', () => {
    const again = rollUpReads(
      [7, 8, 9].map((m) => ({ file: `thang-${m}.xlsx`, sha256: String(m).repeat(64), read: unitRead({ unit: 'UBND XÃ A', seed: m, period: month(m) }), errors: 0, warnings: 0 })),
      OPTIONS,
    );
    expect(again.summary).toEqual(r.summary);
    expect(again.plans).toEqual(r.plans);
  });

  test('--unit and the report information given replace the sources\' unit', () => {
    const o = rollUp(months, { ...OPTIONS, report: { unit: 'XÃ A (lũy kế)', reportNo: '5/BC', reportDate: '2025-09-20', reportBy: 'UBND xã' } });
    const p = plan(o, 'Biểu 02');
    expect(cellAt(p, INFO_NAMES.unit)?.value).toBe('XÃ A (lũy kế)');
    expect(cellAt(p, INFO_NAMES.reportNo)?.value).toBe('5/BC');
    expect(cellAt(p, INFO_NAMES.reportDate)?.value).toEqual({ date: '2025-09-20' });
  });
});

describe('roll-ups of roll-ups', () => {
  const quarterOf = (q: number, year: number, seeds: number[], months: number[]): SheetPlan[] => {
    const r = rollUp(
      months.map((m, i) => source(`t${m}.xlsx`, seeds[i], month(m, year))),
      OPTIONS,
    );
    expect(r.refusals).toEqual([]);
    expect(r.summary.period).toMatchObject(quarter(q, year));
    return r.plans;
  };

  test('six months from two quarters: the first half-year, one row per quarter, the sums of the six months', () => {
    const q1 = quarterOf(1, 2025, [1, 2, 3], [1, 2, 3]);
    const q2 = quarterOf(2, 2025, [4, 5, 6], [4, 5, 6]);
    const r = rollUp([planSource('quy-2.xlsx', q2), planSource('quy-1.xlsx', q1)], OPTIONS);
    expect(r.refusals).toEqual([]);
    const half = periodRange({ kind: 'halfYear', year: 2025 });
    expect(r.summary.period).toEqual({ ...half, days: 182 });
    expect(half).toEqual({ from: '2024-12-15', to: '2025-06-14' });
    const b01 = rowsOf(plan(r, 'Biểu 01'));
    expect(b01.labels).toEqual(['Từ ngày 15/12/2024 đến 14/3/2025', 'Từ ngày 15/3/2025 đến 14/6/2025']);
    expect(b01.values[0]).toEqual(sumOf([1, 2, 3], 'b01'));
    for (const id of ['b01', 'b02', 'b03']) expect(entryTotals(r, id)).toEqual(sumOf([1, 2, 3, 4, 5, 6], id));
    // Biểu 04: the last month of the last quarter
    expect(rowsOf(plan(r, 'Biểu 04')).values).toEqual(unitFigures(6).b04);
  });

  test('a year from nine months and the fourth quarter: 15/12/2024–14/12/2025, 365 days', () => {
    const nine = rollUp(
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map((m) => source(`t${m}.xlsx`, 10 + m, month(m))),
      OPTIONS,
    );
    expect(nine.summary.period).toEqual({ ...periodRange({ kind: 'nineMonths', year: 2025 }), days: 274 });
    const q4 = quarterOf(4, 2025, [20, 21, 22], [10, 11, 12]);
    const r = rollUp([planSource('9-thang.xlsx', nine.plans), planSource('quy-4.xlsx', q4)], OPTIONS);
    expect(r.refusals).toEqual([]);
    expect(r.summary.period).toEqual({ ...periodRange({ kind: 'year', year: 2025 }), days: 365 });
    const seeds = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22];
    for (const id of ['b01', 'b02', 'b03']) expect(entryTotals(r, id)).toEqual(sumOf(seeds, id));
    expect(rowsOf(plan(r, 'Biểu 01')).labels).toEqual(['Từ ngày 15/12/2024 đến 14/9/2025', 'Từ ngày 15/9/2025 đến 14/12/2025']);
    expect(rowsOf(plan(r, 'Biểu 04')).values).toEqual(unitFigures(22).b04);
  });
});

describe('refusals: nothing to write, the reason names the files', () => {
  test('a missing month: the gap named with its dates, in both languages', () => {
    const r = rollUp([source('thang-7.xlsx', 7, month(7)), source('thang-9.xlsx', 9, month(9))], OPTIONS);
    expect(r.plans).toEqual([]);
    expect(r.summary.period).toBeNull();
    expect(r.summary.gaps).toEqual([{ from: '2025-07-15', to: '2025-08-14', files: ['thang-7.xlsx', 'thang-9.xlsx'] }]);
    expect(r.refusals).toHaveLength(1);
    expect(r.refusals[0].kind).toBe('gap');
    expect(r.refusals[0].files).toEqual(['thang-7.xlsx', 'thang-9.xlsx']);
    expect(r.refusals[0].message.vi).toContain('thiếu từ 15/7/2025 đến 14/8/2025');
    expect(r.refusals[0].message.en).toContain('missing from 15/7/2025 to 14/8/2025');
    expect(r.refusals[0].message.vi).toContain('thang-7.xlsx');
    expect(r.summary.sources.every((s) => !s.included)).toBe(true);
    expect(r.summary.sources[0].reason?.vi).toBe('thiếu từ 15/7/2025 đến 14/8/2025 sau tệp này');
  });

  test('a one-day gap is named as that day', () => {
    const r = rollUp([source('a.xlsx', 1, { from: '2025-07-01', to: '2025-07-30' }), source('b.xlsx', 2, { from: '2025-08-01', to: '2025-08-31' })], OPTIONS);
    expect(r.summary.gaps).toEqual([{ from: '2025-07-31', to: '2025-07-31', files: ['a.xlsx', 'b.xlsx'] }]);
    expect(r.refusals[0].message.vi).toContain('thiếu ngày 31/7/2025');
  });

  test('overlaps: a month inside a quarter, the same month twice', () => {
    const r = rollUp([source('quy-3.xlsx', 1, quarter(3)), source('thang-8.xlsx', 8, month(8)), source('thang-10.xlsx', 10, month(10)), source('thang-10-lai.xlsx', 11, month(10))], OPTIONS);
    expect(r.plans).toEqual([]);
    expect(r.summary.overlaps).toEqual([
      { files: ['quy-3.xlsx', 'thang-8.xlsx'], from: '2025-07-15', to: '2025-08-14' },
      { files: ['thang-10.xlsx', 'thang-10-lai.xlsx'], from: '2025-09-15', to: '2025-10-14' },
    ]);
    expect(r.summary.gaps).toEqual([]);
    const overlap = r.refusals.filter((x) => x.kind === 'overlap');
    expect(overlap).toHaveLength(2);
    expect(overlap[0].message.vi).toBe('Hai tệp trùng kỳ từ 15/7/2025 đến 14/8/2025: quy-3.xlsx (15/6/2025–14/9/2025) và thang-8.xlsx (15/7/2025–14/8/2025).');
  });

  test('tiling: a gap after an overlap is measured from the farthest end', () => {
    const s = [source('q.xlsx', 1, quarter(3)), source('m.xlsx', 2, month(8)), source('x.xlsx', 3, month(11))];
    const t = tiling(s);
    expect(t.overlaps).toEqual([{ files: ['q.xlsx', 'm.xlsx'], from: '2025-07-15', to: '2025-08-14' }]);
    expect(t.gaps).toEqual([{ from: '2025-09-15', to: '2025-10-14', files: ['q.xlsx', 'x.xlsx'] }]);
  });

  test('different units: refused, each unit with its files', () => {
    const r = rollUp([source('a-7.xlsx', 7, month(7)), source('b-8.xlsx', 8, month(8), 'UBND XÃ B'), source('a-9.xlsx', 9, month(9), ' ubnd xã a ')], OPTIONS);
    expect(r.plans).toEqual([]);
    expect(r.refusals.map((x) => x.kind)).toEqual(['unit']);
    expect(r.refusals[0].message.vi).toBe('Các tệp không cùng đơn vị: "UBND XÃ A" (a-7.xlsx, a-9.xlsx); "UBND XÃ B" (b-8.xlsx).');
    expect(r.refusals[0].message.en).toBe('The files are not of the same unit: "UBND XÃ A" (a-7.xlsx, a-9.xlsx); "UBND XÃ B" (b-8.xlsx).');
  });

  test('error findings: refused unless allowErrors, then included and flagged', () => {
    const s = [source('t7.xlsx', 7, month(7)), source('t8.xlsx', 8, month(8), 'UBND XÃ A', 2), source('t9.xlsx', 9, month(9))];
    const r = rollUp(s, OPTIONS);
    expect(r.refusals.map((x) => [x.kind, x.files])).toEqual([['errors', ['t8.xlsx']]]);
    expect(r.refusals[0].message.vi).toContain('--allow-errors');
    const ok = rollUp(s, { ...OPTIONS, allowErrors: true });
    expect(ok.refusals).toEqual([]);
    expect(ok.summary.sources[1]).toMatchObject({ file: 't8.xlsx', included: true, errors: 2 });
    expect(ok.summary.sources[1].reason?.vi).toBe('có 2 lỗi khi kiểm tra; vẫn lũy kế (--allow-errors)');
    expect(entryTotals(ok, 'b01')).toEqual(sumOf([7, 8, 9], 'b01'));
  });

  test('an unreadable source: refused even with allowErrors (its period would be missing)', () => {
    const bad = summarizeSource({ file: 'hong.xlsx', sha256: null, read: null, readError: { vi: 'Tệp hỏng.', en: 'Corrupt.' }, errors: 0, warnings: 0 }, TEMPLATES);
    const r = rollUp([source('t7.xlsx', 7, month(7)), bad], { ...OPTIONS, allowErrors: true });
    expect(r.refusals.map((x) => [x.kind, x.files])).toEqual([['unreadable', ['hong.xlsx']]]);
    expect(r.summary.sources.map((x) => x.file)).toEqual(['t7.xlsx', 'hong.xlsx']);
    expect(r.summary.sources[1].reason).toEqual({ vi: 'Tệp hỏng.', en: 'Corrupt.' });
  });

  test('no report period: refused, naming the file', () => {
    const s = source('t7.xlsx', 7, month(7));
    const r = rollUp([{ ...s, file: 'khong-ky.xlsx', period: null }, source('t8.xlsx', 8, month(8))], OPTIONS);
    expect(r.refusals.map((x) => [x.kind, x.files])).toEqual([['period', ['khong-ky.xlsx']]]);
  });

  test('a table missing in one period, and different template versions', () => {
    const s = [source('t7.xlsx', 7, month(7)), source('t8.xlsx', 8, month(8)), source('t9.xlsx', 9, month(9))];
    const missing = rollUp([s[0], { ...s[1], tables: s[1].tables.filter((t) => t.templateId !== 'b02') }, s[2]], OPTIONS);
    expect(missing.refusals.map((x) => [x.kind, x.files])).toEqual([['tables', ['t8.xlsx']]]);
    expect(missing.refusals[0].message.vi).toBe('Biểu 02 không có (hoặc không đọc được) trong: t8.xlsx; mọi kỳ phải có cùng các biểu.');
    const v2: Template = { ...TEMPLATES[0], version: 2 };
    const newer = { ...s[2], tables: s[2].tables.map((t) => (t.templateId === 'b01' ? { ...t, version: 2 } : t)) };
    const versions = rollUp([s[0], s[1], newer], { templates: [...TEMPLATES, v2] });
    expect(versions.refusals.map((x) => [x.kind, x.files])).toEqual([['version', ['t7.xlsx', 't8.xlsx', 't9.xlsx']]]);
    expect(versions.refusals[0].message.vi).toBe('Biểu 01 không cùng phiên bản mẫu: phiên bản 1 (t7.xlsx, t8.xlsx); phiên bản 2 (t9.xlsx).');
  });

  test('different packs', () => {
    const s = [source('t7.xlsx', 7, month(7)), source('t8.xlsx', 8, month(8))];
    const other = { ...s[1], tables: s[1].tables.map((t) => ({ ...t, packId: 'vn.other' })) };
    const r = rollUp([s[0], other], OPTIONS);
    expect(r.refusals.map((x) => [x.kind, x.files])).toEqual([['pack', ['t7.xlsx', 't8.xlsx']]]);
    expect(r.refusals[0].message.vi).toBe('Các tệp không cùng gói biểu mẫu: vn.standard (t7.xlsx); vn.other (t8.xlsx).');
  });
});

test('a unit\'s own table with several unlabelled rows (bieumau new --rows 3) counts as that unit\'s figures, added up', () => {
  const t = TEMPLATES[0];
  const threeRows = (m: number): SourceSummary => {
    const values = [1, 2, 3].map((k) => unitFigures(m * 10 + k).b01[0]);
    const read = readPlans([layout(t, { unit: 'UBND XÃ A', from: month(m).from, to: month(m).to, dataRows: 3, values })]);
    return summarizeSource({ file: `t${m}.xlsx`, sha256: null, read, errors: 0, warnings: 0 }, [t]);
  };
  const r = rollUp([threeRows(7), threeRows(8)], { templates: [t] });
  expect(r.refusals).toEqual([]);
  expect(r.summary.rows).toBe('periods');
  expect(rowsOf(plan(r, 'Biểu 01')).values).toEqual([7, 8].map((m) => sumOf([1, 2, 3].map((k) => m * 10 + k), 'b01')));
});

describe('consolidated inputs: one row per unit, each the unit\'s roll-up', () => {
  const COMMUNES = ['Xã 1', 'Xã 2', 'Xã 3'];
  const seedOf = (m: number, c: number): number => m * 10 + c;
  function province(m: number, communes = COMMUNES): SourceSummary {
    const c = consolidate(
      communes.map((u) => source(`${u}-${m}.xlsx`, seedOf(m, Number(u.slice(3))), month(m), u)),
      { templates: TEMPLATES, report: { unit: 'UBND TỈNH B' } },
    );
    expect(c.refusals).toEqual([]);
    return planSource(`tinh-${m}.xlsx`, c.plans);
  }

  test('each commune\'s row is the sum of its months; Biểu 04 the last month\'s sum', () => {
    const r = rollUp([province(7), province(8), province(9)], OPTIONS);
    expect(r.refusals).toEqual([]);
    expect(r.summary.rows).toBe('units');
    const b01 = rowsOf(plan(r, 'Biểu 01'));
    expect(b01.labels).toEqual(COMMUNES);
    expect(plan(r, 'Biểu 01').cells[5][0]?.value).toBe('Số lượng / Đơn vị');
    COMMUNES.forEach((_, c) => expect(b01.values[c]).toEqual(sumOf([7, 8, 9].map((m) => seedOf(m, c + 1)), 'b01')));
    expect(entryTotals(r, 'b02')).toEqual(sumOf([7, 8, 9].flatMap((m) => [1, 2, 3].map((c) => seedOf(m, c))), 'b02'));
    expect(entryTotals(r, 'b04')).toEqual(sumOf([1, 2, 3].map((c) => seedOf(9, c)), 'b04'));
    expect(cellAt(plan(r, 'Biểu 01'), INFO_NAMES.unit)?.value).toBe('UBND TỈNH B');
  });

  test('a province consolidated against its units list keeps its groups; a commune that did not report one month adds nothing that month', () => {
    const units = [{ unit: 'Xã 1', group: 'Nhóm A' }, { unit: 'Xã 2', group: 'Nhóm A' }, { unit: 'Xã 3' }];
    const listed = (m: number, communes: string[]): SourceSummary => {
      const c = consolidate(
        communes.map((u) => source(`${u}-${m}.xlsx`, seedOf(m, Number(u.slice(3))), month(m), u)),
        { templates: TEMPLATES, units, report: { unit: 'UBND TỈNH B' } },
      );
      expect(c.refusals).toEqual([]);
      return planSource(`tinh-${m}.xlsx`, c.plans);
    };
    const r = rollUp([listed(7, COMMUNES), listed(8, ['Xã 1', 'Xã 3']), listed(9, COMMUNES)], OPTIONS);
    expect(r.refusals).toEqual([]);
    const p = plan(r, 'Biểu 01');
    const read = readPlan(p, TEMPLATES[0]);
    expect(read.groups).toEqual([{ top: 0, bottom: 3 }]);
    const b01 = rowsOf(p);
    expect(b01.labels).toEqual(['Nhóm A', 'Xã 1', 'Xã 2', 'Cộng Nhóm A', 'Xã 3']);
    expect(b01.values[2]).toEqual(sumOf([seedOf(7, 2), seedOf(9, 2)], 'b01'));
    expect(entryTotals(r, 'b01')).toEqual(sumOf([...[1, 2, 3].map((c) => seedOf(7, c)), seedOf(8, 1), seedOf(8, 3), ...[1, 2, 3].map((c) => seedOf(9, c))], 'b01'));
  });

  test('a commune missing in one month: refused, naming the commune and the file', () => {
    const r = rollUp([province(7), province(8, ['Xã 1', 'Xã 3']), province(9)], OPTIONS);
    expect(r.plans).toEqual([]);
    const unit = r.refusals.filter((x) => x.kind === 'unit');
    expect(unit.length).toBeGreaterThan(0);
    expect(unit[0].files).toEqual(['tinh-8.xlsx']);
    expect(unit[0].message.vi).toBe('Biểu 01: các kỳ không cùng các đơn vị: "Xã 2" không có trong tinh-8.xlsx.');
  });

  test('a consolidation and a single unit\'s report: refused', () => {
    const r = rollUp([province(7), source('t8.xlsx', 8, month(8), 'UBND TỈNH B')], OPTIONS);
    expect(r.refusals.map((x) => x.kind)).toContain('unit');
    expect(r.refusals.find((x) => x.kind === 'unit')?.message.vi).toBe('Biểu 01 có nhiều đơn vị (bảng tổng hợp) trong tinh-7.xlsx nhưng chỉ một đơn vị trong t8.xlsx.');
  });
});

describe('pack format: overTime', () => {
  test('vn.standard: Biểu 04 is a stock, Biểu 01–03 default to flows', () => {
    expect(STANDARD_PACK.templates.map((t) => t.overTime)).toEqual([undefined, undefined, undefined, 'last']);
  });

  test('"sum" and "last" are accepted; anything else refused by the check and by the schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const schemaValid = ajv.compile(JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'bieumau-pack-1.schema.json'), 'utf8')) as object);
    for (const v of ['sum', 'last']) {
      const p = goodPack();
      (p.templates as Record<string, unknown>[])[1].overTime = v;
      const c = validatePack(p);
      expect(c.ok).toBe(true);
      if (c.ok) expect(c.pack.templates[1].overTime).toBe(v);
      expect(schemaValid(p)).toBe(true);
    }
    const p = goodPack();
    (p.templates as Record<string, unknown>[])[1].overTime = 'average';
    const c = validatePack(p);
    expect(c.ok).toBe(false);
    if (!c.ok && 'faults' in c) expect(c.faults.map((f) => [f.code, f.path])).toEqual([['kind', 'templates[1].overTime']]);
    expect(schemaValid(p)).toBe(false);
  });

  test('a flow with fixed rows is summed cell by cell, its detail sheet adding up the periods', () => {
    const flow04: Template = { ...TEMPLATES[3], overTime: 'sum' };
    const r = rollUp([source('t7.xlsx', 7, month(7)), source('t8.xlsx', 8, month(8))], { templates: [TEMPLATES[0], flow04] });
    expect(r.refusals).toEqual([]);
    expect(rowsOf(plan(r, 'Biểu 04')).values).toEqual(unitFigures(7).b04.map((row, i) => row.map((v, k) => v + unitFigures(8).b04[i][k])));
    const d = plan(r, detailSheetName(flow04));
    const at = d.cells.findIndex((line) => line[0]?.value === 'Cộng Cấp tỉnh');
    expect(d.cells[at][1]?.formula).toBe(`=SUM(B${at - 1}:B${at})`);
  });

  test('a stock with repeat rows: the last period\'s row, the earlier ones on a detail sheet', () => {
    const stock01: Template = { ...TEMPLATES[0], overTime: 'last' };
    const r = rollUp([source('t7.xlsx', 7, month(7)), source('t8.xlsx', 8, month(8))], { templates: [stock01] });
    expect(r.refusals).toEqual([]);
    expect(rowsOf(plan(r, 'Biểu 01')).values).toEqual(unitFigures(8).b01);
    expect(r.plans.map((p) => p.sheetName)).toEqual(['Biểu 01', 'Biểu 01 (chi tiết)', 'Nguồn']);
  });
});
