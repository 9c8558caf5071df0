/**
 * The in-memory Excel behind the protocol of Microsoft's Excel client library: it executes the
 * request messages (`Actions` and `ObjectPaths`) that `context.sync()` of the real library builds,
 * against the workbook state of `MemHost` (sheets, cells, names, formats, rules, protection,
 * formulas evaluated by the host's evaluator), and answers as Excel does: `Results` per action, or
 * `Error { Code, Message, ActionIndex }` at the first failing action (what ran before it stays
 * done, as in Excel). Proxies, `load`, `PropertyNotLoaded`, object-path lifetimes and argument
 * checks are the library's own code; this file is only the server half.
 *
 * Wire conventions (read from the library's code, see docs/architecture.md "How the layers are proven"):
 * - ObjectPathType 1 global (the workbook), 3 method, 4 property, 5 indexer, 6 reference id,
 *   7 null object; ActionType 1 instantiate, 2 query, 3 method, 4 set property, 5 trace, 9 update.
 * - Member names are PascalCase on the wire (`GetRange`, `Values`); query selections are the
 *   JavaScript names (`values`, `items/name` arrives as `name` on the collection).
 * - An instantiated worksheet or conditional format answers `{ Id }` (the library then addresses it
 *   by id, and `onChanged` learns its target id); an object that got `_KeepReference` answers
 *   `{ _ReferenceId }` (ranges then live across syncs until the library's cleanup request
 *   `_RemoveReference` at the end of `Excel.run`); a null object answers `null`.
 * - Requirement sets: the library marks each API with the ExcelApi version it needs and checks
 *   methods and navigation properties itself through `Office.context.requirements.isSetSupported`
 *   (answered per the chosen Excel version). What reaches the wire unchecked — property writes and
 *   loads — is checked here against the same marks, read from the library's source (`apiSets`),
 *   and answered `ApiNotFound`.
 * No Node-only API: it also runs in the browser (preview page).
 */
import { absoluteBox, boxAddress, contains, intersects, parseBox, sheetRef, splitSheet } from './address';
import { coerce, isError, type MemChangedEvent, type MemHost, type Registration } from './host';
import { HostError, MAX_COLS, MAX_ROWS, checkSheetName, defaultFormat, type Box, type Cell, type CellFormat, type ConditionalFormatDef, type SheetState } from './state';

// ---------------------------------------------------------------------------------------------
// The message

export interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: number[];
}

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

export interface QueryInfo {
  Select?: string[];
  Expand?: string[];
  Top?: number;
  Skip?: number;
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: QueryInfo;
  ObjectState?: Record<string, unknown>;
}

export interface RequestBody {
  AutoKeepReference?: boolean;
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface ResponseMessage {
  HttpStatusCode: number;
  ErrorCode?: string;
  ErrorMessage?: string;
  Headers: Record<string, string>;
  Body: { Results?: { ActionId: number; Value: unknown }[]; Error?: { Code: string; Message: string; ActionIndex: number; Location: string } } | null;
}

export interface ProtocolStats {
  /** Requests of the add-in (`context.sync()` round trips with actions). */
  syncs: number;
  /** UTF-8 bytes of each of those requests (`JSON.stringify(Body)`, what the library sends). */
  requestBytes: number[];
  /** Requests the library sends on its own after `Excel.run` to release kept references. */
  cleanupRequests: number;
}

/** `ExcelApi` versions by class and member (`Range.dataValidation` → `1.8`), from the library. */
export type ApiSets = Map<string, string>;

/**
 * The requirement marks of the Excel part of the client library's source:
 * `_throwIfApiNotSupported("Class.member", _defaultApiSetName, "1.8", …)`.
 */
export function apiSetsFromLibrary(source: string): ApiSets {
  const begin = source.indexOf('_BeginExcel');
  const end = source.indexOf('_EndExcel', begin + 1);
  const text = begin >= 0 && end > begin ? source.slice(begin, end) : source;
  const out: ApiSets = new Map();
  const re = /_throwIfApiNotSupported\("([A-Za-z]+)\.([A-Za-z0-9_]+)", _defaultApiSetName, "(\d+\.\d+)"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const key = `${m[1]}.${m[2]}`;
    const had = out.get(key);
    if (!had || newer(had, m[3])) out.set(key, m[3]);
  }
  return out;
}

function versionParts(v: string): [number, number] {
  const [a, b] = v.split('.').map(Number);
  return [a, b ?? 0];
}

/** True when `b` is older than `a` (so `a` stays the stricter mark). */
function newer(a: string, b: string): boolean {
  const [x, y] = versionParts(a);
  const [p, q] = versionParts(b);
  return p < x || (p === x && q < y);
}

const encoder = new TextEncoder();
const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const camel = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

// ---------------------------------------------------------------------------------------------
// Classes of the object model (the part the add-in and ordinary snippets use)

type Exec = ProtocolHost;

interface Prop {
  get?: (t: never, x: Exec) => unknown;
  set?: (t: never, v: never, x: Exec) => void;
}

interface ClassSpec {
  name: string;
  props?: Record<string, Prop>;
  nav?: Record<string, (t: never, x: Exec) => Obj | null>;
  methods?: Record<string, (t: never, args: never[], x: Exec) => unknown>;
  /** A collection: its items. */
  items?: (t: never, x: Exec) => Obj[];
  indexer?: (t: never, key: never, x: Exec) => Obj;
  /** The key Excel reports for it (worksheets, conditional formats). */
  id?: (t: never) => string;
}

/** One resolved object of a request: its class and what it stands for. */
export class Obj {
  constructor(
    readonly cls: ClassSpec,
    readonly t: unknown,
  ) {}
}

const obj = (cls: ClassSpec, t: unknown): Obj => new Obj(cls, t);

function notFound(what: string): never {
  throw new HostError('ItemNotFound', `The requested resource doesn't exist: ${what}`);
}

function accessDenied(sheet: SheetState): never {
  throw new HostError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
}

interface RangeT {
  sheet: SheetState;
  box: Box;
}

function forEachCell(box: Box, f: (row: number, col: number, i: number, j: number) => void): void {
  for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) f(r, c, r - box.top, c - box.left);
}

function cellsOfBox(box: Box): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1);
}

function uniform<V>(values: V[]): V | null {
  if (values.length === 0) return null;
  const first = JSON.stringify(values[0]);
  return values.every((v) => JSON.stringify(v) === first) ? values[0] : null;
}

const READ_LIMIT = 5_000_000;
/** Excel on the web answers a request with at most 5 MB. */
const WEB_RESPONSE_LIMIT = 5 * 1024 * 1024;
const HEX = /^#[0-9A-Fa-f]{6}$/;

/** Throws AccessDenied when a write of this kind touches a locked cell of a protected sheet. */
function writable(t: RangeT, kind: 'content' | 'format' | 'structure'): RangeT {
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
  accessDenied(t.sheet);
}

function grid<V>(t: RangeT, f: (cell: Cell | undefined) => V): V[][] {
  if (cellsOfBox(t.box) > READ_LIMIT) throw new HostError('ResponsePayloadSizeLimitExceeded', 'The range is too large to read in one request.');
  const out: V[][] = [];
  for (let r = t.box.top; r <= t.box.bottom; r++) {
    const line: V[] = [];
    for (let c = t.box.left; c <= t.box.right; c++) line.push(f(t.sheet.cell(r, c)));
    out.push(line);
  }
  return out;
}

function cellValue(c: Cell | undefined): unknown {
  if (!c) return '';
  const v = c.formula !== null ? c.result : c.constant;
  if (v === null) return c.formula !== null ? 0 : '';
  return isError(v) ? v.error : v;
}

function cellValueType(c: Cell | undefined): string {
  if (!c) return 'Empty';
  const v = c.formula !== null ? c.result : c.constant;
  if (v === null) return c.formula !== null ? 'Double' : 'Empty';
  if (isError(v)) return 'Error';
  return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
}

function writeGrid(t: RangeT, prop: 'values' | 'formulas' | 'numberFormat', v: unknown, x: Exec): void {
  writable(t, prop === 'numberFormat' ? 'format' : 'content');
  const rows = t.box.bottom - t.box.top + 1;
  const cols = t.box.right - t.box.left + 1;
  if (Array.isArray(v)) {
    if (v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols)) {
      throw new HostError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`);
    }
  }
  const at = (i: number, j: number): unknown => (Array.isArray(v) ? (v[i] as unknown[])[j] : v);
  forEachCell(t.box, (r, c, i, j) => {
    const value = at(i, j);
    const cell = t.sheet.touch(r, c);
    if (prop === 'numberFormat') {
      if (typeof value !== 'string') throw new HostError('InvalidArgument', 'A number format must be text.');
      cell.numberFormat = value;
      return;
    }
    const k = coerce(value, cell.numberFormat, prop === 'formulas');
    cell.constant = k.constant;
    cell.formula = k.formula;
    cell.result = null;
  });
  if (prop === 'numberFormat') x.host.changed();
  else x.host.changed(t.sheet, t.box);
}

function eachCell(t: RangeT, f: (c: Cell) => void): void {
  forEachCell(t.box, (r, c) => f(t.sheet.touch(r, c)));
}

function formatAttr<K extends keyof CellFormat>(k: K, check?: (v: unknown) => void): Prop {
  return {
    get: (t: RangeT) => {
      const vals: unknown[] = [];
      forEachCell(t.box, (r, c) => vals.push((t.sheet.cell(r, c)?.format ?? defaultFormat())[k]));
      return uniform(vals);
    },
    set: (t: RangeT, v: CellFormat[K]) => {
      writable(t, 'format');
      check?.(v);
      const value = (k === 'fontColor' || k === 'fill' ? String(v).toUpperCase() : v) as CellFormat[K];
      eachCell(t, (c) => {
        c.format[k] = value;
      });
    },
  };
}

const colour = (v: unknown): void => {
  if (typeof v !== 'string' || !HEX.test(v)) throw new HostError('InvalidArgument', `Not a colour: ${String(v)}`);
};

const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];

function borderEdges(t: RangeT, index: string): { r: number; c: number; side: keyof CellFormat['borders'] }[] {
  const out: { r: number; c: number; side: keyof CellFormat['borders'] }[] = [];
  const b = t.box;
  forEachCell(b, (r, c) => {
    const add = (side: keyof CellFormat['borders']): void => void out.push({ r, c, side });
    if (index === 'EdgeTop' && r === b.top) add('top');
    if (index === 'EdgeBottom' && r === b.bottom) add('bottom');
    if (index === 'EdgeLeft' && c === b.left) add('left');
    if (index === 'EdgeRight' && c === b.right) add('right');
    if (index === 'InsideHorizontal') {
      if (r < b.bottom) add('bottom');
      if (r > b.top) add('top');
    }
    if (index === 'InsideVertical') {
      if (c < b.right) add('right');
      if (c > b.left) add('left');
    }
  });
  return out;
}

const NAME_RULE = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;
const PROMPT_TITLE_MAX = 32;
const PROMPT_MESSAGE_MAX = 255;

function sheetRange(sheet: SheetState, address: unknown): RangeT {
  if (address === undefined || address === null || address === '') return { sheet, box: { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS } };
  if (typeof address !== 'string') throw new HostError('InvalidArgument', 'The address must be text.');
  const pre = splitSheet(address).sheet;
  if (pre !== null && pre.toLowerCase() !== sheet.name.toLowerCase()) throw new HostError('InvalidArgument', `The address is on another sheet: ${address}`);
  try {
    return { sheet, box: parseBox(address) };
  } catch {
    throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${address}`);
  }
}

interface NameT {
  sheet: SheetState;
  def: SheetState['names'][number];
}

interface CfT {
  sheet: SheetState;
  def: ConditionalFormatDef;
}

const Workbook: ClassSpec = { name: 'Workbook' };
const Application: ClassSpec = { name: 'Application' };
const CultureInfo: ClassSpec = { name: 'CultureInfo' };
const NumberFormatInfo: ClassSpec = { name: 'NumberFormatInfo' };
const Runtime: ClassSpec = { name: 'Runtime' };
const WorksheetCollection: ClassSpec = { name: 'WorksheetCollection' };
const Worksheet: ClassSpec = { name: 'Worksheet' };
const WorksheetProtection: ClassSpec = { name: 'WorksheetProtection' };
const WorksheetFreezePanes: ClassSpec = { name: 'WorksheetFreezePanes' };
const PageLayout: ClassSpec = { name: 'PageLayout' };
const NamedItemCollection: ClassSpec = { name: 'NamedItemCollection' };
const NamedItem: ClassSpec = { name: 'NamedItem' };
const Range: ClassSpec = { name: 'Range' };
const RangeFormat: ClassSpec = { name: 'RangeFormat' };
const RangeFill: ClassSpec = { name: 'RangeFill' };
const RangeFont: ClassSpec = { name: 'RangeFont' };
const RangeBorderCollection: ClassSpec = { name: 'RangeBorderCollection' };
const RangeBorder: ClassSpec = { name: 'RangeBorder' };
const FormatProtection: ClassSpec = { name: 'FormatProtection' };
const DataValidation: ClassSpec = { name: 'DataValidation' };
const ConditionalFormatCollection: ClassSpec = { name: 'ConditionalFormatCollection' };
const ConditionalFormat: ClassSpec = { name: 'ConditionalFormat' };
const CustomConditionalFormat: ClassSpec = { name: 'CustomConditionalFormat' };
const ConditionalFormatRule: ClassSpec = { name: 'ConditionalFormatRule' };
const ConditionalRangeFormat: ClassSpec = { name: 'ConditionalRangeFormat' };
const ConditionalRangeFill: ClassSpec = { name: 'ConditionalRangeFill' };
const ConditionalRangeFont: ClassSpec = { name: 'ConditionalRangeFont' };

const sheetObj = (s: SheetState): Obj => obj(Worksheet, s);
const rangeObj = (t: RangeT): Obj => obj(Range, t);

Object.assign(Workbook, {
  nav: {
    Worksheets: () => obj(WorksheetCollection, null),
    Application: () => obj(Application, null),
    _Runtime: () => obj(Runtime, null),
  },
  methods: {
    GetSelectedRange: (_t: null, _a: never[], x: Exec) => {
      const sel = x.host.book.selection;
      const s = sel ? x.host.book.sheetById(sel.sheetId) : undefined;
      if (!sel || !s) notFound('selection');
      return rangeObj({ sheet: s, box: sel.box });
    },
    _RemoveReference: (_t: null, [id]: string[], x: Exec) => {
      x.references.delete(id);
    },
  },
});

Object.assign(Application, {
  props: { CalculationMode: { get: () => 'Automatic' } },
  nav: { CultureInfo: () => obj(CultureInfo, null) },
  methods: {
    SuspendApiCalculationUntilNextSync: (_t: null, _a: never[], x: Exec) => {
      x.host.stats.suspendCalculation++;
    },
    Calculate: (_t: null, _a: never[], x: Exec) => {
      x.host.book.dirty = true;
    },
  },
});

Object.assign(CultureInfo, {
  props: { Name: { get: (_t: null, x: Exec) => x.host.culture.name } },
  nav: { NumberFormat: () => obj(NumberFormatInfo, null) },
});

Object.assign(NumberFormatInfo, {
  props: {
    NumberDecimalSeparator: { get: (_t: null, x: Exec) => x.host.culture.decimal },
    NumberGroupSeparator: { get: (_t: null, x: Exec) => x.host.culture.thousands },
  },
});

Object.assign(Runtime, {
  props: {
    EnableEvents: {
      get: (_t: null, x: Exec) => x.host.enableEvents,
      set: (_t: null, v: boolean, x: Exec) => {
        x.host.enableEvents = Boolean(v);
      },
    },
  },
});

Object.assign(WorksheetCollection, {
  items: (_t: null, x: Exec) => x.host.book.sheets.map(sheetObj),
  indexer: (_t: null, key: string, x: Exec) => sheetObj(x.sheetByKey(key) ?? notFound(`worksheet ${key}`)),
  methods: {
    Add: (_t: null, [name]: (string | null)[], x: Exec) => {
      const book = x.host.book;
      let n = name ?? undefined;
      if (n === undefined) {
        let i = book.sheets.length + 1;
        while (book.sheetByName(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      const s = book.addSheet(checkSheetName(n));
      return sheetObj(s);
    },
    GetItemOrNullObject: (_t: null, [key]: string[], x: Exec) => {
      const s = x.sheetByKey(key);
      return s ? sheetObj(s) : null;
    },
    GetActiveWorksheet: (_t: null, _a: never[], x: Exec) => {
      const b = x.host.book;
      const s = (b.activeSheetId ? b.sheetById(b.activeSheetId) : undefined) ?? b.sheets[0];
      return s ? sheetObj(s) : notFound('active worksheet');
    },
    GetFirst: (_t: null, _a: never[], x: Exec) => sheetObj(x.host.book.sheets[0] ?? notFound('first worksheet')),
    GetLast: (_t: null, _a: never[], x: Exec) => sheetObj(x.host.book.sheets[x.host.book.sheets.length - 1] ?? notFound('last worksheet')),
    GetCount: (_t: null, _a: never[], x: Exec) => x.host.book.sheets.length,
    _RegisterDataChangedEvent: (_t: null, _a: never[], x: Exec) => x.register('book', null),
    _UnregisterDataChangedEvent: (_t: null, _a: never[], x: Exec) => x.unregister('book'),
  },
});

function nextSheet(s: SheetState, x: Exec): SheetState | null {
  const list = x.host.book.sheets;
  const i = list.indexOf(s);
  if (i < 0) notFound(`worksheet ${s.name}`);
  return list[i + 1] ?? null;
}

Object.assign(Worksheet, {
  id: (s: SheetState) => s.id,
  props: {
    Name: {
      get: (s: SheetState) => s.name,
      set: (s: SheetState, v: string, x: Exec) => x.host.book.renameSheet(s, v),
    },
    Id: { get: (s: SheetState) => s.id },
    Position: { get: (s: SheetState, x: Exec) => x.host.book.sheets.indexOf(s) },
    Visibility: { get: () => 'Visible' },
  },
  nav: {
    Protection: (s: SheetState) => obj(WorksheetProtection, s),
    Names: (s: SheetState) => obj(NamedItemCollection, s),
    FreezePanes: (s: SheetState) => obj(WorksheetFreezePanes, s),
    PageLayout: (s: SheetState) => obj(PageLayout, s),
  },
  methods: {
    GetRange: (s: SheetState, [address]: unknown[]) => rangeObj(sheetRange(s, address)),
    GetRangeByIndexes: (s: SheetState, args: number[]) => {
      const [startRow, startColumn, rowCount, columnCount] = args;
      if (!args.slice(0, 4).every((n) => Number.isInteger(n)) || startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1) {
        throw new HostError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      }
      const box = { top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount };
      if (box.bottom > MAX_ROWS || box.right > MAX_COLS) throw new HostError('InvalidArgument', 'The range is outside the sheet.');
      return rangeObj({ sheet: s, box });
    },
    GetUsedRange: (s: SheetState, [valuesOnly]: boolean[]) => rangeObj({ sheet: s, box: s.usedBox(Boolean(valuesOnly)) ?? { top: 1, left: 1, bottom: 1, right: 1 } }),
    GetUsedRangeOrNullObject: (s: SheetState, [valuesOnly]: boolean[]) => {
      const box = s.usedBox(Boolean(valuesOnly));
      return box ? rangeObj({ sheet: s, box }) : null;
    },
    GetNext: (s: SheetState, _a: never[], x: Exec) => sheetObj(nextSheet(s, x) ?? notFound('next worksheet')),
    GetNextOrNullObject: (s: SheetState, _a: never[], x: Exec) => {
      const n = nextSheet(s, x);
      return n ? sheetObj(n) : null;
    },
    Activate: (s: SheetState, _a: never[], x: Exec) => {
      x.host.book.activeSheetId = s.id;
    },
    Delete: (s: SheetState, _a: never[], x: Exec) => {
      const book = x.host.book;
      if (book.sheets.length === 1) throw new HostError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      book.sheets = book.sheets.filter((y) => y !== s);
      if (book.activeSheetId === s.id) book.activeSheetId = book.sheets[0]?.id ?? null;
      book.dirty = true;
    },
    _RegisterDataChangedEvent: (s: SheetState, _a: never[], x: Exec) => x.register(`sheet:${s.id}`, s),
    _UnregisterDataChangedEvent: (s: SheetState, _a: never[], x: Exec) => x.unregister(`sheet:${s.id}`),
  },
});

Object.assign(WorksheetProtection, {
  props: {
    Protected: { get: (s: SheetState) => s.protection.protected },
    Options: { get: (s: SheetState) => ({ ...s.protection.options }) },
  },
  methods: {
    Protect: (s: SheetState, [options, password]: [Record<string, boolean> | null, string | null], x: Exec) => {
      // The method is ExcelApi 1.2, its password argument 1.7 (Microsoft's reference); the library marks methods only.
      if (password !== null && password !== undefined) x.requireVersion('1.7', 'WorksheetProtection.protect with a password');
      const p = s.protection;
      if (p.protected) throw new HostError('InvalidOperation', 'The sheet is already protected.');
      p.protected = true;
      p.options = { ...(options ?? {}) };
      p.password = password ?? null;
    },
    Unprotect: (s: SheetState, [password]: (string | null)[], x: Exec) => {
      if (password !== null && password !== undefined) x.requireVersion('1.7', 'WorksheetProtection.unprotect with a password');
      const p = s.protection;
      if (p.protected && p.password !== null && p.password !== (password ?? undefined)) throw new HostError('InvalidOperation', 'Wrong password.');
      p.protected = false;
      p.password = null;
    },
  },
});

Object.assign(WorksheetFreezePanes, {
  methods: {
    FreezeRows: (s: SheetState, [count]: number[]) => {
      s.freezeRows = count ?? 1;
    },
  },
});

Object.assign(PageLayout, {
  props: {
    Orientation: { get: (s: SheetState) => s.pageLayout.orientation, set: (s: SheetState, v: string) => void (s.pageLayout.orientation = v) },
    PaperSize: { get: (s: SheetState) => s.pageLayout.paperSize, set: (s: SheetState, v: string) => void (s.pageLayout.paperSize = v) },
    Zoom: { get: (s: SheetState) => s.pageLayout.zoom, set: (s: SheetState, v: unknown) => void (s.pageLayout.zoom = v) },
  },
  methods: {
    SetPrintTitleRows: (s: SheetState, [rows]: string[]) => {
      s.pageLayout.printTitleRows = rows;
    },
    SetPrintArea: (s: SheetState, [area]: string[]) => {
      sheetRange(s, area);
      s.pageLayout.printArea = area;
    },
  },
});

const nameObj = (sheet: SheetState, def: NameT['def']): Obj => obj(NamedItem, { sheet, def });

function nameByKey(s: SheetState, key: string): NameT['def'] | undefined {
  return s.names.find((n) => n.name.toLowerCase() === String(key).toLowerCase());
}

Object.assign(NamedItemCollection, {
  items: (s: SheetState) => s.names.map((d) => nameObj(s, d)),
  indexer: (s: SheetState, key: string) => nameObj(s, nameByKey(s, key) ?? notFound(`name ${key}`)),
  methods: {
    Add: (s: SheetState, [name, reference, comment]: [string, Obj | string, string | null]) => {
      if (typeof name !== 'string' || !NAME_RULE.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name)) {
        throw new HostError('InvalidArgument', `The name is not valid: ${String(name)}`);
      }
      if (nameByKey(s, name)) throw new HostError('ItemAlreadyExists', `A name ${name} already exists.`);
      let box: Box;
      if (typeof reference === 'string') {
        const r = reference.startsWith('=') ? reference.slice(1) : reference;
        box = sheetRange(s, r).box;
      } else if (reference instanceof Obj && reference.cls === Range) {
        const t = reference.t as RangeT;
        if (t.sheet !== s) throw new HostError('InvalidArgument', 'A sheet-scoped name refers to another sheet.');
        box = t.box;
      } else throw new HostError('InvalidArgument', 'The reference of a name must be a range or a formula.');
      const def = { name, ref: box, comment: comment ?? '' };
      s.names.push(def);
      return nameObj(s, def);
    },
    GetItemOrNullObject: (s: SheetState, [key]: string[]) => {
      const d = nameByKey(s, key);
      return d ? nameObj(s, d) : null;
    },
    GetCount: (s: SheetState) => s.names.length,
  },
});

Object.assign(NamedItem, {
  props: {
    Name: { get: (t: NameT) => t.def.name },
    Type: { get: (t: NameT) => (t.def.ref ? 'Range' : 'Error') },
    Formula: { get: (t: NameT) => (t.def.ref ? `=${sheetRef(t.sheet.name)}!${absoluteBox(t.def.ref)}` : '=#REF!') },
    Value: { get: (t: NameT) => (t.def.ref ? `${sheetRef(t.sheet.name)}!${absoluteBox(t.def.ref)}` : '#REF!') },
    Comment: { get: (t: NameT) => t.def.comment },
    Visible: { get: () => true },
  },
  methods: {
    GetRange: (t: NameT) => {
      if (!t.def.ref) throw new HostError('InvalidOperation', `The name ${t.def.name} does not refer to a range.`);
      return rangeObj({ sheet: t.sheet, box: t.def.ref });
    },
    GetRangeOrNullObject: (t: NameT) => (t.def.ref ? rangeObj({ sheet: t.sheet, box: t.def.ref }) : null),
    Delete: (t: NameT) => {
      t.sheet.names.splice(t.sheet.names.indexOf(t.def), 1);
    },
  },
});

Object.assign(Range, {
  props: {
    Address: { get: (t: RangeT) => `${sheetRef(t.sheet.name)}!${boxAddress(t.box)}` },
    AddressLocal: { get: (t: RangeT) => `${sheetRef(t.sheet.name)}!${boxAddress(t.box)}` },
    Values: {
      get: (t: RangeT, x: Exec) => {
        x.host.evaluate();
        return grid(t, cellValue);
      },
      set: (t: RangeT, v: never, x: Exec) => writeGrid(t, 'values', v, x),
    },
    Text: {
      get: (t: RangeT, x: Exec) => {
        x.host.evaluate();
        return grid(t, (c) => String(cellValue(c)));
      },
    },
    ValueTypes: {
      get: (t: RangeT, x: Exec) => {
        x.host.evaluate();
        return grid(t, cellValueType);
      },
    },
    Formulas: {
      get: (t: RangeT) => grid(t, (c) => (!c ? '' : c.formula ?? (c.constant === null ? '' : c.constant))),
      set: (t: RangeT, v: never, x: Exec) => writeGrid(t, 'formulas', v, x),
    },
    NumberFormat: {
      get: (t: RangeT) => grid(t, (c) => c?.numberFormat ?? 'General'),
      set: (t: RangeT, v: never, x: Exec) => writeGrid(t, 'numberFormat', v, x),
    },
    RowIndex: { get: (t: RangeT) => t.box.top - 1 },
    ColumnIndex: { get: (t: RangeT) => t.box.left - 1 },
    RowCount: { get: (t: RangeT) => t.box.bottom - t.box.top + 1 },
    ColumnCount: { get: (t: RangeT) => t.box.right - t.box.left + 1 },
    CellCount: { get: (t: RangeT) => cellsOfBox(t.box) },
  },
  nav: {
    Format: (t: RangeT) => obj(RangeFormat, t),
    DataValidation: (t: RangeT) => obj(DataValidation, t),
    ConditionalFormats: (t: RangeT) => obj(ConditionalFormatCollection, t),
    Worksheet: (t: RangeT) => sheetObj(t.sheet),
  },
  methods: {
    _KeepReference: () => undefined,
    /** The library's own check before it splits a large array write into row blocks. */
    _ValidateArraySize: (t: RangeT, [rows, columns]: number[]) => {
      if (rows !== t.box.bottom - t.box.top + 1 || columns !== t.box.right - t.box.left + 1) {
        throw new HostError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`);
      }
    },
    GetRow: (t: RangeT, [i]: number[]) => {
      const r = t.box.top + i;
      if (!Number.isInteger(i) || i < 0 || r > t.box.bottom) throw new HostError('InvalidArgument', `No row ${i} in the range.`);
      return rangeObj({ sheet: t.sheet, box: { ...t.box, top: r, bottom: r } });
    },
    GetColumn: (t: RangeT, [j]: number[]) => {
      const c = t.box.left + j;
      if (!Number.isInteger(j) || j < 0 || c > t.box.right) throw new HostError('InvalidArgument', `No column ${j} in the range.`);
      return rangeObj({ sheet: t.sheet, box: { ...t.box, left: c, right: c } });
    },
    GetEntireRow: (t: RangeT) => rangeObj({ sheet: t.sheet, box: { ...t.box, left: 1, right: MAX_COLS } }),
    GetEntireColumn: (t: RangeT) => rangeObj({ sheet: t.sheet, box: { ...t.box, top: 1, bottom: MAX_ROWS } }),
    GetOffsetRange: (t: RangeT, [dr, dc]: number[]) => {
      const box = { top: t.box.top + dr, bottom: t.box.bottom + dr, left: t.box.left + dc, right: t.box.right + dc };
      if (box.top < 1 || box.left < 1 || box.bottom > MAX_ROWS || box.right > MAX_COLS) throw new HostError('InvalidArgument', 'The offset range is outside the sheet.');
      return rangeObj({ sheet: t.sheet, box });
    },
    GetBoundingRect: (t: RangeT, [other]: unknown[]) => {
      const o = other instanceof Obj && other.cls === Range ? (other.t as RangeT) : typeof other === 'string' ? sheetRange(t.sheet, other) : null;
      if (!o || o.sheet !== t.sheet) throw new HostError('InvalidArgument', 'The other range must be on the same sheet.');
      const b = t.box;
      const c = o.box;
      return rangeObj({ sheet: t.sheet, box: { top: Math.min(b.top, c.top), left: Math.min(b.left, c.left), bottom: Math.max(b.bottom, c.bottom), right: Math.max(b.right, c.right) } });
    },
    GetCell: (t: RangeT, [row, column]: number[]) => {
      const r = t.box.top + row;
      const c = t.box.left + column;
      return rangeObj({ sheet: t.sheet, box: { top: r, left: c, bottom: r, right: c } });
    },
    GetResizedRange: (t: RangeT, [dr, dc]: number[]) => {
      const box = { ...t.box, bottom: t.box.bottom + dr, right: t.box.right + dc };
      if (box.bottom < box.top || box.right < box.left) throw new HostError('InvalidArgument', 'The resized range is empty.');
      return rangeObj({ sheet: t.sheet, box });
    },
    Merge: (t: RangeT, [across]: boolean[]) => {
      writable(t, 'structure');
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
    },
    Unmerge: (t: RangeT) => {
      writable(t, 'structure');
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.box));
    },
    Select: (t: RangeT, _a: never[], x: Exec) => {
      const book = x.host.book;
      if (book.activeSheetId !== t.sheet.id) throw new HostError('InvalidOperation', 'A range can only be selected on the active sheet.');
      book.selection = { sheetId: t.sheet.id, box: t.box };
    },
    Clear: (t: RangeT, [what]: (string | null)[], x: Exec) => {
      writable(t, what === 'Formats' ? 'format' : 'content');
      forEachCell(t.box, (r, c) => {
        const cell = t.sheet.cell(r, c);
        if (!cell) return;
        if (what !== 'Formats') {
          cell.constant = null;
          cell.formula = null;
          cell.result = null;
        }
        if (what !== 'Contents') {
          cell.format = defaultFormat();
          cell.numberFormat = 'General';
        }
      });
      x.host.changed(t.sheet, t.box);
    },
    Insert: (t: RangeT, [shift]: string[], x: Exec) => {
      writable(t, 'structure');
      if (shift !== 'Down' || t.box.left !== 1 || t.box.right !== MAX_COLS) throw x.notImplemented('Range.insert of anything but whole rows');
      t.sheet.insertRows(t.box.top, t.box.bottom - t.box.top + 1);
      x.host.changed(t.sheet, t.box, 'RowInserted');
      return rangeObj(t);
    },
    Delete: (t: RangeT, [shift]: string[], x: Exec) => {
      writable(t, 'structure');
      if (shift !== 'Up' || t.box.left !== 1 || t.box.right !== MAX_COLS) throw x.notImplemented('Range.delete of anything but whole rows');
      t.sheet.deleteRows(t.box.top, t.box.bottom - t.box.top + 1);
      x.host.changed(t.sheet, t.box, 'RowDeleted');
    },
  },
});

function sizeProp(kind: 'col' | 'row'): Prop {
  return {
    get: (t: RangeT) => {
      const list: number[] = [];
      if (kind === 'col') for (let c = t.box.left; c <= t.box.right && list.length < 20000; c++) list.push(t.sheet.columnWidths.get(c) ?? 48);
      else for (let r = t.box.top; r <= t.box.bottom && list.length < 20000; r++) list.push(t.sheet.rowHeights.get(r) ?? 15);
      return uniform(list);
    },
    set: (t: RangeT, v: number) => {
      writable(t, 'format');
      if (kind === 'col') {
        if (!(v >= 0)) throw new HostError('InvalidArgument', `Not a column width: ${v}`);
        for (let c = t.box.left; c <= t.box.right; c++) t.sheet.columnWidths.set(c, v);
      } else {
        if (!(v >= 0 && v <= 409)) throw new HostError('InvalidArgument', `Not a row height: ${v}`);
        for (let r = t.box.top; r <= t.box.bottom; r++) t.sheet.rowHeights.set(r, v);
      }
    },
  };
}

Object.assign(RangeFormat, {
  props: {
    WrapText: formatAttr('wrap'),
    HorizontalAlignment: formatAttr('horizontal'),
    VerticalAlignment: formatAttr('vertical'),
    ColumnWidth: sizeProp('col'),
    RowHeight: sizeProp('row'),
  },
  nav: {
    Fill: (t: RangeT) => obj(RangeFill, t),
    Font: (t: RangeT) => obj(RangeFont, t),
    Borders: (t: RangeT) => obj(RangeBorderCollection, t),
    Protection: (t: RangeT) => obj(FormatProtection, t),
  },
});

Object.assign(RangeFill, {
  props: {
    Color: {
      get: (t: RangeT) => {
        const vals: string[] = [];
        forEachCell(t.box, (r, c) => vals.push(t.sheet.cell(r, c)?.format.fill ?? '#FFFFFF'));
        return uniform(vals);
      },
      set: formatAttr('fill', colour).set,
    },
  },
  methods: {
    Clear: (t: RangeT) => {
      writable(t, 'format');
      eachCell(t, (c) => {
        c.format.fill = null;
      });
    },
  },
});

Object.assign(RangeFont, {
  props: {
    Bold: formatAttr('bold'),
    Italic: formatAttr('italic'),
    Size: formatAttr('fontSize'),
    Color: formatAttr('fontColor', colour),
  },
});

Object.assign(RangeBorderCollection, {
  items: (t: RangeT) => BORDER_INDEXES.map((i) => obj(RangeBorder, { ...t, index: i })),
  indexer: (t: RangeT, index: string) => {
    if (!BORDER_INDEXES.includes(index)) throw new HostError('InvalidArgument', `Not a border index: ${index}`);
    return obj(RangeBorder, { ...t, index });
  },
});

Object.assign(RangeBorder, {
  props: {
    SideIndex: { get: (t: RangeT & { index: string }) => t.index },
    Style: {
      get: (t: RangeT & { index: string }) => uniform(borderEdges(t, t.index).map((e) => t.sheet.cell(e.r, e.c)?.format.borders[e.side] ?? 'None')),
      set: (t: RangeT & { index: string }, v: string) => {
        writable(t, 'format');
        for (const e of borderEdges(t, t.index)) t.sheet.touch(e.r, e.c).format.borders[e.side] = v;
      },
    },
  },
});

Object.assign(FormatProtection, {
  props: {
    Locked: {
      get: (t: RangeT) => {
        const vals: boolean[] = [];
        forEachCell(t.box, (r, c) => vals.push(t.sheet.cell(r, c)?.locked ?? true));
        return uniform(vals);
      },
      set: (t: RangeT, v: boolean) => {
        writable(t, 'structure');
        eachCell(t, (c) => {
          c.locked = Boolean(v);
        });
      },
    },
  },
});

function validations(t: RangeT): SheetState['validations'] {
  return t.sheet.validations.filter((v) => contains(t.box, v.box) || intersects(t.box, v.box));
}

function upsertValidation(field: 'rule' | 'prompt' | 'errorAlert'): Prop['set'] {
  return (t: RangeT, v: unknown) => {
    writable(t, 'structure');
    if (field === 'prompt' || field === 'errorAlert') {
      const p = v as { title?: string; message?: string };
      if ((p.title ?? '').length > PROMPT_TITLE_MAX || (p.message ?? '').length > PROMPT_MESSAGE_MAX) {
        throw new HostError('InvalidArgument', 'A data validation title has at most 32 characters, its message at most 255.');
      }
    }
    let def = t.sheet.validations.find((d) => JSON.stringify(d.box) === JSON.stringify(t.box));
    if (!def) {
      if (t.sheet.validations.some((d) => intersects(d.box, t.box))) throw new HostError('InvalidOperation', 'The range overlaps another data validation.');
      def = { box: t.box, rule: null, prompt: null, errorAlert: null };
      t.sheet.validations.push(def);
    }
    def[field] = v;
  };
}

const oneValidation = (t: RangeT): SheetState['validations'][number] | undefined => {
  const d = validations(t);
  return d.length === 1 ? d[0] : undefined;
};

Object.assign(DataValidation, {
  props: {
    Rule: { get: (t: RangeT) => oneValidation(t)?.rule ?? null, set: upsertValidation('rule') },
    Prompt: { get: (t: RangeT) => oneValidation(t)?.prompt ?? null, set: upsertValidation('prompt') },
    ErrorAlert: { get: (t: RangeT) => oneValidation(t)?.errorAlert ?? null, set: upsertValidation('errorAlert') },
    Type: { get: (t: RangeT) => (oneValidation(t) ? 'WholeNumber' : 'None') },
    Valid: { get: () => true },
  },
  methods: {
    Clear: (t: RangeT) => {
      writable(t, 'structure');
      t.sheet.validations = t.sheet.validations.filter((d) => !intersects(d.box, t.box));
    },
  },
});

const cfObj = (sheet: SheetState, def: ConditionalFormatDef): Obj => obj(ConditionalFormat, { sheet, def });

function cfById(t: RangeT, id: string): ConditionalFormatDef | undefined {
  return t.sheet.conditionalFormats.find((d) => d.id === id);
}

Object.assign(ConditionalFormatCollection, {
  items: (t: RangeT) => t.sheet.conditionalFormats.filter((d) => intersects(d.box, t.box)).map((d) => cfObj(t.sheet, d)),
  indexer: (t: RangeT, id: string) => cfObj(t.sheet, cfById(t, id) ?? notFound(`conditional format ${id}`)),
  methods: {
    Add: (t: RangeT, [type]: string[], x: Exec) => {
      if (type !== 'Custom') throw x.notImplemented(`ConditionalFormatCollection.add of type ${type}`);
      writable(t, 'format');
      const def: ConditionalFormatDef = { id: x.host.nextConditionalFormatId(), type, box: t.box, formula: '', fill: null, fontColor: null, bold: null };
      t.sheet.conditionalFormats.push(def);
      return cfObj(t.sheet, def);
    },
    GetItemOrNullObject: (t: RangeT, [id]: string[]) => {
      const d = cfById(t, id);
      return d ? cfObj(t.sheet, d) : null;
    },
    GetCount: (t: RangeT) => t.sheet.conditionalFormats.filter((d) => intersects(d.box, t.box)).length,
    ClearAll: (t: RangeT) => {
      writable(t, 'format');
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((d) => !intersects(d.box, t.box));
    },
  },
});

Object.assign(ConditionalFormat, {
  id: (t: CfT) => t.def.id,
  props: {
    Id: { get: (t: CfT) => t.def.id },
    Type: { get: (t: CfT) => t.def.type },
    Priority: { get: (t: CfT) => t.sheet.conditionalFormats.indexOf(t.def) },
    StopIfTrue: { get: () => false },
  },
  nav: {
    Custom: (t: CfT) => {
      if (t.def.type !== 'Custom') throw new HostError('InvalidOperation', `This conditional format is of type ${t.def.type}, not Custom.`);
      return obj(CustomConditionalFormat, t);
    },
    CustomOrNullObject: (t: CfT) => (t.def.type === 'Custom' ? obj(CustomConditionalFormat, t) : null),
  },
  methods: {
    Delete: (t: CfT) => {
      if (t.sheet.protection.protected && !t.sheet.protection.options.allowFormatCells) accessDenied(t.sheet);
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((d) => d !== t.def);
    },
    GetRange: (t: CfT) => rangeObj({ sheet: t.sheet, box: t.def.box }),
  },
});

Object.assign(CustomConditionalFormat, {
  nav: {
    Rule: (t: CfT) => obj(ConditionalFormatRule, t),
    Format: (t: CfT) => obj(ConditionalRangeFormat, t),
  },
});

Object.assign(ConditionalFormatRule, {
  props: {
    Formula: {
      get: (t: CfT) => t.def.formula,
      set: (t: CfT, v: string) => {
        if (typeof v !== 'string' || !v.startsWith('=')) throw new HostError('InvalidArgument', `Not a rule formula: ${String(v)}`);
        t.def.formula = v;
      },
    },
  },
});

Object.assign(ConditionalRangeFormat, {
  nav: {
    Fill: (t: CfT) => obj(ConditionalRangeFill, t),
    Font: (t: CfT) => obj(ConditionalRangeFont, t),
  },
});

Object.assign(ConditionalRangeFill, {
  props: {
    Color: {
      get: (t: CfT) => t.def.fill,
      set: (t: CfT, v: string) => {
        colour(v);
        t.def.fill = v.toUpperCase();
      },
    },
  },
});

Object.assign(ConditionalRangeFont, {
  props: {
    Color: {
      get: (t: CfT) => t.def.fontColor,
      set: (t: CfT, v: string) => {
        colour(v);
        t.def.fontColor = v.toUpperCase();
      },
    },
    Bold: { get: (t: CfT) => t.def.bold, set: (t: CfT, v: boolean) => void (t.def.bold = Boolean(v)) },
  },
});

// ---------------------------------------------------------------------------------------------
// The host

export interface ProtocolHostOptions {
  /** Which client library build talks to it. `web` refuses requests over `maxRequestBytes`. */
  client?: 'win32' | 'web';
  /** Requirement marks of the library (`apiSetsFromLibrary`); without them only the library checks. */
  apiSets?: ApiSets;
  /** Excel on the web refuses a request larger than this. Default 5 MB on `web`, none on `win32`. */
  maxRequestBytes?: number;
  /** Excel on the web refuses to answer with more than this. Default 5 MB on `web`, none on `win32`. */
  maxResponseBytes?: number;
}

/** Delivers an event message to the client library (event type, target id, the event's JSON). */
export type EventSink = (eventType: number, targetId: string, payload: Record<string, unknown>) => void;

/** Excel's event type of `onChanged` (worksheet and worksheet collection). */
const DATA_CHANGED_EVENT = 10;
const WORKBOOK_TARGET = 'Workbook';

export class ProtocolHost {
  readonly host: MemHost;
  readonly client: 'win32' | 'web';
  readonly stats: ProtocolStats = { syncs: 0, requestBytes: [], cleanupRequests: 0 };
  /** Kept references (`_KeepReference`) by reference id, until `_RemoveReference`. */
  readonly references = new Map<string, Obj>();
  /** Where change events go (set by the client connection). */
  eventSink: EventSink | null = null;
  private apiSets: ApiSets | undefined;
  private readonly maxRequestBytes: number;
  private readonly maxResponseBytes: number;
  private readonly registrations = new Map<string, Registration>();
  private refSeq = 0;
  // Per request
  private paths: Record<string, ObjectPathInfo> = {};
  private resolved = new Map<number, Obj | null>();
  private keptInRequest = new Map<number, string>();

  constructor(host: MemHost, options: ProtocolHostOptions = {}) {
    this.host = host;
    this.client = options.client ?? 'win32';
    this.apiSets = options.apiSets;
    this.maxRequestBytes = options.maxRequestBytes ?? (this.client === 'web' ? host.maxRequestBytes : Number.POSITIVE_INFINITY);
    this.maxResponseBytes = options.maxResponseBytes ?? (this.client === 'web' ? WEB_RESPONSE_LIMIT : Number.POSITIVE_INFINITY);
  }

  /** The library's requirement marks, when they arrive after the host was made (the preview fetches them). */
  useApiSets(sets: ApiSets): void {
    this.apiSets = sets;
  }

  /** `Office.context.requirements.isSetSupported`, answered for the host's Excel version. */
  readonly isSetSupported = (name: string, minVersion?: string): boolean => this.host.isSetSupported(name, minVersion);

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.requestBytes = [];
    this.stats.cleanupRequests = 0;
    this.host.resetStats();
  }

  sheetByKey(key: string): SheetState | undefined {
    const b = this.host.book;
    return b.sheetById(key) ?? b.sheetByName(key);
  }

  notImplemented(what: string): HostError {
    return new HostError('GeneralException', `${what} is not implemented by the in-memory Excel (src/devhost/protocol.ts).`);
  }

  /** Executes one request message of the client library. */
  execute(body: RequestBody): ResponseMessage {
    const text = JSON.stringify(body);
    const bytes = encoder.encode(text).length;
    const cleanup = body.Actions.length > 0 && body.Actions.every((a) => a.ActionType === 1 || (a.ActionType === 3 && a.Name === '_RemoveReference'));
    if (cleanup) this.stats.cleanupRequests++;
    else {
      this.stats.syncs++;
      this.stats.requestBytes.push(bytes);
      this.host.stats.syncs++;
      this.host.stats.requestBytes.push(bytes);
    }
    if (bytes > this.maxRequestBytes) {
      return {
        HttpStatusCode: 400,
        ErrorCode: 'RequestPayloadSizeLimitExceeded',
        ErrorMessage: `The request payload size (${bytes} bytes) has exceeded the limit (${this.maxRequestBytes} bytes).`,
        Headers: {},
        Body: null,
      };
    }
    this.paths = body.ObjectPaths ?? {};
    this.resolved = new Map();
    this.keptInRequest = new Map();
    const results: { ActionId: number; Value: unknown }[] = [];
    for (let i = 0; i < body.Actions.length; i++) {
      const a = body.Actions[i];
      try {
        const r = this.action(a);
        if (r !== NO_RESULT) results.push({ ActionId: a.Id, Value: r });
      } catch (e) {
        const err = e instanceof HostError ? e : new HostError('GeneralException', e instanceof Error ? e.message : String(e));
        return {
          HttpStatusCode: 200,
          Headers: {},
          Body: { Results: results, Error: { Code: err.code, Message: err.debugInfo.message, ActionIndex: i, Location: this.location(a) } },
        };
      }
    }
    if (Number.isFinite(this.maxResponseBytes)) {
      const answer = encoder.encode(JSON.stringify(results)).length;
      if (answer > this.maxResponseBytes) {
        return {
          HttpStatusCode: 200,
          Headers: {},
          Body: { Results: [], Error: { Code: 'ResponsePayloadSizeLimitExceeded', Message: `The response payload size (${answer} bytes) has exceeded the limit (${this.maxResponseBytes} bytes).`, ActionIndex: 0, Location: '' } },
        };
      }
    }
    return { HttpStatusCode: 200, Headers: {}, Body: { Results: results } };
  }

  private location(a: ActionInfo): string {
    const p = this.paths[String(a.ObjectPathId)];
    return p ? `${p.Name || 'workbook'}${a.Name ? `.${a.Name}` : ''}` : a.Name;
  }

  /** Refuses a member above the host's ExcelApi version, per the library's own marks. */
  private requireApi(cls: ClassSpec, member: string): void {
    if (!this.apiSets) return;
    const need = this.apiSets.get(`${cls.name}.${camel(member)}`);
    if (need) this.requireVersion(need, `${cls.name}.${camel(member)}`);
  }

  /** Refuses what needs a newer ExcelApi than this Excel has (for requirements the library does not mark). */
  requireVersion(version: string, what: string): void {
    if (!this.host.isSetSupported('ExcelApi', version)) throw new HostError('ApiNotFound', `${what} needs ExcelApi ${version}; this Excel has ExcelApi ${this.host.versionText}.`);
  }

  private args(info: ArgumentInfo | undefined): unknown[] {
    const list = [...(info?.Arguments ?? [])];
    const refs = info?.ReferencedObjectPathIds;
    if (refs) refs.forEach((id, i) => {
      if (id) list[i] = this.resolve(id);
    });
    return list;
  }

  private resolve(id: number): Obj | null {
    if (this.resolved.has(id)) return this.resolved.get(id) as Obj | null;
    const p = this.paths[String(id)];
    if (!p) throw new HostError('InvalidObjectPath', `The object path ${id} is not in the request.`);
    let out: Obj | null;
    switch (p.ObjectPathType) {
      case 1:
        out = obj(Workbook, null);
        break;
      case 4: {
        const parent = this.resolve(p.ParentObjectPathId ?? 0);
        if (!parent) {
          out = null;
          break;
        }
        // The requirement check comes first, as in Excel: a member above this Excel's ExcelApi is
        // ApiNotFound whether or not the in-memory Excel implements it.
        this.requireApi(parent.cls, p.Name);
        const nav = parent.cls.nav?.[p.Name];
        if (!nav) throw this.notImplemented(`${parent.cls.name}.${camel(p.Name)}`);
        out = nav(parent.t as never, this);
        break;
      }
      case 3: {
        const parent = this.resolve(p.ParentObjectPathId ?? 0);
        if (!parent) {
          out = null;
          break;
        }
        if (p.Name === 'GetItemAt' && parent.cls.items) {
          // How the library addresses an item of a loaded collection whose items carry no id.
          const [index] = this.args(p.ArgumentInfo) as number[];
          out = parent.cls.items(parent.t as never, this)[index] ?? notFound(`item ${index} of ${parent.cls.name}`);
          break;
        }
        this.requireApi(parent.cls, p.Name);
        const m = parent.cls.methods?.[p.Name];
        if (!m) throw this.notImplemented(`${parent.cls.name}.${camel(p.Name)}`);
        const r = m(parent.t as never, this.args(p.ArgumentInfo) as never[], this);
        if (r !== null && !(r instanceof Obj)) throw new HostError('InvalidArgument', `${parent.cls.name}.${camel(p.Name)} does not return an object.`);
        out = r;
        break;
      }
      case 5: {
        const parent = this.resolve(p.ParentObjectPathId ?? 0);
        if (!parent) {
          out = null;
          break;
        }
        const [key] = this.args(p.ArgumentInfo);
        if (parent.cls.indexer) out = parent.cls.indexer(parent.t as never, key as never, this);
        else throw this.notImplemented(`${parent.cls.name}.getItem`);
        break;
      }
      case 6: {
        const o = this.references.get(p.Name);
        if (!o) throw new HostError('InvalidObjectPath', `The reference ${p.Name} is not valid any more.`);
        out = o;
        break;
      }
      case 7:
        out = null;
        break;
      default:
        throw this.notImplemented(`object path type ${p.ObjectPathType}`);
    }
    this.resolved.set(id, out);
    return out;
  }

  private action(a: ActionInfo): unknown {
    switch (a.ActionType) {
      case 1: {
        const o = this.resolve(a.ObjectPathId);
        if (!o) return null;
        const ref = this.keptInRequest.get(a.ObjectPathId);
        if (ref) return { _ReferenceId: ref };
        if (o.cls.id) return { Id: o.cls.id(o.t as never) };
        return NO_RESULT;
      }
      case 2:
      case 7: {
        const o = this.resolve(a.ObjectPathId);
        return o ? this.query(o, a.QueryInfo ?? {}, a.ObjectPathId) : null;
      }
      case 3: {
        const o = this.resolve(a.ObjectPathId);
        if (!o) {
          if (a.Name === '_KeepReference') return NO_RESULT;
          throw new HostError('InvalidObjectPath', `The object is a null object: ${this.location(a)}`);
        }
        if (a.Name === '_KeepReference') {
          const ref = `{ref-${++this.refSeq}}`;
          this.references.set(ref, o);
          this.keptInRequest.set(a.ObjectPathId, ref);
          return NO_RESULT;
        }
        this.requireApi(o.cls, a.Name);
        const m = o.cls.methods?.[a.Name];
        if (!m) throw this.notImplemented(`${o.cls.name}.${camel(a.Name)}`);
        const r = m(o.t as never, this.args(a.ArgumentInfo) as never[], this);
        return r === undefined || r instanceof Obj ? NO_RESULT : r;
      }
      case 4: {
        const o = this.resolve(a.ObjectPathId);
        if (!o) throw new HostError('InvalidObjectPath', `The object is a null object: ${this.location(a)}`);
        this.setProperty(o, a.Name, this.args(a.ArgumentInfo)[0]);
        return NO_RESULT;
      }
      case 5:
        return null;
      case 9: {
        const o = this.resolve(a.ObjectPathId);
        if (!o) throw new HostError('InvalidObjectPath', `The object is a null object: ${this.location(a)}`);
        this.update(o, a.ObjectState ?? {});
        return NO_RESULT;
      }
      default:
        throw this.notImplemented(`action type ${a.ActionType}`);
    }
  }

  private setProperty(o: Obj, name: string, value: unknown): void {
    this.requireApi(o.cls, name);
    const prop = o.cls.props?.[name];
    if (!prop) throw this.notImplemented(`${o.cls.name}.${camel(name)}`);
    if (!prop.set) throw new HostError('InvalidArgument', `${o.cls.name}.${camel(name)} is read-only.`);
    prop.set(o.t as never, value as never, this);
  }

  private update(o: Obj, state: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(state)) {
      const P = pascal(k);
      const nav = o.cls.nav?.[P];
      if (nav && v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const child = nav(o.t as never, this);
        if (child) this.update(child, v as Record<string, unknown>);
      } else this.setProperty(o, P, v);
    }
  }

  private query(o: Obj, q: QueryInfo, pathId?: number): unknown {
    if (o.cls.items) {
      let list = o.cls.items(o.t as never, this);
      if (q.Skip) list = list.slice(q.Skip);
      if (q.Top !== undefined && q.Top !== null) list = list.slice(0, q.Top);
      const strip = (s: string): string => (s.startsWith('items/') ? s.slice(6) : s);
      const sub = { Select: q.Select?.map(strip), Expand: q.Expand?.map(strip) };
      return { _Items: list.map((item) => this.queryObject(item, sub.Select ?? [], sub.Expand ?? [])) };
    }
    const out = this.queryObject(o, q.Select ?? [], q.Expand ?? []);
    const ref = pathId !== undefined ? this.keptInRequest.get(pathId) : undefined;
    if (ref) out._ReferenceId = ref;
    return out;
  }

  private queryObject(o: Obj, select: string[], expand: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (o.cls.id) out.Id = o.cls.id(o.t as never);
    const props = o.cls.props ?? {};
    const scalars = select.filter((s) => s !== '' && !s.includes('/'));
    const nested = new Map<string, string[]>();
    for (const s of select) {
      const i = s.indexOf('/');
      if (i < 0) continue;
      const head = pascal(s.slice(0, i));
      nested.set(head, [...(nested.get(head) ?? []), s.slice(i + 1)]);
    }
    if (scalars.length === 0 && nested.size === 0) {
      for (const [k, p] of Object.entries(props)) {
        const need = this.apiSets?.get(`${o.cls.name}.${camel(k)}`);
        if (p.get && (!need || this.host.isSetSupported('ExcelApi', need))) out[k] = p.get(o.t as never, this);
      }
    }
    for (const s of scalars) {
      const P = pascal(s);
      this.requireApi(o.cls, P);
      const p = props[P];
      if (p?.get) {
        out[P] = p.get(o.t as never, this);
      } else if (o.cls.nav?.[P]) nested.set(P, [...(nested.get(P) ?? [])]);
      else throw new HostError('InvalidArgument', `The property '${s}' does not exist on ${o.cls.name}.`);
    }
    for (const e of expand) {
      const P = pascal(e.split('/')[0]);
      if (!nested.has(P)) nested.set(P, []);
    }
    for (const [P, sub] of nested) {
      this.requireApi(o.cls, P);
      const nav = o.cls.nav?.[P];
      if (!nav) throw new HostError('InvalidArgument', `The property '${camel(P)}' does not exist on ${o.cls.name}.`);
      const child = nav(o.t as never, this);
      out[P] = child ? this.query(child, { Select: sub }) : null;
    }
    return out;
  }

  // --- Events --------------------------------------------------------------------------------

  /** `_RegisterDataChangedEvent`: change events of one sheet (or of every sheet) go to the library. */
  register(key: string, sheet: SheetState | null): void {
    if (this.registrations.has(key)) return;
    const target = sheet ? sheet.id : WORKBOOK_TARGET;
    const reg: Registration = {
      sheetId: sheet ? sheet.id : null,
      handler: (e: MemChangedEvent) => {
        const shiftDirection = e.changeType === 'RowInserted' ? 'ShiftCellDown' : e.changeType === 'RowDeleted' ? 'ShiftCellUp' : 'None';
        this.eventSink?.(DATA_CHANGED_EVENT, target, { ...e, shiftDirection });
      },
    };
    this.registrations.set(key, reg);
    this.host.registrations.push(reg);
  }

  unregister(key: string): void {
    const reg = this.registrations.get(key);
    if (!reg) return;
    this.registrations.delete(key);
    const i = this.host.registrations.indexOf(reg);
    if (i >= 0) this.host.registrations.splice(i, 1);
  }
}

const NO_RESULT = Symbol('no result');
