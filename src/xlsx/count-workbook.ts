/**
 * The workbook `bieumau count` writes, as bytes: the counted tables laid out as `bieumau new` lays
 * them out, each entry cell a live COUNTIFS over the register sheets and the table's own Từ ngày /
 * Đến ngày cells, then one register sheet per register (an Excel table: the columns read, the date
 * counted, the type, the column each table counts the row in, and why). Change the period or a row's
 * column and the counts follow. Browser-safe: bytes out, no file system.
 *
 * Nothing here loads ExcelJS: the tables' parts are written as text (`xlsx/plan-workbook`, the same
 * parts the ExcelJS writer makes of the same plans), the register sheets as UTF-8 bytes straight
 * into the package (a cell model is too slow for a province's year of registers).
 */
import { strToU8, Zip } from 'fflate';
import { deflatedEntry } from './zip';
import type { LayoutOptions } from '../core/forms/plan';
import type { Template } from '../core/forms/template';
import { entryColumns } from '../core/forms/template';
import { columnLetters } from '../core/a1';
import { countedPlan, registerColumns, registerSheetName, type SheetColumn } from '../core/count/count-plan';
import { classifyRegister, countedTemplates, summarise, type CountSource, type CountSummary, type Period, type RegisterCount } from '../core/count/count';
import { registerFindings } from '../core/count/count-findings';
import { CROSS_TABLE_RULES, TEMPLATES } from '../core/forms/builtin';
import type { Finding } from '../core/check/findings';
import { escapeXml } from '../core/xml';
import { planWorkbookParts } from './plan-workbook';
import { uniqueSheetNames } from './sheet-names';


export interface CountWorkbookInput {
  templates: readonly Template[];
  options: LayoutOptions;
  registers: readonly RegisterCount[];
  summary: CountSummary;
}

/** Where each register's rows are in the written workbook (for findings). */
export interface CountWorkbookLayout {
  registerSheets: string[];
}

/** The bytes of the counted workbook. */
export async function countWorkbook(input: CountWorkbookInput): Promise<{ bytes: Uint8Array; layout: CountWorkbookLayout }> {
  const tableNames = input.templates.map((t) => t.name.vi);
  const names = uniqueSheetNames([...tableNames, ...input.registers.map((r) => registerSheetName(r.source.register.kind))]);
  const sheets = input.registers.map((rc, i) => ({ name: names[input.templates.length + i], kind: rc.source.register.kind, cols: registerColumns(rc, input.templates), rc }));
  const plans = input.templates.map((t) => countedPlan(t, input.options, sheets, input.summary));
  return { bytes: await withRegisterSheets(planWorkbookParts(plans), sheets), layout: { registerSheets: sheets.map((s) => s.name) } };
}

// ---------------------------------------------------------------------------------------------
// SpreadsheetML for the register sheets

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_WORKSHEET = `${REL_NS}/worksheet`;
const REL_TABLE = `${REL_NS}/table`;
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';

/** Adds a dd/mm/yyyy date style and a bold header style to styles.xml: their cellXfs indexes. */
function addStyles(styles: string): { xml: string; date: number; header: number } {
  const ids = [...styles.matchAll(/numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
  const fmt = Math.max(163, ...ids) + 1;
  let xml = styles;
  if (/<numFmts[^>]*\/>/.test(xml)) xml = xml.replace(/<numFmts[^>]*\/>/, `<numFmts count="1"><numFmt numFmtId="${fmt}" formatCode="dd/mm/yyyy"/></numFmts>`);
  else if (xml.includes('<numFmts')) xml = xml.replace(/<numFmts count="(\d+)">/, (_m, n: string) => `<numFmts count="${Number(n) + 1}"><numFmt numFmtId="${fmt}" formatCode="dd/mm/yyyy"/>`);
  else xml = xml.replace(/(<styleSheet[^>]*>)/, `$1<numFmts count="1"><numFmt numFmtId="${fmt}" formatCode="dd/mm/yyyy"/></numFmts>`);
  // A bold font for the header.
  const fontsCount = Number(/<fonts count="(\d+)"/.exec(xml)?.[1] ?? '0');
  xml = xml.replace(/<fonts count="\d+"([^>]*)>/, `<fonts count="${fontsCount + 1}"$1>`).replace('</fonts>', '<font><b/><sz val="11"/><name val="Times New Roman"/></font></fonts>');
  const xfs = /<cellXfs count="(\d+)">/.exec(xml);
  if (!xfs) throw new Error('styles.xml has no cellXfs');
  const base = Number(xfs[1]);
  xml = xml
    .replace(/<cellXfs count="\d+">/, `<cellXfs count="${base + 2}">`)
    .replace('</cellXfs>', `<xf numFmtId="${fmt}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="${fontsCount}" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>`);
  return { xml, date: base, header: base + 1 };
}

/** The shared strings of the package: ExcelJS's, then the register sheets' (each text once). */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly added: string[] = [];
  private refs = 0;

  constructor(private readonly base: number) {}

  of(text: string): number {
    this.refs++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.base + this.added.length;
      this.index.set(text, i);
      this.added.push(text);
    }
    return i;
  }

  /** `sst` with the added strings appended and its counts raised. */
  appendTo(sst: string): string {
    const items = this.added.map((t) => `<si><t${t !== t.trim() ? ' xml:space="preserve"' : ''}>${xmlText(t)}</t></si>`).join('');
    return sst
      .replace(/<sst\b([^>]*)>/, (_m, attrs: string) => {
        const count = Number(/\bcount="(\d+)"/.exec(attrs)?.[1] ?? this.base) + this.refs;
        const kept = attrs.replace(/\s(?:count|uniqueCount)="\d+"/g, '');
        return `<sst${kept} count="${count}" uniqueCount="${this.base + this.added.length}">`;
      })
      .replace('</sst>', `${items}</sst>`);
  }
}

/** Element text; characters XML 1.0 cannot hold (an export may carry them) are left out. */
function xmlText(v: string): string {
  return escapeXml(v);
}

/** Joins encoded chunks into one array. */
function concat(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((a, c) => a + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The start of a register sheet's XML, up to its header row. */
function sheetHead(cols: SheetColumn[], letters: string[], lastRow: number, header: number, sst: SharedStrings): string {
  let part = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">`;
  part += `<dimension ref="A1:${letters[letters.length - 1]}${lastRow}"/>`;
  part += '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>';
  part += '<sheetFormatPr defaultRowHeight="15"/><cols>';
  cols.forEach((c, i) => (part += `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`));
  part += '</cols><sheetData><row r="1">';
  cols.forEach((c, i) => (part += `<c r="${letters[i]}1" s="${header}" t="s"><v>${sst.of(c.header)}</v></c>`));
  return `${part}</row>`;
}

const encoder = new TextEncoder();
/** About this many bytes of XML are handed on at a time. */
const CHUNK = 1 << 20;

/**
 * UTF-8 bytes written straight into a buffer, handed on a chunk at a time: the markup (ASCII) a
 * character at a time, numbers as digits, texts encoded in place — no string per cell or row.
 */
class ByteChunks {
  private buf = new Uint8Array(CHUNK + (64 << 10));
  private at = 0;

  constructor(private readonly emit: (chunk: Uint8Array, last: boolean) => void) {}

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
    bigger.set(this.buf.subarray(0, this.at));
    this.buf = bigger;
  }

  /** Markup: ASCII only. */
  ascii(s: string): void {
    this.room(s.length);
    const { buf } = this;
    let at = this.at;
    for (let i = 0; i < s.length; i++) buf[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /** A number as `${n}` writes it. */
  number(n: number): void {
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) return this.ascii(String(n));
    this.room(10);
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    let at = this.at + digits;
    this.at = at;
    for (let x = n; digits > 0; digits--, x = Math.floor(x / 10)) this.buf[--at] = 48 + (x % 10);
  }

  /** Any text, in UTF-8 (at most three bytes a UTF-16 unit). */
  text(s: string): void {
    this.room(s.length * 3);
    this.at += encoder.encodeInto(s, this.buf.subarray(this.at)).written;
  }

  /**
   * Hands on what is written when it has reached a chunk (or it is the last): a view of the buffer,
   * written over afterwards — the zip entry checksums and deflates it (or copies it) at once.
   */
  flush(last: boolean): void {
    if (!last && this.at < CHUNK) return;
    this.emit(this.buf.subarray(0, this.at), last);
    this.at = 0;
  }
}

/** One row's XML: each cell as little as it needs (see `writeSheetXml`). */
function writeRow(out: ByteChunks, cols: SheetColumn[], letters: string[], rc: RegisterCount, i: number, dateStyle: string, sst: SharedStrings): void {
  const r = i + 2;
  out.ascii('<row r="');
  out.number(r);
  out.ascii('">');
  for (let j = 0; j < cols.length; j++) {
    const c = cols[j];
    const v = c.value(rc, i);
    if (v === null) continue;
    out.ascii('<c r="');
    out.ascii(letters[j]);
    out.number(r);
    if (typeof v === 'number') {
      out.ascii(c.date ? `"${dateStyle}><v>` : '"><v>');
      out.number(v);
      out.ascii('</v></c>');
    } else if (c.unique) {
      out.ascii(v !== v.trim() ? '" t="inlineStr"><is><t xml:space="preserve">' : '" t="inlineStr"><is><t>');
      out.text(xmlText(v));
      out.ascii('</t></is></c>');
    } else {
      out.ascii('" t="s"><v>');
      out.number(sst.of(v));
      out.ascii('</v></c>');
    }
  }
  out.ascii('</row>');
}

/**
 * The sheet's XML as UTF-8, handed to `emit` about a megabyte at a time (no one giant string or
 * array for a year of registers). Each cell as little as it needs: its address, a style only on
 * dates, numbers as numbers, text through the shared strings — but each row's own texts (symbol,
 * summary) inline, where looking them up among the other rows' would gain nothing.
 */
function writeSheetXml(sheet: { cols: SheetColumn[]; rc: RegisterCount }, styles: { date: number; header: number }, sst: SharedStrings, emit: (chunk: Uint8Array, last: boolean) => void): number {
  const { cols, rc } = sheet;
  const letters = cols.map((_c, i) => columnLetters(i + 1));
  const lastRow = Math.max(2, rc.rows.length + 1);
  const dateStyle = ` s="${styles.date}"`;
  const out = new ByteChunks(emit);
  out.text(sheetHead(cols, letters, lastRow, styles.header, sst));
  const n = rc.rows.length;
  for (let i = 0; i < n; i++) {
    writeRow(out, cols, letters, rc, i, dateStyle, sst);
    out.flush(false);
  }
  out.ascii('</sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>');
  out.flush(true);
  return lastRow;
}

function tableXml(id: number, name: string, cols: SheetColumn[], lastRow: number): string {
  const ref = `A1:${columnLetters(cols.length)}${lastRow}`;
  const columns = cols.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeXml(c.header)}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" headerRowCount="1">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${cols.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

/** A register sheet to write: its name, its columns and the register's rows as counted. */
interface RegisterSheet {
  name: string;
  cols: SheetColumn[];
  rc: RegisterCount;
}

/** A register sheet with the names of its parts in the package. */
interface Placed {
  s: RegisterSheet;
  i: number;
  file: string;
  table: string;
  tableId: number;
}

const SST = 'xl/sharedStrings.xml';

/**
 * The register sheets named in the tables' parts (workbook, relationships, content types, the two
 * styles they use); the shared strings to continue from.
 */
function placeRegisterSheets(parts: Map<string, string>, sheets: RegisterSheet[]): { placed: Placed[]; styles: { date: number; header: number }; sst: SharedStrings; sstXml: string } {
  const get = (p: string): string => {
    const b = parts.get(p);
    if (b === undefined) throw new Error(`${p} missing from the package`);
    return b;
  };
  const workbook = get('xl/workbook.xml');
  const rels = get('xl/_rels/workbook.xml.rels');
  const styles = addStyles(get('xl/styles.xml'));
  parts.set('xl/styles.xml', styles.xml);
  const hadStrings = parts.has(SST);
  const sstXml = hadStrings ? get(SST) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="0" uniqueCount="0"></sst>`;
  const sheetIds = [...workbook.matchAll(/<sheet\b[^>]*\bsheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const relIds = [...rels.matchAll(/\bId="rId(\d+)"/g)].map((m) => Number(m[1]));
  let nextSheetId = Math.max(0, ...sheetIds) + 1;
  let nextRel = Math.max(0, ...relIds) + 1;
  let nextFile = 1;
  while (parts.has(`xl/worksheets/sheet${nextFile}.xml`)) nextFile++;
  let nextTable = 1;
  while (parts.has(`xl/tables/table${nextTable}.xml`)) nextTable++;
  // Every new part's name is known before any is written.
  const placed = sheets.map((s, i) => ({ s, i, file: `sheet${nextFile + i}.xml`, table: `table${nextTable + i}.xml`, tableId: nextTable + i }));
  let newSheets = '';
  let newRels = '';
  let newTypes = '';
  for (const { s, file, table } of placed) {
    newSheets += `<sheet name="${escapeXml(s.name)}" sheetId="${nextSheetId++}" r:id="rId${nextRel}"/>`;
    newRels += `<Relationship Id="rId${nextRel++}" Type="${REL_WORKSHEET}" Target="worksheets/${file}"/>`;
    newTypes += `<Override PartName="/xl/worksheets/${file}" ContentType="${CT_WORKSHEET}"/><Override PartName="/xl/tables/${table}" ContentType="${CT_TABLE}"/>`;
  }
  if (!hadStrings) {
    newRels += `<Relationship Id="rId${nextRel++}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`;
    newTypes += `<Override PartName="/${SST}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`;
  }
  parts.set('xl/workbook.xml', workbook.replace('</sheets>', `${newSheets}</sheets>`));
  parts.set('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', `${newRels}</Relationships>`));
  parts.set('[Content_Types].xml', get('[Content_Types].xml').replace('</Types>', `${newTypes}</Types>`));
  return { placed, styles, sst: new SharedStrings((sstXml.match(/<si\b/g) ?? []).length), sstXml };
}

/** The package: the tables' parts (`xlsx/plan-workbook`) and the register sheets added to them. */
function withRegisterSheets(parts: Map<string, string>, sheets: RegisterSheet[]): Promise<Uint8Array> {
  const { placed, styles, sst, sstXml } = placeRegisterSheets(parts, sheets);
  // The package is written as a stream, each part deflated as it is produced: the tables' parts (the
  // content types first, as packages start), the register sheets a megabyte of XML at a time (fast
  // deflate: a year of registers is tens of MB of XML; beside this program where the host can),
  // then the shared strings, complete by then. The package is whole when the last output has come.
  return new Promise((resolve, reject) => {
    const out: Uint8Array[] = [];
    const zip = new Zip((err, data, final) => {
      if (err) return reject(err);
      out.push(data);
      if (final) resolve(concat(out));
    });
    const addPart = (name: string, data: Uint8Array): void => {
      const f = deflatedEntry(name, data.length > 1 << 20 ? 1 : 6);
      zip.add(f);
      f.push(data, true);
    };
    const names = [...parts.keys()].filter((p) => p !== SST);
    names.sort((x, y) => Number(y === '[Content_Types].xml') - Number(x === '[Content_Types].xml'));
    for (const name of names) addPart(name, strToU8(parts.get(name) as string));
    for (const { s, i, file, table, tableId } of placed) {
      const f = deflatedEntry(`xl/worksheets/${file}`, 1, true);
      zip.add(f);
      const lastRow = writeSheetXml(s, styles, sst, (chunk, last) => f.push(chunk, last));
      addPart(
        `xl/worksheets/_rels/${file}.rels`,
        strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TABLE}" Target="../tables/${table}"/></Relationships>`),
      );
      addPart(`xl/tables/${table}`, strToU8(tableXml(tableId, `SoVanBan${i + 1}`, s.cols, lastRow)));
    }
    addPart(SST, strToU8(sst.appendTo(sstXml)));
    zip.end();
  });
}

/**
 * The whole count, as the command line and the web page run it: every register classified by the
 * built-in tables' rules, the period's figures (only the columns whose register kind was given:
 * the others stay for the clerk), the workbook's bytes and the register findings (made when first read).
 */
export async function countRegisters(
  sources: readonly CountSource[],
  period: Period,
  unit?: string,
): Promise<{ summary: CountSummary; bytes: Uint8Array; findings: Finding[]; templates: Template[] }> {
  const templates = countedTemplates(TEMPLATES);
  const classified = sources.map((s) => classifyRegister(templates, CROSS_TABLE_RULES, s));
  const summary = summarise(templates, classified, period);
  const kinds = new Set(sources.map((s) => s.register.kind));
  const given = new Set(templates.flatMap((t) => entryColumns(t).filter((c) => c.count && kinds.has(c.count.register)).map((c) => `${t.id}:${c.id}`)));
  summary.counts = summary.counts.filter((c) => given.has(`${c.table}:${c.column}`));
  const options: LayoutOptions = { from: period.from, to: period.to, ...(unit !== undefined ? { unit } : {}) };
  const { bytes, layout } = await countWorkbook({ templates, options, registers: classified, summary });
  // The findings only when asked for (the JSON of the command line does not list them).
  let findings: Finding[] | undefined;
  return {
    summary,
    bytes,
    templates,
    get findings(): Finding[] {
      return (findings ??= registerFindings(classified, layout.registerSheets.map((sheet) => ({ sheet, firstRow: 2 })), period));
    },
  };
}
