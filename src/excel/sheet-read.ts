/**
 * Reading a sheet's cells as they are, for the registers a clerk pasted into the workbook: the
 * worksheets' names (1 sync), then one sheet's used range — its size (1 sync), and its values and
 * number formats in blocks of rows (1 sync per block). Excel on the web answers at most 5 MB per
 * request; a province's year pasted into a sheet (tens of thousands of rows, long summaries) is far
 * more, so a block holds at most `BLOCK_CELLS` cells. Loaded with the count section, not at start.
 */
import type { RangeCells } from '../core/count/register';
import type { AdapterContext } from './context';

/**
 * Cells per request. A register's cell answers with its value and its number format; the summary
 * (trích yếu) is the long one, a few hundred characters at most, so 20,000 cells of a 10-column
 * register stay well under Excel on the web's 5 MB.
 */
export const BLOCK_CELLS = 20_000;

/** The names of the workbook's worksheets, in order. One sync. */
export async function worksheetNames(a: AdapterContext): Promise<string[]> {
  return a.deps.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    return sheets.items.map((s) => s.name);
  });
}

/** Rows per block for a range `columns` wide: at least one. */
export function blockRows(columns: number, cells = BLOCK_CELLS): number {
  return Math.max(1, Math.floor(cells / Math.max(1, columns)));
}

interface Box {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** Where a sheet's used range lies (null for an empty sheet). One sync. */
async function usedBox(context: Excel.RequestContext, sheet: string): Promise<Box | null> {
  const used = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();
  return used.isNullObject ? null : { row: used.rowIndex, column: used.columnIndex, rows: used.rowCount, columns: used.columnCount };
}

/** The values and number formats of `box` on `sheet`. One sync. */
async function cellsOf(context: Excel.RequestContext, sheet: string, box: Box): Promise<{ values: unknown[][]; numberFormat: string[][] }> {
  const range = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(box.row, box.column, box.rows, box.columns);
  range.load('values,numberFormat');
  await context.sync();
  return { values: range.values, numberFormat: range.numberFormat as string[][] };
}

/**
 * A worksheet's used range (values and number formats); an empty sheet gives no rows. One sync for
 * its size, then one per block of `blockRows(columns)` rows.
 */
export async function readSheetCells(a: AdapterContext, sheet: string): Promise<RangeCells> {
  return a.deps.run(async (ctx) => {
    const box = await usedBox(ctx, sheet);
    if (!box) return { rowIndex: 0, columnIndex: 0, values: [], numberFormat: [] };
    const values: unknown[][] = [];
    const numberFormat: string[][] = [];
    const step = blockRows(box.columns);
    for (let top = 0; top < box.rows; top += step) {
      const block = await cellsOf(ctx, sheet, { ...box, row: box.row + top, rows: Math.min(step, box.rows - top) });
      for (const row of block.values) values.push(row);
      for (const row of block.numberFormat) numberFormat.push(row);
    }
    return { rowIndex: box.row, columnIndex: box.column, values, numberFormat };
  });
}
