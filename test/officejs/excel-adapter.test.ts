import { createOfficeAdapter } from '../../src/excel/adapter';
import { freeSheetName } from '../../src/excel/insert';
import type { ExcelRun } from '../../src/excel/context';
import { MARK_FORMULAS } from '../../src/excel/scan';
import type { WorkbookAdapter } from '../../src/excel/types';
import { layout } from '../../src/core/forms/layout';
import { expectedHeader } from '../../src/core/forms/layout-texts';
import { validateWorkbook } from '../../src/core/check/validate';
import { SEED_REPORT, TEMPLATES, findTemplate } from '../../src/core/forms/builtin';
import { entryColumns } from '../../src/core/forms/template';
import type { LayoutOptions, SheetPlan } from '../../src/core/forms/plan';
import type { CellValue, WorkbookRead } from '../../src/core/tables/table-read';
import type { Finding } from '../../src/core/check/findings';
import { columnName } from '../../src/core/forms/defined-names';
import { isoToExcelSerial } from '../../src/core/dates';
import { writeWorkbook } from '../../src/xlsx/writer';
import { readWorkbook } from '../../src/cli/path-source';
import { HostError, MemSettings, type MemHost } from '../../src/devhost';
import { hyperFormulaEvaluator } from '../../src/devhost/hyperformula';
import { createOfficeJsHost } from '../../src/devhost/officejs-node';
import { excelClient } from '../support/excel-client';

const OPTIONS: LayoutOptions = { ...SEED_REPORT };
const TODAY = new Date(2025, 11, 1);

function sampleOptions(id: string): LayoutOptions {
  const t = findTemplate(id);
  if (!t) throw new Error(id);
  return { ...OPTIONS, values: t.sample, dataRows: t.rows.kind === 'repeat' ? t.sample.length : undefined };
}

function planOf(id: string, opts: LayoutOptions = sampleOptions(id)): SheetPlan {
  const t = findTemplate(id);
  if (!t) throw new Error(id);
  return layout(t, opts);
}

interface Rig {
  host: MemHost;
  adapter: WorkbookAdapter;
  settings: MemSettings;
}

/**
 * The adapter as in production (`Excel.run` of Microsoft's client library, the build of excelClient()) on
 * a new in-memory workbook with one sheet; `host` is the workbook itself (what a user does in Excel).
 */
function rig(excel = '365', opts: { evaluate?: boolean; maxRequestBytes?: number; ownChangesQuietMs?: number } = {}): Rig {
  const x = createOfficeJsHost({
    client: excelClient(),
    excel,
    evaluator: opts.evaluate === false ? undefined : hyperFormulaEvaluator(),
    maxRequestBytes: opts.maxRequestBytes,
    sheets: ['Sheet1'],
  });
  const adapter = createOfficeAdapter({
    run: x.run as ExcelRun,
    isSetSupported: x.isSetSupported,
    settings: x.settings,
    maxRequestBytes: opts.maxRequestBytes,
    ownChangesQuietMs: opts.ownChangesQuietMs,
  });
  return { host: x.host, adapter, settings: x.settings };
}

async function counted<T>(host: MemHost, f: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = host.stats.syncs;
  const result = await f();
  return { result, syncs: host.stats.syncs - before };
}

/**
 * What may differ between the two readers of one workbook: dates (Office.js gives serials, ExcelJS
 * a Date), results of formulas (a file written by ExcelJS carries none until Excel recalculates it),
 * and the continuation cells of merged headers (Excel keeps them blank; ExcelJS repeats the label).
 */
function normalise(read: WorkbookRead): unknown {
  const copy = JSON.parse(
    JSON.stringify(read, (_k, v: unknown) => {
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00.000Z$/.test(v)) return isoToExcelSerial(v.slice(0, 10));
      if (v && typeof v === 'object' && 'formula' in v && (v as { formula: unknown }).formula !== null) return { ...v, value: 'computed' };
      return v;
    }),
  ) as WorkbookRead;
  for (const t of copy.tables) {
    const template = findTemplate(t.templateId);
    if (!template) continue;
    const expected = expectedHeader(template);
    t.header.forEach((line, i) => line.forEach((c, j) => {
      if (expected[i]?.[j] === null) c.value = null;
    }));
  }
  return copy;
}

describe('insertTemplate and readTables', () => {
  test.each(TEMPLATES.map((t) => t.id))('%s: inserted, read back with live totals, same read as the .xlsx reader', async (id) => {
    const { host, adapter } = rig();
    const plan = planOf(id);
    const ins = await counted(host, () => adapter.insertTemplate(plan));
    expect(ins.result.sheet).toBe(plan.sheetName);
    expect(ins.syncs).toBeLessThanOrEqual(2);
    expect(host.book.sheetById(host.book.activeSheetId ?? '')?.name).toBe(plan.sheetName);
    const read = await counted(host, () => adapter.readTables());
    expect(read.syncs).toBe(1);
    expect(read.result.tables).toHaveLength(1);
    const table = read.result.tables[0];
    expect(table.broken).toBeUndefined();
    expect(table.templateId).toBe(id);
    const t = findTemplate(id);
    if (!t) throw new Error(id);
    entryColumns(t).forEach((c, i) => {
      expect(table.columns[c.id].map((cell) => cell.value)).toEqual(t.sample.map((row) => row[i]));
    });
    expect(table.info.from?.value).toBe(isoToExcelSerial('2025-07-01'));
    expect(table.info.unit?.value).toBe('TỈNH ỦY LÂM ĐỒNG');

    const xlsx = await readWorkbook(await writeWorkbook([plan]));
    expect(normalise(read.result)).toEqual(normalise(xlsx));
  });

  test('the sample totals are computed by live formulas (Biểu 01 central 4525, local 486563)', async () => {
    const { adapter } = rig();
    await adapter.insertTemplate(planOf('b01'));
    const read = await adapter.readTables();
    const cols = read.tables[0].columns;
    expect(cols['central.total'][0].formula).toMatch(/^=SUM\(/);
    expect(cols['central.total'][0].value).toBe(4525);
    expect(cols['local.total'][0].value).toBe(486563);
  });

  test('insert when the name is taken: a free name, and the user\'s own sheet is left untouched cell for cell', async () => {
    const { host, adapter } = rig();
    host.addSheet('biểu 01');
    host.type('biểu 01', 'A1', 'my own notes');
    host.type('biểu 01', 'B8', 42);
    host.type('biểu 01', 'C8', '=B8*2');
    const before = host.snapshot('biểu 01');
    const a = await adapter.insertTemplate(planOf('b01'));
    const b = await adapter.insertTemplate(planOf('b01'));
    expect([a.sheet, b.sheet]).toEqual(['Biểu 01 (2)', 'Biểu 01 (3)']);
    expect(host.snapshot('biểu 01')).toEqual(before);
    const read = await adapter.readTables();
    expect(read.tables.map((t) => t.sheet)).toEqual(['Biểu 01 (2)', 'Biểu 01 (3)']);
  });

  test('a renamed sheet with rows inserted above the table is still found, cells at their new place', async () => {
    const { host, adapter } = rig();
    await adapter.insertTemplate(planOf('b02'));
    const first = (await adapter.readTables()).tables[0];
    const addr = first.columns['council.total'][0].address;
    host.renameSheet('Biểu 02', 'Phân loại');
    host.sheet('Phân loại').protection.protected = false;
    host.insertRows('Phân loại', 2, 3);
    const read = await adapter.readTables();
    const t = read.tables[0];
    expect(t.sheet).toBe('Phân loại');
    expect(t.broken).toBeUndefined();
    const moved = t.columns['council.total'][0];
    expect(Number(/\d+/.exec(moved.address)?.[0])).toBe(Number(/\d+/.exec(addr)?.[0]) + 3);
    expect(moved.value).toBe(732);
    expect(validateWorkbook(read, { today: TODAY }).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('rows of the table deleted: one broken table, as the .xlsx reader says', async () => {
    const { host, adapter } = rig();
    const plan = planOf('b03');
    await adapter.insertTemplate(plan);
    const rows = plan.names.find((n) => n.name === columnName('central.total'));
    if (!rows) throw new Error('no column name');
    host.sheet('Biểu 03').protection.protected = false;
    const top = Number(/\d+/.exec(rows.ref)?.[0]);
    host.deleteRows('Biểu 03', top, 1);
    const read = await adapter.readTables();
    expect(read.tables).toHaveLength(1);
    expect(read.tables[0].broken?.reason.en).toMatch(/no longer refers/);
    const findings = validateWorkbook(read, { today: TODAY });
    expect(findings.map((f) => f.rule)).toEqual(['structure.changed']);
  });
});

describe('check, marks and fixes', () => {
  async function seeded(): Promise<Rig> {
    const r = rig();
    await r.adapter.insertTemplate(planOf('b01'));
    await r.adapter.insertTemplate(planOf('b02'));
    return r;
  }

  test('the seed figures typed by a user give the HĐND mismatch; paint shows it, clear restores every cell', async () => {
    const { host, adapter } = rig();
    const blank = (id: string): SheetPlan => planOf(id, { ...OPTIONS });
    await adapter.insertTemplate(blank('b01'));
    await adapter.insertTemplate(blank('b02'));
    let read = await adapter.readTables();
    for (const table of read.tables) {
      const t = findTemplate(table.templateId);
      if (!t) throw new Error(table.templateId);
      entryColumns(t).forEach((c, i) => host.type(table.sheet, table.columns[c.id][0].address, t.sample[0][i]));
    }
    read = await adapter.readTables();
    const findings = validateWorkbook(read, { today: TODAY });
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ left: 732, right: 752, difference: -20 });
    expect(errors[0].cells.map((c) => c.sheet)).toEqual(['Biểu 02', 'Biểu 01']);

    const before = [host.snapshot('Biểu 01'), host.snapshot('Biểu 02')];
    const paint = await counted(host, () => adapter.paintFindings(findings));
    expect(paint.syncs).toBe(1);
    const marked = host.sheet('Biểu 02').conditionalFormats;
    expect(marked).toHaveLength(1);
    expect(marked[0]).toMatchObject({ formula: MARK_FORMULAS.error, fill: '#FFC7CE' });
    const painted = host.snapshot('Biểu 02') as Record<string, unknown>;
    expect({ ...painted, conditionalFormats: [] }).toEqual(before[1]);
    expect(host.sheet('Biểu 02').protection.protected).toBe(true);

    // painting again replaces the marks instead of adding more
    await adapter.readTables();
    await adapter.paintFindings(findings);
    expect(host.sheet('Biểu 02').conditionalFormats).toHaveLength(1);

    await adapter.clearMarks();
    expect([host.snapshot('Biểu 01'), host.snapshot('Biểu 02')]).toEqual(before);
  });

  test('paint leaves the user\'s own fills, fonts and borders alone', async () => {
    const { host, adapter } = await seeded();
    const read = await adapter.readTables();
    const target = read.tables[0].columns['central.politburo'][0];
    const fmt = host.cellAt(target.sheet, target.address)?.format;
    if (!fmt) throw new Error('no cell');
    fmt.fill = '#00FF00';
    fmt.bold = true;
    fmt.borders.top = 'Double';
    const before = host.snapshot(target.sheet);
    await adapter.paintFindings([{ rule: 'entry.blank', severity: 'warning', cells: [target], message: { vi: 'x', en: 'x' } }]);
    const after = host.cellAt(target.sheet, target.address)?.format;
    expect(after).toEqual({ ...fmt });
    expect(host.sheet(target.sheet).conditionalFormats.map((c) => c.formula)).toEqual([MARK_FORMULAS.warning]);
    await adapter.clearMarks();
    expect(host.snapshot(target.sheet)).toEqual(before);
  });

  test("a user's own data bar on a table sheet: read, paint and clear still work, and the data bar stays", async () => {
    const { host, adapter } = await seeded();
    let read = await adapter.readTables();
    const target = read.tables[0].columns['central.politburo'][0];
    const sheet = host.sheet(target.sheet);
    // Excel refuses `custom` of a data bar; the adapter must read `customOrNullObject`.
    const box = { top: 8, left: 2, bottom: 8, right: 7 };
    sheet.conditionalFormats.push({ id: host.nextConditionalFormatId(), type: 'DataBar', box, formula: '', fill: null, fontColor: null, bold: null });
    read = await adapter.readTables();
    expect(read.tables.map((t) => t.sheet)).toContain(target.sheet);
    await adapter.paintFindings([{ rule: 'entry.blank', severity: 'warning', cells: [target], message: { vi: 'x', en: 'x' } }]);
    expect(sheet.conditionalFormats.map((c) => c.type)).toEqual(['DataBar', 'Custom']);
    await adapter.clearMarks();
    expect(sheet.conditionalFormats.map((c) => c.type)).toEqual(['DataBar']);
  });

  test('painting twice without a read in between replaces the first marks', async () => {
    const { host, adapter } = await seeded();
    const read = await adapter.readTables();
    const target = read.tables[0].columns['central.politburo'][0];
    const finding = { rule: 'entry.blank', severity: 'warning' as const, cells: [target], message: { vi: 'x', en: 'x' } };
    await adapter.paintFindings([finding]);
    await adapter.paintFindings([finding]);
    expect(host.sheet(target.sheet).conditionalFormats.map((c) => c.formula)).toEqual([MARK_FORMULAS.warning]);
  });

  test('"1.292" typed as text: the fix writes 1292 in that cell only, revert puts the text back exactly', async () => {
    const { host, adapter } = await seeded();
    let read = await adapter.readTables();
    const cell = read.tables[0].columns['central.assembly'][0];
    host.type(cell.sheet, cell.address, '1.292', true);
    const before = [host.snapshot('Biểu 01'), host.snapshot('Biểu 02')];
    read = await adapter.readTables();
    const finding = validateWorkbook(read, { today: TODAY }).find((f) => f.rule === 'entry.text-number');
    expect(finding?.fix).toMatchObject({ value: 1292 });
    if (!finding) throw new Error('no finding');
    const applied = await adapter.applyFix(finding);
    expect(host.valueAt(cell.sheet, cell.address)).toBe(1292);
    const changed = host.snapshot('Biểu 01') as { cells: unknown[] };
    const orig = before[0] as { cells: unknown[] };
    expect(changed.cells.filter((c, i) => JSON.stringify(c) !== JSON.stringify(orig.cells[i]))).toHaveLength(1);
    expect(host.snapshot('Biểu 02')).toEqual(before[1]);
    await adapter.revertFix(applied);
    expect(host.valueAt(cell.sheet, cell.address)).toBe('1.292');
    expect([host.snapshot('Biểu 01'), host.snapshot('Biểu 02')]).toEqual(before);
  });

  test('a total typed over on the protected sheet: the fix restores the formula and the protection', async () => {
    const { host, adapter } = await seeded();
    let read = await adapter.readTables();
    const total = read.tables[0].columns['central.total'][0];
    host.type(total.sheet, total.address, 4525);
    const before = host.snapshot(total.sheet);
    read = await adapter.readTables();
    const finding = validateWorkbook(read, { today: TODAY }).find((f) => f.rule === 'computed.formula-missing');
    if (!finding) throw new Error('no finding');
    const applied = await adapter.applyFix(finding);
    expect(host.cellAt(total.sheet, total.address)?.formula).toMatch(/^=SUM\(/);
    expect(host.valueAt(total.sheet, total.address)).toBe(4525);
    expect(host.sheet(total.sheet).protection.protected).toBe(true);
    await adapter.revertFix(applied);
    expect(host.snapshot(total.sheet)).toEqual(before);
  });

  test('selectCell activates the sheet and selects the cell', async () => {
    const { host, adapter } = await seeded();
    await adapter.selectCell({ sheet: 'Biểu 01', address: 'H8' });
    const sel = host.book.selection;
    expect(host.book.sheetById(sel?.sheetId ?? '')?.name).toBe('Biểu 01');
    expect(sel?.box).toEqual({ top: 8, left: 8, bottom: 8, right: 8 });
  });
});

describe('requirement sets', () => {
  test('at ExcelApi 1.7 (Excel 2019): no data validation, no culture, events untouched, everything else works', async () => {
    const { host, adapter } = rig('2019');
    expect(adapter.capabilities()).toEqual({ dataValidation: false, cultureInfo: false, customProperties: false });
    const ins = await counted(host, () => adapter.insertTemplate(planOf('b04')));
    expect(ins.syncs).toBeLessThanOrEqual(2);
    expect(host.sheet('Biểu 04').validations).toEqual([]);
    expect(await adapter.numberSeparators()).toBeNull();
    const read = await adapter.readTables();
    // read whole, not broken: the totals row's formula, computed by the host, is the sum of the sample's cells as read
    expect(read.tables[0].broken).toBeUndefined();
    const published = read.tables[0].columns['published'].map((c) => Number(c.value ?? 0));
    expect(published.some((x) => x > 0)).toBe(true);
    expect(read.tables[0].totals?.['published']?.value).toBe(published.reduce((a, b) => a + b, 0));
    expect(validateWorkbook(read, { today: TODAY }).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('at ExcelApi 1.14 (Excel 2021): data validation with an input message, separators, events off while inserting', async () => {
    const { host, adapter } = rig('2021');
    expect(adapter.capabilities()).toEqual({ dataValidation: true, cultureInfo: true, customProperties: true });
    const plan = planOf('b01');
    await adapter.insertTemplate(plan);
    const v = host.sheet('Biểu 01').validations;
    expect(v).toHaveLength(plan.entryRanges.length);
    expect(v[0].rule).toEqual({ wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } });
    expect(v[0].prompt).toMatchObject({ showPrompt: true, title: 'Số lượng' });
    expect(host.stats.changeEvents).toBe(0);
    expect(host.enableEvents).toBe(true);
    expect(host.stats.suspendCalculation).toBe(1);
    expect(await adapter.numberSeparators()).toEqual({ decimal: ',', thousands: '.' });
  });
});

describe('report information and settings', () => {
  test('updateReportInfo writes the info cells of every table; headers follow by formula', async () => {
    const { host, adapter } = rig();
    await adapter.insertTemplate(planOf('b01'));
    await adapter.insertTemplate(planOf('b03'));
    const n = await adapter.updateReportInfo({ unit: 'UBND XÃ A', reportNo: '123/BC-UBND', reportDate: '2026-01-10', reportBy: 'UBND xã', from: '2025-12-15', to: '2026-01-14' });
    expect(n).toBe(2);
    const read = await adapter.readTables();
    for (const t of read.tables) {
      expect(t.info.unit?.value).toBe('UBND XÃ A');
      expect(t.info.reportNo?.value).toBe('123/BC-UBND');
      expect(t.info.from?.value).toBe(isoToExcelSerial('2025-12-15'));
    }
    expect(host.valueAt('Biểu 01', 'A4')).toBe('Từ ngày 15/12/2025 đến 14/01/2026');
  });

  test('settings round-trip through the document settings store', async () => {
    const { adapter, settings } = rig();
    expect(await adapter.loadSettings()).toBeNull();
    const info = { unit: 'TỈNH ỦY LÂM ĐỒNG', reportNo: '52-BC/TU', reportDate: '2025-11-14', reportBy: 'Ban Thường vụ', from: '2025-07-01', to: '2025-10-15' };
    await adapter.saveSettings(info);
    expect(settings.saves).toBe(1);
    expect(await adapter.loadSettings()).toEqual(info);
  });
});

describe('round trips whatever the size', () => {
  const ROWS = 3321;
  function bigPlan(id: string): SheetPlan {
    const t = findTemplate(id);
    if (!t) throw new Error(id);
    if (t.rows.kind !== 'repeat') return planOf(id);
    const values = Array.from({ length: ROWS }, (_, r) => entryColumns(t).map((_c, i) => (r * 7 + i) % 1000));
    return layout(t, { ...OPTIONS, dataRows: ROWS, values });
  }

  test.each(TEMPLATES.map((t) => t.id))('%s at 1 and 3,321 rows: insert ≤ 2 syncs, read 1, paint 1', async (id) => {
    const repeat = findTemplate(id)?.rows.kind === 'repeat';
    for (const [plan, rows] of [
      [planOf(id, { ...OPTIONS }), repeat ? 1 : 2],
      [bigPlan(id), repeat ? ROWS : 2],
    ] as const) {
      const { host, adapter } = rig('365', { evaluate: false });
      const ins = await counted(host, () => adapter.insertTemplate(plan));
      expect(ins.syncs).toBeLessThanOrEqual(2);
      expect(Math.max(...host.stats.requestBytes)).toBeLessThan(5 * 1024 * 1024);
      const read = await counted(host, () => adapter.readTables());
      expect(read.syncs).toBe(1);
      const table = read.result.tables[0];
      expect(table.rowLabels).toHaveLength(rows);
      const findings = validateWorkbook(read.result, { today: TODAY });
      const paint = await counted(host, () => adapter.paintFindings(findings));
      // Nothing to paint and no marks to remove: the library sends no request for an empty sync.
      expect(paint.syncs).toBe(findings.length > 0 ? 1 : 0);
    }
  });

  test('a request that would pass the limit is split, and the table reads back the same', async () => {
    const plan = bigPlan('b02');
    const limit = 400 * 1024;
    const small = rig('365', { evaluate: false, maxRequestBytes: limit });
    const ins = await counted(small.host, () => small.adapter.insertTemplate(plan));
    expect(ins.syncs).toBeGreaterThan(2);
    expect(Math.max(...small.host.stats.requestBytes)).toBeLessThanOrEqual(limit);
    const whole = rig('365', { evaluate: false });
    const wholeIns = await counted(whole.host, () => whole.adapter.insertTemplate(plan));
    expect(wholeIns.syncs).toBe(2);
    const a = await small.adapter.readTables();
    const b = await whole.adapter.readTables();
    expect(a).toEqual(b);
    expect(a.tables[0].rowLabels).toHaveLength(ROWS);
    const v: CellValue = a.tables[0].columns['party.resolution']?.[ROWS - 1]?.value ?? null;
    expect(typeof v).toBe('number');
  });
});

describe('watchChanges: the user’s edits to the tables, never the adapter’s own writes', () => {
  /** One macrotask: the host delivers change events a macrotask after the sync that caused them. */
  const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
  const INFO = { unit: 'UBND TỈNH', reportNo: '1/BC', reportDate: '2025-11-14', reportBy: '', from: '2025-07-01', to: '2025-10-15' };

  test.each([
    ['2019', '1.7', 2],
    ['2021', '1.14', 1],
  ])('Excel %s (ExcelApi %s): fires on a user edit, not on insert/fix/revert/paint/clear/report info; unsubscribe stops it', async (excel, _api, watchSyncs) => {
    const { host, adapter } = rig(excel, { ownChangesQuietMs: 0 });
    await adapter.insertTemplate(planOf('b01'));
    await tick();
    let calls = 0;
    const watch = await counted(host, () => adapter.watchChanges(() => calls++));
    expect(watch.syncs).toBe(watchSyncs);
    expect(host.registrations).toHaveLength(1);

    let read = await adapter.readTables();
    const cell = read.tables[0].columns['central.assembly'][0];
    host.type(cell.sheet, cell.address, 5);
    await tick();
    expect(calls).toBe(1);
    host.type('Sheet1', 'A1', 5); // not a table
    await tick();
    expect(calls).toBe(1);

    // A table inserted while watching is watched too, and its insertion is not a change.
    await adapter.insertTemplate(planOf('b02'));
    await tick();
    expect(calls).toBe(1);
    read = await adapter.readTables();
    const other = read.tables.find((t) => t.templateId === 'b02');
    if (!other) throw new Error('no b02');
    const otherCell = Object.values(other.columns)[0][0];
    host.type(otherCell.sheet, otherCell.address, 3);
    await tick();
    expect(calls).toBe(2);

    // The adapter's own writes, one by one.
    host.type(cell.sheet, cell.address, '1.292', true);
    await tick();
    expect(calls).toBe(3);
    read = await adapter.readTables();
    const findings = validateWorkbook(read, { today: TODAY });
    const finding = findings.find((f) => f.rule === 'entry.text-number');
    if (!finding) throw new Error('no finding');
    const eventsBefore = host.stats.changeEvents;
    const applied = await adapter.applyFix(finding);
    await tick();
    expect(host.valueAt(cell.sheet, cell.address)).toBe(1292);
    await adapter.revertFix(applied);
    await tick();
    expect(host.valueAt(cell.sheet, cell.address)).toBe('1.292');
    await adapter.paintFindings(findings);
    await tick();
    await adapter.clearMarks();
    await tick();
    expect(await adapter.updateReportInfo(INFO)).toBe(2);
    await tick();
    expect(calls).toBe(3);
    // Before ExcelApi 1.8 the host did raise those events: the adapter's guard ignored them.
    if (excel === '2019') expect(host.stats.changeEvents).toBeGreaterThan(eventsBefore);
    else expect(host.stats.changeEvents).toBe(eventsBefore);
    expect(host.enableEvents).toBe(true);

    // A user edit right after them is heard again.
    host.type(cell.sheet, cell.address, 6);
    await tick();
    expect(calls).toBe(4);

    await watch.result();
    expect(host.registrations).toHaveLength(0);
    host.type(cell.sheet, cell.address, 7);
    await tick();
    expect(calls).toBe(4);
  });

  test('before ExcelApi 1.8: within the quiet time (default 300 ms) only events on the cells the adapter wrote are ignored; an edit anywhere else is heard', async () => {
    jest.useFakeTimers();
    try {
      const { host, adapter } = rig('2019', { evaluate: false });
      await adapter.insertTemplate(planOf('b04'));
      await jest.advanceTimersByTimeAsync(300); // the new sheet's own echoes are over
      let calls = 0;
      await adapter.watchChanges(() => calls++);
      const read = await adapter.readTables();
      const cell = Object.values(read.tables[0].columns)[0][0];
      const unitCell = read.tables[0].info.unit;
      if (!unitCell) throw new Error('no unit cell');
      const events = host.stats.changeEvents;
      await adapter.updateReportInfo(INFO);
      await jest.advanceTimersByTimeAsync(0);
      expect(host.stats.changeEvents).toBeGreaterThan(events); // the host did raise them
      expect(calls).toBe(0);
      await jest.advanceTimersByTimeAsync(298);
      host.type(unitCell.sheet, unitCell.address, 'X'); // on a cell the adapter just wrote: taken for its echo
      await jest.advanceTimersByTimeAsync(0);
      expect(calls).toBe(0);
      host.type(cell.sheet, cell.address, 1); // the user, elsewhere, right after the adapter's write
      await jest.advanceTimersByTimeAsync(0);
      expect(calls).toBe(1);
      await jest.advanceTimersByTimeAsync(2);
      host.type(unitCell.sheet, unitCell.address, 'Y'); // past the quiet time: the user's again
      await jest.advanceTimersByTimeAsync(0);
      expect(calls).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });

  test('ExcelApi 1.8 and later: an edit while the adapter paints, clears or fixes, or right after, is always heard', async () => {
    // A quiet time far longer than the test: nothing here may depend on it.
    const { host, adapter } = rig('365', { ownChangesQuietMs: 3_600_000 });
    await adapter.insertTemplate(planOf('b01'));
    let calls = 0;
    await adapter.watchChanges(() => calls++);
    const read = await adapter.readTables();
    const cell = read.tables[0].columns['central.assembly'][0];
    const other = read.tables[0].columns['central.politburo'][0];
    host.type(other.sheet, other.address, '1.292', true);
    await tick();
    expect(calls).toBe(1);
    const findings = validateWorkbook(await adapter.readTables(), { today: TODAY });
    const fixable = findings.find((f) => f.rule === 'entry.text-number');
    if (!fixable) throw new Error('no finding');
    const steps: [string, () => Promise<unknown>][] = [
      ['paint', () => adapter.paintFindings(findings)],
      ['clear', () => adapter.clearMarks()],
      ['fix', () => adapter.applyFix(fixable)],
      ['report info', () => adapter.updateReportInfo(INFO)],
    ];
    let heard = 1;
    for (const [what, step] of steps) {
      // The user types while the batch is on its way (its first sync done), and again just after it.
      const pending = step();
      host.type(cell.sheet, cell.address, heard + 1);
      await pending;
      host.type(cell.sheet, cell.address, heard + 2);
      await tick();
      heard += 2;
      expect({ what, calls }).toEqual({ what, calls: heard });
    }
  });
});

describe('a write batch that fails half-way (an Office.js batch is not a transaction)', () => {
  const boom = (): never => {
    throw new HostError('GeneralException', 'injected failure');
  };

  async function totalTypedOver(r: Rig): Promise<{ finding: Finding; sheet: string }> {
    await r.adapter.insertTemplate(planOf('b01'));
    let read = await r.adapter.readTables();
    const total = read.tables[0].columns['central.total'][0];
    r.host.type(total.sheet, total.address, 4525);
    read = await r.adapter.readTables();
    const finding = validateWorkbook(read, { today: TODAY }).find((f) => f.rule === 'computed.formula-missing');
    if (!finding) throw new Error('no finding');
    return { finding, sheet: total.sheet };
  }

  test('a fix on a sheet the user protected with a password fails, and events are back on', async () => {
    const r = rig();
    const { finding, sheet } = await totalTypedOver(r);
    r.host.sheet(sheet).protection = { protected: true, options: {}, password: 'secret' };
    await expect(r.adapter.applyFix(finding)).rejects.toThrow(/Wrong password/);
    expect(r.host.enableEvents).toBe(true);
    expect(r.host.sheet(sheet).protection).toEqual({ protected: true, options: {}, password: 'secret' });
  });

  test('the fix\'s write fails after the protection was lifted: protection and events are put back', async () => {
    const r = rig();
    const { finding, sheet } = await totalTypedOver(r);
    const options = { ...r.host.sheet(sheet).protection.options };
    const spy = jest.spyOn(r.host, 'changed').mockImplementationOnce(boom);
    await expect(r.adapter.applyFix(finding)).rejects.toThrow(/injected failure/);
    spy.mockRestore();
    expect(r.host.sheet(sheet).protection).toEqual({ protected: true, options, password: null });
    expect(r.host.enableEvents).toBe(true);
  });

  test('revertFix failing half-way puts protection and events back', async () => {
    const r = rig();
    const { finding, sheet } = await totalTypedOver(r);
    const applied = await r.adapter.applyFix(finding);
    const spy = jest.spyOn(r.host, 'changed').mockImplementationOnce(boom);
    await expect(r.adapter.revertFix(applied)).rejects.toThrow(/injected failure/);
    spy.mockRestore();
    expect(r.host.sheet(sheet).protection.protected).toBe(true);
    expect(r.host.enableEvents).toBe(true);
  });

  test('painting failing half-way leaves the sheet protected', async () => {
    const r = rig();
    const { finding, sheet } = await totalTypedOver(r);
    const spy = jest.spyOn(r.host, 'nextConditionalFormatId').mockImplementationOnce(boom);
    await expect(r.adapter.paintFindings([finding])).rejects.toThrow(/injected failure/);
    spy.mockRestore();
    expect(r.host.sheet(sheet).protection.protected).toBe(true);
    expect(r.host.sheet(sheet).conditionalFormats).toEqual([]);
  });

  test('an insert failing after its first write: events back on, no half-made sheet, the next insert takes the name', async () => {
    const r = rig();
    const spy = jest.spyOn(r.host, 'changed').mockImplementationOnce(boom);
    await expect(r.adapter.insertTemplate(planOf('b01'))).rejects.toThrow(/injected failure/);
    spy.mockRestore();
    expect(r.host.enableEvents).toBe(true);
    expect(r.host.book.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect((await r.adapter.insertTemplate(planOf('b01'))).sheet).toBe('Biểu 01');
  });
});

describe('freeSheetName: Excel\'s rules for sheet names', () => {
  test('unique ignoring case, with Vietnamese letters', () => {
    expect(freeSheetName('Biểu 01', new Set(['sheet1']))).toBe('Biểu 01');
    expect(freeSheetName('Biểu 01', new Set(['biểu 01', 'biểu 01 (2)']))).toBe('Biểu 01 (3)');
  });

  test('never longer than 31 characters, and no space left before the counter', () => {
    const long = 'Biểu 05 Số liệu tổng hợp A và B các xã'; // 38 characters
    const first = freeSheetName(long, new Set());
    expect(first).toBe(long.slice(0, 31).trimEnd());
    expect(first.length).toBeLessThanOrEqual(31);
    const second = freeSheetName(long, new Set([first.toLowerCase()]));
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second).toBe('Biểu 05 Số liệu tổng hợp A (2)');
  });
});
