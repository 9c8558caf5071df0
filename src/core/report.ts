/**
 * Report (document) numbers as Vietnamese offices write them.
 *
 * - Party documents (Hướng dẫn 36-HD/VPTW): number, a hyphen, the document type, a slash, the
 *   issuing body: `52-BC/TU`, `15-NQ/TW`, `18541-CV/VPTW`, `03-HD/BTCTW`, `12-QĐ/ĐU`.
 * - State documents (Nghị định 30/2020/NĐ-CP): number, a slash, an optional year for legal
 *   documents, a slash, the type and the body joined by hyphens: `123/BC-UBND`,
 *   `01/2023/QĐ-UBND`, `15/2020/NĐ-CP`, `45/QĐ-TTg`; an official letter carries the body and
 *   its unit instead of a type: `456/UBND-VX`, `789/SNV-CCHC`.
 *
 * Abbreviations are capital letters (Đ included), with a few official mixed-case ones such as
 * `TTg` (Thủ tướng) and `TTr` (Tờ trình).
 */

export type ReportNumberForm = 'party' | 'state';

/** One abbreviation: a capital letter (Đ included), then letters. */
const ABBR = '[A-ZĐ][A-ZĐa-zđ]{0,11}';
const NUMBER = '[1-9]\\d{0,5}|0\\d{1,5}';
const PARTY = new RegExp(`^(?:${NUMBER})-${ABBR}/${ABBR}(?:-${ABBR})*$`, 'u');
const STATE = new RegExp(`^(?:${NUMBER})/(?:(\\d{4})/)?${ABBR}(?:-${ABBR})+$`, 'u');

/** The form a report number follows, or null when it follows neither. */
export function reportNumberForm(input: string): ReportNumberForm | null {
  let s: string;
  try {
    s = input.normalize('NFC').trim();
  } catch {
    return null;
  }
  if (s.length === 0 || s.length > 60) return null;
  if (PARTY.test(s)) return 'party';
  const m = STATE.exec(s);
  if (m) {
    if (m[1] !== undefined) {
      const year = Number(m[1]);
      if (year < 1945 || year > 2100) return null;
    }
    return 'state';
  }
  return null;
}

export function isReportNumber(input: string): boolean {
  return reportNumberForm(input) !== null;
}
