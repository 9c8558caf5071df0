/**
 * The cells of a table as the validation engine (`core/check/validate`) sees them: each entry
 * cell classified (a count, blank or not a count: `entry.*`, with a fix when the number meant is
 * known) and each computed cell's formula compared with the template's (`formula.*`).
 */
import type { ComputedColumn, Text } from '../forms/template';
import { columnsOf } from '../forms/template';
import type { CellRead } from '../tables/table-read';
import type { Finding, Fix } from './findings';
import { perDayFormula, perMonthFormula, ratioFormula, sumFormula, sumOfRuns } from '../forms/formulas';
import { EN_SEPARATORS, parseCountText, thousandsSuggestion } from '../numbers';
import { severityOf } from './rules';
import { type Entry, BLANK, BAD, type Ctx, type TableState, ref, formulaMatches, isErrorValue, showValue, columnLabel, rowLabel, where, TOTAL_ROW } from './validate-shared';

export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

export function entryFinding(rule: string, cell: CellRead, message: Text, fix?: Fix): Finding {
  const f: Finding = { rule, severity: severityOf(rule), cells: [ref(cell)], message };
  if (fix) f.fix = fix;
  return f;
}

export function valueFix(cell: CellRead, n: number): Fix {
  return { cell: ref(cell), value: n, label: { vi: `Đổi thành số ${n}`, en: `Change to the number ${n}` } };
}

/** Classifies one entry cell and reports what is wrong with it. */
export function checkEntry(cell: CellRead, required: boolean, s: TableState, columnId: string, i: number, ctx: Ctx, out: Finding[]): Entry {
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

export function fractionFinding(a: Text, shown: string, suggestion: number | null, cell: CellRead): Finding {
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

export function formulaFinding(cell: CellRead, expected: string, at: Text): Finding {
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

export function computedFormula(c: ComputedColumn, at: (id: string) => string | null): string | null {
  if (c.kind === 'sum') {
    const cells = c.of.map(at);
    if (cells.some((x) => x === null)) return null;
    return sumFormula(cells as string[]);
  }
  const n = at(c.numerator);
  const d = at(c.denominator);
  return n === null || d === null ? null : ratioFormula(n, d);
}

export function checkComputed(s: TableState, out: Finding[]): void {
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
