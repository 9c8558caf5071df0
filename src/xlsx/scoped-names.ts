/**
 * Sheet-scoped defined names in an `.xlsx` package. ExcelJS drops `localSheetId`, so the writer
 * patches `xl/workbook.xml` after ExcelJS has written it, and readers parse the names from the
 * zip themselves with `readSheetScopedNames`.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { columnLetters, parseRange } from '../core/a1';
import { parseSheetScopedNames, quoteSheetName, type SheetScopedName } from './scoped-names-xml';
import { escapeXml } from '../core/xml';
import type { SheetPlan } from '../core/forms/plan';

const WORKBOOK_XML = 'xl/workbook.xml';

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
  return `<definedName name="${escapeXml(n.name)}" localSheetId="${n.localSheetId}">${escapeXml(n.formula)}</definedName>`;
}

/**
 * `xl/workbook.xml` with its `<definedNames>` replaced by `names` (built-in `_xlnm.*` names included:
 * the caller passes them, properly quoted).
 */
export function withSheetScopedNames(workbookXml: string, names: ScopedName[]): string {
  checkNames(names, (workbookXml.match(/<sheet\b/g) ?? []).length);
  const xml = workbookXml.replace(/<definedNames\s*\/>|<definedNames>[\s\S]*?<\/definedNames>/, '');
  if (names.length === 0) return xml;
  if (!xml.includes('</sheets>')) throw new Error(`${WORKBOOK_XML} has no <sheets>`);
  return xml.replace('</sheets>', `</sheets><definedNames>${names.map(definedNameXml).join('')}</definedNames>`);
}

/**
 * Replaces the `<definedNames>` of `xl/workbook.xml` with `names` (`withSheetScopedNames`). Other
 * parts of the package are left untouched.
 */
export async function writeSheetScopedNames(xlsx: Uint8Array | ArrayBuffer, names: ScopedName[]): Promise<Uint8Array> {
  const parts = unzipSync(xlsx instanceof Uint8Array ? xlsx : new Uint8Array(xlsx));
  const file = parts[WORKBOOK_XML];
  if (!file) throw new Error(`${WORKBOOK_XML} missing from the package`);
  const xml = withSheetScopedNames(strFromU8(file), names);
  // The parts in their order, deflated; bytes, not a Node Buffer: the writer runs in the browser too.
  const out: Zippable = {};
  for (const [name, data] of Object.entries(parts)) out[name] = name === WORKBOOK_XML ? strToU8(xml) : data;
  return zipSync(out, { level: 6 });
}

/** The sheet-scoped names of a workbook of plans: each sheet's print area and titles, then the plan's own. */
export function planNames(plans: readonly SheetPlan[], sheetNames: readonly string[]): ScopedName[] {
  const names: ScopedName[] = [];
  plans.forEach((plan, i) => {
    const sheet = sheetNames[i];
    names.push({ name: '_xlnm.Print_Area', localSheetId: i, formula: absoluteRef(sheet, plan.print.printArea) });
    names.push({ name: '_xlnm.Print_Titles', localSheetId: i, formula: absoluteRows(sheet, plan.print.titleRows) });
    for (const n of plan.names) names.push({ name: n.name, localSheetId: i, formula: absoluteRef(sheet, n.ref) });
  });
  return names;
}

/** Every sheet-scoped defined name of an `.xlsx` (workbook-scoped names are not returned). */
export async function readSheetScopedNames(xlsx: Uint8Array | ArrayBuffer): Promise<SheetScopedName[]> {
  const parts = unzipSync(xlsx instanceof Uint8Array ? xlsx : new Uint8Array(xlsx), { filter: (f) => f.name === WORKBOOK_XML });
  const file = parts[WORKBOOK_XML];
  if (!file) return [];
  return parseSheetScopedNames(strFromU8(file));
}
