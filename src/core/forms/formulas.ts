/**
 * The formulas of computed cells, in English A1 style with a leading `=`. Layout writes them;
 * validation rebuilds them from the cells it read and compares: one builder for both, so a
 * formula is "the template's formula" exactly when it equals what these functions return.
 */
import { parseAddress } from '../a1';

/** `=SUM(B8:G8)` for cells in one contiguous row or column run, else `=SUM(B8,D8,F8)`. */
export function sumFormula(cells: string[]): string {
  if (cells.length === 0) return '=0';
  if (cells.length === 1) return `=SUM(${cells[0]})`;
  const first = parseAddress(cells[0]);
  const second = parseAddress(cells[1]);
  const dr = second.row - first.row;
  const dc = second.col - first.col;
  let run = (dr === 0 && dc === 1) || (dr === 1 && dc === 0);
  for (let i = 2; run && i < cells.length; i++) {
    const p = parseAddress(cells[i]);
    run = p.row === first.row + dr * i && p.col === first.col + dc * i;
  }
  return run ? `=SUM(${cells[0]}:${cells[cells.length - 1]})` : `=SUM(${cells.join(',')})`;
}

/**
 * The sum of cells of one column that may leave gaps (the unit rows of a table with group and
 * subtotal rows): each run of consecutive rows becomes one range, `=SUM(B9:B31,B34:B44)`. For
 * one unbroken run it is exactly `sumFormula`'s text.
 */
export function sumOfRuns(cells: string[]): string {
  if (cells.length <= 1) return sumFormula(cells);
  const pos = cells.map(parseAddress);
  const parts: string[] = [];
  let start = 0;
  for (let i = 1; i <= cells.length; i++) {
    const contiguous = i < cells.length && pos[i].col === pos[i - 1].col && pos[i].row === pos[i - 1].row + 1;
    if (contiguous) continue;
    parts.push(i - 1 === start ? cells[start] : `${cells[start]}:${cells[i - 1]}`);
    start = i;
  }
  return `=SUM(${parts.join(',')})`;
}

/** A ratio that is blank (never #DIV/0!) where the denominator is 0 or blank. */
export function ratioFormula(numerator: string, denominator: string): string {
  return `=IF(N(${denominator})=0,"",${numerator}/${denominator})`;
}

/** Days of the period, calendar days, first and last included. Blank when the dates are missing or reversed. */
function daysExpr(from: string, to: string): string {
  return `(${to}-${from}+1)`;
}

function periodOk(from: string, to: string): string {
  return `AND(ISNUMBER(${from}),ISNUMBER(${to}),${to}>=${from})`;
}

/** Average per calendar day over the period. */
export function perDayFormula(total: string, from: string, to: string): string {
  return `=IF(${periodOk(from, to)},${total}/${daysExpr(from, to)},"")`;
}

/** Average per month over the period, a month counted as 30 days. */
export function perMonthFormula(total: string, from: string, to: string): string {
  return `=IF(${periodOk(from, to)},${total}*30/${daysExpr(from, to)},"")`;
}

/**
 * Canonical form for comparing formulas: leading `=` ensured, `$` dropped, case folded and
 * white space removed outside string literals.
 */
export function normalizeFormula(f: string): string {
  let s = f.trim();
  if (!s.startsWith('=')) s = `=${s}`;
  let out = '';
  let inString = false;
  for (const ch of s) {
    if (ch === '"') {
      inString = !inString;
      out += ch;
    } else if (inString) out += ch;
    else if (ch === '$' || /\s/.test(ch)) continue;
    else out += ch.toUpperCase();
  }
  return out;
}

export function sameFormula(a: string | null | undefined, b: string): boolean {
  return typeof a === 'string' && a.trim() !== '' && normalizeFormula(a) === normalizeFormula(b);
}
