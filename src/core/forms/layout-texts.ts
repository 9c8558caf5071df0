/**
 * The texts of a table's sheet that other parts need too (`core/forms/layout`): the attachment and
 * period lines (as text for the task pane and as the sheet's formulas), the two-level header a table
 * must keep, and the sizes of wrapped text in Excel's units.
 */
import type { Template } from './template';
import type { LayoutOptions, RowKindOption } from './plan';
import { formatDateVi, isValidIsoDate } from '../dates';

/** Appended to the label of a unit that did not report (consolidation against a units list). */
export const MISSING_SUFFIX = ' (chưa nộp)';
/** What a formula shows for report information not yet entered. */
const MISSING = '…';

// ---------------------------------------------------------------------------------------------
// Texts shared by the sheet formulas and the task pane

/** The Vietnamese lines the title block shows for these options (same text as its formulas give). */
export interface ReportLines {
  /** "Từ ngày 01/7/2025 đến 15/10/2025" — also the row label of a one-row `repeat` table. */
  period: string;
  /** "(Kèm theo Báo cáo số 52-BC/TU ngày 14/11/2025 của Ban Thường vụ Tỉnh ủy)". */
  attachment: string;
}

export function dateText(iso: string | undefined): string {
  return iso !== undefined && isValidIsoDate(iso) ? formatDateVi(iso) : MISSING;
}

export function textOr(s: string | undefined): string {
  return s !== undefined && s.trim() !== '' ? s : MISSING;
}

export function periodText(options: LayoutOptions): string {
  return `Từ ngày ${dateText(options.from)} đến ${dateText(options.to)}`;
}

export function attachmentText(options: LayoutOptions): string {
  return `(Kèm theo Báo cáo số ${textOr(options.reportNo)} ngày ${dateText(options.reportDate)} của ${textOr(options.reportBy)})`;
}

export function reportLines(options: LayoutOptions): ReportLines {
  return { period: periodText(options), attachment: attachmentText(options) };
}

/** Worksheet expression giving a date cell as `formatDateVi` writes it (no TEXT(): locale dependent). */
export function viDateExpr(cell: string): string {
  return `RIGHT("0"&DAY(${cell}),2)&"/"&IF(MONTH(${cell})<3,"0","")&MONTH(${cell})&"/"&YEAR(${cell})`;
}

export function dateOrMissing(cell: string): string {
  return `IF(ISNUMBER(${cell}),${viDateExpr(cell)},"${MISSING}")`;
}

export function textOrMissing(cell: string): string {
  return `IF(${cell}="","${MISSING}",${cell})`;
}

export function periodFormula(from: string, to: string): string {
  return `="Từ ngày "&${dateOrMissing(from)}&" đến "&${dateOrMissing(to)}`;
}

export function attachmentFormula(no: string, date: string, by: string): string {
  return `="(Kèm theo Báo cáo số "&${textOrMissing(no)}&" ngày "&${dateOrMissing(date)}&" của "&${textOrMissing(by)}&")"`;
}

// ---------------------------------------------------------------------------------------------
// Header

/** The word the corner header ends with for each kind of data rows. */
export const ROW_KIND_WORDS: Readonly<Record<RowKindOption, string>> = { unit: 'Đơn vị', period: 'Thời gian' };

/**
 * The corner header (the first cell of BM_HEADER) of a table whose rows are of this kind: the
 * template's header with its last part naming the rows ("Số lượng / Thời gian" becomes
 * "Số lượng / Đơn vị" for a consolidation). Without a kind, or for a fixed-row table, the template's own.
 */
export function cornerHeader(template: Template, rowKind?: RowKindOption): string {
  const own = template.rows.header.vi;
  if (rowKind === undefined || template.rows.kind !== 'repeat') return own;
  const word = ROW_KIND_WORDS[rowKind];
  const cut = own.lastIndexOf(' / ');
  return cut >= 0 ? `${own.slice(0, cut)} / ${word}` : word;
}

/** Every corner header a table of this template may carry (its own, then one per row kind), trimmed. */
export function cornerHeaders(template: Template): string[] {
  const all = [cornerHeader(template), cornerHeader(template, 'unit'), cornerHeader(template, 'period')].map((x) => x.trim());
  return all.filter((x, i) => all.indexOf(x) === i);
}

/**
 * One entry per BM_HEADER cell: the label written there, null for the continuation cells of merges.
 * The corner cell is the header for rows of `rowKind` (see `cornerHeader`).
 */
export function expectedHeader(template: Template, rowKind?: RowKindOption): (string | null)[][] {
  const top: (string | null)[] = [cornerHeader(template, rowKind)];
  const bottom: (string | null)[] = [null];
  for (const g of template.groups) {
    if (g.columns.length === 1) {
      top.push(g.label.vi);
      bottom.push(null);
    } else {
      g.columns.forEach((c, i) => {
        top.push(i === 0 ? g.label.vi : null);
        bottom.push(c.label.vi);
      });
    }
  }
  return [top, bottom];
}

// ---------------------------------------------------------------------------------------------
// Sizes (Excel character units and points)

/** Lines a text takes when word-wrapped into a cell `width` characters wide. */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width - 1.5));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need <= perLine) used = need;
    else if (used === 0) {
      lines += Math.ceil(word.length / perLine) - 1;
      used = word.length % perLine;
    } else {
      lines += 1;
      used = word.length;
      if (used > perLine) {
        lines += Math.ceil(used / perLine) - 1;
        used = used % perLine;
      }
    }
  }
  return lines;
}

export function longestWord(text: string): number {
  return Math.max(0, ...text.split(/\s+/).map((w) => w.length));
}

/** Row height in points for `lines` lines of text of `fontSize` points (with the cell's padding). */
export function heightFor(lines: number, fontSize = 11): number {
  return Math.round(lines * (fontSize * 1.35) + 4);
}

export function countWidth(n: number): number {
  const digits = String(Math.trunc(Math.abs(n))).length;
  return digits + Math.floor((digits - 1) / 3) + 3;
}
