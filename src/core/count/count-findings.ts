/**
 * The register sheets of a counted workbook — their extra columns, the period a row is counted in —
 * and the findings on them: `register.unclassified` (a row of the period whose column is undecided)
 * and `register.duplicate` (the same symbol, date and author twice), from the count itself or from
 * the register sheets of a workbook as the clerk left it. Pure.
 */
import type { Template, Text } from '../forms/template';
import type { GridRow, GridValue, RegisterKind } from './register';
import { FIELD_HEADERS, cellDate, cellText } from './register';
import { foldText, parseSymbol } from './symbol';
import { compareIsoDates } from '../dates';
import type { CellRef, Finding } from '../check/findings';
import type { Period, RegisterCount } from './count';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Is `date` within the period, both ends included? */
export function inPeriod(date: string | null, p: Period): boolean {
  if (date === null) return false;
  // yyyy-mm-dd texts sort as their days do: compared as text, without parsing (a year of rows, each asked).
  if (ISO_DAY.test(date) && ISO_DAY.test(p.from) && ISO_DAY.test(p.to)) return date >= p.from && date <= p.to;
  return compareIsoDates(date, p.from) >= 0 && compareIsoDates(date, p.to) <= 0;
}

/** `inPeriod` for many rows of one period: the period's ends checked once. */
export function periodTest(p: Period): (date: string | null) => boolean {
  if (!ISO_DAY.test(p.from) || !ISO_DAY.test(p.to)) return (date) => inPeriod(date, p);
  const { from, to } = p;
  return (date) => date !== null && (ISO_DAY.test(date) ? date >= from && date <= to : inPeriod(date, p));
}

// ---------------------------------------------------------------------------------------------
// The register sheets of the counted workbook

/** The extra columns of a register sheet, after the columns read. */
export const REGISTER_EXTRA = {
  fileRow: 'Dòng trong tệp',
  countDate: 'Ngày tính',
  type: 'Loại (ký hiệu)',
  why: 'Lý do',
  state: 'Trạng thái',
} as const;

/** The words of the "Trạng thái" column: counted (in some column), not counted (with its reason), undecided. */
export const REGISTER_STATES = { counted: 'đếm', notCounted: 'không đếm', unclassified: 'chưa xếp được' } as const;

/** The header of the column a template counts a row in ("Cột Biểu 01"). */
export function countColumnHeader(t: Template): string {
  return `Cột ${t.name.vi}`;
}

// ---------------------------------------------------------------------------------------------
// Findings on the register sheets

export interface RegisterSheetRef {
  /** The register sheet's name in the counted workbook. */
  sheet: string;
  /** The sheet row of each register row, in order (the header is row 1). */
  firstRow: number;
}

/** `register.duplicate`: the document at `here` is the one at `there` again. */
function duplicateFinding(cells: [CellRef, CellRef], symbol: string, here: Text, there: Text): Finding {
  return {
    rule: 'register.duplicate',
    severity: 'warning',
    cells,
    message: {
      vi: `${here.vi}: văn bản ${symbol} ghi hai lần (cùng số, ký hiệu, ngày và tác giả với ${there.vi}); cả hai đều được đếm`,
      en: `${here.en}: document ${symbol} recorded twice (same symbol, date and author as ${there.en}); both are counted`,
    },
  };
}

/** A document seen: where, and what tells it from another of the same symbol. */
interface Seen {
  kind: RegisterKind;
  date: string;
  author: string;
  at: CellRef;
  where: Text;
  next?: Seen;
}

/** Documents by folded symbol (one short text hashed per row), then kind, date and author compared. */
class SeenDocuments {
  private readonly bySymbol = new Map<string, Seen>();

  /** The earlier record of the same document, or undefined (then this one is remembered). */
  check(symbolKey: string, doc: Omit<Seen, 'next'>): Seen | undefined {
    const head = this.bySymbol.get(symbolKey);
    for (let s = head; s; s = s.next) if (s.kind === doc.kind && s.date === doc.date && s.author === doc.author) return s;
    this.bySymbol.set(symbolKey, head ? { ...doc, next: head } : doc);
    return undefined;
  }
}

/** Each text folded once (authors repeat). */
function folder(): (s: string) => string {
  const done = new Map<string, string>();
  return (s) => {
    let f = done.get(s);
    if (f === undefined) done.set(s, (f = foldText(s)));
    return f;
  };
}

/**
 * `register.unclassified` (a row that belongs in the tables but whose column is undecided, with why)
 * and `register.duplicate` (the same symbol, date and author twice), in the period.
 */
export function registerFindings(classified: readonly RegisterCount[], sheets: readonly RegisterSheetRef[], p: Period): Finding[] {
  const out: Finding[] = [];
  const seen = new SeenDocuments();
  const foldAuthor = folder();
  const inside = periodTest(p);
  classified.forEach((rc, i) => {
    const ref = sheets[i];
    const file = rc.source.register.file;
    const kind = rc.source.register.kind;
    rc.rows.forEach((r, j) => {
      if (r.date !== null && !inside(r.date)) return;
      const row = ref.firstRow + j;
      const at = { sheet: ref.sheet, address: `A${row}` };
      if (r.state === 'unclassified') {
        out.push({
          rule: 'register.unclassified',
          severity: 'warning',
          cells: [at],
          message: {
            vi: `${file}, dòng ${r.row.row} (${r.row.symbol || 'không số'}): chưa xếp được vào cột nào — ${r.why.vi}`,
            en: `${file}, row ${r.row.row} (${r.row.symbol || 'no symbol'}): not counted in any column — ${r.why.en}`,
          },
        });
      }
      if (r.row.symbol === '') return;
      const where = { vi: `${file}, dòng ${r.row.row}`, en: `${file}, row ${r.row.row}` };
      const first = seen.check(foldText(r.symbol?.text ?? r.row.symbol), { kind, date: r.row.date ?? r.row.dateText, author: foldAuthor(r.row.author), at, where });
      if (first) out.push(duplicateFinding([at, first.at], r.row.symbol, where, first.where));
    });
  });
  return out;
}

/** The cells of one sheet of a workbook, row by row (`xlsx/register-read` gives them). */
export interface SheetRows {
  sheet: string;
  rows: GridRow[];
}

/** The columns of a register sheet, by its headers; null when the sheet is not one. */
function sheetColumns(head: GridRow | undefined): { date: number; why: number; state: number; counts: number[]; kind: RegisterKind; symbol: number; docDate: number; author: number } | null {
  if (!head || head.row !== 1) return null;
  const col = (h: string): number => head.cells.findIndex((c) => cellText(c) === h);
  const date = col(REGISTER_EXTRA.countDate);
  const why = col(REGISTER_EXTRA.why);
  const state = col(REGISTER_EXTRA.state);
  if (date < 0 || why < 0 || state < 0) return null;
  const counts = head.cells.map((c, i) => (cellText(c).startsWith('Cột ') ? i : -1)).filter((i) => i >= 0);
  const kind = col(FIELD_HEADERS.arrivalDate) >= 0 || col(FIELD_HEADERS.arrivalNo) >= 0 ? 'incoming' : 'outgoing';
  return { date, why, state, counts, kind, symbol: col(FIELD_HEADERS.symbol), docDate: col(FIELD_HEADERS.date), author: col(FIELD_HEADERS.author) };
}

/**
 * The register findings of a counted workbook as it is now (the clerk may have corrected columns):
 * on every register sheet (found by its headers "Ngày tính", "Lý do", "Trạng thái"), a row marked
 * "chưa xếp được" whose table columns are still all blank, dated in `period` (or undated), is
 * `register.unclassified`; the same symbol, date and author twice in the registers of one kind is
 * `register.duplicate`.
 */
export function registerSheetFindings(sheets: readonly SheetRows[], period: Period | null): Finding[] {
  const out: Finding[] = [];
  const seen = new SeenDocuments();
  const text = (v: GridValue | undefined): string => cellText(v);
  for (const s of sheets) {
    const c = sheetColumns(s.rows[0]);
    if (c === null) continue;
    for (const r of s.rows.slice(1)) {
      const date = cellDate(r.cells[c.date]);
      if (period !== null && date !== null && !inPeriod(date, period)) continue;
      const at = { sheet: s.sheet, address: `A${r.row}` };
      const symbol = c.symbol >= 0 ? text(r.cells[c.symbol]) : '';
      if (text(r.cells[c.state]) === REGISTER_STATES.unclassified && c.counts.every((i) => text(r.cells[i]) === '')) {
        const why = text(r.cells[c.why]);
        out.push({
          rule: 'register.unclassified',
          severity: 'warning',
          cells: [at],
          message: {
            vi: `Trang "${s.sheet}", dòng ${r.row} (${symbol || 'không số'}): văn bản chưa xếp được vào cột nào — ${why}. Ghi mã cột vào cột "Cột …" của dòng để đếm.`,
            en: `Sheet "${s.sheet}", row ${r.row} (${symbol || 'no symbol'}): the document is in no column — ${why}. Write the column id in the row's "Cột …" cell to count it.`,
          },
        });
      }
      if (symbol === '') continue;
      const docDate = c.docDate >= 0 ? (cellDate(r.cells[c.docDate]) ?? text(r.cells[c.docDate])) : '';
      const where = { vi: `trang "${s.sheet}", dòng ${r.row}`, en: `sheet "${s.sheet}", row ${r.row}` };
      const first = seen.check(foldText(parseSymbol(symbol)?.text ?? symbol), { kind: c.kind, date: docDate, author: c.author >= 0 ? foldText(text(r.cells[c.author])) : '', at, where });
      if (first) out.push(duplicateFinding([at, first.at], symbol, { vi: `Trang "${s.sheet}", dòng ${r.row}`, en: `Sheet "${s.sheet}", row ${r.row}` }, first.where));
    }
  }
  return out;
}
