/**
 * Units lists: the units a receiving office expects reports from, optionally in groups (the
 * centre's two groups of provinces). A list is UTF-8 CSV with a header `unit,group` (or
 * `đơn vị,nhóm`), the group column optional, a field with the delimiter in double quotes (`""` for
 * a quote inside); a byte-order mark is tolerated. The delimiter is found from the header: `,`, or
 * `;` (Excel's "CSV" where the list separator is `;`, as on Vietnamese and most European Windows
 * settings), or a tab. Pure: the caller reads the file.
 */
import type { Text } from './template';
import { cleanText } from './text';

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

/** CSV rows (RFC 4180: quoted fields with the delimiter, doubled quotes, CRLF or LF), each with its line number. */
export function parseCsvRows(text: string, delimiter: CsvDelimiter = ','): { line: number; fields: string[] }[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = (): void => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else field += ch;
    i++;
  }
  if (quoted) throw new UnitsListError({ vi: `dòng ${rowLine}: thiếu dấu " đóng`, en: `line ${rowLine}: a closing " is missing` });
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

const UNIT_HEADERS = ['unit', 'đơn vị', 'don vi'];
const GROUP_HEADERS = ['group', 'nhóm', 'nhom'];

function headerIndex(fields: string[], names: string[]): number {
  return fields.findIndex((f) => names.includes(cleanUnitText(f).toLocaleLowerCase('vi')));
}

function fromRows(rows: { line: number; fields: string[] }[], unitCol: number, groupCol: number): UnitEntry[] {
  const out: UnitEntry[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const unit = cleanUnitText(r.fields[unitCol] ?? '');
    if (unit === '') throw new UnitsListError({ vi: `dòng ${r.line}: tên đơn vị trống`, en: `line ${r.line}: the unit name is empty` });
    const key = unitKey(unit);
    const before = seen.get(key);
    if (before !== undefined) {
      throw new UnitsListError({ vi: `dòng ${r.line}: đơn vị "${unit}" đã có ở dòng ${before}`, en: `line ${r.line}: unit "${unit}" is already listed on line ${before}` });
    }
    seen.set(key, r.line);
    const group = groupCol >= 0 ? cleanUnitText(r.fields[groupCol] ?? '') : '';
    out.push(group === '' ? { unit } : { unit, group });
  }
  return out;
}

/** The first line that is not blank (the header of a list). */
function firstLine(text: string): string {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return src.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
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
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = firstLine(src);
  if (headerIndex(first.split(/[,;\t]/), UNIT_HEADERS) >= 0) {
    if (first.includes('\t')) {
      const rows = src.split(/\r?\n/).map((l, i) => ({ line: i + 1, fields: l.split('\t') })).filter((r) => r.fields.some((f) => f.trim() !== ''));
      return fromRows(rows.slice(1), headerIndex(rows[0].fields, UNIT_HEADERS), headerIndex(rows[0].fields, GROUP_HEADERS));
    }
    return parseUnitsCsv(src);
  }
  const rows = src
    .split(/\r?\n/)
    .map((l, i) => ({ line: i + 1, fields: l.split('\t') }))
    .filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (rows.length === 0) throw new UnitsListError({ vi: 'danh sách đơn vị trống', en: 'the units list is empty' });
  return fromRows(rows, 0, 1);
}
