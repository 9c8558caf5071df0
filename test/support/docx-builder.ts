/**
 * Builds `.docx` files for the tie-out tests: `word/document.xml` and `word/footnotes.xml` written
 * here (real footnotes, merged table cells, runs, tracked changes, fields), zipped with fflate.
 */
import { zipSync, strToU8 } from 'fflate';

export type Run =
  | string
  | { text: string; del?: boolean; ins?: boolean }
  | { field: string; result: string }
  | { footnote: number }
  /** A note mark typed as a superscript number (no real footnote). */
  | { sup: string }
  | { tab: true }
  | { br: true };

export interface Para {
  kind: 'p';
  runs: Run[];
  /** A Word-numbered list item (numPr), not a typed dash. */
  numbered?: boolean;
}

export interface Cell {
  text: string;
  span?: number;
  vMerge?: 'restart' | 'continue';
}

export interface Table {
  kind: 'tbl';
  rows: Cell[][];
}

export type Block = Para | Table;

export function p(...runs: Run[]): Para {
  return { kind: 'p', runs };
}

export function tbl(rows: Cell[][]): Table {
  return { kind: 'tbl', rows };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function t(text: string): string {
  return `<w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

function runXml(r: Run): string {
  if (typeof r === 'string') return t(r);
  if ('footnote' in r) return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${r.footnote}"/></w:r>`;
  if ('field' in r) {
    return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${esc(r.field)} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${t(r.result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
  }
  if ('sup' in r) return `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>${esc(r.sup)}</w:t></w:r>`;
  if ('tab' in r) return '<w:r><w:tab/></w:r>';
  if ('br' in r) return '<w:r><w:br/></w:r>';
  if (r.del) return `<w:del w:id="90" w:author="Văn thư" w:date="2025-11-13T08:00:00Z"><w:r><w:delText xml:space="preserve">${esc(r.text)}</w:delText></w:r></w:del>`;
  if (r.ins) return `<w:ins w:id="91" w:author="Văn thư" w:date="2025-11-13T08:00:00Z">${t(r.text)}</w:ins>`;
  return t(r.text);
}

function paraXml(b: Para): string {
  const ppr = b.numbered ? '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' : '<w:pPr><w:jc w:val="both"/></w:pPr>';
  return `<w:p>${ppr}${b.runs.map(runXml).join('')}</w:p>`;
}

function tableXml(b: Table): string {
  const width = Math.max(...b.rows.map((r) => r.reduce((s, c) => s + (c.span ?? 1), 0)));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="800"/>'.repeat(width)}</w:tblGrid>`;
  const rows = b.rows
    .map(
      (r) =>
        `<w:tr>${r
          .map((c) => {
            const pr = `<w:tcPr>${c.span && c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : ''}${c.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.vMerge === 'continue' ? '<w:vMerge/>' : ''}</w:tcPr>`;
            return `<w:tc>${pr}<w:p>${c.text ? t(c.text) : ''}</w:p></w:tc>`;
          })
          .join('')}</w:tr>`,
    )
    .join('');
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${rows}</w:tbl>`;
}

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The `.docx` bytes of `body` with `footnotes` (id → text). */
export function buildDocx(body: Block[], footnotes: Record<number, string> = {}): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body
    .map((b) => (b.kind === 'p' ? paraXml(b) : tableXml(b)))
    .join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
  const notes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes ${NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>${Object.entries(
    footnotes,
  )
    .map(([id, text]) => `<w:footnote w:id="${id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>${t(` ${text}`)}</w:p></w:footnote>`)
    .join('')}</w:footnotes>`;
  const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering ${NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(document),
    'word/footnotes.xml': strToU8(notes),
    'word/numbering.xml': strToU8(numbering),
    // A header with a figure of its own: headers are never read.
    'word/header1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr ${NS}><w:p>${t('Trang 9.999 trường hợp')}</w:p></w:hdr>`),
  };
  return zipSync(files, { level: 6 });
}
