/**
 * The `.docx` reader of the tie-out: a pure function over the file's bytes (CLI, pane and web page
 * alike; no Node API), giving the document model of `core/tieout/document`. It reads exactly the subset of
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
 *
 * Its parts: `docx-xml` (a cursor streaming over a part's XML, no object per tag), `docx-blocks`
 * (paragraphs and the rows of tables), `docx-tables` (the grids), `docx-notes` (footnotes and
 * endnotes, numbered), `docx-refusals` (what the user is told).
 */
import type { DocParagraph, DocTable, DocumentModel, ParagraphKind } from '../core/tieout/document';
import { WorkbookReadError } from './errors';
import { unzipChecked, ZIP_LIMITS, type ZipLimits } from './zip';
import { corruptRefusal, DocumentReadError, kindRefusal, noDocumentRefusal, packageRefusal, tooLargeRefusal } from './docx-refusals';
import { attr, XmlCursor } from './docx-xml';
import { BlockReader, finishParagraph, type Block, type NoteCounter, type ParaDraft } from './docx-blocks';
import { toGrid } from './docx-tables';
import { orderedNotes } from './docx-notes';


const utf8 = new TextDecoder('utf-8');

/** A cursor over the part `name`, or null when the package has no such part. */
function partCursor(parts: ReadonlyMap<string, Uint8Array>, name: string | undefined): XmlCursor | null {
  const b = name === undefined ? undefined : parts.get(name);
  return b ? XmlCursor.open(utf8.decode(b), name as string) : null;
}

/** Relationship targets of a part by type suffix (`…/footnotes`), resolved against `base`. */
function relTargets(parts: ReadonlyMap<string, Uint8Array>, relsPart: string, base: string): Map<string, string> {
  const out = new Map<string, string>();
  const c = partCursor(parts, relsPart);
  while (c?.next()) {
    if (!c.opens('Relationship')) continue;
    const type = attr(c, 'Type') ?? '';
    const target = attr(c, 'Target') ?? '';
    const kind = type.slice(type.lastIndexOf('/') + 1);
    if (!kind || !target || out.has(kind) || attr(c, 'TargetMode') === 'External') continue;
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

/**
 * The report in `bytes` (a `.docx`), read as this module's comment says.
 * @throws DocumentReadError with the kind of refusal and its message (vi, en); never another error.
 */
export function readDocx(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): DocumentModel {
  const early = kindRefusal(bytes);
  if (early) throw early;
  if (bytes.length > limits.maxFileBytes) throw tooLargeRefusal(bytes.length, limits.maxFileBytes);
  let parts: Map<string, Uint8Array>;
  try {
    parts = unzipChecked(bytes, limits);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new DocumentReadError('corrupt', { vi: e.reason.vi.replace(/\.xlsx/g, '.docx'), en: e.reason.en.replace(/\.xlsx/g, '.docx') });
    throw corruptRefusal(false);
  }
  try {
    return readParts(parts);
  } catch (e) {
    if (e instanceof DocumentReadError) throw e;
    throw corruptRefusal(true);
  }
}

/** The body's blocks of the main part (none when it has no `body`), its notes numbered in `counter` as referred to. */
function bodyBlocks(c: XmlCursor, counter: NoteCounter): Block[] {
  while (c.next()) {
    if (c.opens('body')) {
      c.next();
      return new BlockReader(c, counter).blocks();
    }
  }
  return [];
}

function readParts(parts: Map<string, Uint8Array>): DocumentModel {
  const other = packageRefusal(parts);
  if (other) throw other;
  const main = relTargets(parts, '_rels/.rels', '').get('officeDocument') ?? 'word/document.xml';
  const bytes = parts.get(main);
  const head = bytes ? utf8.decode(bytes.subarray(0, 4096 * 4)).slice(0, 4096) : '';
  if (!bytes || !/<(\w+:)?document[\s>]/.test(head)) throw noDocumentRefusal();
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const rels = relTargets(parts, `${dir}_rels/${main.slice(dir.length)}.rels`, dir);

  const counter: NoteCounter = { footnotes: new Map(), endnotes: new Map() };
  const blocks = bodyBlocks(partCursor(parts, main) as XmlCursor, counter);
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
    for (const note of orderedNotes(partCursor(parts, rels.get(`${kind}s`)), kind, counter)) {
      for (const d of note.paragraphs) push(d, kind, { note: note.number, tablesBefore: tables.length });
    }
  }
  return { paragraphs, tables };
}
