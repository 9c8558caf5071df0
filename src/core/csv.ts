/**
 * The one CSV writer of the product (RFC 4180): comma-separated, CRLF line ends, a field quoted
 * when it holds a comma, a double quote, CR or LF (quotes doubled), every record as wide as the
 * header. Two modes:
 *
 * - machine (the data export, `sdmx-csv`): every value exactly as it is, for databases and
 *   statistics systems;
 * - people (`forPeople`: the web page's findings CSV, `bieumau export --for-excel`): what a person
 *   opens in a spreadsheet. A text field beginning with `=`, `+`, `-`, `@`, a tab or a carriage
 *   return gets a leading apostrophe, so Excel and LibreOffice show it as text instead of
 *   evaluating it as a formula (CSV injection, as OWASP describes it). Numbers are never touched:
 *   -5 stays the number -5. Usually with a byte-order mark so Excel reads the UTF-8 text as such.
 *
 * Pure, no Node API: the command line and the web page use the same code.
 */

/** A field: text, a number (written with `.` as decimal point, no thousands separator), or blank. */
export type CsvValue = string | number | null | undefined;

export interface CsvOptions {
  /** Text that a spreadsheet would take for a formula is written as text (leading apostrophe). */
  forPeople?: boolean;
  /** Start with the UTF-8 byte-order mark (U+FEFF). */
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A number as a machine reads it back: `1292`, `0.25`, `-5`; never `1e+21` for a whole count. */
export function csvNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

/** One field, quoted where RFC 4180 needs it. */
export function csvField(v: CsvValue, forPeople = false): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return csvNumber(v);
  const s = forPeople && FORMULA_START.test(v) ? `'${v}` : v;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record (no line end). */
export function csvRecord(values: readonly CsvValue[], options: CsvOptions = {}): string {
  const people = options.forPeople === true;
  return values.map((v) => csvField(v, people)).join(',');
}

/**
 * A whole CSV document: the header, then the rows, each padded with blank fields to the header's
 * width (a row longer than the header is an error of the caller). Ends with CRLF.
 */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvValue[]>, options: CsvOptions = {}): string {
  const parts: string[] = [options.bom === true ? '\uFEFF' : '', csvRecord(header, options), '\r\n'];
  for (const row of rows) {
    if (row.length > header.length) throw new RangeError(`a CSV row has ${row.length} fields, the header ${header.length}`);
    const padded = row.length === header.length ? row : [...row, ...new Array<CsvValue>(header.length - row.length).fill(null)];
    parts.push(csvRecord(padded, options), '\r\n');
  }
  return parts.join('');
}
