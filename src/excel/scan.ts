/* eslint-disable office-addins/call-sync-before-read --
 * The rule tracks proxies by variable name and takes the walk's next sheet, queued before the sync, for a
 * read. Loads are checked for real instead: Microsoft's Excel client library throws PropertyNotLoaded on
 * any read of a property not loaded and synced, and the adapter's tests run every path through it. */
/**
 * The sheet scan: every sheet of the workbook walked with getFirst / getNextOrNullObject, its name,
 * id, protection, sheet-scoped names, used range (values, formulas, types) and this add-in's marks
 * loaded in the same batch — one sync per `perBatch` sheets (32 by default), so a workbook of up
 * to 31 sheets is read in one sync.
 */
import type { TableRead } from '../core/tables/table-read';
import type { RangePos } from '../core/a1';
import { nameRange } from '../core/tables/assemble';
import type { TemplateSource } from '../core/forms/catalog';
import type { SheetScan, tableFromScan as TableFromScan } from './tables';
import type { AdapterContext } from './context';

export type FindTable = typeof TableFromScan;

/**
 * Finding tables (`./tables`, with `core/tables/locate` and the layout engine behind it) is loaded when
 * first needed, so the pane's start bundle does not carry the layout engine.
 */
export async function tableFinder(): Promise<FindTable> {
  return (await import(/* webpackChunkName: "locate" */ './tables')).tableFromScan;
}

/** Marks are custom conditional formats with these formulas: always true, and recognisable. */
export const MARK_FORMULAS = { error: '=ISTEXT("bieumau:error")', warning: '=ISTEXT("bieumau:warning")' } as const;

export function isMark(formula: unknown): boolean {
  return formula === MARK_FORMULAS.error || formula === MARK_FORMULAS.warning;
}

export interface ProtectionSeen {
  protected: boolean;
  options: Excel.WorksheetProtectionOptions;
}

export interface ScannedSheet {
  id: string;
  scan: SheetScan;
  protection: ProtectionSeen;
  /** Ids of this add-in's marks on the sheet. */
  marks: string[];
}

export interface ScanOptions {
  cells: boolean;
  marks: boolean;
}

interface ScanLink {
  ws: Excel.Worksheet;
  names: Excel.NamedItemCollection;
  used: Excel.Range | null;
  cfs: Excel.ConditionalFormatCollection | null;
}

/**
 * Walks every sheet with getFirst/getNextOrNullObject, queuing in the same batch the loads of
 * its name, protection, names, used range and marks: one sync per `perBatch` sheets.
 */
export async function scan(a: AdapterContext, ctx: Excel.RequestContext, opts: ScanOptions): Promise<ScannedSheet[]> {
  const out: ScannedSheet[] = [];
  let start: Excel.Worksheet = ctx.workbook.worksheets.getFirst();
  for (;;) {
    const links: ScanLink[] = [];
    let ws = start;
    for (let i = 0; i < a.perBatch; i++) {
      if (i > 0) ws = ws.getNextOrNullObject();
      ws.load('name,id');
      ws.protection.load('protected,options');
      const names = ws.names;
      names.load('items/name,items/formula');
      let used: Excel.Range | null = null;
      if (opts.cells) {
        used = ws.getUsedRangeOrNullObject(true);
        used.load('rowIndex,columnIndex,values,formulas,valueTypes');
      }
      let cfs: Excel.ConditionalFormatCollection | null = null;
      if (opts.marks) {
        cfs = ws.getRange().conditionalFormats;
        // `custom` fails on a user's data bar or colour scale: read the null-object form (ExcelApi 1.6).
        cfs.load('items/id,items/type,items/customOrNullObject/rule/formula');
      }
      links.push({ ws, names, used, cfs });
    }
    await ctx.sync();
    let last: Excel.Worksheet | null = null;
    for (const l of links) {
      if (l.ws.isNullObject) break;
      last = l.ws;
      const sheet = l.ws.name;
      const names = new Map<string, RangePos | null>();
      for (const n of l.names.items) names.set(n.name, nameRange(n.formula, sheet));
      const s: SheetScan = { sheet, names, top: 1, left: 1, values: [], formulas: [], valueTypes: [] };
      if (l.used && !l.used.isNullObject) {
        s.top = l.used.rowIndex + 1;
        s.left = l.used.columnIndex + 1;
        s.values = l.used.values;
        s.formulas = l.used.formulas;
        s.valueTypes = l.used.valueTypes;
      }
      const marks = l.cfs
        ? l.cfs.items.filter((cf) => !cf.customOrNullObject.isNullObject && isMark(cf.customOrNullObject.rule.formula)).map((cf) => cf.id)
        : [];
      out.push({ id: l.ws.id, scan: s, protection: { protected: l.ws.protection.protected, options: l.ws.protection.options }, marks });
    }
    const tail = links[links.length - 1].ws;
    if (!last || tail.isNullObject) return out;
    start = ctx.workbook.worksheets.getItem(last.name).getNextOrNullObject();
  }
}

export function tablesOf(sheets: ScannedSheet[], tableFromScan: FindTable, templates?: TemplateSource): TableRead[] {
  const tables: TableRead[] = [];
  for (const s of sheets) {
    const t = tableFromScan(s.scan, templates);
    if (t) tables.push(t);
  }
  return tables;
}

/** Keeps what this read saw (protection, marks) for the paint and the fixes that follow. */
export function remember(a: AdapterContext, sheets: ScannedSheet[]): void {
  a.lastScan = new Map(sheets.map((s) => [s.scan.sheet, s]));
}
