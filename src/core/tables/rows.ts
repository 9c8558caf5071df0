/**
 * What each data row of a table is. A table laid out with row groups (a consolidation by a units
 * list) has, inside its data rows, a group row above each group and a subtotal row below it; every
 * other data row is one unit (or one period). Validation, figures and consolidation add up the
 * unit rows only, so a subtotal is never counted twice.
 */
import type { TableRead } from './table-read';

export type RowKind = 'unit' | 'group' | 'subtotal';

/**
 * One kind per data row (`rowLabels` index), or null when the groups do not fit the rows
 * (overlapping, out of range, or without a unit between group row and subtotal row).
 */
export function rowKinds(read: { rowLabels: ArrayLike<unknown>; groups?: TableRead['groups'] }): RowKind[] | null {
  const n = read.rowLabels.length;
  const kinds: RowKind[] = new Array<RowKind>(n).fill('unit');
  let next = 0;
  for (const g of read.groups ?? []) {
    if (!Number.isInteger(g.top) || !Number.isInteger(g.bottom) || g.top < next || g.bottom >= n || g.bottom - g.top < 2) return null;
    kinds[g.top] = 'group';
    kinds[g.bottom] = 'subtotal';
    next = g.bottom + 1;
  }
  return kinds;
}

/** Indices of the unit rows (all rows when the table has no groups; none when the groups do not fit). */
export function unitRowIndices(read: { rowLabels: ArrayLike<unknown>; groups?: TableRead['groups'] }): number[] {
  const kinds = rowKinds(read);
  const out: number[] = [];
  if (!kinds) return out;
  kinds.forEach((k, i) => {
    if (k === 'unit') out.push(i);
  });
  return out;
}
