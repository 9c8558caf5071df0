/**
 * The cell formats of a workbook written from SheetPlans (`xlsx/plan-workbook`): fonts, fills,
 * borders, number formats and the cell formats (`xf`) that join them, each written once and
 * numbered in the order first used — the same `xl/styles.xml` the ExcelJS writer (`xlsx/writer`)
 * makes of the same plans, so a workbook is the same whichever of the two wrote it.
 */

/** `<?xml …?>` and a line feed, as every part starts. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Text or an attribute value as the workbook's parts carry it: the five XML specials as entities,
 * the C0 controls XML 1.0 cannot hold (tab, line feed and carriage return kept) and DEL left out.
 */
export function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/.test(s)) return s;
  // eslint-disable-next-line no-control-regex
  return s.replace(/[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ENTITIES[c] ?? '');
}

const ENTITIES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** The built-in number formats (ECMA-376 §18.8.30) by their code: written by id, not in `numFmts`. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '# ?/?': 12,
  '# ??/??': 13,
  'mm-dd-yy': 14,
  'd-mmm-yy': 15,
  'd-mmm': 16,
  'mmm-yy': 17,
  'h:mm AM/PM': 18,
  'h:mm:ss AM/PM': 19,
  'h:mm': 20,
  'h:mm:ss': 21,
  'm/d/yy "h":mm': 22,
  '#,##0 ;(#,##0)': 37,
  '#,##0 ;[Red](#,##0)': 38,
  '#,##0.00 ;(#,##0.00)': 39,
  '#,##0.00 ;[Red](#,##0.00)': 40,
  'mm:ss': 45,
  '[h]:mm:ss': 46,
  'mmss.0': 47,
  '##0.0E+0': 48,
  '@': 49,
};

export interface FontModel {
  name: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
  /** `AARRGGBB`. */
  argb?: string;
}

/** One cell's format, as the plan gives it (several cells of a merged area share one). */
export interface CellFormat {
  numFmt?: string;
  font?: FontModel;
  /** Solid fill, `AARRGGBB`. */
  fill?: string;
  /** Thin black borders on every edge. */
  border?: boolean;
  alignment?: { horizontal?: string; vertical?: string; wrapText?: boolean };
  unlocked?: boolean;
}

/** What a cell holds, for its default number format: a number is General, a date `mm-dd-yy`. */
export type CellKind = 'number' | 'date' | 'other';

const THIN = '<color rgb="FF000000"/>';
const THIN_BORDER = `<border><left style="thin">${THIN}</left><right style="thin">${THIN}</right><top style="thin">${THIN}</top><bottom style="thin">${THIN}</bottom><diagonal/></border>`;

/** A list of XML items, each written once: the index of an item. */
class Items {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(initial: string[] = []) {
    for (const x of initial) this.add(x);
  }

  add(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(xml, i);
      this.list.push(xml);
    }
    return i;
  }
}

function fontXml(f: FontModel): string {
  return `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.argb ? `<color rgb="${xmlText(f.argb)}"/>` : ''}<sz val="${f.size}"/><name val="${xmlText(f.name)}"/></font>`;
}

function alignmentXml(a: NonNullable<CellFormat['alignment']>): string {
  let attrs = '';
  if (a.horizontal) attrs += ` horizontal="${xmlText(a.horizontal)}"`;
  if (a.vertical) attrs += ` vertical="${a.vertical === 'middle' ? 'center' : xmlText(a.vertical)}"`;
  if (a.wrapText) attrs += ' wrapText="1"';
  return attrs === '' ? '' : `<alignment${attrs}/>`;
}

/** The workbook's formats: `of` gives a cell's `s` index, `xml` the styles part. */
export class StyleBook {
  private readonly numFmts: string[] = [];
  private readonly numFmtIds = new Map<string, number>();
  private readonly fonts = new Items(['<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>']);
  private readonly fills = new Items(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  private readonly borders = new Items(['<border><left/><right/><top/><bottom/><diagonal/></border>']);
  private readonly xfs = new Items(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  /** A format shared by several cells (a merged area) is numbered once, by its first cell. */
  private readonly seen = new Map<CellFormat, number>();

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.length;
      this.numFmtIds.set(code, id);
      this.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`);
    }
    return id;
  }

  /** The cell format index (`s`) of a cell of this format holding this kind of value. */
  of(f: CellFormat, kind: CellKind): number {
    const known = this.seen.get(f);
    if (known !== undefined) return known;
    const numFmtId = f.numFmt !== undefined ? this.numFmtId(f.numFmt) : kind === 'date' ? 14 : 0;
    const fontId = f.font ? this.fonts.add(fontXml(f.font)) : 0;
    const borderId = f.border ? this.borders.add(THIN_BORDER) : 0;
    const fillId = f.fill !== undefined ? this.fills.add(`<fill><patternFill patternType="solid"><fgColor rgb="${xmlText(f.fill)}"/></patternFill></fill>`) : 0;
    let xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (numFmtId) xf += ' applyNumberFormat="1"';
    if (fontId) xf += ' applyFont="1"';
    if (fillId) xf += ' applyFill="1"';
    if (borderId) xf += ' applyBorder="1"';
    if (f.alignment) xf += ' applyAlignment="1"';
    if (f.unlocked) xf += ' applyProtection="1"';
    const inner = (f.alignment ? alignmentXml(f.alignment) : '') + (f.unlocked ? '<protection locked="0"/>' : '');
    const id = this.xfs.add(inner === '' ? `${xf}/>` : `${xf}>${inner}</xf>`);
    this.seen.set(f, id);
    return id;
  }

  /** `xl/styles.xml`. */
  xml(): string {
    const list = (tag: string, items: string[], extra = ''): string => `<${tag} count="${items.length}"${extra}>${items.join('')}</${tag}>`;
    return (
      `${XML_DECLARATION}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">` +
      (this.numFmts.length > 0 ? list('numFmts', this.numFmts) : '') +
      list('fonts', this.fonts.list, ' x14ac:knownFonts="1"') +
      list('fills', this.fills.list) +
      list('borders', this.borders.list) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs.list) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>' +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext>' +
      '<ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>'
    );
  }
}
