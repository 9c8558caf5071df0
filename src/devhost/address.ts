/** Range addresses as Excel's `getRange` takes them: `B8`, `$B$8:C9`, `3:5`, `B:C`, `'Sheet'!A1`. */
import { columnLetters, columnNumber, rangeAddress } from '../core/a1';
import { HostError, MAX_COLS, MAX_ROWS, type Box } from './state';

function invalid(address: string): HostError {
  return new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${address}`);
}

/** Splits an optional sheet prefix (`'Biểu 01'!B8` → sheet `Biểu 01`). */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

type End = { row: number | null; col: number | null };

function parseEnd(s: string, address: string): End {
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(s);
  if (cell) return { col: columnNumber(cell[1]), row: Number(cell[2]) };
  const row = /^\$?(\d{1,7})$/.exec(s);
  if (row) return { row: Number(row[1]), col: null };
  const col = /^\$?([A-Za-z]{1,3})$/.exec(s);
  if (col) return { row: null, col: columnNumber(col[1]) };
  throw invalid(address);
}

export function parseBox(address: string): Box {
  const { local } = splitSheet(address.trim());
  const parts = local.split(':');
  if (parts.length > 2 || parts[0] === '') throw invalid(address);
  const a = parseEnd(parts[0], address);
  const b = parts.length === 2 ? parseEnd(parts[1], address) : a;
  const wholeRows = a.col === null && b.col === null;
  const wholeCols = a.row === null && b.row === null;
  if (parts.length === 1 && (wholeRows || wholeCols)) throw invalid(address);
  if (!wholeRows && !wholeCols && (a.row === null || b.row === null || a.col === null || b.col === null)) throw invalid(address);
  const top = wholeCols ? 1 : Math.min(a.row as number, b.row as number);
  const bottom = wholeCols ? MAX_ROWS : Math.max(a.row as number, b.row as number);
  const left = wholeRows ? 1 : Math.min(a.col as number, b.col as number);
  const right = wholeRows ? MAX_COLS : Math.max(a.col as number, b.col as number);
  if (top < 1 || left < 1 || bottom > MAX_ROWS || right > MAX_COLS) throw invalid(address);
  return { top, left, bottom, right };
}

/** `B8:C9` (a single cell as `B8`): the core's A1 form (boxes are always inside the sheet). */
export function boxAddress(b: Box): string {
  return rangeAddress(b);
}

/** `$B$8:$B$10` (a single cell as `$B$8`). */
export function absoluteBox(b: Box): string {
  const a = `$${columnLetters(b.left)}$${b.top}`;
  const z = `$${columnLetters(b.right)}$${b.bottom}`;
  return a === z ? a : `${a}:${z}`;
}

/** A sheet name as formulas write it: quoted unless it is a plain identifier. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function intersects(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function contains(outer: Box, inner: Box): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}
