/**
 * The `.xlsx` reader: finds every standard table of a workbook through its sheet-scoped defined
 * names (see `core/names`) and reads its cells into what the validation engine takes.
 *
 * A table whose names no longer resolve comes back with `broken` set (never a throw). A file that
 * cannot be read at all (missing, not an `.xlsx`, corrupt, password-protected) throws a
 * `WorkbookReadError` carrying a Vietnamese and an English message.
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Template, Text } from '../templates/types';
import { TEMPLATES, columnsOf } from '../templates';
import type { CellRead, CellValue, TableRead, WorkbookRead } from '../core/read';
import { HEADER_NAME, INFO_NAMES, META_NAME, ROW_LABELS_NAME, averageName, columnName, parseMetaValue, totalName, type InfoKey } from '../core/names';
import { address, parseRange, type RangePos } from '../core/a1';
import { readSheetScopedNames, type SheetScopedName } from './names';

export class WorkbookReadError extends Error {
  constructor(readonly reason: Text) {
    super(reason.en);
    this.name = 'WorkbookReadError';
  }
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, sig: number[]): boolean {
  return buf.length >= sig.length && sig.every((b, i) => buf[i] === b);
}

async function loadBytes(input: Buffer | Uint8Array | ArrayBuffer | string): Promise<Buffer> {
  if (typeof input !== 'string') return Buffer.from(input instanceof ArrayBuffer ? new Uint8Array(input) : input);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(input);
  } catch {
    throw new WorkbookReadError({ vi: 'Không tìm thấy tệp.', en: 'The file does not exist.' });
  }
  if (stat.isDirectory()) throw new WorkbookReadError({ vi: 'Đây là một thư mục, không phải tệp .xlsx.', en: 'This is a folder, not an .xlsx file.' });
  try {
    return await fs.promises.readFile(input);
  } catch {
    throw new WorkbookReadError({ vi: 'Không đọc được tệp (không có quyền đọc?).', en: 'The file cannot be read (no permission?).' });
  }
}

/** Checks the package before ExcelJS sees it, so each kind of bad file gets its own message. */
async function checkPackage(buf: Buffer): Promise<void> {
  if (buf.length === 0) throw new WorkbookReadError({ vi: 'Tệp rỗng.', en: 'The file is empty.' });
  if (startsWith(buf, OLE_SIGNATURE)) {
    throw new WorkbookReadError({
      vi: 'Tệp được bảo vệ bằng mật khẩu (mã hóa) hoặc là tệp .xls cũ; hãy gỡ mật khẩu và lưu thành .xlsx.',
      en: 'The file is password-protected (encrypted) or an old .xls; remove the password and save it as .xlsx.',
    });
  }
  if (!(buf[0] === 0x50 && buf[1] === 0x4b)) throw new WorkbookReadError({ vi: 'Không phải tệp .xlsx.', en: 'Not an .xlsx file.' });
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    throw new WorkbookReadError({ vi: 'Tệp .xlsx bị hỏng (không giải nén được).', en: 'The .xlsx file is corrupt (it cannot be unzipped).' });
  }
  if (!zip.file('xl/workbook.xml')) throw new WorkbookReadError({ vi: 'Không phải sổ tính Excel (.xlsx).', en: 'Not an Excel workbook (.xlsx).' });
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

function readCell(ws: ExcelJS.Worksheet, sheet: string, addr: string): CellRead {
  const cell = ws.getCell(addr);
  const raw: unknown = cell.value;
  let formula: string | null = null;
  if (raw && typeof raw === 'object' && ('formula' in raw || 'sharedFormula' in raw)) {
    const f = cell.formula as unknown;
    if (typeof f === 'string' && f.trim() !== '') formula = f.startsWith('=') ? f : `=${f}`;
  }
  return { sheet, address: addr, value: toCellValue(raw), formula };
}

// ---------------------------------------------------------------------------------------------
// Tables

function emptyInfo(): Record<InfoKey, CellRead | null> {
  return { unit: null, reportNo: null, reportDate: null, reportBy: null, from: null, to: null };
}

function brokenTable(sheet: string, templateId: string, version: number, reason: Text, cell?: string): TableRead {
  return {
    sheet,
    templateId,
    version,
    broken: cell ? { reason, cell: { sheet, address: cell } } : { reason },
    header: [],
    info: emptyInfo(),
    rowLabels: [],
    columns: {},
    totals: null,
    averages: {},
  };
}

class Broken extends Error {
  constructor(readonly reason: Text) {
    super(reason.en);
  }
}

function missing(name: string): Broken {
  return new Broken({ vi: `tên ${name} không còn trỏ tới ô nào`, en: `the name ${name} no longer refers to any cell` });
}

function readTable(ws: ExcelJS.Worksheet, names: Map<string, SheetScopedName>, metaAddr: string, template: Template | undefined, templateId: string, version: number): TableRead {
  const sheet = ws.name;
  const range = (name: string, required: boolean): RangePos | null => {
    const n = names.get(name);
    if (!n) {
      if (required) throw missing(name);
      return null;
    }
    if (n.refSheet !== undefined && n.refSheet !== sheet) throw missing(name);
    try {
      return parseRange(n.ref);
    } catch {
      throw missing(name);
    }
  };
  const oneCell = (name: string, required: boolean): CellRead | null => {
    const r = range(name, required);
    if (!r) return null;
    if (r.top !== r.bottom || r.left !== r.right) throw new Broken({ vi: `tên ${name} phải là một ô`, en: `the name ${name} must be one cell` });
    return readCell(ws, sheet, address(r.top, r.left));
  };
  const columnCells = (name: string, required: boolean): CellRead[] | null => {
    const r = range(name, required);
    if (!r) return null;
    if (r.left !== r.right) throw new Broken({ vi: `tên ${name} phải là một cột`, en: `the name ${name} must be one column` });
    const out: CellRead[] = [];
    for (let row = r.top; row <= r.bottom; row++) out.push(readCell(ws, sheet, address(row, r.left)));
    return out;
  };

  if (!template) {
    const t = brokenTable(sheet, templateId, version, { vi: '', en: '' });
    delete t.broken;
    t.header = [[readCell(ws, sheet, metaAddr)]];
    return t;
  }
  try {
    const h = range(HEADER_NAME, true) as RangePos;
    const header: CellRead[][] = [];
    for (let row = h.top; row <= h.bottom; row++) {
      const line: CellRead[] = [];
      for (let col = h.left; col <= h.right; col++) line.push(readCell(ws, sheet, address(row, col)));
      header.push(line);
    }
    const rowLabels = columnCells(ROW_LABELS_NAME, true) as CellRead[];
    const columns: Record<string, CellRead[]> = {};
    const totals: Record<string, CellRead> = {};
    let hasTotals = false;
    for (const c of columnsOf(template)) {
      const cells = columnCells(columnName(c.id), true) as CellRead[];
      if (cells.length !== rowLabels.length) {
        throw new Broken({ vi: `cột "${c.label.vi}" có ${cells.length} ô thay vì ${rowLabels.length}`, en: `column "${c.label.en}" has ${cells.length} cells instead of ${rowLabels.length}` });
      }
      columns[c.id] = cells;
      const t = oneCell(totalName(c.id), false);
      if (t) {
        totals[c.id] = t;
        hasTotals = true;
      }
    }
    const averages: Record<string, CellRead> = {};
    for (const a of template.averages ?? []) averages[a.id] = oneCell(averageName(a.id), true) as CellRead;
    const info = emptyInfo();
    for (const k of Object.keys(INFO_NAMES) as InfoKey[]) info[k] = oneCell(INFO_NAMES[k], false);
    return { sheet, templateId, version, header, info, rowLabels, columns, totals: hasTotals ? totals : null, averages };
  } catch (e) {
    if (e instanceof Broken) return brokenTable(sheet, templateId, version, e.reason, metaAddr);
    return brokenTable(sheet, templateId, version, { vi: 'không đọc được biểu', en: 'the table cannot be read' }, metaAddr);
  }
}

/**
 * Reads every recognised table of a workbook, in sheet order.
 * @throws WorkbookReadError when the file cannot be read at all.
 */
export async function readWorkbook(input: Buffer | Uint8Array | ArrayBuffer | string, templates: readonly Template[] = TEMPLATES): Promise<WorkbookRead> {
  const buf = await loadBytes(input);
  await checkPackage(buf);
  const wb = new ExcelJS.Workbook();
  let scoped: SheetScopedName[];
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    scoped = await readSheetScopedNames(buf);
  } catch {
    throw new WorkbookReadError({ vi: 'Tệp .xlsx bị hỏng hoặc không đọc được.', en: 'The .xlsx file is corrupt or cannot be read.' });
  }
  const bySheet = new Map<string, Map<string, SheetScopedName>>();
  for (const n of scoped) {
    let m = bySheet.get(n.sheetName);
    if (!m) bySheet.set(n.sheetName, (m = new Map()));
    if (!m.has(n.name)) m.set(n.name, n);
  }
  const tables: TableRead[] = [];
  for (const ws of wb.worksheets) {
    const names = bySheet.get(ws.name);
    const meta = names?.get(META_NAME);
    if (!names || !meta) continue;
    let metaAddr: string;
    let parsed: { templateId: string; version: number } | null = null;
    try {
      const r = parseRange(meta.ref);
      metaAddr = address(r.top, r.left);
      if (meta.refSheet !== undefined && meta.refSheet !== ws.name) throw new Error('elsewhere');
      parsed = parseMetaValue(readCell(ws, ws.name, metaAddr).value);
    } catch {
      tables.push(brokenTable(ws.name, 'unknown', 0, { vi: `tên ${META_NAME} không còn trỏ tới ô nào`, en: `the name ${META_NAME} no longer refers to any cell` }));
      continue;
    }
    if (!parsed) {
      tables.push(brokenTable(ws.name, 'unknown', 0, { vi: `ô mã biểu mẫu ${metaAddr} đã bị sửa`, en: `the table id cell ${metaAddr} was changed` }, metaAddr));
      continue;
    }
    const template = templates.find((t) => t.id === parsed.templateId && t.version === parsed.version);
    tables.push(readTable(ws, names, metaAddr, template, parsed.templateId, parsed.version));
  }
  return { tables };
}
