/**
 * Sheet-scoped defined names in an `.xlsx` package. ExcelJS drops `localSheetId`, so the writer
 * patches `xl/workbook.xml` after ExcelJS has written it, and readers parse the names from the
 * zip themselves with `readSheetScopedNames`.
 */
import JSZip from 'jszip';
import { columnLetters, parseRange, splitSheetRef } from '../core/a1';

const WORKBOOK_XML = 'xl/workbook.xml';

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Escapes element text (quotes stay as they are: `'Biểu 01'!$B$8`). */
export function escapeXmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/** `'Biểu 01'`, `'Anh''s'`: always quoted, quotes doubled (valid for every sheet name). */
export function quoteSheetName(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}

/** `B8:B10` on sheet `Biểu 01` → `'Biểu 01'!$B$8:$B$10` (a single cell keeps the `X:X` form). */
export function absoluteRef(sheetName: string, range: string): string {
  const r = parseRange(range);
  const a = (row: number, col: number): string => `$${columnLetters(col)}$${row}`;
  return `${quoteSheetName(sheetName)}!${a(r.top, r.left)}:${a(r.bottom, r.right)}`;
}

/** `6:7` on sheet `Biểu 01` → `'Biểu 01'!$6:$7`. */
export function absoluteRows(sheetName: string, rows: string): string {
  const [a, b] = rows.split(':');
  return `${quoteSheetName(sheetName)}!$${a}:$${b ?? a}`;
}

export interface ScopedName {
  name: string;
  /** Index of the sheet in the workbook's `<sheets>` order. */
  localSheetId: number;
  /** The formula text of the name, e.g. `'Biểu 01'!$B$8:$B$8`. */
  formula: string;
}

/** Excel's defined-name syntax (letters, digits, `_`, `.`; not starting with a digit or `.`). */
const NAME_RE = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;
/** …and not something Excel reads as a cell: `A1`, `XFD1048576`, `R1C1`, `R`, `C`. */
const LOOKS_LIKE_REF = /^(?:[A-Za-z]{1,3}\d+|[RrCc]|[Rr]\d*[Cc]\d*)$/;

/**
 * Excel refuses the whole workbook as corrupt for a name it cannot take: two names with the same
 * text (compared case-insensitively) in the same scope, an invalid name, or a `localSheetId` that
 * is not a sheet. Better an error here than a file the clerk cannot open.
 */
function checkNames(names: ScopedName[], sheetCount: number): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (!NAME_RE.test(n.name) || n.name.length > 255 || LOOKS_LIKE_REF.test(n.name)) throw new Error(`not a valid defined name: ${JSON.stringify(n.name)}`);
    if (!Number.isInteger(n.localSheetId) || n.localSheetId < 0 || n.localSheetId >= sheetCount) {
      throw new Error(`defined name ${n.name}: localSheetId ${n.localSheetId} is not one of the ${sheetCount} sheets`);
    }
    const key = `${n.localSheetId}\u0000${n.name.toLowerCase()}`;
    if (seen.has(key)) throw new Error(`defined name ${n.name} twice on sheet ${n.localSheetId}`);
    seen.add(key);
  }
}

function definedNameXml(n: ScopedName): string {
  return `<definedName name="${escapeXml(n.name)}" localSheetId="${n.localSheetId}">${escapeXmlText(n.formula)}</definedName>`;
}

/**
 * Replaces the `<definedNames>` of `xl/workbook.xml` with `names` (built-in `_xlnm.*` names included:
 * the caller passes them, properly quoted). Other parts of the package are left untouched.
 */
export async function writeSheetScopedNames(xlsx: Uint8Array | ArrayBuffer, names: ScopedName[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const file = zip.file(WORKBOOK_XML);
  if (!file) throw new Error(`${WORKBOOK_XML} missing from the package`);
  let xml = await file.async('string');
  checkNames(names, (xml.match(/<sheet\b/g) ?? []).length);
  xml = xml.replace(/<definedNames\s*\/>|<definedNames>[\s\S]*?<\/definedNames>/, '');
  if (names.length > 0) {
    const block = `<definedNames>${names.map(definedNameXml).join('')}</definedNames>`;
    if (!xml.includes('</sheets>')) throw new Error(`${WORKBOOK_XML} has no <sheets>`);
    xml = xml.replace('</sheets>', `</sheets>${block}`);
  }
  zip.file(WORKBOOK_XML, xml);
  // Bytes, not a Node Buffer: the writer runs in the browser too.
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s(?:[\\w.-]+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  if (!m) return undefined;
  return unescapeXml(m[2] ?? m[3] ?? '');
}

export interface SheetScopedName {
  /** The sheet the name is scoped to (by `localSheetId`). */
  sheetName: string;
  name: string;
  /**
   * The range without sheet prefix and `$`, e.g. `B8:B10` or `B8` for one cell, `6:7` for rows;
   * `#REF!` (or the raw text) when the name no longer points at a range.
   */
  ref: string;
  /** The sheet named in the reference, when it names one (normally the same as `sheetName`). */
  refSheet?: string;
}

function splitRef(formula: string): { sheet?: string; ref: string } {
  const { sheet, local } = splitSheetRef(formula);
  if (local.includes('#REF!')) return { ref: '#REF!' };
  let ref = local.replace(/\$/g, '');
  if (sheet === undefined) return { ref };
  const parts = ref.split(':');
  if (parts.length === 2 && parts[0] === parts[1]) ref = parts[0];
  return { sheet, ref };
}

/** Every sheet-scoped defined name of an `.xlsx` (workbook-scoped names are not returned). */
export async function readSheetScopedNames(xlsx: Buffer | Uint8Array | ArrayBuffer): Promise<SheetScopedName[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const file = zip.file(WORKBOOK_XML);
  if (!file) return [];
  const xml = await file.async('string');
  const sheets: string[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    if (name !== undefined) sheets.push(name);
  }
  const out: SheetScopedName[] = [];
  const re = /<((?:[\w.-]+:)?)definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1definedName>)/g;
  for (const m of xml.matchAll(re)) {
    const tag = `<x ${m[2]}>`;
    const name = attr(tag, 'name');
    const local = attr(tag, 'localSheetId');
    if (name === undefined || local === undefined) continue;
    const idx = Number(local);
    if (!Number.isInteger(idx) || idx < 0 || idx >= sheets.length) continue;
    const { sheet, ref } = splitRef(unescapeXml(m[3] ?? ''));
    out.push(sheet === undefined ? { sheetName: sheets[idx], name, ref } : { sheetName: sheets[idx], name, ref, refSheet: sheet });
  }
  return out;
}
