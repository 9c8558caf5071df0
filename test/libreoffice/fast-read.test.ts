/**
 * The fast reader gives exactly what the ExcelJS reader gives: fresh workbooks, a consolidated one
 * (groups, subtotals, a missing unit), cells edited by a clerk (text numbers, rich text, errors,
 * booleans, dates), renamed and inserted rows. Files LibreOffice re-saved (shared formulas) and
 * the other unsupported features are handed by `readWorkbook` to the ExcelJS reader, and only
 * those (`readStats` counts it). Prefixed SpreadsheetML (`<x:c>`) is read. Bad packages get the
 * same errors.
 */
import { unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { templateWorkbook } from '../../src/xlsx/new-workbook';
import { writeWorkbook } from '../../src/xlsx/writer';
import { readStats, readWorkbook } from '../../src/xlsx/read-workbook';
import { readWorkbookExcelJS } from '../../src/xlsx/exceljs-read';
import { FastReaderUnsupported, readWorkbookFast } from '../../src/xlsx/fast-read';
import { WorkbookReadError } from '../../src/xlsx/errors';
import { editParts, prefixedXlsx } from '../support/zip-parts';
import { consolidate, summarizeSource } from '../../src/core/combine/consolidate';
import { SEED_REPORT } from '../../src/core/forms/builtin';
import { editXlsx, insertRowsAbove, setCell } from '../support/edit-xlsx';
import { convertWithLibreOffice } from '../support/libreoffice';
import { unitRead } from '../support/units-fixture';

async function same(bytes: Uint8Array): Promise<void> {
  const full = await readWorkbookExcelJS(bytes);
  const fast = readWorkbookFast(bytes);
  expect(fast).toEqual(full);
  expect(fast.tables.length).toBeGreaterThan(0);
}

let sample: Buffer;

/** The feature the fast reader refused the bytes for (what it threw otherwise, or 'read' when it read them). */
function refusal(bytes: Uint8Array): unknown {
  try {
    readWorkbookFast(bytes);
    return 'read';
  } catch (e) {
    return e instanceof FastReaderUnsupported ? e.feature : e;
  }
}

beforeAll(async () => {
  sample = Buffer.from(await templateWorkbook(TEMPLATES, { ...SEED_REPORT }, true));
});

test('the --sample workbook and a blank one', async () => {
  await same(sample);
  await same(await templateWorkbook(TEMPLATES, { dataRows: 5 }));
});

test('a consolidated workbook with groups, subtotals and a missing unit', async () => {
  const sources = [1, 2, 3].map((s) => summarizeSource({ file: `x${s}.xlsx`, sha256: null, read: unitRead({ unit: `Xã ${s}`, seed: s }), errors: 0, warnings: 0 }, TEMPLATES));
  const c = consolidate(sources, {
    templates: TEMPLATES,
    units: [
      { unit: 'Xã 1', group: 'G1' },
      { unit: 'Xã 2', group: 'G1' },
      { unit: 'Xã 3', group: 'G2' },
      { unit: 'Xã 4', group: 'G2' },
    ],
  });
  const bytes = await writeWorkbook(c.plans);
  await same(bytes);
  const fast = await readWorkbookFast(bytes);
  expect(fast.tables[0].groups).toEqual([
    { top: 0, bottom: 3 },
    { top: 4, bottom: 7 },
  ]);
});

test('clerk edits: text numbers, rich text, errors, booleans, dates, blanks, rows inserted above', async () => {
  const read = await readWorkbookExcelJS(sample);
  const c = read.tables[0].columns;
  let b = await setCell(sample, 'Biểu 01', c['local.council'][0].address, '1.292');
  b = await setCell(b, 'Biểu 01', c['central.committee'][0].address, { richText: [{ text: '1' }, { font: { bold: true }, text: '2 & <3>' }] });
  b = await setCell(b, 'Biểu 01', c['central.politburo'][0].address, { error: '#N/A' });
  b = await setCell(b, 'Biểu 01', c['central.secretariat'][0].address, true);
  b = await setCell(b, 'Biểu 01', c['central.assembly'][0].address, new Date(Date.UTC(2025, 6, 1)));
  b = await setCell(b, 'Biểu 01', c['central.government'][0].address, null);
  b = await insertRowsAbove(b, 'Biểu 02', 2, 3);
  b = await editXlsx(b, (wb) => {
    const ws = wb.getWorksheet('Biểu 03');
    if (ws) ws.name = "Biểu 03 'Q3' & <x>";
  });
  await same(b);
  const fast = await readWorkbookFast(b);
  expect(fast.tables[0].columns['central.committee'][0].value).toBe('12 & <3>');
  expect(fast.tables[0].columns['central.politburo'][0].value).toEqual({ error: '#N/A' });
  expect(fast.tables[2].sheet).toBe("Biểu 03 'Q3' & <x>");
});

test('files re-saved by LibreOffice (its own names)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bm-fast-'));
  try {
    const file = join(dir, 'mau.xlsx');
    writeFileSync(file, sample);
    const [out] = convertWithLibreOffice([file], 'xlsx', join(dir, 'lo'));
    // This LibreOffice writes every formula's text: the fast reader reads it, as ExcelJS does.
    await same(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad packages: the same errors as the full reader', async () => {
  const messages: unknown[] = [];
  for (const bad of [new Uint8Array(0), new TextEncoder().encode('not a workbook'), sample.subarray(0, 3000)]) {
    const full = await readWorkbookExcelJS(bad).catch((e: Error) => e.message);
    const fast = await Promise.resolve()
      .then(() => readWorkbookFast(bad))
      .catch((e: Error) => e.message);
    expect(fast).toBe(full);
    messages.push(fast);
  }
  expect(messages).toEqual(['The file is empty.', 'Not an .xlsx file.', 'The .xlsx file is corrupt (it cannot be unzipped).']);
});

test('readWorkbook reads through the fast reader: the count moves, the ExcelJS one does not', async () => {
  const fast = readStats.fast;
  const excel = { ...readStats.excelJS };
  const read = await readWorkbook(sample);
  expect(readStats.fast).toBe(fast + 1);
  expect(readStats.excelJS).toEqual(excel);
  expect(read).toEqual(await readWorkbookExcelJS(sample));
});

test('prefixed SpreadsheetML (<x:worksheet>, <x:row>, <x:c>, <x:si>, <pr:Relationship>, rel:id) reads as the plain file', async () => {
  const prefixed = prefixedXlsx(sample);
  const sheet = new TextDecoder().decode(unzipSync(prefixed)['xl/worksheets/sheet1.xml']);
  expect(sheet).toMatch(/<x:worksheet /);
  expect(sheet).toMatch(/<x:row /);
  expect(sheet).toMatch(/<x:c r="[A-Z]+\d+"/);
  expect(sheet).not.toMatch(/<c /);
  const fast = readStats.fast;
  const read = await readWorkbook(prefixed);
  expect(readStats.fast).toBe(fast + 1);
  expect(read).toEqual(await readWorkbookExcelJS(sample));
  expect(read.tables[0].columns['local.council'][0].value).toBe(752);
});

test.each([
  ['date-cell', (c: string) => c.replace(/ t="[^"]*"/, '').replace(/<c r="J8"([^>]*)>.*?<\/c>/, '<c r="J8"$1 t="d"><v>2025-07-01T00:00:00Z</v></c>')],
  ['cell-without-address', (c: string) => c.replace('<c r="J8"', '<c')],
  ['cell-type', (c: string) => c.replace(/<c r="J8"([^>]*)>/, '<c r="J8"$1 t="x">')],
])('the fast reader names the unsupported feature %s', (feature, edit) => {
  const edited = editParts(sample, (p) => {
    const xml = p['xl/worksheets/sheet1.xml'] as string;
    const changed = xml.replace(/<c r="J8"[^>]*>.*?<\/c>/, (c) => edit(c));
    expect(changed).not.toBe(xml);
    p['xl/worksheets/sheet1.xml'] = changed;
  });
  expect(refusal(edited)).toBe(feature);
});

test('a shared formula without its text (as LibreOffice may write) goes to ExcelJS', async () => {
  const shared = editParts(sample, (p) => {
    const xml = p['xl/worksheets/sheet1.xml'] as string;
    expect(xml).toContain('<c r="H8" s="8"><f>SUM(B8:G8)</f>');
    p['xl/worksheets/sheet1.xml'] = xml
      .replace('<c r="H8" s="8"><f>SUM(B8:G8)</f>', '<c r="H8" s="8"><f t="shared" ref="H8:N8" si="0">SUM(B8:G8)</f>')
      .replace('<c r="N8" s="8"><f>SUM(I8:M8)</f>', '<c r="N8" s="8"><f t="shared" si="0"/>');
  });
  expect(refusal(shared)).toBe('shared-formula');
  const before = readStats.excelJS['shared-formula'] ?? 0;
  const fast = readStats.fast;
  const read = await readWorkbook(shared);
  expect(readStats.excelJS['shared-formula']).toBe(before + 1);
  expect(readStats.fast).toBe(fast);
  expect(read).toEqual(await readWorkbookExcelJS(shared));
  expect(read.tables.map((t) => t.templateId)).toEqual(['b01', 'b02', 'b03', 'b04']);
});

test('a documented unsupported feature (the 1904 date system) goes to ExcelJS; a missing sheet does not', async () => {
  const d1904 = editParts(sample, (p) => {
    p['xl/workbook.xml'] = (p['xl/workbook.xml'] as string).replace(/<workbookPr\b/, '<workbookPr date1904="1"');
  });
  expect(new TextDecoder().decode(unzipSync(d1904)['xl/workbook.xml'])).toContain('date1904="1"');
  expect(refusal(d1904)).toBe('date1904');
  expect(refusal(sample)).toBe('read');
  const before = readStats.excelJS.date1904 ?? 0;
  expect(await readWorkbook(d1904)).toEqual(await readWorkbookExcelJS(d1904));
  expect(readStats.excelJS.date1904).toBe(before + 1);

  // Not a feature, a broken package: the file's error, and no second attempt with ExcelJS.
  const noSheet = editParts(sample, (p) => {
    p['xl/worksheets/sheet2.xml'] = undefined;
  });
  const excel = { ...readStats.excelJS };
  const fast = readStats.fast;
  const err = await readWorkbook(noSheet).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(WorkbookReadError);
  expect((err as WorkbookReadError).reason).toEqual({ vi: 'Tệp .xlsx bị hỏng hoặc không đọc được.', en: 'The .xlsx file is corrupt or cannot be read.' });
  expect(readStats.excelJS).toEqual(excel);
  expect(readStats.fast).toBe(fast);
});
