/**
 * A document register (sổ văn bản đến / đi, Decree 30/2020/NĐ-CP Appendix IV) as exported from an
 * e-office system, read from a grid of cells: the header row found among the first rows by its
 * names (whatever title, unit or date range sits above it), incoming or outgoing told by its
 * columns, each row's dates and texts normalised. Pure: the `.xlsx` and `.csv` readers
 * (`xlsx/register-read`) give the grid; nothing here reads files.
 */
import type { Text } from '../forms/template';
import { excelSerialToIso, isDateFormatCode, isoFromUtcDate, isValidIsoDate, parseIsoDate, toIsoDate } from '../dates';
import { foldText } from './symbol';

export type RegisterKind = 'incoming' | 'outgoing';

/** The columns a register may have; `symbol` and a date are required. */
export type RegisterField = 'arrivalDate' | 'arrivalNo' | 'symbol' | 'date' | 'author' | 'summary' | 'signer' | 'type';

export const REGISTER_FIELDS: readonly RegisterField[] = ['arrivalDate', 'arrivalNo', 'symbol', 'date', 'author', 'summary', 'signer', 'type'];

/** Each field's header as the register sheet writes it. */
export const FIELD_HEADERS: Readonly<Record<RegisterField, string>> = {
  arrivalDate: 'Ngày đến',
  arrivalNo: 'Số đến',
  symbol: 'Số, ký hiệu',
  date: 'Ngày tháng',
  author: 'Tác giả',
  summary: 'Tên loại và trích yếu nội dung',
  signer: 'Người ký',
  type: 'Loại văn bản',
};

/** The names a header cell may carry for each field (compared after `headerKey`). */
const HEADER_NAMES: Readonly<Record<RegisterField, readonly string[]>> = {
  arrivalDate: ['Ngày đến', 'Ngày nhận'],
  arrivalNo: ['Số đến'],
  symbol: ['Số, ký hiệu', 'Số ký hiệu', 'Ký hiệu', 'Số và ký hiệu', 'Số hiệu'],
  date: ['Ngày tháng', 'Ngày văn bản', 'Ngày ban hành', 'Ngày tháng năm', 'Ngày, tháng, năm', 'Ngày ký'],
  author: ['Tác giả', 'Cơ quan ban hành', 'Nơi gửi', 'Cơ quan gửi', 'Đơn vị ban hành', 'Nơi ban hành'],
  summary: ['Tên loại và trích yếu nội dung', 'Trích yếu', 'Trích yếu nội dung', 'Tên loại và trích yếu'],
  signer: ['Người ký'],
  type: ['Loại văn bản', 'Tên loại'],
};

/** A header cell's text as compared: folded, punctuation dropped, a trailing "văn bản" left out. */
export function headerKey(s: string): string {
  let k = foldText(s.replace(/[,.:;()*]/g, ' ')).replace(/ +/g, ' ');
  if (k.endsWith(' văn bản') && k !== 'loại văn bản') k = k.slice(0, -' văn bản'.length);
  return k;
}

const FIELD_OF_KEY = new Map<string, RegisterField>();
for (const f of REGISTER_FIELDS) for (const n of HEADER_NAMES[f]) FIELD_OF_KEY.set(headerKey(n), f);

/** The field a header cell names, or undefined. */
export function fieldOfHeader(v: unknown): RegisterField | undefined {
  return typeof v === 'string' ? FIELD_OF_KEY.get(headerKey(v)) : undefined;
}

/** How many of the first rows are searched for the header row. */
export const HEADER_SEARCH_ROWS = 30;

/** A cell as the readers give it. */
export type GridValue = string | number | boolean | Date | null | { error: string };

/** One row of the grid: its 1-based row number in the sheet and its cells from column A. */
export interface GridRow {
  row: number;
  cells: GridValue[];
}

export interface RegisterRow {
  /** The row number in the file (1-based), for messages and the register sheet. */
  row: number;
  symbol: string;
  /** ISO date, or null when blank or unreadable (then `dateText` holds what was there). */
  date: string | null;
  dateText: string;
  arrivalDate: string | null;
  arrivalText: string;
  arrivalNo: string;
  author: string;
  summary: string;
  signer: string;
  type: string;
}

export interface Register {
  /** The file's name as given (messages, the JSON). */
  file: string;
  sheet: string;
  kind: RegisterKind;
  /** The 1-based row of the header in the file. */
  headerRow: number;
  /** The fields found, in the register's column order, with their column (0-based). */
  columns: { field: RegisterField; col: number; header: string }[];
  rows: RegisterRow[];
}

export type RegisterRefusalCode =
  | 'register.unreadable'
  | 'register.not-utf8'
  | 'register.no-header'
  | 'register.no-date-column'
  | 'register.too-large'
  | 'register.wrong-kind';

export interface RegisterRefusal {
  code: RegisterRefusalCode;
  file: string;
  sheet?: string;
  cell?: string;
  message: Text;
}

export function isRefusal(x: Register | { refusal: RegisterRefusal }): x is { refusal: RegisterRefusal } {
  return 'refusal' in x;
}

function colLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The ISO day of a date cell; the days of a register repeat (a year has a few hundred). */
const ISO_OF_TIME = new Map<number, string>();
function isoOfDate(d: Date): string {
  const t = d.getTime();
  let iso = ISO_OF_TIME.get(t);
  if (iso === undefined) {
    iso = isoFromUtcDate(d);
    if (ISO_OF_TIME.size < 100000) ISO_OF_TIME.set(t, iso);
  }
  return iso;
}

/** White space that `cellText` changes: any but a single inner space (a register's texts mostly have none). */
const FOLDS_SPACE = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;

/** The text of a cell: trimmed NFC, numbers as written, dates as dd/mm/yyyy. */
export function cellText(v: GridValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return FOLDS_SPACE.test(v) ? v.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim() : v.normalize('NFC');
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const iso = isoOfDate(v);
    return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  }
  return v.error;
}

/**
 * A date cell: an Excel date (a `Date`, or a serial number), `dd/mm/yyyy` text (also with `-` or
 * `.`, and with a time after it), or ISO `yyyy-mm-dd` (also with a time). Null when it is none.
 */
export function cellDate(v: GridValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : isoOfDate(v);
  if (typeof v === 'number') return v >= 61 && v < 2958466 ? excelSerialToIso(v) : null;
  if (typeof v !== 'string') return null;
  const s = v.normalize('NFC').trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (iso) {
    const d = `${iso[1]}-${iso[2]}-${iso[3]}`;
    return isValidIsoDate(d) ? d : null;
  }
  const dm = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$/.exec(s);
  if (dm) {
    const d = toIsoDate({ year: Number(dm[3]), month: Number(dm[2]), day: Number(dm[1]) });
    return parseIsoDate(d) && isValidIsoDate(d) ? d : null;
  }
  // A serial typed as text in a CSV export.
  if (/^\d{5}(?:\.\d+)?$/.test(s)) return cellDate(Number(s));
  return null;
}

/** A row of the column numbers printed under the header ("(1)", "(2)", … or 1, 2, …). */
function isNumberingRow(cells: readonly GridValue[]): boolean {
  const filled = cells.filter((c) => cellText(c) !== '');
  return filled.length >= 2 && filled.every((c) => /^\(?\d{1,2}\)?$/.test(cellText(c)));
}

function noHeader(file: string, sheet: string): { refusal: RegisterRefusal } {
  return {
    refusal: {
      code: 'register.no-header',
      file,
      sheet,
      message: {
        vi: `${file}, trang "${sheet}": không tìm thấy dòng tiêu đề của sổ văn bản trong ${HEADER_SEARCH_ROWS} dòng đầu (cần cột "Số, ký hiệu" và cột "Ngày tháng", "Ngày đến", "Tác giả" hoặc "Trích yếu")`,
        en: `${file}, sheet "${sheet}": no register header row in the first ${HEADER_SEARCH_ROWS} rows (a "Số, ký hiệu" column is needed, with "Ngày tháng", "Ngày đến", "Tác giả" or "Trích yếu")`,
      },
    },
  };
}

function noDateColumn(file: string, sheet: string, kind: RegisterKind, headerRow: number): { refusal: RegisterRefusal } {
  const wanted = kind === 'incoming' ? 'Ngày đến' : 'Ngày tháng';
  return {
    refusal: {
      code: 'register.no-date-column',
      file,
      sheet,
      cell: `A${headerRow}`,
      message: {
        vi: `${file}, trang "${sheet}", dòng ${headerRow}: sổ văn bản ${kind === 'incoming' ? 'đến' : 'đi'} không có cột "${wanted}" — không biết văn bản thuộc kỳ nào`,
        en: `${file}, sheet "${sheet}", row ${headerRow}: the ${kind} register has no "${wanted}" column — the period of its documents cannot be told`,
      },
    },
  };
}

/** The register fields a row of cells names, when it is a register's header row. */
function headerColumns(cells: readonly GridValue[]): Register['columns'] | null {
  const columns: Register['columns'] = [];
  cells.forEach((v, col) => {
    const field = fieldOfHeader(v);
    if (field !== undefined && !columns.some((c) => c.field === field)) columns.push({ field, col, header: cellText(v) });
  });
  const has = (f: RegisterField): boolean => columns.some((c) => c.field === f);
  return has('symbol') && (has('date') || has('arrivalDate') || has('author') || has('summary')) ? columns : null;
}

/** Is every cell of a row blank? */
export function blankCells(cells: readonly GridValue[]): boolean {
  for (const c of cells) if (cellText(c) !== '') return false;
  return true;
}

/**
 * A register read one row at a time, in the sheet's row order (rows without any cell left out): the
 * header row searched among the first rows, then each row after it taken as a register row. What
 * `registerFromGrid` gives for the same rows, without holding them all; a reader that knows a
 * cell's text or date faster may give the fields itself (`pushRow`).
 */
export class RegisterBuilder {
  private seen = 0;
  private header: { row: number; columns: Register['columns']; kind: RegisterKind; at: Record<RegisterField, number> } | null = null;
  private refusal: { refusal: RegisterRefusal } | null = null;
  readonly rows: RegisterRow[] = [];

  constructor(
    readonly file: string,
    readonly sheet: string,
  ) {}

  /** The column of each field (-1: absent), once the header row is found. */
  get fieldColumns(): Readonly<Record<RegisterField, number>> | null {
    return this.header?.at ?? null;
  }

  /** Is the reading over (the header not found in the first rows, or its date column missing)? */
  get refused(): boolean {
    return this.refusal !== null;
  }

  /** Takes one row of the sheet; before the header, its cells are searched for it. */
  push(row: number, cells: readonly GridValue[]): void {
    if (this.refusal) return;
    if (this.header === null) {
      this.findHeader(row, cells);
      return;
    }
    if (blankCells(cells)) return;
    if (this.rows.length === 0 && isNumberingRow(cells)) return;
    const at = this.header.at;
    const get = (f: RegisterField): GridValue | undefined => (at[f] < 0 ? undefined : cells[at[f]]);
    this.rows.push({
      row,
      symbol: cellText(get('symbol')),
      date: cellDate(get('date')),
      dateText: cellText(get('date')),
      arrivalDate: cellDate(get('arrivalDate')),
      arrivalText: cellText(get('arrivalDate')),
      arrivalNo: cellText(get('arrivalNo')),
      author: cellText(get('author')),
      summary: cellText(get('summary')),
      signer: cellText(get('signer')),
      type: cellText(get('type')),
    });
  }

  /**
   * A row after the header whose fields the reader gives already read (`cellText` / `cellDate` of
   * its cells), with whether it is blank and whether it is a row of column numbers.
   */
  pushRow(r: RegisterRow, blank: boolean, numbering: boolean): void {
    if (blank || (this.rows.length === 0 && numbering)) return;
    this.rows.push(r);
  }

  private findHeader(row: number, cells: readonly GridValue[]): void {
    if (this.seen++ >= HEADER_SEARCH_ROWS) {
      this.refusal = noHeader(this.file, this.sheet);
      return;
    }
    const columns = headerColumns(cells);
    if (columns === null) return;
    const at = {} as Record<RegisterField, number>;
    for (const f of REGISTER_FIELDS) at[f] = columns.find((c) => c.field === f)?.col ?? -1;
    const kind: RegisterKind = at.arrivalDate >= 0 || at.arrivalNo >= 0 ? 'incoming' : 'outgoing';
    if ((kind === 'incoming' ? at.arrivalDate : at.date) < 0) this.refusal = noDateColumn(this.file, this.sheet, kind, row);
    else this.header = { row, columns, kind, at };
  }

  /** The register read, or the refusal naming the file, the sheet and what is missing. */
  result(): Register | { refusal: RegisterRefusal } {
    if (this.refusal) return this.refusal;
    if (this.header === null) return noHeader(this.file, this.sheet);
    const { row, columns, kind } = this.header;
    return { file: this.file, sheet: this.sheet, kind, headerRow: row, columns, rows: this.rows };
  }
}

/**
 * The register in a grid of one sheet, or a refusal naming the file, the sheet and what is missing.
 * `file` and `sheet` are used in messages only.
 */
export function registerFromGrid(file: string, sheet: string, grid: readonly GridRow[]): Register | { refusal: RegisterRefusal } {
  const b = new RegisterBuilder(file, sheet);
  for (const g of grid) {
    b.push(g.row, g.cells);
    if (b.refused) break;
  }
  return b.result();
}

/** A sheet's cells as Office.js reads a used range: its first row and column (0-based), values and number formats. */
export interface RangeCells {
  rowIndex: number;
  columnIndex: number;
  values: readonly (readonly unknown[])[];
  numberFormat: readonly (readonly string[])[];
}

/**
 * The grid of a sheet the clerk pasted a register into, as the file readers give it: rows numbered
 * as in the sheet, cells from column A, blank rows left out, a number shown with a date format an
 * Excel date (Office.js gives dates as serial numbers), text as it is.
 */
export function gridFromRange(range: RangeCells): GridRow[] {
  const out: GridRow[] = [];
  const lead: GridValue[] = Array.from({ length: range.columnIndex }, () => null);
  range.values.forEach((line, i) => {
    const cells = line.map((v, j): GridValue => {
      if (typeof v === 'number') return Number.isFinite(v) && isDateFormatCode(range.numberFormat[i]?.[j]) ? new Date(Math.round((v - 25569) * 86400000)) : v;
      if (typeof v === 'string') return v === '' ? null : v;
      return typeof v === 'boolean' ? v : null;
    });
    if (cells.some((c) => c !== null)) out.push({ row: range.rowIndex + i + 1, cells: [...lead, ...cells] });
  });
  return out;
}

/** The date a row is counted by: its arrival date (incoming) or its own date (outgoing). */
export function countDate(kind: RegisterKind, r: RegisterRow): string | null {
  return kind === 'incoming' ? r.arrivalDate : r.date;
}

/** The A1 address of a field's cell in a row of the file, for messages. */
export function fieldCell(reg: Register, field: RegisterField, row: number): string | undefined {
  const c = reg.columns.find((x) => x.field === field);
  return c === undefined ? undefined : `${colLetters(c.col)}${row}`;
}
