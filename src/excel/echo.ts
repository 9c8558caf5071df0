/**
 * Change events: who is told of the user's edits to the tables (`watchChanges`), and how the
 * adapter's own writes are kept from being taken for the user's.
 *
 * From ExcelApi 1.8 the adapter turns this add-in's events off around its writes (`eventsOff`,
 * in the same batch), so they raise none. Before 1.8 it cannot: each write batch runs through
 * `writing`, which notes the cells it writes (`own`) before the sync that writes them; an event on
 * one of those cells while the batch runs, or less than `ownChangesQuietMs` after it, is the
 * batch's echo. Any other event is the user's and is always reported.
 *
 * Handlers: from ExcelApi 1.9 one on the worksheet collection; before, one per sheet holding a
 * table, added as tables are found (a read, an insert).
 */
import { parseRange, type RangePos } from '../core/a1';
import type { AdapterContext } from './context';
import { scan, tableFinder, type FindTable, type ScannedSheet } from './scan';

type ChangeHandler = (event: Excel.WorksheetChangedEventArgs) => Promise<void>;
/** Cells one of the adapter's own write batches writes (null: the whole sheet, a new one). */
interface Echo {
  sheetId: string;
  box: RangePos | null;
}
type HandlerResult = OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;

/** Notes the cells a write batch writes (before ExcelApi 1.8; a no-op from 1.8 on). */
export type Own = (sheetId: string, box: RangePos | null) => void;

/** ExcelApi 1.8: turns this add-in's events off for the writes queued after it, in the same batch. */
export function eventsOff(ctx: Excel.RequestContext, runtime: { enableEvents: boolean } | null): () => void {
  if (!runtime) return () => undefined;
  const were = runtime.enableEvents;
  ctx.runtime.enableEvents = false;
  return () => {
    ctx.runtime.enableEvents = were;
  };
}

/** Queues the load of `runtime.enableEvents` where ExcelApi 1.8 has it. */
export function loadEvents(a: AdapterContext, ctx: Excel.RequestContext): { enableEvents: boolean } | null {
  if (!a.api('1.8')) return null;
  ctx.runtime.load('enableEvents');
  return ctx.runtime;
}

export interface ChangeWatch {
  /**
   * Runs one of the adapter's own write batches. `own` notes the cells it writes, before the sync
   * that writes them, where the host cannot turn events off (before ExcelApi 1.8).
   */
  writing<T>(batch: (ctx: Excel.RequestContext, own: Own) => Promise<T>): Promise<T>;
  /** Notes which sheets hold a table; per-sheet handlers for new ones are queued. True if any was. */
  noteTableSheets(ctx: Excel.RequestContext, sheets: ScannedSheet[], tableFromScan: FindTable): boolean;
  /** A new table's sheet, before its last sync: its handler queued when the watch needs one per sheet. */
  watchNewSheet(ws: Excel.Worksheet): HandlerResult | null;
  /** After that sync: the new sheet is a table sheet (with its handler, if one was queued). */
  noteNewSheet(id: string, handler: HandlerResult | null): void;
  /** `WorkbookAdapter.watchChanges`. */
  watch(onChange: () => void): Promise<() => Promise<void>>;
}

/** Whether a change event falls inside one of the adapter's own write batches (its echo). */
function isEcho(echoes: ReadonlySet<Echo>, event: Excel.WorksheetChangedEventArgs): boolean {
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

/**
 * Adds the change handlers not yet registered: one on the worksheet collection (`sheetIds` null,
 * ExcelApi 1.9), else one per sheet; true if any was added (a sync is then due).
 */
function addHandlers(ctx: Excel.RequestContext, handlers: Map<string, HandlerResult>, sheetIds: Iterable<string> | null, onChanged: ChangeHandler): boolean {
  let any = false;
  if (sheetIds === null) {
    if (!handlers.has('')) {
      handlers.set('', ctx.workbook.worksheets.onChanged.add(onChanged));
      any = true;
    }
    return any;
  }
  for (const id of sheetIds) {
    if (handlers.has(id)) continue;
    handlers.set(id, ctx.workbook.worksheets.getItem(id).onChanged.add(onChanged));
    any = true;
  }
  return any;
}

/** Removes every registered handler, one sync per request context. */
async function removeHandlers(handlers: Map<string, HandlerResult>): Promise<void> {
  const results = [...handlers.values()];
  handlers.clear();
  const contexts = new Set<OfficeExtension.ClientRequestContext>();
  for (const r of results) {
    r.remove();
    contexts.add(r.context);
  }
  for (const c of contexts) await c.sync();
}

/**
 * Runs a write batch, its cells noted as the adapter's own (before ExcelApi 1.8) until `quietMs`
 * after it ends, so that their change events are known as its echo.
 */
async function writeOwn<T>(a: AdapterContext, echoes: Set<Echo>, quietMs: number, batch: (ctx: Excel.RequestContext, own: Own) => Promise<T>): Promise<T> {
  const mine: Echo[] = [];
  const own: Own = (sheetId, box) => {
    if (a.api('1.8')) return;
    const e = { sheetId, box };
    mine.push(e);
    echoes.add(e);
  };
  try {
    return await a.deps.run((ctx) => batch(ctx, own));
  } finally {
    if (mine.length > 0)
      setTimeout(() => {
        for (const e of mine) echoes.delete(e);
      }, quietMs);
  }
}

export function changeWatch(a: AdapterContext): ChangeWatch {
  const quietMs = a.deps.ownChangesQuietMs ?? 300;
  /**
   * Before ExcelApi 1.8: the cells of the adapter's own write batches running, or finished less
   * than `quietMs` ago (a whole sheet for a new one). An event inside one of them is the batch's
   * echo; an event anywhere else is the user's, whenever it comes. Empty from ExcelApi 1.8 on.
   */
  const echoes = new Set<Echo>();
  /** Who is told of the user's changes. */
  const listeners = new Set<() => void>();
  /** ExcelApi 1.9: one handler on the worksheet collection; else one per recognised sheet. */
  const wholeBook = (): boolean => a.api('1.9');
  /** Ids of the sheets holding a recognised table. */
  let tableSheets = new Set<string>();
  /** Registered handlers: per sheet id, or under '' for the worksheet collection. */
  const handlers = new Map<string, HandlerResult>();

  const onSheetChanged: ChangeHandler = async (event) => {
    if (!tableSheets.has(event.worksheetId)) return;
    if (isEcho(echoes, event)) return;
    for (const l of [...listeners]) l();
  };

  /** Queues the handlers the watched sheets still lack (nothing without listeners); true if any. */
  function queueHandlers(ctx: Excel.RequestContext, sheetIds: Iterable<string>): boolean {
    return listeners.size > 0 && addHandlers(ctx, handlers, wholeBook() ? null : sheetIds, onSheetChanged);
  }

  function noteTableSheets(ctx: Excel.RequestContext, sheets: ScannedSheet[], tableFromScan: FindTable): boolean {
    tableSheets = new Set(sheets.filter((s) => tableFromScan(s.scan)).map((s) => s.id));
    return queueHandlers(ctx, tableSheets);
  }

  return {
    writing: <T>(batch: (ctx: Excel.RequestContext, own: Own) => Promise<T>): Promise<T> => writeOwn(a, echoes, quietMs, batch),

    noteTableSheets,

    watchNewSheet(ws: Excel.Worksheet): HandlerResult | null {
      // A watched workbook watches the new table too (before ExcelApi 1.9: a handler on its sheet).
      return listeners.size > 0 && !wholeBook() ? ws.onChanged.add(onSheetChanged) : null;
    },

    noteNewSheet(id: string, handler: HandlerResult | null): void {
      tableSheets.add(id);
      if (handler) handlers.set(id, handler);
    },

    async watch(onChange: () => void): Promise<() => Promise<void>> {
      const listener = (): void => onChange();
      const tableFromScan = await tableFinder();
      await a.deps
        .run(async (ctx) => {
          listeners.add(listener);
          if (wholeBook()) queueHandlers(ctx, []);
          // Which sheets hold a table; the handler on the worksheet collection goes in the same sync.
          const sheets = await scan(a, ctx, { cells: true, marks: false });
          if (noteTableSheets(ctx, sheets, tableFromScan)) await ctx.sync();
        })
        .catch((e: unknown) => {
          listeners.delete(listener);
          throw e;
        });
      let stopped = false;
      return async (): Promise<void> => {
        if (stopped) return;
        stopped = true;
        listeners.delete(listener);
        if (listeners.size === 0) await removeHandlers(handlers);
      };
    },
  };
}
