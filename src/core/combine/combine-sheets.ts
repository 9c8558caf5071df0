/**
 * The plain sheets a consolidation and a roll-up write beside the tables: the detail of a table's
 * units (or periods), block by block with live `Cộng` lines, and the `Nguồn` sheet listing every
 * source with its check result, fingerprint and note. Pure: SheetPlans only.
 */
import type { Template } from '../forms/template';
import { entryColumns } from '../forms/template';
import type { CellStyle, LayoutOptions, PlanCell, SheetPlan } from '../forms/plan';
import { COUNT_FORMAT } from '../forms/layout';
import { heightFor, periodText, wrappedLines } from '../forms/layout-texts';
import { address, columnLetters, rangeAddress } from '../a1';
import { sumFormula } from '../forms/formulas';
import { formatDateVi } from '../dates';
import type { ConsolidationSummary } from './consolidate';


const FONT_HEADER: CellStyle = { bold: true, wrap: true, horizontal: 'center', vertical: 'middle', fill: '#DDEBF7', border: true };

class PlainSheet {
  private readonly cells = new Map<string, PlanCell>();
  readonly styles: { range: string; style: CellStyle }[] = [];
  readonly merges: string[] = [];
  private readonly heights = new Map<number, number>();
  maxRow = 1;
  maxCol = 1;

  /** Gives `row` the height its wrapped `text` needs in a column `width` wide (never lowers it). */
  fit(row: number, text: string, width: number): void {
    const lines = wrappedLines(text, width);
    if (lines > 1) this.heights.set(row, Math.max(this.heights.get(row) ?? 0, heightFor(lines)));
  }

  set(row: number, col: number, cell: PlanCell): void {
    this.cells.set(`${row},${col}`, cell);
    this.maxRow = Math.max(this.maxRow, row);
    this.maxCol = Math.max(this.maxCol, col);
  }

  style(top: number, left: number, bottom: number, right: number, style: CellStyle): void {
    this.styles.push({ range: rangeAddress({ top, left, bottom, right }), style });
  }

  plan(templateId: string, sheetName: string, widths: number[], titleRows: string, printBottom: number, lastCol: number): SheetPlan {
    const cells: (PlanCell | null)[][] = [];
    for (let r = 1; r <= this.maxRow; r++) {
      const line: (PlanCell | null)[] = [];
      for (let c = 1; c <= this.maxCol; c++) line.push(this.cells.get(`${r},${c}`) ?? null);
      cells.push(line);
    }
    const columnWidths: number[] = [];
    for (let c = 0; c < this.maxCol; c++) columnWidths.push(widths[c] ?? 10);
    return {
      templateId,
      version: 0,
      sheetName,
      rowCount: this.maxRow,
      columnCount: this.maxCol,
      cells,
      merges: this.merges,
      styles: this.styles,
      unlocked: [],
      entryRanges: [],
      columnWidths,
      rowHeights: [...this.heights.entries()].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height })),
      names: [],
      protect: true,
      print: { paper: 'A4', orientation: 'landscape', fitToWidth: 1, titleRows, printArea: `A1:${columnLetters(lastCol)}${printBottom}` },
    };
  }
}

/** Width of the figure columns of a detail sheet. */
const DETAIL_WIDTH = 14;

/** Sheet name of a fixed-row table's detail sheet ("Biểu 04 (chi tiết)"). */
export function detailSheetName(template: Template): string {
  return `${template.name.vi} (chi tiết)`;
}

export const SOURCES_SHEET = 'Nguồn';

/** How a detail sheet is titled and how each block's last line gives the table's row. */
export interface DetailStyle {
  /** After the table's name in the title: "số liệu từng đơn vị" (consolidation), "số liệu từng kỳ". */
  heading: string;
  /** Header of the label column: "Đơn vị", "Kỳ báo cáo". */
  labelHeader: string;
  /**
   * `sum`: a `Cộng …` line adding up the block's lines (units, or the periods of a flow);
   * `last`: a `Cuối kỳ …` line taking the block's last line (the periods of a stock).
   */
  total: 'sum' | 'last';
  /** Labels of the blocks, one per row of `lines[].rows` (default: the fixed table's rows). */
  blocks?: string[];
}

const UNITS_DETAIL: DetailStyle = { heading: 'số liệu từng đơn vị', labelHeader: 'Đơn vị', total: 'sum' };

/**
 * Each unit's (or period's) figures of a table, level by level: a block per template row (Cấp tỉnh,
 * Cấp xã) with one line per unit and a `Cộng` line whose live formula gives that row of the
 * consolidated table (or, for a stock rolled up through time, a `Cuối kỳ` line taking the last).
 */
export function detailPlan(template: Template, units: { label: string; rows: (number | null)[][] }[], report: LayoutOptions, style: DetailStyle = UNITS_DETAIL): SheetPlan {
  const entries = entryColumns(template);
  const g = new PlainSheet();
  const lastCol = 1 + entries.length;
  g.set(1, 1, { value: `${template.name.vi} — ${style.heading}` });
  g.style(1, 1, 1, lastCol, { bold: true, fontSize: 13 });
  g.set(2, 1, { value: `${report.unit ?? ''}${report.unit ? ' — ' : ''}${periodText(report)}` });
  g.style(2, 1, 2, lastCol, { italic: true });
  const head = 4;
  g.set(head, 1, { value: style.labelHeader });
  entries.forEach((c, k) => {
    const grp = template.groups.find((x) => x.columns.some((y) => y.id === c.id));
    const label = grp && grp.columns.length > 1 ? `${grp.label.vi} – ${c.label.vi}` : c.label.vi;
    g.set(head, 2 + k, { value: label });
    g.fit(head, label, DETAIL_WIDTH);
  });
  g.style(head, 1, head, lastCol, FONT_HEADER);
  const labelWidth = Math.min(40, Math.max(16, ...units.slice(0, 500).map((u) => u.label.length + 2)));
  let r = head + 1;
  const levels = style.blocks ?? (template.rows.kind === 'fixed' ? template.rows.rows.map((x) => x.label.vi) : []);
  levels.forEach((level, li) => {
    g.set(r, 1, { value: level });
    g.style(r, 1, r, lastCol, { bold: true, italic: true, fill: '#EDEDED', border: true });
    r++;
    const first = r;
    for (const u of units) {
      g.set(r, 1, { value: u.label });
      g.fit(r, u.label, labelWidth);
      entries.forEach((_, k) => {
        const v = u.rows[li]?.[k] ?? null;
        g.set(r, 2 + k, v === null ? { numberFormat: COUNT_FORMAT } : { value: v, numberFormat: COUNT_FORMAT });
      });
      r++;
    }
    g.set(r, 1, { value: `${style.total === 'sum' ? 'Cộng' : 'Cuối kỳ'} ${level}` });
    entries.forEach((_, k) => {
      const cells: string[] = [];
      for (let x = first; x < r; x++) cells.push(address(x, 2 + k));
      const formula = style.total === 'sum' || cells.length === 0 ? sumFormula(cells) : `=${cells[cells.length - 1]}`;
      g.set(r, 2 + k, { formula, numberFormat: COUNT_FORMAT });
    });
    g.style(first, 1, r, lastCol, { border: true });
    g.style(r, 1, r, lastCol, { bold: true, fill: '#F2F2F2' });
    r += 2;
  });
  g.style(head + 1, 1, Math.max(head + 1, r - 2), 1, { wrap: true, vertical: 'top' });
  const widths = [labelWidth, ...entries.map(() => DETAIL_WIDTH)];
  return g.plan(`${template.id}.detail`, detailSheetName(template), widths, `${head}:${head}`, Math.max(head, r - 2), lastCol);
}

const SOURCE_HEADERS = ['STT', 'Đơn vị', 'Tệp', 'Số báo cáo', 'Ngày báo cáo', 'Kỳ báo cáo', 'Lỗi', 'Cảnh báo', 'SHA-256', 'Tổng hợp', 'Ghi chú'];

/** Width of a column holding these texts: the longest plus a margin, within [min, max] (longer ones wrap). */
function fitWidth(texts: Iterable<string>, min: number, max: number): number {
  let need = min;
  for (const t of texts) need = Math.max(need, Array.from(t).length + 2);
  return Math.min(max, need);
}

/**
 * Widths of the sources sheet's columns from what they hold: the unit, file and note columns as
 * wide as their longest text up to a limit (they wrap beyond, their rows get the height); the
 * SHA-256 column wide enough for the 64 hexadecimal digits on one line.
 */
function sourceWidths(summary: Pick<ConsolidationSummary, 'sources'>): number[] {
  const src = summary.sources;
  return [
    fitWidth([String(src.length)], 5, 6),
    fitWidth([SOURCE_HEADERS[1], ...src.map((s) => s.unit)], 12, 32),
    fitWidth([SOURCE_HEADERS[2], ...src.map((s) => s.file)], 12, 32),
    fitWidth([SOURCE_HEADERS[3], ...src.map((s) => s.reportNo)], 12, 18),
    14,
    fitWidth(src.flatMap((s) => (s.period ? [`${formatDateVi(s.period.from)} – ${formatDateVi(s.period.to)}`] : [])), 12, 26),
    6,
    10,
    src.some((s) => s.sha256) ? 67 : 10,
    10,
    fitWidth([SOURCE_HEADERS[10], ...src.map((s) => s.reason?.vi ?? '')], 12, 44),
  ];
}

/**
 * The sources sheet: each source with its check result and fingerprint; the units missing and not
 * listed. `title`: the sheet's first line, `done`: the verb of its count line (a roll-up through time
 * gives its own: "Đã lũy kế 3/3 tệp").
 */
export function sourcesPlan(
  summary: Pick<ConsolidationSummary, 'sources' | 'missing' | 'unexpected' | 'expected'>,
  report: LayoutOptions,
  title = 'NGUỒN SỐ LIỆU TỔNG HỢP',
  done = 'Đã tổng hợp',
): SheetPlan {
  const g = new PlainSheet();
  const lastCol = SOURCE_HEADERS.length;
  g.set(1, 1, { value: title });
  g.style(1, 1, 1, lastCol, { bold: true, fontSize: 13 });
  g.set(2, 1, { value: `${report.unit ?? ''}${report.unit ? ' — ' : ''}${periodText(report)}` });
  g.style(2, 1, 2, lastCol, { italic: true });
  const included = summary.sources.filter((s) => s.included).length;
  g.set(3, 1, {
    value:
      summary.expected > 0
        ? `${done} ${included} tệp; đã nộp ${summary.expected - summary.missing.length}/${summary.expected} đơn vị; chưa nộp: ${summary.missing.length}/${summary.expected}; ngoài danh sách: ${summary.unexpected.length}`
        : `${done} ${included}/${summary.sources.length} tệp`,
  });
  const head = 5;
  SOURCE_HEADERS.forEach((h, k) => g.set(head, 1 + k, { value: h }));
  g.style(head, 1, head, lastCol, FONT_HEADER);
  let r = head + 1;
  summary.sources.forEach((s, i) => {
    const info = s;
    g.set(r, 1, { value: i + 1 });
    g.set(r, 2, { value: s.unit });
    g.set(r, 3, { value: s.file });
    if (info?.reportNo) g.set(r, 4, { value: info.reportNo });
    if (info?.reportDate) g.set(r, 5, { value: { date: info.reportDate }, numberFormat: 'dd/mm/yyyy' });
    if (info?.period) g.set(r, 6, { value: `${formatDateVi(info.period.from)} – ${formatDateVi(info.period.to)}` });
    if (s.readable) {
      g.set(r, 7, { value: s.errors, numberFormat: COUNT_FORMAT });
      g.set(r, 8, { value: s.warnings, numberFormat: COUNT_FORMAT });
    }
    if (s.sha256) g.set(r, 9, { value: s.sha256 });
    g.set(r, 10, { value: s.included ? 'Có' : 'Không' });
    if (s.reason) g.set(r, 11, { value: s.reason.vi });
    if (!s.included || s.errors > 0) g.style(r, 1, r, lastCol, { fill: '#FCE4D6' });
    r++;
  });
  g.style(head + 1, 1, Math.max(head + 1, r - 1), lastCol, { border: true, vertical: 'top', wrap: true });
  const bottom = r - 1;
  const widths = sourceWidths(summary);
  summary.sources.forEach((s, i) => {
    const texts: [number, string | undefined][] = [
      [1, s.unit],
      [2, s.file],
      [3, s.reportNo],
      [10, s.reason?.vi],
    ];
    for (const [c, t] of texts) if (t) g.fit(head + 1 + i, t, widths[c]);
  });
  if (summary.missing.length > 0) {
    r++;
    g.set(r, 1, { value: `Chưa nộp: ${summary.missing.length}/${summary.expected}` });
    g.style(r, 1, r, lastCol, { bold: true });
    r++;
    for (const u of summary.missing) g.set(r++, 2, { value: u });
  }
  if (summary.unexpected.length > 0) {
    r++;
    g.set(r, 1, { value: `Ngoài danh sách đơn vị: ${summary.unexpected.length}` });
    g.style(r, 1, r, lastCol, { bold: true });
    r++;
    for (const u of summary.unexpected) g.set(r++, 2, { value: u });
  }
  return g.plan('sources', SOURCES_SHEET, widths, `${head}:${head}`, Math.max(bottom, r - 1), lastCol);
}
