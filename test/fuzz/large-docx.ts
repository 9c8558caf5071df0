/**
 * A Word report whose main part is about 12 MB of 1.5 million tags, the size of the campaign's
 * largest `docx` inputs (too large to keep in the corpus, made again here): runs nested 300,000
 * deep around one figure, 16,000 fields (code, result) in paragraphs of 50, and a table of 60,000
 * cells, 100 a row, with vertical merges and spans. The package is stored (no compression), as the
 * campaign's mutators zip it, so the reader sees the whole part within the package's limits.
 */
import { unzipSync } from 'fflate';
import { buildDocx, p } from '../support/docx-builder';
import { zipParts } from './zipper';

export const NESTED_RUNS = 300_000;
export const FIELDS = 16_000;
export const FIELDS_PER_PARAGRAPH = 50;
export const TABLE_ROWS = 600;
export const TABLE_COLUMNS = 100;

const FIELD = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> = 1.292 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>5</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';

/** A cell of the large table: rows after the first continue the merge of the cell above every other column, the last two columns of a row are one cell spanning two. */
function cell(row: number, col: number): string {
  if (col === TABLE_COLUMNS - 2) return '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>7</w:t></w:r></w:p></w:tc>';
  const merge = row === 0 ? '<w:vMerge w:val="restart"/>' : col % 2 === 0 ? '<w:vMerge/>' : '';
  return `<w:tc><w:tcPr>${merge}</w:tcPr><w:p><w:r><w:t>${row}.${col}</w:t></w:r></w:p></w:tc>`;
}

/** The body's XML: the nested runs, the fields, the table. */
export function largeBody(): string {
  const out: string[] = [`<w:p>${'<w:r>'.repeat(NESTED_RUNS)}<w:t>1.292</w:t>${'</w:r>'.repeat(NESTED_RUNS)}</w:p>`];
  for (let f = 0; f < FIELDS; f += FIELDS_PER_PARAGRAPH) out.push(`<w:p>${FIELD.repeat(FIELDS_PER_PARAGRAPH)}</w:p>`);
  const rows: string[] = [];
  for (let r = 0; r < TABLE_ROWS; r++) {
    let cells = '';
    for (let c = 0; c < TABLE_COLUMNS - 1; c++) cells += cell(r, c);
    rows.push(`<w:tr>${cells}</w:tr>`);
  }
  out.push(`<w:tbl>${rows.join('')}</w:tbl>`);
  return out.join('');
}

/** The whole package: a small report built by the tests' builder, its body replaced by `largeBody()`, stored. */
export function largeDocx(): Uint8Array {
  const parts = new Map<string, Uint8Array>(Object.entries(unzipSync(buildDocx([p('x')]))));
  const xml = new TextDecoder().decode(parts.get('word/document.xml'));
  const body = largeBody();
  parts.set('word/document.xml', new TextEncoder().encode(xml.replace(/<w:body>.*<w:sectPr>/s, () => `<w:body>${body}<w:sectPr>`)));
  return zipParts(parts);
}
