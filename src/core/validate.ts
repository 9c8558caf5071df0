/**
 * The validation engine: the values read from a workbook (any reader: `.xlsx` or Office.js)
 * become findings. Pure and deterministic; it never throws on any cell content.
 *
 * Order of the findings (core/findings `groupFindings`, the one order of every surface): every
 * error before any warning; within each, workbook-level findings (no table at all) first, then per
 * table in the order read (sheet order), then by the first cell (row, then column), then in the
 * order the rules run.
 *
 * Rule ids are stable; src/core/rules.ts registers each with its severity (docs/rules.md is generated from it).
 */
import type { Column, ComputedColumn, CrossTableEquality, RowRule, Template, Text } from './template';
import { BUILTIN_CATALOG, columnsOf } from './builtin';
import { PackCatalog, type BoundCrossRule } from './catalog';
import { STANDARD_PACK_ID } from './pack';
import type { CellRead, CellValue, TableRead, WorkbookRead } from './read';
import type { CellRef, Finding, Fix } from './findings';
import { INFO_NAMES, type InfoKey } from './names';
import { perDayFormula, perMonthFormula, ratioFormula, sameFormula, sumFormula, sumOfRuns } from './formulas';
import { rowKinds, type RowKind } from './rows';
import { cornerHeaders, expectedHeader } from './layout';
import { parseAddress } from './a1';
import { excelSerialToIso, formatDateVi, isoFromUtcDate, toIsoDate } from './dates';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber, formatRawNumber, parseCountText, thousandsSuggestion, type Separators } from './numbers';
import { reportNumberForm } from './report';
import { severityOf } from './rules';

export interface ValidateOptions {
  /** The day a report date is compared with (default: now). Its local calendar day is used. */
  today?: Date;
  /** The user's separators (Excel's culture), to word number messages. */
  separators?: Separators;
  /**
   * The loaded packs: templates are found by pack, id and version, and each pack's cross-table
   * rules apply to its own tables (default: the built-in pack `vn.standard`).
   */
  catalog?: PackCatalog;
  /** Instead of a catalog: templates recognised (as tables of `vn.standard` unless they name their pack). */
  templates?: readonly Template[];
  /** With `templates`: the rules between tables. */
  crossTableRules?: readonly CrossTableEquality[];
}

/** An entry cell classified: the count (≥ 0), or BLANK / BAD. Numbers, to spare allocations. */
type Entry = number;

const BLANK: Entry = -1;
const BAD: Entry = -2;

interface Ctx {
  /** Separators used to read text as numbers (vi-VN unless the user's are known). */
  sep: Separators;
  /** The user's separators when known: numbers in messages are written with them. */
  user: Separators | undefined;
  catalog: PackCatalog;
  today: string;
}

interface TableState {
  read: TableRead;
  template: Template;
  /** Entry classification per entry column id, per data row. */
  entries: Map<string, Float64Array>;
  /** Period, when both dates are valid. */
  period: { from: string; to: string } | null;
  /** What each data row is: only unit rows hold entries; group and subtotal rows are the layout's. */
  kinds: RowKind[];
}

interface Located {
  finding: Finding;
  table: number;
  seq: number;
  row: number;
  col: number;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function ref(c: CellRead): CellRef {
  return { sheet: c.sheet, address: c.address };
}

/** Row and column of an A1 address; an unreadable one sorts last. */
function posOf(address: string): { row: number; col: number } {
  try {
    return parseAddress(address);
  } catch {
    return { row: Number.MAX_SAFE_INTEGER, col: Number.MAX_SAFE_INTEGER };
  }
}

/** The template's formula? Exact text first (the usual case), then the canonical comparison. */
function formulaMatches(actual: string | null, expected: string): boolean {
  return actual === expected || sameFormula(actual, expected);
}

function isErrorValue(v: CellValue): v is { error: string } {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as { error?: unknown }).error === 'string';
}

/** A short printable rendering of a cell value for messages. */
function showValue(v: CellValue, sep: Separators): string {
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

function viNum(n: number, sep: Separators | undefined): string {
  return formatNumber(n, sep ?? VI_SEPARATORS);
}

function enNum(n: number, sep: Separators | undefined): string {
  return formatNumber(n, sep ?? EN_SEPARATORS);
}

/** "Hội đồng nhân dân – Nghị quyết", or the column label alone when its group has one column. */
function columnLabel(t: Template, columnId: string): Text {
  for (const g of t.groups) {
    const c = g.columns.find((x) => x.id === columnId);
    if (!c) continue;
    if (g.columns.length === 1 || g.label.vi === c.label.vi) return c.label;
    return { vi: `${g.label.vi} – ${c.label.vi}`, en: `${g.label.en} – ${c.label.en}` };
  }
  return { vi: columnId, en: columnId };
}

/** Where a cell of a data row is: the row's label as the sheet shows it, or its row number. */
function rowLabel(s: TableState, i: number): Text | null {
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

function where(col: Text, row: Text | null): Text {
  return row ? { vi: `${col.vi} (${row.vi})`, en: `${col.en} (${row.en})` } : col;
}

const TOTAL_ROW: Text = { vi: 'dòng tổng cộng', en: 'totals row' };

// ---------------------------------------------------------------------------------------------
// Structure

function headerText(v: CellValue): string | null {
  if (typeof v === 'string') return v.trim();
  if (v === null) return '';
  return null;
}

/** Why the table cannot be read as its template says, or null when it can. */
export function structureProblem(r: TableRead, t: Template): Text | null {
  if (r.broken) return r.broken.reason;
  const expected = expectedHeader(t);
  // The corner names the rows: the template's own header, or a consolidation's ("… / Đơn vị") or a
  // roll-up's ("… / Thời gian").
  const corners = cornerHeaders(t);
  if (r.header.length !== expected.length) return { vi: 'Vùng tiêu đề của biểu đã bị thay đổi.', en: 'The header area was changed.' };
  for (let i = 0; i < expected.length; i++) {
    const row = r.header[i];
    if (!Array.isArray(row) || row.length !== expected[i].length) return { vi: 'Vùng tiêu đề của biểu đã bị thay đổi.', en: 'The header area was changed.' };
    for (let j = 0; j < expected[i].length; j++) {
      const want = expected[i][j];
      if (want === null) continue;
      const got = row[j] ? headerText(row[j].value) : null;
      if (i === 0 && j === 0 ? got === null || !corners.includes(got) : got !== want.trim()) {
        return {
          vi: `Ô tiêu đề ${row[j]?.address ?? ''} phải là "${want}".`,
          en: `Header cell ${row[j]?.address ?? ''} must read "${want}".`,
        };
      }
    }
  }
  const n = r.rowLabels.length;
  if (n < 1) return { vi: 'Không tìm thấy các dòng số liệu.', en: 'The data rows cannot be found.' };
  if ((r.groups?.length ?? 0) > 0 && (t.rows.kind === 'fixed' || rowKinds(r) === null)) {
    return { vi: 'Các nhóm đơn vị của biểu đã bị thay đổi.', en: 'The groups of units were changed.' };
  }
  if (t.rows.kind === 'fixed' && n !== t.rows.rows.length) return { vi: 'Số dòng của biểu đã bị thay đổi.', en: 'The number of rows was changed.' };
  const labelRows = r.rowLabels.map((c) => posOf(c.address).row);
  for (const c of columnsOf(t)) {
    const cells = r.columns[c.id];
    if (!cells || cells.length !== n) return { vi: `Cột "${c.label.vi}" không còn đủ ô.`, en: `Column "${c.label.en}" no longer has its cells.` };
    for (let i = 0; i < n; i++) {
      if (posOf(cells[i].address).row !== labelRows[i]) return { vi: `Cột "${c.label.vi}" đã bị xê dịch.`, en: `Column "${c.label.en}" was moved.` };
    }
  }
  const needTotals = t.rows.kind === 'fixed' || n > 1;
  if (needTotals) {
    if (!r.totals) return { vi: 'Không tìm thấy dòng tổng cộng.', en: 'The totals row cannot be found.' };
    for (const c of columnsOf(t)) {
      if (!r.totals[c.id]) return { vi: 'Dòng tổng cộng đã bị thay đổi.', en: 'The totals row was changed.' };
    }
  }
  for (const a of t.averages ?? []) {
    if (!r.averages || !r.averages[a.id]) return { vi: 'Không tìm thấy ô số liệu trung bình.', en: 'An average cell cannot be found.' };
  }
  for (const k of Object.keys(INFO_NAMES) as InfoKey[]) {
    if (!r.info || !r.info[k]) return { vi: 'Không tìm thấy ô thông tin báo cáo.', en: 'A report-information cell cannot be found.' };
  }
  return null;
}

/**
 * Whether the table's figures can be taken as its template says (consolidation, roll-up, the
 * comparison with earlier periods): no structure problem, and none so bad that looking for one fails.
 */
export function fitsTemplate(r: TableRead, t: Template): boolean {
  try {
    return structureProblem(r, t) === null;
  } catch {
    return false;
  }
}

function firstCellOf(r: TableRead): CellRef[] {
  if (r.broken?.cell) return [r.broken.cell];
  const h = r.header?.[0]?.[0];
  return h ? [ref(h)] : [{ sheet: r.sheet, address: 'A1' }];
}

// ---------------------------------------------------------------------------------------------
// Entry cells

const MAX_COUNT = Number.MAX_SAFE_INTEGER;

function entryFinding(rule: string, cell: CellRead, message: Text, fix?: Fix): Finding {
  const f: Finding = { rule, severity: severityOf(rule), cells: [ref(cell)], message };
  if (fix) f.fix = fix;
  return f;
}

function valueFix(cell: CellRead, n: number): Fix {
  return { cell: ref(cell), value: n, label: { vi: `Đổi thành số ${n}`, en: `Change to the number ${n}` } };
}

/** Classifies one entry cell and reports what is wrong with it. */
function checkEntry(cell: CellRead, required: boolean, s: TableState, columnId: string, i: number, ctx: Ctx, out: Finding[]): Entry {
  const v = cell.value;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_COUNT) return v + 0;
  const at = (): Text => where(columnLabel(s.template, columnId), rowLabel(s, i));
  if (typeof v === 'number') {
    const a = at();
    const shown = showValue(v, ctx.user ?? EN_SEPARATORS);
    if (!Number.isFinite(v)) {
      out.push(entryFinding('entry.not-number', cell, { vi: `${a.vi}: giá trị "${shown}" không phải số hợp lệ.`, en: `${a.en}: "${shown}" is not a valid number.` }));
    } else if (v < 0) {
      out.push(entryFinding('entry.negative', cell, { vi: `${a.vi}: số lượng không được âm (${shown}).`, en: `${a.en}: a count cannot be negative (${shown}).` }));
    } else if (!Number.isInteger(v)) {
      out.push(fractionFinding(a, shown, thousandsSuggestion(v), cell));
    } else {
      out.push(entryFinding('entry.too-large', cell, { vi: `${a.vi}: số ${shown} quá lớn để là một số lượng.`, en: `${a.en}: ${shown} is too large for a count.` }));
    }
    return BAD;
  }
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) {
    const a = at();
    if (required) {
      out.push(entryFinding('entry.required', cell, { vi: `${a.vi}: bắt buộc phải nhập số liệu (nhập 0 nếu không có).`, en: `${a.en}: this figure is required (enter 0 if there is none).` }));
    } else {
      out.push(entryFinding('entry.blank', cell, { vi: `${a.vi}: chưa báo cáo (ô trống; nhập 0 nếu không có).`, en: `${a.en}: not reported (blank; enter 0 if there is none).` }));
    }
    return BLANK;
  }
  const a = at();
  if (typeof v === 'string') {
    const shown = showValue(v, ctx.sep);
    const p = parseCountText(v, ctx.sep);
    switch (p.kind) {
      case 'count':
        out.push(
          entryFinding(
            'entry.text-number',
            cell,
            { vi: `${a.vi}: số được nhập dưới dạng chữ ("${shown}"), không được cộng vào tổng. Nhập lại là số ${p.value}.`, en: `${a.en}: the number was entered as text ("${shown}") and is left out of totals. Enter it as the number ${p.value}.` },
            valueFix(cell, p.value),
          ),
        );
        break;
      case 'negative':
        out.push(entryFinding('entry.negative', cell, { vi: `${a.vi}: số lượng không được âm ("${shown}").`, en: `${a.en}: a count cannot be negative ("${shown}").` }));
        break;
      case 'fraction':
        out.push(fractionFinding(a, `"${shown}"`, thousandsSuggestion(p.value), cell));
        break;
      case 'too-large':
        out.push(entryFinding('entry.too-large', cell, { vi: `${a.vi}: số "${shown}" quá lớn để là một số lượng.`, en: `${a.en}: "${shown}" is too large for a count.` }));
        break;
      default:
        out.push(entryFinding('entry.text', cell, { vi: `${a.vi}: "${shown}" không phải là số; chỉ nhập số lượng (số nguyên ≥ 0).`, en: `${a.en}: "${shown}" is not a number; enter a count only (a whole number ≥ 0).` }));
    }
    return BAD;
  }
  if (isErrorValue(v)) {
    out.push(entryFinding('entry.error-value', cell, { vi: `${a.vi}: ô có lỗi ${showValue(v, ctx.sep)}; nhập số lượng.`, en: `${a.en}: the cell shows the error ${showValue(v, ctx.sep)}; enter a count.` }));
    return BAD;
  }
  const shown = showValue(v, ctx.sep);
  const kind = typeof v === 'boolean' ? { vi: 'giá trị đúng/sai', en: 'a true/false value' } : v instanceof Date ? { vi: 'một ngày tháng', en: 'a date' } : { vi: 'giá trị không phải số', en: 'a value that is not a number' };
  out.push(entryFinding('entry.not-number', cell, { vi: `${a.vi}: ô chứa ${kind.vi} (${shown}), không phải số lượng.`, en: `${a.en}: the cell holds ${kind.en} (${shown}), not a count.` }));
  return BAD;
}

function fractionFinding(a: Text, shown: string, suggestion: number | null, cell: CellRead): Finding {
  if (suggestion !== null) {
    return entryFinding(
      'entry.fraction',
      cell,
      {
        vi: `${a.vi}: ${shown} không phải số nguyên. Có phải là ${suggestion}? (dấu phân cách hàng nghìn đã bị hiểu là dấu thập phân)`,
        en: `${a.en}: ${shown} is not a whole number. Did you mean ${suggestion}? (a thousands separator was read as a decimal point)`,
      },
      valueFix(cell, suggestion),
    );
  }
  return entryFinding('entry.fraction', cell, {
    vi: `${a.vi}: ${shown} không phải số nguyên; số lượng phải là số nguyên không âm.`,
    en: `${a.en}: ${shown} is not a whole number; counts are whole numbers ≥ 0.`,
  });
}

// ---------------------------------------------------------------------------------------------
// Computed cells

function formulaFinding(cell: CellRead, expected: string, at: Text): Finding {
  const missing = typeof cell.formula !== 'string' || cell.formula.trim() === '';
  const rule = missing ? 'computed.formula-missing' : 'computed.formula-changed';
  const message: Text = missing
    ? {
        vi: `${at.vi}: ô tính tự động đã bị ghi đè bằng giá trị cố định; phải là công thức ${expected}.`,
        en: `${at.en}: the computed cell was typed over with a constant; it must hold the formula ${expected}.`,
      }
    : {
        vi: `${at.vi}: công thức đã bị sửa thành ${cell.formula}; phải là ${expected}.`,
        en: `${at.en}: the formula was changed to ${cell.formula}; it must be ${expected}.`,
      };
  return {
    rule,
    severity: severityOf(rule),
    cells: [ref(cell)],
    message,
    fix: { cell: ref(cell), formula: expected, label: { vi: `Khôi phục công thức ${expected}`, en: `Restore the formula ${expected}` } },
  };
}

function computedFormula(c: ComputedColumn, at: (id: string) => string | null): string | null {
  if (c.kind === 'sum') {
    const cells = c.of.map(at);
    if (cells.some((x) => x === null)) return null;
    return sumFormula(cells as string[]);
  }
  const n = at(c.numerator);
  const d = at(c.denominator);
  return n === null || d === null ? null : ratioFormula(n, d);
}

function checkComputed(s: TableState, out: Finding[]): void {
  const { read: r, template: t } = s;
  const computed = columnsOf(t).filter((c): c is ComputedColumn => c.kind !== 'entry');
  const n = r.rowLabels.length;
  const units: number[] = [];
  for (let i = 0; i < n; i++) {
    if (s.kinds[i] === 'group') continue;
    if (s.kinds[i] === 'unit') units.push(i);
    const at = (id: string): string | null => r.columns[id]?.[i]?.address ?? null;
    for (const c of computed) {
      const cell = r.columns[c.id][i];
      const expected = computedFormula(c, at);
      if (expected !== null && !formulaMatches(cell.formula, expected)) out.push(formulaFinding(cell, expected, where(columnLabel(t, c.id), rowLabel(s, i))));
    }
  }
  // Subtotal rows: each entry column adds up the units of its group.
  for (const g of r.groups ?? []) {
    for (const c of columnsOf(t)) {
      if (c.kind !== 'entry') continue;
      const cells = r.columns[c.id];
      const cell = cells[g.bottom];
      const expected = sumFormula(cells.slice(g.top + 1, g.bottom).map((x) => x.address));
      if (!formulaMatches(cell.formula, expected)) out.push(formulaFinding(cell, expected, where(columnLabel(t, c.id), rowLabel(s, g.bottom))));
    }
  }
  const grouped = (r.groups?.length ?? 0) > 0;
  if (r.totals) {
    const totals = r.totals;
    for (const c of columnsOf(t)) {
      const cell = totals[c.id];
      if (!cell) continue;
      const expected =
        c.kind === 'ratio'
          ? computedFormula(c, (id) => totals[id]?.address ?? null)
          : grouped
            ? sumOfRuns(units.map((i) => r.columns[c.id][i].address))
            : sumFormula(r.columns[c.id].map((x) => x.address));
      if (expected !== null && !formulaMatches(cell.formula, expected)) out.push(formulaFinding(cell, expected, where(columnLabel(t, c.id), TOTAL_ROW)));
    }
  }
  for (const a of t.averages ?? []) {
    const cell = r.averages[a.id];
    const totalCell = r.totals ? r.totals[a.of] : r.columns[a.of]?.[0];
    const from = r.info.from;
    const to = r.info.to;
    if (!cell || !totalCell || !from || !to) continue;
    const expected = a.kind === 'perDay' ? perDayFormula(totalCell.address, from.address, to.address) : perMonthFormula(totalCell.address, from.address, to.address);
    if (!formulaMatches(cell.formula, expected)) out.push(formulaFinding(cell, expected, a.label));
  }
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

/** The value of a column in data row i, when every cell it depends on holds a valid count. */
function rowValue(s: TableState, c: Column, i: number): number | null {
  if (c.kind === 'entry') {
    const e = s.entries.get(c.id)?.[i];
    return e !== undefined && e >= 0 ? e : null;
  }
  if (c.kind === 'sum') {
    let sum = 0;
    for (const id of c.of) {
      const e = s.entries.get(id)?.[i];
      if (e !== undefined && e >= 0) sum += e;
      else {
        const sub = columnsOf(s.template).find((x) => x.id === id);
        const v = sub && sub.kind === 'sum' ? rowValue(s, sub, i) : null;
        if (v === null) return null;
        sum += v;
      }
    }
    return sum;
  }
  return null;
}

/** The total of a column over the data rows and the cell that shows it. */
function columnTotal(s: TableState, columnId: string): { value: number | null; cell: CellRead } | null {
  const c = columnsOf(s.template).find((x) => x.id === columnId);
  if (!c || c.kind === 'ratio') return null;
  const r = s.read;
  const cell = r.totals ? r.totals[columnId] : r.columns[columnId]?.[0];
  if (!cell) return null;
  let total = 0;
  for (let i = 0; i < r.rowLabels.length; i++) {
    if (s.kinds[i] !== 'unit') continue;
    const v = rowValue(s, c, i);
    if (v === null) return { value: null, cell };
    total += v;
  }
  return { value: total, cell };
}

function arithmetic(rule: string, cells: CellRef[], left: number, right: number, message: Text): Finding {
  return { rule, severity: severityOf(rule), cells, message, left, right, difference: left - right };
}

function checkRowRules(s: TableState, ctx: Ctx, out: Finding[]): void {
  const t = s.template;
  const r = s.read;
  const byId = new Map(columnsOf(t).map((c) => [c.id, c]));
  const valueOf = (id: string, i: number): number | null => {
    const c = byId.get(id);
    return c ? rowValue(s, c, i) : null;
  };
  const sep = ctx.user;
  for (const rule of (t.rules ?? []) as RowRule[]) {
    for (let i = 0; i < r.rowLabels.length; i++) {
      if (s.kinds[i] !== 'unit') continue;
      const row = rowLabel(s, i);
      const rowVi = row ? ` — ${row.vi}` : '';
      const rowEn = row ? ` — ${row.en}` : '';
      if (rule.kind === 'atMost') {
        const small = valueOf(rule.small, i);
        const large = valueOf(rule.large, i);
        const sc = r.columns[rule.small]?.[i];
        const lc = r.columns[rule.large]?.[i];
        if (small === null || large === null || !sc || !lc || small <= large) continue;
        out.push(
          arithmetic(`row.${rule.id}`, [ref(sc), ref(lc)], small, large, {
            vi: `${rule.label.vi}${rowVi}: ${columnLabel(t, rule.small).vi} = ${viNum(small, sep)} lớn hơn ${columnLabel(t, rule.large).vi} = ${viNum(large, sep)} (chênh lệch ${viNum(small - large, sep)}).`,
            en: `${rule.label.en}${rowEn}: ${columnLabel(t, rule.small).en} = ${enNum(small, sep)} exceeds ${columnLabel(t, rule.large).en} = ${enNum(large, sep)} (difference ${enNum(small - large, sep)}).`,
          }),
        );
      } else {
        const whole = valueOf(rule.whole, i);
        const parts = rule.parts.map((p) => valueOf(p, i));
        const wc = r.columns[rule.whole]?.[i];
        const pcs = rule.parts.map((p) => r.columns[p]?.[i]);
        if (whole === null || parts.some((p) => p === null) || !wc || pcs.some((p) => !p)) continue;
        const sum = (parts as number[]).reduce((a, b) => a + b, 0);
        if (sum === whole) continue;
        out.push(
          arithmetic(`row.${rule.id}`, [ref(wc), ...(pcs as CellRead[]).map(ref)], whole, sum, {
            vi: `${rule.label.vi}${rowVi}: ${columnLabel(t, rule.whole).vi} = ${viNum(whole, sep)}, tổng các phần = ${viNum(sum, sep)} (chênh lệch ${viNum(whole - sum, sep)}).`,
            en: `${rule.label.en}${rowEn}: ${columnLabel(t, rule.whole).en} = ${enNum(whole, sep)}, sum of the parts = ${enNum(sum, sep)} (difference ${enNum(whole - sum, sep)}).`,
          }),
        );
      }
    }
  }
}

function samePeriod(a: TableState, b: TableState): boolean {
  return a.period !== null && b.period !== null && a.period.from === b.period.from && a.period.to === b.period.to;
}

/**
 * Rules between tables. Each table on the left (Biểu 02) is compared with the table of the right
 * kind (Biểu 01). When the workbook holds several of that kind (`Biểu 01` and its copy
 * `Biểu 01 (2)`), the ones of the same report period as the left table are used; if that still
 * leaves several (or none has its period), the left table is compared with every one of them —
 * an error is never hidden by a second copy — and one `cross.ambiguous` warning names them.
 */
function packOf(s: TableState): string {
  return s.read.packId ?? STANDARD_PACK_ID;
}

/** Is this table the rule's left (or right) side: same pack, template and, when the rule says, version? */
function onSide(s: TableState, b: BoundCrossRule, side: 'left' | 'right'): boolean {
  const version = side === 'left' ? b.leftVersion : b.rightVersion;
  return packOf(s) === b.pack && s.template.id === b.rule[side].template && (version === undefined || s.template.version === version);
}

/** Unit rows of a table with their labels (trimmed, NFC); null when some unit row has no label. */
function unitLabels(s: TableState): { index: number; label: string }[] | null {
  const out: { index: number; label: string }[] = [];
  for (let i = 0; i < s.kinds.length; i++) {
    if (s.kinds[i] !== 'unit') continue;
    const v = s.read.rowLabels[i]?.value;
    if (typeof v !== 'string' || v.trim() === '') return null;
    out.push({ index: i, label: v.normalize('NFC').trim() });
  }
  return out;
}

/**
 * Where both tables have a row per unit (two or more, the same labels in the same order, as a
 * consolidation writes them), the rule holds row by row: a disagreement names its unit.
 */
function checkPerUnit(left: TableState, right: TableState, rule: CrossTableEquality, ctx: Ctx, push: (f: Finding) => void): void {
  const ll = unitLabels(left);
  const rl = unitLabels(right);
  if (!ll || !rl || ll.length < 2 || ll.length !== rl.length || ll.some((x, k) => x.label !== rl[k].label)) return;
  const lc = columnsOf(left.template).find((c) => c.id === rule.left.column);
  const rc = columnsOf(right.template).find((c) => c.id === rule.right.column);
  if (!lc || !rc) return;
  const sep = ctx.user;
  const lLabel = columnLabel(left.template, lc.id);
  const rLabel = columnLabel(right.template, rc.id);
  ll.forEach((x, k) => {
    const lv = rowValue(left, lc, x.index);
    const rv = rowValue(right, rc, rl[k].index);
    const lcell = left.read.columns[lc.id]?.[x.index];
    const rcell = right.read.columns[rc.id]?.[rl[k].index];
    if (lv === null || rv === null || lv === rv || !lcell || !rcell) return;
    push(
      arithmetic(`cross.${rule.id}`, [ref(lcell), ref(rcell)], lv, rv, {
        vi: `${rule.label.vi} — ${x.label}: ${left.read.sheet} ${lcell.address} ("${lLabel.vi}") là ${viNum(lv, sep)}, nhưng ${right.read.sheet} ${rcell.address} ("${rLabel.vi}") là ${viNum(rv, sep)}; chênh lệch ${viNum(lv - rv, sep)}. Hai số này phải bằng nhau.`,
        en: `${rule.label.en} — ${x.label}: ${left.read.sheet} ${lcell.address} ("${lLabel.en}") is ${enNum(lv, sep)}, but ${right.read.sheet} ${rcell.address} ("${rLabel.en}") is ${enNum(rv, sep)}; difference ${enNum(lv - rv, sep)}. The two figures must be equal.`,
      }),
    );
  });
}

function checkCrossTables(states: (TableState | null)[], rules: readonly BoundCrossRule[], ctx: Ctx, push: (tableIndex: number, f: Finding) => void): void {
  const sep = ctx.user;
  states.forEach((left, li) => {
    if (!left) return;
    const mine = rules.filter((b) => onSide(left, b, 'left'));
    // One comparison group per kind of right-hand table (pack, template, version).
    const kinds: BoundCrossRule[][] = [];
    for (const b of mine) {
      const group = kinds.find((g) => g[0].pack === b.pack && g[0].rule.right.template === b.rule.right.template && g[0].rightVersion === b.rightVersion);
      if (group) group.push(b);
      else kinds.push([b]);
    }
    for (const group of kinds) {
      const candidates: number[] = [];
      states.forEach((s, i) => {
        if (s && i !== li && onSide(s, group[0], 'right')) candidates.push(i);
      });
      if (candidates.length === 0) continue;
      let chosen = candidates;
      if (candidates.length > 1) {
        const same = candidates.filter((i) => samePeriod(left, states[i] as TableState));
        if (same.length > 0) chosen = same;
      }
      for (const { rule } of group) {
        const lt = columnTotal(left, rule.left.column);
        const ll = columnLabel(left.template, rule.left.column);
        for (const ri of chosen) {
          const right = states[ri] as TableState;
          // Row by row first: a unit left blank (not reported) leaves no column total, but the
          // units that did report are still compared.
          checkPerUnit(left, right, rule, ctx, (f) => push(li, f));
          if (!lt || lt.value === null) continue;
          const lv = lt.value;
          const rt = columnTotal(right, rule.right.column);
          if (!rt || rt.value === null || rt.value === lv) continue;
          const rv = rt.value;
          const rl = columnLabel(right.template, rule.right.column);
          push(
            li,
            arithmetic(`cross.${rule.id}`, [ref(lt.cell), ref(rt.cell)], lv, rv, {
              vi: `${rule.label.vi}: ${left.read.sheet} ${lt.cell.address} ("${ll.vi}") là ${viNum(lv, sep)}, nhưng ${right.read.sheet} ${rt.cell.address} ("${rl.vi}") là ${viNum(rv, sep)}; chênh lệch ${viNum(lv - rv, sep)}. Hai số này phải bằng nhau.`,
              en: `${rule.label.en}: ${left.read.sheet} ${lt.cell.address} ("${ll.en}") is ${enNum(lv, sep)}, but ${right.read.sheet} ${rt.cell.address} ("${rl.en}") is ${enNum(rv, sep)}; difference ${enNum(lv - rv, sep)}. The two figures must be equal.`,
            }),
          );
        }
      }
      if (chosen.length > 1) {
        const rt = (states[chosen[0]] as TableState).template;
        const sheets = chosen.map((i) => (states[i] as TableState).read.sheet);
        const list = sheets.map((s) => `"${s}"`).join(', ');
        const period = left.period !== null && chosen.every((i) => samePeriod(left, states[i] as TableState));
        push(li, {
          rule: 'cross.ambiguous',
          severity: severityOf('cross.ambiguous'),
          cells: [...firstCellOf(left.read), ...chosen.map((i) => firstCellOf((states[i] as TableState).read)[0])],
          message: {
            vi: `${left.read.sheet} được đối chiếu với ${chosen.length} biểu cùng loại ${rt.name.vi}: ${list}${period ? ' (cùng kỳ báo cáo)' : ''}. Một báo cáo chỉ nên có một ${rt.name.vi}; hãy xóa bản thừa, hoặc đặt mỗi báo cáo ở một tệp hay một kỳ báo cáo riêng.`,
            en: `${left.read.sheet} is compared with ${chosen.length} tables of the same kind (${rt.name.en}): ${list}${period ? ' (same report period)' : ''}. A report should hold one ${rt.name.en}; delete the extra copy, or give each report its own file or period.`,
          },
        });
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Report information and period

type DateRead = { kind: 'date'; iso: string } | { kind: 'blank' } | { kind: 'invalid' };

function readDate(v: CellValue): DateRead {
  try {
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return { kind: 'blank' };
    if (v instanceof Date) return Number.isFinite(v.getTime()) && v.getUTCFullYear() >= 1900 && v.getUTCFullYear() <= 9999 ? { kind: 'date', iso: isoFromUtcDate(v) } : { kind: 'invalid' };
    if (typeof v === 'number' && Number.isFinite(v) && v >= 61 && v < 2958466) return { kind: 'date', iso: excelSerialToIso(v) };
  } catch {
    return { kind: 'invalid' };
  }
  return { kind: 'invalid' };
}

function showDate(iso: string): string {
  try {
    return formatDateVi(iso);
  } catch {
    return iso;
  }
}

function checkInfo(s: TableState, ctx: Ctx, out: Finding[]): void {
  const info = s.read.info;
  const no = info.reportNo;
  if (no) {
    const v = no.value;
    if (v === null || (typeof v === 'string' && v.trim() === '')) {
      out.push({ rule: 'report.number-missing', severity: severityOf('report.number-missing'), cells: [ref(no)], message: { vi: 'Chưa nhập số báo cáo (ví dụ 52-BC/TU hoặc 123/BC-UBND).', en: 'The report number is missing (e.g. 52-BC/TU or 123/BC-UBND).' } });
    } else if (typeof v !== 'string' || reportNumberForm(v) === null) {
      const shown = showValue(v, ctx.sep);
      out.push({
        rule: 'report.number-format',
        severity: severityOf('report.number-format'),
        cells: [ref(no)],
        message: {
          vi: `Số báo cáo "${shown}" không theo mẫu của văn bản Đảng (52-BC/TU) hay văn bản nhà nước (123/BC-UBND, 01/2023/QĐ-UBND).`,
          en: `The report number "${shown}" follows neither the Party form (52-BC/TU) nor the State form (123/BC-UBND, 01/2023/QĐ-UBND).`,
        },
      });
    }
  }
  const rd = info.reportDate;
  if (rd) {
    const d = readDate(rd.value);
    if (d.kind === 'blank') {
      out.push({ rule: 'report.date-missing', severity: severityOf('report.date-missing'), cells: [ref(rd)], message: { vi: 'Chưa nhập ngày báo cáo.', en: 'The report date is missing.' } });
    } else if (d.kind === 'invalid') {
      const shown = showValue(rd.value, ctx.sep);
      out.push({ rule: 'report.date-invalid', severity: severityOf('report.date-invalid'), cells: [ref(rd)], message: { vi: `Ngày báo cáo "${shown}" không phải là ngày tháng; nhập ngày dạng dd/mm/yyyy.`, en: `The report date "${shown}" is not a date; enter a date (dd/mm/yyyy).` } });
    } else if (d.iso > ctx.today) {
      out.push({ rule: 'report.date-future', severity: severityOf('report.date-future'), cells: [ref(rd)], message: { vi: `Ngày báo cáo ${showDate(d.iso)} ở tương lai.`, en: `The report date ${showDate(d.iso)} is in the future.` } });
    }
  }
  const from = info.from;
  const to = info.to;
  if (!from || !to) return;
  const f = readDate(from.value);
  const t = readDate(to.value);
  for (const [cell, d, label] of [
    [from, f, { vi: 'Từ ngày', en: 'The period start' }],
    [to, t, { vi: 'Đến ngày', en: 'The period end' }],
  ] as const) {
    if (d.kind === 'blank') {
      out.push({ rule: 'period.missing', severity: severityOf('period.missing'), cells: [ref(cell)], message: { vi: `${label.vi}: chưa nhập; số trung bình và tiêu đề kỳ báo cáo không tính được.`, en: `${label.en} is missing; averages and the period line cannot be computed.` } });
    } else if (d.kind === 'invalid') {
      const shown = showValue(cell.value, ctx.sep);
      out.push({ rule: 'period.invalid', severity: severityOf('period.invalid'), cells: [ref(cell)], message: { vi: `${label.vi}: "${shown}" không phải là ngày tháng; nhập ngày dạng dd/mm/yyyy.`, en: `${label.en} "${shown}" is not a date; enter a date (dd/mm/yyyy).` } });
    }
  }
  if (f.kind === 'date' && t.kind === 'date') {
    if (f.iso > t.iso) {
      out.push({
        rule: 'period.order',
        severity: severityOf('period.order'),
        cells: [ref(from), ref(to)],
        message: { vi: `Kỳ báo cáo: từ ngày ${showDate(f.iso)} sau đến ngày ${showDate(t.iso)}.`, en: `Report period: the start ${showDate(f.iso)} is after the end ${showDate(t.iso)}.` },
      });
    } else s.period = { from: f.iso, to: t.iso };
  }
}

/** The report information's blank fields, in the order of the Thiết lập báo cáo form. */
const MISSING_INFO: readonly { key: InfoKey; rule: string; name: Text }[] = [
  { key: 'reportNo', rule: 'report.number-missing', name: { vi: 'Số báo cáo', en: 'report number' } },
  { key: 'reportDate', rule: 'report.date-missing', name: { vi: 'Ngày báo cáo', en: 'report date' } },
  { key: 'from', rule: 'period.missing', name: { vi: 'Từ ngày', en: 'period start' } },
  { key: 'to', rule: 'period.missing', name: { vi: 'Đến ngày', en: 'period end' } },
];

/**
 * The report information left blank in more than one table is one finding, `report.incomplete`,
 * not one per field per table (four tables, four fields: sixteen warnings for one thing to do): its
 * cells are every blank one, table by table in reading order; the clerk fills them once (the pane's
 * Thiết lập báo cáo writes every table). Blank fields of a single table stay as they are reported
 * (`report.number-missing`, `report.date-missing`, `period.missing`).
 */
function mergeMissingInfo(located: Located[], states: (TableState | null)[], nextSeq: () => number): void {
  const isMissing = (l: Located): boolean => l.finding.severity === 'warning' && MISSING_INFO.some((m) => m.rule === l.finding.rule);
  const missing = located.filter(isMissing);
  const tables = new Set(missing.map((l) => l.table));
  if (tables.size < 2) return;
  missing.sort((a, b) => a.table - b.table || a.row - b.row || a.col - b.col || a.seq - b.seq);
  const blankKeys = new Set<InfoKey>();
  for (const l of missing) {
    const info = states[l.table]?.read.info;
    const cell = l.finding.cells[0];
    for (const m of MISSING_INFO) {
      const c = info?.[m.key];
      if (c && cell && c.sheet === cell.sheet && c.address === cell.address) blankKeys.add(m.key);
    }
  }
  const fields = MISSING_INFO.filter((m) => blankKeys.has(m.key));
  const sheets = [...new Set(missing.map((l) => l.finding.cells[0]?.sheet).filter((x): x is string => x !== undefined))];
  const period = blankKeys.has('from') || blankKeys.has('to');
  const first = missing[0];
  const finding: Finding = {
    rule: 'report.incomplete',
    severity: severityOf('report.incomplete'),
    cells: missing.flatMap((l) => l.finding.cells),
    message: {
      vi: `Thông tin báo cáo chưa đủ: chưa nhập ${fields.map((f) => f.name.vi).join(', ')} ở ${sheets.length} biểu (${sheets.join(', ')})${period ? '; số trung bình và tiêu đề kỳ báo cáo chưa tính được' : ''}. Nhập một lần ở Thiết lập báo cáo.`,
      en: `The report information is incomplete: ${fields.map((f) => f.name.en).join(', ')} not entered in ${sheets.length} tables (${sheets.join(', ')})${period ? '; averages and the period line cannot be computed' : ''}. Enter it once in Report settings.`,
    },
  };
  const drop = new Set(missing);
  const kept = located.filter((l) => !drop.has(l));
  located.length = 0;
  located.push(...kept, { finding, table: first.table, seq: nextSeq(), row: first.row, col: first.col });
}

function checkPeriods(states: (TableState | null)[], push: (tableIndex: number, f: Finding) => void): void {
  const refIndex = states.findIndex((s) => s !== null && s.period !== null);
  if (refIndex < 0) return;
  const base = states[refIndex] as TableState;
  const bp = base.period as { from: string; to: string };
  states.forEach((s, i) => {
    if (!s || i === refIndex || !s.period) return;
    const p = s.period;
    if (p.from === bp.from && p.to === bp.to) return;
    const key: InfoKey = p.from !== bp.from ? 'from' : 'to';
    const mine = s.read.info[key] as CellRead;
    const theirs = base.read.info[key] as CellRead;
    push(i, {
      rule: 'period.mismatch',
      severity: severityOf('period.mismatch'),
      cells: [ref(mine), ref(theirs)],
      message: {
        vi: `Kỳ báo cáo của ${s.read.sheet} (${showDate(p.from)}–${showDate(p.to)}) khác kỳ của ${base.read.sheet} (${showDate(bp.from)}–${showDate(bp.to)}); các biểu của một báo cáo phải cùng kỳ.`,
        en: `The period of ${s.read.sheet} (${showDate(p.from)}–${showDate(p.to)}) differs from that of ${base.read.sheet} (${showDate(bp.from)}–${showDate(bp.to)}); all tables of one report share one period.`,
      },
    });
  });
}

// ---------------------------------------------------------------------------------------------

function todayIso(d: Date | undefined): string {
  const x = d && Number.isFinite(d.getTime()) ? d : new Date();
  return toIsoDate({ year: x.getFullYear(), month: x.getMonth() + 1, day: x.getDate() });
}

/**
 * `table.empty`: every entry cell of the table's unit rows is blank. One error at the first entry
 * cell stands for the whole table: its per-cell `entry.blank` warnings and `entry.required` errors
 * are left out (a table nobody filled is one problem, not one per cell). A table with at least one
 * entry that is not blank (a figure, or text, or an error value) keeps its per-cell findings.
 */
function emptyTable(s: TableState): Finding | null {
  const { read: r, template: t } = s;
  let first: CellRead | undefined;
  for (let i = 0; i < r.rowLabels.length; i++) {
    if (s.kinds[i] !== 'unit') continue;
    for (const c of columnsOf(t)) {
      if (c.kind !== 'entry') continue;
      if ((s.entries.get(c.id) as Float64Array)[i] !== BLANK) return null;
      first ??= r.columns[c.id]?.[i];
    }
  }
  if (!first) return null;
  return {
    rule: 'table.empty',
    severity: severityOf('table.empty'),
    cells: [ref(first)],
    message: {
      vi: `${r.sheet} chưa nhập số liệu: mọi ô nhập đều trống (nhập 0 nếu không có).`,
      en: `${r.sheet} has no figures entered: every entry cell is blank (enter 0 where there is none).`,
    },
  };
}

function validateTable(s: TableState, ctx: Ctx, out: Finding[]): void {
  const { read: r, template: t } = s;
  const n = r.rowLabels.length;
  const entryFindings: Finding[] = [];
  for (const c of columnsOf(t)) {
    if (c.kind !== 'entry') continue;
    const cells = r.columns[c.id];
    const classified = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const cell = cells[i];
      classified[i] = s.kinds[i] === 'unit' ? checkEntry(cell, c.required === true, s, c.id, i, ctx, entryFindings) : BLANK;
    }
    s.entries.set(c.id, classified);
  }
  const empty = emptyTable(s);
  if (empty) out.push(empty);
  else for (const f of entryFindings) out.push(f);
  checkComputed(s, out);
  checkRowRules(s, ctx, out);
  checkInfo(s, ctx, out);
}

/** What is missing for a table whose pack, template or version is not loaded, and what to do. */
function unknownTemplateMessage(r: TableRead, packId: string, catalog: PackCatalog): Text {
  const missing = catalog.missing(packId, r.templateId, r.version);
  const id = packId === STANDARD_PACK_ID ? `${r.templateId}@${r.version}` : `${packId}/${r.templateId}@${r.version}`;
  if (missing === 'pack') {
    return {
      vi: `${r.sheet}: biểu "${id}" thuộc gói biểu mẫu "${packId}" chưa được nạp; hãy nạp gói đó (--pack hoặc packs/index.json) hoặc cập nhật bieumau.`,
      en: `${r.sheet}: table "${id}" belongs to the pack "${packId}", which is not loaded; load that pack (--pack or packs/index.json) or update bieumau.`,
    };
  }
  if (missing === 'template') {
    return {
      vi: `${r.sheet}: gói "${packId}" đã nạp không có biểu "${r.templateId}" (biểu "${id}"); hãy nạp phiên bản gói có biểu này hoặc chèn lại biểu.`,
      en: `${r.sheet}: the loaded pack "${packId}" has no template "${r.templateId}" (table "${id}"); load the pack version that has it or re-insert the table.`,
    };
  }
  const have = catalog.versionsOf(packId, r.templateId).join(', ');
  return {
    vi: `${r.sheet}: biểu "${id}" được tạo theo phiên bản ${r.version}, nhưng chỉ nạp phiên bản ${have} của biểu "${r.templateId}" (gói "${packId}"); hãy nạp thêm phiên bản ${r.version} của gói, cập nhật bieumau hoặc chèn lại biểu.`,
    en: `${r.sheet}: table "${id}" was made with version ${r.version}, but only version ${have} of template "${r.templateId}" (pack "${packId}") is loaded; also load version ${r.version} of the pack, update bieumau or re-insert the table.`,
  };
}

export function validateWorkbook(read: WorkbookRead, opts: ValidateOptions = {}): Finding[] {
  const ctx: Ctx = {
    sep: opts.separators ?? VI_SEPARATORS,
    user: opts.separators,
    catalog: opts.catalog ?? (opts.templates || opts.crossTableRules ? PackCatalog.fromTemplates(opts.templates ?? BUILTIN_CATALOG.templates(), opts.crossTableRules ?? []) : BUILTIN_CATALOG),
    today: todayIso(opts.today),
  };
  const tables = Array.isArray(read?.tables) ? read.tables : [];
  const located: Located[] = [];
  let seq = 0;
  const push = (table: number, finding: Finding): void => {
    const first = finding.cells[0];
    const p = first ? posOf(first.address) : { row: 0, col: 0 };
    located.push({ finding, table, seq: seq++, row: p.row, col: p.col });
  };

  if (tables.length === 0) {
    push(-1, {
      rule: 'workbook.no-tables',
      severity: severityOf('workbook.no-tables'),
      cells: [],
      message: {
        vi: 'Không tìm thấy biểu mẫu nào trong tệp (biểu phải được chèn bằng add-in hoặc `bieumau new`).',
        en: 'No standard table was found in the file (tables must be inserted with the add-in or `bieumau new`).',
      },
    });
  }

  const states: (TableState | null)[] = tables.map((r, i) => {
    const packId = r.packId ?? STANDARD_PACK_ID;
    const template = ctx.catalog.find(packId, r.templateId, r.version);
    if (!template && !r.broken) {
      push(i, { rule: 'structure.unknown-template', severity: severityOf('structure.unknown-template'), cells: firstCellOf(r), message: unknownTemplateMessage(r, packId, ctx.catalog) });
      return null;
    }
    let problem: Text | null;
    try {
      problem = structureProblem(r, template as Template);
    } catch {
      problem = { vi: 'Không đọc được biểu.', en: 'The table cannot be read.' };
    }
    if (problem) {
      push(i, {
        rule: 'structure.changed',
        severity: severityOf('structure.changed'),
        cells: firstCellOf(r),
        message: {
          vi: `${r.sheet}: cấu trúc của biểu đã bị thay đổi (${problem.vi.replace(/\.$/, '')}). Hãy chèn lại biểu bằng add-in hoặc \`bieumau new\` rồi nhập lại số liệu.`,
          en: `${r.sheet}: the structure of the table was changed (${problem.en.replace(/\.$/, '')}). Re-insert the table with the add-in or \`bieumau new\` and enter the figures again.`,
        },
      });
      return null;
    }
    return { read: r, template: template as Template, entries: new Map(), period: null, kinds: rowKinds(r) ?? [] };
  });

  states.forEach((s, i) => {
    if (!s) return;
    const out: Finding[] = [];
    validateTable(s, ctx, out);
    for (const f of out) push(i, f);
  });
  checkCrossTables(states, ctx.catalog.crossRules(), ctx, push);
  checkPeriods(states, push);

  mergeMissingInfo(located, states, () => seq++);

  located.sort((a, b) => {
    const sa = a.finding.severity === 'error' ? 0 : 1;
    const sb = b.finding.severity === 'error' ? 0 : 1;
    if (sa !== sb) return sa - sb;
    if (a.table !== b.table) return a.table - b.table;
    if (a.row !== b.row) return a.row - b.row;
    if (a.col !== b.col) return a.col - b.col;
    return a.seq - b.seq;
  });
  return located.map((l) => l.finding);
}
