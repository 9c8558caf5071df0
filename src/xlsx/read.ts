/**
 * The `.xlsx` reader on bytes: finds every standard table of a workbook and reads its cells into
 * what the validation engine takes. No `fs`, `path` or Node `Buffer`: the CLI (through
 * `xlsx/reader`), the task pane and the web page use this same module.
 *
 * A table whose names no longer resolve comes back with `broken` set (never a throw). Bytes that
 * are not a readable workbook (not an `.xlsx`, an `.xls` or `.ods`, corrupt, password-protected) throw a
 * `WorkbookReadError` carrying a Vietnamese and an English message.
 */
import type ExcelJS from 'exceljs';
import { BUILTIN_CATALOG } from '../core/builtin';
import type { TemplateSource } from '../core/catalog';
import type { CellValue, TableRead, WorkbookRead } from '../core/read';
import type { CellContent, SheetName } from '../core/assemble';
import { findMarker, readTable, type Marker } from '../core/locate';
import { parseSheetScopedNames, quoteSheetName, type SheetScopedName } from './names-xml';
import { WorkbookReadError } from './errors';
import { storedZip, unzipChecked, ZIP_LIMITS, type ZipLimits } from './zip';
import { isOpenDocumentSpreadsheet, ODS_MESSAGE, OLE_SIGNATURE, oleMessage, startsWith } from './kind';

export { WorkbookReadError };

const WORKBOOK_XML = 'xl/workbook.xml';
/**
 * Checks the package and inflates its parts (within `limits`, see `xlsx/zip`) before ExcelJS sees
 * anything, so each kind of bad file gets its own message and no hostile part is ever inflated:
 * an `.xls`, an encrypted `.xlsx` and an `.ods` are told apart by their bytes (`xlsx/kind`).
 */
export function openPackage(buf: Uint8Array, limits: ZipLimits): Map<string, Uint8Array> {
  if (buf.length === 0) throw new WorkbookReadError({ vi: 'Tệp rỗng.', en: 'The file is empty.' });
  if (startsWith(buf, OLE_SIGNATURE)) throw new WorkbookReadError(oleMessage(buf));
  if (!(buf[0] === 0x50 && buf[1] === 0x4b)) throw new WorkbookReadError({ vi: 'Không phải tệp .xlsx.', en: 'Not an .xlsx file.' });
  const parts = unzipChecked(buf, limits);
  if (!parts.has(WORKBOOK_XML)) {
    if (isOpenDocumentSpreadsheet(parts)) throw new WorkbookReadError(ODS_MESSAGE);
    throw new WorkbookReadError({ vi: 'Không phải sổ tính Excel (.xlsx).', en: 'Not an Excel workbook (.xlsx).' });
  }
  return parts;
}

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

/** The sheet's table id cell, if it has one (see `core/locate`). */
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

/**
 * Reads every recognised table of the workbook in `bytes`, in sheet order.
 * @throws WorkbookReadError when the bytes are not a readable workbook, or one beyond `limits`.
 */
export async function readWorkbookBytes(bytes: Uint8Array | ArrayBuffer, templates: TemplateSource = BUILTIN_CATALOG, limits: ZipLimits = ZIP_LIMITS): Promise<WorkbookRead> {
  const buf = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const parts = openPackage(buf, limits);
  // ExcelJS is loaded only for a package that passed the checks (a refusal does not wait for it).
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  let scoped: SheetScopedName[];
  try {
    scoped = parseSheetScopedNames(new TextDecoder('utf-8').decode(parts.get(WORKBOOK_XML)));
    // ExcelJS gets only the parts inflated above, stored without compression.
    await wb.xlsx.load(storedZip(parts) as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookReadError({ vi: 'Tệp .xlsx bị hỏng hoặc không đọc được.', en: 'The .xlsx file is corrupt or cannot be read.' });
  }
  parts.clear();
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
