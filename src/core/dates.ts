/**
 * Calendar dates as ISO `yyyy-mm-dd` strings: parsing and validation, Vietnamese display,
 * Excel serial numbers. Pure, no time zones: a date is a calendar day, never an instant.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Does a number format show a date or a time? ExcelJS's test: date or time letters outside quoted
 * text and brackets (`[$-vi-VN]dd/mm/yyyy` is a date, `#,##0 "ngày"` is not).
 */
export function isDateFormatCode(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Parses a strict ISO date `yyyy-mm-dd`; null when malformed or impossible (2025-02-30). */
export function parseIsoDate(s: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isValidIsoDate(s: string): boolean {
  return parseIsoDate(s) !== null;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function toIsoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${pad2(d.month)}-${pad2(d.day)}`;
}

function mustParse(iso: string): CalendarDate {
  const d = parseIsoDate(iso);
  if (!d) throw new RangeError(`not a valid ISO date: ${iso}`);
  return d;
}

/** `14/11/2025`: always two-digit day and month. */
export function formatDdMmYyyy(iso: string): string {
  const d = mustParse(iso);
  return `${pad2(d.day)}/${pad2(d.month)}/${d.year}`;
}

/**
 * The date as Vietnamese administrative documents write it (Nghị định 30/2020/NĐ-CP):
 * a leading zero for days below 10 and for months 1 and 2 only — `01/7/2025`, `15/10/2025`,
 * `05/02/2026`. The layout builds the same text with worksheet formulas (see `viDateExpr`).
 */
export function formatDateVi(iso: string): string {
  const d = mustParse(iso);
  return `${pad2(d.day)}/${d.month < 3 ? pad2(d.month) : String(d.month)}/${d.year}`;
}

/** A period as the reports write it, dd/mm/yyyy–dd/mm/yyyy ("15/6/2025–14/7/2025"). */
export function formatRangeVi(p: { from: string; to: string }): string {
  return `${formatDateVi(p.from)}–${formatDateVi(p.to)}`;
}

/** Days since 1970-01-01 (UTC calendar). */
function epochDays(d: CalendarDate): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86400000);
}

/** Excel serial number (1900 date system, dates from 1900-03-01 on). 2025-07-01 → 45839. */
export function isoToExcelSerial(iso: string): number {
  return epochDays(mustParse(iso)) + 25569;
}

/** Inverse of `isoToExcelSerial`; the fractional part (time of day) is dropped. */
export function excelSerialToIso(serial: number): string {
  if (!Number.isFinite(serial) || serial < 61) throw new RangeError(`not an Excel date serial: ${serial}`);
  const dt = new Date((Math.floor(serial) - 25569) * 86400000);
  return toIsoDate({ year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() });
}

/** Calendar days from `from` to `to`, both included (2025-07-01..2025-10-15 → 107). */
export function daysInclusive(from: string, to: string): number {
  return epochDays(mustParse(to)) - epochDays(mustParse(from)) + 1;
}

/** -1, 0 or 1 as `a` is before, equal to or after `b`. */
export function compareIsoDates(a: string, b: string): number {
  const x = epochDays(mustParse(a));
  const y = epochDays(mustParse(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The calendar day of a JS Date read from a file (ExcelJS gives UTC midnight). */
export function isoFromUtcDate(d: Date): string {
  return toIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** The date `days` calendar days after `iso` (before it when negative). */
export function addDays(iso: string, days: number): string {
  const dt = new Date((epochDays(mustParse(iso)) + days) * 86400000);
  return toIsoDate({ year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() });
}

/**
 * A date as a clerk types it, day first whatever the browser's language: `15/10/2025`, `5/1/2025`,
 * `15-10-2025`, `15.10.2025`; an ISO `2025-10-15` is taken too. The ISO date, or null when the text
 * is no date (or an impossible one: 30/02/2025).
 */
export function parseDayFirstDate(text: string): string | null {
  const s = text.trim();
  const iso = parseIsoDate(s);
  if (iso) return toIsoDate(iso);
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const d = { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  const out = toIsoDate(d);
  return isValidIsoDate(out) ? out : null;
}
