/**
 * A Word report as the tie-out reads it (`xlsx/docx` makes it from a `.docx`'s bytes): the body's
 * paragraphs in order, then the footnotes and endnotes as paragraphs of their own, and the tables
 * as grids. Pure data.
 */

/** Where a paragraph comes from. */
export type ParagraphKind = 'body' | 'footnote' | 'endnote';

export interface DocParagraph {
  /** 1-based position among all paragraphs (body first, then footnotes, then endnotes). */
  index: number;
  kind: ParagraphKind;
  /** The text as shown: runs joined, tabs and breaks as spaces, deletions and field codes left out. */
  text: string;
  /** A list item (Word numbering on the paragraph, or a typed `-`, `+`, `•` at its start). */
  listItem: boolean;
  /** Footnote or endnote references in this paragraph: the offset in `text` where each mark stands, never a digit of the text. */
  notes: { offset: number; kind: 'footnote' | 'endnote'; number: number }[];
  /** For a footnote or endnote paragraph: the number of its note. */
  note?: number;
  /** Body paragraphs: how many tables came before it in the document. */
  tablesBefore: number;
}

export interface DocCell {
  /** The cell's text (its paragraphs joined by a space); a merged continuation repeats its origin's text. */
  text: string;
  /** Set on the continuation cells of a horizontal (`gridSpan`) or vertical (`vMerge`) merge: the origin, 0-based. */
  mergedFrom?: { row: number; col: number };
}

export interface DocTable {
  /** 1-based position among the document's tables. */
  index: number;
  /** The grid, row by row; every row as wide as the widest (missing cells are empty). */
  rows: DocCell[][];
  /** Body paragraphs before the table (its caption is among the last of them). */
  paragraphsBefore: number;
}

export interface DocumentModel {
  paragraphs: DocParagraph[];
  tables: DocTable[];
}

/** A1 address of a grid cell (0-based row and column). */
export function gridAddress(row: number, col: number): string {
  let c = col + 1;
  let s = '';
  while (c > 0) {
    const m = (c - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    c = Math.floor((c - 1) / 26);
  }
  return `${s}${row + 1}`;
}
