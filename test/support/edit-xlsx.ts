/**
 * Edits a generated workbook as a clerk would, through ExcelJS, and keeps what ExcelJS drops:
 * the sheet-scoped defined names (`localSheetId`). The `<definedNames>` block of the original
 * `xl/workbook.xml` is put back into the saved package unchanged (ExcelJS keeps sheet order, so
 * every `localSheetId` still points at the same sheet). Helpers can also change the names
 * themselves, to simulate rows inserted above a table or a name deleted.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseMetaValue } from '../../src/core/forms/defined-names';

const WORKBOOK_XML = 'xl/workbook.xml';
const BLOCK = /<definedNames\s*\/>|<definedNames>[\s\S]*?<\/definedNames>/;

async function workbookXml(buf: Buffer): Promise<{ zip: JSZip; xml: string }> {
  const zip = await JSZip.loadAsync(buf);
  const file = zip.file(WORKBOOK_XML);
  if (!file) throw new Error('no xl/workbook.xml');
  return { zip, xml: await file.async('string') };
}

async function rewriteWorkbookXml(buf: Buffer, change: (xml: string) => string): Promise<Buffer> {
  const { zip, xml } = await workbookXml(buf);
  zip.file(WORKBOOK_XML, change(xml));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Loads with ExcelJS, runs `edit`, saves, and restores the original defined names. */
export async function editXlsx(buf: Buffer, edit: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Buffer> {
  const { xml: original } = await workbookXml(buf);
  const block = BLOCK.exec(original)?.[0] ?? '';
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  await edit(wb);
  const saved = Buffer.from(await wb.xlsx.writeBuffer());
  return rewriteWorkbookXml(saved, (xml) => {
    const without = xml.replace(BLOCK, '');
    return block ? without.replace('</sheets>', `</sheets>${block}`) : without;
  });
}

/** Sets one cell's value (a number, text, date, error, rich text …) on a sheet. */
export async function setCell(buf: Buffer, sheet: string, address: string, value: ExcelJS.CellValue): Promise<Buffer> {
  return editXlsx(buf, (wb) => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    ws.getCell(address).value = value;
  });
}

/** Removes one sheet-scoped name (all sheets when `sheetIndex` is omitted). */
export async function removeName(buf: Buffer, name: string, sheetIndex?: number): Promise<Buffer> {
  return rewriteWorkbookXml(buf, (xml) =>
    xml.replace(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g, (m, attrs: string) => {
      const n = /\sname="([^"]*)"/.exec(attrs)?.[1];
      const local = /\slocalSheetId="(\d+)"/.exec(attrs)?.[1];
      return n === name && (sheetIndex === undefined || Number(local) === sheetIndex) ? '' : m;
    }),
  );
}

/** Replaces the formula text of one sheet-scoped name (e.g. `#REF!` or a wrong range). */
export async function setNameFormula(buf: Buffer, name: string, sheetIndex: number, formula: string): Promise<Buffer> {
  return rewriteWorkbookXml(buf, (xml) =>
    xml.replace(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g, (m, attrs: string) => {
      const n = /\sname="([^"]*)"/.exec(attrs)?.[1];
      const local = /\slocalSheetId="(\d+)"/.exec(attrs)?.[1];
      return n === name && Number(local) === sheetIndex ? `<definedName${attrs}>${formula.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</definedName>` : m;
    }),
  );
}

/** Shifts every A1 reference at or below `fromRow` by `count` rows, outside string literals. */
export function shiftRefs(formula: string, fromRow: number, count: number): string {
  let out = '';
  const parts = formula.split('"');
  parts.forEach((part, i) => {
    if (i > 0) out += '"';
    out +=
      i % 2 === 1
        ? part
        : part.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g, (_m, d1: string, col: string, d2: string, row: string) => {
            const r = Number(row);
            return `${d1}${col}${d2}${r >= fromRow ? r + count : r}`;
          });
  });
  return out;
}

/**
 * Inserts `count` empty rows above `row` on a sheet, as Excel does: cells, merges, formulas and
 * the sheet's defined names move down.
 */
export async function insertRowsAbove(buf: Buffer, sheet: string, row: number, count: number): Promise<Buffer> {
  const edited = await editXlsx(buf, (wb) => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    // Unmerge first: ExcelJS does not move merges with the rows.
    const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges);
    const ranges = merges.map((m) => (ws as unknown as { _merges: Record<string, { range: string }> })._merges[m].range);
    for (const r of ranges) ws.unMergeCells(r);
    ws.spliceRows(row, 0, ...Array.from({ length: count }, () => []));
    ws.eachRow({ includeEmpty: false }, (r) => {
      r.eachCell({ includeEmpty: false }, (c) => {
        const v = c.value as unknown;
        if (v && typeof v === 'object' && 'formula' in (v as object)) {
          const f = (v as { formula: string; result?: unknown }).formula;
          c.value = { formula: shiftRefs(f, row, count), result: (v as { result?: ExcelJS.CellValue }).result } as ExcelJS.CellFormulaValue;
        }
      });
    });
    for (const r of ranges) ws.mergeCells(shiftRefs(r, row, count));
  });
  const { xml } = await workbookXml(edited);
  const sheets = [...xml.matchAll(/<sheet\b[^>]*\sname="([^"]*)"/g)].map((m) => m[1]);
  const index = sheets.indexOf(sheet);
  return rewriteWorkbookXml(edited, (x) =>
    x.replace(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g, (m, attrs: string, body: string) => {
      const local = /\slocalSheetId="(\d+)"/.exec(attrs)?.[1];
      if (Number(local) !== index) return m;
      const bang = body.lastIndexOf('!');
      const shifted = body.slice(0, bang + 1) + body.slice(bang + 1).replace(/\$(\d+)/g, (_s, r: string) => `$${Number(r) >= row ? Number(r) + count : Number(r)}`);
      return `<definedName${attrs}>${shifted}</definedName>`;
    }),
  );
}

/** The template id on a sheet (from its BM_META cell), for sanity checks in tests. */
export function metaOf(value: unknown): string | null {
  return parseMetaValue(value)?.templateId ?? null;
}
