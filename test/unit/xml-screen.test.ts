/**
 * The look over an XML part's bytes before ExcelJS is given it (`xlsx/xml-screen`): the shape it
 * measures, the parts it refuses and their words, and the workbooks it must never refuse (a
 * 100,000-row workbook written by ExcelJS, one saved by LibreOffice, the tables' workbooks).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { unzipSync } from 'fflate';
import { screenPart, xmlShape } from '../../src/xlsx/xml-screen';
import { XML_PART_LIMITS } from '../../src/xlsx/limits';
import { WorkbookReadError } from '../../src/xlsx/errors';
import { incomingXlsx, type IncomingRow } from '../support/registers';
import { workbookSeeds } from '../fuzz/seeds';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

function refusalOf(name: string, xml: Uint8Array): { id: string; vi: string; en: string } | null {
  try {
    screenPart(name, xml);
    return null;
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    return { id: e.refusal.id, vi: e.refusal.message.vi, en: e.refusal.message.en };
  }
}

function xmlParts(xlsx: Uint8Array): [string, Uint8Array][] {
  return Object.entries(unzipSync(xlsx)).filter(([n]) => /\.(xml|rels)$/.test(n));
}

describe('xmlShape', () => {
  it('measures the longest attribute value and tag, the deepest nesting and the elements left open', () => {
    const xml = '<?xml version="1.0"?><a x="12345"><b y=\'1\'/><c><d>t</d></c><e z="ab>cd"></e></a>';
    expect(xmlShape(bytes(xml))).toEqual({ attribute: 5, tag: '<e z="ab>cd">'.length, depth: 3, unclosed: 0, unended: 0 });
    expect(xmlShape(bytes('<a><b><c></c>'))).toEqual({ attribute: 0, tag: '</c>'.length, depth: 3, unclosed: 2, unended: 0 });
  });

  it('steps over comments, CDATA sections and declarations, whatever they hold', () => {
    const xml = `<a><!-- <b><b><b> --><![CDATA[<c><c x="${'y'.repeat(50)}">]]><!DOCTYPE a><?pi <d>?></a>`;
    expect(xmlShape(bytes(xml))).toEqual({ attribute: 0, tag: '<!DOCTYPE a>'.length, depth: 1, unclosed: 0, unended: 0 });
  });

  it('ends a tag left unfinished where the next one begins', () => {
    expect(xmlShape(bytes('<a><b x="1" <c></c></a>'))).toEqual({ attribute: 1, tag: '<b x="1" '.length, depth: 2, unclosed: 0, unended: 1 });
  });
});

describe('screenPart', () => {
  it('refuses an attribute value beyond the limit as a corrupt file, naming the part and both sizes', () => {
    const xml = bytes(`<worksheet><c r="A1" t="${'&amp;'.repeat(XML_PART_LIMITS.maxAttributeBytes / 5 + 1)}"/></worksheet>`);
    expect(refusalOf('xl/worksheets/sheet1.xml', xml)).toEqual({
      id: 'corrupt',
      vi: 'Tệp .xlsx bị hỏng hoặc không đọc được. Phần "xl/worksheets/sheet1.xml" có giá trị thuộc tính dài 1.048.580 byte, quá giới hạn 1.048.576.',
      en: 'The .xlsx file is corrupt or cannot be read. The part "xl/worksheets/sheet1.xml" has an attribute value 1,048,580 bytes long, beyond the limit of 1,048,576.',
    });
    // At the limit: taken.
    expect(refusalOf('xl/worksheets/sheet1.xml', bytes(`<c t="${'A'.repeat(XML_PART_LIMITS.maxAttributeBytes)}"/>`))).toBeNull();
  });

  it('refuses a tag of hundreds of thousands of short attributes', () => {
    const attrs = Array.from({ length: 200_000 }, (_, i) => ` a${i}="1"`).join('');
    const r = refusalOf('xl/styles.xml', bytes(`<styleSheet${attrs}/>`));
    expect(r?.en).toMatch(/^The \.xlsx file is corrupt or cannot be read\. The part "xl\/styles\.xml" has a tag 2,\d{3},\d{3} bytes long, beyond the limit of 2,097,152\.$/);
    expect(r?.vi).toMatch(/Phần "xl\/styles\.xml" có thẻ dài 2\.\d{3}\.\d{3} byte, quá giới hạn 2\.097\.152\.$/);
  });

  it('refuses thousands of tags never ended (input 37122 of seed 1: 17,672 `<mergeCell ` in a formula, 2 s of ExcelJS errors)', () => {
    const xml = (n: number): Uint8Array => bytes(`<worksheet><c><f>1${'<mergeCell '.repeat(n)}</f></c></worksheet>`);
    expect(refusalOf('xl/worksheets/sheet1.xml', xml(1000))).toBeNull();
    expect(refusalOf('xl/worksheets/sheet1.xml', xml(17_672))).toEqual({
      id: 'corrupt',
      vi: 'Tệp .xlsx bị hỏng hoặc không đọc được. Phần "xl/worksheets/sheet1.xml" có 17.672 thẻ không có dấu > kết thúc, quá giới hạn 1.000.',
      en: 'The .xlsx file is corrupt or cannot be read. The part "xl/worksheets/sheet1.xml" has 17,672 tags never ended by a >, beyond the limit of 1,000.',
    });
  });

  it('refuses elements nested beyond the limit, closed or not, and keeps the plain words for thousands left open', () => {
    const deep = (n: number, close: boolean): Uint8Array => bytes(`<workbook>${'<x>'.repeat(n)}${close ? '</x>'.repeat(n) : ''}</workbook>`);
    expect(refusalOf('xl/workbook.xml', deep(999, true))).toBeNull();
    expect(refusalOf('xl/workbook.xml', deep(1000, true))).toEqual({
      id: 'corrupt',
      vi: 'Tệp .xlsx bị hỏng hoặc không đọc được. Phần "xl/workbook.xml" có phần tử lồng nhau sâu 1.001 cấp, quá giới hạn 1.000.',
      en: 'The .xlsx file is corrupt or cannot be read. The part "xl/workbook.xml" has elements nested 1,001 deep, beyond the limit of 1,000.',
    });
    expect(refusalOf('xl/sharedStrings.xml', deep(20_000, false))).toEqual({ id: 'corrupt', vi: 'Tệp .xlsx bị hỏng hoặc không đọc được.', en: 'The .xlsx file is corrupt or cannot be read.' });
  });

  it('takes every part of the tables\' workbooks and of one saved by LibreOffice', async () => {
    const seeds = [...(await workbookSeeds()).map((s) => s.bytes), new Uint8Array(readFileSync(join(__dirname, '..', 'fuzz', 'seeds', 'libreoffice.xlsx')))];
    for (const seed of seeds) for (const [name, part] of xmlParts(seed)) expect({ name, refused: refusalOf(name, part) }).toEqual({ name, refused: null });
  });

  it('takes a 100,000-row workbook written by ExcelJS, its shape far from every limit', async () => {
    const rows: IncomingRow[] = Array.from({ length: 100_000 }, (_, i) => ({
      arrival: { iso: '2025-07-01' },
      arrivalNo: i + 1,
      author: 'Bộ Chính trị',
      symbol: `${i + 1}-NQ/TW`,
      date: { iso: '2025-06-28' },
      summary: `Văn bản số ${i + 1} về công tác năm 2025`,
    }));
    const parts = xmlParts(await incomingXlsx(rows));
    const sheet = parts.find(([n]) => n.startsWith('xl/worksheets/'));
    expect(sheet && sheet[1].length).toBeGreaterThan(5_000_000);
    for (const [name, part] of parts) {
      const s = xmlShape(part);
      expect({ name, unclosed: s.unclosed, deep: s.depth <= 10, longAttribute: s.attribute > 1000 }).toEqual({ name, unclosed: 0, deep: true, longAttribute: false });
      expect(refusalOf(name, part)).toBeNull();
    }
  }, 120000);
});
