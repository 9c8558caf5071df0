/**
 * Report periods of Decree 09/2019/NĐ-CP (chế độ báo cáo của cơ quan hành chính nhà nước), Article 12:
 * figures are closed on the 14th, so
 * - a month runs from the 15th of the previous month to the 14th of the month;
 * - a quarter from the 15th of the month before the quarter to the 14th of its last month;
 * - 6 months from 15/12 of the previous year to 14/6;
 * - 9 months from 15/12 of the previous year to 14/9;
 * - a year from 15/12 of the previous year to 14/12.
 * A custom range covers everything else. Pure functions on ISO `yyyy-mm-dd` dates.
 */
import type { Text } from './forms/template';
import { compareIsoDates, formatDateVi, isValidIsoDate, toIsoDate } from './dates';

export type PeriodChoice =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'halfYear'; year: number }
  | { kind: 'nineMonths'; year: number }
  | { kind: 'year'; year: number }
  | { kind: 'custom'; from: string; to: string };

export type PeriodKind = PeriodChoice['kind'];

export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'halfYear', 'nineMonths', 'year', 'custom'];

export interface PeriodRange {
  from: string;
  to: string;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1901 || year > 9999) throw new RangeError(`year out of range: ${year}`);
}

/** From the 15th of the month before `firstMonth` (of `year`) to the 14th of `lastMonth`. */
function closedOn14th(year: number, firstMonth: number, lastMonth: number): PeriodRange {
  const startYear = firstMonth === 1 ? year - 1 : year;
  const startMonth = firstMonth === 1 ? 12 : firstMonth - 1;
  return {
    from: toIsoDate({ year: startYear, month: startMonth, day: 15 }),
    to: toIsoDate({ year, month: lastMonth, day: 14 }),
  };
}

/** The dates a period covers, first and last day included. Throws on an impossible choice. */
export function periodRange(choice: PeriodChoice): PeriodRange {
  switch (choice.kind) {
    case 'month':
      checkYear(choice.year);
      if (!Number.isInteger(choice.month) || choice.month < 1 || choice.month > 12) throw new RangeError(`month out of range: ${choice.month}`);
      return closedOn14th(choice.year, choice.month, choice.month);
    case 'quarter':
      checkYear(choice.year);
      if (!Number.isInteger(choice.quarter) || choice.quarter < 1 || choice.quarter > 4) throw new RangeError(`quarter out of range: ${choice.quarter}`);
      return closedOn14th(choice.year, choice.quarter * 3 - 2, choice.quarter * 3);
    case 'halfYear':
      checkYear(choice.year);
      return closedOn14th(choice.year, 1, 6);
    case 'nineMonths':
      checkYear(choice.year);
      return closedOn14th(choice.year, 1, 9);
    case 'year':
      checkYear(choice.year);
      return closedOn14th(choice.year, 1, 12);
    case 'custom': {
      const problem = customRangeProblem(choice.from, choice.to);
      if (problem) throw new RangeError(problem.en);
      return { from: choice.from, to: choice.to };
    }
  }
}

/** Why a custom range cannot be used (in both languages), or null when it is fine. */
export function customRangeProblem(from: string, to: string): Text | null {
  if (!isValidIsoDate(from)) return { vi: 'Ngày bắt đầu không hợp lệ.', en: 'The start date is not a valid date.' };
  if (!isValidIsoDate(to)) return { vi: 'Ngày kết thúc không hợp lệ.', en: 'The end date is not a valid date.' };
  if (compareIsoDates(from, to) > 0) return { vi: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.', en: 'The start date must be on or before the end date.' };
  return null;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** How a report names its period: "Tháng 11/2025", "Quý IV/2025", "6 tháng đầu năm 2025", … */
export function periodName(choice: PeriodChoice): Text {
  switch (choice.kind) {
    case 'month':
      return { vi: `Tháng ${choice.month}/${choice.year}`, en: `Month ${choice.month}/${choice.year}` };
    case 'quarter':
      return { vi: `Quý ${ROMAN[choice.quarter - 1]}/${choice.year}`, en: `Quarter ${choice.quarter}/${choice.year}` };
    case 'halfYear':
      return { vi: `6 tháng đầu năm ${choice.year}`, en: `First 6 months of ${choice.year}` };
    case 'nineMonths':
      return { vi: `9 tháng năm ${choice.year}`, en: `First 9 months of ${choice.year}` };
    case 'year':
      return { vi: `Năm ${choice.year}`, en: `Year ${choice.year}` };
    case 'custom':
      return { vi: 'Tùy chọn', en: 'Custom' };
  }
}

/** "Từ ngày 15/10/2025 đến ngày 14/11/2025" / "From 15/10/2025 to 14/11/2025". */
export function rangeText(range: PeriodRange): Text {
  return {
    vi: `Từ ngày ${formatDateVi(range.from)} đến ngày ${formatDateVi(range.to)}`,
    en: `From ${formatDateVi(range.from)} to ${formatDateVi(range.to)}`,
  };
}

/**
 * The standard period a range is, if any (the one with the shortest span wins, so 15/12–14/1
 * is January, not a quarter); otherwise a custom choice. Used to show saved settings again.
 */
export function identifyPeriod(range: PeriodRange): PeriodChoice {
  if (isValidIsoDate(range.to)) {
    const year = Number(range.to.slice(0, 4));
    const month = Number(range.to.slice(5, 7));
    const candidates: PeriodChoice[] = [{ kind: 'month', year, month }];
    if (month % 3 === 0) candidates.push({ kind: 'quarter', year, quarter: month / 3 });
    if (month === 6) candidates.push({ kind: 'halfYear', year });
    if (month === 9) candidates.push({ kind: 'nineMonths', year });
    if (month === 12) candidates.push({ kind: 'year', year });
    for (const c of candidates) {
      try {
        const r = periodRange(c);
        if (r.from === range.from && r.to === range.to) return c;
      } catch {
        // a year out of range: not a standard period
      }
    }
  }
  return { kind: 'custom', from: range.from, to: range.to };
}

/** The period a report made on `today` most likely covers: the month that closed last (on the 14th). */
export function defaultPeriod(today: string): PeriodChoice {
  if (!isValidIsoDate(today)) throw new RangeError(`not a valid ISO date: ${today}`);
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  const day = Number(today.slice(8, 10));
  if (day < 15) {
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return { kind: 'month', year, month };
}
