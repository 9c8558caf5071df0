/**
 * The blocks of a Word report's body (or of one note): paragraphs and tables in order, read from
 * the part's XML cursor (`docx-xml`) as `xlsx/docx`'s comment says — runs joined, deletions and
 * field codes left out, note references as marks, tables as rows of cells (a table inside a cell
 * read as that cell's text).
 */
import type { DocParagraph } from '../core/tieout/document';
import { attr, TOKEN, type XmlCursor } from './docx-xml';
import type { RawCell, RawRow, RawTable } from './docx-tables';

const { END, TEXT, OPEN, CLOSE } = TOKEN;

/** Elements whose whole content is left out. */
const SKIPPED = new Set(['del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'pPr', 'rPr', 'sectPr', 'tblPr', 'tblGrid', 'trPr', 'drawing', 'pict', 'object', 'AlternateContent', 'commentReference', 'footnoteRef', 'endnoteRef', 'annotationRef', 'fldData']);

export interface NoteCounter {
  /** Note id → its number, in the order referenced. */
  footnotes: Map<string, number>;
  endnotes: Map<string, number>;
}

export interface ParaDraft {
  text: string;
  listItem: boolean;
  notes: DocParagraph['notes'];
}

export type Block = { kind: 'p'; p: ParaDraft } | { kind: 'tbl'; t: RawTable };

/** A paragraph being read: its draft, the fields open in it, how deep the reading is. */
interface ParaState {
  p: ParaDraft;
  /** Fields open in this paragraph: true while in the code part (begin … separate). */
  fields: boolean[];
  /** How many of `fields` are in their code part (a count, not a scan: thousands of fields may be open). */
  codeOpen: number;
  depth: number;
  /** Inside a superscript run (`w:vertAlign superscript`): the depth of its content, else 0. */
  superscript: number;
}

/** A note mark typed as a superscript number ("¹" written "1", "(4)"). */
const TYPED_MARK = /^\s*\(?(\d{1,3})\)?\s*$/;

/** The texts of a cell's (or a note's) blocks: a paragraph's text, a nested table's rows each as one text. */
export function blockTexts(blocks: Block[]): string[] {
  const texts: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'p') texts.push(b.p.text);
    else for (const r of b.t.rows) texts.push(r.cells.map((x) => x.text).join(' '));
  }
  return texts;
}

/**
 * Reads the blocks of a body (or a note) from the token the cursor stands on up to the closing of
 * the element at depth 0. Paragraph text follows the rules of `xlsx/docx`'s comment.
 */
export class BlockReader {
  /** For looking past the token `c` stands on without moving it. */
  private readonly ahead: XmlCursor;

  constructor(
    private readonly c: XmlCursor,
    private readonly notes: NoteCounter,
  ) {
    this.ahead = c.twin();
  }

  /** Skips the element whose opening tag the cursor stands on (to after its closing tag), showing `visit` each opening tag inside. */
  private skipElement(visit?: (x: XmlCursor) => void): void {
    const c = this.c;
    const empty = c.selfClosing;
    c.next();
    if (empty) return;
    let depth = 1;
    while (c.kind !== END && depth > 0) {
      if (c.kind === CLOSE) depth--;
      else if (c.kind === OPEN) {
        visit?.(c);
        if (!c.selfClosing) depth++;
      }
      c.next();
    }
  }

  /** Blocks up to the end of the current container (the closing tag at depth 0 is consumed). */
  blocks(): Block[] {
    const c = this.c;
    const out: Block[] = [];
    // Transparent containers entered and not yet closed: counted, not recursed into, so that
    // thousands of them left open cost no more than their tags (each level once copied its
    // inner blocks into the outer list: quadratic).
    let depth = 0;
    while (c.kind !== END) {
      if (c.kind === TEXT) {
        c.next();
        continue;
      }
      if (c.kind === CLOSE) {
        c.next();
        if (depth === 0) return out;
        depth--;
        continue;
      }
      const name = c.name();
      if (name === 'p') {
        out.push({ kind: 'p', p: this.paragraph() });
      } else if (name === 'tbl') {
        out.push({ kind: 'tbl', t: this.table() });
      } else if (SKIPPED.has(name) || c.selfClosing) {
        this.skipElement();
      } else {
        // sdt, sdtContent, customXml, ins, …: transparent containers, their blocks read in line.
        c.next();
        depth++;
      }
    }
    return out;
  }

  private paragraph(): ParaDraft {
    const c = this.c;
    const s: ParaState = { p: { text: '', listItem: false, notes: [] }, fields: [], codeOpen: 0, depth: 1, superscript: 0 };
    const empty = c.selfClosing;
    c.next();
    if (empty) return s.p;
    while (c.kind !== END && s.depth > 0) {
      if (c.kind === TEXT) {
        c.next();
      } else if (c.kind === CLOSE) {
        c.next();
        if (s.depth === s.superscript) s.superscript = 0;
        s.depth--;
      } else this.inParagraph(s, c.name());
    }
    return s.p;
  }

  /** One element inside a paragraph, the cursor on its opening tag: read, left out, or entered. */
  private inParagraph(s: ParaState, name: string): void {
    const c = this.c;
    switch (name) {
      case 'pPr':
        // A numbered or bulleted paragraph (its numbering, not its text, says so).
        return this.skipElement((x) => {
          if (x.is('numPr')) s.p.listItem = true;
        });
      case 'fldChar':
        fieldChar(s, attr(c, 'w:fldCharType'));
        return this.skipElement();
      case 'footnoteReference':
      case 'endnoteReference':
        return this.noteReference(s, name === 'footnoteReference' ? 'footnote' : 'endnote');
      case 't':
        return this.text(s);
      case 'tab':
      case 'br':
      case 'cr':
      case 'ptab':
      case 'noBreakHyphen':
        if (s.codeOpen === 0) s.p.text += name === 'noBreakHyphen' ? '-' : ' ';
        return this.skipElement();
      case 'sym':
        return this.skipElement();
      case 'p':
        // A paragraph inside a paragraph (a text box's content reached through a container): its text joins.
        s.p.text += ` ${this.paragraph().text}`;
        return;
    }
    if (SKIPPED.has(name) || c.selfClosing) return this.skipElement();
    if (name === 'r' && this.superscriptRun()) s.superscript = s.depth + 1;
    // r, ins, moveTo, hyperlink, smartTag, fldSimple, sdt, sdtContent, …: read what they hold.
    c.next();
    s.depth++;
  }

  private noteReference(s: ParaState, kind: 'footnote' | 'endnote'): void {
    const c = this.c;
    const id = attr(c, 'w:id') ?? '';
    const map = kind === 'footnote' ? this.notes.footnotes : this.notes.endnotes;
    let number = map.get(id);
    if (number === undefined) {
      number = map.size + 1;
      map.set(id, number);
    }
    if (s.codeOpen === 0) s.p.notes.push({ offset: s.p.text.length, kind, number });
    this.skipElement();
  }

  /** A `w:t`: its text joins the paragraph's, unless in a field's code or a typed note mark. */
  private text(s: ParaState): void {
    const c = this.c;
    const empty = c.selfClosing;
    c.next();
    if (empty) return;
    let text = '';
    while (c.kind !== END) {
      const kind = c.kind;
      if (kind === TEXT) text += c.value();
      c.next();
      if (kind === CLOSE) break;
    }
    if (s.codeOpen > 0) return;
    // A typed note mark ("¹" written as a superscript "1", "(4)"): a mark, never a digit of the text.
    const mark = s.superscript > 0 ? TYPED_MARK.exec(text) : null;
    if (mark) s.p.notes.push({ offset: s.p.text.length, kind: 'footnote', number: Number(mark[1]) });
    else s.p.text += text;
  }

  /** The run the cursor stands on is set in superscript (its `rPr`, the very next token, says `vertAlign superscript`). */
  private superscriptRun(): boolean {
    const x = this.ahead;
    if (!x.seek(this.c.pos) || !x.opens('rPr') || x.selfClosing) return false;
    while (x.next()) {
      if (x.kind === CLOSE && x.is('rPr')) return false;
      if (x.opens('vertAlign')) return attr(x, 'w:val') === 'superscript';
    }
    return false;
  }

  private table(): RawTable {
    const c = this.c;
    const table: RawTable = { rows: [] };
    const empty = c.selfClosing;
    c.next();
    if (empty) return table;
    let depth = 1;
    let row: RawRow | null = null;
    const newRow = (): RawRow => {
      const r: RawRow = { cells: [], gridBefore: 0 };
      table.rows.push(r);
      return r;
    };
    while (c.kind !== END && depth > 0) {
      if (c.kind === TEXT || c.kind === CLOSE) {
        if (c.kind === CLOSE) depth--;
        c.next();
        continue;
      }
      const name = c.name();
      if (name === 'trPr' || name === 'tblPrEx') {
        const r = row;
        this.skipElement((x) => {
          if (r && x.is('gridBefore')) r.gridBefore = Math.max(0, Math.min(1000, Number(attr(x, 'w:val') ?? '0') || 0));
        });
      } else if (name === 'tc') {
        row ??= newRow();
        row.cells.push(this.cell());
      } else if (name !== 'tr' && (SKIPPED.has(name) || c.selfClosing)) {
        this.skipElement();
      } else {
        // A row, or sdt, sdtContent, customXml around rows or cells.
        if (name === 'tr') row = newRow();
        c.next();
        depth++;
      }
    }
    return table;
  }

  private cell(): RawCell {
    const c = this.c;
    const cell: RawCell = { text: '', span: 1, vMerge: null };
    const empty = c.selfClosing;
    c.next();
    if (empty) return cell;
    // The cell's properties come first.
    if (c.opens('tcPr')) {
      this.skipElement((x) => {
        if (x.is('gridSpan')) cell.span = Math.max(1, Math.min(1000, Number(attr(x, 'w:val') ?? '1') || 1));
        if (x.is('vMerge')) cell.vMerge = attr(x, 'w:val') === 'restart' ? 'restart' : 'continue';
        if (x.is('hMerge') && attr(x, 'w:val') !== 'restart') cell.span = 0;
      });
    }
    cell.text = blockTexts(this.blocks())
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .join(' ');
    return cell;
  }
}

/** A `w:fldChar` of type `type`: a field begins (its code part first), reaches its result, or ends. */
function fieldChar(s: ParaState, type: string | undefined): void {
  const fields = s.fields;
  if (type === 'begin') {
    fields.push(true);
    s.codeOpen++;
  } else if (type === 'separate') {
    if (fields.length > 0 && fields[fields.length - 1]) {
      fields[fields.length - 1] = false;
      s.codeOpen--;
    }
  } else if (type === 'end' && fields.length > 0) {
    if (fields.pop()) s.codeOpen--;
  }
}

/** NFC, only where combining marks can make a difference (a decomposed "ế" typed by some keyboards). */
function nfc(s: string): string {
  return /[\u0300-\u036f]/.test(s) ? s.normalize('NFC') : s;
}

const LIST_START = /^\s*[-+•–·▪◦]\s/;

/** A paragraph read as a reader sees it: runs of white space one space, none at the ends (note offsets follow), NFC; a typed dash makes a list item. */
export function finishParagraph(d: ParaDraft): ParaDraft {
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
