/**
 * Tables of a Word report as grids: each row's cells as read (`RawTable`, by `docx-blocks`), spans
 * (`gridSpan`, old-style `hMerge`), vertical merges (`vMerge`) and `gridBefore` filled with their
 * origin, every row as wide as the widest.
 */
import type { DocCell } from '../core/tieout/document';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber } from '../core/numbers';
import { refuse, type DocumentReadError } from './docx-refusals';

export interface RawCell {
  text: string;
  /** Columns the cell spans; 0 for an old-style horizontal merge's continuation. */
  span: number;
  vMerge: 'restart' | 'continue' | null;
}

export interface RawRow {
  cells: RawCell[];
  gridBefore: number;
}

export interface RawTable {
  rows: RawRow[];
}

/**
 * The most columns a table's grid may have (Word allows 63) and the most cells of a grid: spans of
 * a thousand columns on thousands of cells would otherwise make billions of cells.
 */
export const MAX_GRID_COLUMNS = 1000;
export const MAX_GRID_CELLS = 2_000_000;

function tooBigTable(index: number): DocumentReadError {
  return refuse(
    'corrupt',
    `Bảng thứ ${index} của tệp .docx rộng hơn ${formatNumber(MAX_GRID_COLUMNS, VI_SEPARATORS)} cột hoặc có hơn ${formatNumber(MAX_GRID_CELLS, VI_SEPARATORS)} ô (các ô gộp bị hỏng?); tệp không được đọc.`,
    `Table ${index} of the .docx file is wider than ${formatNumber(MAX_GRID_COLUMNS, EN_SEPARATORS)} columns or has more than ${formatNumber(MAX_GRID_CELLS, EN_SEPARATORS)} cells (broken merged cells?); the file was not read.`,
  );
}

/** The cells of row `ri` of the grid, its merges filled from `grid` (the rows above). */
function gridRow(r: RawRow, ri: number, grid: DocCell[][]): DocCell[] {
  const line: DocCell[] = [];
  for (let k = 0; k < r.gridBefore; k++) line.push({ text: '' });
  for (const c of r.cells) {
    if (c.span === 0) {
      // Old-style horizontal merge continuation: joins the cell to its left.
      const left = line.length - 1;
      if (left >= 0) line.push({ text: line[left].text, mergedFrom: line[left].mergedFrom ?? { row: ri, col: left } });
      continue;
    }
    const col = line.length;
    let origin: { row: number; col: number } | undefined;
    let text = c.text;
    if (c.vMerge === 'continue') {
      const above = ri > 0 ? grid[ri - 1][col] : undefined;
      if (above) {
        origin = above.mergedFrom ?? { row: ri - 1, col };
        text = above.text;
      }
    }
    line.push(origin ? { text, mergedFrom: origin } : { text });
    // The cells a span covers share their origin (one object, read only).
    const from = origin ?? { row: ri, col };
    for (let k = 1; k < c.span; k++) line.push({ text, mergedFrom: from });
  }
  return line;
}

/**
 * How wide the grid of `raw` is, each row's cells counted before any is made.
 * @throws DocumentReadError when a row is wider than `MAX_GRID_COLUMNS` or the grid holds more than `MAX_GRID_CELLS`.
 */
function gridWidth(raw: RawTable, index: number): number {
  let width = 0;
  let cells = 0;
  for (const r of raw.rows) {
    let columns = r.gridBefore;
    let length = r.gridBefore;
    for (const c of r.cells) {
      columns += Math.max(1, c.span);
      // An old-style continuation adds a cell only where a cell stands to its left.
      length += c.span === 0 ? (length > 0 ? 1 : 0) : c.span;
    }
    if (columns > MAX_GRID_COLUMNS) throw tooBigTable(index);
    cells += columns;
    if (cells > MAX_GRID_CELLS) throw tooBigTable(index);
    width = Math.max(width, length);
  }
  if (raw.rows.length * width > MAX_GRID_CELLS) throw tooBigTable(index);
  return width;
}

/**
 * The grid of a table read: spans and vertical merges filled with their origin.
 * @throws DocumentReadError when the grid would be wider than `MAX_GRID_COLUMNS` or hold more than `MAX_GRID_CELLS`.
 */
export function toGrid(raw: RawTable, index: number): DocCell[][] {
  const width = gridWidth(raw, index);
  const grid: DocCell[][] = [];
  raw.rows.forEach((r, ri) => grid.push(gridRow(r, ri, grid)));
  for (const line of grid) while (line.length < width) line.push({ text: '' });
  return grid;
}
