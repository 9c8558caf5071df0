/**
 * The Office.js implementation of WorkbookAdapter: a thin factory over its parts —
 * `scan` (the sheet walk every read starts with), `echo` (change events: the user's edits heard,
 * the adapter's own writes not), `protect` (writes on protected sheets, and putting things back
 * when a batch fails), `insert`, `marks`, `fixes` and `report-info`.
 *
 * Sync budget (one `context.sync()` is one request to Excel), per call:
 * - insertTemplate: 2 — one reads the sheet names, one writes the whole table. The cells are
 *   split into blocks of rows only when their arrays would pass 85 % of the request limit
 *   (`maxRequestBytes`, 5 MB by default, Excel on the web's limit): each further block is one more
 *   sync (the four standard tables at 3,321 rows stay at 2). Microsoft's client library splits a
 *   write of more than 1,500 cells into row blocks inside the same request, at no sync.
 * - readTables: 1 per 32 sheets walked (`sheetsPerBatch`), so 1 up to 31 sheets; 1 more only when
 *   the changes are watched and a table sheet has no handler yet.
 * - paintFindings: 1 (0 when there is nothing to mark and no mark to remove).
 * - clearMarks: the sheet walk, and 1 more when there are marks.
 * - applyFix, revertFix: 2. updateReportInfo: the sheet walk and 1. selectCell,
 *   numberSeparators: 1. worksheetNames: 1. readSheetCells: 1 for the used range's size and 1
 *   per block of 20,000 cells (`BLOCK_CELLS`), so 2 for a register of up to 2,000 rows of ten columns. watchChanges: the sheet walk, and 1 more when handlers are added.
 * - A failing write batch costs 1–3 more syncs to put back events and protection (and remove a
 *   half-made sheet); loadSettings and saveSettings use the document settings, no sync.
 * `Excel.run` and `isSetSupported` are injected: the tests pass those of Microsoft's client library
 * connected to an in-memory Excel (src/devhost), the production code path unchanged.
 */
import type { WorkbookRead } from '../core/tables/table-read';
import type { CellRef } from '../core/check/findings';
import type { TemplateSource } from '../core/forms/catalog';
import { excelSerialToIso } from '../core/dates';
import type { HostCapabilities, NumberSeparators, ReportInfo, WorkbookAdapter } from './types';
import { adapterContext, type OfficeAdapterDeps } from './context';
import { changeWatch } from './echo';
import { remember, scan, tableFinder, tablesOf } from './scan';
import { insertTemplate } from './insert';
import { clearMarks, paintFindings } from './marks';
import { applyFix, revertFix } from './fixes';
import { updateReportInfo } from './report-info';


const SETTINGS_KEY = 'bieumau.report';

export function createOfficeAdapter(deps: OfficeAdapterDeps): WorkbookAdapter {
  const a = adapterContext(deps);
  const watch = changeWatch(a);

  return {
    capabilities(): HostCapabilities {
      return { dataValidation: a.api('1.8'), cultureInfo: a.api('1.11'), customProperties: a.api('1.12') };
    },

    insertTemplate: (plan) => insertTemplate(a, watch, plan),

    async readTables(templates?: TemplateSource): Promise<WorkbookRead> {
      const tableFromScan = await tableFinder();
      return deps.run(async (ctx) => {
        const sheets = await scan(a, ctx, { cells: true, marks: a.api('1.6') });
        remember(a, sheets);
        // A table sheet the watch does not know yet (copied by the user): one more sync, only then.
        if (watch.noteTableSheets(ctx, sheets, tableFromScan)) await ctx.sync();
        return { tables: tablesOf(sheets, tableFromScan, templates) };
      });
    },

    paintFindings: (findings) => paintFindings(a, watch, findings),

    clearMarks: () => clearMarks(a, watch),

    async selectCell(ref: CellRef): Promise<void> {
      await deps.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(ref.sheet);
        ws.activate();
        ws.getRange(ref.address).select();
        await ctx.sync();
      });
    },

    applyFix: (finding) => applyFix(a, watch, finding),

    revertFix: (applied) => revertFix(a, watch, applied),

    async numberSeparators(): Promise<NumberSeparators | null> {
      if (!a.api('1.11')) return null;
      return deps.run(async (ctx) => {
        const nf = ctx.application.cultureInfo.numberFormat;
        nf.load('numberDecimalSeparator,numberGroupSeparator');
        await ctx.sync();
        return { decimal: nf.numberDecimalSeparator, thousands: nf.numberGroupSeparator };
      });
    },

    updateReportInfo: (info) => updateReportInfo(a, watch, info),

    // Loaded with the pane's count section (a register pasted into a sheet), not at start.
    worksheetNames: async () => (await import(/* webpackChunkName: "count-pane" */ './sheet-read')).worksheetNames(a),
    readSheetCells: async (sheet) => (await import(/* webpackChunkName: "count-pane" */ './sheet-read')).readSheetCells(a, sheet),

    watchChanges: (onChange) => watch.watch(onChange),

    async loadSettings(): Promise<ReportInfo | null> {
      const raw = deps.settings.get(SETTINGS_KEY);
      if (typeof raw !== 'object' || raw === null) return null;
      const o = raw as Record<string, unknown>;
      const text = (k: string): string => (typeof o[k] === 'string' ? (o[k] as string) : '');
      return { unit: text('unit'), reportNo: text('reportNo'), reportDate: text('reportDate'), reportBy: text('reportBy'), from: text('from'), to: text('to') };
    },

    async saveSettings(info: ReportInfo): Promise<void> {
      deps.settings.set(SETTINGS_KEY, { ...info });
      await deps.settings.save();
    },
  };
}

/** The date of a date cell read through Office.js (a serial), as ISO; null when not a date. */
export function serialToIso(v: unknown): string | null {
  return typeof v === 'number' && v >= 61 ? excelSerialToIso(v) : null;
}
