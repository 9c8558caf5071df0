/**
 * What the parts of the validation engine (`core/check/validate`) share: the state of a table being
 * checked, the context of a check, and the small helpers that write cells, values and labels into
 * findings.
 */
import type { Template, Text } from '../forms/template';
import { PackCatalog } from '../forms/catalog';
import type { CellRead, CellValue, TableRead } from '../tables/table-read';
import type { CellRef, Finding } from './findings';
import { sameFormula } from '../forms/formulas';
import type { RowKind } from '../tables/rows';
import { parseAddress } from '../a1';
import { isoFromUtcDate } from '../dates';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber, formatRawNumber, type Separators } from '../numbers';

/** An entry cell classified: the count (≥ 0), or BLANK / BAD. Numbers, to spare allocations. */
export type Entry = number;

export const BLANK: Entry = -1;
export const BAD: Entry = -2;

export interface Ctx {
  /** Separators used to read text as numbers (vi-VN unless the user's are known). */
  sep: Separators;
  /** The user's separators when known: numbers in messages are written with them. */
  user: Separators | undefined;
  catalog: PackCatalog;
  today: string;
}

export interface TableState {
  read: TableRead;
  template: Template;
  /** Entry classification per entry column id, per data row. */
  entries: Map<string, Float64Array>;
  /** Period, when both dates are valid. */
  period: { from: string; to: string } | null;
  /** What each data row is: only unit rows hold entries; group and subtotal rows are the layout's. */
  kinds: RowKind[];
}

export interface Located {
  finding: Finding;
  table: number;
  seq: number;
  row: number;
  col: number;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

export function ref(c: CellRead): CellRef {
  return { sheet: c.sheet, address: c.address };
}

/** Row and column of an A1 address; an unreadable one sorts last. */
export function posOf(address: string): { row: number; col: number } {
  try {
    return parseAddress(address);
  } catch {
    return { row: Number.MAX_SAFE_INTEGER, col: Number.MAX_SAFE_INTEGER };
  }
}

/** The template's formula? Exact text first (the usual case), then the canonical comparison. */
export function formulaMatches(actual: string | null, expected: string): boolean {
  return actual === expected || sameFormula(actual, expected);
}

export function isErrorValue(v: CellValue): v is { error: string } {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as { error?: unknown }).error === 'string';
}

/** A short printable rendering of a cell value for messages. */
export function showValue(v: CellValue, sep: Separators): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatRawNumber(v, sep);
  if (typeof v === 'string') {
    const chars = Array.from(v);
    return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : v;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isFinite(t) ? isoFromUtcDate(v) : 'Invalid Date';
  }
  if (isErrorValue(v)) return String(v.error);
  return '?';
}

export function viNum(n: number, sep: Separators | undefined): string {
  return formatNumber(n, sep ?? VI_SEPARATORS);
}

export function enNum(n: number, sep: Separators | undefined): string {
  return formatNumber(n, sep ?? EN_SEPARATORS);
}

/** "Hội đồng nhân dân – Nghị quyết", or the column label alone when its group has one column. */
export function columnLabel(t: Template, columnId: string): Text {
  for (const g of t.groups) {
    const c = g.columns.find((x) => x.id === columnId);
    if (!c) continue;
    if (g.columns.length === 1 || g.label.vi === c.label.vi) return c.label;
    return { vi: `${g.label.vi} – ${c.label.vi}`, en: `${g.label.en} – ${c.label.en}` };
  }
  return { vi: columnId, en: columnId };
}

/** Where a cell of a data row is: the row's label as the sheet shows it, or its row number. */
export function rowLabel(s: TableState, i: number): Text | null {
  const t = s.template;
  if (t.rows.kind === 'fixed' && t.rows.rows[i]) return t.rows.rows[i].label;
  const cell = s.read.rowLabels[i];
  const v = cell?.value;
  if (typeof v === 'string' && v.trim() !== '') {
    const text = showValue(v.trim(), VI_SEPARATORS);
    return { vi: text, en: text };
  }
  if (s.read.rowLabels.length <= 1) return null;
  const row = cell ? posOf(cell.address).row : i + 1;
  return { vi: `dòng ${row}`, en: `row ${row}` };
}

export function where(col: Text, row: Text | null): Text {
  return row ? { vi: `${col.vi} (${row.vi})`, en: `${col.en} (${row.en})` } : col;
}

export const TOTAL_ROW: Text = { vi: 'dòng tổng cộng', en: 'totals row' };
