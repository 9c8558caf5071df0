/**
 * Reading a document register exported from an e-office system, from its bytes: an `.xlsx` (the
 * first sheet with a register header row) or a `.csv` (`,`, `;` or tab; UTF-8 with or without BOM,
 * or UTF-16 with BOM; quoted fields). A pure function over bytes — no file system — so the command
 * line, the web page and the pane read registers alike. The result is the register model
 * (`core/count/register`) or a refusal naming the file, the sheet and the cell, in Vietnamese and English;
 * it never throws.
 */
import type { FileKind } from '../core/refusals';
import { take, type Source } from './intake';
import { RegisterBuilder, registerFromGrid, type GridRow, type GridValue, type Register, type RegisterRefusal } from '../core/count/register';
import { cellRef, cellValue, plainSharedStrings, scanRows, type SheetContext } from './sheet-scan';
import type { SheetRows } from '../core/count/count-findings';
import { WorkbookReadError } from './errors';
import { attr, dateStyles, relationshipIdAttr, resolveTarget, sharedStrings } from './fast-read';
import { corruptWorkbook, openPackage, WORKBOOK_XML } from './package';
import { unescapeXml } from './scoped-names-xml';
import { OLE_SIGNATURE, startsWith } from './kind';
import type { ZipLimits } from './zip';
import { columnLetters } from '../core/a1';
import { formatNumberIn } from '../core/numbers';

const MIB = 1024 * 1024;

/**
 * Registers are larger than the tables' workbooks: a province's year is about 100,000 rows. These
 * limits still refuse a zip bomb (the ratio) and a file no office exports.
 */
export const REGISTER_LIMITS: ZipLimits = {
  maxFileBytes: 64 * MIB,
  maxEntries: 1000,
  maxPartBytes: 400 * MIB,
  maxTotalBytes: 480 * MIB,
  maxRatio: 200,
  ratioFloorBytes: 1 * MIB,
};

/** A register file: its name (for messages) and its bytes. */
export interface RegisterFile {
  name: string;
  bytes: Uint8Array;
}

export type RegisterResult = Register | { refusal: RegisterRefusal };

function refuse(code: RegisterRefusal['code'], file: string, vi: string, en: string): { refusal: RegisterRefusal } {
  return { refusal: { code, file, message: { vi: `${file}: ${vi}`, en: `${file}: ${en}` } } };
}

/** A register export, as the intake's refusals name it. */
export const REGISTER_KIND: FileKind = { ext: '.xlsx/.csv', anExt: 'an .xlsx or .csv', what: { vi: 'một sổ văn bản', en: 'a register' } };

/**
 * One register taken in through the one intake (`xlsx/intake`): a missing path, a folder or a file
 * too large refused before its bytes are read, in the catalogue's words; then `readRegister`.
 * The command line passes a path's source, the pane and the web page a chosen file's. Never throws.
 */
export async function takeRegister(source: Source): Promise<RegisterResult> {
  const taken = await take(source, { read: async (bytes) => readRegister({ name: source.name, bytes }), maxBytes: REGISTER_LIMITS.maxFileBytes, kind: REGISTER_KIND });
  if (!('refusal' in taken)) return taken.value;
  const { id, message } = taken.refusal;
  return refuse(id === 'too-large' ? 'register.too-large' : 'register.unreadable', source.name, message.vi, message.en);
}

/** Reads one register file. Never throws: a file that cannot be read is a refusal. */
export function readRegister(file: RegisterFile): RegisterResult {
  const { name, bytes } = file;
  if (bytes.length > REGISTER_LIMITS.maxFileBytes) {
    return refuse('register.too-large', name, `tệp lớn hơn ${REGISTER_LIMITS.maxFileBytes / MIB} MB, không đọc`, `the file is larger than ${REGISTER_LIMITS.maxFileBytes / MIB} MB and is not read`);
  }
  if (bytes.length === 0) return refuse('register.unreadable', name, 'tệp rỗng', 'the file is empty');
  try {
    if ((bytes[0] === 0x50 && bytes[1] === 0x4b) || startsWith(bytes, OLE_SIGNATURE)) return readXlsxRegister(name, bytes);
    return readCsvRegister(name, bytes);
  } catch (e) {
    if (e instanceof WorkbookReadError) return refuse('register.unreadable', name, e.reason.vi, e.reason.en);
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return refuse('register.unreadable', name, `không đọc được (${why})`, `cannot be read (${why})`);
  }
}

// ---------------------------------------------------------------------------------------------
// .xlsx

const decoder = new TextDecoder('utf-8');
const CELL_TAG = /<((?:[\w.-]+:)?)c(?=[\s/>])([^>]*?)(\/?)>/g;
const SHEET = /<(?:[\w.-]+:)?sheet(?=[\s/>])[^>]*>/g;
const RELATIONSHIP = /<(?:[\w.-]+:)?Relationship(?=[\s/>])[^>]*>/g;
const WORKBOOK_PR = /<(?:[\w.-]+:)?workbookPr(?=[\s/>])[^>]*>/;
const ROW_TAG = /<(?:[\w.-]+:)?row(?=[\s/>])[^>]*>/g;

/**
 * The cell elements of a sheet's XML in order: where each starts, its attributes and its content
 * (up to the first closing tag of its name; a cell never closed is left out, and its content read
 * as cells of their own). Where the next closing tag of each prefix stands is found once and kept
 * until it is passed: thousands of cells left open cost one scan of the part, not one each
 * (a pattern matching a cell with its closing tag scanned to the end of the part for every one).
 */
function* cellElements(xml: string): Generator<{ at: number; tag: string; body: string }> {
  const closes = new Map<string, number>();
  CELL_TAG.lastIndex = 0;
  for (let m = CELL_TAG.exec(xml); m; m = CELL_TAG.exec(xml)) {
    const at = m.index;
    if (m[3] === '/') {
      yield { at, tag: m[2], body: '' };
      continue;
    }
    const from = CELL_TAG.lastIndex;
    const closing = `</${m[1]}c>`;
    let close = closes.get(m[1]);
    if (close === undefined || (close >= 0 && close < from)) closes.set(m[1], (close = xml.indexOf(closing, from)));
    if (close < 0) {
      CELL_TAG.lastIndex = at + 1;
      continue;
    }
    CELL_TAG.lastIndex = close + closing.length;
    yield { at, tag: m[2], body: xml.slice(from, close) };
  }
}

/** The cells of one sheet as rows (blank rows left out), in row order, whatever order the XML gives them in. */
function sheetGrid(xml: string, ctx: SheetContext): GridRow[] {
  const rows = new Map<number, GridValue[]>();
  // Cells without an address follow the previous one (rows likewise).
  let lastRow = 0;
  let lastCol = -1;
  const rowStarts: { at: number; row: number }[] = [];
  ROW_TAG.lastIndex = 0;
  for (let m = ROW_TAG.exec(xml); m; m = ROW_TAG.exec(xml)) {
    const r = attr(m[0], 'r');
    const row = r !== undefined ? Number(r) : (rowStarts.at(-1)?.row ?? 0) + 1;
    rowStarts.push({ at: m.index, row });
  }
  let ri = -1;
  for (const { at, tag, body } of cellElements(xml)) {
    while (ri + 1 < rowStarts.length && rowStarts[ri + 1].at < at) {
      ri++;
      lastRow = rowStarts[ri].row;
      lastCol = -1;
    }
    const ref = attr(tag, 'r');
    const pos = ref !== undefined ? cellRef(ref) : { row: lastRow, col: lastCol + 1 };
    if (pos === null) continue;
    lastRow = pos.row;
    lastCol = pos.col;
    let cells = rows.get(pos.row);
    if (!cells) rows.set(pos.row, (cells = []));
    cells[pos.col] = cellValue(ctx, tag, body);
  }
  return [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, cells]) => ({ row, cells: Array.from(cells, (c) => c ?? null) }));
}

interface SheetXml {
  sheet: string;
  xml: string;
  ctx: SheetContext;
}

/** Every worksheet of an opened package as its XML, in sheet order, decoded one at a time. */
function* packageSheetXml(parts: Map<string, Uint8Array>): Generator<SheetXml> {
  const text = (p: string): string | null => {
    const b = parts.get(p);
    return b ? decoder.decode(b) : null;
  };
  const workbook = text(WORKBOOK_XML);
  const rels = text('xl/_rels/workbook.xml.rels');
  if (workbook === null || rels === null) throw corruptWorkbook();
  const pr = WORKBOOK_PR.exec(workbook);
  const date1904 = pr !== null && /^(1|true)$/.test(attr(pr[0], 'date1904') ?? '');
  const targets = new Map<string, { type: string; target: string }>();
  for (const m of rels.matchAll(RELATIONSHIP)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, { type: attr(m[0], 'Type') ?? '', target: resolveTarget(target) });
  }
  const all = [...targets.values()];
  const sst = text(all.find((t) => t.type.endsWith('/sharedStrings'))?.target ?? 'xl/sharedStrings.xml');
  const strings = plainSharedStrings(sst) ?? sharedStrings(sst);
  const dates = dateStyles(text(all.find((t) => t.type.endsWith('/styles'))?.target ?? 'xl/styles.xml'));
  const rid = relationshipIdAttr(workbook);
  for (const m of workbook.matchAll(SHEET)) {
    const sheet = unescapeXml(attr(m[0], 'name') ?? '');
    const id = attr(m[0], rid);
    const target = id === undefined ? undefined : targets.get(id);
    if (!target || !target.type.endsWith('/worksheet')) continue;
    const xml = text(target.target);
    if (xml === null) continue;
    yield { sheet, xml, ctx: { strings, dates, date1904 } };
  }
}

/** Every worksheet of an opened package as rows of cells, in sheet order, read one at a time. */
function* packageSheets(parts: Map<string, Uint8Array>): Generator<SheetRows> {
  for (const s of packageSheetXml(parts)) yield { sheet: s.sheet, rows: sheetGrid(s.xml, s.ctx) };
}

/** One sheet as a register: read row by row in one pass, or through the whole grid when the sheet is written unusually. */
function registerOfSheet(name: string, s: SheetXml): RegisterResult {
  const b = new RegisterBuilder(name, s.sheet);
  let overlong: RegisterResult | null = null;
  const read = scanRows(s.xml, s.ctx, (row, cells) => {
    overlong = overlongCell(name, s.sheet, row, cells);
    if (overlong) return false;
    b.push(row, cells);
    return !b.refused;
  });
  if (read) return overlong ?? b.result();
  const grid = sheetGrid(s.xml, s.ctx);
  for (const g of grid) {
    const r = overlongCell(name, s.sheet, g.row, g.cells);
    if (r) return r;
  }
  return registerFromGrid(name, s.sheet, grid);
}

/** A refusal for the first text of `cells` longer than `MAX_CELL_CHARS` (only a broken file has one), naming its cell; null when there is none. */
function overlongCell(file: string, sheet: string, row: number, cells: readonly GridValue[]): RegisterResult | null {
  const col = cells.findIndex((c) => typeof c === 'string' && c.length > MAX_CELL_CHARS);
  if (col < 0 || row > 1_048_576 || col >= 16_384) return null;
  const length = (cells[col] as string).length;
  const at = `${columnLetters(col + 1)}${row}`;
  return refuse(
    'register.unreadable',
    file,
    `trang "${sheet}", ô ${at}: ${formatNumberIn(length, 'vi')} ký tự, quá giới hạn ${formatNumberIn(MAX_CELL_CHARS, 'vi')} của một ô (tệp bị hỏng?)`,
    `sheet "${sheet}", cell ${at}: ${formatNumberIn(length, 'en')} characters, beyond the limit of ${formatNumberIn(MAX_CELL_CHARS, 'en')} of a cell (a broken file?)`,
  );
}

function readXlsxRegister(name: string, bytes: Uint8Array): RegisterResult {
  const parts = openPackage(bytes, REGISTER_LIMITS);
  try {
    let first: { refusal: RegisterRefusal } | undefined;
    for (const s of packageSheetXml(parts)) {
      const r = registerOfSheet(name, s);
      if (!('refusal' in r)) return r;
      if (r.refusal.code !== 'register.no-header') return r;
      first ??= r;
    }
    return first ?? refuse('register.no-header', name, 'sổ tính không có trang nào', 'the workbook has no sheet');
  } finally {
    parts.clear();
  }
}

/**
 * Every sheet of a workbook as rows of cells (the register sheets of a counted workbook, for
 * `registerSheetFindings`).
 * @throws WorkbookReadError when the bytes are not a readable workbook.
 */
export function readSheetRows(bytes: Uint8Array): SheetRows[] {
  const parts = openPackage(bytes, REGISTER_LIMITS);
  try {
    return [...packageSheets(parts)];
  } finally {
    parts.clear();
  }
}

// ---------------------------------------------------------------------------------------------
// .csv

/** The text of a CSV file: UTF-16 (with its BOM) or UTF-8 (BOM dropped); null when it is neither. */
function csvText(bytes: Uint8Array): string | null {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    return null;
  }
}

/**
 * The delimiter of the first lines: of `,` `;` and tab, the one that splits the most lines into the
 * same number of fields (quotes respected); then the one giving more fields.
 */
export function csvDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, 40).filter((l) => l.trim() !== '');
  let best = ',';
  let bestScore = [-1, -1];
  for (const d of [',', ';', '\t']) {
    const counts = lines.map((line) => {
      let n = 0;
      let quoted = false;
      const dc = d.charCodeAt(0);
      for (let k = 0; k < line.length; k++) {
        const c = line.charCodeAt(k);
        if (c === 34) quoted = !quoted;
        else if (c === dc && !quoted) n++;
      }
      return n;
    });
    const freq = new Map<number, number>();
    for (const n of counts) if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    let mode = 0;
    let lines2 = 0;
    for (const [n, f] of freq) if (f > lines2 || (f === lines2 && n > mode)) [mode, lines2] = [n, f];
    if (lines2 > bestScore[0] || (lines2 === bestScore[0] && mode > bestScore[1])) {
      best = d;
      bestScore = [lines2, mode];
    }
  }
  return best;
}

/**
 * The most fields of one CSV record. A register has a dozen columns; a line of millions of
 * delimiters (a file that is no register, or one broken) is refused before its fields are made and
 * compared with the header names.
 */
export const MAX_CSV_FIELDS = 1000;

/**
 * The most characters of one cell (or CSV field): what a spreadsheet cell holds. A register's
 * longest text, a summary, is a few hundred; a field of megabytes is no register's (its text would
 * be folded and compared as a header name).
 */
export const MAX_CELL_CHARS = 32_767;

/** A CSV record refused before it is read on: more than `MAX_CSV_FIELDS` fields, or a field longer than `MAX_CELL_CHARS`. */
class CsvRecordRefused extends Error {
  constructor(
    readonly line: number,
    readonly vi: string,
    readonly en: string,
  ) {
    super(`line ${line}: ${en}`);
  }
}

function tooManyFields(line: number): CsvRecordRefused {
  return new CsvRecordRefused(line, `có hơn ${formatNumberIn(MAX_CSV_FIELDS, 'vi')} trường`, `has more than ${formatNumberIn(MAX_CSV_FIELDS, 'en')} fields`);
}

function tooLongField(line: number, length: number): CsvRecordRefused {
  return new CsvRecordRefused(
    line,
    `có một trường dài ${formatNumberIn(length, 'vi')} ký tự, quá giới hạn ${formatNumberIn(MAX_CELL_CHARS, 'vi')} của một ô`,
    `has a field ${formatNumberIn(length, 'en')} characters long, beyond the limit of ${formatNumberIn(MAX_CELL_CHARS, 'en')} of a cell`,
  );
}

/**
 * Where the quoted field whose content starts at `from` ends — its closing quote (`""` pairs are
 * content), or the text's end — and how many `""` pairs its content holds.
 */
function closingQuote(text: string, from: number): { end: number; pairs: number } {
  let pairs = 0;
  for (let j = text.indexOf('"', from); j >= 0; j = text.indexOf('"', j + 2)) {
    if (text.charCodeAt(j + 1) !== 34) return { end: j, pairs };
    pairs++;
  }
  return { end: text.length, pairs };
}

/**
 * The records of a CSV text (RFC 4180 quotes, `""` inside them), each with its 1-based line.
 * @throws CsvRecordRefused for a record of more than `MAX_CSV_FIELDS` fields or a field longer than `MAX_CELL_CHARS`.
 */
export function parseCsv(text: string, delimiter: string): GridRow[] {
  const out: GridRow[] = [];
  let line = 1;
  let recordLine = 1;
  let field = '';
  let cells: GridValue[] = [];
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endField = (): void => {
    if (field.length > MAX_CELL_CHARS) throw tooLongField(recordLine, field.length);
    if (cells.length + 1 >= MAX_CSV_FIELDS) throw tooManyFields(recordLine);
    cells.push(field);
  };
  const endRecord = (): void => {
    endField();
    if (cells.some((c) => c !== '')) out.push({ row: recordLine, cells });
    cells = [];
    field = '';
  };
  // Ordinary characters are taken as slices, never one at a time (a line of megabytes stays linear).
  while (i < n) {
    if (quoted) {
      // The closing quote found first (`""` pairs stepped over), the content unescaped in one pass:
      // millions of `""` are not millions of pieces.
      const { end: j, pairs } = closingQuote(text, i);
      // Too long already: refused before its content is made.
      if (j - i - pairs > MAX_CELL_CHARS) throw tooLongField(recordLine, j - i - pairs);
      for (let k = text.indexOf('\n', i); k >= 0 && k < j; k = text.indexOf('\n', k + 1)) line++;
      const raw = text.slice(i, j);
      field += pairs > 0 ? raw.replaceAll('""', '"') : raw;
      if (j >= n) break;
      quoted = false;
      i = j + 1;
      continue;
    }
    const ch = text[i];
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      endField();
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      recordLine = line;
    } else {
      // A quote after a field's first character is one of its characters: it does not end the slice.
      let j = i + 1;
      while (j < n) {
        const c = text[j];
        if (c === delimiter || c === '\r' || c === '\n') break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
      continue;
    }
    i++;
  }
  if (field !== '' || cells.length > 0) endRecord();
  return out;
}

function readCsvRegister(name: string, bytes: Uint8Array): RegisterResult {
  const text = csvText(bytes);
  if (text === null) {
    return refuse(
      'register.not-utf8',
      name,
      'không phải tệp .xlsx, cũng không phải CSV mã UTF-8 (lưu lại bằng "CSV UTF-8" hoặc gửi tệp .xlsx)',
      'neither an .xlsx nor a UTF-8 CSV (save it as "CSV UTF-8", or send the .xlsx)',
    );
  }
  let grid: GridRow[];
  try {
    grid = parseCsv(text, csvDelimiter(text));
  } catch (e) {
    if (!(e instanceof CsvRecordRefused)) throw e;
    return refuse('register.unreadable', name, `dòng ${e.line} ${e.vi} (tệp có phải là sổ văn bản?)`, `line ${e.line} ${e.en} (is the file a register?)`);
  }
  return registerFromGrid(name, 'CSV', grid);
}
