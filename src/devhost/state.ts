/**
 * The in-memory workbook behind the host: sheets of sparse cells with content, number format,
 * cell format and lock flag; sheet-scoped names; merges; conditional formats; data validation.
 * Pure TypeScript (runs in Node and in the browser). Row insertion and deletion move cells,
 * formulas, names, merges and rules the way Excel does for references on the same sheet.
 */

export class HostError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message };
  }
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type ErrorValue = { error: string };
/** A stored constant. */
export type Constant = string | number | boolean | null;
export type Computed = Constant | ErrorValue;

export interface BorderState {
  top: string;
  bottom: string;
  left: string;
  right: string;
}

export interface CellFormat {
  fill: string | null;
  bold: boolean;
  italic: boolean;
  fontSize: number;
  fontColor: string;
  wrap: boolean;
  horizontal: string;
  vertical: string;
  borders: BorderState;
}

export interface Cell {
  constant: Constant;
  formula: string | null;
  numberFormat: string;
  format: CellFormat;
  locked: boolean;
  /** Result of the last evaluation (formula cells only). */
  result: Computed;
}

export interface NameDef {
  name: string;
  /** null once every cell it referred to was deleted (`=#REF!`). */
  ref: Box | null;
  comment: string;
}

export interface ConditionalFormatDef {
  id: string;
  type: string;
  box: Box;
  formula: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

export interface ValidationDef {
  box: Box;
  rule: unknown;
  prompt: unknown;
  errorAlert: unknown;
}

export interface ProtectionState {
  protected: boolean;
  options: Record<string, boolean>;
  password: string | null;
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  zoom: unknown;
  printTitleRows: string | null;
  printArea: string | null;
}

export function defaultFormat(): CellFormat {
  return {
    fill: null,
    bold: false,
    italic: false,
    fontSize: 11,
    fontColor: '#000000',
    wrap: false,
    horizontal: 'General',
    vertical: 'Bottom',
    borders: { top: 'None', bottom: 'None', left: 'None', right: 'None' },
  };
}

function emptyCell(): Cell {
  return { constant: null, formula: null, numberFormat: 'General', format: defaultFormat(), locked: true, result: null };
}

let sheetSeq = 0;

export class SheetState {
  readonly id: string;
  name: string;
  readonly cells = new Map<number, Cell>();
  readonly names: NameDef[] = [];
  merges: Box[] = [];
  conditionalFormats: ConditionalFormatDef[] = [];
  validations: ValidationDef[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  protection: ProtectionState = { protected: false, options: {}, password: null };
  pageLayout: PageLayoutState = { orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 }, printTitleRows: null, printArea: null };
  freezeRows = 0;

  constructor(name: string) {
    this.id = `{sheet-${++sheetSeq}}`;
    this.name = name;
  }

  static key(row: number, col: number): number {
    return row * (MAX_COLS + 1) + col;
  }

  cell(row: number, col: number): Cell | undefined {
    return this.cells.get(SheetState.key(row, col));
  }

  /** The cell, created when absent (for writes). */
  touch(row: number, col: number): Cell {
    const k = SheetState.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = emptyCell();
      this.cells.set(k, c);
    }
    return c;
  }

  /** The extent of cells with content or a non-default format; null when the sheet is blank. */
  usedBox(valuesOnly: boolean): Box | null {
    let box: Box | null = null;
    for (const [k, c] of this.cells) {
      const has = c.formula !== null || c.constant !== null;
      if (!has && (valuesOnly || isDefaultCell(c))) continue;
      const row = Math.floor(k / (MAX_COLS + 1));
      const col = k % (MAX_COLS + 1);
      if (!box) box = { top: row, left: col, bottom: row, right: col };
      else {
        box.top = Math.min(box.top, row);
        box.bottom = Math.max(box.bottom, row);
        box.left = Math.min(box.left, col);
        box.right = Math.max(box.right, col);
      }
    }
    return box;
  }

  /** Inserts `count` whole rows at `at` (rows at and below move down). */
  insertRows(at: number, count: number): void {
    this.moveCells((row) => (row >= at ? row + count : row));
    const shift = (r: number): number => (r >= at ? r + count : r);
    const shiftBox = (b: Box): Box => ({ ...b, top: shift(b.top), bottom: shift(b.bottom) });
    for (const n of this.names) if (n.ref) n.ref = shiftBox(n.ref);
    this.merges = this.merges.map(shiftBox);
    for (const cf of this.conditionalFormats) cf.box = shiftBox(cf.box);
    for (const v of this.validations) v.box = shiftBox(v.box);
    this.rowHeights = new Map([...this.rowHeights].map(([r, h]) => [shift(r), h]));
    for (const c of this.cells.values()) if (c.formula) c.formula = shiftFormulaRows(c.formula, at, count, 'insert');
  }

  /** Deletes `count` whole rows from `at` (rows below move up). */
  deleteRows(at: number, count: number): void {
    const end = at + count - 1;
    for (const k of [...this.cells.keys()]) {
      const row = Math.floor(k / (MAX_COLS + 1));
      if (row >= at && row <= end) this.cells.delete(k);
    }
    this.moveCells((row) => (row > end ? row - count : row));
    const clip = (b: Box): Box | null => {
      const top = b.top >= at && b.top <= end ? at : b.top > end ? b.top - count : b.top;
      const bottomRaw = b.bottom >= at && b.bottom <= end ? at - 1 : b.bottom > end ? b.bottom - count : b.bottom;
      if (b.top >= at && b.bottom <= end) return null;
      return { ...b, top, bottom: Math.max(top, bottomRaw) };
    };
    for (const n of this.names) if (n.ref) n.ref = clip(n.ref);
    this.merges = this.merges.map(clip).filter((b): b is Box => b !== null);
    this.conditionalFormats = this.conditionalFormats.flatMap((cf) => {
      const b = clip(cf.box);
      return b ? [{ ...cf, box: b }] : [];
    });
    this.validations = this.validations.flatMap((v) => {
      const b = clip(v.box);
      return b ? [{ ...v, box: b }] : [];
    });
    for (const c of this.cells.values()) if (c.formula) c.formula = shiftFormulaRows(c.formula, at, count, 'delete');
  }

  private moveCells(newRow: (row: number) => number): void {
    const moved = new Map<number, Cell>();
    for (const [k, c] of this.cells) {
      const row = Math.floor(k / (MAX_COLS + 1));
      const col = k % (MAX_COLS + 1);
      moved.set(SheetState.key(newRow(row), col), c);
    }
    this.cells.clear();
    for (const [k, c] of moved) this.cells.set(k, c);
  }
}

function isDefaultCell(c: Cell): boolean {
  return c.numberFormat === 'General' && c.locked && JSON.stringify(c.format) === JSON.stringify(defaultFormat());
}

/**
 * Moves the row numbers of the A1 references of a same-sheet formula (references qualified
 * with a sheet name are left alone). Text inside string literals is never touched.
 */
export function shiftFormulaRows(formula: string, at: number, count: number, mode: 'insert' | 'delete'): string {
  const end = at + count - 1;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const j = formula.indexOf('"', i + 1);
      const stop = j < 0 ? formula.length : j + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(:(\$?)([A-Za-z]{1,3})(\$?)(\d+))?/.exec(formula.slice(i));
    const prev = i > 0 ? formula[i - 1] : '';
    if (m && !/[A-Za-z0-9_.!']/.test(prev) && !/^[A-Za-z0-9_(]/.test(formula.slice(i + m[0].length))) {
      const r1 = Number(m[4]);
      const r2 = m[5] ? Number(m[9]) : r1;
      let n1 = r1;
      let n2 = r2;
      if (mode === 'insert') {
        if (r1 >= at) n1 = r1 + count;
        if (r2 >= at) n2 = r2 + count;
      } else {
        if (r1 >= at && r2 <= end) {
          out += '#REF!';
          i += m[0].length;
          continue;
        }
        n1 = r1 > end ? r1 - count : r1 >= at ? at : r1;
        n2 = r2 > end ? r2 - count : r2 >= at ? at - 1 : r2;
      }
      out += `${m[1]}${m[2]}${m[3]}${n1}`;
      if (m[5]) out += `:${m[6]}${m[7]}${m[8]}${n2}`;
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Excel's rules for a sheet name; throws `InvalidArgument` when broken. */
export function checkSheetName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0) throw new HostError('InvalidArgument', 'A sheet name cannot be empty.');
  if (name.length > 31) throw new HostError('InvalidArgument', `Sheet name longer than 31 characters: ${name}`);
  if (/[[\]:*?/\\]/.test(name)) throw new HostError('InvalidArgument', `Sheet name has a forbidden character: ${name}`);
  if (name.startsWith("'") || name.endsWith("'")) throw new HostError('InvalidArgument', `Sheet name starts or ends with an apostrophe: ${name}`);
  if (name.toLowerCase() === 'history') throw new HostError('InvalidArgument', 'History is a reserved sheet name.');
  return name;
}

export class BookState {
  sheets: SheetState[] = [];
  activeSheetId: string | null = null;
  selection: { sheetId: string; box: Box } | null = null;
  /** Set by writes, cleared by evaluation. */
  dirty = true;

  sheetByName(name: string): SheetState | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  sheetById(id: string): SheetState | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  addSheet(name: string): SheetState {
    checkSheetName(name);
    if (this.sheetByName(name)) throw new HostError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
    const s = new SheetState(name);
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    this.dirty = true;
    return s;
  }

  renameSheet(sheet: SheetState, name: string): void {
    checkSheetName(name);
    const other = this.sheetByName(name);
    if (other && other !== sheet) throw new HostError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
    sheet.name = name;
    this.dirty = true;
  }
}
