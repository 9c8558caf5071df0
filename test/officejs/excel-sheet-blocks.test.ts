/**
 * A register pasted into a sheet, read by the adapter on Excel on the web's client library: the
 * in-memory Excel refuses an answer over 5 MB as Excel on the web does, so a province's incoming
 * register with long summaries (16,000 rows, over 5 MB) cannot come back in one request; the adapter
 * reads its size (1 sync) and then blocks of `BLOCK_CELLS` cells (1 sync each), and the rows it
 * gives are the rows the file reader gives for the export itself.
 */
import { createOfficeJsHost } from '../../src/devhost/officejs-node';
import { createOfficeAdapter } from '../../src/excel/adapter';
import type { ExcelRun } from '../../src/excel/context';
import { blockRows, BLOCK_CELLS } from '../../src/excel/sheet-read';
import { gridFromRange, registerFromGrid } from '../../src/core/count/register';
import { readRegister } from '../../src/xlsx/register-read';
import { incomingXlsx, pastedCells, type IncomingRow } from '../support/registers';

const ROWS = 16000;
const SUMMARY = 'Về việc triển khai thực hiện Nghị quyết của Ban Chấp hành Trung ương Đảng về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả; báo cáo kết quả thực hiện và đề xuất, kiến nghị các nội dung cần tháo gỡ trong năm 2025 theo chương trình công tác';

function rows(): IncomingRow[] {
  const out: IncomingRow[] = [];
  for (let i = 0; i < ROWS; i++) {
    const day = 1 + (i % 28);
    out.push({ arrival: { iso: `2025-03-${String(day).padStart(2, '0')}` }, arrivalNo: i + 1, author: i % 2 ? 'Bộ Chính trị' : 'Bộ Nội vụ', symbol: i % 2 ? `${i + 1}-NQ/TW` : `${i + 1}/HD-BNV`, date: { iso: `2025-03-${String(day).padStart(2, '0')}` }, summary: `${SUMMARY} (${i + 1})` });
  }
  return out;
}

test('blocks: rows per block from the width, never fewer than one', () => {
  expect(blockRows(6)).toBe(Math.floor(BLOCK_CELLS / 6));
  expect(blockRows(10, 20000)).toBe(2000);
  expect(blockRows(40000, 20000)).toBe(1);
  expect(blockRows(0, 20000)).toBe(20000);
});

test('a pasted register of over 5 MB on Excel on the web: read in blocks, the file reader\'s rows', async () => {
  const x = createOfficeJsHost({ client: 'web', sheets: ['Sổ đến'] });
  const adapter = createOfficeAdapter({ run: x.run as ExcelRun, isSetSupported: x.isSetSupported, settings: x.settings });
  const bytes = await incomingXlsx(rows());
  for (const c of await pastedCells(bytes)) {
    x.host.type('Sổ đến', c.address, c.value, typeof c.value === 'string');
    if (c.numberFormat) x.host.cellAt('Sổ đến', c.address)!.numberFormat = c.numberFormat;
  }

  // The whole used range in one request is more than Excel on the web answers.
  const run = x.run as ExcelRun;
  await expect(
    run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sổ đến').getUsedRange(true);
      r.load('values,numberFormat');
      await ctx.sync();
      return r.values.length;
    }),
  ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });

  const before = x.host.stats.syncs;
  const cells = await adapter.readSheetCells('Sổ đến');
  const used = cells.values.length;
  const width = cells.values[0].length;
  // The export's nine columns (Decree 30/2020's incoming register).
  expect(width).toBe(9);
  // Title block (3 rows), a blank row, the header, its column numbers (1)…(9) and the 16,000 documents.
  expect(used).toBe(ROWS + 6);
  expect(cells.values[4][0]).toBe('Ngày đến');
  expect(cells.values[ROWS + 5][2]).toBe('Bộ Chính trị');
  expect(x.host.stats.syncs - before).toBe(1 + Math.ceil(used / blockRows(width)));
  expect(x.host.stats.syncs - before).toBeGreaterThan(2);

  const fromSheet = registerFromGrid('Sổ đến', 'Sổ đến', gridFromRange(cells));
  const fromFile = readRegister({ name: 'den.xlsx', bytes });
  if ('refusal' in fromSheet || 'refusal' in fromFile) throw new Error('refused');
  expect(fromSheet.rows).toHaveLength(ROWS);
  expect(fromSheet.rows).toEqual(fromFile.rows);
  expect(fromSheet.rows[ROWS - 1].symbol).toBe(`${ROWS}-NQ/TW`);
}, 180000);
