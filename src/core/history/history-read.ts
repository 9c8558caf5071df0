/**
 * What the comparison with earlier periods (`core/history/history`) needs of a workbook: its unit, its
 * period and each template's first readable table, with the identity of its rows (a fixed row, a
 * consolidation's unit, or the unit rows taken together) and the figures and cells behind them.
 */
import type { CellRead, CellValue, TableRead, WorkbookRead } from '../tables/table-read';
import type { Template, Text } from '../forms/template';
import { lookupTemplate, type TemplateSource } from '../forms/catalog';
import { tablePeriod, type Period } from '../figures';
import { unitRowIndices } from '../tables/rows';
import { fitsTemplate } from '../check/validate-structure';
import { STANDARD_PACK_ID } from '../forms/pack';
import { cleanUnitText, unitKey } from '../units';


function count(v: CellValue | undefined): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER ? v : null;
}

export function textOf(v: CellValue | undefined): string {
  return typeof v === 'string' ? cleanUnitText(v) : typeof v === 'number' ? String(v) : '';
}


export function keyOf(packId: string, templateId: string): string {
  return packId === STANDARD_PACK_ID ? templateId : `${packId}/${templateId}`;
}

export interface Usable {
  table: TableRead;
  template: Template;
  packId: string;
  /** Data-row indices of the unit rows (group and subtotal rows left out). */
  units: number[];
  /**
   * Row identity → data-row index: `fixed:<row id>` for a fixed-row table; `unit:<unit key>` for a
   * table of several rows each labelled with its own unit (a consolidation); empty otherwise.
   */
  rows: Map<string, number>;
}

/** The rows' identities (see `Usable.rows`). Labels blank or repeated: the rows are one unit's (none here). */
function rowIdentities(table: TableRead, template: Template, units: readonly number[]): Map<string, number> {
  const out = new Map<string, number>();
  if (template.rows.kind === 'fixed') {
    template.rows.rows.forEach((r, i) => {
      if (i < table.rowLabels.length) out.set(`fixed:${r.id}`, i);
    });
    return out;
  }
  if (units.length < 2) return out;
  for (const i of units) {
    const label = unitKey(textOf(table.rowLabels[i]?.value));
    if (label === '' || out.has(`unit:${label}`)) return new Map();
    out.set(`unit:${label}`, i);
  }
  return out;
}

/** The identity of a repeat table's rows taken together (a unit's report, however many rows it has). */
export const WHOLE = 'whole';

/** The data rows an identity stands for in a table: all its unit rows for `whole`, else its one row; null when it has none. */
export function rowsAt(u: Usable, identity: string): readonly number[] | null {
  if (identity === WHOLE) return u.units.length > 0 ? u.units : null;
  const i = u.rows.get(identity);
  return i === undefined ? null : [i];
}

/** A column's figure over those rows: the cell's count, or their sum; null when a cell is not a count. */
export function figureOf(u: Usable, rows: readonly number[] | null, column: string): number | null {
  const cells = u.table.columns[column];
  if (!cells || !rows) return null;
  let sum = 0;
  for (const i of rows) {
    const v = count(cells[i]?.value);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/** Where a finding on that figure belongs: the cell, or for `whole` of several rows the totals cell. */
export function cellAt(u: Usable, identity: string, column: string): CellRead | undefined {
  if (identity === WHOLE) {
    if (u.units.length === 1) return u.table.columns[column]?.[u.units[0]];
    return u.table.totals?.[column] ?? undefined;
  }
  const i = u.rows.get(identity);
  return i === undefined ? undefined : u.table.columns[column]?.[i];
}

export interface Workbook {
  unit: string;
  period: Period | null;
  /** By template key (first table of each template; structurally broken ones left out). */
  tables: Map<string, Usable>;
  /** Template key → every version of it among the workbook's tables. */
  versions: Map<string, Set<number>>;
}

export function workbookOf(read: WorkbookRead, templates: TemplateSource): Workbook {
  const wb: Workbook = { unit: '', period: null, tables: new Map(), versions: new Map() };
  const tables = Array.isArray(read.tables) ? read.tables : [];
  for (const t of tables) {
    if (t.broken) continue;
    if (wb.unit === '') wb.unit = textOf(t.info?.unit?.value);
    if (wb.period === null && t.info) wb.period = tablePeriod(t);
    const packId = t.packId ?? STANDARD_PACK_ID;
    const key = keyOf(packId, t.templateId);
    if (wb.tables.has(key)) continue;
    const template = lookupTemplate(templates, packId, t.templateId, t.version);
    if (!template) continue;
    if (!fitsTemplate(t, template)) continue;
    const units = unitRowIndices(t);
    wb.tables.set(key, { table: t, template, packId, units, rows: rowIdentities(t, template, units) });
  }
  // Every version of each template the workbook holds (for the notes on another version).
  for (const t of tables) {
    const key = keyOf(t.packId ?? STANDARD_PACK_ID, t.templateId);
    const set = wb.versions.get(key) ?? new Set<number>();
    set.add(t.version);
    wb.versions.set(key, set);
  }
  return wb;
}

/** What a row is called in a figure's label: the fixed row's label, the unit, or the totals' label for a whole of several rows. */
export function rowPrefix(u: Usable, identity: string): Text | null {
  const rows = u.template.rows;
  if (identity === WHOLE) return u.units.length > 1 ? rows.total : null;
  const i = u.rows.get(identity);
  if (i === undefined) return null;
  if (rows.kind === 'fixed') return rows.rows[i]?.label ?? null;
  const label = textOf(u.table.rowLabels[i]?.value);
  return { vi: label, en: label };
}
