/**
 * Layout: a template and the report options become a SheetPlan — every cell's value or
 * formula, number formats, merges, styles, locked/unlocked cells, defined names, print setup.
 * Pure and deterministic: the same input always gives a deep-equal plan.
 *
 * Sheet shape (row numbers for a table without a group row):
 *   1 unit (formula on BM_UNIT) · 2 title · 3 attachment line (formula) · 4 period (formula) · 5 blank
 *   6–7 two-level header · 8… data rows · totals row · averages and notes
 *   then, outside the print area, the "Thông tin báo cáo" block with the report-info cells and BM_META.
 *
 * `layout()` runs in three steps: `positions()` decides every row, column and width; one builder
 * per block (title, header, group row, data rows, row groups, totals, frame, averages, report info)
 * writes its cells into a grid, in a fixed order; `assemble()` turns the grid into the plan with its
 * print setup.
 */
import type { ComputedColumn, Template } from './template';
import type { LayoutOptions, PlanCell, PrintSetup, SheetPlan } from './plan';
import { address, columnLetters, rangeAddress } from '../a1';
import { perDayFormula, perMonthFormula, ratioFormula, sumFormula, sumOfRuns } from './formulas';
import { HEADER_NAME, INFO_NAMES, META_NAME, ROW_LABELS_NAME, averageName, columnName, groupName, metaValue, totalName, type InfoKey } from './defined-names';
import { Grid, runs, type Positions, infoCell, positions } from './layout-grid';
import { periodText, viDateExpr, periodFormula, attachmentFormula, cornerHeader, wrappedLines, heightFor } from './layout-texts';
import { INFO_ORDER } from './layout-grid';
import { MISSING_SUFFIX } from './layout-texts';

export const COUNT_FORMAT = '#,##0';
export const RATIO_FORMAT = '0.0%';
export const DATE_FORMAT = 'dd/mm/yyyy';

const FILL_ENTRY = '#FFF8DC';
const FILL_HEADER = '#DDEBF7';
const FILL_COMPUTED = '#F2F2F2';
const FILL_INFO = '#FFF8DC';
const FILL_MISSING = '#FCE4D6';
const FILL_GROUP = '#EDEDED';

const INFO_LABELS: Record<InfoKey, string> = {
  unit: 'Đơn vị báo cáo',
  reportNo: 'Số báo cáo',
  reportDate: 'Ngày báo cáo',
  reportBy: 'Báo cáo của',
  from: 'Từ ngày',
  to: 'Đến ngày',
};
const INFO_TITLE =
  'Thông tin báo cáo (không in) — sửa ở đây, tiêu đề các biểu tự cập nhật / Report information (not printed): edit here, the headings update';
export const META_LABEL = 'Mã biểu mẫu';



/** Rows 1–4: the unit, the title, the attachment line and the period. */
function buildTitle(g: Grid, p: Positions): void {
  const { template, lastCol } = p;
  g.set(1, 1, { formula: `=${infoCell(p, 'unit')}&""` });
  const unitEnd = Math.max(3, Math.min(lastCol, Math.floor(lastCol / 3)));
  g.merge(1, 1, 1, unitEnd);
  g.style(1, 1, 1, unitEnd, { bold: true, horizontal: 'center', vertical: 'middle' });
  g.set(2, 1, { value: template.title.vi });
  g.merge(2, 1, 2, lastCol);
  g.style(2, 1, 2, lastCol, { bold: true, fontSize: 13, horizontal: 'center', vertical: 'middle', wrap: true });
  g.height(2, heightFor(wrappedLines(template.title.vi, p.tableWidth * 0.85), 13));
  g.set(3, 1, { formula: attachmentFormula(infoCell(p, 'reportNo'), infoCell(p, 'reportDate'), infoCell(p, 'reportBy')) });
  g.merge(3, 1, 3, lastCol);
  g.style(3, 1, 3, lastCol, { italic: true, horizontal: 'center', vertical: 'middle' });
  g.set(4, 1, { formula: periodFormula(infoCell(p, 'from'), infoCell(p, 'to')) });
  g.merge(4, 1, 4, lastCol);
  g.style(4, 1, 4, lastCol, { horizontal: 'center', vertical: 'middle' });
}

/** The two-level header (BM_HEADER), its row heights from the wrapped labels. */
function buildHeader(g: Grid, p: Positions): void {
  const { template, h1, h2, widths, colOf, lastCol } = p;
  const corner = cornerHeader(template, p.options.rowKind);
  g.set(h1, 1, { value: corner });
  g.merge(h1, 1, h2, 1);
  let groupLines = 1;
  let columnLines = 1;
  let spanLines = 1;
  for (const grp of template.groups) {
    const first = colOf.get(grp.columns[0].id) as number;
    const last = first + grp.columns.length - 1;
    if (grp.columns.length === 1) {
      g.set(h1, first, { value: grp.label.vi });
      g.merge(h1, first, h2, first);
      spanLines = Math.max(spanLines, wrappedLines(grp.label.vi, widths[first - 1]));
    } else {
      g.set(h1, first, { value: grp.label.vi });
      g.merge(h1, first, h1, last);
      const w = widths.slice(first - 1, last).reduce((a, b) => a + b, 0);
      groupLines = Math.max(groupLines, wrappedLines(grp.label.vi, w));
      grp.columns.forEach((c, i) => {
        g.set(h2, first + i, { value: c.label.vi });
        columnLines = Math.max(columnLines, wrappedLines(c.label.vi, widths[first + i - 1]));
      });
    }
  }
  spanLines = Math.max(spanLines, wrappedLines(corner, widths[0]));
  const h1Height = heightFor(groupLines);
  g.height(h1, h1Height);
  g.height(h2, Math.max(heightFor(columnLines), heightFor(spanLines) - h1Height, heightFor(1)));
  g.style(h1, 1, h2, lastCol, { bold: true, wrap: true, horizontal: 'center', vertical: 'middle', fill: FILL_HEADER });
  g.name(HEADER_NAME, h1, 1, h2, lastCol);
}

/** The template's fixed group row under the header (Biểu 03's "23 tỉnh, thành phố …"). */
function buildGroupRow(g: Grid, p: Positions): void {
  const { template, groupRowAt, lastCol } = p;
  if (groupRowAt === 0 || template.rows.kind !== 'repeat' || !template.rows.groupRow) return;
  g.set(groupRowAt, 1, { value: template.rows.groupRow.vi });
  g.merge(groupRowAt, 1, groupRowAt, lastCol);
  g.style(groupRowAt, 1, groupRowAt, lastCol, { bold: true, italic: true, horizontal: 'left', vertical: 'middle' });
}

/** The data rows: labels, entry cells (unlocked, BM entry ranges), computed cells, missing units marked. */
function buildDataRows(g: Grid, p: Positions): void {
  const { template, options, dataRows, unitRows, places, entryIds, colOf, widths, firstData, lastData, lastCol } = p;
  const missing = new Set(options.missingRows ?? []);
  for (let i = 0; i < dataRows; i++) {
    const r = unitRows[i];
    const label = options.rowLabels?.[i];
    if (template.rows.kind === 'fixed') {
      g.set(r, 1, { value: template.rows.rows[i].label.vi });
      labelHeight(g, r, template.rows.rows[i].label.vi, widths[0], false);
    } else if (label !== undefined) {
      const text = missing.has(i) ? `${label}${MISSING_SUFFIX}` : label;
      g.set(r, 1, { value: text });
      labelHeight(g, r, text, widths[0], missing.has(i));
    } else if (dataRows === 1) {
      g.set(r, 1, { formula: periodFormula(infoCell(p, 'from'), infoCell(p, 'to')) });
      g.height(r, heightFor(wrappedLines(periodText(options), widths[0])));
    } else {
      g.set(r, 1, {});
    }
    const vals = options.values?.[i] ?? [];
    for (const pl of places) {
      const c = pl.column;
      if (c.kind === 'entry') {
        const v = vals[entryIds.indexOf(c.id)];
        g.set(r, pl.col, v === undefined || v === null ? { numberFormat: COUNT_FORMAT } : { value: v, numberFormat: COUNT_FORMAT });
      } else {
        g.set(r, pl.col, computedCell(c, r, colOf));
      }
    }
  }
  g.style(firstData, 1, lastData, 1, { wrap: true, vertical: 'middle', horizontal: 'left' });
  const entryCols = places.filter((pl) => pl.column.kind === 'entry').map((pl) => pl.col);
  for (const [top, bottom] of runs(unitRows)) {
    if (template.rows.kind === 'repeat' && dataRows > 1) {
      g.style(top, 1, bottom, 1, { fill: FILL_ENTRY });
      g.unlocked.push(rangeAddress({ top, left: 1, bottom, right: 1 }));
    }
    for (const [a, b] of runs(entryCols)) {
      const rng = rangeAddress({ top, left: a, bottom, right: b });
      g.entryRanges.push(rng);
      g.unlocked.push(rng);
      g.style(top, a, bottom, b, { fill: FILL_ENTRY });
    }
    for (const pl of places) {
      if (pl.column.kind !== 'entry') g.style(top, pl.col, bottom, pl.col, { fill: FILL_COMPUTED, bold: pl.column.kind === 'sum' });
    }
  }
  for (const i of [...missing].sort((a, b) => a - b)) {
    if (i >= 0 && i < dataRows) g.style(unitRows[i], 1, unitRows[i], lastCol, { fill: FILL_MISSING, italic: true });
  }
}

/**
 * The height a wrapped first-column label needs, set only when it takes more than one line (a
 * one-line row keeps Excel's default height). Bold or italic text is counted a little wider.
 */
function labelHeight(g: Grid, row: number, text: string, width: number, emphasised: boolean): void {
  const lines = wrappedLines(text, emphasised ? width * 0.9 : width);
  if (lines > 1) g.height(row, heightFor(lines));
}

/** Row groups: a label row above each group and a subtotal row below (its unit rows added up, column by column). */
function buildRowGroups(g: Grid, p: Positions): void {
  const { groupRows, places, unitRows, colOf, lastCol, widths } = p;
  groupRows.forEach((gr, k) => {
    g.set(gr.head, 1, { value: gr.group.label });
    labelHeight(g, gr.head, gr.group.label, widths[0], true);
    labelHeight(g, gr.sub, `Cộng ${gr.group.label}`, widths[0], true);
    g.style(gr.head, 1, gr.head, lastCol, { bold: true, italic: true, fill: FILL_GROUP, vertical: 'middle' });
    g.set(gr.sub, 1, { value: `Cộng ${gr.group.label}` });
    for (const pl of places) {
      const c = pl.column;
      if (c.kind === 'entry') {
        const cells: string[] = [];
        for (let i = gr.group.first; i < gr.group.first + gr.group.count; i++) cells.push(address(unitRows[i], pl.col));
        g.set(gr.sub, pl.col, { formula: sumFormula(cells), numberFormat: COUNT_FORMAT });
      } else {
        g.set(gr.sub, pl.col, computedCell(c, gr.sub, colOf));
      }
    }
    g.style(gr.sub, 1, gr.sub, lastCol, { bold: true, fill: FILL_COMPUTED, vertical: 'middle' });
    g.name(groupName(k + 1), gr.head, 1, gr.sub, 1);
  });
}

/** BM_ROWLABELS and one BM_COL_* name per column over the data rows. */
function buildColumnNames(g: Grid, p: Positions): void {
  g.name(ROW_LABELS_NAME, p.firstData, 1, p.lastData, 1);
  for (const pl of p.places) g.name(columnName(pl.column.id), p.firstData, pl.col, p.lastData, pl.col);
}

/** The totals row: every unit row added once (never a subtotal), ratios of the totals. */
function buildTotals(g: Grid, p: Positions): void {
  const { template, totalsRow, places, colOf, unitRows, groupRows, lastCol } = p;
  if (totalsRow === 0) return;
  g.set(totalsRow, 1, { value: template.rows.total.vi });
  for (const pl of places) {
    const c = pl.column;
    if (c.kind === 'ratio') {
      const num = address(totalsRow, colOf.get(c.numerator) as number);
      const den = address(totalsRow, colOf.get(c.denominator) as number);
      g.set(totalsRow, pl.col, { formula: ratioFormula(num, den), numberFormat: RATIO_FORMAT });
    } else {
      const cells = unitRows.map((r) => address(r, pl.col));
      g.set(totalsRow, pl.col, { formula: groupRows.length > 0 ? sumOfRuns(cells) : sumFormula(cells), numberFormat: COUNT_FORMAT });
    }
    g.name(totalName(c.id), totalsRow, pl.col);
  }
  g.style(totalsRow, 1, totalsRow, lastCol, { bold: true, fill: FILL_COMPUTED, vertical: 'middle' });
  g.style(totalsRow, 1, totalsRow, 1, { horizontal: 'center' });
}

/** Borders around the table and the numbers aligned right. */
function buildTableFrame(g: Grid, p: Positions): void {
  g.style(p.h1, 1, p.tableBottom, p.lastCol, { border: true });
  g.style(p.firstData, 2, p.tableBottom, p.lastCol, { horizontal: 'right', vertical: 'middle' });
}

/** Averages under the table and their note (Biểu 01). */
function buildAverages(g: Grid, p: Positions): void {
  const { template, avgRows, colOf, totalsRow, firstData, avgLabelEnd, avgValueCol, noteRow, lastCol } = p;
  (template.averages ?? []).forEach((avg, i) => {
    const r = avgRows[i];
    const ofCol = colOf.get(avg.of);
    if (ofCol === undefined) throw new RangeError(`average ${avg.id} refers to an unknown column ${avg.of}`);
    const total = address(totalsRow !== 0 ? totalsRow : firstData, ofCol);
    const from = infoCell(p, 'from');
    const to = infoCell(p, 'to');
    const f = avg.kind === 'perDay' ? perDayFormula(total, from, to) : perMonthFormula(total, from, to);
    g.set(r, 1, { value: avg.label.vi });
    g.merge(r, 1, r, avgLabelEnd);
    g.style(r, 1, r, avgLabelEnd, { horizontal: 'left', vertical: 'middle' });
    g.set(r, avgValueCol, { formula: f, numberFormat: COUNT_FORMAT });
    g.style(r, avgValueCol, r, avgValueCol, { bold: true, fill: FILL_COMPUTED, border: true, horizontal: 'right' });
    g.name(averageName(avg.id), r, avgValueCol);
  });
  if (template.averagesNote) {
    const note = averagesNote(template.averagesNote.vi, infoCell(p, 'from'), infoCell(p, 'to'));
    g.set(noteRow, 1, note.cell);
    g.merge(noteRow, 1, noteRow, lastCol);
    g.style(noteRow, 1, noteRow, lastCol, { italic: true, wrap: true, vertical: 'top', horizontal: 'left' });
    g.height(noteRow, heightFor(Math.max(...note.texts.map((t) => wrappedLines(t, p.tableWidth * 0.9)))));
  }
}

/** Where the averages note names the table's own period (pack text, see PACKS.md). */
export const PERIOD_PLACEHOLDER = '{period}';
const NO_PERIOD = 'chưa nhập kỳ báo cáo';
const REVERSED_PERIOD = 'ngày bắt đầu sau ngày kết thúc';

/** A text as a formula string literal: quotes doubled, cut in pieces Excel accepts (≤ 255 characters). */
function literal(text: string): string {
  const parts: string[] = [];
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i += 200) parts.push(`"${chars.slice(i, i + 200).join('').replace(/"/g, '""')}"`);
  return parts.length > 0 ? parts.join('&') : '""';
}

/**
 * The averages note: a template's note with `{period}` states this table's period and its days
 * ("01/7/2025–15/10/2025 là 107 ngày"), live from the report-information cells, or says the period
 * is not entered; a note without it is written as it is. `texts` are what it can show (for its height).
 */
export function averagesNote(text: string, from: string, to: string): { cell: PlanCell; texts: string[] } {
  const at = text.indexOf(PERIOD_PLACEHOLDER);
  if (at < 0) return { cell: { value: text }, texts: [text] };
  const before = text.slice(0, at);
  const after = text.slice(at + PERIOD_PLACEHOLDER.length);
  const dates = `${viDateExpr(from)}&"–"&${viDateExpr(to)}`;
  const period = `IF(AND(ISNUMBER(${from}),ISNUMBER(${to})),IF(${to}>=${from},${dates}&" là "&(${to}-${from}+1)&" ngày",${dates}&": ${REVERSED_PERIOD}"),"${NO_PERIOD}")`;
  const formula = `=${[before === '' ? '' : `${literal(before)}&`, period, after === '' ? '' : `&${literal(after)}`].join('')}`;
  const longest = '00/00/0000–00/00/0000 là 0000 ngày';
  return { cell: { formula }, texts: [`${before}${longest}${after}`, `${before}${NO_PERIOD}${after}`, `${before}00/00/0000–00/00/0000: ${REVERSED_PERIOD}${after}`] };
}

function infoValue(options: LayoutOptions, k: InfoKey): PlanCell {
  switch (k) {
    case 'unit':
      return options.unit !== undefined ? { value: options.unit } : {};
    case 'reportNo':
      return options.reportNo !== undefined ? { value: options.reportNo } : {};
    case 'reportBy':
      return options.reportBy !== undefined ? { value: options.reportBy } : {};
    case 'reportDate':
    case 'from':
    case 'to': {
      const iso = k === 'reportDate' ? options.reportDate : options[k];
      return iso !== undefined ? { value: { date: iso }, numberFormat: DATE_FORMAT } : { numberFormat: DATE_FORMAT };
    }
  }
}

/** The "Thông tin báo cáo" block outside the print area: report-info cells and BM_META. */
function buildReportInfo(g: Grid, p: Positions): void {
  const { template, options, lastCol, infoTitleRow, infoRows, metaRow } = p;
  const infoEnd = Math.min(Math.max(lastCol, 4), 6);
  g.set(infoTitleRow, 1, { value: INFO_TITLE });
  g.merge(infoTitleRow, 1, infoTitleRow, lastCol);
  g.style(infoTitleRow, 1, infoTitleRow, lastCol, { bold: true, italic: true, fontColor: '#595959', horizontal: 'left' });
  for (const k of INFO_ORDER) {
    const r = infoRows.get(k) as number;
    g.set(r, 1, { value: INFO_LABELS[k] });
    g.set(r, 2, infoValue(options, k));
    g.merge(r, 2, r, infoEnd);
    g.style(r, 2, r, infoEnd, { fill: FILL_INFO, border: true, horizontal: 'left' });
    g.unlocked.push(address(r, 2));
    g.name(INFO_NAMES[k], r, 2);
  }
  g.set(metaRow, 1, { value: META_LABEL });
  g.set(metaRow, 2, { value: metaValue(template.id, template.version, template.pack) });
  g.merge(metaRow, 2, metaRow, infoEnd);
  g.style(metaRow, 1, metaRow, infoEnd, { fontColor: '#595959' });
  g.name(META_NAME, metaRow, 2);
}

/** A4 landscape, one page wide, the header repeated on every page, the report-info block left out. */
function printSetup(p: Positions): PrintSetup {
  return {
    paper: 'A4',
    orientation: 'landscape',
    fitToWidth: 1,
    titleRows: `${p.h1}:${p.h2}`,
    printArea: `A1:${columnLetters(p.lastCol)}${p.printBottom}`,
  };
}

/** The grid as a plan: the cell matrix, widths for every column it covers, heights in row order. */
function assemble(g: Grid, p: Positions): SheetPlan {
  const rowCount = g.maxRow;
  const columnCount = g.maxCol;
  const cells: (PlanCell | null)[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const line: (PlanCell | null)[] = [];
    for (let c = 1; c <= columnCount; c++) line.push(g.cells.get(`${r},${c}`) ?? null);
    cells.push(line);
  }
  const widths = p.widths.slice();
  for (let c = 0; c < columnCount; c++) if (widths[c] === undefined) widths[c] = 10;
  const rowHeights = [...g.heights.entries()].sort((a, b) => a[0] - b[0]).map(([r, height]) => ({ row: r, height }));

  return {
    templateId: p.template.id,
    version: p.template.version,
    sheetName: p.template.name.vi,
    rowCount,
    columnCount,
    cells,
    merges: g.merges,
    styles: g.styles,
    unlocked: g.unlocked,
    entryRanges: g.entryRanges,
    columnWidths: widths.slice(0, columnCount),
    rowHeights,
    names: g.names,
    protect: true,
    print: printSetup(p),
  };
}

/** The blocks of a sheet, in the order they are written (the order of the plan's styles, merges and names). */
const BUILDERS: readonly ((g: Grid, p: Positions) => void)[] = [
  buildTitle,
  buildHeader,
  buildGroupRow,
  buildDataRows,
  buildRowGroups,
  buildColumnNames,
  buildTotals,
  buildTableFrame,
  buildAverages,
  buildReportInfo,
];

export function layout(template: Template, options: LayoutOptions = {}): SheetPlan {
  const p = positions(template, options);
  const g = new Grid();
  for (const build of BUILDERS) build(g, p);
  return assemble(g, p);
}

function computedCell(c: ComputedColumn, row: number, colOf: Map<string, number>): PlanCell {
  const at = (id: string): string => {
    const col = colOf.get(id);
    if (col === undefined) throw new RangeError(`computed column ${c.id} refers to an unknown column ${id}`);
    return address(row, col);
  };
  if (c.kind === 'sum') return { formula: sumFormula(c.of.map(at)), numberFormat: COUNT_FORMAT };
  return { formula: ratioFormula(at(c.numerator), at(c.denominator)), numberFormat: RATIO_FORMAT };
}
