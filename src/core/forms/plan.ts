/**
 * SheetPlan: everything a writer needs to produce one table on one sheet — values, formulas,
 * number formats, merges, styles, locked/unlocked cells, defined names, print setup.
 * Both writers (Office.js in Excel, ExcelJS for `.xlsx`) apply the same plan and add nothing.
 * All addresses are plain A1 relative to the sheet (no `$`, no sheet prefix).
 */

/** A date as ISO `yyyy-mm-dd`; writers turn it into a real date (serial + date format). */
export interface PlanDate {
  date: string;
}

export interface PlanCell {
  /** A constant: text, number or date. Absent for formula cells and empty styled cells. */
  value?: string | number | PlanDate;
  /** English A1 formula with a leading `=` (written with `range.formulas`, never `formulasLocal`). */
  formula?: string;
  /**
   * The value the formula gives, stored with it for readers that do not calculate (the counts of
   * `bieumau count`); Excel and LibreOffice recalculate on opening.
   */
  result?: number;
  /** Excel number format, e.g. `#,##0`, `0%`, `dd/mm/yyyy`. */
  numberFormat?: string;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  fontSize?: number;
  /** `#RRGGBB`. */
  fontColor?: string;
  /** `#RRGGBB` solid fill. */
  fill?: string;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  /** Thin borders on every edge of every cell of the range. */
  border?: boolean;
}

export interface StyledRange {
  range: string;
  style: CellStyle;
}

export interface PlanName {
  /** Sheet-scoped name, see `core/forms/defined-names`. */
  name: string;
  /** A1 range on the same sheet. */
  ref: string;
}

export interface PrintSetup {
  paper: 'A4';
  orientation: 'landscape' | 'portrait';
  /** Fit to this many pages wide (height unconstrained). */
  fitToWidth: number;
  /** Rows repeated at the top of every printed page, e.g. `6:7`. */
  titleRows: string;
  /** What is printed, e.g. `A1:N14`. */
  printArea: string;
}

export interface SheetPlan {
  templateId: string;
  version: number;
  /** The default sheet name ("Biểu 01"); the writer picks a free variant if it is taken. */
  sheetName: string;
  /** Size of the area the plan covers, from A1. */
  rowCount: number;
  columnCount: number;
  /** `cells[r][c]` is the cell at row r+1, column c+1; null where the plan writes nothing. */
  cells: (PlanCell | null)[][];
  merges: string[];
  styles: StyledRange[];
  /** Ranges the clerk may type into while the sheet is protected (entry and report-info cells). */
  unlocked: string[];
  /** Ranges of entry cells that take whole counts ≥ 0 (Excel data validation where supported). */
  entryRanges: string[];
  /** Column widths in Excel character units, index 0 = column A. */
  columnWidths: number[];
  /** Row heights in points (only rows that need one). */
  rowHeights: { row: number; height: number }[];
  names: PlanName[];
  /** Sheet protection with no password: labels and formulas cannot be typed over by accident. */
  protect: boolean;
  print: PrintSetup;
}

export interface LayoutOptions {
  /** Issuing unit, e.g. `TỈNH ỦY LÂM ĐỒNG`. */
  unit?: string;
  /** Report number, e.g. `52-BC/TU`. */
  reportNo?: string;
  /** Report date, ISO `yyyy-mm-dd`. */
  reportDate?: string;
  /** Who issues the report, for the attachment line ("của Ban Thường vụ Tỉnh ủy"). */
  reportBy?: string;
  /** Period, ISO `yyyy-mm-dd`. */
  from?: string;
  to?: string;
  /** Data rows for `repeat` tables (default 1); a totals row is added when > 1. */
  dataRows?: number;
  /** Entry values per data row, in entry-column order (e.g. the template's sample); null or absent = blank. */
  values?: (number | null)[][];
  /**
   * Labels of the data rows of a `repeat` table (a consolidation: one row per unit); with them the
   * label cells hold these texts instead of being left blank for the clerk.
   */
  rowLabels?: string[];
  /**
   * Data rows (0-based) of units that did not report: label kept, entries blank, the row marked
   * (a consolidation against an expected units list).
   */
  missingRows?: number[];
  /**
   * Groups of consecutive data rows (0-based `first`, `count` ≥ 1, in order, not overlapping):
   * each gets a group row with its label above and a subtotal row below; the totals row then adds
   * every data row once (never a subtotal). Needs `dataRows` > 1.
   */
  rowGroups?: RowGroup[];
  /** false: leave out the template's fixed group row (Biểu 03's "23 tỉnh, thành phố …"). */
  templateGroupRow?: boolean;
  /**
   * What the data rows of a `repeat` table are, for the corner header: `unit` (a consolidation, one
   * row per unit: "… / Đơn vị") or `period` (figures through time: "… / Thời gian"). Absent: the
   * template's own header (a single report).
   */
  rowKind?: RowKindOption;
}

export type RowKindOption = 'period' | 'unit';

export interface RowGroup {
  label: string;
  first: number;
  count: number;
}
