/**
 * The one interface the task pane uses to talk to a workbook. `excel/` implements it with
 * Office.js; tests and the preview page run it on the in-memory Excel host.
 */
import type { SheetPlan } from '../core/forms/plan';
import type { WorkbookRead } from '../core/tables/table-read';
import type { CellRef, Finding } from '../core/check/findings';
import type { TemplateSource } from '../core/forms/catalog';
import type { RangeCells } from '../core/count/register';

/** Report information kept in the workbook and shown in every table's header. */
export interface ReportInfo {
  unit: string;
  reportNo: string;
  /** ISO yyyy-mm-dd, or '' when not set. */
  reportDate: string;
  reportBy: string;
  from: string;
  to: string;
}

/** What a fix replaced, so that it can be put back exactly. */
export interface AppliedFix {
  cell: CellRef;
  /** The cell's content before the fix: its formula if it had one, else its value. */
  before: { value: string | number | boolean | null; formula: string | null; numberFormat: string };
}

export interface HostCapabilities {
  /** ExcelApi 1.8: data validation on entry cells. */
  dataValidation: boolean;
  /** ExcelApi 1.11: application.cultureInfo. */
  cultureInfo: boolean;
  /** ExcelApi 1.12: custom document properties. */
  customProperties: boolean;
}

export interface NumberSeparators {
  decimal: string;
  thousands: string;
}

export interface WorkbookAdapter {
  capabilities(): HostCapabilities;
  /** Inserts a table on a new sheet (a free name if the default is taken) and activates it. */
  insertTemplate(plan: SheetPlan): Promise<{ sheet: string }>;
  /**
   * Every recognised table, values and formulas, in one round trip; tables are read as the
   * templates of `templates` say (default: the built-in pack).
   */
  readTables(templates?: TemplateSource): Promise<WorkbookRead>;
  /** Marks the findings' first cells in the sheet without touching the user's own formats. */
  paintFindings(findings: Finding[]): Promise<void>;
  /** Removes every mark this add-in painted; the sheets are exactly as before. */
  clearMarks(): Promise<void>;
  selectCell(ref: CellRef): Promise<void>;
  /** Applies `finding.fix`, changing only its cell. */
  applyFix(finding: Finding): Promise<AppliedFix>;
  revertFix(applied: AppliedFix): Promise<void>;
  /** The user's separators (ExcelApi 1.11), or null where the host cannot tell. */
  numberSeparators(): Promise<NumberSeparators | null>;
  /** Writes the report information into every recognised table; returns how many tables changed. */
  updateReportInfo(info: ReportInfo): Promise<number>;
  /** Report settings saved in the workbook (document settings), or null when none were saved. */
  loadSettings(): Promise<ReportInfo | null>;
  saveSettings(info: ReportInfo): Promise<void>;
  /** The names of the workbook's worksheets, in order (1 sync). */
  worksheetNames(): Promise<string[]>;
  /** A worksheet's used range, values and number formats, as they are (1 sync): a register pasted there. */
  readSheetCells(sheet: string): Promise<RangeCells>;
  /**
   * Calls `onChange` when the user changes a recognised table (never for this adapter's own
   * writes); resolves to the function that stops watching.
   */
  watchChanges(onChange: () => void): Promise<() => Promise<void>>;
}
