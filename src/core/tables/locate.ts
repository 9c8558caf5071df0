/**
 * Finding a table from what its sheet holds, when its defined names are gone or wrong (a tool that
 * rewrote the workbook dropped their sheet scope, a name was deleted, names point at another
 * sheet). The sheet still holds the table id cell (`Mã biểu mẫu` | `bieumau:b01@1`, read with
 * `parseMetaValue`), and the title, header and label cells that `core/forms/layout` wrote. From the id
 * cell up to the header rows, the layout itself says how many data rows the table has and where
 * every named range must be; the names are rebuilt from the layout at that place and the table is
 * read through `assembleTable` like any other. Pure: the readers supply the cells.
 *
 * Which wins (both readers, `readTable`):
 * 1. names that resolve to a readable table whose BM_META is the id cell found in the sheet: the
 *    names (they also carry what the layout alone cannot tell, such as a consolidation's groups);
 * 2. otherwise the table located from the id cell, when the layout matches the sheet there;
 * 3. otherwise the names' own result (a broken table, or none when the sheet has neither names nor
 *    an id cell), or, with no names, a broken table saying what of the layout no longer matches.
 */
import type { Template, Text } from '../forms/template';
import { address, parseAddress, parseRange, rangeAddress } from '../a1';
import { assembleTable, nameRange, type CellAccessor, type SheetName } from './assemble';
import { META_LABEL, layout } from '../forms/layout';
import { HEADER_ROW } from '../forms/layout-grid';
import { cornerHeaders, expectedHeader } from '../forms/layout-texts';
import { META_NAME, parseMetaValue, type MetaIdentity } from '../forms/defined-names';
import { lookupTemplate, type TemplateSource } from '../forms/catalog';
import type { SheetPlan } from '../forms/plan';
import type { CellValue, TableRead } from './table-read';

/** A table id cell found in the sheet. */
export interface Marker {
  address: string;
  packId: string;
  templateId: string;
  version: number;
}

/**
 * The first table id cell of a sheet, in row-major order: a string that `parseMetaValue` reads,
 * with the label `Mã biểu mẫu` in the cell to its left (an id quoted anywhere else is not a table).
 * `cells` are the sheet's non-blank text cells, in any order.
 */
export function findMarker(cells: Iterable<{ row: number; col: number; value: unknown }>): Marker | null {
  const all = [...cells];
  const labels = new Set<string>();
  for (const c of all) if (typeof c.value === 'string' && c.value.trim() === META_LABEL) labels.add(`${c.row},${c.col + 1}`);
  let best: { row: number; col: number; id: MetaIdentity } | null = null;
  for (const c of all) {
    if (typeof c.value !== 'string' || !labels.has(`${c.row},${c.col}`)) continue;
    if (best && (c.row > best.row || (c.row === best.row && c.col > best.col))) continue;
    const id = parseMetaValue(c.value);
    if (id) best = { row: c.row, col: c.col, id };
  }
  return best ? { address: address(best.row, best.col), packId: best.id.packId, templateId: best.id.templateId, version: best.id.version } : null;
}

function text(v: CellValue): string | null {
  if (typeof v === 'string') return v.trim();
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  return null;
}

function metaRowOf(plan: SheetPlan): number {
  const n = plan.names.find((x) => x.name === META_NAME);
  if (!n) throw new Error('a plan without BM_META');
  return parseRange(n.ref).top;
}

export type Located = { names: SheetName[] } | { reason: Text; cell: string };

/** The layouts the table may have been inserted with, for a header found `span` rows above the id cell. */
function candidatePlans(template: Template, span: number): SheetPlan[] {
  const target = HEADER_ROW + span;
  const variants: (boolean | undefined)[] = template.rows.kind === 'repeat' && template.rows.groupRow ? [undefined, false] : [undefined];
  const out: SheetPlan[] = [];
  for (const templateGroupRow of variants) {
    const base = templateGroupRow === false ? { templateGroupRow } : {};
    if (template.rows.kind === 'fixed') {
      const plan = layout(template, base);
      if (metaRowOf(plan) === target) out.push(plan);
      continue;
    }
    // One data row: no totals row. N ≥ 2 rows: N rows and a totals row, so the id cell moves by N.
    const one = layout(template, { ...base, dataRows: 1 });
    const m1 = metaRowOf(one);
    if (m1 === target) {
      out.push(one);
      continue;
    }
    const n = target - m1;
    if (n < 2) continue;
    let plan: SheetPlan;
    try {
      plan = layout(template, { ...base, dataRows: n });
    } catch {
      continue;
    }
    if (metaRowOf(plan) === target) out.push(plan);
  }
  return out;
}

/**
 * Where the table of `template` is, from its id cell `marker`: the header rows are looked for
 * above it (the nearest rows holding the template's header text, in the id cell's column offset),
 * the layout with the number of data rows that puts the id cell there is made, and every text the
 * layout writes (title, header, group row, row labels, totals label, averages, report-information
 * labels) must be in the sheet at its place. Then the layout's names, moved to that place.
 */
export function locateTable(template: Template, marker: Marker, cellOf: CellAccessor): Located {
  const m = parseAddress(marker.address);
  const dc = m.col - 2;
  const at = (row: number, col: number): string | null => (row < 1 || col < 1 ? null : text(cellOf(address(row, col)).value));
  const header = expectedHeader(template);
  // The corner cell may name the rows otherwise (a consolidation's "… / Đơn vị"): any of them.
  const corners = cornerHeaders(template);
  const same = (row: number, col: number, want: string, isCorner: boolean): boolean => {
    const got = at(row, col);
    return isCorner ? got !== null && corners.includes(got) : got === want.trim();
  };
  const headerAt = (top: number): boolean =>
    header.every((line, i) => line.every((want, j) => want === null || same(top + i, 1 + dc + j, want, i === 0 && j === 0)));
  if (dc < 0) return { reason: { vi: `ô mã biểu mẫu ${marker.address} không ở chỗ của nó`, en: `the table id cell ${marker.address} is out of place` }, cell: marker.address };
  let top = 0;
  for (let r = m.row - header.length; r >= 1; r--) {
    if (headerAt(r)) {
      top = r;
      break;
    }
  }
  if (top === 0) {
    return {
      reason: { vi: `không tìm thấy dòng tiêu đề cột của biểu phía trên ô mã biểu mẫu ${marker.address}`, en: `the header rows of the table are not found above the table id cell ${marker.address}` },
      cell: marker.address,
    };
  }
  const dr = top - HEADER_ROW;
  let mismatch: string | null = null;
  // A table inserted without its template's group row must not have one (else the group row would
  // be read as a data row).
  const groupRow = template.rows.kind === 'repeat' ? template.rows.groupRow : undefined;
  const hasGroupRow = groupRow !== undefined && at(HEADER_ROW + 2 + dr, 1 + dc) === groupRow.vi.trim();
  for (const plan of candidatePlans(template, m.row - top)) {
    const planHasGroupRow = groupRow !== undefined && plan.cells[HEADER_ROW + 1]?.[0]?.value === groupRow.vi;
    if (hasGroupRow && !planHasGroupRow) continue;
    const metaAt = address(metaRowOf(plan), 2);
    let bad: string | null = null;
    for (let r = 0; r < plan.cells.length && !bad; r++) {
      const line = plan.cells[r];
      for (let c = 0; c < line.length; c++) {
        const v = line[c]?.value;
        if (typeof v !== 'string' || address(r + 1, c + 1) === metaAt) continue;
        if (!same(r + 1 + dr, c + 1 + dc, v, r + 1 === HEADER_ROW && c === 0)) {
          bad = address(r + 1 + dr, c + 1 + dc);
          break;
        }
      }
    }
    if (bad) {
      mismatch ??= bad;
      continue;
    }
    const names = plan.names.map((n) => {
      const p = parseRange(n.ref);
      return { name: n.name, ref: rangeAddress({ top: p.top + dr, left: p.left + dc, bottom: p.bottom + dr, right: p.right + dc }) };
    });
    return { names };
  }
  return mismatch
    ? { reason: { vi: `ô ${mismatch} không còn như bố cục của biểu`, en: `the cell ${mismatch} no longer holds what the table's layout put there` }, cell: mismatch }
    : { reason: { vi: 'số dòng giữa tiêu đề cột và ô mã biểu mẫu không khớp bố cục của biểu', en: "the rows between the header and the table id cell do not fit the table's layout" }, cell: marker.address };
}

/**
 * The table on `sheet` (or null when it has neither a BM_META name nor an id cell), by the rules
 * in this module's comment. `marker` is `findMarker` over the sheet's cells.
 */
export function readTable(templates: TemplateSource, sheet: string, names: readonly SheetName[], cellOf: CellAccessor, marker: Marker | null): TableRead | null {
  const byNames = assembleTable(templates, sheet, names, cellOf);
  if (!marker) return byNames;
  if (byNames && !byNames.broken) {
    const meta = names.find((n) => n.name === META_NAME);
    const r = meta ? nameRange(meta.ref, sheet) : null;
    if (r && address(r.top, r.left) === marker.address) return byNames;
  }
  const template = lookupTemplate(templates, marker.packId, marker.templateId, marker.version);
  // An id this bieumau does not know: read as such (structure.unknown-template) from the id cell.
  if (!template) return assembleTable(templates, sheet, [{ name: META_NAME, ref: marker.address }], cellOf);
  const located = locateTable(template, marker, cellOf);
  if ('names' in located) return assembleTable(templates, sheet, located.names, cellOf);
  if (byNames) return byNames;
  return {
    sheet,
    templateId: template.id,
    version: template.version,
    broken: { reason: located.reason, cell: { sheet, address: located.cell } },
    header: [],
    info: { unit: null, reportNo: null, reportDate: null, reportBy: null, from: null, to: null },
    rowLabels: [],
    columns: {},
    totals: null,
    averages: {},
  };
}
