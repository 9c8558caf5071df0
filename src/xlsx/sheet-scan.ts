/**
 * A worksheet's cells read one row at a time, in one pass over its XML: what a register needs from
 * a sheet of a hundred thousand rows, without first holding every row. The values are those of the
 * general grid reader (`sheetGrid` in `xlsx/register-read`): shared and inline strings as text,
 * numbers in a date style as `Date`, booleans, errors as `{ error }`. A sheet written in a way this
 * pass does not follow — namespace prefixes, rows out of order, a cell outside its row — is left to
 * the general reader (`scanRows` says so), which gives the same rows for everything it reads.
 * Browser-safe: text in, no Node API.
 */
import type { GridValue } from '../core/count/register';
import { attr } from './fast-read';
import { unescapeXml } from './scoped-names-xml';

const VALUE = /<((?:[\w.-]+:)?)v(?=[\s/>])[^>]*?(?:\/>|>([\s\S]*?)<\/\1v>)/;
const INLINE_T = /<((?:[\w.-]+:)?)t(?=[\s/>])[^>]*?(?:\/>|>([\s\S]*?)<\/\1t>)/g;
const RPH = /<((?:[\w.-]+:)?)rPh(?=[\s/>])[\s\S]*?<\/\1rPh>/g;
/** Elements of the sheet data written with a namespace prefix: the general reader's. */
const PREFIXED = /<\/?[\w.-]+:(?:row|c|v|is|t|sheetData)[\s/>]/;
/** A tag whose attributes are not all plain `name="value"` pairs: read with `attr`. */
const UNPLAIN_TAG = /[^\x20-\x26\x28-\x7e]|= | =/;

/** The text of an inline string (`<is>`): its `<t>` runs, phonetic runs left out. */
export function inlineText(body: string): string {
  let out = '';
  const b = body.replace(RPH, '');
  INLINE_T.lastIndex = 0;
  for (let m = INLINE_T.exec(b); m; m = INLINE_T.exec(b)) out += unescapeXml(m[2] ?? '');
  return out;
}

/** Column (0-based) and row of an A1 reference, or null. */
export function cellRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    const up = ch >= 97 ? ch - 32 : ch;
    if (up < 65 || up > 90) break;
    col = col * 26 + (up - 64);
  }
  const row = Number(ref.slice(i));
  return i === 0 || !Number.isInteger(row) || row < 1 ? null : { row, col: col - 1 };
}

/** What a cell's value is read with: the shared strings, the date styles, the date system. */
export interface SheetContext {
  strings: readonly string[];
  dates: readonly boolean[];
  date1904: boolean;
}

/** A cell's value from its tag's attributes and its body, as the grid reader gives it. */
export function cellValue(ctx: SheetContext, tag: string, body: string, dateOf?: (n: number) => Date): GridValue {
  const type = attr(tag, 't') ?? 'n';
  return typedValue(ctx, type, type === 'n' ? (attr(tag, 's') ?? '0') : '0', body, dateOf);
}

function rawValue(body: string): string | undefined {
  if (body.startsWith('<v>')) {
    const end = body.indexOf('</v>', 3);
    if (end > 0) return unescapeXml(body.slice(3, end));
  }
  const v = VALUE.exec(body);
  return v && v[2] !== undefined ? unescapeXml(v[2]) : undefined;
}

function typedValue(ctx: SheetContext, type: string, style: string, body: string, dateOf?: (n: number) => Date): GridValue {
  if (type === 'inlineStr') return inlineText(body);
  const raw = rawValue(body);
  if (type === 's') return raw !== undefined ? (ctx.strings[Number(raw)] ?? null) : null;
  if (type === 'n') {
    if (raw === undefined || raw === '') return null;
    const n = parseFloat(raw);
    if (!Number.isFinite(n)) return raw;
    if (!ctx.dates[Number(style)]) return n;
    return dateOf ? dateOf(n) : new Date(Math.round((n + (ctx.date1904 ? 1462 : 0) - 25569) * 86400000));
  }
  if (type === 'b') return raw === undefined ? null : raw === '1' || raw === 'true';
  if (type === 'e') return raw === undefined ? null : { error: raw };
  return raw ?? null; // str, d (ISO text) and anything else: the text as written
}

/** An attribute of a plain tag (`name="value"` pairs, one space apart), as `attr` reads it. */
function plainAttr(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  const from = at + name.length + 3;
  const end = tag.indexOf('"', from);
  return end < 0 ? undefined : unescapeXml(tag.slice(from, end));
}

function isDelimiter(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62 || c === 12 || c === 11;
}

/**
 * Calls `onRow` with each row that has cells (its number and its cells from column A, blanks as
 * null), in order; `onRow` returning false stops the pass. False when the sheet is written in a way
 * only the general reader follows (then nothing should be taken from the rows given so far).
 */
export function scanRows(xml: string, ctx: SheetContext, onRow: (row: number, cells: GridValue[]) => boolean): boolean {
  if (PREFIXED.test(xml)) return false;
  // Excel's dates repeat (a year has a few hundred days): one Date per serial, never changed.
  const days = new Map<number, Date>();
  const dateOf = (n: number): Date => {
    let d = days.get(n);
    if (d === undefined) days.set(n, (d = new Date(Math.round((n + (ctx.date1904 ? 1462 : 0) - 25569) * 86400000))));
    return d;
  };
  let rowNo = 0; // the current <row>'s number (0: none yet)
  let emitted = 0;
  let cells: GridValue[] | null = null;
  let lastCol = -1;
  const flush = (): boolean => {
    if (cells === null) return true;
    for (let k = 0; k < cells.length; k++) if (cells[k] === undefined) cells[k] = null;
    emitted = rowNo;
    const go = onRow(rowNo, cells);
    cells = null;
    return go;
  };
  // Where the next `</c>` stands (-1: none left); 0 until looked for.
  let nextClose = 0;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i)) {
    const c1 = xml.charCodeAt(i + 1);
    if (c1 === 114 && xml.startsWith('row', i + 1) && isDelimiter(xml.charCodeAt(i + 4))) {
      const end = xml.indexOf('>', i);
      if (end < 0) break;
      if (!flush()) return true;
      const tag = xml.slice(i, end + 1);
      const r = UNPLAIN_TAG.test(tag) ? attr(tag, 'r') : plainAttr(tag, 'r');
      const n = r !== undefined ? Number(r) : rowNo + 1;
      if (!Number.isInteger(n) || n <= emitted || n < 1) return false;
      rowNo = n;
      lastCol = -1;
      i = end + 1;
      continue;
    }
    if (c1 !== 99 || !isDelimiter(xml.charCodeAt(i + 2))) {
      i++;
      continue;
    }
    const end = xml.indexOf('>', i);
    if (end < 0) break;
    const closed = xml.charCodeAt(end - 1) === 47;
    const tag = xml.slice(i + 2, closed ? end - 1 : end);
    let body = '';
    if (closed) i = end + 1;
    else {
      // The next closing tag is looked for once and kept until passed: thousands of cells left
      // open cost one scan of the part, not one scan each.
      if (nextClose >= 0 && nextClose < end) nextClose = xml.indexOf('</c>', end);
      const close = nextClose;
      if (close < 0) {
        i = end; // never closed: not a cell, as for the grid reader
        continue;
      }
      body = xml.slice(end + 1, close);
      if (body.includes('<row')) return false;
      i = close + 4;
    }
    const plain = !UNPLAIN_TAG.test(tag);
    const ref = plain ? plainAttr(tag, 'r') : attr(tag, 'r');
    let col = lastCol + 1;
    if (ref !== undefined) {
      const pos = cellRef(ref);
      if (pos === null) continue;
      if (pos.row !== rowNo) return false;
      col = pos.col;
    } else if (rowNo === 0) return false;
    lastCol = col;
    const type = (plain ? plainAttr(tag, 't') : attr(tag, 't')) ?? 'n';
    const style = type === 'n' ? ((plain ? plainAttr(tag, 's') : attr(tag, 's')) ?? '0') : '0';
    (cells ??= [])[col] = typedValue(ctx, type, style, body, dateOf);
  }
  flush();
  return true;
}

const PLAIN_ITEM = '<si><t>';
const SPACED_ITEM = '<si><t xml:space="preserve">';

/**
 * The shared strings when every item is one plain run (`<si><t>…</t></si>`, as most exports write
 * them): read with indexOf, without patterns. Null for anything else — rich runs, phonetic runs,
 * prefixes, empty items — which `sharedStrings` (`xlsx/fast-read`) reads; both give the same texts.
 */
export function plainSharedStrings(xml: string | null): string[] | null {
  if (xml === null) return null;
  const start = xml.indexOf('<sst');
  const open = start < 0 ? -1 : xml.indexOf('>', start);
  if (open < 0 || xml.charCodeAt(open - 1) === 47 || xml.lastIndexOf('<si', start) >= 0) return null;
  const out: string[] = [];
  let i = open + 1;
  for (;;) {
    const item = xml.startsWith(PLAIN_ITEM, i) ? PLAIN_ITEM : xml.startsWith(SPACED_ITEM, i) ? SPACED_ITEM : null;
    if (item === null) break;
    const from = i + item.length;
    const end = xml.indexOf('<', from);
    if (end < 0 || !xml.startsWith('</t></si>', end)) return null;
    out.push(unescapeXml(xml.slice(from, end)));
    i = end + 9;
  }
  return xml.startsWith('</sst>', i) && !xml.includes('<si', i) ? out : null;
}
