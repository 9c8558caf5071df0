/**
 * Units lists: the units a receiving office expects reports from, optionally in groups (the
 * centre's two groups of provinces). A list is UTF-8 CSV with a header `unit,group` (or
 * `đơn vị,nhóm`), the group column optional, a field with the delimiter in double quotes (`""` for
 * a quote inside); a byte-order mark is tolerated. The delimiter is found from the header: `,`, or
 * `;` (Excel's "CSV" where the list separator is `;`, as on Vietnamese and most European Windows
 * settings), or a tab. Pure: the caller reads the file.
 */
import type { Text } from './forms/template';
import { cleanText } from './text';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber } from './numbers';

export interface UnitEntry {
  unit: string;
  /** The group the unit is listed under, or undefined. */
  group?: string;
}

export class UnitsListError extends Error {
  constructor(readonly reason: Text) {
    super(reason.en);
    this.name = 'UnitsListError';
  }
}

/** Text as shown: NFC, trimmed, inner runs of white space made one space. */
export function cleanUnitText(s: string): string {
  return cleanText(s).replace(/\s+/g, ' ');
}

/**
 * The key two spellings of one unit share: NFC, trimmed, white space collapsed, lower case
 * ("TỈNH ỦY LÂM ĐỒNG" and "Tỉnh ủy Lâm Đồng " are the same unit).
 */
export function unitKey(s: string): string {
  return cleanUnitText(s).toLocaleLowerCase('vi');
}

/** The field delimiters a units list may use, the default first. */
export type CsvDelimiter = ',' | ';' | '\t';
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/** The character codes `\s` matches (white space and line ends), without a pattern call per character. */
function isWhiteCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Where `ch` next occurs in `src` from `from`, or the text's length when it does not. */
function nextIndex(src: string, ch: string, from: number): number {
  const at = src.indexOf(ch, from);
  return at < 0 ? src.length : at;
}
/** The most fields a row may have: a units list has two columns, a register a few dozen. */
const MAX_FIELDS = 1000;

function tooManyColumns(line: number): UnitsListError {
  return new UnitsListError({
    vi: `dòng ${line}: hơn ${formatNumber(MAX_FIELDS, VI_SEPARATORS)} cột (tệp có đúng là danh sách đơn vị?)`,
    en: `line ${line}: more than ${formatNumber(MAX_FIELDS, EN_SEPARATORS)} columns (is the file a units list?)`,
  });
}

/** Lines of tab-separated fields (two columns copied from Excel), blank ones left out; a line of more than `MAX_FIELDS` fields refused, never split further. */
function tabRows(src: string): { line: number; fields: string[] }[] {
  return src
    .split(/\r?\n/)
    .map((l, i) => {
      const fields = l.split('\t', MAX_FIELDS + 1);
      if (fields.length > MAX_FIELDS) throw tooManyColumns(i + 1);
      return { line: i + 1, fields };
    })
    .filter((r) => r.fields.some((f) => f.trim() !== ''));
}

/**
 * The quoted field opening at `open` (up to the closing quote, `""` a quote inside) and the index
 * after its closing quote. Quotes are taken by runs: a run of 2k quotes is k quotes of the text, an
 * odd run ends the field after its pairs; the text is built from one slice per run, so a field of
 * millions of quotes is a few pieces, not millions.
 */
function quotedField(src: string, open: number, rowLine: number): { value: string; end: number } {
  const parts: string[] = [];
  let from = open + 1;
  for (;;) {
    const q = src.indexOf('"', from);
    if (q < 0) throw new UnitsListError({ vi: `dòng ${rowLine}: thiếu dấu " đóng`, en: `line ${rowLine}: a closing " is missing` });
    let k = q;
    while (src.charCodeAt(k) === 34) k++;
    const run = k - q;
    if (q > from || parts.length === 0) parts.push(src.slice(from, q));
    if (run > 1) parts.push('"'.repeat(run >> 1));
    from = k;
    if (run % 2 === 1) return { value: parts.length === 1 ? parts[0] : parts.join(''), end: k };
  }
}

/**
 * CSV rows (RFC 4180: quoted fields with the delimiter, doubled quotes, CRLF or LF), each with its
 * line number. A field is taken as slices of the text between the characters that matter, never
 * one character at a time, so a line of 10 MB costs one pass and about its own size in memory.
 */
export function parseCsvRows(text: string, delimiter: CsvDelimiter = ','): { line: number; fields: string[] }[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = src.length;
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  /** The field so far is white space only (a quote there opens a quoted field). */
  let blank = true;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const delimCode = delimiter.charCodeAt(0);
  let nextDelim = -1;
  let nextCr = -1;
  let nextLf = -1;
  const endField = (): void => {
    if (fields.length >= MAX_FIELDS) throw tooManyColumns(rowLine);
    fields.push(field);
    field = '';
    blank = true;
  };
  const endRow = (): void => {
    endField();
    if (fields.some((f) => f.trim() !== '')) rows.push({ line: rowLine, fields });
    fields = [];
  };
  while (i < n) {
    const ch = src[i];
    if (ch === '"' && blank) {
      // A quoted field: up to the closing quote, `""` a quote inside.
      const { value, end: j } = quotedField(src, i, rowLine);
      for (let k = value.indexOf('\n'); k >= 0; k = value.indexOf('\n', k + 1)) line++;
      field = value;
      blank = value.trim() === '';
      i = j;
    } else if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      endRow();
      line++;
      rowLine = line;
    } else {
      // A run of ordinary characters: up to a delimiter or line end, or a quote while the field is
      // still blank (a quote after other text is an ordinary character). While blank, white space
      // is stepped over by character code; then the run's end is the nearest delimiter or line end,
      // found with `indexOf` (each position kept until passed, so the text is scanned once).
      let j = i;
      while (blank && j < n) {
        const c = src.charCodeAt(j);
        if (c === delimCode || c === 13 || c === 10 || c === 34) break;
        if (!isWhiteCode(c)) blank = false;
        else j++;
      }
      if (!blank) {
        if (nextDelim < j) nextDelim = nextIndex(src, delimiter, j);
        if (nextCr < j) nextCr = nextIndex(src, '\r', j);
        if (nextLf < j) nextLf = nextIndex(src, '\n', j);
        j = Math.min(nextDelim, nextCr, nextLf);
      }
      field += src.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

const UNIT_HEADERS = ['unit', 'đơn vị', 'don vi'];
const GROUP_HEADERS = ['group', 'nhóm', 'nhom'];

/** Longer than any header name with its spaces: not cleaned to be compared (megabytes would take seconds). */
const MAX_HEADER_FIELD = 100;

function headerIndex(fields: string[], names: string[]): number {
  return fields.findIndex((f) => {
    const t = f.trim();
    return t.length <= MAX_HEADER_FIELD && names.includes(cleanUnitText(t).toLocaleLowerCase('vi'));
  });
}

/** The longest unit or group name a list may hold (the longest real ones are under 100 characters). */
export const MAX_UNIT_NAME = 500;

function tooLong(line: number, what: Text, length: number): UnitsListError {
  return new UnitsListError({
    vi: `dòng ${line}: ${what.vi} dài ${formatNumber(length, VI_SEPARATORS)} ký tự, quá giới hạn ${formatNumber(MAX_UNIT_NAME, VI_SEPARATORS)} ký tự (tệp có đúng là danh sách đơn vị?)`,
    en: `line ${line}: the ${what.en} is ${formatNumber(length, EN_SEPARATORS)} characters long, beyond the limit of ${formatNumber(MAX_UNIT_NAME, EN_SEPARATORS)} (is the file a units list?)`,
  });
}

function fromRows(rows: { line: number; fields: string[] }[], unitCol: number, groupCol: number): UnitEntry[] {
  const out: UnitEntry[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    // Trimmed first (one native call), refused before the rest of the cleaning (Unicode
    // normalisation and white space runs over megabytes take seconds).
    const raw = (r.fields[unitCol] ?? '').trim();
    if (raw.length > 4 * MAX_UNIT_NAME) throw tooLong(r.line, { vi: 'tên đơn vị', en: 'unit name' }, raw.length);
    const unit = cleanUnitText(raw);
    if (unit === '') throw new UnitsListError({ vi: `dòng ${r.line}: tên đơn vị trống`, en: `line ${r.line}: the unit name is empty` });
    if (unit.length > MAX_UNIT_NAME) throw tooLong(r.line, { vi: 'tên đơn vị', en: 'unit name' }, unit.length);
    const key = unitKey(unit);
    const before = seen.get(key);
    if (before !== undefined) {
      throw new UnitsListError({ vi: `dòng ${r.line}: đơn vị "${unit}" đã có ở dòng ${before}`, en: `line ${r.line}: unit "${unit}" is already listed on line ${before}` });
    }
    seen.set(key, r.line);
    const rawGroup = groupCol >= 0 ? (r.fields[groupCol] ?? '').trim() : '';
    if (rawGroup.length > 4 * MAX_UNIT_NAME) throw tooLong(r.line, { vi: 'tên nhóm', en: 'group name' }, rawGroup.length);
    const group = cleanUnitText(rawGroup);
    if (group.length > MAX_UNIT_NAME) throw tooLong(r.line, { vi: 'tên nhóm', en: 'group name' }, group.length);
    out.push(group === '' ? { unit } : { unit, group });
  }
  return out;
}

/**
 * The most lines a list may have: a country's units are a few thousand (the communes of every
 * province); a text of millions of lines (a file of another kind, a UTF-16 file read as UTF-8) is
 * refused before its rows are made, which would take a gigabyte.
 */
export const MAX_LINES = 100000;

/** @throws UnitsListError when `text` has more than `MAX_LINES` lines (any line end: LF, CRLF or CR). */
function checkLineCount(text: string): void {
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      if (++lines > MAX_LINES) {
        throw new UnitsListError({
          vi: `hơn ${formatNumber(MAX_LINES, VI_SEPARATORS)} dòng (tệp có đúng là danh sách đơn vị?)`,
          en: `more than ${formatNumber(MAX_LINES, EN_SEPARATORS)} lines (is the file a units list?)`,
        });
      }
    }
  }
}

/** The first line that is not blank (the header of a list). */
function firstLine(text: string): string {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let at = 0; at < src.length; ) {
    const nl = src.indexOf('\n', at);
    const end = nl < 0 ? src.length : nl;
    const l = src.slice(at, end > at && src[end - 1] === '\r' ? end - 1 : end);
    if (l.trim() !== '') return l;
    at = end + 1;
  }
  return '';
}

/**
 * The delimiter of a list, from its header: among `,` `;` and tab, those that split the header
 * into fields one of which names the unit column; of those the one giving the most fields (`,`
 * when none does, or on a tie: the one-column list `unit`).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const header = firstLine(text);
  let best: CsvDelimiter = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    let fields: string[];
    try {
      fields = parseCsvRows(header, d)[0]?.fields ?? [];
    } catch {
      continue; // an open quote with this delimiter: not the one
    }
    if (headerIndex(fields, UNIT_HEADERS) >= 0 && fields.length > most) {
      best = d;
      most = fields.length;
    }
  }
  return best;
}

/**
 * A units list from CSV text with its header row, its delimiter found from the header.
 * @throws UnitsListError naming the line (no header, an empty or repeated unit, an open quote).
 */
export function parseUnitsCsv(text: string): UnitEntry[] {
  checkLineCount(text);
  const rows = parseCsvRows(text, detectDelimiter(text));
  if (rows.length === 0) throw new UnitsListError({ vi: 'danh sách đơn vị trống', en: 'the units list is empty' });
  const header = rows[0].fields;
  const unitCol = headerIndex(header, UNIT_HEADERS);
  if (unitCol < 0) {
    throw new UnitsListError({
      vi: 'dòng 1 phải là tiêu đề "unit,group" (hoặc "đơn vị,nhóm")',
      en: 'line 1 must be the header "unit,group" (or "đơn vị,nhóm")',
    });
  }
  return fromRows(rows.slice(1), unitCol, headerIndex(header, GROUP_HEADERS));
}

/**
 * A units list as typed or pasted: CSV with its header as `parseUnitsCsv` takes it, or else one
 * unit per line, optionally followed by a tab and its group (two columns copied from Excel).
 */
export function parseUnitsText(text: string): UnitEntry[] {
  checkLineCount(text);
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = firstLine(src);
  // At most MAX_FIELDS + 1 fields looked at: a line of millions of separators is no header.
  if (headerIndex(first.split(/[,;\t]/, MAX_FIELDS + 1), UNIT_HEADERS) >= 0) {
    if (first.includes('\t')) {
      const rows = tabRows(src);
      return fromRows(rows.slice(1), headerIndex(rows[0].fields, UNIT_HEADERS), headerIndex(rows[0].fields, GROUP_HEADERS));
    }
    return parseUnitsCsv(src);
  }
  const rows = tabRows(src);
  if (rows.length === 0) throw new UnitsListError({ vi: 'danh sách đơn vị trống', en: 'the units list is empty' });
  return fromRows(rows, 0, 1);
}
