/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-after-load, office-addins/call-sync-before-read --
 * These rules track proxies by variable name and flag writes made after an earlier sync as reads.
 * Loads are checked for real instead: Microsoft's Excel client library throws PropertyNotLoaded on any
 * read of a property not loaded and synced, and the adapter's tests run every path through it. */
/**
 * Fixes: a finding's safe fix written into its one cell (a number, or the template's formula back),
 * and its revert, which puts back exactly what the cell held (formula or value, and its number
 * format). The cell's sheet is unprotected and protected again in the same batch; this add-in's
 * events are off around the write (ExcelApi 1.8), else the cell is noted as the batch's own.
 *
 * Sync budget: 2 each — one reads the cell (and the sheet's protection), one writes it; on
 * failure 1–2 more put back the events and the protection.
 */
import type { Finding } from '../core/check/findings';
import { parseRange } from '../core/a1';
import type { AppliedFix } from './types';
import type { AdapterContext } from './context';
import { eventsOff, loadEvents, type ChangeWatch } from './echo';
import { commit, unprotected, type Lifted } from './protect';
import { textForExcel } from './insert';

/** `WorkbookAdapter.applyFix`. */
export async function applyFix(a: AdapterContext, w: ChangeWatch, finding: Finding): Promise<AppliedFix> {
  const fix = finding.fix;
  if (!fix) throw new Error(`the finding ${finding.rule} has no fix`);
  return w.writing(async (ctx, own) => {
    const ws = ctx.workbook.worksheets.getItem(fix.cell.sheet);
    ws.protection.load('protected,options');
    const cell = ws.getRange(fix.cell.address);
    cell.load('values,formulas,numberFormat,valueTypes');
    const runtime = loadEvents(a, ctx);
    if (!runtime) ws.load('id');
    await ctx.sync();
    if (!runtime) own(ws.id, parseRange(fix.cell.address));
    // Read before turning them off: Office.js proxies show a property's new value once set.
    const eventsWere = runtime ? runtime.enableEvents : null;
    const eventsBack = eventsOff(ctx, runtime);
    const f = cell.formulas[0][0];
    const v = cell.values[0][0] as unknown;
    const before: AppliedFix['before'] = {
      formula: typeof f === 'string' && f.startsWith('=') ? f : null,
      value: v === '' ? null : typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : String(v),
      numberFormat: String(cell.numberFormat[0][0]),
    };
    const lifted: Lifted[] = [];
    await commit(ctx, lifted, eventsWere, () => {
      unprotected(ws, { protected: ws.protection.protected, options: ws.protection.options }, () => {
        if ('formula' in fix) cell.formulas = [[fix.formula]];
        else {
          if (before.numberFormat === '@') cell.numberFormat = [['#,##0']];
          cell.values = [[fix.value]];
        }
      }, lifted);
      eventsBack();
    });
    return { cell: { ...fix.cell }, before };
  });
}

/** `WorkbookAdapter.revertFix`. */
export async function revertFix(a: AdapterContext, w: ChangeWatch, applied: AppliedFix): Promise<void> {
  await w.writing(async (ctx, own) => {
    const ws = ctx.workbook.worksheets.getItem(applied.cell.sheet);
    ws.protection.load('protected,options');
    const runtime = loadEvents(a, ctx);
    if (!runtime) ws.load('id');
    await ctx.sync();
    if (!runtime) own(ws.id, parseRange(applied.cell.address));
    // Read before turning them off: Office.js proxies show a property's new value once set.
    const eventsWere = runtime ? runtime.enableEvents : null;
    const eventsBack = eventsOff(ctx, runtime);
    const cell = ws.getRange(applied.cell.address);
    const b = applied.before;
    const lifted: Lifted[] = [];
    await commit(ctx, lifted, eventsWere, () => {
      unprotected(ws, { protected: ws.protection.protected, options: ws.protection.options }, () => {
        cell.numberFormat = [[b.numberFormat]];
        if (b.formula !== null) cell.formulas = [[b.formula]];
        else if (b.value === null) cell.values = [['']];
        else if (typeof b.value === 'string') cell.values = [[b.numberFormat === '@' ? b.value : textForExcel(b.value)]];
        else cell.values = [[b.value]];
      }, lifted);
      eventsBack();
    });
  });
}
