import { HyperFormula } from 'hyperformula';
import { SEED_REPORT, TEMPLATES, findTemplate } from '../../src/core/forms/builtin';
import { columnsOf, entryColumns, type Template } from '../../src/core/forms/template';
import { layout } from '../../src/core/forms/layout';
import { attachmentText, expectedHeader, periodText, reportLines, wrappedLines } from '../../src/core/forms/layout-texts';
import type { LayoutOptions, PlanCell, SheetPlan } from '../../src/core/forms/plan';
import { cellsOf, parseAddress, parseRange } from '../../src/core/a1';
import { perDayFormula, perMonthFormula, ratioFormula, sumFormula } from '../../src/core/forms/formulas';
import { HEADER_NAME, INFO_NAMES, META_NAME, ROW_LABELS_NAME, averageName, columnName, metaValue, totalName } from '../../src/core/forms/defined-names';
import {
  compareIsoDates,
  daysInclusive,
  excelSerialToIso,
  formatDateVi,
  formatDdMmYyyy,
  formatRangeVi,
  isValidIsoDate,
  isoToExcelSerial,
  parseIsoDate,
} from '../../src/core/dates';

const OPTS: LayoutOptions = { ...SEED_REPORT };

function tpl(id: string): Template {
  const t = findTemplate(id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}

function cellAt(plan: SheetPlan, a: string): PlanCell | null {
  const p = parseAddress(a);
  return plan.cells[p.row - 1]?.[p.col - 1] ?? null;
}

function ref(plan: SheetPlan, name: string): string {
  const n = plan.names.find((x) => x.name === name);
  if (!n) throw new Error(`name ${name} missing`);
  return n.ref;
}

function cellsOfName(plan: SheetPlan, name: string): string[] {
  return cellsOf(parseRange(ref(plan, name)));
}

/** Evaluates a plan with HyperFormula (dates become Excel serials). */
function evaluate(plan: SheetPlan): (a: string) => unknown {
  const data = plan.cells.map((row) =>
    row.map((c) => {
      if (!c) return null;
      if (c.formula !== undefined) return c.formula;
      if (c.value === undefined) return null;
      if (typeof c.value === 'object') return isoToExcelSerial(c.value.date);
      return c.value;
    }),
  );
  const hf = HyperFormula.buildFromSheets({ S: data }, { licenseKey: 'gpl-v3' });
  const sheet = hf.getSheetId('S') as number;
  return (a: string) => {
    const p = parseAddress(a);
    return hf.getCellValue({ sheet, row: p.row - 1, col: p.col - 1 });
  };
}

describe('dates', () => {
  test('parses strict ISO dates and rejects impossible ones', () => {
    expect(parseIsoDate('2025-07-01')).toEqual({ year: 2025, month: 7, day: 1 });
    expect(isValidIsoDate('2025-02-30')).toBe(false);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2025-02-29')).toBe(false);
    expect(isValidIsoDate('2025-13-01')).toBe(false);
    expect(isValidIsoDate('01/07/2025')).toBe(false);
    expect(isValidIsoDate('2025-7-1')).toBe(false);
  });
  test('formats the Vietnamese way and dd/mm/yyyy', () => {
    expect(formatDateVi('2025-07-01')).toBe('01/7/2025');
    expect(formatDateVi('2025-10-15')).toBe('15/10/2025');
    expect(formatDateVi('2026-02-05')).toBe('05/02/2026');
    expect(formatDdMmYyyy('2025-07-01')).toBe('01/07/2025');
    expect(formatRangeVi({ from: '2025-06-15', to: '2025-07-14' })).toBe('15/6/2025–14/7/2025');
  });
  test('Excel serials and calendar days', () => {
    expect(isoToExcelSerial('2025-07-01')).toBe(45839);
    expect(isoToExcelSerial('1900-03-01')).toBe(61);
    expect(excelSerialToIso(45839)).toBe('2025-07-01');
    expect(excelSerialToIso(45945.75)).toBe('2025-10-15');
    expect(daysInclusive('2025-07-01', '2025-10-15')).toBe(107);
    expect(compareIsoDates('2025-10-15', '2025-07-01')).toBe(1);
  });
});

describe('texts', () => {
  test('period and attachment lines', () => {
    expect(periodText(OPTS)).toBe('Từ ngày 01/7/2025 đến 15/10/2025');
    expect(attachmentText(OPTS)).toBe('(Kèm theo Báo cáo số 52-BC/TU ngày 14/11/2025 của Ban Thường vụ Tỉnh ủy)');
    expect(reportLines({})).toEqual({ period: 'Từ ngày … đến …', attachment: '(Kèm theo Báo cáo số … ngày … của …)' });
  });
  test('the title-block formulas give the same text as reportLines', () => {
    for (const t of TEMPLATES) {
      const plan = layout(t, OPTS);
      const get = evaluate(plan);
      expect(get('A1')).toBe('TỈNH ỦY LÂM ĐỒNG');
      expect(get('A3')).toBe(attachmentText(OPTS));
      expect(get('A4')).toBe(periodText(OPTS));
    }
    const other = { ...OPTS, reportDate: '2026-02-05', from: '2026-01-01', to: '2026-03-31' };
    const get = evaluate(layout(tpl('b01'), other));
    expect(get('A3')).toBe('(Kèm theo Báo cáo số 52-BC/TU ngày 05/02/2026 của Ban Thường vụ Tỉnh ủy)');
    expect(get('A4')).toBe('Từ ngày 01/01/2026 đến 31/3/2026');
    expect(get('A8')).toBe('Từ ngày 01/01/2026 đến 31/3/2026');
    const empty = evaluate(layout(tpl('b01'), {}));
    expect(empty('A3')).toBe(attachmentText({}));
    expect(empty('A4')).toBe(periodText({}));
  });
  test('wrappedLines counts word-wrapped lines', () => {
    expect(wrappedLines('Cộng', 10)).toBe(1);
    expect(wrappedLines('Tỉnh ủy (Ban Chấp hành, Ban Thường vụ)', 14)).toBe(4);
  });
});

describe('header', () => {
  test('labels verbatim with diacritics, merged groups, single-column groups span both rows', () => {
    const plan = layout(tpl('b01'), OPTS);
    expect(cellAt(plan, 'A6')?.value).toBe('Số lượng / Thời gian');
    expect(cellAt(plan, 'B6')?.value).toBe('Văn bản do Trung ương ban hành');
    expect(cellAt(plan, 'I7')?.value).toBe('Tỉnh ủy (Ban Chấp hành, Ban Thường vụ)');
    expect(cellAt(plan, 'H7')?.value).toBe('Cộng');
    expect(plan.merges).toEqual(expect.arrayContaining(['A6:A7', 'B6:H6', 'I6:N6']));
    const b04 = layout(tpl('b04'), OPTS);
    expect(b04.merges).toEqual(expect.arrayContaining(['B6:B7', 'C6:E6', 'F6:H6', 'I6:I7']));
    expect(cellAt(b04, 'B6')?.value).toBe('Tổng số TTHC công khai');
    expect(cellAt(b04, 'B7')).toBeNull();
  });
  test('BM_HEADER cells hold expectedHeader, for every template', () => {
    for (const t of TEMPLATES) {
      const plan = layout(t, OPTS);
      const r = parseRange(ref(plan, HEADER_NAME));
      const exp = expectedHeader(t);
      expect(r.bottom - r.top + 1).toBe(2);
      expect(r.right - r.left + 1).toBe(1 + columnsOf(t).length);
      for (let i = 0; i < 2; i++) {
        for (let j = 0; j <= r.right - r.left; j++) {
          const c = plan.cells[r.top - 1 + i][r.left - 1 + j];
          expect(c?.value ?? null).toBe(exp[i][j]);
        }
      }
      // every official label appears in the header
      const texts = exp.flat();
      for (const g of t.groups) expect(texts).toContain(g.label.vi);
      for (const c of columnsOf(t)) if (t.groups.find((g) => g.columns.includes(c))!.columns.length > 1) expect(texts).toContain(c.label.vi);
    }
  });
});

describe('computed cells', () => {
  test('Cộng: a SUM of the entry cells of the same row, through the names', () => {
    const plan = layout(tpl('b01'), { ...OPTS, values: tpl('b01').sample });
    expect(cellAt(plan, 'H8')?.formula).toBe('=SUM(B8:G8)');
    expect(cellAt(plan, 'N8')?.formula).toBe('=SUM(I8:M8)');
    for (const t of TEMPLATES) {
      const p = layout(t, OPTS);
      for (const c of columnsOf(t)) {
        if (c.kind !== 'sum') continue;
        const cells = cellsOfName(p, columnName(c.id));
        cells.forEach((a, i) => {
          expect(cellAt(p, a)?.formula).toBe(sumFormula(c.of.map((id) => cellsOfName(p, columnName(id))[i])));
          expect(cellAt(p, a)?.numberFormat).toBe('#,##0');
        });
      }
    }
  });

  test('sample figures: central 4525, local 486563; Biểu 02 1868/732/10669; Biểu 03 162/21249', () => {
    const b01 = evaluate(layout(tpl('b01'), { ...OPTS, values: tpl('b01').sample }));
    expect([b01('H8'), b01('N8')]).toEqual([4525, 486563]);
    const p2 = layout(tpl('b02'), { ...OPTS, values: tpl('b02').sample });
    const b02 = evaluate(p2);
    expect(['party.total', 'council.total', 'committee.total'].map((id) => b02(cellsOfName(p2, columnName(id))[0]))).toEqual([1868, 732, 10669]);
    const p3 = layout(tpl('b03'), { ...OPTS, values: tpl('b03').sample });
    const b03 = evaluate(p3);
    expect(['central.total', 'local.total'].map((id) => b03(cellsOfName(p3, columnName(id))[0]))).toEqual([162, 21249]);
  });

  test('totals row: SUM over the data rows; ratios in it use the totals-row cells', () => {
    const t = tpl('b04');
    const plan = layout(t, { ...OPTS, values: t.sample });
    expect(cellAt(plan, 'A10')?.value).toBe('Tổng cộng');
    expect(cellAt(plan, 'B10')?.formula).toBe('=SUM(B8:B9)');
    expect(cellAt(plan, 'E10')?.formula).toBe(ratioFormula('D10', 'C10'));
    for (const c of columnsOf(t)) {
      const total = ref(plan, totalName(c.id));
      if (c.kind === 'ratio') {
        expect(cellAt(plan, total)?.formula).toBe(ratioFormula(ref(plan, totalName(c.numerator)), ref(plan, totalName(c.denominator))));
      } else {
        expect(cellAt(plan, total)?.formula).toBe(sumFormula(cellsOfName(plan, columnName(c.id))));
      }
    }
    const get = evaluate(plan);
    expect([ref(plan, totalName('published')), 'B8', 'B9'].map(get)).toEqual([2359, 1939, 420]);
    expect(get(ref(plan, totalName('onlineFull.provided')))).toBe(898);
    expect(get(ref(plan, totalName('onlinePartial.provided')))).toBe(1325);
    expect(get(ref(plan, totalName('onlineFull.ratio')))).toBe(1);
  });

  test('ratio: percent format, blank (not #DIV/0!) where eligible is 0 or blank', () => {
    const t = tpl('b04');
    const plan = layout(t, { ...OPTS, values: [[10, 0, 0, 4, 3, 7], [5, 0, 0, 0, 0, 5]] });
    expect(cellAt(plan, 'E8')).toEqual({ formula: '=IF(N(C8)=0,"",D8/C8)', numberFormat: '0.0%' });
    const get = evaluate(plan);
    expect(get('E8')).toBe('');
    expect(get('E9')).toBe('');
    expect(get('E10')).toBe('');
    expect(get('H8')).toBe(0.75);
    expect(get('H9')).toBe('');
    expect(get('H10')).toBe(0.75);
    const blank = evaluate(layout(t, OPTS));
    expect(blank('E8')).toBe('');
    expect(blank('H10')).toBe('');
  });

  test('per-day and per-month averages from the period cells, with the note on the sheet', () => {
    const t = tpl('b01');
    const plan = layout(t, { ...OPTS, values: t.sample });
    const from = ref(plan, INFO_NAMES.from);
    const to = ref(plan, INFO_NAMES.to);
    for (const avg of t.averages ?? []) {
      const a = ref(plan, averageName(avg.id));
      const total = cellsOfName(plan, columnName(avg.of))[0];
      const f = avg.kind === 'perDay' ? perDayFormula(total, from, to) : perMonthFormula(total, from, to);
      expect(cellAt(plan, a)?.formula).toBe(f);
    }
    const get = evaluate(plan);
    expect(get(ref(plan, averageName('receivedPerDay')))).toBeCloseTo(4525 / 107, 9);
    expect(get(ref(plan, averageName('issuedPerMonth')))).toBeCloseTo((486563 * 30) / 107, 6);
    // The note states this table's own period (issue 19: it gave the seed's period on every sheet).
    const NOTE = 'A14';
    expect(get(NOTE)).toBe('Cách tính: số ngày theo lịch của kỳ báo cáo, tính cả ngày đầu và ngày cuối (01/7/2025–15/10/2025 là 107 ngày); một tháng tính là 30 ngày; số hiển thị được làm tròn.');
    const other = evaluate(layout(t, { ...OPTS, from: '2025-01-01', to: '2025-03-31' }));
    expect(other(NOTE)).toBe('Cách tính: số ngày theo lịch của kỳ báo cáo, tính cả ngày đầu và ngày cuối (01/01/2025–31/3/2025 là 90 ngày); một tháng tính là 30 ngày; số hiển thị được làm tròn.');
    const noPeriodPlan = layout(t, { values: t.sample });
    const noPeriod = evaluate(noPeriodPlan);
    expect(noPeriod(ref(plan, averageName('receivedPerDay')))).toBe('');
    expect(noPeriod(NOTE)).toBe('Cách tính: số ngày theo lịch của kỳ báo cáo, tính cả ngày đầu và ngày cuối (chưa nhập kỳ báo cáo); một tháng tính là 30 ngày; số hiển thị được làm tròn.');
    // never the seed's period on a sheet that has none
    expect(JSON.stringify(noPeriodPlan)).not.toContain('01/7/2025');
    const reversed = evaluate(layout(t, { ...OPTS, from: '2025-10-15', to: '2025-07-01' }));
    expect(reversed(NOTE)).toContain('(15/10/2025–01/7/2025: ngày bắt đầu sau ngày kết thúc)');
  });

  test('N data rows: empty unlocked row labels, a totals row, averages on the totals', () => {
    const t = tpl('b01');
    const plan = layout(t, { ...OPTS, dataRows: 3, values: [t.sample[0], t.sample[0], t.sample[0]] });
    expect(ref(plan, ROW_LABELS_NAME)).toBe('A8:A10');
    expect(ref(plan, columnName('central.committee'))).toBe('B8:B10');
    expect(ref(plan, totalName('central.total'))).toBe('H11');
    expect(cellAt(plan, 'A8')).toEqual({});
    expect(plan.unlocked).toContain('A8:A10');
    expect(plan.entryRanges).toEqual(['B8:G10', 'I8:M10']);
    expect(cellAt(plan, 'H11')?.formula).toBe('=SUM(H8:H10)');
    const get = evaluate(plan);
    expect(get('H11')).toBe(3 * 4525);
    expect(get('N11')).toBe(3 * 486563);
    expect(get(ref(plan, averageName('receivedPerDay')))).toBeCloseTo((3 * 4525) / 107, 6);
    const one = layout(t, OPTS);
    expect(one.names.some((n) => n.name.startsWith('BM_T_'))).toBe(false);
    expect(cellAt(one, 'A8')?.formula).toContain('"Từ ngày "');
  });

  test('Biểu 03 group row sits above the data rows', () => {
    const plan = layout(tpl('b03'), { ...OPTS, dataRows: 2 });
    expect(cellAt(plan, 'A8')?.value).toBe('23 tỉnh, thành phố thực hiện hợp nhất, sáp nhập');
    expect(ref(plan, ROW_LABELS_NAME)).toBe('A9:A10');
    expect(ref(plan, totalName('local.total'))).toBe('L11');
  });

  test('every computed cell is a formula and is locked; every entry cell is unlocked with #,##0', () => {
    for (const t of TEMPLATES) {
      const plan = layout(t, { ...OPTS, dataRows: 2 });
      const unlocked = new Set(plan.unlocked.flatMap((r) => cellsOf(parseRange(r))));
      for (const c of columnsOf(t)) {
        for (const a of cellsOfName(plan, columnName(c.id))) {
          const cell = cellAt(plan, a);
          if (c.kind === 'entry') {
            expect(unlocked.has(a)).toBe(true);
            expect(cell?.numberFormat).toBe('#,##0');
            expect(cell?.formula).toBeUndefined();
          } else {
            expect(unlocked.has(a)).toBe(false);
            expect(cell?.formula).toMatch(/^=/);
          }
        }
      }
      expect(plan.protect).toBe(true);
    }
  });
});

describe('names and sheet setup', () => {
  test('every name of the scheme is present and points at the right cells', () => {
    for (const t of TEMPLATES) {
      const plan = layout(t, { ...OPTS, values: t.sample });
      const names = plan.names.map((n) => n.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names).toEqual(expect.arrayContaining([META_NAME, HEADER_NAME, ROW_LABELS_NAME, ...Object.values(INFO_NAMES)]));
      for (const c of columnsOf(t)) {
        expect(names).toContain(columnName(c.id));
        expect(names.includes(totalName(c.id))).toBe(t.rows.kind === 'fixed');
      }
      for (const a of t.averages ?? []) expect(names).toContain(averageName(a.id));
      expect(cellAt(plan, ref(plan, META_NAME))?.value).toBe(metaValue(t.id, t.version));
      expect(cellAt(plan, ref(plan, INFO_NAMES.unit))?.value).toBe('TỈNH ỦY LÂM ĐỒNG');
      expect(cellAt(plan, ref(plan, INFO_NAMES.reportNo))?.value).toBe('52-BC/TU');
      expect(cellAt(plan, ref(plan, INFO_NAMES.from))).toEqual({ value: { date: '2025-07-01' }, numberFormat: 'dd/mm/yyyy' });
      expect(cellAt(plan, ref(plan, INFO_NAMES.to))?.value).toEqual({ date: '2025-10-15' });
      // entry values land in the named cells, in entry-column order
      entryColumns(t).forEach((c, i) => {
        cellsOfName(plan, columnName(c.id)).forEach((a, r) => expect(cellAt(plan, a)?.value).toBe(t.sample[r][i]));
      });
      // info block is below the print area
      const bottom = parseRange(plan.print.printArea).bottom;
      for (const k of Object.values(INFO_NAMES)) expect(parseAddress(ref(plan, k)).row).toBeGreaterThan(bottom);
      expect(parseAddress(ref(plan, META_NAME)).row).toBeGreaterThan(bottom);
    }
  });

  test('print setup: A4 landscape, one page wide, header rows repeated, print area to the notes', () => {
    const plan = layout(tpl('b01'), OPTS);
    expect(plan.print).toEqual({ paper: 'A4', orientation: 'landscape', fitToWidth: 1, titleRows: '6:7', printArea: 'A1:N14' });
    // the note, last printed row: a formula stating the period from the report-information cells
    expect(cellAt(plan, 'A14')?.formula).toMatch(/^="Cách tính: [^"]*\("&IF\(AND\(ISNUMBER\(B\d+\),ISNUMBER\(B\d+\)\),/);
    expect(layout(tpl('b04'), OPTS).print.printArea).toBe('A1:I10');
  });

  test('column widths fit the labels; wrapped header rows are tall enough', () => {
    for (const t of TEMPLATES) {
      const plan = layout(t, { ...OPTS, values: t.sample });
      expect(plan.columnWidths).toHaveLength(plan.columnCount);
      const h6 = plan.rowHeights.find((r) => r.row === 6)?.height ?? 15;
      const h7 = plan.rowHeights.find((r) => r.row === 7)?.height ?? 15;
      columnsOf(t).forEach((c, i) => {
        const w = plan.columnWidths[i + 1];
        expect(w).toBeGreaterThanOrEqual(10);
        const longest = Math.max(...c.label.vi.split(' ').map((s) => s.length));
        expect(w).toBeGreaterThan(longest);
        const spans = t.groups.some((g) => g.columns.length === 1 && g.columns[0] === c);
        expect(spans ? h6 + h7 : h7).toBeGreaterThanOrEqual(wrappedLines(c.label.vi, w) * 14);
      });
    }
  });

  test('deterministic: the same input gives a deep-equal plan', () => {
    for (const t of TEMPLATES) {
      const o = { ...OPTS, dataRows: 2, values: t.sample };
      expect(layout(t, o)).toEqual(layout(t, o));
      expect(JSON.stringify(layout(t, o))).toBe(JSON.stringify(layout(t, { ...o })));
    }
  });

  test('bad options throw', () => {
    expect(() => layout(tpl('b01'), { dataRows: 0 })).toThrow(RangeError);
    expect(() => layout(tpl('b01'), { from: '2025-02-30' })).toThrow(RangeError);
  });

  test('a fifth template needs no code change', () => {
    const t: Template = {
      id: 'b99',
      version: 2,
      name: { vi: 'Biểu 99', en: 'Table 99' },
      title: { vi: 'BIỂU THỬ', en: 'TEST' },
      summary: { vi: 'thử', en: 'test' },
      rows: { kind: 'fixed', header: { vi: 'Cấp', en: 'Level' }, rows: [{ id: 'a', label: { vi: 'Một', en: 'One' } }], total: { vi: 'Tổng cộng', en: 'Total' } },
      groups: [
        {
          id: 'g',
          label: { vi: 'Nhóm', en: 'Group' },
          columns: [
            { kind: 'entry', id: 'g.x', label: { vi: 'X', en: 'X' } },
            { kind: 'entry', id: 'g.y', label: { vi: 'Y', en: 'Y' } },
            { kind: 'sum', id: 'g.total', label: { vi: 'Cộng', en: 'Total' }, of: ['g.x', 'g.y'] },
          ],
        },
      ],
      sample: [[2, 3]],
    };
    const plan = layout(t, { values: t.sample });
    const get = evaluate(plan);
    expect(get(ref(plan, columnName('g.total')))).toBe(5);
    expect(get(ref(plan, totalName('g.total')))).toBe(5);
    expect(cellAt(plan, ref(plan, META_NAME))?.value).toBe('bieumau:b99@2');
  });
});

describe('rows that read right when printed', () => {
  const UNITS = ['Phường Xuân Hương - Đà Lạt', 'Xã Đinh Trang Thượng', 'Ủy ban nhân dân phường Lâm Viên - Đà Lạt (sau sắp xếp)'];

  test('the corner header names the rows: the template\'s own, "… / Đơn vị" for units, "… / Thời gian" for periods', () => {
    expect(layout(tpl('b01')).cells[5][0]?.value).toBe('Số lượng / Thời gian');
    expect(layout(tpl('b01'), { dataRows: 3, rowLabels: UNITS, rowKind: 'unit' }).cells[5][0]?.value).toBe('Số lượng / Đơn vị');
    expect(layout(tpl('b03'), { dataRows: 3, rowLabels: UNITS, rowKind: 'unit' }).cells[5][0]?.value).toBe('Địa phương / Đơn vị');
    expect(layout(tpl('b01'), { dataRows: 2, rowLabels: ['Tháng 7', 'Tháng 8'], rowKind: 'period' }).cells[5][0]?.value).toBe('Số lượng / Thời gian');
    // a fixed-row table's rows are its levels: unchanged
    expect(layout(tpl('b04'), { rowKind: 'unit' }).cells[5][0]?.value).toBe('Cấp');
    expect(expectedHeader(tpl('b02'), 'unit')[0][0]).toBe('Số lượng / Đơn vị');
  });

  test('the first column is as wide as the longest given label up to 36; a longer label wraps in a row high enough', () => {
    const two = layout(tpl('b01'), { dataRows: 2, rowLabels: UNITS.slice(0, 2), rowKind: 'unit' });
    expect(two.columnWidths[0]).toBe('Phường Xuân Hương - Đà Lạt'.length + 2);
    expect(two.rowHeights.filter((h) => h.row >= 8 && h.row <= 9)).toEqual([]);
    const three = layout(tpl('b01'), { dataRows: 3, rowLabels: UNITS, rowKind: 'unit' });
    expect(three.columnWidths[0]).toBe(36);
    expect(wrappedLines(UNITS[2], 36)).toBe(2);
    expect(three.rowHeights.find((h) => h.row === 10)?.height).toBe(Math.round(2 * 11 * 1.35 + 4));
    // the single report keeps its width (the period label on two lines)
    expect(layout(tpl('b01'), OPTS).columnWidths[0]).toBe(19);
  });

  test('group and subtotal rows get the height of their wrapped labels too', () => {
    const label = '23 tỉnh, thành phố thực hiện hợp nhất, sáp nhập';
    const plan = layout(tpl('b03'), { dataRows: 2, rowLabels: ['Tỉnh Lâm Đồng', 'Tỉnh Gia Lai'], rowGroups: [{ label, first: 0, count: 2 }], templateGroupRow: false, rowKind: 'unit' });
    expect(plan.columnWidths[0]).toBe(36);
    const heights = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
    expect(plan.cells[7][0]?.value).toBe(label);
    expect(heights.get(8)).toBeGreaterThanOrEqual(Math.round(2 * 11 * 1.35 + 4));
    expect(plan.cells[10][0]?.value).toBe(`Cộng ${label}`);
    expect(heights.get(11)).toBeGreaterThanOrEqual(Math.round(2 * 11 * 1.35 + 4));
  });
});
