/**
 * The tie-out (core/tieout/tieout) on the seed report built as a .docx: the certificate figure 7.697 → 7.888,
 * cross.council from the report's own tables, the four averages, the breakdowns that add up left
 * alone; and each rule on small texts.
 */
import { buildDocx, p } from '../support/docx-builder';
import { SEED_TIEOUT_FINDINGS, seedReportDocx, seedTextDocx } from '../support/seed-report';
import { readDocx } from '../../src/xlsx/docx';
import { readWorkbook } from '../../src/cli/path-source';
import { buildWorkbook, parseNewArgs } from '../../src/cli/new';
import { tieOut, tieOutJson, type TieOutFinding, type TieOutResult } from '../../src/core/tieout/tieout';
import { findDocTables } from '../../src/core/tieout/doc-tables';
import { BUILTIN_CATALOG } from '../../src/core/forms/builtin';
import { RULE_REGISTRY } from '../../src/core/check/rules';
import { workbookFigures } from '../../src/core/figures';

const brief = (f: TieOutFinding): [string, number | null, number | null] => [f.rule, f.stated, f.expected];

function textOnly(...paras: string[]): TieOutResult {
  return tieOut(readDocx(buildDocx(paras.map((x) => p(x)))));
}

describe('the seed report with its tables', () => {
  const result = tieOut(readDocx(seedReportDocx()));

  test('the findings: four averages, the certificate figure, cross.council from the report tables', () => {
    expect(result.findings.map(brief)).toEqual(SEED_TIEOUT_FINDINGS);
  });

  test('the certificate finding names the reconciling figure and quotes its sentence', () => {
    const f = result.findings.find((x) => x.rule === 'text.parts') as TieOutFinding;
    expect(f.message.vi).toContain('với 7.888 thì 1.487 + 7.888 = 9.375 cũng khớp'.replace(/^v/, 'V'));
    expect(f.message.vi).toContain('7.697 ≠ 7.433 + 455 = 7.888');
    expect(f.message.en).toContain('With 7,888, 1,487 + 7,888 = 9,375 also holds');
    expect('quote' in f.where && f.where.quote.slice(f.figure?.start, f.figure?.end)).toBe('7.697');
  });

  test('an average says which count of days it fits and the period it should use', () => {
    const f = result.findings[0];
    expect(f.message.vi).toContain('43 ≈ 4.525 / 105 ngày; kỳ báo cáo (01/7/2025–15/10/2025) có 107 ngày');
  });

  test('cross.council at the report table cells', () => {
    const f = result.findings.find((x) => x.rule === 'cross.council') as TieOutFinding;
    expect(f.where).toEqual({ table: 'Biểu 02', cell: 'I3' });
    expect(f.message.vi).toContain('Biểu 01 I3');
  });

  test('no finding on the breakdowns that add up, on footnote marks or on dates and symbols', () => {
    const stated = result.findings.map((f) => f.stated);
    for (const n of [9375, 3820, 5555, 898, 804, 94, 1325, 1095, 230, 136, 40, 96, 248, 124, 2359, 1939, 420, 14, 12, 1, 2, 3, 4, 52]) expect(stated).not.toContain(n);
  });

  test('the 15 meetings match Biểu 03', () => {
    expect(result.matched).toEqual([{ stated: 15, table: 'Biểu 03', cell: 'F4', paragraph: 6 }]);
  });

  test('the JSON document has exactly the fields of the contract, numbers plain', () => {
    const json = JSON.parse(tieOutJson({ file: 'r.docx', sha256: 'ab', paragraphs: 35, tables: 3 }, null, result));
    expect(Object.keys(json)).toEqual(['document', 'workbook', 'findings', 'matched', 'errors', 'warnings']);
    expect(json.workbook).toBeNull();
    expect(json.errors).toBe(6);
    expect(json.warnings).toBe(0);
    expect(Object.keys(json.findings[4])).toEqual(['rule', 'severity', 'where', 'stated', 'expected', 'message']);
    expect(json.findings[4].stated).toBe(7697);
    expect(json.findings[4].expected).toBe(7888);
    expect(Object.keys(json.findings[4].where)).toEqual(['paragraph', 'quote']);
  });
});

describe('the text alone against `bieumau new --sample`', () => {
  test('the four averages found, the 15 meetings and the procedures matched', async () => {
    const workbook = await readWorkbook(await buildWorkbook(parseNewArgs(['unused.xlsx', '--sample'])));
    const result = tieOut(readDocx(seedTextDocx()), { workbook });
    expect(result.findings.map(brief)).toEqual(SEED_TIEOUT_FINDINGS.filter(([rule]) => rule !== 'cross.council'));
    expect(result.matched.map((m) => [m.stated, m.table])).toEqual([
      [15, 'Biểu 03'],
      [2359, 'Biểu 04'],
      [898, 'Biểu 04'],
      [1325, 'Biểu 04'],
      [136, 'Biểu 04'],
    ]);
    const meetings = workbook.tables.find((t) => t.templateId === 'b03');
    expect(result.matched[0].cell).toBe(meetings?.columns['local.provincialParty'][0].address);
  });

  test('the report tables against the workbook, cell by cell', async () => {
    const sample = await readWorkbook(await buildWorkbook(parseNewArgs(['unused.xlsx', '--sample'])));
    const result = tieOut(readDocx(seedReportDocx()), { workbook: sample });
    // The sample workbook has the seed's 752 too: the tables agree cell by cell.
    expect(result.findings.filter((f) => 'table' in f.where && f.rule === 'text.table')).toEqual([]);
    const changed = tieOut(readDocx(seedReportDocx().slice()), { workbook: { tables: sample.tables.map((t) => (t.templateId === 'b03' ? { ...t, columns: { ...t.columns, 'local.council': [{ ...t.columns['local.council'][0], value: 59 }] } } : t)) } });
    expect(changed.findings.filter((f) => 'table' in f.where && f.rule === 'text.table').map((f) => [f.where, f.stated, f.expected])).toEqual([[{ table: 'Biểu 03', cell: 'G4' }, 58, 59]]);
  });
});

describe("the sentences the pane's Số liệu tab writes", () => {
  test('tie out against the workbook they come from: every figure matched, none flagged; a changed one flagged', async () => {
    const workbook = await readWorkbook(await buildWorkbook(parseNewArgs(['unused.xlsx', '--sample'])));
    const sentences = workbookFigures(workbook).tables.flatMap((t) => t.sentences.map((x) => `${x.text.vi}.`));
    const ok = tieOut(readDocx(buildDocx(sentences.map((x) => p(x)))), { workbook });
    expect(ok.findings).toEqual([]);
    expect(ok.matched.map((m) => [m.stated, m.table])).toEqual([
      [4525, 'Biểu 01'],
      [42, 'Biểu 01'],
      [4547, 'Biểu 01'],
      [1269, 'Biểu 01'],
      [136420, 'Biểu 01'],
      [1868, 'Biểu 02'],
      [732, 'Biểu 02'],
      [10669, 'Biểu 02'],
      [162, 'Biểu 03'],
      [2359, 'Biểu 04'],
      [898, 'Biểu 04'],
      [1325, 'Biểu 04'],
      [136, 'Biểu 04'],
    ]);
    const changed = sentences.map((x) => x.replace('tham dự 162 hội nghị', 'tham dự 126 hội nghị'));
    const bad = tieOut(readDocx(buildDocx(changed.map((x) => p(x)))), { workbook });
    expect(bad.findings.map(brief)).toEqual([['text.table', 126, 162]]);
  });
});

describe('text.parts', () => {
  test('a complete breakdown that differs: the total named with the sum of its parts', () => {
    const r = textOnly('Tổng số 120 hồ sơ (70 hồ sơ cấp tỉnh, 40 hồ sơ cấp xã).');
    expect(r.findings.map(brief)).toEqual([['text.parts', 120, 110]]);
  });

  test('gồm and cấp tỉnh … cấp xã are complete; trong đó below its total raises nothing, above it does', () => {
    expect(textOnly('Đã tiếp nhận 50 hồ sơ, gồm: 20 hồ sơ trực tuyến; 25 hồ sơ trực tiếp.').findings.map(brief)).toEqual([['text.parts', 50, 45]]);
    expect(textOnly('Tiếp nhận trực tiếp 136 TTHC (cấp tỉnh là 40 thủ tục, cấp xã là 96 thủ tục).').findings).toEqual([]);
    expect(textOnly('Tổng số 500 trường hợp; trong đó có 120 trường hợp tổ chức, 300 trường hợp cá nhân.').findings).toEqual([]);
    expect(textOnly('Tổng số 500 trường hợp; trong đó có 320 trường hợp tổ chức, 300 trường hợp cá nhân.').findings.map(brief)).toEqual([['text.parts', 500, 620]]);
  });

  test('a total followed by bullet paragraphs', () => {
    const r = textOnly('Đã công khai 2.359 TTHC; trong đó:', '- Toàn trình 898 TTHC.', '- Một phần 1325 TTHC.', '- Trực tiếp 1.136 TTHC.');
    expect(r.findings.map(brief)).toEqual([['text.parts', 2359, 3359]]);
  });

  test('approximate figures ("hơn") are not summed', () => {
    expect(textOnly('Tổng số hơn 100 hồ sơ (70 hồ sơ cấp tỉnh, 40 hồ sơ cấp xã).').findings).toEqual([]);
  });
});

describe('text.ratio', () => {
  test('X/Y (tỷ lệ Z%) at the precision written', () => {
    expect(textOnly('Cung cấp 898/898 thủ tục (tỷ lệ 100 %).').findings).toEqual([]);
    expect(textOnly('Cung cấp 45/60 thủ tục (tỷ lệ 80%).').findings.map(brief)).toEqual([['text.ratio', 80, 75]]);
    expect(textOnly('Cung cấp 2/3 thủ tục, đạt 66,7%.').findings).toEqual([]);
    expect(textOnly('Cung cấp 2/3 thủ tục, đạt 66,6%.').findings.map(brief)).toEqual([['text.ratio', 66.6, 66.7]]);
  });
});

describe('the report tables', () => {
  test('found by their labels and read into the workbook model', () => {
    const found = findDocTables(readDocx(seedReportDocx()), BUILTIN_CATALOG);
    expect(found.map((f) => [f.read.sheet, f.docTable])).toEqual([
      ['Biểu 01', 1],
      ['Biểu 02', 2],
      ['Biểu 03', 3],
    ]);
    // Biểu 01 written with comma thousands, read as whole numbers.
    expect(found[0].read.columns['local.departments'][0].value).toBe(132965);
    // Biểu 03's group row left out: one data row.
    expect(found[2].read.rowLabels.map((c) => c.value)).toEqual(['Từ ngày 01/7/2025 đến 15/10/2025']);
    expect(found[2].read.info.from?.value).toEqual(new Date('2025-07-01T00:00:00Z'));
  });
});

test('every rule of the tie-out is registered with its severity', () => {
  for (const id of ['text.parts', 'text.ratio', 'text.table']) expect(RULE_REGISTRY.find((r) => r.id === id)?.severity).toBe('error');
});
