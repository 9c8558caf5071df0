/**
 * Text the clerk types (unit, report number, who reports, a unit's name in a list) as every part of
 * the product keeps it: the command line, the pane's settings and Tổng hợp tab, the web page. One
 * cleaning, so the same unit typed in the pane and given to the CLI is the same text (consolidation
 * matches units by their cleaned name).
 */

/**
 * Trimmed and in Unicode NFC (a Mac keyboard or terminal may send decomposed Vietnamese letters:
 * "ủ" as u + ̉ + ̛, which would not equal the "ủ" typed on Windows).
 */
export function cleanText(s: string): string {
  return s.normalize('NFC').trim();
}

/** `cleanText`, or undefined when nothing is left (a field left blank). */
export function cleanTextOrUndefined(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const t = cleanText(s);
  return t === '' ? undefined : t;
}

/** The report information a form holds, as typed (`reportDate` is `yyyy-mm-dd` or ''). */
export interface ReportForm {
  unit: string;
  reportNo: string;
  reportDate: string;
  reportBy: string;
}

/** The report information given: each text cleaned, each blank field left out. */
export interface ReportText {
  unit?: string;
  reportNo?: string;
  reportDate?: string;
  reportBy?: string;
}

/**
 * The report information from a form (the pane's Thiết lập báo cáo, the web page's Tạo biểu mẫu and
 * Tổng hợp): texts cleaned (`cleanText`), blank ones left out, and `defaults` (the sample report, say)
 * for each field left blank.
 */
export function reportFromForm(form: Readonly<ReportForm>, defaults: Readonly<ReportText> = {}): ReportText {
  const out: ReportText = {};
  const unit = cleanTextOrUndefined(form.unit) ?? defaults.unit;
  const reportNo = cleanTextOrUndefined(form.reportNo) ?? defaults.reportNo;
  const reportDate = cleanTextOrUndefined(form.reportDate) ?? defaults.reportDate;
  const reportBy = cleanTextOrUndefined(form.reportBy) ?? defaults.reportBy;
  if (unit !== undefined) out.unit = unit;
  if (reportNo !== undefined) out.reportNo = reportNo;
  if (reportDate !== undefined) out.reportDate = reportDate;
  if (reportBy !== undefined) out.reportBy = reportBy;
  return out;
}
