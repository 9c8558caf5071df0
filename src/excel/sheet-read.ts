/**
 * Reading a sheet's cells as they are, for the registers a clerk pasted into the workbook: the
 * worksheets' names (1 sync) and one sheet's used range, its values and number formats loaded
 * together (1 sync, whatever the number of cells). Loaded with the count section, not at start.
 */
import type { RangeCells } from '../core/count/register';
import type { AdapterContext } from './context';

/** The names of the workbook's worksheets, in order. One sync. */
export async function worksheetNames(a: AdapterContext): Promise<string[]> {
  return a.deps.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    return sheets.items.map((s) => s.name);
  });
}

/** The used range of a sheet, its cells' values and number formats queued to load. */
function usedRange(ctx: Excel.RequestContext, sheet: string): Excel.Range {
  const range = ctx.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
  range.load('rowIndex,columnIndex,values,numberFormat');
  return range;
}

/** A worksheet's used range (values and number formats); an empty sheet gives no rows. One sync. */
export async function readSheetCells(a: AdapterContext, sheet: string): Promise<RangeCells> {
  return a.deps.run(async (ctx) => {
    const range = usedRange(ctx, sheet);
    await ctx.sync();
    const out: RangeCells = { rowIndex: 0, columnIndex: 0, values: [], numberFormat: [] };
    if (!range.isNullObject) {
      out.rowIndex = range.rowIndex;
      out.columnIndex = range.columnIndex;
      out.values = range.values;
      out.numberFormat = range.numberFormat as string[][];
    }
    return out;
  });
}
