/**
 * The two readers of one workbook agree: the `.xlsx` path (layout → writeWorkbook → readWorkbook,
 * ExcelJS) and the Office.js path (createOfficeAdapter → insertTemplate → readTables, through
 * Microsoft's Excel client library to the in-memory Excel) give the same cells, formulas, header
 * text and info cells, and the validation engine finds the same things in both.
 *
 * What may legitimately differ is compared in one canonical form: dates (ExcelJS gives a `Date`,
 * Office.js a serial number) and the spelling of formulas (`normalizeFormula`). Results of formulas
 * are not compared: a file written by ExcelJS carries none until Excel recalculates it.
 */
import { createOfficeAdapter } from '../../src/excel/adapter';
import type { ExcelRun } from '../../src/excel/context';
import { layout } from '../../src/core/forms/layout';
import { expectedHeader } from '../../src/core/forms/layout-texts';
import { validateWorkbook } from '../../src/core/check/validate';
import { normalizeFormula } from '../../src/core/forms/formulas';
import { isoFromUtcDate, isoToExcelSerial } from '../../src/core/dates';
import type { LayoutOptions, SheetPlan } from '../../src/core/forms/plan';
import type { CellRead, CellValue, WorkbookRead } from '../../src/core/tables/table-read';
import type { InfoKey } from '../../src/core/forms/defined-names';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { entryColumns, columnsOf } from '../../src/core/forms/template';
import type { Template } from '../../src/core/forms/template';
import { SAMPLE_DEFAULTS } from '../../src/cli/new';
import { writeWorkbook } from '../../src/xlsx/writer';
import { readWorkbook } from '../../src/cli/path-source';
import { createOfficeJsHost } from '../../src/devhost/officejs-node';
import { hyperFormulaEvaluator } from '../../src/devhost/hyperformula';

/** The seed report 52-BC/TU: period 2025-07-01..2025-10-15, unit TỈNH ỦY LÂM ĐỒNG. */
const BASE: LayoutOptions = { ...SAMPLE_DEFAULTS };
const TODAY = new Date(2025, 11, 1);

/**
 * The template's sample values; a variant with 3 data rows (the sample rows repeated, scaled); and
 * that variant with problems for the engine to find (a negative and a fractional entry, a report
 * date after today, a report number out of form).
 */
function variants(t: Template): { name: string; options: LayoutOptions }[] {
  const sample: LayoutOptions = { ...BASE, values: t.sample, dataRows: t.rows.kind === 'repeat' ? t.sample.length : undefined };
  const three = t.rows.kind === 'repeat' ? 3 : t.rows.rows.length;
  const values = Array.from({ length: three }, (_, i) => t.sample[i % t.sample.length].map((v) => v * (i + 1)));
  const threeRows: LayoutOptions = { ...BASE, values, dataRows: t.rows.kind === 'repeat' ? 3 : undefined };
  const bad = values.map((row) => [...row]);
  bad[0][0] = -5;
  bad[1][1] = 2.5;
  const problems: LayoutOptions = { ...threeRows, values: bad, reportDate: '2026-02-01', reportNo: 'số 52' };
  return [
    { name: 'sample', options: sample },
    { name: '3 rows', options: threeRows },
    { name: 'problems', options: problems },
  ];
}

const CASES = TEMPLATES.flatMap((t) => variants(t).map((v) => [t.id, v.name, t, v.options] as const));

async function viaXlsx(plan: SheetPlan): Promise<WorkbookRead> {
  return readWorkbook(await writeWorkbook([plan]));
}

async function viaOffice(plan: SheetPlan): Promise<WorkbookRead> {
  const x = createOfficeJsHost({ excel: '365', evaluator: hyperFormulaEvaluator(), sheets: ['Sheet1'] });
  const adapter = createOfficeAdapter({ run: x.run as ExcelRun, isSetSupported: x.isSetSupported, settings: x.settings });
  await adapter.insertTemplate(plan);
  return adapter.readTables();
}

/** A date as Excel stores it: a serial number, whichever reader gave it. */
function canonValue(v: CellValue): CellValue {
  return v instanceof Date ? isoToExcelSerial(isoFromUtcDate(v)) : v;
}

interface CanonCell {
  address: string;
  formula: string | null;
  /** Compared for constants only (formula results are not in a file written by ExcelJS). */
  value?: CellValue;
}

function canonCell(c: CellRead): CanonCell {
  if (c.formula !== null) return { address: `${c.sheet}!${c.address}`, formula: normalizeFormula(c.formula) };
  return { address: `${c.sheet}!${c.address}`, formula: null, value: canonValue(c.value) };
}

function canon(read: WorkbookRead): unknown {
  return read.tables.map((t) => ({
    sheet: t.sheet,
    templateId: t.templateId,
    version: t.version,
    broken: t.broken ?? null,
    header: t.header.map((line) => line.map((c) => ({ address: c.address, value: c.value, formula: c.formula }))),
    info: Object.fromEntries((Object.keys(t.info) as InfoKey[]).map((k) => [k, t.info[k] ? canonCell(t.info[k] as CellRead) : null])),
    rowLabels: t.rowLabels.map(canonCell),
    columns: Object.fromEntries(Object.entries(t.columns).map(([id, cells]) => [id, cells.map(canonCell)])),
    totals: t.totals ? Object.fromEntries(Object.entries(t.totals).map(([id, c]) => [id, canonCell(c)])) : null,
    averages: Object.fromEntries(Object.entries(t.averages).map(([id, c]) => [id, canonCell(c)])),
  }));
}

describe('the .xlsx reader and the Office.js reader agree', () => {
  test.each(CASES)('%s (%s): same cells, formulas, header, info and findings', async (_id, _variant, t, options) => {
    const plan = layout(t, options);
    const [xlsx, office] = await Promise.all([viaXlsx(plan), viaOffice(plan)]);

    // Both found the one table, whole.
    for (const read of [xlsx, office]) {
      expect(read.tables).toHaveLength(1);
      expect(read.tables[0]).toMatchObject({ sheet: plan.sheetName, templateId: t.id, version: t.version });
      expect(read.tables[0].broken).toBeUndefined();
    }
    const [x, o] = [xlsx.tables[0], office.tables[0]];
    const values = options.values ?? [];

    // Entry cells: the values laid out, on both.
    entryColumns(t).forEach((c, i) => {
      const want = values.map((row) => row[i]);
      expect(x.columns[c.id].map((cell) => [cell.value, cell.formula])).toEqual(want.map((v) => [v, null]));
      expect(o.columns[c.id].map((cell) => [cell.value, cell.formula])).toEqual(want.map((v) => [v, null]));
    });
    // Computed cells: the same formula on both (normalised), and a formula there at all.
    for (const c of columnsOf(t).filter((col) => col.kind !== 'entry')) {
      const fx = x.columns[c.id].map((cell) => (cell.formula === null ? null : normalizeFormula(cell.formula)));
      const fo = o.columns[c.id].map((cell) => (cell.formula === null ? null : normalizeFormula(cell.formula)));
      expect(fx.every((f) => f !== null)).toBe(true);
      expect(fo).toEqual(fx);
    }
    // Header text: the template's, continuation cells of merged ranges blank on both.
    const expected = expectedHeader(t);
    expect(x.header.map((line) => line.map((c) => c.value))).toEqual(expected);
    expect(o.header.map((line) => line.map((c) => c.value))).toEqual(expected);
    // Info cells, dates as serials.
    expect(canonValue(x.info.from?.value ?? null)).toBe(isoToExcelSerial('2025-07-01'));
    expect(canonValue(o.info.from?.value ?? null)).toBe(isoToExcelSerial('2025-07-01'));
    expect(canonValue(x.info.to?.value ?? null)).toBe(isoToExcelSerial('2025-10-15'));
    expect(x.info.unit?.value).toBe('TỈNH ỦY LÂM ĐỒNG');
    expect(o.info.reportNo?.value).toBe(options.reportNo);

    // Everything else, cell by cell.
    expect(canon(office)).toEqual(canon(xlsx));

    // The engine finds the same things in both.
    const findings = (read: WorkbookRead): unknown => validateWorkbook(read, { today: TODAY });
    expect(findings(office)).toEqual(findings(xlsx));
    if (options.values === t.sample) expect(validateWorkbook(xlsx, { today: TODAY })).toEqual([]);
    if (options.reportDate === '2026-02-01') {
      const rules = new Set(validateWorkbook(xlsx, { today: TODAY }).map((f) => f.rule));
      for (const r of ['entry.negative', 'entry.fraction', 'report.date-future', 'report.number-format']) expect(rules).toContain(r);
    }
  });
});
