/**
 * Reading a register from its bytes (`xlsx/register-read`): the header row found below a title block
 * by any of its names, incoming or outgoing from its columns, dates as Excel dates, serials,
 * dd/mm/yyyy or ISO text, NFD text, trailing empty rows; CSV with `,` `;` or tab, BOM, quotes;
 * refusals naming the file and the sheet, never a throw.
 */
import ExcelJS from 'exceljs';
import { cellDate, fieldOfHeader, registerFromGrid, type Register } from '../../src/core/count/register';
import { csvDelimiter, parseCsv, readRegister, REGISTER_LIMITS } from '../../src/xlsx/register-read';
import { incomingCsv, incomingXlsx, outgoingCsv, outgoingXlsx } from '../support/registers';

function must(r: ReturnType<typeof readRegister>): Register {
  if ('refusal' in r) throw new Error(r.refusal.message.en);
  return r;
}

describe('the header row', () => {
  test.each([
    ['Số, ký hiệu', 'symbol'],
    ['Số ký hiệu', 'symbol'],
    ['Ký hiệu', 'symbol'],
    ['SỐ, KÝ HIỆU VĂN BẢN', 'symbol'],
    ['Ngày tháng', 'date'],
    ['Ngày văn bản', 'date'],
    ['Ngày ban hành', 'date'],
    ['Ngày tháng văn bản', 'date'],
    ['Ngày đến', 'arrivalDate'],
    ['Số đến', 'arrivalNo'],
    ['Tác giả', 'author'],
    ['Cơ quan ban hành', 'author'],
    ['Nơi gửi', 'author'],
    ['Tên loại và trích yếu nội dung', 'summary'],
    ['Trích yếu', 'summary'],
    ['Người ký', 'signer'],
    ['Loại văn bản', 'type'],
    ['  ngày   ĐẾN '.normalize('NFD'), 'arrivalDate'],
  ])('%j is %s', (h, field) => {
    expect(fieldOfHeader(h)).toBe(field);
  });

  test('no field for other headers', () => {
    expect(fieldOfHeader('Ghi chú')).toBeUndefined();
    expect(fieldOfHeader('Số')).toBeUndefined();
  });
});

describe('cellDate', () => {
  test.each([
    [new Date(Date.UTC(2025, 6, 1)), '2025-07-01'],
    [45839, '2025-07-01'],
    ['01/07/2025', '2025-07-01'],
    ['1/7/2025', '2025-07-01'],
    ['01-07-2025', '2025-07-01'],
    ['01/07/2025 08:30', '2025-07-01'],
    ['2025-07-01', '2025-07-01'],
    ['2025-07-01T08:30:00', '2025-07-01'],
    ['45839', '2025-07-01'],
  ])('%j → %s', (v, iso) => {
    expect(cellDate(v)).toBe(iso);
  });

  test.each([[null], [''], ['30/02/2025'], ['hôm qua'], [true], [12]])('%j is no date', (v) => {
    expect(cellDate(v)).toBeNull();
  });
});

describe('.xlsx registers', () => {
  test('an incoming export: title block above, numbering row, Excel and text dates, NFD, trailing rows', async () => {
    const bytes = await incomingXlsx([
      { arrival: { iso: '2025-07-01' }, arrivalNo: 1, author: 'Bộ Nội vụ'.normalize('NFD'), symbol: '3050/BNV-CQĐP', date: { text: '28/06/2025' } },
      { arrival: { text: '2025-07-02' }, arrivalNo: 2, author: 'Bộ Chính trị', symbol: '57-NQ/TW', date: null },
    ]);
    const r = must(readRegister({ name: 'den.xlsx', bytes }));
    expect(r.kind).toBe('incoming');
    expect(r.sheet).toBe('Sổ');
    expect(r.headerRow).toBe(5);
    expect(r.rows.map((x) => [x.row, x.arrivalDate, x.arrivalNo, x.author, x.symbol, x.date])).toEqual([
      [7, '2025-07-01', '1', 'Bộ Nội vụ', '3050/BNV-CQĐP', '2025-06-28'],
      [8, '2025-07-02', '2', 'Bộ Chính trị', '57-NQ/TW', null],
    ]);
    expect(r.rows[0].author).toBe('Bộ Nội vụ'.normalize('NFC'));
  });

  test('an outgoing export is outgoing (no Ngày đến, no Số đến); a "Loại văn bản" column is read', async () => {
    const r = must(readRegister({ name: 'di.xlsx', bytes: await outgoingXlsx([{ symbol: '52-BC/TU', date: { iso: '2025-07-02' }, type: 'Báo cáo' }], 'TỈNH ỦY', true) }));
    expect(r.kind).toBe('outgoing');
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0].type).toBe('Báo cáo');
  });

  test('the first sheet with a register header is read, the others skipped', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Hướng dẫn').getCell('A1').value = 'Xuất từ hệ thống quản lý văn bản';
    const ws = wb.addWorksheet('Dữ liệu');
    ws.addRow(['Ký hiệu', 'Ngày ban hành', 'Trích yếu']);
    ws.addRow(['15-NQ/TU', '03/07/2025', 'Nghị quyết về …']);
    const r = must(readRegister({ name: 'x.xlsx', bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) }));
    expect([r.sheet, r.kind, r.rows[0].date]).toEqual(['Dữ liệu', 'outgoing', '2025-07-03']);
  });
});

describe('.csv registers', () => {
  test('`;` with BOM and a title line; `,` without BOM; tab', () => {
    const a = must(readRegister({ name: 'di.csv', bytes: outgoingCsv([{ symbol: '08 - QĐi / TU', date: { iso: '2025-07-04' }, summary: 'Quy định; về "làm việc"' }]) }));
    expect([a.kind, a.headerRow, a.rows[0].row, a.rows[0].symbol, a.rows[0].date, a.rows[0].summary]).toEqual(['outgoing', 2, 3, '08 - QĐi / TU', '2025-07-04', 'Quy định; về "làm việc"']);
    const b = must(readRegister({ name: 'den.csv', bytes: incomingCsv([{ arrival: { iso: '2025-07-01' }, arrivalNo: 1, author: 'Bộ Tài chính, Cục Thuế', symbol: '1/BTC-TCT', date: { iso: '2025-06-30' } }]) }));
    expect([b.kind, b.rows[0].author, b.rows[0].arrivalDate]).toEqual(['incoming', 'Bộ Tài chính, Cục Thuế', '2025-07-01']);
    const c = must(readRegister({ name: 't.csv', bytes: incomingCsv([{ arrival: { text: '1/7/2025' }, author: 'Bộ Y tế', symbol: '5/BYT-KCB', date: null }], '\t') }));
    expect([c.rows[0].author, c.rows[0].arrivalDate]).toEqual(['Bộ Y tế', '2025-07-01']);
  });

  test('quotes hold delimiters and line breaks; rows are numbered by their first line', () => {
    const text = 'Số, ký hiệu;Ngày tháng;Trích yếu\n"1/UBND-VP";01/07/2025;"dòng một\ndòng hai"\n2/UBND-VP;02/07/2025;x\n\n\n';
    expect(csvDelimiter(text)).toBe(';');
    const rows = parseCsv(text, ';');
    expect(rows.map((r) => [r.row, r.cells[0], r.cells[2]])).toEqual([
      [1, 'Số, ký hiệu', 'Trích yếu'],
      [2, '1/UBND-VP', 'dòng một\ndòng hai'],
      [4, '2/UBND-VP', 'x'],
    ]);
  });

  test('UTF-16 with BOM is read', () => {
    const text = 'Số, ký hiệu\tNgày tháng\n52-BC/TU\t14/11/2025\n';
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(must(readRegister({ name: 'u.csv', bytes: new Uint8Array(buf) })).rows[0].date).toBe('2025-11-14');
  });
});

describe('refusals name the file and the sheet, never throw', () => {
  test('no header row in the first rows', () => {
    const r = readRegister({ name: 'danh-ba.csv', bytes: new TextEncoder().encode('Họ tên,Điện thoại\nA,1\n') });
    expect('refusal' in r && r.refusal.code).toBe('register.no-header');
    expect('refusal' in r && r.refusal.message.vi).toContain('danh-ba.csv');
    expect('refusal' in r && r.refusal.message.en).toContain('"Số, ký hiệu"');
  });

  test('an incoming register without Ngày đến cannot be counted by its arrival date', () => {
    const r = registerFromGrid('den.xlsx', 'Sheet1', [{ row: 3, cells: ['Số đến', 'Tác giả', 'Số, ký hiệu', 'Ngày tháng'] }]);
    expect('refusal' in r && [r.refusal.code, r.refusal.sheet, r.refusal.cell]).toEqual(['register.no-date-column', 'Sheet1', 'A3']);
    expect('refusal' in r && r.refusal.message.vi).toContain('Ngày đến');
  });

  test('not UTF-8, empty, corrupt .xlsx, .xls, too large', () => {
    const code = (bytes: Uint8Array): string | undefined => {
      const r = readRegister({ name: 'f', bytes });
      return 'refusal' in r ? r.refusal.code : undefined;
    };
    expect(code(new Uint8Array([0x53, 0xe1, 0x20, 0x6b, 0xfd]))).toBe('register.not-utf8');
    expect(code(new Uint8Array())).toBe('register.unreadable');
    expect(code(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]))).toBe('register.unreadable');
    expect(code(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('register.unreadable');
    expect(code(new Uint8Array(REGISTER_LIMITS.maxFileBytes + 1))).toBe('register.too-large');
  });
});
