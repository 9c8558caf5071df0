/**
 * The ExcelJS reader: builds ExcelJS's workbook model of the package and reads the tables from it.
 * It is the reference the fast reader (`xlsx/fast-read`) is tested against, and what `readWorkbook`
 * (`xlsx/read-workbook`) hands a package to when it uses a feature the fast reader does not support
 * (`FAST_READER_UNSUPPORTED`). ExcelJS is loaded only when this reader runs.
 */
import type ExcelJS from 'exceljs';
import { BUILTIN_CATALOG } from '../core/forms/builtin';
import type { TemplateSource } from '../core/forms/catalog';
import type { CellValue, TableRead, WorkbookRead } from '../core/tables/table-read';
import type { CellContent, SheetName } from '../core/tables/assemble';
import { findMarker, readTable, type Marker } from '../core/tables/locate';
import { parseSheetScopedNames, quoteSheetName, type SheetScopedName } from './scoped-names-xml';
import { corruptWorkbook, openPackage, WORKBOOK_XML } from './package';
import { storedZip, ZIP_LIMITS, type ZipLimits } from './zip';
import { WorkbookReadError } from './errors';
import { screenPart } from './xml-screen';
import { parseAddress, parseRange, rangeAddress, type RangePos } from '../core/a1';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber } from '../core/numbers';

// ---------------------------------------------------------------------------------------------
// Cells

function plainText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as { richText: { text?: unknown }[] }).richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
  }
  return '';
}

/** An ExcelJS value (or formula result) as the engine takes it. */
function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText)) return plainText(o);
    if ('text' in o && ('hyperlink' in o || typeof o.text === 'string' || typeof o.text === 'object')) return plainText(o.text);
    if ('formula' in o || 'sharedFormula' in o) return toCellValue(o.result);
  }
  return null;
}

/**
 * One cell as the engine takes it. The continuation cells of a merged range read blank, as in
 * Excel (ExcelJS would repeat the master's value there).
 */
function readCell(ws: ExcelJS.Worksheet, addr: string): CellContent {
  const cell = ws.getCell(addr);
  if (cell.isMerged && cell.master.address !== cell.address) return { value: null, formula: null };
  const raw: unknown = cell.value;
  let formula: string | null = null;
  if (raw && typeof raw === 'object' && ('formula' in raw || 'sharedFormula' in raw)) {
    const f = cell.formula as unknown;
    if (typeof f === 'string' && f.trim() !== '') formula = f.startsWith('=') ? f : `=${f}`;
  }
  return { value: toCellValue(raw), formula };
}

/** The sheet's table id cell, if it has one (see `core/tables/locate`). */
function markerOf(ws: ExcelJS.Worksheet): Marker | null {
  const cells: { row: number; col: number; value: unknown }[] = [];
  ws.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      const v = toCellValue(cell.value);
      if (typeof v === 'string') cells.push({ row: r, col: c, value: v });
    });
  });
  return findMarker(cells);
}

// ---------------------------------------------------------------------------------------------
// What ExcelJS is given

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();
const DEFINED_NAME = /<((?:[\w.-]+:)?)definedName\b[^>]*?(?:\/>|>[^<]*<\/\1definedName>)/g;
/** The `definedNames` element whole, up to its last closing tag. */
const DEFINED_NAMES = /<((?:[\w.-]+:)?)definedNames\b[^>]*?(?:\/>|>[\s\S]*<\/\1definedNames>)/;
const ANY_DEFINED_NAME = /<(?:[\w.-]+:)?definedName\b/;
const MERGE_CELL = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\sref\s*=\s*["']([^"']*)["'][^>]*>/g;
const CELL_REF = /<(?:[\w.-]+:)?c\b[^>]*?\sr\s*=\s*["']\$?([A-Za-z]{1,3})\$?(\d{1,7})["']/g;
/** A merged range up to this size is left to ExcelJS as it is (it makes one cell object per cell it covers). */
const MERGE_AS_IS = 4096;
/** The most cells a merged range may still cover once cut to the cells the sheet holds. */
const MERGE_MOST = 1_000_000;

/** The corner of the cells a sheet holds (its last row and column). */
function usedCorner(xml: string): { row: number; col: number } {
  let row = 0;
  let col = 0;
  CELL_REF.lastIndex = 0;
  for (let m = CELL_REF.exec(xml); m; m = CELL_REF.exec(xml)) {
    const p = parseAddress(`${m[1]}${m[2]}`);
    if (p.row > row) row = p.row;
    if (p.col > col) col = p.col;
  }
  return { row, col };
}

/**
 * A sheet's merged ranges cut to the cells the sheet holds: ExcelJS makes an object for every cell
 * a merge covers, so a merge of a whole sheet (`A1:XFD1048576`) would never end. Cut, a merge
 * still blanks every continuation cell that holds something, as before; a merge starting beyond
 * the last cell is dropped (it covers nothing); a reference that is not a range is a corrupt file.
 */
function cutMerges(xml: string): string {
  let corner: { row: number; col: number } | null = null;
  return xml.replace(MERGE_CELL, (tag, ref: string) => {
    let r: RangePos;
    try {
      r = parseRange(ref);
    } catch {
      // Not a range (a bare number such as `936935990`): ExcelJS takes it as a row with no column
      // and never ends; the fast reader refuses it as corrupt too.
      throw corruptWorkbook();
    }
    if ((r.bottom - r.top + 1) * (r.right - r.left + 1) <= MERGE_AS_IS) return tag;
    corner ??= usedCorner(xml);
    if (r.top > corner.row || r.left > corner.col) return '';
    const cut = { top: r.top, left: r.left, bottom: Math.min(r.bottom, corner.row), right: Math.min(r.right, corner.col) };
    if ((cut.bottom - cut.top + 1) * (cut.right - cut.left + 1) > MERGE_MOST) {
      throw new WorkbookReadError({
        vi: `Trang tính có vùng gộp ô ${ref} phủ hơn ${formatNumber(MERGE_MOST, VI_SEPARATORS)} ô có dữ liệu; tệp không được mở.`,
        en: `A sheet has a merged range ${ref} covering more than ${formatNumber(MERGE_MOST, EN_SEPARATORS)} cells that hold data; the file was not opened.`,
      });
    }
    return tag.replace(ref, rangeAddress(cut));
  });
}

/**
 * The workbook part without its defined names: the whole `definedNames` element, then any name
 * left outside it. A name still there after that (names broken into one another, as in
 * `</definedNam<definedName …>…</definedName>e>`, where taking out the inner one mends the outer)
 * is a corrupt file: ExcelJS would list every cell of its range.
 */
function withoutNames(xml: string): string {
  const out = xml.replace(DEFINED_NAMES, '').replace(DEFINED_NAME, '');
  if (ANY_DEFINED_NAME.test(out)) throw corruptWorkbook();
  return out;
}

/**
 * The parts as ExcelJS is given them (each XML part already looked over by `screenPart`): without the defined
 * names (read here by `parseSheetScopedNames`; ExcelJS would list every cell of each name's range,
 * and a name of a whole sheet would never end); with merges cut (`cutMerges`).
 */
function forExcelJS(parts: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  const out = new Map(parts);
  const workbook = parts.get(WORKBOOK_XML);
  if (workbook) out.set(WORKBOOK_XML, encoder.encode(withoutNames(utf8.decode(workbook))));
  for (const [name, data] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = utf8.decode(data);
    if (xml.includes('mergeCell')) out.set(name, encoder.encode(cutMerges(xml)));
  }
  return out;
}

/**
 * Reads every recognised table of an opened package (`openPackage`) with ExcelJS, in sheet order.
 * @throws WorkbookReadError when ExcelJS cannot read the package.
 */
export async function readPackageExcelJS(parts: ReadonlyMap<string, Uint8Array>, templates: TemplateSource = BUILTIN_CATALOG): Promise<WorkbookRead> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  let scoped: SheetScopedName[];
  try {
    // Each XML part looked over as bytes first, refused when beyond `XML_PART_LIMITS`: attributes
    // of megabytes, elements nested thousands deep or left open by the thousand, on which
    // ExcelJS's parser (and the names' reader) would spend seconds.
    for (const [name, data] of parts) if (/\.(?:xml|rels)$/.test(name)) screenPart(name, data);
    scoped = parseSheetScopedNames(new TextDecoder('utf-8').decode(parts.get(WORKBOOK_XML)));
    // ExcelJS gets only the parts inflated by openPackage, stored without compression.
    await wb.xlsx.load(storedZip(forExcelJS(parts)) as unknown as ArrayBuffer);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw corruptWorkbook();
  }
  const bySheet = new Map<string, SheetName[]>();
  for (const n of scoped) {
    let list = bySheet.get(n.sheetName);
    if (!list) bySheet.set(n.sheetName, (list = []));
    list.push({ name: n.name, ref: n.refSheet === undefined ? n.ref : `${quoteSheetName(n.refSheet)}!${n.ref}` });
  }
  const tables: TableRead[] = [];
  for (const ws of wb.worksheets) {
    const t = readTable(templates, ws.name, bySheet.get(ws.name) ?? [], (a) => readCell(ws, a), markerOf(ws));
    if (t) tables.push(t);
  }
  return { tables };
}

/**
 * Reads every recognised table of the workbook in `bytes` with ExcelJS alone (the reference reader;
 * programs read through `readWorkbook` in `xlsx/read-workbook`).
 * @throws WorkbookReadError when the bytes are not a readable workbook, or one beyond `limits`.
 */
export async function readWorkbookExcelJS(bytes: Uint8Array | ArrayBuffer, templates: TemplateSource = BUILTIN_CATALOG, limits: ZipLimits = ZIP_LIMITS): Promise<WorkbookRead> {
  const parts = openPackage(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), limits);
  try {
    return await readPackageExcelJS(parts, templates);
  } finally {
    parts.clear();
  }
}
