/**
 * The `.docx` reader of the tie-out: a pure function over the file's bytes (CLI, pane and web page
 * alike; no Node API), giving the document model of `core/document`. It reads exactly the subset of
 * WordprocessingML a report's figures live in:
 *
 * - the body's paragraphs in order, runs joined (a number split across runs reads whole);
 *   `w:tab`, `w:br`, `w:cr` as a space;
 * - tracked changes: insertions (`w:ins`, `w:moveTo`) read, deletions (`w:del`, `w:moveFrom`,
 *   `w:delText`) never;
 * - fields: the result read, the code (`w:instrText`, between `fldChar` begin and separate) never;
 *   `w:fldSimple` gives its result runs;
 * - footnote and endnote references as marks beside the text (never digits in it); the notes
 *   themselves as paragraphs of their own after the body;
 * - tables as grids, merged cells (`gridSpan`, `vMerge`, `gridBefore`) filled with their origin;
 *   a table inside a cell reads as that cell's text;
 * - headers, footers, comments, drawings and text boxes left out.
 *
 * The package is opened with the workbook reader's zip limits (`xlsx/zip`); a part with a DOCTYPE is
 * refused (entities are never expanded). Other kinds of file get their own message: `.doc`
 * (Word 97–2003), `.odt`, `.pdf`, `.rtf`, a password-protected `.docx`, a workbook.
 */
import type { Text } from '../core/template';
import type { DocCell, DocParagraph, DocTable, DocumentModel, ParagraphKind } from '../core/document';
import { RefusalError } from '../core/refusals';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber } from '../core/numbers';
import { WorkbookReadError } from './errors';
import { OLE_SIGNATURE, oleDirectoryNames, startsWith } from './kind';
import { unescapeXml } from './names-xml';
import { unzipChecked, ZIP_LIMITS, type ZipLimits } from './zip';

export type DocumentRefusalKind = 'empty' | 'too-large' | 'doc' | 'odt' | 'pdf' | 'rtf' | 'encrypted' | 'workbook' | 'not-docx' | 'corrupt' | 'doctype';

/** A file that cannot be read as a Word report: `reason` is what the user is told. */
export class DocumentReadError extends RefusalError {
  constructor(
    readonly kind: DocumentRefusalKind,
    reason: Text,
  ) {
    // The catalogue's ids (core/refusals): a file that is no .docx at all is `not-xlsx`'s kin, `not-docx`.
    super({ id: kind === 'not-docx' ? 'cannot-read' : kind, message: reason });
    this.name = 'DocumentReadError';
  }
}

export const DOC_MESSAGE: Text = {
  vi: 'Đây là tệp Word 97–2003 (.doc): hãy mở bằng Word (hoặc LibreOffice Writer) và lưu thành Tài liệu Word (.docx), rồi thử lại.',
  en: 'This is a Word 97–2003 file (.doc): open it in Word (or LibreOffice Writer) and save it as a Word Document (.docx), then try again.',
};
export const ODT_MESSAGE: Text = {
  vi: 'Đây là tệp OpenDocument (.odt) của LibreOffice Writer: hãy mở và lưu thành Word (.docx) (Lưu thành, kiểu Word 2007-365), rồi thử lại.',
  en: 'This is an OpenDocument text (.odt) from LibreOffice Writer: open it and save it as Word (.docx) (Save As, type Word 2007-365), then try again.',
};
export const PDF_MESSAGE: Text = {
  vi: 'Đây là tệp PDF: số liệu trong PDF không được đọc (chữ có thể chỉ là hình); hãy dùng tệp Word (.docx) gốc của báo cáo.',
  en: "This is a PDF file: figures are not read from a PDF (its text may be only an image); use the report's original Word file (.docx).",
};
export const RTF_MESSAGE: Text = {
  vi: 'Đây là tệp RTF: hãy mở bằng Word và lưu thành Tài liệu Word (.docx), rồi thử lại.',
  en: 'This is an RTF file: open it in Word and save it as a Word Document (.docx), then try again.',
};
export const ENCRYPTED_DOCX_MESSAGE: Text = {
  vi: 'Tệp .docx được bảo vệ bằng mật khẩu (mã hóa): hãy mở bằng Word, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ Tài liệu > Mã hóa bằng Mật khẩu, xóa mật khẩu) rồi lưu lại.',
  en: 'The .docx file is password-protected (encrypted): open it in Word, remove the password (File > Info > Protect Document > Encrypt with Password, clear it) and save it again.',
};
export const WORKBOOK_NOT_REPORT_MESSAGE: Text = {
  vi: 'Đây là sổ tính Excel, không phải báo cáo Word: tệp .docx đặt trước, sổ tính .xlsx đặt sau.',
  en: 'This is an Excel workbook, not a Word report: give the .docx first and the .xlsx after it.',
};

function refuse(kind: DocumentRefusalKind, vi: string, en: string): DocumentReadError {
  return new DocumentReadError(kind, { vi, en });
}

const utf8 = new TextDecoder('utf-8');

// ---------------------------------------------------------------------------------------------
// XML: a small tokenizer for the parts read (no entity but the five predefined and character references)

interface Tag {
  /** Local name with its prefix, as written (`w:p`). */
  name: string;
  close: boolean;
  selfClosing: boolean;
  /** The tag's text is `src.slice(from, to)`, sliced only when an attribute is asked for (a part holds millions of tags). */
  src: string;
  from: number;
  to: number;
}

type Token = Tag | string;

/** Tokens of an XML text: tags and text runs (unescaped). Comments, PIs and CDATA handled; DOCTYPE refused. */
function tokenize(xml: string, part: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      out.push(unescapeXml(xml.slice(i)));
      break;
    }
    if (lt > i) out.push(unescapeXml(xml.slice(i, lt)));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      out.push(xml.slice(lt + 9, end < 0 ? n : end));
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<!', lt)) {
      // A DOCTYPE (or any declaration) may define entities: never expanded, the file is refused.
      throw refuse('doctype', `Tệp .docx có khai báo DOCTYPE trong phần "${part}" (có thể là tệp độc hại); tệp không được đọc.`, `The .docx file has a DOCTYPE declaration in the part "${part}" (possibly a hostile file); the file was not read.`);
    }
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    // A tag: up to the '>' outside quotes (the first '>' when the quotes before it are balanced).
    let j = xml.indexOf('>', lt + 1);
    if (j < 0) j = n;
    if (!balancedQuotes(xml, lt, Math.min(j + 1, n))) {
      let quote = '';
      for (j = lt + 1; j < n; j++) {
        const ch = xml[j];
        if (quote) {
          if (ch === quote) quote = '';
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '>') break;
      }
    }
    const end = Math.min(j + 1, n);
    const close = xml.charCodeAt(lt + 1) === 47;
    const selfClosing = !close && end - 2 >= lt && xml.charCodeAt(end - 2) === 47;
    // The name: up to white space, '/' or '>' (scanned, not matched: a part holds millions of tags).
    const from = lt + (close ? 2 : 1);
    let to = from;
    while (to < j && to < n) {
      const c = xml.charCodeAt(to);
      if (c === 47 || c === 62 || c === 32 || c === 9 || c === 10 || c === 13) break;
      to++;
    }
    out.push({ name: xml.slice(from, to), close, selfClosing, src: xml, from: lt, to: end });
    i = j + 1;
  }
  return out;
}

/** The pattern of each attribute name asked for, made once. */
const ATTRS = new Map<string, RegExp>();

/** Every quoted attribute value of the tag's text `xml[from, to)` is closed (no '>' inside a value cut it short). */
function balancedQuotes(xml: string, from: number, to: number): boolean {
  let quote = 0;
  for (let k = from; k < to; k++) {
    const ch = xml.charCodeAt(k);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) quote = ch;
  }
  return quote === 0;
}

function attr(tag: Tag, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag.src.slice(tag.from, tag.to));
  return m ? unescapeXml(m[2] ?? m[3] ?? '') : undefined;
}

/** The local name (`w:p` → `p`), so a document written with another prefix for the same namespace reads alike. */
function local(name: string): string {
  const c = name.indexOf(':');
  return c < 0 ? name : name.slice(c + 1);
}

// ---------------------------------------------------------------------------------------------
// Paragraphs and tables

/** Elements whose whole content is left out. */
const SKIPPED = new Set(['del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'pPr', 'rPr', 'sectPr', 'tblPr', 'tblGrid', 'trPr', 'drawing', 'pict', 'object', 'AlternateContent', 'commentReference', 'footnoteRef', 'endnoteRef', 'annotationRef', 'fldData']);

interface NoteCounter {
  /** Note id → its number, in the order referenced. */
  footnotes: Map<string, number>;
  endnotes: Map<string, number>;
}

interface ParaDraft {
  text: string;
  listItem: boolean;
  notes: DocParagraph['notes'];
}

interface RawTable {
  rows: { cells: { text: string; span: number; vMerge: 'restart' | 'continue' | null }[]; gridBefore: number }[];
}

type Block = { kind: 'p'; p: ParaDraft } | { kind: 'tbl'; t: RawTable };

/**
 * Reads the blocks of a body (or a note) from `tokens[start]` up to the closing of the element at
 * depth 0. Paragraph text follows the rules of this module's comment.
 */
class BlockReader {
  private i: number;
  constructor(
    private readonly tokens: Token[],
    start: number,
    private readonly notes: NoteCounter,
  ) {
    this.i = start;
  }

  /** Skips the element whose opening tag is at `this.i` (to after its closing tag). */
  private skipElement(): void {
    const open = this.tokens[this.i] as Tag;
    this.i++;
    if (open.selfClosing) return;
    let depth = 1;
    while (this.i < this.tokens.length && depth > 0) {
      const t = this.tokens[this.i++];
      if (typeof t === 'string') continue;
      if (t.close) depth--;
      else if (!t.selfClosing) depth++;
    }
  }

  /** Blocks up to the end of the current container (the closing tag at depth 0 is consumed). */
  blocks(): Block[] {
    const out: Block[] = [];
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i];
      if (typeof t === 'string') {
        this.i++;
        continue;
      }
      if (t.close) {
        this.i++;
        return out;
      }
      const name = local(t.name);
      if (name === 'p') {
        out.push({ kind: 'p', p: this.paragraph() });
      } else if (name === 'tbl') {
        out.push({ kind: 'tbl', t: this.table() });
      } else if (SKIPPED.has(name) || t.selfClosing) {
        this.skipElement();
      } else {
        // sdt, sdtContent, customXml, ins, …: transparent containers.
        this.i++;
        out.push(...this.blocks());
      }
    }
    return out;
  }

  private paragraph(): ParaDraft {
    const open = this.tokens[this.i++] as Tag;
    const p: ParaDraft = { text: '', listItem: false, notes: [] };
    if (open.selfClosing) return p;
    // Fields open in this paragraph: true while in the code part (begin … separate).
    const fields: boolean[] = [];
    /** How many of `fields` are in their code part (a count, not a scan: thousands of fields may be open). */
    let codeOpen = 0;
    const inCode = (): boolean => codeOpen > 0;
    let depth = 1;
    /** Inside a superscript run (`w:vertAlign superscript`): the depth of its content, else 0. */
    let superscript = 0;
    while (this.i < this.tokens.length && depth > 0) {
      const t = this.tokens[this.i];
      if (typeof t === 'string') {
        this.i++;
        continue;
      }
      if (t.close) {
        this.i++;
        if (depth === superscript) superscript = 0;
        depth--;
        continue;
      }
      const name = local(t.name);
      if (name === 'pPr') {
        // A numbered or bulleted paragraph (its numbering, not its text, says so).
        const start = this.i;
        this.skipElement();
        for (let k = start; k < this.i; k++) {
          const x = this.tokens[k];
          if (typeof x !== 'string' && !x.close && local(x.name) === 'numPr') p.listItem = true;
        }
        continue;
      }
      if (name === 'fldChar') {
        const type = attr(t, 'w:fldCharType');
        if (type === 'begin') {
          fields.push(true);
          codeOpen++;
        } else if (type === 'separate') {
          if (fields.length > 0 && fields[fields.length - 1]) {
            fields[fields.length - 1] = false;
            codeOpen--;
          }
        } else if (type === 'end' && fields.length > 0) {
          if (fields.pop()) codeOpen--;
        }
        this.skipElement();
        continue;
      }
      if (name === 'footnoteReference' || name === 'endnoteReference') {
        const kind = name === 'footnoteReference' ? 'footnote' : 'endnote';
        const id = attr(t, 'w:id') ?? '';
        const map = kind === 'footnote' ? this.notes.footnotes : this.notes.endnotes;
        let number = map.get(id);
        if (number === undefined) {
          number = map.size + 1;
          map.set(id, number);
        }
        if (!inCode()) p.notes.push({ offset: p.text.length, kind, number });
        this.skipElement();
        continue;
      }
      if (name === 't') {
        this.i++;
        if (t.selfClosing) continue;
        let s = '';
        while (this.i < this.tokens.length) {
          const x = this.tokens[this.i++];
          if (typeof x === 'string') s += x;
          else if (x.close) break;
        }
        if (inCode()) continue;
        // A typed note mark ("¹" written as a superscript "1", "(4)"): a mark, never a digit of the text.
        const mark = superscript > 0 ? /^\s*\(?(\d{1,3})\)?\s*$/.exec(s) : null;
        if (mark) {
          p.notes.push({ offset: p.text.length, kind: 'footnote', number: Number(mark[1]) });
          continue;
        }
        p.text += s;
        continue;
      }
      if (name === 'tab' || name === 'br' || name === 'cr' || name === 'ptab') {
        if (!inCode()) p.text += ' ';
        this.skipElement();
        continue;
      }
      if (name === 'noBreakHyphen') {
        if (!inCode()) p.text += '-';
        this.skipElement();
        continue;
      }
      if (name === 'sym') {
        this.skipElement();
        continue;
      }
      if (name === 'p') {
        // A paragraph inside a paragraph (a text box's content reached through a container): its text joins.
        const inner = this.paragraph();
        p.text += ` ${inner.text}`;
        continue;
      }
      if (SKIPPED.has(name) || t.selfClosing) {
        this.skipElement();
        continue;
      }
      if (name === 'r' && !t.selfClosing && this.superscriptRun()) superscript = depth + 1;
      // r, ins, moveTo, hyperlink, smartTag, fldSimple, sdt, sdtContent, …: read what they hold.
      this.i++;
      depth++;
    }
    return p;
  }

  /** The run opening at `this.i` is set in superscript (its `rPr` says `vertAlign superscript`). */
  private superscriptRun(): boolean {
    const next = this.tokens[this.i + 1];
    if (next === undefined || typeof next === 'string' || next.close || local(next.name) !== 'rPr' || next.selfClosing) return false;
    for (let k = this.i + 2; k < this.tokens.length; k++) {
      const x = this.tokens[k];
      if (typeof x === 'string') continue;
      if (x.close && local(x.name) === 'rPr') return false;
      if (!x.close && local(x.name) === 'vertAlign') return attr(x, 'w:val') === 'superscript';
    }
    return false;
  }

  private table(): RawTable {
    const open = this.tokens[this.i++] as Tag;
    const table: RawTable = { rows: [] };
    if (open.selfClosing) return table;
    let depth = 1;
    let row: RawTable['rows'][number] | null = null;
    while (this.i < this.tokens.length && depth > 0) {
      const t = this.tokens[this.i];
      if (typeof t === 'string') {
        this.i++;
        continue;
      }
      if (t.close) {
        this.i++;
        depth--;
        continue;
      }
      const name = local(t.name);
      if (name === 'tr') {
        row = { cells: [], gridBefore: 0 };
        table.rows.push(row);
        this.i++;
        depth++;
        continue;
      }
      if (name === 'trPr' || name === 'tblPrEx') {
        const start = this.i;
        this.skipElement();
        for (let k = start; k < this.i; k++) {
          const x = this.tokens[k];
          if (row && typeof x !== 'string' && !x.close && local(x.name) === 'gridBefore') row.gridBefore = Math.max(0, Math.min(1000, Number(attr(x, 'w:val') ?? '0') || 0));
        }
        continue;
      }
      if (name === 'tc') {
        if (!row) {
          row = { cells: [], gridBefore: 0 };
          table.rows.push(row);
        }
        row.cells.push(this.cell());
        continue;
      }
      if (SKIPPED.has(name) || t.selfClosing) {
        this.skipElement();
        continue;
      }
      // sdt, sdtContent, customXml around rows or cells
      this.i++;
      depth++;
    }
    return table;
  }

  private cell(): RawTable['rows'][number]['cells'][number] {
    const open = this.tokens[this.i++] as Tag;
    const c = { text: '', span: 1, vMerge: null as 'restart' | 'continue' | null };
    if (open.selfClosing) return c;
    // The cell's properties come first.
    const next = this.tokens[this.i];
    if (typeof next !== 'string' && !next.close && local(next.name) === 'tcPr') {
      const start = this.i;
      this.skipElement();
      for (let k = start; k < this.i; k++) {
        const x = this.tokens[k];
        if (typeof x === 'string' || x.close) continue;
        const n = local(x.name);
        if (n === 'gridSpan') c.span = Math.max(1, Math.min(1000, Number(attr(x, 'w:val') ?? '1') || 1));
        if (n === 'vMerge') c.vMerge = attr(x, 'w:val') === 'restart' ? 'restart' : 'continue';
        if (n === 'hMerge' && attr(x, 'w:val') !== 'restart') c.span = 0;
      }
    }
    const texts: string[] = [];
    for (const b of this.blocks()) {
      if (b.kind === 'p') texts.push(b.p.text);
      else for (const r of b.t.rows) texts.push(r.cells.map((x) => x.text).join(' '));
    }
    c.text = texts.map((s) => s.trim()).filter((s) => s !== '').join(' ');
    return c;
  }
}

/**
 * The most columns a table's grid may have (Word allows 63) and the most cells of a grid: spans of
 * a thousand columns on thousands of cells would otherwise make billions of cells.
 */
export const MAX_GRID_COLUMNS = 1000;
export const MAX_GRID_CELLS = 2_000_000;

function tooBigTable(index: number): DocumentReadError {
  return refuse(
    'corrupt',
    `Bảng thứ ${index} của tệp .docx rộng hơn ${formatNumber(MAX_GRID_COLUMNS, VI_SEPARATORS)} cột hoặc có hơn ${formatNumber(MAX_GRID_CELLS, VI_SEPARATORS)} ô (các ô gộp bị hỏng?); tệp không được đọc.`,
    `Table ${index} of the .docx file is wider than ${formatNumber(MAX_GRID_COLUMNS, EN_SEPARATORS)} columns or has more than ${formatNumber(MAX_GRID_CELLS, EN_SEPARATORS)} cells (broken merged cells?); the file was not read.`,
  );
}

/** The grid of a table read: spans and vertical merges filled with their origin. */
function toGrid(raw: RawTable, index: number): DocCell[][] {
  const grid: DocCell[][] = [];
  let width = 0;
  let cells = 0;
  raw.rows.forEach((r, ri) => {
    let columns = r.gridBefore;
    for (const c of r.cells) columns += Math.max(1, c.span);
    if (columns > MAX_GRID_COLUMNS) throw tooBigTable(index);
    cells += columns;
    if (cells > MAX_GRID_CELLS) throw tooBigTable(index);
    const line: DocCell[] = [];
    for (let k = 0; k < r.gridBefore; k++) line.push({ text: '' });
    for (const c of r.cells) {
      if (c.span === 0) {
        // Old-style horizontal merge continuation: joins the cell to its left.
        const left = line.length - 1;
        if (left >= 0) line.push({ text: line[left].text, mergedFrom: line[left].mergedFrom ?? { row: ri, col: left } });
        continue;
      }
      const col = line.length;
      let origin: { row: number; col: number } | undefined;
      let text = c.text;
      if (c.vMerge === 'continue') {
        const above = ri > 0 ? grid[ri - 1][col] : undefined;
        if (above) {
          origin = above.mergedFrom ?? { row: ri - 1, col };
          text = above.text;
        }
      }
      line.push(origin ? { text, mergedFrom: origin } : { text });
      for (let k = 1; k < c.span; k++) line.push({ text, mergedFrom: origin ?? { row: ri, col } });
    }
    width = Math.max(width, line.length);
    grid.push(line);
  });
  if (grid.length * width > MAX_GRID_CELLS) throw tooBigTable(index);
  for (const line of grid) while (line.length < width) line.push({ text: '' });
  return grid;
}

/** NFC, only where combining marks can make a difference (a decomposed "ế" typed by some keyboards). */
function nfc(s: string): string {
  return /[\u0300-\u036f]/.test(s) ? s.normalize('NFC') : s;
}

const LIST_START = /^\s*[-+•–·▪◦]\s/;

function finishParagraph(d: ParaDraft): { text: string; listItem: boolean; notes: DocParagraph['notes'] } {
  // Spaces as a reader sees them: runs of white space one space, none at the ends (note offsets follow).
  if (d.notes.length === 0) {
    const text = nfc(d.text.replace(/\s+/g, ' ').trim());
    return { text, listItem: d.listItem || LIST_START.test(text), notes: [] };
  }
  let text = '';
  const notes: DocParagraph['notes'] = [];
  let k = 0;
  const src = d.text;
  for (let i = 0; i <= src.length; i++) {
    while (k < d.notes.length && d.notes[k].offset === i) notes.push({ ...d.notes[k++], offset: text.length });
    if (i === src.length) break;
    const ch = src[i];
    if (/\s/.test(ch)) {
      if (text.length > 0 && !text.endsWith(' ')) text += ' ';
    } else text += ch;
  }
  const trimmed = text.replace(/ $/, '');
  for (const n of notes) n.offset = Math.min(n.offset, trimmed.length);
  return { text: nfc(trimmed), listItem: d.listItem || LIST_START.test(trimmed), notes };
}

// ---------------------------------------------------------------------------------------------
// The package

function partText(parts: ReadonlyMap<string, Uint8Array>, name: string): string | null {
  const b = parts.get(name);
  return b ? utf8.decode(b) : null;
}

/** Relationship targets of a part by type suffix (`…/footnotes`), resolved against `base`. */
function relTargets(parts: ReadonlyMap<string, Uint8Array>, relsPart: string, base: string): Map<string, string> {
  const out = new Map<string, string>();
  const xml = partText(parts, relsPart);
  if (!xml) return out;
  for (const t of tokenize(xml, relsPart)) {
    if (typeof t === 'string' || t.close || local(t.name) !== 'Relationship') continue;
    const type = attr(t, 'Type') ?? '';
    const target = attr(t, 'Target') ?? '';
    const kind = type.slice(type.lastIndexOf('/') + 1);
    if (!kind || !target || out.has(kind) || attr(t, 'TargetMode') === 'External') continue;
    out.set(kind, resolvePath(base, target));
  }
  return out;
}

function resolvePath(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${base}${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Paragraph drafts of the notes part, note by note (separators left out), keyed by note id. */
function readNotes(parts: ReadonlyMap<string, Uint8Array>, part: string | undefined, element: 'footnote' | 'endnote', counter: NoteCounter): Map<string, ParaDraft[]> {
  const out = new Map<string, ParaDraft[]>();
  if (!part) return out;
  const xml = partText(parts, part);
  if (!xml) return out;
  const tokens = tokenize(xml, part);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (typeof t === 'string' || t.close || t.selfClosing || local(t.name) !== element) continue;
    const type = attr(t, 'w:type');
    const id = attr(t, 'w:id') ?? '';
    const reader = new BlockReader(tokens, i + 1, counter);
    const blocks = reader.blocks();
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    const paras: ParaDraft[] = [];
    for (const b of blocks) {
      if (b.kind === 'p') paras.push(b.p);
      else for (const r of b.t.rows) paras.push({ text: r.cells.map((c) => c.text).join(' '), listItem: false, notes: [] });
    }
    out.set(id, paras);
  }
  return out;
}

/** What a file that is not a `.docx` is, by its first bytes; null for a zip (looked at further). */
function kindRefusal(bytes: Uint8Array): DocumentReadError | null {
  if (bytes.length === 0) return refuse('empty', 'Tệp rỗng.', 'The file is empty.');
  if (startsWith(bytes, OLE_SIGNATURE)) {
    const names = oleDirectoryNames(bytes) ?? [];
    const has = (n: string): boolean => names.some((x) => x.toLowerCase() === n.toLowerCase());
    if (has('EncryptionInfo') && has('EncryptedPackage')) return new DocumentReadError('encrypted', ENCRYPTED_DOCX_MESSAGE);
    if (has('Workbook') || has('Book')) return new DocumentReadError('workbook', WORKBOOK_NOT_REPORT_MESSAGE);
    return new DocumentReadError('doc', DOC_MESSAGE);
  }
  const head = utf8.decode(bytes.subarray(0, 8));
  if (head.startsWith('%PDF')) return new DocumentReadError('pdf', PDF_MESSAGE);
  if (head.startsWith('{\\rtf')) return new DocumentReadError('rtf', RTF_MESSAGE);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return refuse('not-docx', 'Không phải tệp Word (.docx).', 'Not a Word file (.docx).');
  return null;
}

/**
 * The report in `bytes` (a `.docx`), read as this module's comment says.
 * @throws DocumentReadError with the kind of refusal and its message (vi, en); never another error.
 */
export function readDocx(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): DocumentModel {
  const early = kindRefusal(bytes);
  if (early) throw early;
  if (bytes.length > limits.maxFileBytes) {
    const mb = (x: number): string => (Math.round((x / (1024 * 1024)) * 10) / 10).toString();
    throw refuse('too-large', `Tệp lớn ${mb(bytes.length).replace('.', ',')} MB, quá giới hạn ${mb(limits.maxFileBytes)} MB cho một báo cáo .docx; tệp không được mở.`, `The file is ${mb(bytes.length)} MB, beyond the limit of ${mb(limits.maxFileBytes)} MB for a .docx report; the file was not opened.`);
  }
  let parts: Map<string, Uint8Array>;
  try {
    parts = unzipChecked(bytes, limits);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new DocumentReadError('corrupt', { vi: e.reason.vi.replace(/\.xlsx/g, '.docx'), en: e.reason.en.replace(/\.xlsx/g, '.docx') });
    throw refuse('corrupt', 'Tệp .docx bị hỏng (không giải nén được).', 'The .docx file is corrupt (it cannot be unzipped).');
  }
  try {
    return readParts(parts);
  } catch (e) {
    if (e instanceof DocumentReadError) throw e;
    throw refuse('corrupt', 'Tệp .docx bị hỏng hoặc không đọc được.', 'The .docx file is corrupt or cannot be read.');
  }
}

function readParts(parts: Map<string, Uint8Array>): DocumentModel {
  const mime = parts.get('mimetype');
  if (mime && utf8.decode(mime.subarray(0, 100)).trim().startsWith('application/vnd.oasis.opendocument.text')) throw new DocumentReadError('odt', ODT_MESSAGE);
  if (mime && utf8.decode(mime.subarray(0, 100)).trim().startsWith('application/vnd.oasis.opendocument')) throw refuse('not-docx', 'Đây là tệp OpenDocument, không phải báo cáo Word (.docx).', 'This is an OpenDocument file, not a Word report (.docx).');
  if (parts.has('xl/workbook.xml')) throw new DocumentReadError('workbook', WORKBOOK_NOT_REPORT_MESSAGE);
  const main = relTargets(parts, '_rels/.rels', '').get('officeDocument') ?? 'word/document.xml';
  const xml = partText(parts, main);
  if (xml === null || !/<(\w+:)?document[\s>]/.test(xml.slice(0, 4096))) throw refuse('not-docx', 'Không phải tệp Word (.docx): không có phần văn bản chính.', 'Not a Word file (.docx): it has no main document part.');
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const rels = relTargets(parts, `${dir}_rels/${main.slice(dir.length)}.rels`, dir);

  const counter: NoteCounter = { footnotes: new Map(), endnotes: new Map() };
  const tokens = tokenize(xml, main);
  const bodyAt = tokens.findIndex((t) => typeof t !== 'string' && !t.close && local(t.name) === 'body');
  const blocks = bodyAt < 0 ? [] : new BlockReader(tokens, bodyAt + 1, counter).blocks();

  const paragraphs: DocParagraph[] = [];
  const tables: DocTable[] = [];
  const push = (d: ParaDraft, kind: ParagraphKind, extra: Partial<DocParagraph> = {}): void => {
    const f = finishParagraph(d);
    if (f.text === '' && f.notes.length === 0) return;
    paragraphs.push({ index: paragraphs.length + 1, kind, text: f.text, listItem: f.listItem, notes: f.notes, tablesBefore: tables.length, ...extra });
  };
  for (const b of blocks) {
    if (b.kind === 'p') push(b.p, 'body');
    else {
      const rows = toGrid(b.t, tables.length + 1);
      if (rows.length > 0) tables.push({ index: tables.length + 1, rows, paragraphsBefore: paragraphs.length });
    }
  }
  // Notes in the order they are referenced; a note never referenced comes after, by id.
  for (const kind of ['footnote', 'endnote'] as const) {
    const notes = readNotes(parts, rels.get(kind === 'footnote' ? 'footnotes' : 'endnotes'), kind, counter);
    const numbers = kind === 'footnote' ? counter.footnotes : counter.endnotes;
    const ids = [...notes.keys()].sort((a, b) => (numbers.get(a) ?? 1e9 + Number(a)) - (numbers.get(b) ?? 1e9 + Number(b)));
    for (const id of ids) {
      let number = numbers.get(id);
      if (number === undefined) {
        number = numbers.size + 1;
        numbers.set(id, number);
      }
      for (const d of notes.get(id) ?? []) push(d, kind, { note: number, tablesBefore: tables.length });
    }
  }
  return { paragraphs, tables };
}
