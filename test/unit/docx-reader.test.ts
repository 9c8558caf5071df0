/**
 * The .docx reader (xlsx/docx): what it reads and what it never reads, merged table cells, and the
 * files it refuses with their own message.
 */
import { zipSync, strToU8 } from 'fflate';
import { buildDocx, p, tbl } from '../support/docx-builder';
import { seedReportDocx } from '../support/seed-report';
import { readDocx } from '../../src/xlsx/docx';
import { DocumentReadError } from '../../src/xlsx/docx-refusals';
import { ZIP_LIMITS } from '../../src/xlsx/zip';
import { ole2 } from '../support/ole2';

function refusal(bytes: Uint8Array): DocumentReadError {
  try {
    readDocx(bytes);
  } catch (e) {
    if (e instanceof DocumentReadError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('paragraphs', () => {
  test('runs joined, a number split across runs reads whole; tab and break as spaces', () => {
    const doc = readDocx(buildDocx([p('tổng số ', '9.3', '75', ' trường hợp', { tab: true }, 'tiếp', { br: true }, 'theo')]));
    expect(doc.paragraphs.map((x) => x.text)).toEqual(['tổng số 9.375 trường hợp tiếp theo']);
  });

  test('insertions read, deletions never: 1.478 deleted and 1.487 inserted reads 1.487', () => {
    const doc = readDocx(buildDocx([p('có ', { text: '1.478', del: true }, { text: '1.487', ins: true }, ' chứng thư')]));
    expect(doc.paragraphs[0].text).toBe('có 1.487 chứng thư');
  });

  test('field results read, field codes not', () => {
    const doc = readDocx(buildDocx([p('tổ chức ', { field: 'DOCPROPERTY SoHoiNghi2024', result: '15' }, ' hội nghị')]));
    expect(doc.paragraphs[0].text).toBe('tổ chức 15 hội nghị');
  });

  test('footnote references are marks, never digits; footnotes are paragraphs of their own after the body', () => {
    const doc = readDocx(buildDocx([p('của 14 sở', { footnote: 7 }, ', 12 chi cục', { footnote: 3 }, '.'), p('Hết.')], { 3: 'Chi cục B', 7: 'Sở A' }));
    expect(doc.paragraphs.map((x) => [x.kind, x.text, x.note])).toEqual([
      ['body', 'của 14 sở, 12 chi cục.', undefined],
      ['body', 'Hết.', undefined],
      ['footnote', 'Sở A', 1],
      ['footnote', 'Chi cục B', 2],
    ]);
    expect(doc.paragraphs[0].notes).toEqual([
      { offset: 9, kind: 'footnote', number: 1 },
      { offset: 21, kind: 'footnote', number: 2 },
    ]);
  });

  test('a note mark typed as a superscript number is a mark too, never a digit', () => {
    const doc = readDocx(buildDocx([p('của 14 sở', { sup: '1' }, ', 12 chi cục', { sup: '(2)' }, ', 2.359 TTHC')]));
    expect(doc.paragraphs[0].text).toBe('của 14 sở, 12 chi cục, 2.359 TTHC');
    expect(doc.paragraphs[0].notes.map((n) => [n.offset, n.number])).toEqual([
      [9, 1],
      [21, 2],
    ]);
  });

  test('decomposed Vietnamese letters come back composed (NFC); a ">" inside an attribute value does not cut its tag', () => {
    const doc = readDocx(buildDocx([p('Tổng số 9.375 trường hợp'.normalize('NFD'))]));
    expect(doc.paragraphs[0].text).toBe('Tổng số 9.375 trường hợp');
    const bytes = zipSync({
      'word/document.xml': strToU8('<w:document xmlns:w="x"><w:body><w:p><w:r><w:rPr><w:rStyle w:val="a>b"/></w:rPr><w:t>có 1.487 chứng thư</w:t></w:r></w:p></w:body></w:document>'),
    });
    expect(readDocx(bytes).paragraphs.map((x) => x.text)).toEqual(['có 1.487 chứng thư']);
  });

  test('headers are never read; numbered paragraphs and typed dashes are list items', () => {
    const doc = readDocx(buildDocx([{ kind: 'p', runs: ['một'], numbered: true }, p('- hai'), p('ba')]));
    expect(doc.paragraphs.map((x) => x.text).join('|')).not.toContain('9.999');
    expect(doc.paragraphs.map((x) => x.listItem)).toEqual([true, true, false]);
  });
});

describe('tables', () => {
  test('gridSpan and vMerge read as a grid, continuation cells pointing at their origin', () => {
    const doc = readDocx(
      buildDocx([
        tbl([
          [{ text: 'Góc', vMerge: 'restart' }, { text: 'Nhóm', span: 2 }],
          [{ text: '', vMerge: 'continue' }, { text: 'A' }, { text: 'B' }],
          [{ text: 'Kỳ' }, { text: '1' }, { text: '2' }],
        ]),
      ]),
    );
    const t = doc.tables[0];
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Góc', 'Nhóm', 'Nhóm'],
      ['Góc', 'A', 'B'],
      ['Kỳ', '1', '2'],
    ]);
    expect(t.rows[0][2].mergedFrom).toEqual({ row: 0, col: 1 });
    expect(t.rows[1][0].mergedFrom).toEqual({ row: 0, col: 0 });
    expect(t.rows[2][1].mergedFrom).toBeUndefined();
  });

  test('the seed report: 3 tables, the paragraphs in order, the footnote marks apart', () => {
    const doc = readDocx(seedReportDocx());
    expect(doc.tables).toHaveLength(3);
    expect(doc.tables[0].rows[2].map((c) => c.text)).toEqual(['Từ ngày 01/7/2025 đến 15/10/2025', '5', '39', '6', '306', '828', '3,341', '1,868', '752', '10,669', '132,965', '340,309']);
    const certs = doc.paragraphs.find((x) => x.text.includes('chứng thư'));
    expect(certs?.text).toContain('tổng số 9.375 trường hợp; trong đó có 1.487 chứng thư tổ chức, 7.697');
    const units = doc.paragraphs.find((x) => x.text.includes('14 sở'));
    expect(units?.text).toContain('14 sở, 12 chi cục, 01 đơn vị');
    expect(doc.paragraphs.filter((x) => x.kind === 'footnote')).toHaveLength(4);
  });
});

describe('refused', () => {
  test('a DOCTYPE is refused, its entities never expanded', () => {
    const bytes = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>'),
    });
    const e = refusal(bytes);
    expect(e.kind).toBe('doctype');
    expect(e.reason.vi).toContain('DOCTYPE');
  });

  test('.doc, .odt, .pdf, .rtf, a workbook, an empty file: each its own message', () => {
    const doc = ole2(['WordDocument', '1Table']);
    expect(refusal(doc).kind).toBe('doc');
    expect(refusal(doc).reason.vi).toContain('Word 97–2003 (.doc)');
    const odt = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<x/>') });
    expect(refusal(odt).kind).toBe('odt');
    expect(refusal(odt).reason.en).toContain('.odt');
    expect(refusal(strToU8('%PDF-1.7\n…')).kind).toBe('pdf');
    expect(refusal(strToU8('{\\rtf1\\ansi}')).kind).toBe('rtf');
    expect(refusal(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') })).kind).toBe('workbook');
    expect(refusal(ole2(['Workbook'])).kind).toBe('workbook');
    expect(refusal(ole2(['EncryptionInfo', 'EncryptedPackage'])).kind).toBe('encrypted');
    expect(refusal(new Uint8Array(0)).kind).toBe('empty');
    expect(refusal(strToU8('chỉ là chữ')).kind).toBe('not-docx');
  });

  test('the zip limits of workbooks apply: a part inflating beyond them is refused before it is inflated', () => {
    const big = new Uint8Array(ZIP_LIMITS.maxPartBytes + 1);
    const bomb = zipSync({ 'word/document.xml': big }, { level: 9 });
    const e = refusal(bomb);
    expect(e.kind).toBe('corrupt');
    expect(e.reason.en).toMatch(/hostile|zip bomb|limit/i);
  });
});
