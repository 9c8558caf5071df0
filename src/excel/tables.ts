/**
 * From what one batch read of a sheet (its sheet-scoped names and the values and formulas of its
 * used range) to the TableRead the validation engine takes. Pure: no Office.js here.
 */
import { address, parseRange, type RangePos } from '../core/a1';
import type { CellRead, CellValue, TableRead } from '../core/read';
import {
  HEADER_NAME,
  INFO_NAMES,
  META_NAME,
  ROW_LABELS_NAME,
  averageName,
  columnName,
  parseMetaValue,
  totalName,
  type InfoKey,
} from '../core/names';
import { TEMPLATES, columnsOf } from '../templates';
import type { Template, Text } from '../templates/types';

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

/** `='Biểu 01'!$B$8:$B$10` → B8:B10; null for `#REF!`, a constant or another sheet. */
export function nameRange(formula: string, sheet: string): RangePos | null {
  const f = formula.startsWith('=') ? formula.slice(1) : formula;
  if (f.includes('#REF!')) return null;
  const bang = f.lastIndexOf('!');
  if (bang < 0) return null;
  let owner = f.slice(0, bang);
  if (owner.startsWith("'") && owner.endsWith("'")) owner = owner.slice(1, -1).replace(/''/g, "'");
  if (owner.toLowerCase() !== sheet.toLowerCase()) return null;
  try {
    return parseRange(f.slice(bang + 1));
  } catch {
    return null;
  }
}

export function cellAt(scan: SheetScan, row: number, col: number): CellRead {
  const i = row - scan.top;
  const j = col - scan.left;
  const line = scan.values[i];
  const base = { sheet: scan.sheet, address: address(row, col) };
  if (i < 0 || j < 0 || line === undefined || j >= line.length) return { ...base, value: null, formula: null };
  const raw = line[j];
  const type = scan.valueTypes[i]?.[j];
  const f = scan.formulas[i]?.[j];
  const formula = typeof f === 'string' && f.startsWith('=') ? f : null;
  let value: CellValue;
  if (type === 'Error') value = { error: String(raw) };
  else if (raw === '' || raw === null || raw === undefined) value = formula !== null && type === 'Double' ? 0 : null;
  else if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') value = raw;
  else value = String(raw);
  return { ...base, value, formula };
}

function cellsIn(scan: SheetScan, r: RangePos): CellRead[][] {
  const out: CellRead[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: CellRead[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(cellAt(scan, row, col));
    out.push(line);
  }
  return out;
}

function emptyInfo(): Record<InfoKey, CellRead | null> {
  return { unit: null, reportNo: null, reportDate: null, reportBy: null, from: null, to: null };
}

function brokenTable(sheet: string, templateId: string, version: number, reason: Text, cell?: string): TableRead {
  return {
    sheet,
    templateId,
    version,
    broken: cell ? { reason, cell: { sheet, address: cell } } : { reason },
    header: [],
    info: emptyInfo(),
    rowLabels: [],
    columns: {},
    totals: null,
    averages: {},
  };
}

class Broken extends Error {
  constructor(readonly reason: Text) {
    super(reason.en);
  }
}

function missing(name: string): Broken {
  return new Broken({ vi: `tên ${name} không còn trỏ tới ô nào`, en: `the name ${name} no longer refers to any cell` });
}

/**
 * The table on this sheet, or null when the sheet has no BM_META name. Gives the same TableRead
 * as the `.xlsx` reader (`src/xlsx/reader.ts`) for the same workbook, broken cases included.
 */
export function tableFromScan(scan: SheetScan, templates: readonly Template[] = TEMPLATES): TableRead | null {
  const sheet = scan.sheet;
  if (!scan.names.has(META_NAME)) return null;
  const metaRange = scan.names.get(META_NAME) ?? null;
  if (!metaRange) {
    return brokenTable(sheet, 'unknown', 0, { vi: `tên ${META_NAME} không còn trỏ tới ô nào`, en: `the name ${META_NAME} no longer refers to any cell` });
  }
  const metaAddr = address(metaRange.top, metaRange.left);
  const parsed = parseMetaValue(cellAt(scan, metaRange.top, metaRange.left).value);
  if (!parsed) {
    return brokenTable(sheet, 'unknown', 0, { vi: `ô mã biểu mẫu ${metaAddr} đã bị sửa`, en: `the table id cell ${metaAddr} was changed` }, metaAddr);
  }
  const { templateId, version } = parsed;
  const template = templates.find((t) => t.id === templateId && t.version === version);
  if (!template) {
    const t = brokenTable(sheet, templateId, version, { vi: '', en: '' });
    delete t.broken;
    t.header = [[cellAt(scan, metaRange.top, metaRange.left)]];
    return t;
  }
  const range = (name: string, required: boolean): RangePos | null => {
    if (!scan.names.has(name)) {
      if (required) throw missing(name);
      return null;
    }
    const r = scan.names.get(name) ?? null;
    if (!r) throw missing(name);
    return r;
  };
  const oneCell = (name: string, required: boolean): CellRead | null => {
    const r = range(name, required);
    if (!r) return null;
    if (r.top !== r.bottom || r.left !== r.right) throw new Broken({ vi: `tên ${name} phải là một ô`, en: `the name ${name} must be one cell` });
    return cellAt(scan, r.top, r.left);
  };
  const columnCells = (name: string): CellRead[] => {
    const r = range(name, true) as RangePos;
    if (r.left !== r.right) throw new Broken({ vi: `tên ${name} phải là một cột`, en: `the name ${name} must be one column` });
    return cellsIn(scan, r).map((line) => line[0]);
  };
  try {
    const header = cellsIn(scan, range(HEADER_NAME, true) as RangePos);
    const rowLabels = columnCells(ROW_LABELS_NAME);
    const columns: Record<string, CellRead[]> = {};
    const totals: Record<string, CellRead> = {};
    let hasTotals = false;
    for (const c of columnsOf(template)) {
      const cells = columnCells(columnName(c.id));
      if (cells.length !== rowLabels.length) {
        throw new Broken({
          vi: `cột "${c.label.vi}" có ${cells.length} ô thay vì ${rowLabels.length}`,
          en: `column "${c.label.en}" has ${cells.length} cells instead of ${rowLabels.length}`,
        });
      }
      columns[c.id] = cells;
      const t = oneCell(totalName(c.id), false);
      if (t) {
        totals[c.id] = t;
        hasTotals = true;
      }
    }
    const averages: Record<string, CellRead> = {};
    for (const a of template.averages ?? []) averages[a.id] = oneCell(averageName(a.id), true) as CellRead;
    const info = emptyInfo();
    for (const k of Object.keys(INFO_NAMES) as InfoKey[]) info[k] = oneCell(INFO_NAMES[k], false);
    return { sheet, templateId, version, header, info, rowLabels, columns, totals: hasTotals ? totals : null, averages };
  } catch (e) {
    if (e instanceof Broken) return brokenTable(sheet, templateId, version, e.reason, metaAddr);
    return brokenTable(sheet, templateId, version, { vi: 'không đọc được biểu', en: 'the table cannot be read' }, metaAddr);
  }
}
