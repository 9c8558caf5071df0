/**
 * The Biểu tables inside a Word report, found among its tables by their labels (as a workbook's
 * tables are found without their names: `core/tables/locate`) and read into the model the workbook
 * tables use (`TableRead`), so the same rules run on them (`validateWorkbook`: entries, rules
 * within a row, the rules between tables such as `cross.council`).
 *
 * A Word table is a template's table when every entry column of the template is found in its
 * header rows: the column's label under its group's label (a group of one column: its label
 * alone), compared without case, spaces or NFC differences. The data rows are the rows below
 * the header that hold a figure in those columns; a row labelled as the template's group row
 * (Biểu 03's "23 tỉnh, thành phố …") or holding no figure is left out, a `Tổng cộng` row is the
 * totals row. The report period comes from a row label or caption "Từ ngày 01/7/2025 đến
 * 15/10/2025". A computed column (`Cộng`, ratio) that the Word table does not show is computed
 * from its parts, and points at its group's first column. Cells: `sheet` is the template's name
 * (`Biểu 02`), `address` the A1 position in the Word table's grid. Pure.
 */
import type { Template } from '../forms/template';
import { columnsOf } from '../forms/template';
import type { PackCatalog } from '../forms/catalog';
import type { CellRead, CellValue, TableRead } from '../tables/table-read';
import type { DocTable, DocumentModel } from './document';
import { gridAddress } from './document';
import { parseNumberToken, thousandsOf } from './text-numbers';
import { isValidIsoDate } from '../dates';
import { expectedHeader } from '../forms/layout-texts';

export interface DocTableFound {
  /** The Word table (1-based among the document's tables). */
  docTable: number;
  read: TableRead;
  template: Template;
  /** Column id → grid column of the Word table, for the columns the table shows. */
  gridColumns: Map<string, number>;
  /** Data row index → grid row. */
  gridRows: number[];
}

function norm(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/[\s\u00a0]+/g, ' ').replace(/[*:.]+$/g, '').trim();
}

/** Grid column of each template column found in the header rows (the first `headerRows` rows), or null. */
function matchColumns(t: DocTable, template: Template, headerRows: number): Map<string, number> | null {
  const width = t.rows[0]?.length ?? 0;
  const found = new Map<string, number>();
  const used = new Set<number>();
  const texts = t.rows.slice(0, headerRows).map((row) => row.map((c) => norm(c.text)));
  const at = (r: number, c: number): string => texts[r]?.[c] ?? '';
  for (const g of template.groups) {
    const group = norm(g.label.vi);
    for (const c of g.columns) {
      const label = norm(c.label.vi);
      let hit = -1;
      for (let col = 1; col < width && hit < 0; col++) {
        if (used.has(col)) continue;
        for (let r = 0; r < headerRows && hit < 0; r++) {
          if (at(r, col) !== label) continue;
          if (g.columns.length === 1) hit = col;
          else for (let up = 0; up < r; up++) if (at(up, col) === group) hit = col;
        }
      }
      if (hit >= 0) {
        found.set(c.id, hit);
        used.add(hit);
      } else if (c.kind === 'entry') return null;
    }
  }
  return found;
}

/** Rows before the first row holding a figure in any cell but the first: the header. */
function headerRowCount(t: DocTable): number {
  for (let r = 0; r < t.rows.length; r++) {
    if (t.rows[r].some((c, i) => i > 0 && !c.mergedFrom && /^\s*\d[\d.,\s]*$/.test(c.text))) return r;
  }
  return t.rows.length;
}

const PERIOD = /(?:từ\s+ngày|từ)\s+(\d{1,2})\s?\/\s?(\d{1,2})\s?\/\s?(\d{4})\s+(?:đến(?:\s+ngày)?)\s+(\d{1,2})\s?\/\s?(\d{1,2})\s?\/\s?(\d{4})/i;

/** `Từ ngày 01/7/2025 đến 15/10/2025` → the two ISO dates, or null. */
export function periodInText(text: string): { from: string; to: string } | null {
  const m = PERIOD.exec(text.normalize('NFC'));
  if (!m) return null;
  const iso = (d: string, mo: string, y: string): string => `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const from = iso(m[1], m[2], m[3]);
  const to = iso(m[4], m[5], m[6]);
  return isValidIsoDate(from) && isValidIsoDate(to) ? { from, to } : null;
}

function dateValue(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** What a Word cell holds, as a workbook cell would: a number, a text, or null when blank. */
function cellValue(text: string, th: '.' | ','): CellValue {
  const s = text.trim();
  if (s === '' || s === '-' || s === '–') return null;
  const compact = s.replace(/[\s\u00a0]/g, '');
  const n = parseNumberToken(compact, th);
  return n ? n.value : s;
}

/** The template whose columns the Word table shows most of (Biểu 01's columns are a subset of none other), with where each is. */
function bestTemplate(t: DocTable, templates: readonly Template[], headerRows: number): { template: Template; cols: Map<string, number> } | null {
  let best: { template: Template; cols: Map<string, number> } | null = null;
  for (const template of templates) {
    const cols = matchColumns(t, template, headerRows);
    if (cols && (!best || cols.size > best.cols.size)) best = { template, cols };
  }
  return best;
}

/** The rows below the header holding a figure: the data rows, and the totals row when labelled so (a group row left out). */
function figureRows(t: DocTable, template: Template, cols: Map<string, number>, headerRows: number): { dataRows: number[]; totalsRow: number | null } {
  const groupRow = template.rows.kind === 'repeat' ? template.rows.groupRow : undefined;
  const totalLabel = norm(template.rows.total.vi);
  const dataRows: number[] = [];
  let totalsRow: number | null = null;
  for (let r = headerRows; r < t.rows.length; r++) {
    const label = norm(t.rows[r][0]?.text ?? '');
    if (groupRow && label === norm(groupRow.vi)) continue;
    const hasFigure = [...cols.values()].some((c) => (t.rows[r][c]?.text ?? '').trim() !== '');
    if (!hasFigure) continue;
    if (label === totalLabel) totalsRow = r;
    else dataRows.push(r);
  }
  return { dataRows, totalsRow };
}

/** A Word table's period: a data row's label, else the caption paragraphs before the table. */
function periodOf(doc: DocumentModel, t: DocTable, dataRows: number[]): { from: string; to: string } | null {
  let period: { from: string; to: string } | null = null;
  for (const r of dataRows) period ??= periodInText(t.rows[r][0]?.text ?? '');
  for (let i = t.paragraphsBefore - 1; i >= Math.max(0, t.paragraphsBefore - 4) && !period; i--) period = periodInText(doc.paragraphs[i]?.text ?? '');
  return period;
}

/**
 * The Biểu tables of `doc`, in document order, each read as its template says. A Word table that
 * fits no template is left out. Two tables of one template: the second is `Biểu 01 (2)`.
 */
export function findDocTables(doc: DocumentModel, catalog: PackCatalog): DocTableFound[] {
  const out: DocTableFound[] = [];
  const templates = catalog.list();
  const names = new Map<string, number>();
  for (const t of doc.tables) {
    const headerRows = headerRowCount(t);
    if (headerRows === 0 || headerRows >= t.rows.length) continue;
    const best = bestTemplate(t, templates, headerRows);
    if (!best) continue;
    const { template, cols } = best;
    const th = thousandsOf(t.rows.slice(headerRows).flatMap((r) => r.map((c) => c.text)));
    const { dataRows, totalsRow } = figureRows(t, template, cols, headerRows);
    if (dataRows.length === 0) continue;
    const count = (names.get(template.name.vi) ?? 0) + 1;
    names.set(template.name.vi, count);
    const sheet = count === 1 ? template.name.vi : `${template.name.vi} (${count})`;
    const cell = (r: number, c: number, value?: CellValue): CellRead => ({ sheet, address: gridAddress(r, c), value: value === undefined ? cellValue(t.rows[r]?.[c]?.text ?? '', th) : value, formula: null });
    // Where a column the Word table does not show is pointed at: its group's header cell.
    const groupCol = (id: string): number => {
      const g = template.groups.find((x) => x.columns.some((c) => c.id === id));
      const first = g?.columns.map((c) => cols.get(c.id)).find((x) => x !== undefined);
      return first ?? 1;
    };
    const columns: Record<string, CellRead[]> = {};
    for (const c of columnsOf(template)) {
      const gc = cols.get(c.id);
      columns[c.id] = dataRows.map((r) => (gc !== undefined ? cell(r, gc) : cell(r, groupCol(c.id), null)));
    }
    let totals: Record<string, CellRead> | null = null;
    if (totalsRow !== null || template.rows.kind === 'fixed' || dataRows.length > 1) {
      const tr = totalsRow ?? dataRows[dataRows.length - 1];
      totals = {};
      for (const c of columnsOf(template)) {
        const gc = cols.get(c.id);
        totals[c.id] = gc !== undefined && totalsRow !== null ? cell(tr, gc) : cell(tr, gc ?? groupCol(c.id), null);
      }
    }
    // The period: a data row's label, else the caption paragraphs before the table.
    const period = periodOf(doc, t, dataRows);
    const infoCell = (value: CellValue): CellRead => ({ sheet, address: 'A1', value, formula: null });
    const averages: Record<string, CellRead> = {};
    // A Word table shows no averages: they point at the cells of the column they average.
    for (const a of template.averages ?? []) averages[a.id] = cell(dataRows[dataRows.length - 1], groupCol(a.of), null);
    // The header as the template writes it: the Word table's own header was matched label by label above.
    const header = expectedHeader(template).map((row) => row.map((v) => infoCell(v)));
    const read: TableRead = {
      sheet,
      packId: template.pack,
      templateId: template.id,
      version: template.version,
      header,
      info: {
        unit: infoCell(null),
        reportNo: infoCell(null),
        reportDate: infoCell(null),
        reportBy: infoCell(null),
        from: infoCell(period ? dateValue(period.from) : null),
        to: infoCell(period ? dateValue(period.to) : null),
      },
      rowLabels: dataRows.map((r) => cell(r, 0, t.rows[r][0]?.text ?? '')),
      columns,
      totals,
      averages,
    };
    out.push({ docTable: t.index, read, template, gridColumns: cols, gridRows: dataRows });
  }
  return out;
}

/** Rules of the engine that speak of a Word table's figures; the others (formulas, report cells, layout) are the workbook's. */
export function docTableRule(rule: string): boolean {
  return rule.startsWith('entry.') || rule === 'table.empty' || rule.startsWith('row.') || (rule.startsWith('cross.') && rule !== 'cross.ambiguous');
}
