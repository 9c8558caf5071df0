/**
 * The in-memory Excel's workbook: its state (`state.ts`), what a user does in the grid (type,
 * insert or delete rows, rename a sheet), formulas evaluated on demand, change events raised to the
 * registered handlers, the Excel version it answers for, and the counters of what the add-in sent.
 * The Office.js side is Microsoft's client library; `protocol.ts` executes its request messages
 * against this workbook. No Node-only API: it also runs in the browser (preview page).
 */
import { boxAddress, parseBox } from './address';
import type { FormulaEvaluator } from './evaluator';
import { BookState, HostError, MAX_COLS, SheetState, type Box, type Cell, type Computed, type Constant } from './state';

/** ExcelApi version per Excel release (the highest requirement set it supports). */
export const EXCEL_PROFILES: Record<string, string> = {
  '2016': '1.2',
  '2019': '1.7',
  '2021': '1.14',
  '2024': '1.17',
  '365': '1.20',
};

export interface MemHostOptions {
  /** A profile of `EXCEL_PROFILES` or an ExcelApi version such as `1.8`. Default `365`. */
  excel?: string;
  evaluator?: FormulaEvaluator;
  /** Separators of the user's culture (ExcelApi 1.11). Default vi-VN. */
  culture?: { name: string; decimal: string; thousands: string };
  /** Excel on the web refuses a request larger than this. Default 5 MB. */
  maxRequestBytes?: number;
}

export interface HostStats {
  syncs: number;
  /** Bytes (UTF-8 JSON) of each request, in order. */
  requestBytes: number[];
  /** Change events raised by writes while events were on. */
  changeEvents: number;
  suspendCalculation: number;
}

function versionNumber(v: string): [number, number] {
  const m = /^(\d+)\.(\d+)$/.exec(v);
  if (!m) throw new Error(`not an API version: ${v}`);
  return [Number(m[1]), Number(m[2])];
}

function atLeast(have: [number, number], need: [number, number]): boolean {
  return have[0] > need[0] || (have[0] === need[0] && have[1] >= need[1]);
}

/** What `Excel.WorksheetChangedEventArgs` carries (the part this host raises). */
export interface MemChangedEvent {
  address: string;
  worksheetId: string;
  source: 'Local';
  changeType: 'RangeEdited' | 'RowInserted' | 'RowDeleted';
  type: 'WorksheetChanged';
}

export type MemChangeHandler = (event: MemChangedEvent) => unknown;

/** A registered `onChanged` handler: on one sheet, or on every sheet (`worksheets.onChanged`). */
export interface Registration {
  sheetId: string | null;
  handler: MemChangeHandler;
}


// ---------------------------------------------------------------------------------------------
// Value coercion (what Excel does with a value written through `values` or `formulas`)

const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

export function coerce(v: unknown, numberFormat: string, asFormula: boolean): { constant: Constant; formula: string | null } {
  if (v === null || v === undefined || v === '') return { constant: null, formula: null };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new HostError('InvalidArgument', `not a finite number: ${v}`);
    return { constant: v, formula: null };
  }
  if (typeof v === 'boolean') return { constant: v, formula: null };
  if (typeof v !== 'string') throw new HostError('InvalidArgument', `unsupported value: ${JSON.stringify(v)}`);
  if (v.startsWith("'")) return { constant: v.slice(1) === '' ? null : v.slice(1), formula: null };
  if (numberFormat === '@') return { constant: v, formula: null };
  if (v.startsWith('=') && v.length > 1) return { constant: null, formula: v };
  void asFormula;
  const t = v.trim();
  if (t !== '' && /\d/.test(t) && NUMBER_TEXT.test(t)) return { constant: Number(t.replace(/,/g, '')), formula: null };
  if (/^(true|false)$/i.test(t)) return { constant: t.toLowerCase() === 'true', formula: null };
  return { constant: v, formula: null };
}

export function isError(v: Computed): v is { error: string } {
  return typeof v === 'object' && v !== null;
}

// ---------------------------------------------------------------------------------------------
// The host

export class MemHost {
  readonly book = new BookState();
  readonly stats: HostStats = { syncs: 0, requestBytes: [], changeEvents: 0, suspendCalculation: 0 };
  readonly version: [number, number];
  readonly versionText: string;
  readonly culture: { name: string; decimal: string; thousands: string };
  readonly maxRequestBytes: number;
  enableEvents = true;
  /** Registered `onChanged` handlers (registered and removed at sync, as in Excel). */
  readonly registrations: Registration[] = [];
  private pendingEvents: MemChangedEvent[] = [];
  private readonly evaluator: FormulaEvaluator | undefined;
  private cfSeq = 0;

  constructor(options: MemHostOptions = {}) {
    const v = options.excel ?? '365';
    this.versionText = EXCEL_PROFILES[v] ?? v;
    this.version = versionNumber(this.versionText);
    this.evaluator = options.evaluator;
    this.culture = options.culture ?? { name: 'vi-VN', decimal: ',', thousands: '.' };
    this.maxRequestBytes = options.maxRequestBytes ?? 5 * 1024 * 1024;
  }

  /** `Office.context.requirements.isSetSupported`. */
  readonly isSetSupported = (name: string, minVersion?: string): boolean => {
    if (name !== 'ExcelApi') return false;
    return atLeast(this.version, versionNumber(minVersion ?? '1.1'));
  };

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.requestBytes = [];
    this.stats.changeEvents = 0;
    this.stats.suspendCalculation = 0;
  }

  nextConditionalFormatId(): string {
    return `{cf-${++this.cfSeq}}`;
  }

  /**
   * Something changed. With the sheet and the cells, an `onChanged` event is raised to the
   * handlers — unless `runtime.enableEvents` is false at the time of the write.
   */
  changed(sheet?: SheetState, box?: Box, changeType: MemChangedEvent['changeType'] = 'RangeEdited'): void {
    this.book.dirty = true;
    if (!this.enableEvents) return;
    this.stats.changeEvents++;
    if (sheet && box) this.raise(sheet, box, changeType);
  }

  /** Queues a change event; handlers get it asynchronously (a macrotask later), as in Excel. */
  private raise(sheet: SheetState, box: Box, changeType: MemChangedEvent['changeType']): void {
    if (this.registrations.length === 0) return;
    if (this.pendingEvents.length === 0) setTimeout(() => this.dispatch(), 0);
    this.pendingEvents.push({ address: boxAddress(box), worksheetId: sheet.id, source: 'Local', changeType, type: 'WorksheetChanged' });
  }

  private dispatch(): void {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    for (const e of events) {
      for (const r of [...this.registrations]) {
        if (r.sheetId !== null && r.sheetId !== e.worksheetId) continue;
        // Excel does not let a handler's failure reach the workbook.
        void Promise.resolve()
          .then(() => r.handler(e))
          .catch(() => undefined);
      }
    }
  }

  /** Recomputes formula results when something changed since the last evaluation. */
  evaluate(): void {
    if (!this.book.dirty) return;
    this.book.dirty = false;
    const ev = this.evaluator;
    if (!ev) return;
    const sheets = this.book.sheets.map((s) => ({
      name: s.name,
      cells: [...s.cells.entries()]
        .filter(([, c]) => c.formula !== null || c.constant !== null)
        .map(([k, c]) => ({ row: Math.floor(k / (MAX_COLS + 1)), col: k % (MAX_COLS + 1), formula: c.formula, constant: c.constant })),
    }));
    for (const r of ev.evaluate(sheets)) {
      const cell = this.book.sheets[r.sheet].cell(r.row, r.col);
      if (cell) cell.result = r.value;
    }
  }

  // --- Direct access for tests (no queue, no sync): what a user does in Excel's grid ----------

  sheet(name: string): SheetState {
    const s = this.book.sheetByName(name);
    if (!s) throw new Error(`no sheet named ${name}`);
    return s;
  }

  /** The user adds a sheet. */
  addSheet(name: string): SheetState {
    return this.book.addSheet(name);
  }

  /** The user types into a cell: a number, a text (kept as text when `asText`), or `=…`. */
  type(sheetName: string, address: string, input: string | number | null, asText = false): void {
    const s = this.sheet(sheetName);
    const b = parseBox(address);
    const cell = s.touch(b.top, b.left);
    const c = asText && typeof input === 'string' ? { constant: input, formula: null } : coerce(input, cell.numberFormat, true);
    cell.constant = c.constant;
    cell.formula = c.formula;
    cell.result = null;
    this.book.dirty = true;
    if (this.enableEvents) this.raise(s, { top: b.top, left: b.left, bottom: b.top, right: b.left }, 'RangeEdited');
  }

  /** Value as Excel shows it after calculation: number, text, boolean, `{error}` or null. */
  valueAt(sheetName: string, address: string): Computed {
    this.evaluate();
    const b = parseBox(address);
    const cell = this.sheet(sheetName).cell(b.top, b.left);
    if (!cell) return null;
    return cell.formula !== null ? cell.result : cell.constant;
  }

  cellAt(sheetName: string, address: string): Cell | undefined {
    const b = parseBox(address);
    return this.sheet(sheetName).cell(b.top, b.left);
  }

  insertRows(sheetName: string, at: number, count: number): void {
    this.sheet(sheetName).insertRows(at, count);
    this.book.dirty = true;
  }

  deleteRows(sheetName: string, at: number, count: number): void {
    this.sheet(sheetName).deleteRows(at, count);
    this.book.dirty = true;
  }

  renameSheet(from: string, to: string): void {
    this.book.renameSheet(this.sheet(from), to);
  }

  /** A deep, comparable copy of everything on a sheet (cells with formats, merges, rules, names). */
  snapshot(sheetName: string): unknown {
    const s = this.sheet(sheetName);
    const cells = [...s.cells.entries()].sort((a, b) => a[0] - b[0]).map(([k, c]) => [k, { ...c, result: undefined }]);
    return JSON.parse(
      JSON.stringify({
        name: s.name,
        cells,
        names: s.names,
        merges: s.merges,
        conditionalFormats: s.conditionalFormats,
        validations: s.validations,
        columnWidths: [...s.columnWidths],
        rowHeights: [...s.rowHeights],
        protection: s.protection,
      }),
    ) as unknown;
  }
}

export function createMemHost(options: MemHostOptions = {}): MemHost {
  return new MemHost(options);
}

