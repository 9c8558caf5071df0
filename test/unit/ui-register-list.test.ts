/**
 * The registers a count is made from, as both screens hold them (`ui/model/registers`), and a sheet's
 * used range read through Office.js turned into the register grid (`core/count/register` gridFromRange).
 */
import { gridFromRange, registerFromGrid, type Register, type RegisterRefusal } from '../../src/core/count/register';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { NO_REGISTERS, countSourcesOf, figureLines, refusalsOf, registerListReducer, registersOf, registersReady, type RegisterEntry } from '../../src/ui/model/registers';

function reg(file: string, kind: Register['kind']): Register {
  return { file, sheet: 'S', kind, headerRow: 1, columns: [], rows: [] };
}
function refused(file: string): { refusal: RegisterRefusal } {
  return { refusal: { code: 'register.no-header', file, message: { vi: `${file}: không`, en: `${file}: no` } } };
}
const entry = (name: string, result: RegisterEntry['result']): RegisterEntry => ({ name, result });

describe('the registers list', () => {
  test('files chosen replace the files before, never the sheets read; a sheet read again replaces itself; bodies go with their register', () => {
    let s = registerListReducer(NO_REGISTERS, { type: 'files', entries: [entry('a.xlsx', reg('a.xlsx', 'outgoing')), entry('b.csv', reg('b.csv', 'incoming'))] });
    s = registerListReducer(s, { type: 'sheet', entry: entry('Sổ đi', reg('Sổ đi', 'outgoing')) });
    s = registerListReducer(s, { type: 'body', name: 'a.xlsx', body: 'local.council' });
    s = registerListReducer(s, { type: 'body', name: 'Sổ đi', body: 'local.commune' });
    expect(countSourcesOf(s).map((x) => [x.register.file, x.body])).toEqual([
      ['a.xlsx', 'local.council'],
      ['b.csv', undefined],
      ['Sổ đi', 'local.commune'],
    ]);
    s = registerListReducer(s, { type: 'files', entries: [entry('a.xlsx', reg('a.xlsx', 'outgoing'))] });
    expect(s.entries.map((e) => e.name)).toEqual(['Sổ đi', 'a.xlsx']);
    expect(s.bodies).toEqual({ 'Sổ đi': 'local.commune' });
    s = registerListReducer(s, { type: 'sheet', entry: entry('Sổ đi', refused('Sổ đi')) });
    expect(s.entries.map((e) => e.name)).toEqual(['Sổ đi', 'a.xlsx']);
    expect(s.bodies).toEqual({});
    expect(refusalsOf(s).map((r) => r.file)).toEqual(['Sổ đi']);
    expect(registersReady(s)).toBe(false);
    s = registerListReducer(s, { type: 'remove', name: 'Sổ đi' });
    expect(registersOf(s).map((r) => r.name)).toEqual(['a.xlsx']);
    expect(registersReady(s)).toBe(true);
    expect(registersReady(NO_REGISTERS)).toBe(false);
  });
});

describe('a pasted sheet as a register grid', () => {
  test('rows numbered as in the sheet, cells from column A, blank rows out, numbers shown as dates are dates', () => {
    const grid = gridFromRange({
      rowIndex: 2,
      columnIndex: 1,
      values: [
        ['SỔ ĐĂNG KÝ VĂN BẢN ĐẾN', '', ''],
        ['', '', ''],
        ['Ngày đến', 'Số đến', 'Số, ký hiệu'],
        [45839, 7, '57-NQ/TW'],
        ['02/07/2025', 8, '18-CT/TW'],
      ],
      numberFormat: [
        ['General', 'General', 'General'],
        ['General', 'General', 'General'],
        ['General', 'General', 'General'],
        ['dd/mm/yyyy', '0', '@'],
        ['@', 'General', 'General'],
      ],
    });
    expect(grid.map((r) => r.row)).toEqual([3, 5, 6, 7]);
    expect(grid[2].cells[0]).toBeNull();
    expect(grid[2].cells[1]).toEqual(new Date(Date.UTC(2025, 6, 1)));
    expect(grid[2].cells[2]).toBe(7);
    const r = registerFromGrid('Sổ đến', 'Sổ đến', grid);
    if ('refusal' in r) throw new Error(r.refusal.message.en);
    expect(r.kind).toBe('incoming');
    expect(r.headerRow).toBe(5);
    expect(r.rows.map((x) => [x.row, x.arrivalDate, x.arrivalText, x.arrivalNo, x.symbol])).toEqual([
      [6, '2025-07-01', '01/07/2025', '7', '57-NQ/TW'],
      [7, '2025-07-02', '02/07/2025', '8', '18-CT/TW'],
    ]);
  });

  test('an empty sheet gives no rows; a sheet without a register header is refused by its name', () => {
    expect(gridFromRange({ rowIndex: 0, columnIndex: 0, values: [], numberFormat: [] })).toEqual([]);
    const r = registerFromGrid('Sheet1', 'Sheet1', gridFromRange({ rowIndex: 0, columnIndex: 0, values: [['Họ tên', 'Điện thoại']], numberFormat: [['General', 'General']] }));
    expect('refusal' in r && r.refusal.message.vi).toContain('Sheet1, trang "Sheet1": không tìm thấy dòng tiêu đề');
  });
});

describe('the figures shown', () => {
  test('named as the table names them, those above zero, in order; an unknown column keeps its ids', () => {
    const lines = figureLines(
      [
        { table: 'b01', column: 'central.politburo', value: 2 },
        { table: 'b01', column: 'central.committee', value: 0 },
        { table: 'b02', column: 'party.resolution', value: 1292 },
        { table: 'b09', column: 'x.y', value: 3 },
      ],
      TEMPLATES,
      'vi',
    );
    const b01 = TEMPLATES.find((t) => t.id === 'b01')!;
    const central = b01.groups.find((g) => g.columns.some((c) => c.id === 'central.politburo'))!;
    expect(lines.map((l) => l.key)).toEqual(['b01:central.politburo', 'b02:party.resolution', 'b09:x.y']);
    expect(lines[0]).toEqual({ key: 'b01:central.politburo', label: `Biểu 01 — ${central.label.vi}, ${central.columns.find((c) => c.id === 'central.politburo')!.label.vi}`, value: 2 });
    expect(lines[0].label).toContain('Bộ Chính trị');
    expect(lines[1].label.startsWith('Biểu 02 — ')).toBe(true);
    expect(lines[2].label).toBe('b09 x.y');
    expect(figureLines([{ table: 'b01', column: 'central.politburo', value: 2 }], TEMPLATES, 'en')[0].label.startsWith('Table 01 — ')).toBe(true);
  });
});
