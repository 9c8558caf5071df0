/**
 * Report information (unit, number, date, issuer, period) written into every table's information
 * cells, found through its names or its layout, so each heading's formulas show it.
 *
 * Sync budget: the sheet walk (1 sync per 32 sheets) and 1 sync for every table's cells at once.
 */
import { parseAddress, type RangePos } from '../core/a1';
import { INFO_NAMES, type InfoKey } from '../core/forms/defined-names';
import { isoToExcelSerial, isValidIsoDate } from '../core/dates';
import type { ReportInfo } from './types';
import type { AdapterContext } from './context';
import { eventsOff, loadEvents, type ChangeWatch } from './echo';
import { commit, unprotected, type Lifted } from './protect';
import { scan, tableFinder } from './scan';
import { DATE_FORMAT, textForExcel } from './insert';

/** `WorkbookAdapter.updateReportInfo`: the number of tables whose information was written. */
export async function updateReportInfo(a: AdapterContext, w: ChangeWatch, info: ReportInfo): Promise<number> {
  const tableFromScan = await tableFinder();
  return w.writing(async (ctx, own) => {
    const runtime = loadEvents(a, ctx);
    const sheets = await scan(a, ctx, { cells: true, marks: false });
    const eventsWere = runtime ? runtime.enableEvents : null;
    let eventsBack: (() => void) | null = null;
    let changed = 0;
    const lifted: Lifted[] = [];
    for (const s of sheets) {
      const table = tableFromScan(s.scan);
      if (!table) continue;
      const ws = ctx.workbook.worksheets.getItem(s.scan.sheet);
      // The info cells as the table was read (through its names, or located from its layout when
      // the names are gone); a broken table's info names, as far as they resolve.
      const cellOf = (k: InfoKey): RangePos | null => {
        const c = table.info[k];
        if (c) {
          const p = parseAddress(c.address);
          return { top: p.row, left: p.col, bottom: p.row, right: p.col };
        }
        return s.scan.names.get(INFO_NAMES[k]) ?? null;
      };
      const keys = (Object.keys(INFO_NAMES) as InfoKey[]).filter((k) => cellOf(k));
      if (keys.length === 0) continue;
      eventsBack ??= eventsOff(ctx, runtime);
      // Date cells get their date format back too: a format change needs the protection lifted.
      unprotected(ws, s.protection, () => {
        for (const key of keys) {
          const r = cellOf(key) as RangePos;
          own(s.id, { top: r.top, left: r.left, bottom: r.top, right: r.left });
          const cell = ws.getRangeByIndexes(r.top - 1, r.left - 1, 1, 1);
          const v = info[key];
          if (key === 'reportDate' || key === 'from' || key === 'to') {
            cell.numberFormat = [[DATE_FORMAT]];
            cell.values = [[isValidIsoDate(v) ? isoToExcelSerial(v) : '']];
          } else cell.values = [[v.trim() === '' ? '' : textForExcel(v)]];
        }
      }, lifted);
      changed++;
    }
    eventsBack?.();
    if (changed > 0) await commit(ctx, lifted, eventsWere);
    return changed;
  });
}
