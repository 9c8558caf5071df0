import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildWorkbook, parseNewArgs } from '../../src/cli/new';
import { readWorkbook } from '../../src/cli/path-source';
import { WorkbookReadError } from '../../src/xlsx/errors';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { columnsOf } from '../../src/core/forms/template';
import { editXlsx, removeName, setCell } from '../support/edit-xlsx';

let sample: Buffer;
beforeAll(async () => {
  sample = await buildWorkbook(parseNewArgs(['unused.xlsx', '--sample']));
});

async function reason(input: Buffer | string): Promise<string> {
  try {
    await readWorkbook(input);
  } catch (e) {
    if (e instanceof WorkbookReadError) return e.reason.en;
    throw e;
  }
  return 'read';
}

describe('readWorkbook', () => {
  test('finds the four tables in sheet order with every column, total, average and info cell', async () => {
    const read = await readWorkbook(sample);
    expect(read.tables.map((t) => [t.sheet, t.templateId, t.version])).toEqual([
      ['Biểu 01', 'b01', 1],
      ['Biểu 02', 'b02', 1],
      ['Biểu 03', 'b03', 1],
      ['Biểu 04', 'b04', 1],
    ]);
    for (const [i, t] of TEMPLATES.entries()) {
      const r = read.tables[i];
      expect(r.broken).toBeUndefined();
      expect(Object.keys(r.columns).sort()).toEqual(columnsOf(t).map((c) => c.id).sort());
      // entry values are the template's sample, in entry order
      const entries = columnsOf(t).filter((c) => c.kind === 'entry');
      t.sample.forEach((row, ri) => entries.forEach((c, ci) => expect(r.columns[c.id][ri].value).toBe(row[ci])));
      expect(r.header).toHaveLength(2);
    }
    const b01 = read.tables[0];
    expect(b01.info.reportNo?.value).toBe('52-BC/TU');
    expect(b01.info.from?.value).toEqual(new Date(Date.UTC(2025, 6, 1)));
    expect(b01.columns['central.total'][0].formula).toBe('=SUM(B8:G8)');
    expect(Object.keys(b01.averages).sort()).toEqual(['issuedPerDay', 'issuedPerMonth', 'receivedPerDay', 'receivedPerMonth']);
    expect(read.tables[3].totals?.['published'].formula).toMatch(/^=SUM\(B\d+:B\d+\)$/);
  });

  test('rich text → plain string; error values → {error}; formula result kept', async () => {
    const read0 = await readWorkbook(sample);
    const c = read0.tables[1].columns['party.other'][0];
    let buf = await setCell(sample, c.sheet, c.address, { richText: [{ text: '1.1' }, { text: '14' }] });
    const d = read0.tables[1].columns['party.report'][0];
    buf = await setCell(buf, d.sheet, d.address, { error: '#DIV/0!' } as ExcelJS.CellErrorValue);
    const e = read0.tables[1].columns['council.total'][0];
    buf = await setCell(buf, e.sheet, e.address, { formula: 'SUM(J8:L8)', result: 732 } as ExcelJS.CellFormulaValue);
    const read = await readWorkbook(buf);
    expect(read.tables[1].columns['party.other'][0].value).toBe('1.114');
    expect(read.tables[1].columns['party.report'][0].value).toEqual({ error: '#DIV/0!' });
    expect(read.tables[1].columns['council.total'][0]).toMatchObject({ value: 732, formula: '=SUM(J8:L8)' });
  });

  test('shared formulas are resolved to the formula of each cell', async () => {
    const buf = await buildWorkbook(parseNewArgs(['unused.xlsx', '--templates', '02', '--rows', '3']));
    const read0 = await readWorkbook(buf);
    const cells = read0.tables[0].columns['council.total'];
    const edited = await editXlsx(buf, (wb) => {
      const ws = wb.getWorksheet(cells[0].sheet) as ExcelJS.Worksheet;
      ws.getCell(cells[0].address).value = { formula: 'SUM(J8:L8)', shareType: 'shared', ref: `${cells[0].address}:${cells[2].address}` } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell(cells[1].address).value = { sharedFormula: cells[0].address } as unknown as ExcelJS.CellSharedFormulaValue;
      ws.getCell(cells[2].address).value = { sharedFormula: cells[0].address } as unknown as ExcelJS.CellSharedFormulaValue;
    });
    // the package really holds a shared formula
    const xml = await (await JSZip.loadAsync(edited)).file('xl/worksheets/sheet1.xml')?.async('string');
    expect(xml).toMatch(/t="shared"/);
    const read = await readWorkbook(edited);
    expect(read.tables[0].columns['council.total'].map((c) => c.formula)).toEqual(['=SUM(J8:L8)', '=SUM(J9:L9)', '=SUM(J10:L10)']);
  });

  test('a sheet renamed is still found', async () => {
    const buf = await editXlsx(sample, (wb) => {
      (wb.getWorksheet('Biểu 03') as ExcelJS.Worksheet).name = 'Hội nghị';
    });
    // names keep their localSheetId but their text still names the old sheet: rewrite as Excel would
    const zip = await JSZip.loadAsync(buf);
    const x = (await zip.file('xl/workbook.xml')?.async('string')) as string;
    zip.file('xl/workbook.xml', x.replace(/'Biểu 03'!/g, "'Hội nghị'!"));
    const read = await readWorkbook(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(read.tables.map((t) => [t.sheet, t.templateId, Boolean(t.broken)])).toContainEqual(['Hội nghị', 'b03', false]);
  });

  test('a missing name → found through the layout; with the layout changed too → broken, never a throw', async () => {
    const bare = await removeName(sample, 'BM_HEADER', 0);
    const read = await readWorkbook(bare);
    expect(read.tables[0].broken).toBeUndefined();
    expect(read.tables[0].header.map((l) => l.map((c) => c.address))).toEqual((await readWorkbook(sample)).tables[0].header.map((l) => l.map((c) => c.address)));
    const changed = await readWorkbook(await setCell(bare, 'Biểu 01', 'A6', 'Thời gian'));
    expect(changed.tables[0].broken?.reason.en).toContain('BM_HEADER');
    expect(changed.tables[1].broken).toBeUndefined();
  });

  test('a sheet without BM_META is not a table', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ghi chú').getCell('A1').value = 'bieumau:b01@1';
    expect((await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()))).tables).toEqual([]);
  });

  test('unreadable files give a reason, each its own', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-reader-'));
    expect(await reason(path.join(dir, 'none.xlsx'))).toMatch(/does not exist/);
    expect(await reason(dir)).toMatch(/folder/);
    expect(await reason(Buffer.from('hello, not a workbook'))).toMatch(/Not an .xlsx/);
    expect(await reason(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))).toMatch(/password-protected/);
    expect(await reason(Buffer.concat([sample.subarray(0, 2000)]))).toMatch(/corrupt/);
    const zip = new JSZip();
    zip.file('hello.txt', 'x');
    expect(await reason(await zip.generateAsync({ type: 'nodebuffer' }))).toMatch(/Not an Excel workbook/);
    expect(await reason(Buffer.alloc(0))).toMatch(/empty/);
  });
});
