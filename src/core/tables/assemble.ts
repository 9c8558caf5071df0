/**
 * From "a sheet's names + its cells" to the TableRead the validation engine takes. Both readers
 * (`xlsx/read-workbook` on the file's XML, `excel/tables` on Office.js) go through `assembleTable`, so they find
 * the same cells and report a broken structure with the same reasons. Pure: the reader supplies
 * the cells through an accessor and keeps its own I/O.
 */
import type { Template, Text } from '../forms/template';
import { STANDARD_PACK_ID } from '../forms/pack';
import { columnsOf } from '../forms/template';
import { lookupTemplate, type TemplateSource } from '../forms/catalog';
import { address, parseRange, rangeAddress, splitSheetRef, type RangePos } from '../a1';
import type { CellRead, CellValue, TableRead } from './table-read';
import { GROUP_NAME_PATTERN, HEADER_NAME, INFO_NAMES, META_NAME, ROW_LABELS_NAME, averageName, columnName, parseMetaValue, totalName, type InfoKey } from '../forms/defined-names';

/** One sheet-scoped defined name as the host gives it. */
export interface SheetName {
  name: string;
  /**
   * What the name refers to: `='Biểu 01'!$B$8:$B$10`, `'Biểu 01'!B8`, `B8:B10`, … (leading `=`,
   * `$` and the sheet prefix optional); `#REF!` or anything that is not a range on this sheet
   * makes the name unresolved.
   */
  ref: string;
}

/** What a reader gives for one cell: its value as normalised in `core/tables/table-read` and its formula. */
export interface CellContent {
  value: CellValue;
  /** The formula with its leading `=`, or null for a constant or blank cell. */
  formula: string | null;
}

/** The most rows and columns a name of a table may cover (a table has at most 10,000 data rows). */
const MAX_TABLE_ROWS = 20000;
const MAX_TABLE_COLUMNS = 1000;

/** Reads one cell of the sheet by plain A1 address (no `$`, no sheet prefix). */
export type CellAccessor = (address: string) => CellContent;

/** The range a name refers to on `sheet`; null for `#REF!`, a constant or a range on another sheet. */
export function nameRange(ref: string, sheet: string): RangePos | null {
  const { sheet: owner, local } = splitSheetRef(ref);
  if (local.includes('#REF!')) return null;
  // Sheet names are unique regardless of case in Excel.
  if (owner !== undefined && owner.toLowerCase() !== sheet.toLowerCase()) return null;
  try {
    return parseRange(local);
  } catch {
    return null;
  }
}

function emptyInfo(): Record<InfoKey, CellRead | null> {
  return { unit: null, reportNo: null, reportDate: null, reportBy: null, from: null, to: null };
}

function brokenTable(sheet: string, templateId: string, version: number, reason: Text, cell?: string, packId = STANDARD_PACK_ID): TableRead {
  return {
    sheet,
    packId,
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

function unresolved(name: string): Text {
  return { vi: `tên ${name} không còn trỏ tới ô nào`, en: `the name ${name} no longer refers to any cell` };
}

/** The cells a sheet's defined names point at, read through the caller's accessor; a name that cannot serve throws `Broken`. */
class NamedCells {
  constructor(
    readonly sheet: string,
    readonly resolved: Map<string, RangePos | null>,
    private readonly cellOf: CellAccessor,
  ) {}

  read(addr: string): CellRead {
    const c = this.cellOf(addr);
    return { sheet: this.sheet, address: addr, value: c.value, formula: c.formula };
  }

  at(row: number, col: number): CellRead {
    return this.read(address(row, col));
  }

  range(name: string, required: boolean): RangePos | null {
    if (!this.resolved.has(name)) {
      if (required) throw new Broken(unresolved(name));
      return null;
    }
    const r = this.resolved.get(name) ?? null;
    if (!r) throw new Broken(unresolved(name));
    // A name stretched over a whole sheet (A1:XFD1048576) would be read cell by cell, for ever.
    if (r.bottom - r.top >= MAX_TABLE_ROWS || r.right - r.left >= MAX_TABLE_COLUMNS) {
      throw new Broken({ vi: `tên ${name} phủ vùng ${rangeAddress(r)}, quá lớn cho một biểu`, en: `the name ${name} covers ${rangeAddress(r)}, too large for a table` });
    }
    return r;
  }

  oneCell(name: string, required: boolean): CellRead | null {
    const r = this.range(name, required);
    if (!r) return null;
    if (r.top !== r.bottom || r.left !== r.right) throw new Broken({ vi: `tên ${name} phải là một ô`, en: `the name ${name} must be one cell` });
    return this.at(r.top, r.left);
  }

  columnCells(name: string): CellRead[] {
    const r = this.range(name, true) as RangePos;
    if (r.left !== r.right) throw new Broken({ vi: `tên ${name} phải là một cột`, en: `the name ${name} must be one column` });
    const out: CellRead[] = [];
    for (let row = r.top; row <= r.bottom; row++) out.push(this.at(row, r.left));
    return out;
  }

  block(name: string): CellRead[][] {
    const h = this.range(name, true) as RangePos;
    const out: CellRead[][] = [];
    for (let row = h.top; row <= h.bottom; row++) {
      const line: CellRead[] = [];
      for (let col = h.left; col <= h.right; col++) line.push(this.at(row, col));
      out.push(line);
    }
    return out;
  }
}

/** Every column of the template (as long as the row labels) and its totals cell when named. */
function readColumns(nc: NamedCells, template: Template, rows: number): { columns: Record<string, CellRead[]>; totals: Record<string, CellRead> | null } {
  const columns: Record<string, CellRead[]> = {};
  const totals: Record<string, CellRead> = {};
  let hasTotals = false;
  for (const c of columnsOf(template)) {
    const cells = nc.columnCells(columnName(c.id));
    if (cells.length !== rows) {
      throw new Broken({ vi: `cột "${c.label.vi}" có ${cells.length} ô thay vì ${rows}`, en: `column "${c.label.en}" has ${cells.length} cells instead of ${rows}` });
    }
    columns[c.id] = cells;
    const t = nc.oneCell(totalName(c.id), false);
    if (t) {
      totals[c.id] = t;
      hasTotals = true;
    }
  }
  return { columns, totals: hasTotals ? totals : null };
}

/** The groups of units (`BM_GRP_k`), as data-row indices, each within the row labels' column. */
function readGroups(nc: NamedCells): { top: number; bottom: number }[] {
  const rows = nc.range(ROW_LABELS_NAME, true) as RangePos;
  const groups: { top: number; bottom: number }[] = [];
  for (const name of nc.resolved.keys()) {
    if (!GROUP_NAME_PATTERN.test(name)) continue;
    const g = nc.range(name, true) as RangePos;
    if (g.left !== rows.left || g.right !== rows.left || g.top < rows.top || g.bottom > rows.bottom || g.bottom - g.top < 2) {
      throw new Broken({ vi: `tên ${name} không còn bao một nhóm đơn vị`, en: `the name ${name} no longer spans a group of units` });
    }
    groups.push({ top: g.top - rows.top, bottom: g.bottom - rows.top });
  }
  return groups.sort((a, b) => a.top - b.top);
}

/**
 * The table on `sheet`, or null when the sheet has no BM_META name. Never throws: a table whose
 * names no longer resolve (or whose cells cannot be read) comes back with `broken` set; a table of
 * an unknown template or version comes back without `broken`, its header the BM_META cell only.
 * When a name occurs twice, the first one counts. The template is the one of the pack, id and
 * version the BM_META cell names (a catalog, or a plain list of `vn.standard` templates).
 */
export function assembleTable(templates: TemplateSource, sheet: string, names: readonly SheetName[], cellOf: CellAccessor): TableRead | null {
  const resolved = new Map<string, RangePos | null>();
  for (const n of names) if (!resolved.has(n.name)) resolved.set(n.name, nameRange(n.ref, sheet));
  if (!resolved.has(META_NAME)) return null;
  const nc = new NamedCells(sheet, resolved, cellOf);

  const metaRange = resolved.get(META_NAME) ?? null;
  if (!metaRange) return brokenTable(sheet, 'unknown', 0, unresolved(META_NAME));
  const metaAddr = address(metaRange.top, metaRange.left);
  let meta: CellRead;
  try {
    meta = nc.read(metaAddr);
  } catch {
    return brokenTable(sheet, 'unknown', 0, { vi: 'không đọc được biểu', en: 'the table cannot be read' }, metaAddr);
  }
  const parsed = parseMetaValue(meta.value);
  if (!parsed) return brokenTable(sheet, 'unknown', 0, { vi: `ô mã biểu mẫu ${metaAddr} đã bị sửa`, en: `the table id cell ${metaAddr} was changed` }, metaAddr);
  const { packId, templateId, version } = parsed;
  const template = lookupTemplate(templates, packId, templateId, version);
  if (!template) {
    const t = brokenTable(sheet, templateId, version, { vi: '', en: '' }, undefined, packId);
    delete t.broken;
    t.header = [[meta]];
    return t;
  }

  try {
    const header = nc.block(HEADER_NAME);
    const rowLabels = nc.columnCells(ROW_LABELS_NAME);
    const { columns, totals } = readColumns(nc, template, rowLabels.length);
    const averages: Record<string, CellRead> = {};
    for (const a of template.averages ?? []) averages[a.id] = nc.oneCell(averageName(a.id), true) as CellRead;
    const info = emptyInfo();
    for (const k of Object.keys(INFO_NAMES) as InfoKey[]) info[k] = nc.oneCell(INFO_NAMES[k], false);
    const table: TableRead = { sheet, packId, templateId, version, header, info, rowLabels, columns, totals, averages };
    const groups = readGroups(nc);
    if (groups.length > 0) table.groups = groups;
    return table;
  } catch (e) {
    if (e instanceof Broken) return brokenTable(sheet, templateId, version, e.reason, metaAddr, packId);
    return brokenTable(sheet, templateId, version, { vi: 'không đọc được biểu', en: 'the table cannot be read' }, metaAddr, packId);
  }
}
