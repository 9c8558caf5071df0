/**
 * What a reader (Office.js or ExcelJS) gives the validation engine: the cells of every
 * recognised table, found through its defined names, with values and formulas.
 */
import type { Text } from '../forms/template';
import type { InfoKey } from '../forms/defined-names';

/**
 * A cell value as read. Readers normalise: rich text → its plain string; dates stay `Date`
 * (ExcelJS) or serial numbers (Office.js); an error value → `{ error: '#DIV/0!' }`.
 */
export type CellValue = number | string | boolean | Date | null | { error: string };

export interface CellRead {
  sheet: string;
  /** Plain A1, no `$`, no sheet prefix. */
  address: string;
  value: CellValue;
  /** The formula with its leading `=`, or null for a constant or blank cell. */
  formula: string | null;
}

export interface TableRead {
  sheet: string;
  /** The pack the table's template comes from (BM_META); absent means `vn.standard`. */
  packId?: string;
  templateId: string;
  version: number;
  /**
   * Set when the table cannot be read as its template says (a name that no longer resolves,
   * a column of the wrong height): the engine then reports this one structure error only.
   */
  broken?: { reason: Text; cell?: { sheet: string; address: string } };
  /** BM_HEADER, row by row. */
  header: CellRead[][];
  /** Report information cells; null where the name does not resolve. */
  info: Record<InfoKey, CellRead | null>;
  /** Row-label cells of the data rows (BM_ROWS). */
  rowLabels: CellRead[];
  /** Every column (entry and computed) by column id: its data-row cells, top to bottom. */
  columns: Record<string, CellRead[]>;
  /** Totals-row cell per column id; null when the table has no totals row. */
  totals: Record<string, CellRead> | null;
  /** Period-average cells by average id. */
  averages: Record<string, CellRead>;
  /**
   * Groups of unit rows (a consolidated table, names `BM_GRP_k`): indices into `rowLabels` of each
   * group's group row (`top`) and subtotal row (`bottom`); the rows between are its units.
   * Absent when the table has none.
   */
  groups?: { top: number; bottom: number }[];
}

export interface WorkbookRead {
  tables: TableRead[];
}
