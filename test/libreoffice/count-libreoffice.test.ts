/**
 * The counted workbook recalculated by LibreOffice (no cached value trusted): the COUNTIFS give the
 * figures counted independently from the hand-labelled rows; after the clerk changes the Từ ngày
 * cell of each table, they give the new period's figures; a row whose column the clerk corrects on
 * the register sheet moves its count.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TEMPLATES, CROSS_TABLE_RULES } from '../../src/core/forms/builtin';
import { entryColumns } from '../../src/core/forms/template';
import { classifyRegister, countedTemplates, summarise } from '../../src/core/count/count';
import { registerSheetFindings } from '../../src/core/count/count-findings';
import type { Register } from '../../src/core/count/register';
import { readRegister, readSheetRows } from '../../src/xlsx/register-read';
import { countWorkbook } from '../../src/xlsx/count-workbook';
import { readWorkbook } from '../../src/cli/path-source';
import type { WorkbookRead } from '../../src/core/tables/table-read';
import { convertWithLibreOffice } from '../support/libreoffice';
import { editXlsx } from '../support/edit-xlsx';
import { incomingXlsx, outgoingCsv, outgoingXlsx } from '../support/registers';
import { COMMITTEE_OUT, INCOMING, PARTY_OUT, expectedCounts } from '../support/count-fixture';

const TABLES = countedTemplates(TEMPLATES);
let dir: string;
let written: Buffer;

function must(r: ReturnType<typeof readRegister>): Register {
  if ('refusal' in r) throw new Error(r.refusal.message.en);
  return r;
}

function figures(wb: WorkbookRead): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of wb.tables) {
    const tpl = TABLES.find((x) => x.id === t.templateId);
    if (!tpl) continue;
    for (const c of entryColumns(tpl)) {
      const v = t.columns[c.id][0].value;
      if (typeof v !== 'number') throw new Error(`${t.templateId}:${c.id} is not a number: ${String(v)}`);
      if (v !== 0) out[`${t.templateId}:${c.id}`] = v;
    }
  }
  return out;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieumau-count-lo-'));
  const sources = [
    { register: must(readRegister({ name: 'den.xlsx', bytes: await incomingXlsx(INCOMING) })) },
    { register: must(readRegister({ name: 'tu-di.csv', bytes: outgoingCsv(PARTY_OUT) })) },
    { register: must(readRegister({ name: 'ubnd-di.xlsx', bytes: await outgoingXlsx(COMMITTEE_OUT) })), body: 'local.peoplesCommittee' },
  ];
  const period = { from: '2025-07-01', to: '2025-07-31' };
  const classified = sources.map((s) => classifyRegister(TABLES, CROSS_TABLE_RULES, s));
  const summary = summarise(TABLES, classified, period);
  const { bytes } = await countWorkbook({ templates: TABLES, options: { ...period, unit: 'TỈNH ỦY LÂM ĐỒNG' }, registers: classified, summary });
  written = Buffer.from(bytes);
  fs.writeFileSync(path.join(dir, 'dem.xlsx'), written);

  // The clerk's edits: another first day in each table; a row's column corrected on the register sheet.
  const read = await readWorkbook(written);
  const moved = await editXlsx(written, (wb) => {
    for (const t of read.tables) {
      const from = t.info.from;
      if (!from) throw new Error('no Từ ngày cell');
      const ws = wb.getWorksheet(t.sheet);
      if (!ws) throw new Error(`no sheet ${t.sheet}`);
      ws.getCell(from.address).value = new Date(Date.UTC(2025, 6, 10));
    }
  });
  fs.writeFileSync(path.join(dir, 'tu-ngay.xlsx'), moved);
  const corrected = await editXlsx(written, (wb) => {
    // Row 5 of the incoming sheet is INCOMING[3], the /TW document without an author: the clerk decides Bộ Chính trị.
    const ws = wb.getWorksheet('Sổ văn bản đến');
    if (!ws) throw new Error('no register sheet');
    expect(ws.getCell('E5').value).toBe('08-QĐi/TW');
    ws.getCell('J5').value = 'central.politburo';
  });
  fs.writeFileSync(path.join(dir, 'sua-cot.xlsx'), corrected);
  convertWithLibreOffice(['dem.xlsx', 'tu-ngay.xlsx', 'sua-cot.xlsx'].map((f) => path.join(dir, f)), 'xlsx', path.join(dir, 'lo'));
}, 240000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('recalculated in LibreOffice, every entry equals the independent count of the period', async () => {
  const wb = await readWorkbook(path.join(dir, 'lo', 'dem.xlsx'));
  expect(figures(wb)).toEqual(expectedCounts('2025-07-01', '2025-07-31'));
  // The cached values the writer stored agree with LibreOffice's.
  expect(figures(await readWorkbook(written))).toEqual(expectedCounts('2025-07-01', '2025-07-31'));
});

test('after the Từ ngày cells are changed, the counts are those of the new period', async () => {
  const wb = await readWorkbook(path.join(dir, 'lo', 'tu-ngay.xlsx'));
  const expected = expectedCounts('2025-07-10', '2025-07-31');
  expect(expected).not.toEqual(expectedCounts('2025-07-01', '2025-07-31'));
  expect(figures(wb)).toEqual(expected);
});

test('a row whose column the clerk corrects on the register sheet is counted there', async () => {
  const wb = await readWorkbook(path.join(dir, 'lo', 'sua-cot.xlsx'));
  const expected = expectedCounts('2025-07-01', '2025-07-31');
  expected['b01:central.politburo'] += 1;
  expect(figures(wb)).toEqual(expected);
});

test('the corrected row is no longer reported as unclassified by the check of the register sheets', () => {
  const period = { from: '2025-07-01', to: '2025-07-31' };
  const at = (bytes: Uint8Array): string[] => registerSheetFindings(readSheetRows(bytes), period).filter((f) => f.rule === 'register.unclassified').map((f) => `${f.cells[0].sheet}!${f.cells[0].address}`);
  expect(at(written)).toContain('Sổ văn bản đến!A5');
  const after = at(fs.readFileSync(path.join(dir, 'sua-cot.xlsx')));
  expect(after).not.toContain('Sổ văn bản đến!A5');
  expect(after.length).toBe(at(written).length - 1);
});
