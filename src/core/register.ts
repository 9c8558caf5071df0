/**
 * A document register (sổ văn bản đến / đi, Decree 30/2020/NĐ-CP Appendix IV) as exported from an
 * e-office system, read from a grid of cells: the header row found among the first rows by its
 * names (whatever title, unit or date range sits above it), incoming or outgoing told by its
 * columns, each row's dates and texts normalised. Pure: the `.xlsx` and `.csv` readers
 * (`xlsx/register-read`) give the grid; nothing here reads files.
 */
import type { Text } from './template';
import { excelSerialToIso, isDateFormatCode, isoFromUtcDate, isValidIsoDate, parseIsoDate, toIsoDate } from './dates';
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

/** The text of a cell: trimmed NFC, numbers as written, dates as dd/mm/yyyy. */
export function cellText(v: GridValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const iso = isoFromUtcDate(v);
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
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : isoFromUtcDate(v);
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

/**
 * The register in a grid of one sheet, or a refusal naming the file, the sheet and what is missing.
 * `file` and `sheet` are used in messages only.
 */
export function registerFromGrid(file: string, sheet: string, grid: readonly GridRow[]): Register | { refusal: RegisterRefusal } {
  let header: { at: number; columns: Register['columns'] } | null = null;
  for (let i = 0; i < grid.length && i < HEADER_SEARCH_ROWS && header === null; i++) {
    const columns: Register['columns'] = [];
    grid[i].cells.forEach((v, col) => {
      const field = fieldOfHeader(v);
      if (field !== undefined && !columns.some((c) => c.field === field)) columns.push({ field, col, header: cellText(v) });
    });
    const has = (f: RegisterField): boolean => columns.some((c) => c.field === f);
    if (has('symbol') && (has('date') || has('arrivalDate') || has('author') || has('summary'))) header = { at: i, columns };
  }
  if (header === null) {
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
  const columns = header.columns;
  const colOf = (f: RegisterField): number | undefined => columns.find((c) => c.field === f)?.col;
  const kind: RegisterKind = colOf('arrivalDate') !== undefined || colOf('arrivalNo') !== undefined ? 'incoming' : 'outgoing';
  const headerRow = grid[header.at].row;
  const dateCol = kind === 'incoming' ? colOf('arrivalDate') : colOf('date');
  if (dateCol === undefined) {
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
  const at = (cells: readonly GridValue[], f: RegisterField): GridValue | undefined => {
    const c = colOf(f);
    return c === undefined ? undefined : cells[c];
  };
  const rows: RegisterRow[] = [];
  for (let i = header.at + 1; i < grid.length; i++) {
    const { row, cells } = grid[i];
    if (cells.every((c) => cellText(c) === '')) continue;
    if (rows.length === 0 && isNumberingRow(cells)) continue;
    rows.push({
      row,
      symbol: cellText(at(cells, 'symbol')),
      date: cellDate(at(cells, 'date')),
      dateText: cellText(at(cells, 'date')),
      arrivalDate: cellDate(at(cells, 'arrivalDate')),
      arrivalText: cellText(at(cells, 'arrivalDate')),
      arrivalNo: cellText(at(cells, 'arrivalNo')),
      author: cellText(at(cells, 'author')),
      summary: cellText(at(cells, 'summary')),
      signer: cellText(at(cells, 'signer')),
      type: cellText(at(cells, 'type')),
    });
  }
  return { file, sheet, kind, headerRow, columns, rows };
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
