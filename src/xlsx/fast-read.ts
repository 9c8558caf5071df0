/**
 * The fast reader: the sheet XML is scanned directly for the cells the tables need, without
 * building ExcelJS's workbook model (styles, every cell object), which costs most of the time.
 * `readWorkbook` (`xlsx/read-workbook`) reads every workbook through it.
 *
 * It gives the same TableRead as the ExcelJS reader (`xlsx/exceljs-read`; test/libreoffice/fast-read.test.ts
 * compares them): values normalised the same way (shared and rich strings as plain text, numbers in
 * a date format as `Date`, errors as `{ error }`, merged continuation cells blank). Elements may
 * carry a namespace prefix (`<x:worksheet>`, `<x:c>`, as some tools write). What it does not handle
 * the same way is listed in `FAST_READER_UNSUPPORTED`: it then throws `FastReaderUnsupported`
 * naming the feature, and `readWorkbook` hands the package to the ExcelJS reader. Nothing else
 * sends a file there. No Node API: it runs in the browser as well.
 */
import type { Text } from '../core/forms/template';
import type { CellValue, TableRead, WorkbookRead } from '../core/tables/table-read';
import type { CellContent, SheetName } from '../core/tables/assemble';
import { findMarker, readTable } from '../core/tables/locate';
import type { TemplateSource } from '../core/forms/catalog';
import { BUILTIN_CATALOG } from '../core/forms/builtin';
import { cellsOf, parseAddress, parseRange, type CellPos, type RangePos } from '../core/a1';
import { isDateFormatCode } from '../core/dates';
import { parseSheetScopedNames, quoteSheetName, unescapeXml } from './scoped-names-xml';
import { corruptWorkbook, openPackage, WORKBOOK_XML } from './package';
import { ZIP_LIMITS, type ZipLimits } from './zip';

/** The features of SpreadsheetML the fast reader leaves to the ExcelJS reader, and why. */
export const FAST_READER_UNSUPPORTED = {
  'shared-formula': {
    vi: 'công thức dùng chung (<f t="shared"> không có nội dung, LibreOffice ghi như vậy): công thức của ô phải suy từ ô gốc',
    en: 'shared formulas (<f t="shared"> without text, as LibreOffice writes them): the cell\'s formula would have to be derived from the master cell',
  },
  'cell-without-address': {
    vi: 'ô không có địa chỉ (thuộc tính r bị bỏ)',
    en: 'cells without an address (no r attribute)',
  },
  date1904: {
    vi: 'hệ ngày 1904 (date1904, sổ tính tạo trên Mac cũ)',
    en: 'the 1904 date system (date1904, workbooks from old Macs)',
  },
  'date-cell': {
    vi: 'ô kiểu ngày ISO 8601 (t="d")',
    en: 'ISO 8601 date cells (t="d")',
  },
  'cell-type': {
    vi: 'ô có kiểu không có trong chuẩn (t khác s, str, inlineStr, b, e, n)',
    en: 'cells of a type outside the standard (t other than s, str, inlineStr, b, e, n)',
  },
} as const satisfies Record<string, Text>;

export type FastReaderFeature = keyof typeof FAST_READER_UNSUPPORTED;

/** The package uses `feature`, which the fast reader does not support: the ExcelJS reader reads it. */
export class FastReaderUnsupported extends Error {
  constructor(readonly feature: FastReaderFeature) {
    super(`the fast reader does not support ${feature}: ${FAST_READER_UNSUPPORTED[feature].en}`);
    this.name = 'FastReaderUnsupported';
  }
}

const decoder = new TextDecoder('utf-8');

function text(parts: ReadonlyMap<string, Uint8Array>, name: string): string | null {
  const p = parts.get(name);
  return p ? decoder.decode(p) : null;
}

/** An element's start: `<name` or `<prefix:name`, the prefix captured (group 1), `name` whole. */
const P = '<((?:[\\w.-]+:)?)';
const END = '(?=[\\s/>])';

/**
 * Every `<name …/>` or `<name …>body</name>` (with any namespace prefix, closed with the same one):
 * group 2 the attributes, group 3 the body (undefined when empty). The body never runs over the
 * start of another `<name`: an element left unclosed is skipped where the next one starts, so
 * thousands of unclosed elements cost one pass over the text, not one pass each.
 */
function elementPattern(name: string, flags = 'g'): RegExp {
  return new RegExp(`${P}${name}${END}([^>]*?)(?:\\/>|>((?:(?!<(?:[\\w.-]+:)?${name}${END})[\\s\\S])*?)<\\/\\1${name}>)`, flags);
}

/** Every start tag `<name …>` (any prefix), the tag whole in group 0. */
function startTagPattern(name: string, flags = 'g'): RegExp {
  return new RegExp(`<(?:[\\w.-]+:)?${name}${END}[^>]*>`, flags);
}

const CELL = elementPattern('c');
const FORMULA = elementPattern('f', '');
const VALUE = elementPattern('v', '');
const INLINE = elementPattern('is', '');
const SHARED_ITEM = elementPattern('si');
const RUN_TEXT = elementPattern('t');
const PHONETIC = elementPattern('rPh');
const MERGE = startTagPattern('mergeCell');
const NUM_FMT = startTagPattern('numFmt');
const CELL_XFS = elementPattern('cellXfs', '');
const XF = startTagPattern('xf');
const SHEET = startTagPattern('sheet');
const RELATIONSHIP = startTagPattern('Relationship');
const WORKBOOK_PR = startTagPattern('workbookPr', '');

/** The pattern of each attribute name asked for, made once (a scan asks for a few names, thousands of times). */
const ATTR_PATTERNS = new Map<string, RegExp>();

export function attr(tag: string, name: string): string | undefined {
  let re = ATTR_PATTERNS.get(name);
  if (!re) ATTR_PATTERNS.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? unescapeXml(m[2] ?? m[3] ?? '') : undefined;
}

/** Plain text of an `<si>` or `<is>`: its `<t>` runs, phonetic runs left out. */
function runsText(xml: string): string {
  const body = xml.replace(PHONETIC, '');
  let out = '';
  RUN_TEXT.lastIndex = 0;
  for (let m = RUN_TEXT.exec(body); m; m = RUN_TEXT.exec(body)) out += unescapeXml(m[3] ?? '');
  return out;
}

export function sharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  const out: string[] = [];
  SHARED_ITEM.lastIndex = 0;
  for (let m = SHARED_ITEM.exec(xml); m; m = SHARED_ITEM.exec(xml)) out.push(runsText(m[3] ?? ''));
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** For each cell style index: does it format numbers as dates? */
export function dateStyles(xml: string | null): boolean[] {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  NUM_FMT.lastIndex = 0;
  for (let m = NUM_FMT.exec(xml); m; m = NUM_FMT.exec(xml)) custom.set(Number(attr(m[0], 'numFmtId')), attr(m[0], 'formatCode') ?? '');
  const xfs = CELL_XFS.exec(xml);
  if (!xfs || xfs[3] === undefined) return [];
  const out: boolean[] = [];
  XF.lastIndex = 0;
  for (let m = XF.exec(xfs[3]); m; m = XF.exec(xfs[3])) {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    out.push(custom.has(id) ? isDateFormatCode(custom.get(id)) : BUILTIN_DATE_FORMATS.has(id));
  }
  return out;
}

function excelToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 24 * 3600 * 1000));
}

interface SheetCells {
  cells: Map<string, CellContent>;
  merged: Set<string>;
}

function readSheet(xml: string, strings: string[], dates: boolean[]): SheetCells {
  const cells = new Map<string, CellContent>();
  CELL.lastIndex = 0;
  for (let m = CELL.exec(xml); m; m = CELL.exec(xml)) {
    const tag = m[2];
    const r = attr(tag, 'r');
    if (r === undefined) throw new FastReaderUnsupported('cell-without-address');
    if (!isAddress(r)) throw corruptWorkbook();
    const body = m[3] ?? '';
    const type = attr(tag, 't') ?? 'n';
    const style = Number(attr(tag, 's') ?? 0);
    let formula: string | null = null;
    const f = FORMULA.exec(body);
    if (f) {
      if (attr(f[2], 't') === 'shared' && (f[3] === undefined || f[3] === '')) throw new FastReaderUnsupported('shared-formula');
      const ft = unescapeXml(f[3] ?? '');
      if (ft.trim() !== '') formula = ft.startsWith('=') ? ft : `=${ft}`;
    }
    const v = VALUE.exec(body);
    const raw = v && v[3] !== undefined ? unescapeXml(v[3]) : undefined;
    let value: CellValue = null;
    switch (type) {
      case 's':
        if (raw !== undefined) value = strings[Number(raw)] ?? null;
        break;
      case 'inlineStr': {
        const is = INLINE.exec(body);
        value = is ? runsText(is[3] ?? '') : null;
        break;
      }
      case 'str':
        value = raw ?? null;
        break;
      case 'b':
        value = raw === undefined ? null : raw === '1' || raw === 'true';
        break;
      case 'e':
        value = raw === undefined ? null : { error: raw };
        break;
      case 'n':
        if (raw !== undefined && raw !== '') {
          const n = parseFloat(raw);
          value = dates[style] ? excelToDate(n) : n;
        }
        break;
      case 'd':
        throw new FastReaderUnsupported('date-cell');
      default:
        throw new FastReaderUnsupported('cell-type');
    }
    cells.set(r, { value, formula });
  }
  return { cells, merged: mergedCells(xml, cells) };
}

function isAddress(r: string): boolean {
  try {
    parseAddress(r);
    return true;
  } catch {
    return false;
  }
}

/** A merge this big or smaller is listed cell by cell; a bigger one is matched against the cells the sheet has. */
const MERGE_LISTED = 4096;

/**
 * The continuation cells of the sheet's merged ranges (all but each range's first cell). A range
 * as big as a whole sheet (`A1:XFD1048576`, 17 billion cells) is never listed: only the cells the
 * sheet holds are tested against it.
 */
function mergedCells(xml: string, cells: ReadonlyMap<string, CellContent>): Set<string> {
  const merged = new Set<string>();
  let held: [string, CellPos][] | null = null;
  MERGE.lastIndex = 0;
  for (let m = MERGE.exec(xml); m; m = MERGE.exec(xml)) {
    const ref = attr(m[0], 'ref');
    if (!ref) continue;
    let range: RangePos;
    try {
      range = parseRange(ref);
    } catch {
      throw corruptWorkbook();
    }
    if ((range.bottom - range.top + 1) * (range.right - range.left + 1) <= MERGE_LISTED) {
      const all = cellsOf(range);
      for (let i = 1; i < all.length; i++) merged.add(all[i]);
      continue;
    }
    held ??= [...cells.keys()].map((a): [string, CellPos] => [a, parseAddress(a)]);
    for (const [a, p] of held) {
      const inside = p.row >= range.top && p.row <= range.bottom && p.col >= range.left && p.col <= range.right;
      if (inside && !(p.row === range.top && p.col === range.left)) merged.add(a);
    }
  }
  return merged;
}

export function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** The attribute naming a sheet's relationship: `r:id`, whatever prefix the workbook binds to the relationships namespace. */
export function relationshipIdAttr(workbook: string): string {
  const ns = /\sxmlns:([\w.-]+)\s*=\s*["'][^"']*\/relationships["']/.exec(workbook);
  return `${(ns?.[1] ?? 'r').replace(/\./g, '\\.')}:id`;
}

/**
 * Reads every recognised table of an opened package (`openPackage`), in sheet order.
 * @throws FastReaderUnsupported for a feature of `FAST_READER_UNSUPPORTED`; WorkbookReadError for a
 *   package that is not a workbook (its relationships or a sheet missing).
 */
/** A sheet's texts outside merges: a sheet without names may still hold a table whose names were lost (see core/tables/locate). */
function sheetTexts(sheet: SheetCells): { row: number; col: number; value: unknown }[] {
  const texts: { row: number; col: number; value: unknown }[] = [];
  for (const [a, c] of sheet.cells) {
    if (typeof c.value !== 'string' || sheet.merged.has(a)) continue;
    const p = parseAddress(a);
    texts.push({ row: p.row, col: p.col, value: c.value });
  }
  return texts;
}

export function readPackageFast(parts: ReadonlyMap<string, Uint8Array>, templates: TemplateSource = BUILTIN_CATALOG): WorkbookRead {
  const workbook = text(parts, WORKBOOK_XML);
  if (workbook === null) throw corruptWorkbook();
  const pr = WORKBOOK_PR.exec(workbook);
  if (pr && /^(1|true)$/.test(attr(pr[0], 'date1904') ?? '')) throw new FastReaderUnsupported('date1904');
  const rels = text(parts, 'xl/_rels/workbook.xml.rels');
  if (rels === null) throw corruptWorkbook();
  const targets = new Map<string, { type: string; target: string }>();
  RELATIONSHIP.lastIndex = 0;
  for (let m = RELATIONSHIP.exec(rels); m; m = RELATIONSHIP.exec(rels)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, { type: attr(m[0], 'Type') ?? '', target: resolveTarget(target) });
  }
  const stringsPart = [...targets.values()].find((t) => t.type.endsWith('/sharedStrings'))?.target ?? 'xl/sharedStrings.xml';
  const stylesPart = [...targets.values()].find((t) => t.type.endsWith('/styles'))?.target ?? 'xl/styles.xml';
  const strings = sharedStrings(text(parts, stringsPart));
  const dates = dateStyles(text(parts, stylesPart));

  const bySheet = new Map<string, SheetName[]>();
  for (const n of parseSheetScopedNames(workbook)) {
    let list = bySheet.get(n.sheetName);
    if (!list) bySheet.set(n.sheetName, (list = []));
    list.push({ name: n.name, ref: n.refSheet === undefined ? n.ref : `${quoteSheetName(n.refSheet)}!${n.ref}` });
  }
  const rid = relationshipIdAttr(workbook);
  const tables: TableRead[] = [];
  const sheets = [...workbook.matchAll(SHEET)].map((m) => m[0]);
  // Each part read once, however many <sheet> elements point at it (a broken workbook may list one part a thousand times).
  const read = new Map<string, { sheet: SheetCells; marker: ReturnType<typeof findMarker> }>();
  for (const tag of sheets) {
    const name = attr(tag, 'name');
    const id = attr(tag, rid);
    const target = id === undefined ? undefined : targets.get(id);
    if (name === undefined || target === undefined) throw corruptWorkbook();
    let part = read.get(target.target);
    if (part === undefined) {
      const xml = text(parts, target.target);
      if (xml === null) throw corruptWorkbook();
      const sheet = readSheet(xml, strings, dates);
      part = { sheet, marker: findMarker(sheetTexts(sheet)) };
      read.set(target.target, part);
    }
    const { sheet, marker } = part;
    const cellOf = (a: string): CellContent => (sheet.merged.has(a) ? { value: null, formula: null } : (sheet.cells.get(a) ?? { value: null, formula: null }));
    const t = readTable(templates, name, bySheet.get(name) ?? [], cellOf, marker);
    if (t) tables.push(t);
  }
  return { tables };
}

/**
 * The fast reader alone on bytes (tests and benchmarks; programs read through `readWorkbook` in
 * `xlsx/read-workbook`, which falls back to ExcelJS for the unsupported features).
 * @throws WorkbookReadError when the bytes are not a readable workbook, or one beyond `limits`;
 *   FastReaderUnsupported for a feature it leaves to ExcelJS.
 */
export function readWorkbookFast(bytes: Uint8Array | ArrayBuffer, templates: TemplateSource = BUILTIN_CATALOG, limits: ZipLimits = ZIP_LIMITS): WorkbookRead {
  const parts = openPackage(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), limits);
  try {
    return readPackageFast(parts, templates);
  } finally {
    parts.clear();
  }
}
