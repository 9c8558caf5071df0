/**
 * Generated workbooks recalculated by LibreOffice headless (full recalculation forced by a
 * throw-away profile), read back with ExcelJS: every computed cell must equal its definition
 * in the template data, and no cell may hold an error value.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { columnsOf, entryColumns, type Template } from '../../src/core/forms/template';
import { layout } from '../../src/core/forms/layout';
import { attachmentText, expectedHeader, periodText } from '../../src/core/forms/layout-texts';
import type { LayoutOptions, SheetPlan } from '../../src/core/forms/plan';
import { cellsOf, parseRange } from '../../src/core/a1';
import { INFO_NAMES, averageName, columnName, metaValue, totalName, META_NAME, HEADER_NAME, ROW_LABELS_NAME } from '../../src/core/forms/defined-names';
import { daysInclusive, toIsoDate } from '../../src/core/dates';
import { writeWorkbook } from '../../src/xlsx/writer';
import { readSheetScopedNames } from '../../src/xlsx/scoped-names';
import type { SheetScopedName } from '../../src/xlsx/scoped-names-xml';
import { buildWorkbook, parseNewArgs } from '../../src/cli/new';
import { convertWithLibreOffice, findSoffice } from '../support/libreoffice';

interface Case {
  file: string;
  /** One entry per sheet, in order. */
  sheets: { template: Template; options: LayoutOptions }[];
}

type Read = number | string | null | { error: string };

function plain(v: ExcelJS.CellValue): Read {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'object' && 'error' in v) return { error: String(v.error) };
  if (typeof v === 'object' && 'formula' in v) {
    const r = (v as ExcelJS.CellFormulaValue).result;
    return r === undefined ? null : plain(r as ExcelJS.CellValue);
  }
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((p) => p.text).join('');
  return String(v);
}

/** A cell as read; for a formula its result (`cell.value` drops a falsy result such as 0). */
function readCell(cell: ExcelJS.Cell): Read {
  if (cell.type === ExcelJS.ValueType.Formula) {
    const r = cell.result;
    return r === undefined ? null : plain(r as ExcelJS.CellValue);
  }
  return plain(cell.value);
}

const isBlank = (v: Read): boolean => v === null || v === '';
const num = (v: Read): number => (typeof v === 'number' ? v : 0);

/** Random but reproducible report options and entry values for one template. */
function randomSheet(seed: number, t: Template): { template: Template; options: LayoutOptions } {
  const date = fc.record({ y: fc.integer({ min: 2020, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
  const count = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 2_000_000 }));
  const arb = fc
    .record({ a: date, b: date, r: date, rows: fc.integer({ min: 1, max: 4 }), fill: fc.integer({ min: 0, max: 4 }) })
    .chain((x) => {
      const dataRows = t.rows.kind === 'fixed' ? t.rows.rows.length : x.rows;
      const filled = Math.min(dataRows, t.rows.kind === 'fixed' ? dataRows : x.fill || dataRows);
      return fc.tuple(fc.constant(x), fc.constant(dataRows), fc.array(fc.array(count, { minLength: entryColumns(t).length, maxLength: entryColumns(t).length }), { minLength: filled, maxLength: filled }));
    });
  const [[x, dataRows, values]] = fc.sample(arb, { seed, numRuns: 1 });
  const iso = (d: { y: number; m: number; d: number }) => toIsoDate({ year: d.y, month: d.m, day: d.d });
  const [from, to] = [iso(x.a), iso(x.b)].sort();
  return {
    template: t,
    options: { unit: `ĐƠN VỊ ${seed}`, reportNo: `${seed}-BC/TU`, reportDate: iso(x.r), reportBy: 'Ban Thường vụ', from, to, dataRows, values },
  };
}

describe('LibreOffice recalculation', () => {
  let work: string;
  const cases: Case[] = [];
  const outputs: string[] = [];

  beforeAll(async () => {
    findSoffice(); // fails with a clear message when LibreOffice is missing
    work = mkdtempSync(join(tmpdir(), 'bieumau-lo-test-'));
    // 1. the --sample workbook, built by the same code as `bieumau new --sample`
    const req = parseNewArgs(['sample.xlsx', '--sample']);
    const sampleFile = join(work, 'sample.xlsx');
    writeFileSync(sampleFile, await buildWorkbook(req));
    cases.push({ file: sampleFile, sheets: req.templates.map((t) => ({ template: t, options: { ...req.options, values: t.sample } })) });
    // 2. random counts (seeded), 3. all zeros (every ratio blank), 4. nothing entered, no report info
    for (let k = 0; k < 4; k++) {
      const sheets = TEMPLATES.map((t, i) => randomSheet(1000 + k * 10 + i, t));
      cases.push({ file: join(work, `random-${k}.xlsx`), sheets });
    }
    cases.push({
      file: join(work, 'zeros.xlsx'),
      sheets: TEMPLATES.map((t) => ({
        template: t,
        options: { from: '2025-01-01', to: '2025-12-31', dataRows: 2, values: [0, 1].map(() => entryColumns(t).map(() => 0)) },
      })),
    });
    cases.push({ file: join(work, 'empty.xlsx'), sheets: TEMPLATES.map((t) => ({ template: t, options: {} })) });
    for (const c of cases.slice(1)) writeFileSync(c.file, await writeWorkbook(c.sheets.map((s) => layout(s.template, s.options))));
    outputs.push(...convertWithLibreOffice(cases.map((c) => c.file), 'xlsx', join(work, 'out')));
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function open(i: number): Promise<{ wb: ExcelJS.Workbook; names: SheetScopedName[] }> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outputs[i]);
    return { wb, names: await readSheetScopedNames(readFileSync(outputs[i])) };
  }

  /** Reads cells through the names as LibreOffice saved them (so the names survive too). */
  function reader(wb: ExcelJS.Workbook, names: SheetScopedName[], sheetIndex: number, plan: SheetPlan) {
    const ws = wb.worksheets[sheetIndex];
    const refOf = (name: string): string => {
      const n = names.find((x) => x.sheetName === ws.name && x.name === name);
      if (!n) throw new Error(`${ws.name}: defined name ${name} lost after LibreOffice`);
      const planned = plan.names.find((p) => p.name === name)?.ref;
      expect(parseRange(n.ref)).toEqual(parseRange(planned ?? ''));
      return n.ref;
    };
    const get = (a: string): Read => readCell(ws.getCell(a));
    const column = (id: string): Read[] => cellsOf(parseRange(refOf(columnName(id)))).map(get);
    const total = (id: string): Read => get(refOf(totalName(id)));
    return { ws, get, refOf, column, total };
  }

  test('every computed cell equals its definition from the template data; no error anywhere', async () => {
    let checked = 0;
    for (let i = 0; i < cases.length; i++) {
      const { wb, names } = await open(i);
      expect(wb.worksheets).toHaveLength(cases[i].sheets.length);
      for (let s = 0; s < cases[i].sheets.length; s++) {
        const { template: t, options } = cases[i].sheets[s];
        const plan = layout(t, options);
        const { ws, get, refOf, column, total } = reader(wb, names, s, plan);
        const where = `${cases[i].file.split('/').pop()} / ${ws.name}`;

        // no error value in any cell of the sheet
        ws.eachRow({ includeEmpty: false }, (row) =>
          row.eachCell({ includeEmpty: false }, (cell) => {
            const v = readCell(cell);
            if (v !== null && typeof v === 'object') throw new Error(`${where}!${cell.address} holds ${v.error}`);
          }),
        );

        // identity, title block, header
        expect(get(refOf(META_NAME))).toBe(metaValue(t.id, t.version));
        expect(get('A3')).toBe(attachmentText(options));
        expect(get('A4')).toBe(periodText(options));
        const unit = get(refOf(INFO_NAMES.unit));
        expect(get('A1') ?? '').toBe(unit ?? '');
        const hdr = parseRange(refOf(HEADER_NAME));
        expectedHeader(t).forEach((line, r) =>
          line.forEach((text, c) => {
            if (text !== null) expect(get(cellsOf({ top: hdr.top + r, left: hdr.left + c, bottom: hdr.top + r, right: hdr.left + c })[0])).toBe(text);
          }),
        );
        const rowLabels = cellsOf(parseRange(refOf(ROW_LABELS_NAME))).map(get);
        if (t.rows.kind === 'fixed') expect(rowLabels).toEqual(t.rows.rows.map((r) => r.label.vi));
        else if (rowLabels.length === 1) expect(rowLabels[0]).toBe(periodText(options));

        // entry cells hold what was written
        const rows = t.rows.kind === 'fixed' ? t.rows.rows.length : options.dataRows ?? 1;
        entryColumns(t).forEach((c, k) => {
          const got = column(c.id);
          expect(got).toHaveLength(rows);
          got.forEach((v, r) => expect(v).toBe(options.values?.[r]?.[k] ?? null));
        });

        // computed columns, row by row
        const byId = new Map(columnsOf(t).map((c) => [c.id, column(c.id)]));
        for (const c of columnsOf(t)) {
          const got = byId.get(c.id) as Read[];
          for (let r = 0; r < rows; r++) {
            if (c.kind === 'sum') {
              expect(got[r]).toBe(c.of.reduce((acc, id) => acc + num((byId.get(id) as Read[])[r]), 0));
              checked++;
            } else if (c.kind === 'ratio') {
              const den = num((byId.get(c.denominator) as Read[])[r]);
              const nu = num((byId.get(c.numerator) as Read[])[r]);
              if (den === 0) expect(isBlank(got[r])).toBe(true);
              else expect(got[r] as number).toBeCloseTo(nu / den, 9);
              checked++;
            }
          }
        }

        // totals row
        const hasTotals = t.rows.kind === 'fixed' || rows > 1;
        expect(names.some((n) => n.sheetName === ws.name && n.name.startsWith('BM_T_'))).toBe(hasTotals);
        const totalOf = (id: string): number => (byId.get(id) as Read[]).reduce<number>((a, v) => a + num(v), 0);
        if (hasTotals) {
          for (const c of columnsOf(t)) {
            if (c.kind === 'ratio') {
              const den = totalOf(c.denominator);
              if (den === 0) expect(isBlank(total(c.id))).toBe(true);
              else expect(total(c.id) as number).toBeCloseTo(totalOf(c.numerator) / den, 9);
            } else {
              expect(total(c.id)).toBe(totalOf(c.id));
            }
            checked++;
          }
        }

        // period averages
        for (const avg of t.averages ?? []) {
          const v = get(refOf(averageName(avg.id)));
          if (options.from && options.to) {
            const days = daysInclusive(options.from, options.to);
            const expected = avg.kind === 'perDay' ? totalOf(avg.of) / days : (totalOf(avg.of) * 30) / days;
            expect(v as number).toBeCloseTo(expected, 6);
          } else {
            expect(isBlank(v)).toBe(true);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  test('the --sample workbook shows the seed figures', async () => {
    const { wb, names } = await open(0);
    const sheet = (id: string) => {
      const s = cases[0].sheets.findIndex((x) => x.template.id === id);
      return reader(wb, names, s, layout(cases[0].sheets[s].template, cases[0].sheets[s].options));
    };
    const b01 = sheet('b01');
    expect([b01.column('central.total')[0], b01.column('local.total')[0]]).toEqual([4525, 486563]);
    const b02 = sheet('b02');
    expect(['party.total', 'council.total', 'committee.total'].map((id) => b02.column(id)[0])).toEqual([1868, 732, 10669]);
    const b03 = sheet('b03');
    expect([b03.column('central.total')[0], b03.column('local.total')[0]]).toEqual([162, 21249]);
    const b04 = sheet('b04');
    expect([...b04.column('published'), b04.total('published')]).toEqual([1939, 420, 2359]);
    expect([b04.total('onlineFull.provided'), b04.total('onlinePartial.provided'), b04.total('direct')]).toEqual([898, 1325, 136]);
    expect(b04.total('onlineFull.ratio')).toBe(1);
    expect(b01.get('A3')).toBe('(Kèm theo Báo cáo số 52-BC/TU ngày 14/11/2025 của Ban Thường vụ Tỉnh ủy)');
    expect(b01.get('A8')).toBe('Từ ngày 01/7/2025 đến 15/10/2025');
  });
});
