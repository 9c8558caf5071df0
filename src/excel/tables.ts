/**
 * From what one batch read of a sheet (its sheet-scoped names and the values and formulas of its
 * used range) to the TableRead the validation engine takes. Pure: no Office.js here. Finding the
 * table through its names is `core/tables/assemble`, shared with the `.xlsx` reader; this module only
 * turns the Office.js grids into cells.
 */
import { parseAddress, rangeAddress, type RangePos } from '../core/a1';
import type { CellContent } from '../core/tables/assemble';
import { findMarker, readTable, type Marker } from '../core/tables/locate';
import type { CellValue, TableRead } from '../core/tables/table-read';
import { BUILTIN_CATALOG } from '../core/forms/builtin';
import type { TemplateSource } from '../core/forms/catalog';

/** Office.js gives error cells as their text with value type `Error`. */
export interface SheetScan {
  sheet: string;
  /** Sheet-scoped names (as Excel spells them) → their range on this sheet, or null when `#REF!`. */
  names: Map<string, RangePos | null>;
  /** Top-left of the grids (1-based); grids empty when the sheet is blank. */
  top: number;
  left: number;
  values: unknown[][];
  formulas: unknown[][];
  valueTypes: unknown[][];
}

/** The cell at row, column (1-based) of the scanned sheet; blank outside the used range. */
export function cellAt(scan: SheetScan, row: number, col: number): CellContent {
  const i = row - scan.top;
  const j = col - scan.left;
  const line = scan.values[i];
  if (i < 0 || j < 0 || line === undefined || j >= line.length) return { value: null, formula: null };
  const raw = line[j];
  const type = scan.valueTypes[i]?.[j];
  const f = scan.formulas[i]?.[j];
  const formula = typeof f === 'string' && f.startsWith('=') ? f : null;
  let value: CellValue;
  if (type === 'Error') value = { error: String(raw) };
  else if (raw === '' || raw === null || raw === undefined) value = formula !== null && type === 'Double' ? 0 : null;
  else if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') value = raw;
  else value = String(raw);
  return { value, formula };
}

/** The sheet's table id cell, if its grid holds one (see `core/tables/locate`). */
export function markerOfScan(scan: SheetScan): Marker | null {
  const cells: { row: number; col: number; value: unknown }[] = [];
  scan.values.forEach((line, i) => {
    line.forEach((v, j) => {
      if (typeof v === 'string' && v !== '') cells.push({ row: scan.top + i, col: scan.left + j, value: v });
    });
  });
  return findMarker(cells);
}

/**
 * The table on this sheet, or null when the sheet has neither a BM_META name nor a table id cell.
 * Gives the same TableRead as the `.xlsx` reader (`src/xlsx/read-workbook.ts`) for the same workbook,
 * broken cases included: both go through `core/tables/locate`.
 */
export function tableFromScan(scan: SheetScan, templates: TemplateSource = BUILTIN_CATALOG): TableRead | null {
  const names = [...scan.names].map(([name, r]) => ({ name, ref: r ? rangeAddress(r) : '#REF!' }));
  return readTable(
    templates,
    scan.sheet,
    names,
    (a) => {
      const p = parseAddress(a);
      return cellAt(scan, p.row, p.col);
    },
    markerOfScan(scan),
  );
}
