/**
 * Where a table's sheet puts everything (`core/forms/layout`): the grid the builders write into, and
 * the positions decided once before any cell is written — the rows of every block, the sheet column
 * of every template column, the column widths — checked against the options given.
 */
import type { Column, Template } from './template';
import { columnsOf } from './template';
import type { CellStyle, LayoutOptions, PlanCell, PlanName, RowGroup, StyledRange } from './plan';
import { address, rangeAddress } from '../a1';
import type { InfoKey } from './defined-names';
import { isValidIsoDate } from '../dates';
import { periodText, cornerHeader, longestWord, countWidth } from './layout-texts';
import { MISSING_SUFFIX } from './layout-texts';

/** First header row; data rows start two rows below (after the optional group row). */
export const HEADER_ROW = 6;

/** The report information's rows, in order, in the block outside the print area. */
export const INFO_ORDER: InfoKey[] = ['unit', 'reportNo', 'reportDate', 'reportBy', 'from', 'to'];

// ---------------------------------------------------------------------------------------------

export interface ColumnPlace {
  column: Column;
  /** 1-based sheet column. */
  col: number;
}

/** A grid under construction. */
export class Grid {
  readonly cells = new Map<string, PlanCell>();
  readonly merges: string[] = [];
  readonly styles: StyledRange[] = [];
  readonly names: PlanName[] = [];
  readonly unlocked: string[] = [];
  readonly entryRanges: string[] = [];
  readonly heights = new Map<number, number>();
  maxRow = 1;
  maxCol = 1;

  set(row: number, col: number, cell: PlanCell): void {
    this.cells.set(`${row},${col}`, cell);
    this.touch(row, col);
  }

  touch(row: number, col: number): void {
    this.maxRow = Math.max(this.maxRow, row);
    this.maxCol = Math.max(this.maxCol, col);
  }

  style(top: number, left: number, bottom: number, right: number, style: CellStyle): void {
    this.styles.push({ range: rangeAddress({ top, left, bottom, right }), style });
    this.touch(bottom, right);
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (top === bottom && left === right) return;
    this.merges.push(rangeAddress({ top, left, bottom, right }));
    this.touch(bottom, right);
  }

  name(name: string, top: number, left: number, bottom = top, right = left): void {
    this.names.push({ name, ref: rangeAddress({ top, left, bottom, right }) });
  }

  height(row: number, h: number): void {
    this.heights.set(row, Math.max(this.heights.get(row) ?? 0, h));
  }
}

/** Contiguous runs of columns, as [first, last] pairs. */
export function runs(cols: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const c of [...cols].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}

export function checkOptions(template: Template, options: LayoutOptions): number {
  const n = template.rows.kind === 'fixed' ? template.rows.rows.length : options.dataRows ?? 1;
  if (!Number.isInteger(n) || n < 1 || n > 100000) throw new RangeError(`dataRows must be a whole number from 1: ${String(options.dataRows)}`);
  const groups = options.rowGroups ?? [];
  if (groups.length > 0 && (template.rows.kind !== 'repeat' || n < 2)) throw new RangeError('rowGroups need a repeat table with more than one data row');
  let next = 0;
  for (const g of groups) {
    if (!Number.isInteger(g.first) || !Number.isInteger(g.count) || g.count < 1 || g.first < next || g.first + g.count > n) {
      throw new RangeError(`rowGroups must be in order, not overlapping, within the data rows: ${g.label}`);
    }
    next = g.first + g.count;
  }
  for (const [k, v] of [
    ['reportDate', options.reportDate],
    ['from', options.from],
    ['to', options.to],
  ] as const) {
    if (v !== undefined && !isValidIsoDate(v)) throw new RangeError(`${k} is not a valid ISO date: ${v}`);
  }
  return n;
}

/**
 * Where everything goes: the sheet rows and columns of every block and the column widths, decided
 * once before any cell is written. The builders below only read it.
 */
export interface Positions {
  template: Template;
  options: LayoutOptions;
  dataRows: number;
  places: ColumnPlace[];
  /** Sheet column of each column id. */
  colOf: Map<string, number>;
  lastCol: number;
  /** Entry column ids, in the order of a `values` row. */
  entryIds: string[];
  /** Header rows (top and bottom of the two-level header). */
  h1: number;
  h2: number;
  /** The template's fixed group row (Biểu 03), 0 when absent. */
  groupRowAt: number;
  firstData: number;
  lastData: number;
  unitRows: number[];
  groupRows: { group: RowGroup; head: number; sub: number }[];
  /** 0 when the table has no totals row. */
  totalsRow: number;
  tableBottom: number;
  avgRows: number[];
  avgLabelEnd: number;
  avgValueCol: number;
  /** 0 when the template has no averages note. */
  noteRow: number;
  printBottom: number;
  infoTitleRow: number;
  infoRows: Map<InfoKey, number>;
  metaRow: number;
  /** Column widths in Excel character units, index 0 = column A (table columns only). */
  widths: number[];
  tableWidth: number;
}

export function infoCell(p: Positions, k: InfoKey): string {
  return address(p.infoRows.get(k) as number, 2);
}

/** The widest the first column gets for row labels given by the caller (units, periods); longer labels wrap. */
export const LABEL_WIDTH_MAX = 36;

/**
 * Every text of the first column's data rows (labels of the unit rows, with the mark of a unit that
 * did not report, and of the row groups' head and subtotal rows), for widths and heights.
 */
export function givenLabels(options: LayoutOptions): string[] {
  const labels = options.rowLabels ?? [];
  const missing = new Set(options.missingRows ?? []);
  const out = labels.map((l, i) => (missing.has(i) ? `${l}${MISSING_SUFFIX}` : l));
  for (const g of options.rowGroups ?? []) out.push(g.label, `Cộng ${g.label}`);
  return out;
}

export function columnWidths(template: Template, options: LayoutOptions, places: ColumnPlace[], entryIds: string[]): number[] {
  const widths: number[] = [];
  const header = cornerHeader(template, options.rowKind);
  if (template.rows.kind === 'repeat' && options.rowLabels) {
    // Labels given by the caller: as wide as the longest, up to LABEL_WIDTH_MAX; beyond, they wrap
    // and their rows get the height of their lines.
    let need = longestWord(header) + 2;
    for (const t of givenLabels(options)) need = Math.max(need, t.length + 2);
    widths[0] = Math.max(16, Math.min(LABEL_WIDTH_MAX, need));
  } else {
    // The template's own labels (or the period) are meant to wrap on about two lines.
    const rowLabelTexts: string[] = template.rows.kind === 'fixed' ? template.rows.rows.map((r) => r.label.vi) : [periodText(options)];
    const labelNeed = Math.max(longestWord(header) + 2, ...rowLabelTexts.map((t) => Math.ceil(t.length / 2) + 3));
    widths[0] = Math.max(16, Math.min(24, labelNeed));
  }
  for (const p of places) {
    const values = (options.values ?? []).map((r) => {
      const idx = entryIds.indexOf(p.column.id);
      return idx >= 0 ? r[idx] ?? 0 : 0;
    });
    const labelWidth = Math.ceil(p.column.label.vi.length / 3) + 2;
    widths[p.col - 1] = Math.min(15, Math.max(10, labelWidth, longestWord(p.column.label.vi) + 2, ...values.map(countWidth)));
  }
  return widths;
}

export function positions(template: Template, options: LayoutOptions): Positions {
  const dataRows = checkOptions(template, options);
  const columns = columnsOf(template);
  const places: ColumnPlace[] = columns.map((column, i) => ({ column, col: i + 2 }));
  const colOf = new Map(places.map((p) => [p.column.id, p.col]));
  const lastCol = 1 + columns.length;
  const entryIds = columns.filter((c) => c.kind === 'entry').map((c) => c.id);

  const hasGroupRow = template.rows.kind === 'repeat' && template.rows.groupRow !== undefined && options.templateGroupRow !== false;
  const firstData = HEADER_ROW + 2 + (hasGroupRow ? 1 : 0);
  const { unitRows, groupRows, lastData } = placeRows(firstData, dataRows, options.rowGroups ?? []);
  const hasTotals = template.rows.kind === 'fixed' || dataRows > 1;
  const totalsRow = hasTotals ? lastData + 1 : 0;
  const tableBottom = hasTotals ? totalsRow : lastData;

  const averages = template.averages ?? [];
  const avgLabelEnd = Math.min(Math.max(3, lastCol - 2), 6);
  let row = tableBottom + 2;
  const avgRows = averages.map(() => row++);
  const noteRow = template.averagesNote ? row++ : 0;
  const printBottom = averages.length > 0 || noteRow > 0 ? row - 1 : tableBottom;

  const infoTitleRow = printBottom + 3;
  const infoRows = new Map<InfoKey, number>(INFO_ORDER.map((k, i) => [k, infoTitleRow + 1 + i]));
  const widths = columnWidths(template, options, places, entryIds);
  return {
    template,
    options,
    dataRows,
    places,
    colOf,
    lastCol,
    entryIds,
    h1: HEADER_ROW,
    h2: HEADER_ROW + 1,
    groupRowAt: hasGroupRow ? HEADER_ROW + 2 : 0,
    firstData,
    lastData,
    unitRows,
    groupRows,
    totalsRow,
    tableBottom,
    avgRows,
    avgLabelEnd,
    avgValueCol: avgLabelEnd + 1,
    noteRow,
    printBottom,
    infoTitleRow,
    infoRows,
    metaRow: infoTitleRow + 1 + INFO_ORDER.length,
    widths,
    tableWidth: widths.slice(0, lastCol).reduce((a, b) => a + b, 0),
  };
}

/**
 * Sheet rows of the data rows: unit rows in order and, for each row group, a group row above its
 * first unit and a subtotal row below its last.
 */
export function placeRows(
  firstData: number,
  dataRows: number,
  groups: readonly RowGroup[],
): { unitRows: number[]; groupRows: { group: RowGroup; head: number; sub: number }[]; lastData: number } {
  const unitRows: number[] = new Array<number>(dataRows);
  const groupRows: { group: RowGroup; head: number; sub: number }[] = [];
  let r = firstData;
  let gi = 0;
  let head = 0;
  for (let i = 0; i < dataRows; i++) {
    const grp = groups[gi] as RowGroup | undefined;
    if (grp && grp.first === i) head = r++;
    unitRows[i] = r++;
    if (grp && i === grp.first + grp.count - 1) {
      groupRows.push({ group: grp, head, sub: r++ });
      gi++;
    }
  }
  return { unitRows, groupRows, lastData: r - 1 };
}
