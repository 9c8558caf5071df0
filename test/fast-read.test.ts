/**
 * The fast reader gives exactly what the ExcelJS reader gives: fresh workbooks, a consolidated one
 * (groups, subtotals, a missing unit), cells edited by a clerk (text numbers, rich text, errors,
 * booleans, dates), renamed and inserted rows, and files LibreOffice re-saved (shared formulas:
 * handed to the full reader). Bad packages get the same errors.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TEMPLATES } from '../src/core/builtin';
import { templateWorkbook } from '../src/xlsx/new-workbook';
import { writeWorkbook } from '../src/xlsx/writer';
import { readWorkbookBytes } from '../src/xlsx/read';
import { readWorkbookFast } from '../src/xlsx/fast-read';
import { consolidate, summarizeSource } from '../src/core/consolidate';
import { SEED_REPORT } from '../src/core/builtin';
import { editXlsx, insertRowsAbove, setCell } from './support/edit-xlsx';
import { convertWithLibreOffice } from './support/libreoffice';
import { unitRead } from './support/units-fixture';

async function same(bytes: Uint8Array): Promise<void> {
  const full = await readWorkbookBytes(bytes);
  const fast = await readWorkbookFast(bytes);
  expect(fast).toEqual(full);
  expect(fast.tables.length).toBeGreaterThan(0);
}

let sample: Buffer;

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
  const read = await readWorkbookBytes(sample);
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

test('files re-saved by LibreOffice (shared formulas, its own names)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bm-fast-'));
  try {
    const file = join(dir, 'mau.xlsx');
    writeFileSync(file, sample);
    const [out] = convertWithLibreOffice([file], 'xlsx', join(dir, 'lo'));
    await same(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad packages: the same errors as the full reader', async () => {
  for (const bad of [new Uint8Array(0), new TextEncoder().encode('not a workbook'), sample.subarray(0, 3000)]) {
    const full = await readWorkbookBytes(bad).catch((e: Error) => e.message);
    const fast = await readWorkbookFast(bad).catch((e: Error) => e.message);
    expect(fast).toBe(full);
  }
});
