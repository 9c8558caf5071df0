/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-after-load, office-addins/call-sync-before-read --
 * These rules track proxies by variable name and flag writes made after an earlier sync as reads.
 * Loads are checked for real instead: Microsoft's Excel client library throws PropertyNotLoaded on any
 * read of a property not loaded and synced, and the adapter's tests run every path through it. */
/**
 * The Office.js implementation of WorkbookAdapter. Every action is one or two batches whatever
 * the size of the table: insert ≤ 2 syncs, read every table 1 sync, paint 1 sync.
 * `Excel.run` and `isSetSupported` are injected: the tests pass those of Microsoft's client library
 * connected to an in-memory Excel (src/devhost), the production code path unchanged.
 */
import type { SheetPlan, PlanCell, CellStyle } from '../core/plan';
import type { WorkbookRead, TableRead } from '../core/read';
import type { CellRef, Finding } from '../core/findings';
import { parseAddress, parseRange, type RangePos } from '../core/a1';
import { INFO_NAMES, type InfoKey } from '../core/names';
import { isoToExcelSerial, isValidIsoDate, excelSerialToIso } from '../core/dates';
import type { AppliedFix, HostCapabilities, NumberSeparators, ReportInfo, WorkbookAdapter } from './types';
import type { SettingsStore } from './settings';
import { nameRange } from '../core/assemble';
import type { SheetScan, tableFromScan as TableFromScan } from './tables';
import type { TemplateSource } from '../core/catalog';

type FindTable = typeof TableFromScan;

/**
 * Finding tables (`./tables`, with `core/locate` and the layout engine behind it) is loaded when
 * first needed, so the pane's start bundle does not carry the layout engine.
 */
async function tableFinder(): Promise<FindTable> {
  return (await import(/* webpackChunkName: "locate" */ './tables')).tableFromScan;
}

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeAdapterDeps {
  /** `Excel.run`. */
  run: ExcelRun;
  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported: (name: string, minVersion?: string) => boolean;
  settings: SettingsStore;
  /** Language of the input messages of data validation. Default Vietnamese. */
  language?: 'vi' | 'en';
  /** A request larger than this is split (Excel on the web refuses more than 5 MB). */
  maxRequestBytes?: number;
  /** Sheets walked per read batch (more sheets cost one more sync per this many). */
  sheetsPerBatch?: number;
  /**
   * Before ExcelApi 1.8 the adapter's own cell writes raise change events it cannot turn off:
   * an event on a cell the adapter just wrote is its own echo while the batch runs and for this
   * long after it (Excel delivers events after the sync). Any other event is the user's and is
   * always reported. From ExcelApi 1.8 on, the writes raise no event at all. Default 300 ms.
   */
  ownChangesQuietMs?: number;
}

type ChangeHandler = (event: Excel.WorksheetChangedEventArgs) => Promise<void>;
/** Cells one of the adapter's own write batches writes (null: the whole sheet, a new one). */
interface Echo {
  sheetId: string;
  box: RangePos | null;
}
type HandlerResult = OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;

const DEFAULT_MAX_REQUEST = 5 * 1024 * 1024;
/** Room left in a request for everything but the cell arrays. */
const REQUEST_HEADROOM = 0.85;
const DATE_FORMAT = 'dd/mm/yyyy';
const SETTINGS_KEY = 'bieumau.report';

/** Marks are custom conditional formats with these formulas: always true, and recognisable. */
export const MARK_FORMULAS = { error: '=ISTEXT("bieumau:error")', warning: '=ISTEXT("bieumau:warning")' } as const;
const MARK_STYLE = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
} as const;

const PROMPT = {
  vi: { title: 'Số lượng', message: 'Nhập số nguyên không âm (0, 1, 2, …), không có dấu chấm hay phẩy phân cách.' },
  en: { title: 'Count', message: 'Enter a whole number of 0 or more, without thousands separators.' },
};
const ALERT = {
  vi: { title: 'Số không hợp lệ', message: 'Ô này chỉ nhận số nguyên không âm.' },
  en: { title: 'Not a count', message: 'This cell takes whole numbers of 0 or more only.' },
};

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** A text Excel would turn into a number, boolean or formula is written with a leading apostrophe. */
export function textForExcel(s: string): string {
  const t = s.trim();
  const risky = s.startsWith('=') || s.startsWith("'") || /^(true|false)$/i.test(t) || (/\d/.test(t) && /^[+-]?[\d.,\s]*([eE][+-]?\d+)?%?$/.test(t));
  return risky ? `'${s}` : s;
}

function planCellInput(c: PlanCell | null): string | number {
  if (!c) return '';
  if (c.formula !== undefined) return c.formula;
  const v = c.value;
  if (v === undefined) return '';
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return textForExcel(v);
  return isoToExcelSerial(v.date);
}

function planCellFormat(c: PlanCell | null): string {
  if (!c) return 'General';
  if (c.numberFormat !== undefined) return c.numberFormat;
  if (c.value !== undefined && typeof c.value === 'object') return DATE_FORMAT;
  return 'General';
}

/** Excel character units → points (Calibri 11: 7 px per character plus 5 px padding; 96 dpi). */
function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const ALIGN: Record<NonNullable<CellStyle['horizontal']>, Excel.HorizontalAlignment> = {
  left: 'Left' as Excel.HorizontalAlignment,
  center: 'Center' as Excel.HorizontalAlignment,
  right: 'Right' as Excel.HorizontalAlignment,
};
const VALIGN: Record<NonNullable<CellStyle['vertical']>, Excel.VerticalAlignment> = {
  top: 'Top' as Excel.VerticalAlignment,
  middle: 'Center' as Excel.VerticalAlignment,
  bottom: 'Bottom' as Excel.VerticalAlignment,
};

interface ProtectionSeen {
  protected: boolean;
  options: Excel.WorksheetProtectionOptions;
}

interface ScannedSheet {
  id: string;
  scan: SheetScan;
  protection: ProtectionSeen;
  /** Ids of this add-in's marks on the sheet. */
  marks: string[];
}

interface ScanOptions {
  cells: boolean;
  marks: boolean;
}

interface ScanLink {
  ws: Excel.Worksheet;
  names: Excel.NamedItemCollection;
  used: Excel.Range | null;
  cfs: Excel.ConditionalFormatCollection | null;
}

function isMark(formula: unknown): boolean {
  return formula === MARK_FORMULAS.error || formula === MARK_FORMULAS.warning;
}

export function createOfficeAdapter(deps: OfficeAdapterDeps): WorkbookAdapter {
  const api = (v: string): boolean => deps.isSetSupported('ExcelApi', v);
  const lang = deps.language ?? 'vi';
  const maxRequest = deps.maxRequestBytes ?? DEFAULT_MAX_REQUEST;
  const perBatch = deps.sheetsPerBatch ?? 32;
  /** What the last read saw: protection and marks per sheet name. */
  let lastScan = new Map<string, ScannedSheet>();

  // --- Change events -------------------------------------------------------------------------
  const quietMs = deps.ownChangesQuietMs ?? 300;
  /**
   * Before ExcelApi 1.8: the cells of the adapter's own write batches running, or finished less
   * than `quietMs` ago (a whole sheet for a new one). An event inside one of them is the batch's
   * echo; an event anywhere else is the user's, whenever it comes. Empty from ExcelApi 1.8 on.
   */
  const echoes = new Set<Echo>();
  /** Who is told of the user's changes. */
  const listeners = new Set<() => void>();
  /** ExcelApi 1.9: one handler on the worksheet collection; else one per recognised sheet. */
  const wholeBook = (): boolean => api('1.9');
  /** Ids of the sheets holding a recognised table. */
  let tableSheets = new Set<string>();
  /** Registered handlers: per sheet id, or under '' for the worksheet collection. */
  const handlers = new Map<string, HandlerResult>();

  function isEcho(event: Excel.WorksheetChangedEventArgs): boolean {
    if (echoes.size === 0) return false;
    let box: RangePos | null;
    try {
      box = parseRange(event.address);
    } catch {
      box = null;
    }
    for (const e of echoes) {
      if (e.sheetId !== event.worksheetId) continue;
      if (e.box === null) return true;
      if (box && box.top >= e.box.top && box.bottom <= e.box.bottom && box.left >= e.box.left && box.right <= e.box.right) return true;
    }
    return false;
  }

  const onSheetChanged: ChangeHandler = async (event) => {
    if (!tableSheets.has(event.worksheetId)) return;
    if (isEcho(event)) return;
    for (const l of [...listeners]) l();
  };

  /**
   * Runs one of the adapter's own write batches. `own` notes the cells it writes, before the sync
   * that writes them, where the host cannot turn events off (before ExcelApi 1.8).
   */
  async function writing<T>(batch: (ctx: Excel.RequestContext, own: (sheetId: string, box: RangePos | null) => void) => Promise<T>): Promise<T> {
    const mine: Echo[] = [];
    const own = (sheetId: string, box: RangePos | null): void => {
      if (api('1.8')) return;
      const e = { sheetId, box };
      mine.push(e);
      echoes.add(e);
    };
    try {
      return await deps.run((ctx) => batch(ctx, own));
    } finally {
      if (mine.length > 0)
        setTimeout(() => {
          for (const e of mine) echoes.delete(e);
        }, quietMs);
    }
  }

  /** ExcelApi 1.8: turns this add-in's events off for the writes queued after it, in the same batch. */
  function eventsOff(ctx: Excel.RequestContext, runtime: { enableEvents: boolean } | null): () => void {
    if (!runtime) return () => undefined;
    const were = runtime.enableEvents;
    ctx.runtime.enableEvents = false;
    return () => {
      ctx.runtime.enableEvents = were;
    };
  }

  /** Queues the load of `runtime.enableEvents` where ExcelApi 1.8 has it. */
  function loadEvents(ctx: Excel.RequestContext): { enableEvents: boolean } | null {
    if (!api('1.8')) return null;
    ctx.runtime.load('enableEvents');
    return ctx.runtime;
  }

  /** Queues the handlers the watched sheets still lack (nothing without listeners); true if any. */
  function queueHandlers(ctx: Excel.RequestContext, sheetIds: Iterable<string>): boolean {
    if (listeners.size === 0) return false;
    let any = false;
    if (wholeBook()) {
      if (!handlers.has('')) {
        handlers.set('', ctx.workbook.worksheets.onChanged.add(onSheetChanged));
        any = true;
      }
      return any;
    }
    for (const id of sheetIds) {
      if (handlers.has(id)) continue;
      handlers.set(id, ctx.workbook.worksheets.getItem(id).onChanged.add(onSheetChanged));
      any = true;
    }
    return any;
  }

  /** Notes which sheets hold a table; per-sheet handlers for new ones are queued. */
  function noteTableSheets(ctx: Excel.RequestContext, sheets: ScannedSheet[], tableFromScan: FindTable): boolean {
    tableSheets = new Set(sheets.filter((s) => tableFromScan(s.scan)).map((s) => s.id));
    return queueHandlers(ctx, tableSheets);
  }

  /**
   * Walks every sheet with getFirst/getNextOrNullObject, queuing in the same batch the loads of
   * its name, protection, names, used range and marks: one sync per `perBatch` sheets.
   */
  async function scan(ctx: Excel.RequestContext, opts: ScanOptions): Promise<ScannedSheet[]> {
    const out: ScannedSheet[] = [];
    let start: Excel.Worksheet = ctx.workbook.worksheets.getFirst();
    for (;;) {
      const links: ScanLink[] = [];
      let ws = start;
      for (let i = 0; i < perBatch; i++) {
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

  function tablesOf(sheets: ScannedSheet[], tableFromScan: FindTable, templates?: TemplateSource): TableRead[] {
    const tables: TableRead[] = [];
    for (const s of sheets) {
      const t = tableFromScan(s.scan, templates);
      if (t) tables.push(t);
    }
    return tables;
  }

  function remember(sheets: ScannedSheet[]): void {
    lastScan = new Map(sheets.map((s) => [s.scan.sheet, s]));
  }

  /** A sheet whose protection a write batch lifts, to be put back if the batch fails. */
  interface Lifted {
    ws: Excel.Worksheet;
    options: Excel.WorksheetProtectionOptions | undefined;
  }

  /**
   * Runs `write` on a sheet with its protection lifted, put back as it was, in the same batch.
   * The sheet is noted in `lifted` so that `recover` can protect it again when the batch fails
   * between the two (an Office.js batch is not a transaction: what ran before the failing
   * operation stays done).
   */
  function unprotected(ws: Excel.Worksheet, seen: ProtectionSeen | undefined, write: () => void, lifted?: Lifted[]): void {
    const wasProtected = seen ? seen.protected : true;
    if (wasProtected) {
      ws.protection.unprotect();
      lifted?.push({ ws, options: seen ? seen.options : undefined });
    }
    write();
    if (wasProtected) ws.protection.protect(seen ? seen.options : undefined);
  }

  /**
   * After a failed write batch: events back as they were and every lifted protection put back,
   * in one or two more syncs (only on this error path). Failures here are swallowed: the error
   * worth reporting is the one that made the batch fail.
   */
  async function recover(ctx: Excel.RequestContext, lifted: Lifted[], eventsWere: boolean | null): Promise<void> {
    try {
      if (eventsWere !== null) ctx.runtime.enableEvents = eventsWere;
      for (const l of lifted) l.ws.protection.load('protected');
      await ctx.sync();
      let again = false;
      for (const l of lifted) {
        if (l.ws.protection.protected) continue;
        l.ws.protection.protect(l.options);
        again = true;
      }
      if (again) await ctx.sync();
    } catch {
      // keep the original error
    }
  }

  /**
   * The write batch's sync: `queue` adds its last operations, then one sync. When either fails,
   * events and lifted protections come back (`recover`) and the error goes on to the caller.
   */
  async function commit(ctx: Excel.RequestContext, lifted: Lifted[], eventsWere: boolean | null, queue?: () => void): Promise<void> {
    try {
      queue?.();
      await ctx.sync();
    } catch (e) {
      await recover(ctx, lifted, eventsWere);
      throw e;
    }
  }

  /** The writes of `insertTemplate` on its new sheet, up to the last sync. */
  async function fillNewSheet(
    ctx: Excel.RequestContext,
    ws: Excel.Worksheet,
    name: string,
    plan: SheetPlan,
    eventsWere: boolean | null,
    own: (sheetId: string, box: RangePos | null) => void,
  ): Promise<{ sheet: string }> {
    // Cells: whole 2-D arrays; split in row blocks only when the request would pass the limit.
    const formats = plan.cells.map((line) => line.map(planCellFormat));
    const inputs = plan.cells.map((line) => line.map(planCellInput));
    const rowBytes = inputs.map((line, i) => utf8Length(JSON.stringify(line)) + utf8Length(JSON.stringify(formats[i])));
    const budget = maxRequest * REQUEST_HEADROOM;
    const blocks: { from: number; to: number }[] = [];
    let from = 0;
    let size = 0;
    rowBytes.forEach((b, i) => {
      if (size + b > budget && i > from) {
        blocks.push({ from, to: i });
        from = i;
        size = 0;
      }
      size += b;
    });
    if (plan.rowCount > 0) blocks.push({ from, to: plan.rowCount });
    const writeBlock = (target: Excel.Worksheet, b: { from: number; to: number }): void => {
      const r = target.getRangeByIndexes(b.from, 0, b.to - b.from, plan.columnCount);
      r.numberFormat = formats.slice(b.from, b.to);
      r.formulas = inputs.slice(b.from, b.to);
    };
    const [firstBlock, ...moreBlocks] = blocks;
    if (firstBlock) writeBlock(ws, firstBlock);
    for (const b of moreBlocks) {
      await ctx.sync();
      if (api('1.6')) ctx.application.suspendApiCalculationUntilNextSync();
      writeBlock(ws, b);
    }

    for (const m of plan.merges) ws.getRange(m).merge(false);
    for (const s of plan.styles) applyStyle(ws.getRange(s.range), s.range, s.style);
    plan.columnWidths.forEach((w, i) => {
      ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthPoints(w);
    });
    for (const h of plan.rowHeights) ws.getRange(`${h.row}:${h.row}`).format.rowHeight = h.height;
    for (const u of plan.unlocked) ws.getRange(u).format.protection.locked = false;
    if (api('1.8')) {
      for (const e of plan.entryRanges) {
        const dv = ws.getRange(e).dataValidation;
        dv.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' as Excel.DataValidationOperator } };
        dv.prompt = { showPrompt: true, title: PROMPT[lang].title, message: PROMPT[lang].message };
        dv.errorAlert = { showAlert: true, style: 'Stop' as Excel.DataValidationAlertStyle, title: ALERT[lang].title, message: ALERT[lang].message };
      }
    }
    for (const n of plan.names) ws.names.add(n.name, ws.getRange(n.ref));
    if (api('1.9')) {
      const pl = ws.pageLayout;
      pl.orientation = (plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
      pl.paperSize = 'A4' as Excel.PaperType;
      pl.zoom = { horizontalFitToPages: plan.print.fitToWidth, verticalFitToPages: 0 };
      pl.setPrintTitleRows(`$${plan.print.titleRows.replace(':', ':$')}`);
      pl.setPrintArea(plan.print.printArea);
    }
    if (plan.protect) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
    ws.activate();
    if (eventsWere !== null) ctx.runtime.enableEvents = eventsWere;
    ws.load('id');
    // A watched workbook watches the new table too (before ExcelApi 1.9: a handler on its sheet).
    const watched = listeners.size > 0 && !wholeBook() ? ws.onChanged.add(onSheetChanged) : null;
    await ctx.sync();
    // Before ExcelApi 1.8 the writes above raise events on the new sheet, delivered after this sync.
    own(ws.id, null);
    tableSheets.add(ws.id);
    if (watched) handlers.set(ws.id, watched);
    return { sheet: name };
  }

  const adapter: WorkbookAdapter = {
    capabilities(): HostCapabilities {
      return { dataValidation: api('1.8'), cultureInfo: api('1.11'), customProperties: api('1.12') };
    },

    async insertTemplate(plan: SheetPlan): Promise<{ sheet: string }> {
      return writing(async (ctx, own) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load('items/name');
        const events = api('1.8');
        if (events) ctx.runtime.load('enableEvents');
        await ctx.sync();

        const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
        const name = freeSheetName(plan.sheetName, taken);
        const eventsWere = events ? ctx.runtime.enableEvents : true;
        if (events) ctx.runtime.enableEvents = false;
        if (api('1.6')) ctx.application.suspendApiCalculationUntilNextSync();
        const ws = sheets.add(name);
        try {
          return await fillNewSheet(ctx, ws, name, plan, events ? eventsWere : null, own);
        } catch (e) {
          // Events back on; the half-made sheet (this batch created it, nobody else owns it) removed.
          await recover(ctx, [], events ? eventsWere : null);
          try {
            ws.delete();
            await ctx.sync();
          } catch {
            // the sheet was never added
          }
          throw e;
        }
      });
    },


    async readTables(templates?: TemplateSource): Promise<WorkbookRead> {
      const tableFromScan = await tableFinder();
      return deps.run(async (ctx) => {
        const sheets = await scan(ctx, { cells: true, marks: api('1.6') });
        remember(sheets);
        // A table sheet the watch does not know yet (copied by the user): one more sync, only then.
        if (noteTableSheets(ctx, sheets, tableFromScan)) await ctx.sync();
        return { tables: tablesOf(sheets, tableFromScan, templates) };
      });
    },

    async paintFindings(findings: Finding[]): Promise<void> {
      await writing(async (ctx) => {
        const bySheet = new Map<string, { address: string; severity: Finding['severity'] }[]>();
        for (const f of findings) {
          const c = f.cells[0];
          if (!c) continue;
          const list = bySheet.get(c.sheet) ?? [];
          const same = list.find((x) => x.address === c.address);
          if (same) {
            if (f.severity === 'error') same.severity = 'error';
          } else list.push({ address: c.address, severity: f.severity });
          bySheet.set(c.sheet, list);
        }
        const sheetsToTouch = new Set([...bySheet.keys(), ...[...lastScan.values()].filter((s) => s.marks.length > 0).map((s) => s.scan.sheet)]);
        const lifted: Lifted[] = [];
        const added = new Map<string, Excel.ConditionalFormat[]>();
        for (const sheet of sheetsToTouch) {
          const ws = ctx.workbook.worksheets.getItem(sheet);
          const seen = lastScan.get(sheet);
          unprotected(ws, seen?.protection, () => {
            const all = ws.getRange().conditionalFormats;
            for (const id of seen?.marks ?? []) all.getItem(id).delete();
            const mine: Excel.ConditionalFormat[] = [];
            for (const m of bySheet.get(sheet) ?? []) {
              const cf = ws.getRange(m.address).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
              cf.custom.rule.formula = MARK_FORMULAS[m.severity];
              cf.custom.format.fill.color = MARK_STYLE[m.severity].fill;
              cf.custom.format.font.color = MARK_STYLE[m.severity].font;
              // Its id comes back with the same sync: a second paint replaces these marks too.
              cf.load('id');
              mine.push(cf);
            }
            added.set(sheet, mine);
          }, lifted);
        }
        await commit(ctx, lifted, null);
        for (const [sheet, mine] of added) {
          const seen = lastScan.get(sheet);
          if (seen) seen.marks = mine.map((cf) => cf.id);
        }
      });
    },

    async clearMarks(): Promise<void> {
      await writing(async (ctx) => {
        const sheets = await scan(ctx, { cells: false, marks: true });
        let any = false;
        const lifted: Lifted[] = [];
        for (const s of sheets) {
          if (s.marks.length === 0) continue;
          any = true;
          const ws = ctx.workbook.worksheets.getItem(s.scan.sheet);
          unprotected(ws, s.protection, () => {
            const all = ws.getRange().conditionalFormats;
            for (const id of s.marks) all.getItem(id).delete();
          }, lifted);
          s.marks = [];
        }
        if (any) await commit(ctx, lifted, null);
        for (const s of lastScan.values()) s.marks = [];
      });
    },

    async selectCell(ref: CellRef): Promise<void> {
      await deps.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(ref.sheet);
        ws.activate();
        ws.getRange(ref.address).select();
        await ctx.sync();
      });
    },

    async applyFix(finding: Finding): Promise<AppliedFix> {
      const fix = finding.fix;
      if (!fix) throw new Error(`the finding ${finding.rule} has no fix`);
      return writing(async (ctx, own) => {
        const ws = ctx.workbook.worksheets.getItem(fix.cell.sheet);
        ws.protection.load('protected,options');
        const cell = ws.getRange(fix.cell.address);
        cell.load('values,formulas,numberFormat,valueTypes');
        const runtime = loadEvents(ctx);
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
    },

    async revertFix(applied: AppliedFix): Promise<void> {
      await writing(async (ctx, own) => {
        const ws = ctx.workbook.worksheets.getItem(applied.cell.sheet);
        ws.protection.load('protected,options');
        const runtime = loadEvents(ctx);
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
    },

    async numberSeparators(): Promise<NumberSeparators | null> {
      if (!api('1.11')) return null;
      return deps.run(async (ctx) => {
        const nf = ctx.application.cultureInfo.numberFormat;
        nf.load('numberDecimalSeparator,numberGroupSeparator');
        await ctx.sync();
        return { decimal: nf.numberDecimalSeparator, thousands: nf.numberGroupSeparator };
      });
    },

    async updateReportInfo(info: ReportInfo): Promise<number> {
      const tableFromScan = await tableFinder();
      return writing(async (ctx, own) => {
        const runtime = loadEvents(ctx);
        const sheets = await scan(ctx, { cells: true, marks: false });
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
    },

    async watchChanges(onChange: () => void): Promise<() => Promise<void>> {
      const listener = (): void => onChange();
      const tableFromScan = await tableFinder();
      await deps.run(async (ctx) => {
        listeners.add(listener);
        if (wholeBook()) queueHandlers(ctx, []);
        // Which sheets hold a table; the handler on the worksheet collection goes in the same sync.
        const sheets = await scan(ctx, { cells: true, marks: false });
        if (noteTableSheets(ctx, sheets, tableFromScan)) await ctx.sync();
      }).catch((e: unknown) => {
        listeners.delete(listener);
        throw e;
      });
      let stopped = false;
      return async (): Promise<void> => {
        if (stopped) return;
        stopped = true;
        listeners.delete(listener);
        if (listeners.size > 0) return;
        const results = [...handlers.values()];
        handlers.clear();
        const contexts = new Set<OfficeExtension.ClientRequestContext>();
        for (const r of results) {
          r.remove();
          contexts.add(r.context);
        }
        for (const c of contexts) await c.sync();
      };
    },

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
  return adapter;
}

/**
 * The table's default sheet name, or the first of `Name (2)`, `Name (3)`, … free in the workbook
 * (Excel compares sheet names ignoring case). Excel refuses names over 31 characters: a longer
 * name (a template's title) is cut, and so is the base before the counter, without a space left
 * dangling before it.
 */
export function freeSheetName(base: string, takenLower: Set<string>): string {
  const cut = (s: string, n: number): string => Array.from(s).slice(0, n).join('').trimEnd();
  const first = cut(base, 31);
  if (!takenLower.has(first.toLowerCase())) return first;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = cut(base, 31 - suffix.length) + suffix;
    if (!takenLower.has(name.toLowerCase())) return name;
  }
}

function applyStyle(r: Excel.Range, address: string, s: CellStyle): void {
  const f = r.format;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.fontSize !== undefined) f.font.size = s.fontSize;
  if (s.fontColor !== undefined) f.font.color = s.fontColor;
  if (s.fill !== undefined) f.fill.color = s.fill;
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.horizontal !== undefined) f.horizontalAlignment = ALIGN[s.horizontal];
  if (s.vertical !== undefined) f.verticalAlignment = VALIGN[s.vertical];
  if (s.border) {
    const box = parseRange(address);
    const edges: string[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    if (box.right > box.left) edges.push('InsideVertical');
    if (box.bottom > box.top) edges.push('InsideHorizontal');
    for (const e of edges) f.borders.getItem(e as Excel.BorderIndex).style = 'Continuous' as Excel.BorderLineStyle;
  }
}

/** The date of a date cell read through Office.js (a serial), as ISO; null when not a date. */
export function serialToIso(v: unknown): string | null {
  return typeof v === 'number' && v >= 61 ? excelSerialToIso(v) : null;
}
