/**
 * A fast path of the `.xlsx` reader for reading many workbooks in a row (consolidation of
 * thousands of units): the sheet XML is scanned directly for the cells the tables need, without
 * building ExcelJS's workbook model (styles, every cell object), which costs most of the time.
 *
 * It gives the same TableRead as `readWorkbookBytes` (test/fast-read.test.ts compares them): same
 * package checks and limits, values normalised the same way (shared and rich strings as plain text,
 * numbers in a date format as `Date`, errors as `{ error }`, merged continuation cells blank).
 * Anything it does not handle the same way — shared formulas (LibreOffice writes them), cells
 * without an address, 1904 dates, `t="d"` cells — sends the whole file to `readWorkbookBytes`.
 * No Node API: it runs in the browser as well.
 */
import type { CellValue, TableRead, WorkbookRead } from '../core/read';
import type { CellContent, SheetName } from '../core/assemble';
import { findMarker, readTable } from '../core/locate';
import type { TemplateSource } from '../core/catalog';
import { BUILTIN_CATALOG } from '../core/builtin';
import { cellsOf, parseAddress, parseRange } from '../core/a1';
import { parseSheetScopedNames, quoteSheetName, unescapeXml } from './names-xml';
import { WorkbookReadError } from './errors';
import { ZIP_LIMITS, type ZipLimits } from './zip';
import { openPackage, readWorkbookBytes } from './read';

/** This file needs the full reader. */
class Unsupported extends Error {}

const decoder = new TextDecoder('utf-8');

function text(parts: Map<string, Uint8Array>, name: string): string | null {
  const p = parts.get(name);
  return p ? decoder.decode(p) : null;
}

/** The pattern of each attribute name asked for, made once (a scan asks for a few names, thousands of times). */
const ATTR_PATTERNS = new Map<string, RegExp>();

function attr(tag: string, name: string): string | undefined {
  let re = ATTR_PATTERNS.get(name);
  if (!re) ATTR_PATTERNS.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? unescapeXml(m[2] ?? m[3] ?? '') : undefined;
}

/** Plain text of an `<si>` or `<is>`: its `<t>` runs, phonetic runs left out. */
function runsText(xml: string): string {
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  const re = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) out += unescapeXml(m[1] ?? '');
  return out;
}

function sharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  const out: string[] = [];
  const re = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(runsText(m[1] ?? ''));
  return out;
}

/** ExcelJS's test: a number format with date or time letters outside quotes and brackets. */
function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** For each cell style index: does it format numbers as dates? */
function dateStyles(xml: string | null): boolean[] {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const fmts = /<numFmt\b[^>]*>/g;
  for (let m = fmts.exec(xml); m; m = fmts.exec(xml)) custom.set(Number(attr(m[0], 'numFmtId')), attr(m[0], 'formatCode') ?? '');
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!xfs) return [];
  const out: boolean[] = [];
  const re = /<xf\b[^>]*>/g;
  for (let m = re.exec(xfs[1]); m; m = re.exec(xfs[1])) {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    out.push(custom.has(id) ? isDateFormat(custom.get(id)) : BUILTIN_DATE_FORMATS.has(id));
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
  const re = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const tag = m[1];
    const r = attr(tag, 'r');
    if (r === undefined) throw new Unsupported();
    const body = m[2] ?? '';
    const type = attr(tag, 't') ?? 'n';
    const style = Number(attr(tag, 's') ?? 0);
    let formula: string | null = null;
    const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
    if (f) {
      if (attr(f[1], 't') === 'shared' && (f[2] === undefined || f[2] === '')) throw new Unsupported();
      const ft = unescapeXml(f[2] ?? '');
      if (ft.trim() !== '') formula = ft.startsWith('=') ? ft : `=${ft}`;
    }
    const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(body);
    const raw = v ? unescapeXml(v[1]) : undefined;
    let value: CellValue = null;
    switch (type) {
      case 's':
        if (raw !== undefined) value = strings[Number(raw)] ?? null;
        break;
      case 'inlineStr': {
        const is = /<is\b[^>]*>([\s\S]*?)<\/is>/.exec(body);
        value = is ? runsText(is[1]) : null;
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
      default:
        throw new Unsupported();
    }
    cells.set(r, { value, formula });
  }
  const merged = new Set<string>();
  const mr = /<mergeCell\b[^>]*>/g;
  for (let m = mr.exec(xml); m; m = mr.exec(xml)) {
    const ref = attr(m[0], 'ref');
    if (!ref) continue;
    const all = cellsOf(parseRange(ref));
    for (let i = 1; i < all.length; i++) merged.add(all[i]);
  }
  return { cells, merged };
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

function readParts(parts: Map<string, Uint8Array>, templates: TemplateSource): WorkbookRead {
  const workbook = text(parts, 'xl/workbook.xml') as string;
  if (/<workbookPr\b[^>]*\sdate1904\s*=\s*["'](1|true)["']/.test(workbook)) throw new Unsupported();
  const rels = text(parts, 'xl/_rels/workbook.xml.rels');
  if (rels === null) throw new Unsupported();
  const targets = new Map<string, { type: string; target: string }>();
  const rr = /<Relationship\b[^>]*>/g;
  for (let m = rr.exec(rels); m; m = rr.exec(rels)) {
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
  const tables: TableRead[] = [];
  const sheets = /<sheet\b[^>]*>/g;
  for (let m = sheets.exec(workbook); m; m = sheets.exec(workbook)) {
    const name = attr(m[0], 'name');
    const rid = /\sr:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
    if (name === undefined || rid === undefined) throw new Unsupported();
    const names = bySheet.get(name) ?? [];
    const target = targets.get(rid);
    const xml = target ? text(parts, target.target) : null;
    if (xml === null) throw new Unsupported();
    const sheet = readSheet(xml, strings, dates);
    // A sheet without names may still hold a table whose names were lost (see core/locate).
    const texts: { row: number; col: number; value: unknown }[] = [];
    for (const [a, c] of sheet.cells) {
      if (typeof c.value !== 'string' || sheet.merged.has(a)) continue;
      const p = parseAddress(a);
      texts.push({ row: p.row, col: p.col, value: c.value });
    }
    const cellOf = (a: string): CellContent => (sheet.merged.has(a) ? { value: null, formula: null } : (sheet.cells.get(a) ?? { value: null, formula: null }));
    const t = readTable(templates, name, names, cellOf, findMarker(texts));
    if (t) tables.push(t);
  }
  return { tables };
}

/**
 * Reads every recognised table of the workbook in `bytes`, in sheet order; the same result as
 * `readWorkbookBytes`, usually several times faster.
 * @throws WorkbookReadError when the bytes are not a readable workbook, or one beyond `limits`.
 */
export async function readWorkbookFast(bytes: Uint8Array | ArrayBuffer, templates: TemplateSource = BUILTIN_CATALOG, limits: ZipLimits = ZIP_LIMITS): Promise<WorkbookRead> {
  const buf = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const parts = openPackage(buf, limits);
  try {
    return readParts(parts, templates);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    // Unsupported, or XML this scanner does not expect: the full reader decides.
    return readWorkbookBytes(buf, templates, limits);
  } finally {
    parts.clear();
  }
}
