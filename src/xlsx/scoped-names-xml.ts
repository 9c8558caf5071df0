/**
 * Reading the sheet-scoped defined names out of the text of `xl/workbook.xml`. No zip library and
 * no Node API here: the bytes reader (`xlsx/read-workbook`) takes this part alone into the browser.
 */
import { splitSheetRef } from '../core/a1';

/**
 * The text of an XML text or attribute value: the five predefined entities and character references
 * replaced (a reference beyond U+10FFFF reads as the replacement character, not a throw); any other
 * `&` left as written.
 */
export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  // A long text (an attribute of megabytes) is scanned once into a buffer: a pattern's callback per
  // reference costs seconds and hundreds of megabytes for millions of them.
  if (s.length > LONG_TEXT) return unescapeLong(s);
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
        return codePointText(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/** Texts longer than this are unescaped by `unescapeLong`. */
const LONG_TEXT = 64 * 1024;

function codePointText(code: number): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
}

const NAMED: readonly [string, number][] = [
  ['amp;', 38],
  ['lt;', 60],
  ['gt;', 62],
  ['quot;', 34],
  ['apos;', 39],
];

function isDigit(c: number, hex: boolean): boolean {
  return (c >= 48 && c <= 57) || (hex && ((c >= 65 && c <= 70) || (c >= 97 && c <= 102)));
}

/** `unescapeXml` in one pass into a buffer of UTF-16 units (the text never grows), joined in chunks. */
function unescapeLong(s: string): string {
  const n = s.length;
  const out = new Uint16Array(n);
  let o = 0;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 38) {
      let unit = -1;
      let end = i;
      for (const [name, u] of NAMED) {
        if (s.startsWith(name, i + 1)) {
          unit = u;
          end = i + 1 + name.length;
          break;
        }
      }
      if (unit >= 0) {
        out[o++] = unit;
        i = end;
        continue;
      }
      if (s.charCodeAt(i + 1) === 35) {
        const hex = s.charCodeAt(i + 2) === 120;
        const from = i + (hex ? 3 : 2);
        let j = from;
        while (j < n && isDigit(s.charCodeAt(j), hex)) j++;
        if (j > from && s.charCodeAt(j) === 59) {
          const text = codePointText(parseInt(s.slice(from, j), hex ? 16 : 10));
          for (let k = 0; k < text.length; k++) out[o++] = text.charCodeAt(k);
          i = j + 1;
          continue;
        }
      }
    }
    out[o++] = c;
    i++;
  }
  const chunks: string[] = [];
  for (let k = 0; k < o; k += 8192) chunks.push(String.fromCharCode(...out.subarray(k, Math.min(o, k + 8192))));
  return chunks.join('');
}

/** `'Biểu 01'`, `'Anh''s'`: always quoted, quotes doubled (valid for every sheet name). */
export function quoteSheetName(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}

/** The pattern of each attribute name asked for, made once (a workbook holds hundreds of names). */
const ATTR_PATTERNS = new Map<string, RegExp>();

function attr(tag: string, name: string): string | undefined {
  let re = ATTR_PATTERNS.get(name);
  if (!re) ATTR_PATTERNS.set(name, (re = new RegExp(`\\s(?:[\\w.-]+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
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

/** Every sheet-scoped defined name in the text of `xl/workbook.xml` (workbook-scoped names are not returned). */
export function parseSheetScopedNames(xml: string): SheetScopedName[] {
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
