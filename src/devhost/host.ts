/**
 * A strict in-memory Excel host: the subset of the Excel JavaScript API that `src/excel/` uses,
 * with Excel's semantics — writes and loads are queued and run in order at `sync()`; reading a
 * property that was not loaded and synced throws `PropertyNotLoaded`; invalid addresses and sheet
 * names throw; APIs above the chosen ExcelApi version throw `ApiNotFound`; syncs and the bytes
 * of each request are counted. No Node-only API: it also runs in the browser (preview page).
 */
import { absoluteBox, boxAddress, contains, intersects, parseBox, sheetRef, splitSheet } from './address';
import type { FormulaEvaluator } from './evaluator';
import {
  BookState,
  HostError,
  MAX_COLS,
  SheetState,
  checkSheetName,
  defaultFormat,
  type Box,
  type Cell,
  type CellFormat,
  type Computed,
  type Constant,
  type ConditionalFormatDef,
} from './state';

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
  responseBytes: number[];
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

const encoder = new TextEncoder();
function jsonBytes(x: unknown): number {
  return encoder.encode(JSON.stringify(x) ?? '').length;
}

interface Op {
  json: unknown;
  run: () => void;
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

/** `OfficeExtension.EventHandlerResult`: `remove()` is queued on `context` and takes effect at its sync. */
export interface MemEventHandlerResult {
  readonly context: MemContext;
  remove(): void;
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
  readonly stats: HostStats = { syncs: 0, requestBytes: [], responseBytes: [], changeEvents: 0, suspendCalculation: 0 };
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

  /** `Excel.run`. */
  readonly run = async <T>(batch: (context: MemContext) => Promise<T>): Promise<T> => {
    const ctx = new MemContext(this);
    const result = await batch(ctx);
    if (ctx.pending()) await ctx.sync();
    return result;
  };

  /** `Office.context.requirements.isSetSupported`. */
  readonly isSetSupported = (name: string, minVersion?: string): boolean => {
    if (name !== 'ExcelApi') return false;
    return atLeast(this.version, versionNumber(minVersion ?? '1.1'));
  };

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.requestBytes = [];
    this.stats.responseBytes = [];
    this.stats.changeEvents = 0;
    this.stats.suspendCalculation = 0;
  }

  requireApi(version: string, api: string): void {
    if (!atLeast(this.version, versionNumber(version))) {
      throw new HostError('ApiNotFound', `${api} needs ExcelApi ${version}; this host has ${this.versionText}.`);
    }
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

// ---------------------------------------------------------------------------------------------
// Request context and proxies

export class MemContext {
  readonly host: MemHost;
  private queue: Op[] = [];
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  readonly runtime: RuntimeProxy;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private responseSize = 0;

  constructor(host: MemHost) {
    this.host = host;
    this.workbook = new WorkbookProxy(this);
    this.application = this.workbook.application;
    this.runtime = new RuntimeProxy(this, 'runtime');
  }

  enqueue(json: unknown, run: () => void): void {
    this.queue.push({ json, run });
  }

  private counter = 0;
  seq(): number {
    return ++this.counter;
  }

  pending(): boolean {
    return this.queue.length > 0;
  }

  respond(data: unknown): void {
    this.responseSize += jsonBytes(data);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const bytes = jsonBytes(ops.map((o) => o.json));
    const stats = this.host.stats;
    stats.syncs++;
    stats.requestBytes.push(bytes);
    if (bytes > this.host.maxRequestBytes) {
      throw new HostError('RequestPayloadSizeLimitExceeded', `The request payload (${bytes} bytes) exceeds the limit.`);
    }
    this.responseSize = 0;
    try {
      for (const op of ops) op.run();
    } finally {
      stats.responseBytes.push(this.responseSize);
    }
    await Promise.resolve();
  }

  load<T extends { load(p?: unknown): unknown }>(obj: T, props?: unknown): T {
    obj.load(props);
    return obj;
  }
}

function notLoaded(prop: string): HostError {
  return new HostError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function notFound(key: string): never {
  throw new HostError('ItemNotFound', `The requested resource doesn't exist: ${key}`);
}

function parseLoadSpec(spec: unknown): string[] {
  if (spec === undefined || spec === null) return [];
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (Array.isArray(spec)) return spec.flatMap((s) => parseLoadSpec(s));
  if (typeof spec === 'object') {
    const o = spec as { select?: unknown; $select?: unknown; expand?: unknown; $expand?: unknown };
    return [...parseLoadSpec(o.select ?? o.$select), ...parseLoadSpec(o.expand ?? o.$expand)];
  }
  throw new HostError('InvalidArgument', 'invalid load option');
}

type Getter = () => unknown;

abstract class ProxyBase<T> {
  protected readonly ctx: MemContext;
  readonly path: string;
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private resolved: { value: T | null } | undefined;
  protected readonly orNull: boolean;

  constructor(ctx: MemContext, path: string, orNull = false) {
    this.ctx = ctx;
    this.path = path;
    this.orNull = orNull;
    if (orNull) ctx.enqueue({ op: 'resolve', path }, () => void this.target(true));
  }

  /** The thing this proxy stands for, found at sync time. */
  protected abstract find(): T | null;
  protected abstract readable(): Record<string, Getter>;
  protected navigation(_name: string): ProxyBase<unknown> | undefined {
    return undefined;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  /** Resolves at sync time; throws ItemNotFound unless this is an *OrNullObject proxy. */
  target(allowNull = false): T | null {
    if (!this.resolved) {
      const v = this.find();
      this.resolved = { value: v };
      this.nullState = v === null;
    }
    const v = this.resolved.value;
    if (v === null && !(allowNull || this.orNull)) throw new HostError('ItemNotFound', `The requested resource doesn't exist: ${this.path}`);
    return v;
  }

  must(): T {
    const v = this.target();
    if (v === null) throw new HostError('InvalidObjectPath', `The object path '${this.path}' isn't working for what you're trying to do (null object).`);
    return v;
  }

  load(spec?: unknown): this {
    const paths = parseLoadSpec(spec);
    this.ctx.enqueue({ op: 'load', path: this.path, select: paths }, () => this.loadNow(paths));
    return this;
  }

  loadNow(paths: string[]): void {
    if (this.target(true) === null) return;
    const props = this.readable();
    const list = paths.length === 0 ? Object.keys(props) : paths;
    for (const p of list) {
      const slash = p.indexOf('/');
      if (slash >= 0) {
        const nav = this.navigation(p.slice(0, slash));
        if (!nav) throw new HostError('InvalidArgument', `unknown navigation property ${p}`);
        nav.loadNow([p.slice(slash + 1)]);
        continue;
      }
      const get = props[p];
      if (!get) {
        if (this.navigation(p)) {
          (this.navigation(p) as ProxyBase<unknown>).loadNow([]);
          continue;
        }
        throw new HostError('InvalidArgument', `The property '${p}' does not exist on ${this.path}.`);
      }
      const value = get();
      this.ctx.respond(value);
      this.loaded.set(p, value);
    }
  }

  protected got<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as V;
  }

  protected call(method: string, args: unknown[], run: () => void): void {
    this.ctx.enqueue({ op: 'call', path: this.path, method, args }, run);
  }

  protected put(prop: string, value: unknown, run: () => void): void {
    this.ctx.enqueue({ op: 'set', path: this.path, prop, value }, run);
  }

  toJSON(): unknown {
    return Object.fromEntries(this.loaded);
  }
}

abstract class CollectionProxy<T, P extends ProxyBase<unknown>> extends ProxyBase<T[]> {
  private loadedItems: P[] | undefined;

  protected abstract makeItem(item: T, index: number): P;

  get items(): P[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }

  protected readable(): Record<string, Getter> {
    return {};
  }

  override loadNow(paths: string[]): void {
    const list = this.target(true);
    if (list === null) return;
    const items = list.map((x, i) => this.makeItem(x, i));
    const sub = paths.map((p) => (p.startsWith('items/') ? p.slice(6) : p)).filter((p) => p !== 'items');
    for (const it of items) it.loadNow(sub);
    this.loadedItems = items;
  }
}

// --- Workbook, application, runtime ----------------------------------------------------------

class WorkbookProxy extends ProxyBase<BookState> {
  readonly worksheets: WorksheetCollectionProxy;
  readonly application: ApplicationProxy;
  constructor(ctx: MemContext) {
    super(ctx, 'workbook');
    this.worksheets = new WorksheetCollectionProxy(ctx, 'workbook.worksheets');
    this.application = new ApplicationProxy(ctx, 'application');
  }
  protected find(): BookState {
    return this.ctx.host.book;
  }
  protected readable(): Record<string, Getter> {
    return {};
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.ctx, 'workbook.selection', () => {
      const sel = this.ctx.host.book.selection;
      const s = sel ? this.ctx.host.book.sheetById(sel.sheetId) : undefined;
      if (!sel || !s) throw new HostError('ItemNotFound', 'no selection');
      return { sheet: s, box: sel.box };
    });
  }
}

class ApplicationProxy extends ProxyBase<MemHost> {
  readonly cultureInfo: CultureInfoProxy;
  constructor(ctx: MemContext, path: string) {
    super(ctx, path);
    this.cultureInfo = new CultureInfoProxy(ctx, `${path}.cultureInfo`);
  }
  protected find(): MemHost {
    return this.ctx.host;
  }
  protected readable(): Record<string, Getter> {
    return { calculationMode: () => 'Automatic' };
  }
  protected override navigation(name: string): ProxyBase<unknown> | undefined {
    return name === 'cultureInfo' ? this.cultureInfo : undefined;
  }
  suspendApiCalculationUntilNextSync(): void {
    this.call('suspendApiCalculationUntilNextSync', [], () => {
      this.ctx.host.requireApi('1.6', 'Application.suspendApiCalculationUntilNextSync');
      this.ctx.host.stats.suspendCalculation++;
    });
  }
}

class CultureInfoProxy extends ProxyBase<MemHost> {
  readonly numberFormat: NumberFormatInfoProxy;
  constructor(ctx: MemContext, path: string) {
    super(ctx, path);
    this.numberFormat = new NumberFormatInfoProxy(ctx, `${path}.numberFormat`);
  }
  protected find(): MemHost {
    this.ctx.host.requireApi('1.11', 'Application.cultureInfo');
    return this.ctx.host;
  }
  protected readable(): Record<string, Getter> {
    return { name: () => this.ctx.host.culture.name };
  }
  protected override navigation(name: string): ProxyBase<unknown> | undefined {
    return name === 'numberFormat' ? this.numberFormat : undefined;
  }
  get name(): string {
    return this.got('name');
  }
}

class NumberFormatInfoProxy extends ProxyBase<MemHost> {
  protected find(): MemHost {
    this.ctx.host.requireApi('1.11', 'CultureInfo.numberFormat');
    return this.ctx.host;
  }
  protected readable(): Record<string, Getter> {
    return {
      numberDecimalSeparator: () => this.ctx.host.culture.decimal,
      numberGroupSeparator: () => this.ctx.host.culture.thousands,
    };
  }
  get numberDecimalSeparator(): string {
    return this.got('numberDecimalSeparator');
  }
  get numberGroupSeparator(): string {
    return this.got('numberGroupSeparator');
  }
}

class RuntimeProxy extends ProxyBase<MemHost> {
  protected find(): MemHost {
    return this.ctx.host;
  }
  protected readable(): Record<string, Getter> {
    return {
      enableEvents: () => {
        this.ctx.host.requireApi('1.8', 'Runtime.enableEvents');
        return this.ctx.host.enableEvents;
      },
    };
  }
  get enableEvents(): boolean {
    return this.got('enableEvents');
  }
  set enableEvents(v: boolean) {
    this.put('enableEvents', v, () => {
      this.ctx.host.requireApi('1.8', 'Runtime.enableEvents');
      this.ctx.host.enableEvents = v;
    });
  }
}

// --- Events -----------------------------------------------------------------------------------

/**
 * `onChanged` of a worksheet (ExcelApi 1.7) or of the worksheet collection (1.9): `add` is queued
 * and registers at sync; the result's `remove()` is queued on the same context.
 */
class ChangedEventSource {
  constructor(
    private readonly ctx: MemContext,
    private readonly path: string,
    private readonly version: string,
    private readonly api: string,
    private readonly sheetId: (() => string) | null,
  ) {}
  add(handler: MemChangeHandler): MemEventHandlerResult {
    const ctx = this.ctx;
    const host = ctx.host;
    let reg: Registration | undefined;
    ctx.enqueue({ op: 'addHandler', path: this.path }, () => {
      host.requireApi(this.version, this.api);
      reg = { sheetId: this.sheetId ? this.sheetId() : null, handler };
      host.registrations.push(reg);
    });
    return {
      context: ctx,
      remove: (): void => {
        ctx.enqueue({ op: 'removeHandler', path: this.path }, () => {
          const i = reg ? host.registrations.indexOf(reg) : -1;
          if (i < 0) throw new HostError('InvalidOperation', 'the handler is not registered');
          host.registrations.splice(i, 1);
        });
      },
    };
  }
}

// --- Worksheets -------------------------------------------------------------------------------

class WorksheetCollectionProxy extends CollectionProxy<SheetState, WorksheetProxy> {
  protected find(): SheetState[] {
    return [...this.ctx.host.book.sheets];
  }
  protected makeItem(s: SheetState): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `sheet[${s.id}]`, () => s);
  }
  add(name?: string): WorksheetProxy {
    let created: SheetState | undefined;
    this.call('add', [name ?? null], () => {
      const book = this.ctx.host.book;
      let n = name;
      if (n === undefined) {
        let i = book.sheets.length + 1;
        while (book.sheetByName(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      created = book.addSheet(checkSheetName(n));
    });
    return new WorksheetProxy(this.ctx, `sheet[add ${name ?? ''}]`, () => {
      if (!created) throw new HostError('InvalidObjectPath', 'the sheet was not added');
      return created;
    });
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `sheet[${key}]`, () => this.byKey(key) ?? notFound(key));
  }
  /** Changes on any sheet (ExcelApi 1.9). */
  get onChanged(): ChangedEventSource {
    return new ChangedEventSource(this.ctx, 'worksheets.onChanged', '1.9', 'WorksheetCollection.onChanged', null);
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    this.ctx.host.requireApi('1.4', 'WorksheetCollection.getItemOrNullObject');
    return new WorksheetProxy(this.ctx, `sheet?[${key}]`, () => this.byKey(key) ?? null, true);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, 'sheet[active]', () => {
      const b = this.ctx.host.book;
      return (b.activeSheetId ? b.sheetById(b.activeSheetId) : b.sheets[0]) ?? null;
    });
  }
  getFirst(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, 'sheet[first]', () => {
      this.ctx.host.requireApi('1.5', 'WorksheetCollection.getFirst');
      return this.ctx.host.book.sheets[0] ?? null;
    });
  }
  private byKey(key: string): SheetState | undefined {
    const b = this.ctx.host.book;
    return b.sheetById(key) ?? b.sheetByName(key);
  }
}

export class WorksheetProxy extends ProxyBase<SheetState> {
  private readonly resolve: () => SheetState | null;
  readonly protection: WorksheetProtectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly freezePanes: FreezePanesProxy;
  readonly pageLayout: PageLayoutProxy;

  constructor(ctx: MemContext, path: string, resolve: () => SheetState | null, orNull = false) {
    super(ctx, path, orNull);
    this.resolve = resolve;
    const sheet = (): SheetState => this.target() as SheetState;
    this.protection = new WorksheetProtectionProxy(ctx, `${path}.protection`, sheet);
    this.names = new NamedItemCollectionProxy(ctx, `${path}.names`, sheet);
    this.freezePanes = new FreezePanesProxy(ctx, `${path}.freezePanes`, sheet);
    this.pageLayout = new PageLayoutProxy(ctx, `${path}.pageLayout`, sheet);
  }
  protected find(): SheetState | null {
    return this.resolve();
  }
  protected readable(): Record<string, Getter> {
    const book = this.ctx.host.book;
    return {
      name: () => this.must().name,
      id: () => this.must().id,
      position: () => book.sheets.indexOf(this.must()),
      visibility: () => 'Visible',
    };
  }
  protected override navigation(name: string): ProxyBase<unknown> | undefined {
    if (name === 'protection') return this.protection;
    if (name === 'names') return this.names;
    return undefined;
  }
  get name(): string {
    return this.got('name');
  }
  set name(v: string) {
    this.put('name', v, () => {
      const s = this.must();
      this.ctx.host.book.renameSheet(s, v);
    });
  }
  get id(): string {
    return this.got('id');
  }
  /** Changes on this sheet (ExcelApi 1.7). */
  get onChanged(): ChangedEventSource {
    return new ChangedEventSource(this.ctx, `${this.path}.onChanged`, '1.7', 'Worksheet.onChanged', () => this.must().id);
  }
  get position(): number {
    return this.got('position');
  }
  /** Walks to the next sheet (null object after the last). */
  getNextOrNullObject(): WorksheetProxy {
    return new WorksheetProxy(
      this.ctx,
      `ws#${this.ctx.seq()}`,
      () => {
        this.ctx.host.requireApi('1.5', 'Worksheet.getNextOrNullObject');
        const s = this.target(true);
        if (!s) return null;
        const list = this.ctx.host.book.sheets;
        return list[list.indexOf(s) + 1] ?? null;
      },
      true,
    );
  }
  getNext(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `${this.path}.next`, () => {
      this.ctx.host.requireApi('1.5', 'Worksheet.getNext');
      const list = this.ctx.host.book.sheets;
      return list[list.indexOf(this.must()) + 1] ?? null;
    });
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.range[${address ?? ''}]`, () => {
      const sheet = this.target();
      if (sheet === null) return null;
      if (address !== undefined) {
        const pre = splitSheet(address).sheet;
        if (pre !== null && pre.toLowerCase() !== sheet.name.toLowerCase()) throw new HostError('InvalidArgument', `address on another sheet: ${address}`);
      }
      return { sheet, box: address === undefined || address === '' ? { top: 1, left: 1, bottom: 1048576, right: MAX_COLS } : parseBox(address) };
    }, this.orNull);
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.rangeByIndexes[${startRow},${startColumn},${rowCount},${columnCount}]`, () => {
      this.ctx.host.requireApi('1.7', 'Worksheet.getRangeByIndexes');
      if (![startRow, startColumn, rowCount, columnCount].every((n) => Number.isInteger(n)) || startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1) {
        throw new HostError('InvalidArgument', 'invalid range indexes');
      }
      const box = { top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount };
      if (box.bottom > 1048576 || box.right > MAX_COLS) throw new HostError('InvalidArgument', 'range outside the sheet');
      return { sheet: this.must(), box };
    });
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.usedRange`, () => {
      const s = this.must();
      return { sheet: s, box: s.usedBox(valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      `${this.path}.usedRange#${this.ctx.seq()}`,
      () => {
        this.ctx.host.requireApi('1.4', 'Worksheet.getUsedRangeOrNullObject');
        const s = this.target(true);
        if (!s) return null;
        const box = s.usedBox(valuesOnly);
        return box ? { sheet: s, box } : null;
      },
      true,
    );
  }
  activate(): void {
    this.call('activate', [], () => {
      this.ctx.host.book.activeSheetId = this.must().id;
    });
  }
  delete(): void {
    this.call('delete', [], () => {
      const s = this.must();
      const book = this.ctx.host.book;
      book.sheets = book.sheets.filter((x) => x !== s);
      if (book.activeSheetId === s.id) book.activeSheetId = book.sheets[0]?.id ?? null;
      book.dirty = true;
    });
  }
}

class WorksheetProtectionProxy extends ProxyBase<SheetState> {
  constructor(
    ctx: MemContext,
    path: string,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx, path);
  }
  protected find(): SheetState | null {
    return this.sheet();
  }
  protected readable(): Record<string, Getter> {
    return { protected: () => this.must().protection.protected, options: () => ({ ...this.must().protection.options }) };
  }
  get protected(): boolean {
    return this.got('protected');
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this.got('options');
  }
  protect(options?: Record<string, boolean>, password?: string): void {
    this.call('protect', [options ?? null, password ?? null], () => {
      if (password !== undefined) this.ctx.host.requireApi('1.7', 'WorksheetProtection.protect(password)');
      const p = this.must().protection;
      if (p.protected) throw new HostError('InvalidOperation', 'The sheet is already protected.');
      p.protected = true;
      p.options = { ...(options ?? {}) };
      p.password = password ?? null;
    });
  }
  unprotect(password?: string): void {
    this.call('unprotect', [password ?? null], () => {
      const p = this.must().protection;
      if (p.protected && p.password !== null && p.password !== password) throw new HostError('InvalidOperation', 'Wrong password.');
      p.protected = false;
      p.password = null;
    });
  }
}

class FreezePanesProxy extends ProxyBase<SheetState> {
  constructor(
    ctx: MemContext,
    path: string,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx, path);
  }
  protected find(): SheetState {
    this.ctx.host.requireApi('1.7', 'Worksheet.freezePanes');
    return this.sheet();
  }
  protected readable(): Record<string, Getter> {
    return {};
  }
  freezeRows(count: number): void {
    this.call('freezeRows', [count], () => {
      this.must().freezeRows = count;
    });
  }
}

class PageLayoutProxy extends ProxyBase<SheetState> {
  constructor(
    ctx: MemContext,
    path: string,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx, path);
  }
  protected find(): SheetState {
    this.ctx.host.requireApi('1.9', 'Worksheet.pageLayout');
    return this.sheet();
  }
  protected readable(): Record<string, Getter> {
    const p = (): SheetState['pageLayout'] => this.must().pageLayout;
    return { orientation: () => p().orientation, paperSize: () => p().paperSize, zoom: () => p().zoom };
  }
  set orientation(v: string) {
    this.put('orientation', v, () => void (this.must().pageLayout.orientation = v));
  }
  get orientation(): string {
    return this.got('orientation');
  }
  set paperSize(v: string) {
    this.put('paperSize', v, () => void (this.must().pageLayout.paperSize = v));
  }
  get paperSize(): string {
    return this.got('paperSize');
  }
  set zoom(v: unknown) {
    this.put('zoom', v, () => void (this.must().pageLayout.zoom = v));
  }
  get zoom(): unknown {
    return this.got('zoom');
  }
  setPrintTitleRows(rows: string): void {
    this.call('setPrintTitleRows', [rows], () => void (this.must().pageLayout.printTitleRows = rows));
  }
  setPrintArea(area: string): void {
    this.call('setPrintArea', [area], () => {
      parseBox(area);
      this.must().pageLayout.printArea = area;
    });
  }
}

// --- Names ----------------------------------------------------------------------------------

interface NameTarget {
  sheet: SheetState;
  def: SheetState['names'][number];
}

const NAME_RULE = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

class NamedItemCollectionProxy extends CollectionProxy<NameTarget, NamedItemProxy> {
  constructor(
    ctx: MemContext,
    path: string,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx, path);
  }
  protected find(): NameTarget[] | null {
    this.ctx.host.requireApi('1.4', 'Worksheet.names');
    const s = this.sheet();
    if (!s) return null;
    return s.names.map((def) => ({ sheet: s, def }));
  }
  protected makeItem(t: NameTarget): NamedItemProxy {
    return new NamedItemProxy(this.ctx, `${this.path}[${t.def.name}]`, () => t);
  }
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    let made: NameTarget | undefined;
    this.call('add', [name, typeof reference === 'string' ? reference : reference.path, comment ?? ''], () => {
      this.ctx.host.requireApi('1.4', 'NamedItemCollection.add');
      const s = this.sheet();
      if (!NAME_RULE.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name)) {
        throw new HostError('InvalidArgument', `invalid name: ${name}`);
      }
      if (s.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new HostError('ItemAlreadyExists', `name exists: ${name}`);
      let box: Box;
      if (typeof reference === 'string') {
        const r = reference.startsWith('=') ? reference.slice(1) : reference;
        const pre = splitSheet(r).sheet;
        if (pre !== null && pre.toLowerCase() !== s.name.toLowerCase()) throw new HostError('InvalidArgument', 'a sheet name refers to another sheet');
        box = parseBox(r);
      } else {
        const t = reference.resolveRange();
        if (t.sheet !== s) throw new HostError('InvalidArgument', 'a sheet name refers to another sheet');
        box = t.box;
      }
      const def = { name, ref: box, comment: comment ?? '' };
      s.names.push(def);
      made = { sheet: s, def };
    });
    return new NamedItemProxy(this.ctx, `${this.path}[add ${name}]`, () => made ?? null);
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, `${this.path}[${name}]`, () => this.byName(name) ?? notFound(name));
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, `${this.path}?[${name}]`, () => {
      this.ctx.host.requireApi('1.4', 'NamedItemCollection.getItemOrNullObject');
      return this.byName(name);
    }, true);
  }
  private byName(name: string): NameTarget | null {
    const s = this.sheet();
    const def = s.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
    return def ? { sheet: s, def } : null;
  }
}

export class NamedItemProxy extends ProxyBase<NameTarget> {
  constructor(
    ctx: MemContext,
    path: string,
    private readonly resolve: () => NameTarget | null,
    orNull = false,
  ) {
    super(ctx, path, orNull);
  }
  protected find(): NameTarget | null {
    return this.resolve();
  }
  protected readable(): Record<string, Getter> {
    const t = (): NameTarget => this.must();
    return {
      name: () => t().def.name,
      type: () => (t().def.ref ? 'Range' : 'Error'),
      formula: () => {
        this.ctx.host.requireApi('1.7', 'NamedItem.formula');
        const { sheet, def } = t();
        return def.ref ? `=${sheetRef(sheet.name)}!${absoluteBox(def.ref)}` : '=#REF!';
      },
      value: () => {
        const { sheet, def } = t();
        return def.ref ? `${sheetRef(sheet.name)}!${absoluteBox(def.ref)}` : '#REF!';
      },
      comment: () => {
        this.ctx.host.requireApi('1.4', 'NamedItem.comment');
        return t().def.comment;
      },
      visible: () => true,
    };
  }
  get name(): string {
    return this.got('name');
  }
  get formula(): string {
    return this.got('formula');
  }
  get type(): string {
    return this.got('type');
  }
  get value(): string {
    return this.got('value');
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.range`, () => {
      const { sheet, def } = this.must();
      if (!def.ref) throw new HostError('InvalidOperation', `The name ${def.name} does not refer to a range.`);
      return { sheet, box: def.ref };
    });
  }
  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      `${this.path}.range?`,
      () => {
        this.ctx.host.requireApi('1.4', 'NamedItem.getRangeOrNullObject');
        const t = this.target(true);
        return t && t.def.ref ? { sheet: t.sheet, box: t.def.ref } : null;
      },
      true,
    );
  }
  delete(): void {
    this.call('delete', [], () => {
      this.ctx.host.requireApi('1.4', 'NamedItem.delete');
      const { sheet, def } = this.must();
      sheet.names.splice(sheet.names.indexOf(def), 1);
    });
  }
}

// --- Ranges ---------------------------------------------------------------------------------

interface RangeTarget {
  sheet: SheetState;
  box: Box;
}

type Grid = unknown[][];

function forEachCell(box: Box, f: (row: number, col: number, i: number, j: number) => void): void {
  for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) f(r, c, r - box.top, c - box.left);
}

function cellsOfBox(box: Box): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1);
}

const READ_LIMIT = 5_000_000;

function uniform<V>(values: V[]): V | null {
  if (values.length === 0) return null;
  const first = JSON.stringify(values[0]);
  return values.every((v) => JSON.stringify(v) === first) ? values[0] : null;
}

export class RangeProxy extends ProxyBase<RangeTarget> {
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;
  constructor(
    ctx: MemContext,
    path: string,
    private readonly resolve: () => RangeTarget | null,
    orNull = false,
  ) {
    super(ctx, path, orNull);
    this.format = new RangeFormatProxy(ctx, `${path}.format`, this);
    this.dataValidation = new DataValidationProxy(ctx, `${path}.dataValidation`, this);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(ctx, `${path}.conditionalFormats`, this);
  }
  protected find(): RangeTarget | null {
    return this.resolve();
  }
  resolveRange(): RangeTarget {
    return this.must();
  }
  protected override navigation(name: string): ProxyBase<unknown> | undefined {
    if (name === 'format') return this.format;
    return undefined;
  }
  private grid<V>(f: (cell: Cell | undefined) => V): V[][] {
    const { sheet, box } = this.must();
    if (cellsOfBox(box) > READ_LIMIT) throw new HostError('ResponsePayloadSizeLimitExceeded', 'range too large to read');
    const out: V[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const line: V[] = [];
      for (let c = box.left; c <= box.right; c++) line.push(f(sheet.cell(r, c)));
      out.push(line);
    }
    return out;
  }
  protected readable(): Record<string, Getter> {
    const value = (c: Cell | undefined): unknown => {
      if (!c) return '';
      const v = c.formula !== null ? c.result : c.constant;
      if (v === null) return c.formula !== null ? 0 : '';
      return isError(v) ? v.error : v;
    };
    return {
      address: () => {
        const { sheet, box } = this.must();
        return `${sheetRef(sheet.name)}!${boxAddress(box)}`;
      },
      values: () => {
        this.ctx.host.evaluate();
        return this.grid(value);
      },
      text: () => {
        this.ctx.host.evaluate();
        return this.grid((c) => String(value(c)));
      },
      valueTypes: () => {
        this.ctx.host.evaluate();
        return this.grid((c) => {
          if (!c) return 'Empty';
          const v = c.formula !== null ? c.result : c.constant;
          if (v === null) return c.formula !== null ? 'Double' : 'Empty';
          if (isError(v)) return 'Error';
          return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
        });
      },
      formulas: () => this.grid((c) => (!c ? '' : c.formula ?? (c.constant === null ? '' : c.constant))),
      numberFormat: () => this.grid((c) => c?.numberFormat ?? 'General'),
      rowIndex: () => this.must().box.top - 1,
      columnIndex: () => this.must().box.left - 1,
      rowCount: () => this.must().box.bottom - this.must().box.top + 1,
      columnCount: () => this.must().box.right - this.must().box.left + 1,
      cellCount: () => cellsOfBox(this.must().box),
    };
  }
  get address(): string {
    return this.got('address');
  }
  get values(): Grid {
    return this.got('values');
  }
  set values(v: Grid) {
    this.writeGrid('values', v);
  }
  get formulas(): Grid {
    return this.got('formulas');
  }
  set formulas(v: Grid) {
    this.writeGrid('formulas', v);
  }
  get numberFormat(): Grid {
    return this.got('numberFormat');
  }
  set numberFormat(v: Grid) {
    this.writeGrid('numberFormat', v);
  }
  get valueTypes(): Grid {
    return this.got('valueTypes');
  }
  get text(): Grid {
    return this.got('text');
  }
  get rowIndex(): number {
    return this.got('rowIndex');
  }
  get columnIndex(): number {
    return this.got('columnIndex');
  }
  get rowCount(): number {
    return this.got('rowCount');
  }
  get columnCount(): number {
    return this.got('columnCount');
  }

  /** Throws AccessDenied when the write touches a locked cell of a protected sheet. */
  checkWritable(kind: 'content' | 'format' | 'structure'): RangeTarget {
    const t = this.must();
    const p = t.sheet.protection;
    if (!p.protected) return t;
    if (kind === 'format' && p.options.allowFormatCells) return t;
    if (kind === 'content') {
      let locked = false;
      forEachCell(t.box, (r, c) => {
        if (!locked && (t.sheet.cell(r, c)?.locked ?? true)) locked = true;
      });
      if (!locked) return t;
    }
    throw new HostError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${t.sheet.name}).`);
  }

  private writeGrid(prop: 'values' | 'formulas' | 'numberFormat', v: unknown): void {
    this.put(prop, v, () => {
      const t = this.checkWritable(prop === 'numberFormat' ? 'format' : 'content');
      const rows = t.box.bottom - t.box.top + 1;
      const cols = t.box.right - t.box.left + 1;
      const at = (i: number, j: number): unknown => (Array.isArray(v) ? (v[i] as unknown[])[j] : v);
      if (Array.isArray(v)) {
        if (v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols)) {
          throw new HostError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`);
        }
      }
      forEachCell(t.box, (r, c, i, j) => {
        const x = at(i, j);
        const cell = t.sheet.touch(r, c);
        if (prop === 'numberFormat') {
          if (typeof x !== 'string') throw new HostError('InvalidArgument', 'number format must be text');
          cell.numberFormat = x;
          return;
        }
        if (prop === 'values' && typeof x === 'string' && x.startsWith('=') && x.length > 1) {
          cell.formula = x;
          cell.constant = null;
          return;
        }
        const k = coerce(x, cell.numberFormat, prop === 'formulas');
        cell.constant = k.constant;
        cell.formula = k.formula;
        cell.result = null;
      });
      if (prop === 'numberFormat') this.ctx.host.changed();
      else this.ctx.host.changed(t.sheet, t.box);
    });
  }

  merge(across = false): void {
    this.call('merge', [across], () => {
      const t = this.checkWritable('structure');
      const boxes: Box[] = [];
      if (across) for (let r = t.box.top; r <= t.box.bottom; r++) boxes.push({ ...t.box, top: r, bottom: r });
      else boxes.push(t.box);
      for (const b of boxes) {
        if (t.sheet.merges.some((m) => intersects(m, b))) throw new HostError('InvalidOperation', 'Cannot merge cells that overlap a merged area.');
        forEachCell(b, (r, c) => {
          if (r === b.top && c === b.left) return;
          const cell = t.sheet.cell(r, c);
          if (cell) {
            cell.constant = null;
            cell.formula = null;
          }
        });
        if (cellsOfBox(b) > 1) t.sheet.merges.push(b);
      }
    });
  }
  unmerge(): void {
    this.call('unmerge', [], () => {
      const t = this.checkWritable('structure');
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.box));
    });
  }
  select(): void {
    this.call('select', [], () => {
      const t = this.must();
      const book = this.ctx.host.book;
      if (book.activeSheetId !== t.sheet.id) throw new HostError('InvalidOperation', 'select: the sheet is not active');
      book.selection = { sheetId: t.sheet.id, box: t.box };
    });
  }
  insert(shift: string): RangeProxy {
    this.call('insert', [shift], () => {
      const t = this.checkWritable('structure');
      if (shift !== 'Down' || t.box.left !== 1 || t.box.right !== MAX_COLS) throw new HostError('InvalidArgument', 'the host inserts whole rows only (shift Down)');
      t.sheet.insertRows(t.box.top, t.box.bottom - t.box.top + 1);
      this.ctx.host.changed(t.sheet, t.box, 'RowInserted');
    });
    return this;
  }
  delete(shift: string): void {
    this.call('delete', [shift], () => {
      const t = this.checkWritable('structure');
      if (shift !== 'Up' || t.box.left !== 1 || t.box.right !== MAX_COLS) throw new HostError('InvalidArgument', 'the host deletes whole rows only (shift Up)');
      t.sheet.deleteRows(t.box.top, t.box.bottom - t.box.top + 1);
      this.ctx.host.changed(t.sheet, t.box, 'RowDeleted');
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.cell[${row},${column}]`, () => {
      const t = this.must();
      const r = t.box.top + row;
      const c = t.box.left + column;
      return { sheet: t.sheet, box: { top: r, left: c, bottom: r, right: c } };
    });
  }
  eachCellRead(f: (cell: Cell | undefined) => void): void {
    const t = this.must();
    forEachCell(t.box, (r, c) => f(t.sheet.cell(r, c)));
  }
  eachCell(f: (cell: Cell) => void): void {
    const t = this.must();
    forEachCell(t.box, (r, c) => f(t.sheet.touch(r, c)));
  }
}

type FormatKey = keyof CellFormat;

class RangeFormatProxy extends ProxyBase<RangeTarget> {
  readonly fill: FillProxy;
  readonly font: FontProxy;
  readonly borders: BordersProxy;
  readonly protection: FormatProtectionProxy;
  constructor(
    ctx: MemContext,
    path: string,
    readonly range: RangeProxy,
  ) {
    super(ctx, path);
    this.fill = new FillProxy(ctx, `${path}.fill`, range);
    this.font = new FontProxy(ctx, `${path}.font`, range);
    this.borders = new BordersProxy(ctx, `${path}.borders`, range);
    this.protection = new FormatProtectionProxy(ctx, `${path}.protection`, range);
  }
  protected find(): RangeTarget {
    return this.range.resolveRange();
  }
  protected override navigation(name: string): ProxyBase<unknown> | undefined {
    return ({ fill: this.fill, font: this.font, protection: this.protection } as Record<string, ProxyBase<unknown>>)[name];
  }
  protected readable(): Record<string, Getter> {
    const t = (): RangeTarget => this.range.resolveRange();
    const attr = (k: FormatKey) => (): unknown => {
      const vals: unknown[] = [];
      this.range.eachCellRead((c) => vals.push(c ? c.format[k] : defaultFormat()[k]));
      return uniform(vals);
    };
    return {
      wrapText: attr('wrap'),
      horizontalAlignment: attr('horizontal'),
      verticalAlignment: attr('vertical'),
      columnWidth: () => uniform(range(t().box.left, t().box.right).map((c) => t().sheet.columnWidths.get(c) ?? 48)),
      rowHeight: () => uniform(range(t().box.top, t().box.bottom).map((r) => t().sheet.rowHeights.get(r) ?? 15)),
    };
  }
  set wrapText(v: boolean) {
    this.setAttr('wrap', v);
  }
  set horizontalAlignment(v: string) {
    this.setAttr('horizontal', v);
  }
  set verticalAlignment(v: string) {
    this.setAttr('vertical', v);
  }
  get wrapText(): boolean {
    return this.got('wrapText');
  }
  get horizontalAlignment(): string {
    return this.got('horizontalAlignment');
  }
  get columnWidth(): number {
    return this.got('columnWidth');
  }
  set columnWidth(v: number) {
    this.put('columnWidth', v, () => {
      const t = this.range.checkWritable('format');
      if (!(v >= 0)) throw new HostError('InvalidArgument', 'column width');
      for (let c = t.box.left; c <= t.box.right; c++) t.sheet.columnWidths.set(c, v);
    });
  }
  get rowHeight(): number {
    return this.got('rowHeight');
  }
  set rowHeight(v: number) {
    this.put('rowHeight', v, () => {
      const t = this.range.checkWritable('format');
      if (!(v >= 0 && v <= 409)) throw new HostError('InvalidArgument', 'row height');
      for (let r = t.box.top; r <= t.box.bottom; r++) t.sheet.rowHeights.set(r, v);
    });
  }
  setAttr<K extends FormatKey>(k: K, v: CellFormat[K]): void {
    this.put(String(k), v, () => {
      this.range.checkWritable('format');
      this.range.eachCell((c) => {
        c.format[k] = v;
      });
    });
  }
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b && out.length < 20000; i++) out.push(i);
  return out;
}


class FillProxy extends ProxyBase<RangeTarget> {
  constructor(
    ctx: MemContext,
    path: string,
    private readonly range: RangeProxy,
  ) {
    super(ctx, path);
  }
  protected find(): RangeTarget {
    return this.range.resolveRange();
  }
  protected readable(): Record<string, Getter> {
    return {
      color: () => {
        const vals: unknown[] = [];
        this.range.eachCellRead((c) => vals.push(c?.format.fill ?? '#FFFFFF'));
        return uniform(vals);
      },
    };
  }
  get color(): string {
    return this.got('color');
  }
  set color(v: string) {
    this.put('color', v, () => {
      this.range.checkWritable('format');
      if (!/^#[0-9A-Fa-f]{6}$/.test(v)) throw new HostError('InvalidArgument', `colour: ${v}`);
      this.range.eachCell((c) => {
        c.format.fill = v.toUpperCase();
      });
    });
  }
  clear(): void {
    this.call('clear', [], () => {
      this.range.checkWritable('format');
      this.range.eachCell((c) => {
        c.format.fill = null;
      });
    });
  }
}

class FontProxy extends ProxyBase<RangeTarget> {
  constructor(
    ctx: MemContext,
    path: string,
    private readonly range: RangeProxy,
  ) {
    super(ctx, path);
  }
  protected find(): RangeTarget {
    return this.range.resolveRange();
  }
  private read(k: FormatKey): Getter {
    return () => {
      const vals: unknown[] = [];
      this.range.eachCellRead((c) => vals.push(c ? c.format[k] : defaultFormat()[k]));
      return uniform(vals);
    };
  }
  protected readable(): Record<string, Getter> {
    return { bold: this.read('bold'), italic: this.read('italic'), size: this.read('fontSize'), color: this.read('fontColor') };
  }
  private write<K extends FormatKey>(prop: string, k: K, v: CellFormat[K]): void {
    this.put(prop, v, () => {
      this.range.checkWritable('format');
      if (k === 'fontColor' && !/^#[0-9A-Fa-f]{6}$/.test(String(v))) throw new HostError('InvalidArgument', `colour: ${String(v)}`);
      this.range.eachCell((c) => {
        c.format[k] = (k === 'fontColor' ? String(v).toUpperCase() : v) as CellFormat[K];
      });
    });
  }
  get bold(): boolean {
    return this.got('bold');
  }
  set bold(v: boolean) {
    this.write('bold', 'bold', v);
  }
  get italic(): boolean {
    return this.got('italic');
  }
  set italic(v: boolean) {
    this.write('italic', 'italic', v);
  }
  get size(): number {
    return this.got('size');
  }
  set size(v: number) {
    this.write('size', 'fontSize', v);
  }
  get color(): string {
    return this.got('color');
  }
  set color(v: string) {
    this.write('color', 'fontColor', v);
  }
}

const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

class BordersProxy extends ProxyBase<RangeTarget> {
  constructor(
    ctx: MemContext,
    path: string,
    private readonly range: RangeProxy,
  ) {
    super(ctx, path);
  }
  protected find(): RangeTarget {
    return this.range.resolveRange();
  }
  protected readable(): Record<string, Getter> {
    return {};
  }
  getItem(index: string): BorderProxy {
    return new BorderProxy(this.ctx, `${this.path}[${index}]`, this.range, index);
  }
}

class BorderProxy extends ProxyBase<RangeTarget> {
  constructor(
    ctx: MemContext,
    path: string,
    private readonly range: RangeProxy,
    private readonly index: string,
  ) {
    super(ctx, path);
  }
  protected find(): RangeTarget {
    if (!(BORDER_INDEXES as readonly string[]).includes(this.index)) throw new HostError('InvalidArgument', `border index ${this.index}`);
    return this.range.resolveRange();
  }
  private edges(t: RangeTarget): { cell: Cell | undefined; side: keyof Cell['format']['borders']; r: number; c: number }[] {
    const out: { cell: Cell | undefined; side: keyof Cell['format']['borders']; r: number; c: number }[] = [];
    const b = t.box;
    forEachCell(b, (r, c) => {
      const add = (side: keyof Cell['format']['borders']): void => void out.push({ cell: t.sheet.cell(r, c), side, r, c });
      if (this.index === 'EdgeTop' && r === b.top) add('top');
      if (this.index === 'EdgeBottom' && r === b.bottom) add('bottom');
      if (this.index === 'EdgeLeft' && c === b.left) add('left');
      if (this.index === 'EdgeRight' && c === b.right) add('right');
      if (this.index === 'InsideHorizontal') {
        if (r < b.bottom) add('bottom');
        if (r > b.top) add('top');
      }
      if (this.index === 'InsideVertical') {
        if (c < b.right) add('right');
        if (c > b.left) add('left');
      }
    });
    return out;
  }
  protected readable(): Record<string, Getter> {
    return { style: () => uniform(this.edges(this.must()).map((e) => e.cell?.format.borders[e.side] ?? 'None')) };
  }
  get style(): string {
    return this.got('style');
  }
  set style(v: string) {
    this.put('style', v, () => {
      const t = this.range.checkWritable('format');
      for (const e of this.edges(this.must())) t.sheet.touch(e.r, e.c).format.borders[e.side] = v;
    });
  }
}

class FormatProtectionProxy extends ProxyBase<RangeTarget> {
  constructor(
    ctx: MemContext,
    path: string,
    private readonly range: RangeProxy,
  ) {
    super(ctx, path);
  }
  protected find(): RangeTarget {
    return this.range.resolveRange();
  }
  protected readable(): Record<string, Getter> {
    return {
      locked: () => {
        const vals: unknown[] = [];
        this.range.eachCellRead((c) => vals.push(c ? c.locked : true));
        return uniform(vals);
      },
    };
  }
  get locked(): boolean {
    return this.got('locked');
  }
  set locked(v: boolean) {
    this.put('locked', v, () => {
      this.range.checkWritable('structure');
      this.range.eachCell((c) => {
        c.locked = v;
      });
    });
  }
}

// --- Data validation and conditional formats --------------------------------------------------

const PROMPT_TITLE_MAX = 32;
const PROMPT_MESSAGE_MAX = 255;

class DataValidationProxy extends ProxyBase<RangeTarget> {
  constructor(
    ctx: MemContext,
    path: string,
    private readonly range: RangeProxy,
  ) {
    super(ctx, path);
  }
  protected find(): RangeTarget {
    this.ctx.host.requireApi('1.8', 'Range.dataValidation');
    return this.range.resolveRange();
  }
  private defs(): SheetState['validations'] {
    const t = this.must();
    return t.sheet.validations.filter((v) => contains(t.box, v.box) || intersects(t.box, v.box));
  }
  protected readable(): Record<string, Getter> {
    const one = (): SheetState['validations'][number] | undefined => {
      const d = this.defs();
      return d.length === 1 ? d[0] : undefined;
    };
    return { rule: () => one()?.rule ?? null, prompt: () => one()?.prompt ?? null, errorAlert: () => one()?.errorAlert ?? null, type: () => (one() ? 'WholeNumber' : 'None') };
  }
  private upsert(field: 'rule' | 'prompt' | 'errorAlert', v: unknown): void {
    this.put(field, v, () => {
      const t = this.must();
      this.range.checkWritable('structure');
      if (field === 'prompt' || field === 'errorAlert') {
        const p = v as { title?: string; message?: string };
        if ((p.title ?? '').length > PROMPT_TITLE_MAX || (p.message ?? '').length > PROMPT_MESSAGE_MAX) {
          throw new HostError('InvalidArgument', 'data validation title ≤ 32 and message ≤ 255 characters');
        }
      }
      let def = t.sheet.validations.find((d) => JSON.stringify(d.box) === JSON.stringify(t.box));
      if (!def) {
        if (t.sheet.validations.some((d) => intersects(d.box, t.box))) throw new HostError('InvalidOperation', 'overlapping data validation');
        def = { box: t.box, rule: null, prompt: null, errorAlert: null };
        t.sheet.validations.push(def);
      }
      def[field] = v;
    });
  }
  get rule(): unknown {
    return this.got('rule');
  }
  set rule(v: unknown) {
    this.upsert('rule', v);
  }
  get prompt(): unknown {
    return this.got('prompt');
  }
  set prompt(v: unknown) {
    this.upsert('prompt', v);
  }
  get errorAlert(): unknown {
    return this.got('errorAlert');
  }
  set errorAlert(v: unknown) {
    this.upsert('errorAlert', v);
  }
  clear(): void {
    this.call('clear', [], () => {
      const t = this.must();
      t.sheet.validations = t.sheet.validations.filter((d) => !intersects(d.box, t.box));
    });
  }
}

interface CfTarget {
  sheet: SheetState;
  def: ConditionalFormatDef;
}

class ConditionalFormatCollectionProxy extends CollectionProxy<CfTarget, ConditionalFormatProxy> {
  constructor(
    ctx: MemContext,
    path: string,
    private readonly range: RangeProxy,
  ) {
    super(ctx, path);
  }
  protected find(): CfTarget[] | null {
    this.ctx.host.requireApi('1.6', 'Range.conditionalFormats');
    const t = this.range.target();
    if (!t) return null;
    return t.sheet.conditionalFormats.filter((d) => intersects(d.box, t.box)).map((def) => ({ sheet: t.sheet, def }));
  }
  protected makeItem(x: CfTarget): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.ctx, `cf[${x.def.id}]`, () => x);
  }
  add(type: string): ConditionalFormatProxy {
    let made: CfTarget | undefined;
    this.call('add', [type], () => {
      this.ctx.host.requireApi('1.6', 'ConditionalFormatCollection.add');
      if (type !== 'Custom') throw new HostError('InvalidArgument', `the host supports Custom conditional formats only (${type})`);
      const t = this.range.checkWritable('format');
      const def: ConditionalFormatDef = { id: this.ctx.host.nextConditionalFormatId(), type, box: t.box, formula: '', fill: null, fontColor: null, bold: null };
      t.sheet.conditionalFormats.push(def);
      made = { sheet: t.sheet, def };
    });
    return new ConditionalFormatProxy(this.ctx, `${this.path}.add`, () => made ?? null);
  }
  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.ctx, `${this.path}[${id}]`, () => this.byId(id) ?? notFound(id));
  }
  getItemOrNullObject(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(
      this.ctx,
      `${this.path}?[${id}]`,
      () => {
        this.ctx.host.requireApi('1.14', 'ConditionalFormatCollection.getItemOrNullObject');
        return this.byId(id);
      },
      true,
    );
  }
  private byId(id: string): CfTarget | null {
    const t = this.range.resolveRange();
    const def = t.sheet.conditionalFormats.find((d) => d.id === id);
    return def ? { sheet: t.sheet, def } : null;
  }
}

class ConditionalFormatProxy extends ProxyBase<CfTarget> {
  /** Like Excel: reading `custom` of a format of another type (data bar, colour scale…) fails. */
  readonly custom: CustomCfProxy;
  /** Null object when the format is not of type Custom (ExcelApi 1.6). */
  readonly customOrNullObject: CustomCfProxy;
  constructor(
    ctx: MemContext,
    path: string,
    private readonly resolve: () => CfTarget | null,
    orNull = false,
  ) {
    super(ctx, path, orNull);
    this.custom = new CustomCfProxy(ctx, `${path}.custom`, () => this.must(), false);
    this.customOrNullObject = new CustomCfProxy(ctx, `${path}.customOrNullObject`, () => this.must(), true);
  }
  protected find(): CfTarget | null {
    return this.resolve();
  }
  protected readable(): Record<string, Getter> {
    return { id: () => this.must().def.id, type: () => this.must().def.type, priority: () => this.must().sheet.conditionalFormats.indexOf(this.must().def) };
  }
  protected override navigation(name: string): ProxyBase<unknown> | undefined {
    if (name === 'custom') return this.custom;
    return name === 'customOrNullObject' ? this.customOrNullObject : undefined;
  }
  get id(): string {
    return this.got('id');
  }
  get type(): string {
    return this.got('type');
  }
  delete(): void {
    this.call('delete', [], () => {
      const t = this.must();
      if (t.sheet.protection.protected && !t.sheet.protection.options.allowFormatCells) throw new HostError('AccessDenied', 'protected sheet');
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((d) => d !== t.def);
    });
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.range`, () => ({ sheet: this.must().sheet, box: this.must().def.box }));
  }
}

class CustomCfProxy extends ProxyBase<CfTarget> {
  readonly rule: { formula: string };
  readonly format: { fill: { color: string }; font: { color: string; bold: boolean } };
  constructor(
    ctx: MemContext,
    path: string,
    private readonly cf: () => CfTarget,
    private readonly nullable: boolean,
  ) {
    super(ctx, path);
    const self = this;
    const setter = (prop: string, apply: (d: ConditionalFormatDef, v: never) => void) => (v: never) =>
      self.ctx.enqueue({ op: 'set', path: `${path}.${prop}`, value: v }, () => apply(self.cf().def, v));
    const setFormula = setter('rule.formula', (d, v: string) => {
      if (typeof v !== 'string' || !v.startsWith('=')) throw new HostError('InvalidArgument', 'rule formula');
      d.formula = v;
    });
    const setFill = setter('format.fill.color', (d, v: string) => void (d.fill = String(v).toUpperCase()));
    const setFont = setter('format.font.color', (d, v: string) => void (d.fontColor = String(v).toUpperCase()));
    const setBold = setter('format.font.bold', (d, v: boolean) => void (d.bold = v));
    this.rule = {
      get formula(): string {
        return self.got<{ formula: string }>('rule').formula;
      },
      set formula(v: string) {
        setFormula(v as never);
      },
    };
    this.format = {
      fill: {
        get color(): string {
          throw notLoaded('color');
        },
        set color(v: string) {
          setFill(v as never);
        },
      },
      font: {
        get color(): string {
          throw notLoaded('color');
        },
        set color(v: string) {
          setFont(v as never);
        },
        get bold(): boolean {
          throw notLoaded('bold');
        },
        set bold(v: boolean) {
          setBold(v as never);
        },
      },
    };
  }
  protected find(): CfTarget | null {
    const t = this.cf();
    if (t.def.type === 'Custom') return t;
    if (this.nullable) return null;
    throw new HostError('InvalidOperation', `This conditional format is of type ${t.def.type}, not Custom: ${this.path}`);
  }
  override target(allowNull = false): CfTarget | null {
    return super.target(allowNull || this.nullable);
  }
  protected readable(): Record<string, Getter> {
    return { rule: () => ({ formula: this.must().def.formula }) };
  }
  override loadNow(paths: string[]): void {
    super.loadNow(paths.map((p) => (p.startsWith('rule') ? 'rule' : p)));
  }
}

export type { Box, Cell, CellFormat, Computed };
