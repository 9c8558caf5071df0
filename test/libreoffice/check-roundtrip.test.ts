/**
 * `bieumau check` on workbooks as they come back from clerks: written by `bieumau new`, edited,
 * then re-saved by another program (LibreOffice, with full recalculation: formulas carry cached
 * values, and LibreOffice rewrites the XML, the defined names, shared strings and styles).
 *
 * LibreOffice runs twice, each time converting every file of the stage in one call:
 *   stage 1: the files as `bieumau new` / the writer made them (some edited through ExcelJS);
 *   stage 2: stage-1 outputs edited by a clerk (ExcelJS, names kept), re-saved again.
 * Every check goes through the built command line (`node bin/bieumau.js check … --json`).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildWorkbook, parseNewArgs, SAMPLE_DEFAULTS } from '../../src/cli/new';
import { layout } from '../../src/core/forms/layout';
import type { LayoutOptions } from '../../src/core/forms/plan';
import type { TableRead } from '../../src/core/tables/table-read';
import { findTemplate } from '../../src/core/forms/builtin';
import { entryColumns } from '../../src/core/forms/template';
import type { Template } from '../../src/core/forms/template';
import { writeWorkbook } from '../../src/xlsx/writer';
import { readWorkbook } from '../../src/cli/path-source';
import { readSheetScopedNames } from '../../src/xlsx/scoped-names';
import { convertWithLibreOffice } from '../support/libreoffice';
import { editXlsx, insertRowsAbove } from '../support/edit-xlsx';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'bieumau.js');

interface CellRef {
  sheet: string;
  address: string;
}
interface JsonFinding {
  rule: string;
  severity: 'error' | 'warning';
  cells: CellRef[];
  message: { vi: string; en: string };
  left?: number;
  right?: number;
  difference?: number;
  fix?: { cell: CellRef; value?: number; formula?: string; label: { vi: string; en: string } };
}
interface JsonDoc {
  files: { file: string; findings?: JsonFinding[]; error?: { vi: string; en: string } }[];
}

let dir: string;
const stage1: Record<string, string> = {};
const stage2: Record<string, string> = {};

function template(id: string): Template {
  const t = findTemplate(id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}

function check(...files: string[]): { code: number | null; doc: JsonDoc; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'check', ...files, '--json'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, doc: JSON.parse(r.stdout) as JsonDoc, stderr: r.stderr };
}

function findingsOf(file: string): { code: number | null; findings: JsonFinding[] } {
  const r = check(file);
  expect(r.stderr).toBe('');
  expect(r.doc.files).toHaveLength(1);
  expect(r.doc.files[0].error).toBeUndefined();
  return { code: r.code, findings: r.doc.files[0].findings ?? [] };
}

/** A1 address with its row moved by `by`. */
function down(address: string, by: number): string {
  return address.replace(/\d+$/, (r) => String(Number(r) + by));
}

/** Renames a sheet at the package level, as Excel does: the sheet and every defined name that names it. */
async function renameSheet(buf: Buffer, from: string, to: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  const file = zip.file('xl/workbook.xml');
  if (!file) throw new Error('no workbook.xml');
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const quoted = (s: string): string => `'${s.replace(/'/g, "''")}'!`;
  let xml = await file.async('string');
  xml = xml.split(`name="${esc(from)}"`).join(`name="${esc(to)}"`);
  xml = xml.split(esc(quoted(from))).join(esc(quoted(to)));
  xml = xml.split(quoted(from).replace(/'/g, '&apos;')).join(quoted(to).replace(/'/g, '&apos;'));
  zip.file('xl/workbook.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The cell of a column (data row `i`, or the totals row) of the table on `sheet`, as read. */
async function cellOf(file: string, sheet: string, column: string, row: number | 'total' = 0): Promise<CellRef> {
  const t = (await readWorkbook(file)).tables.find((x) => x.sheet === sheet) as TableRead;
  const c = row === 'total' ? t.totals?.[column] : t.columns[column][row];
  if (!c) throw new Error(`no ${column} on ${sheet}`);
  return { sheet: c.sheet, address: c.address };
}

/** `<c r="D8" t="s">`: the type attribute LibreOffice gave a cell. */
async function cellType(file: string, sheetIndex: number, address: string): Promise<string | undefined> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await (zip.file(`xl/worksheets/sheet${sheetIndex + 1}.xml`) as JSZip.JSZipObject).async('string');
  const tag = new RegExp(`<c r="${address}"[^>]*>`).exec(xml)?.[0];
  if (!tag) throw new Error(`no cell ${address}`);
  return /\st="([^"]*)"/.exec(tag)?.[1];
}

function periodOptions(from: string, to: string): LayoutOptions {
  return { ...SAMPLE_DEFAULTS, from, to };
}

/** Deterministic pseudo-random counts. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const BIG_ROWS = 3321;
const bigValues: number[][] = [];
const QUOTED = ["Biểu 01 'Q3'", "Biểu 02 'Q3' & (Tỉnh!)", 'Biểu 03 #REF!'];

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'build', 'cli', 'main.js'))) spawnSync('npm', ['run', 'build:cli'], { cwd: ROOT });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-roundtrip-'));
  const src = path.join(dir, 'src');
  const lo1 = path.join(dir, 'lo1');
  const edited = path.join(dir, 'edited');
  const lo2 = path.join(dir, 'lo2');
  for (const d of [src, edited]) fs.mkdirSync(d);
  const put = (folder: string, name: string, buf: Uint8Array): string => {
    const p = path.join(folder, name);
    fs.writeFileSync(p, buf);
    return p;
  };

  // --- stage 1 inputs
  const sample = await buildWorkbook(parseNewArgs(['unused.xlsx', '--sample']));
  const seed = put(src, 'seed.xlsx', sample);
  const renamed = put(src, 'renamed.xlsx', await renameSheet(await insertRowsAbove(sample, 'Biểu 01', 1, 3), 'Biểu 01', 'VB đến-đi'));

  const b01 = template('b01');
  const b02 = template('b02');
  const councilIndex = entryColumns(b01).findIndex((c) => c.id === 'local.council');
  const b01Fixed = b01.sample.map((row) => row.map((v, i) => (i === councilIndex ? 732 : v)));
  const q3 = periodOptions('2025-07-01', '2025-09-30');
  const q4 = periodOptions('2025-10-01', '2025-12-31');
  // Two Biểu 01 of one period (a copied sheet): the copy holds 732, the first 752.
  const twinPlans = [layout(b01, { ...q3, values: b01.sample }), layout(b01, { ...q3, values: b01Fixed }), layout(b02, { ...q3, values: b02.sample })];
  const twins = put(src, 'twins.xlsx', await writeWorkbook(twinPlans));
  // Two reports in one workbook: Q3 (Biểu 01 752, Biểu 02 732) and Q4 (both agree at 732 … after scaling).
  const b02Q4 = b02.sample.map((row) => row.map((v) => v * 2));
  const b01Q4 = b01Fixed.map((row) => row.map((v) => v * 2));
  const periodPlans = [
    layout(b01, { ...q3, values: b01Fixed }),
    layout(b02, { ...q3, values: b02.sample }),
    layout(b01, { ...q4, values: b01Q4 }),
    layout(b02, { ...q4, values: b02Q4 }),
  ];
  const periods = put(src, 'periods.xlsx', await writeWorkbook(periodPlans));

  // Sheet names that must be quoted in defined names.
  const b03 = template('b03');
  const quotedPlans = [
    layout(b01, { ...SAMPLE_DEFAULTS, values: b01Fixed }),
    layout(b02, { ...SAMPLE_DEFAULTS, values: b02.sample }),
    layout(b03, { ...SAMPLE_DEFAULTS, values: b03.sample, dataRows: b03.rows.kind === 'repeat' ? b03.sample.length : undefined }),
  ];
  quotedPlans.forEach((p, i) => (p.sheetName = QUOTED[i]));
  const quoted = put(src, 'quoted.xlsx', await writeWorkbook(quotedPlans));

  // A table of every commune of the country, random counts typed through ExcelJS.
  const bigNew = await buildWorkbook(
    parseNewArgs(['unused.xlsx', '--rows', String(BIG_ROWS), '--templates', '01', '--unit', 'BỘ NỘI VỤ', '--report', '12/BC-BNV', '--report-date', '2025-11-14', '--from', '2025-07-01', '--to', '2025-10-15']),
  );
  const bigTable = (await readWorkbook(bigNew)).tables[0];
  const entries = entryColumns(b01);
  const random = rng(20251114);
  for (let r = 0; r < BIG_ROWS; r++) bigValues.push(entries.map(() => Math.floor(random() * 100000)));
  const big = put(
    src,
    'big.xlsx',
    await editXlsx(bigNew, (wb) => {
      const ws = wb.getWorksheet('Biểu 01') as ExcelJS.Worksheet;
      entries.forEach((c, j) => {
        const cells = bigTable.columns[c.id];
        for (let r = 0; r < BIG_ROWS; r++) ws.getCell(cells[r].address).value = bigValues[r][j];
      });
    }),
  );
  stage1.bigOriginal = big;
  stage1.quotedOriginal = quoted;

  const ins = { seed, renamed, twins, periods, quoted, big };
  const outs = convertWithLibreOffice(Object.values(ins), 'xlsx', lo1);
  Object.keys(ins).forEach((k, i) => (stage1[k] = outs[i]));

  // --- stage 2: a clerk edits the LibreOffice-saved files
  const loSeed = fs.readFileSync(stage1.seed);
  const loRenamed = fs.readFileSync(stage1.renamed);
  const council = await cellOf(stage1.seed, 'Biểu 01', 'local.council');
  const fixed = put(
    edited,
    'fixed.xlsx',
    await editXlsx(loSeed, (wb) => {
      (wb.getWorksheet('Biểu 01') as ExcelJS.Worksheet).getCell(council.address).value = 732;
    }),
  );
  const clerkEdit = (sheet: string, entry: CellRef, total: CellRef) => (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
    ws.getCell(entry.address).value = '1.292';
    ws.getCell(total.address).value = 4525;
  };
  const entry = await cellOf(stage1.seed, 'Biểu 01', 'central.ministries');
  const total = await cellOf(stage1.seed, 'Biểu 01', 'central.total');
  const clerk = put(edited, 'clerk.xlsx', await editXlsx(loSeed, clerkEdit('Biểu 01', entry, total)));
  const rEntry = await cellOf(stage1.renamed, 'VB đến-đi', 'central.ministries');
  const rTotal = await cellOf(stage1.renamed, 'VB đến-đi', 'central.total');
  const clerkRenamed = put(edited, 'clerk-renamed.xlsx', await editXlsx(loRenamed, clerkEdit('VB đến-đi', rEntry, rTotal)));
  const ins2 = { fixed, clerk, clerkRenamed };
  const outs2 = convertWithLibreOffice(Object.values(ins2), 'xlsx', lo2);
  Object.keys(ins2).forEach((k, i) => (stage2[k] = outs2[i]));
}, 180000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('1. the --sample workbook re-saved by LibreOffice', () => {
  test('LibreOffice rewrote it: cached results, its own names', async () => {
    const t = (await readWorkbook(stage1.seed)).tables;
    expect(t.map((x) => x.sheet)).toEqual(['Biểu 01', 'Biểu 02', 'Biểu 03', 'Biểu 04']);
    const total = t[0].columns['central.total'][0];
    expect(total.formula).toBe('=SUM(B8:G8)');
    expect(total.value).toBe(4525);
    expect(t[0].columns['local.total'][0].value).toBe(486563);
  });

  test('exactly the one cross.council error, 732 vs 752, Biểu 02 then Biểu 01; exit 1', async () => {
    const { code, findings } = findingsOf(stage1.seed);
    expect(code).toBe(1);
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect(f).toMatchObject({ rule: 'cross.council', severity: 'error', left: 732, right: 752, difference: -20 });
    expect(f.cells).toEqual([await cellOf(stage1.seed, 'Biểu 02', 'council.total'), await cellOf(stage1.seed, 'Biểu 01', 'local.council')]);
    expect(f.cells.map((c) => c.sheet)).toEqual(['Biểu 02', 'Biểu 01']);
  });

  test('HĐND set to 732 (ExcelJS) and re-saved by LibreOffice again: exit 0, nothing found', () => {
    const r = check(stage2.fixed);
    expect(r.code).toBe(0);
    expect(r.doc.files[0].findings).toEqual([]);
  });
});

describe('2. clerk edits in LibreOffice-saved files', () => {
  test('text "1.292" is a shared string and a total is a constant in the file', async () => {
    expect(await cellType(stage2.clerk, 0, 'G8')).toBe('s');
    const t = (await readWorkbook(stage2.clerk)).tables[0];
    expect(t.columns['central.ministries'][0]).toMatchObject({ address: 'G8', value: '1.292', formula: null });
    expect(t.columns['central.total'][0]).toMatchObject({ address: 'H8', value: 4525, formula: null });
  });

  test('entry.text-number (fix 1292) and computed.formula-missing (fix the formula), at the right cells', async () => {
    const { code, findings } = findingsOf(stage2.clerk);
    expect(code).toBe(1);
    expect(findings.map((f) => [f.rule, f.cells[0].sheet, f.cells[0].address])).toEqual([
      ['entry.text-number', 'Biểu 01', 'G8'],
      ['computed.formula-missing', 'Biểu 01', 'H8'],
      ['cross.council', 'Biểu 02', 'M8'],
    ]);
    expect(findings[0].fix).toEqual({ cell: { sheet: 'Biểu 01', address: 'G8' }, value: 1292, label: { vi: 'Đổi thành số 1292', en: 'Change to the number 1292' } });
    expect(findings[1].fix).toMatchObject({ cell: { sheet: 'Biểu 01', address: 'H8' }, formula: '=SUM(B8:G8)' });
    expect(findings[2].cells[1]).toEqual({ sheet: 'Biểu 01', address: 'J8' });
  });
});

describe('3. sheet renamed and rows inserted above the table', () => {
  test('still recognised, the cross-table finding at the moved cell, message naming the new sheet', async () => {
    const tables = (await readWorkbook(stage1.renamed)).tables;
    expect(tables.map((t) => [t.sheet, t.templateId])).toEqual([
      ['VB đến-đi', 'b01'],
      ['Biểu 02', 'b02'],
      ['Biểu 03', 'b03'],
      ['Biểu 04', 'b04'],
    ]);
    const { code, findings } = findingsOf(stage1.renamed);
    expect(code).toBe(1);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'cross.council', left: 732, right: 752, difference: -20 });
    expect(findings[0].cells).toEqual([
      { sheet: 'Biểu 02', address: 'M8' },
      { sheet: 'VB đến-đi', address: 'J11' },
    ]);
    expect(findings[0].message.vi).toContain('VB đến-đi J11');
    expect(findings[0].message.en).toContain('VB đến-đi J11');
  });

  test('the clerk edits there: the same findings, addresses moved down by 3', () => {
    const { code, findings } = findingsOf(stage2.clerkRenamed);
    expect(code).toBe(1);
    expect(findings.map((f) => [f.rule, f.cells[0].sheet, f.cells[0].address])).toEqual([
      ['entry.text-number', 'VB đến-đi', down('G8', 3)],
      ['computed.formula-missing', 'VB đến-đi', down('H8', 3)],
      ['cross.council', 'Biểu 02', 'M8'],
    ]);
    expect(findings[0].fix).toMatchObject({ cell: { sheet: 'VB đến-đi', address: 'G11' }, value: 1292 });
    expect(findings[1].fix).toMatchObject({ cell: { sheet: 'VB đến-đi', address: 'H11' }, formula: '=SUM(B11:G11)' });
    expect(findings[2].cells[1]).toEqual({ sheet: 'VB đến-đi', address: 'J11' });
  });
});

describe('4. two tables of the same kind in one workbook', () => {
  test('Biểu 01 and its copy Biểu 01 (2), same period: Biểu 02 is checked against both, with a warning', async () => {
    const { code, findings } = findingsOf(stage1.twins);
    expect(code).toBe(1);
    expect(findings.map((f) => [f.rule, f.severity, f.cells.map((c) => `${c.sheet}!${c.address}`)])).toEqual([
      ['cross.council', 'error', ['Biểu 02!M8', 'Biểu 01!J8']],
      ['cross.ambiguous', 'warning', ['Biểu 02!A6', 'Biểu 01!A6', 'Biểu 01 (2)!A6']],
    ]);
    expect(findings[0]).toMatchObject({ left: 732, right: 752, difference: -20 });
    expect(findings[1].message.en).toContain('Biểu 01 (2)');
  });

  test('two reports (Q3, Q4) in one workbook: each Biểu 02 is compared with the Biểu 01 of its period', () => {
    const { findings } = findingsOf(stage1.periods);
    expect(findings.filter((f) => f.rule.startsWith('cross.'))).toEqual([]);
    // The workbook mixes periods, which is still reported against the first table.
    expect(findings.map((f) => [f.rule, f.cells[0].sheet])).toEqual([
      ['period.mismatch', 'Biểu 01 (2)'],
      ['period.mismatch', 'Biểu 02 (2)'],
    ]);
  });
});

describe('5. sheet names that need quoting in defined names', () => {
  test.each([
    ['as written by the writer', 'quotedOriginal'],
    ['re-saved by LibreOffice', 'quoted'],
  ])('%s: read back, names resolve, the sheets are checked', async (_label, key) => {
    const file = stage1[key];
    const names = await readSheetScopedNames(fs.readFileSync(file));
    const sheets = [...new Set(names.filter((n) => n.name === 'BM_META').map((n) => n.sheetName))];
    // Excel forbids a sheet name ending in an apostrophe: the writer drops that one.
    expect(sheets).toEqual(["Biểu 01 'Q3", "Biểu 02 'Q3' & (Tỉnh!)", 'Biểu 03 #REF!']);
    const tables = (await readWorkbook(file)).tables;
    expect(tables.map((t) => [t.sheet, t.templateId, t.broken])).toEqual([
      ["Biểu 01 'Q3", 'b01', undefined],
      ["Biểu 02 'Q3' & (Tỉnh!)", 'b02', undefined],
      ['Biểu 03 #REF!', 'b03', undefined],
    ]);
    const { code, findings } = findingsOf(file);
    expect(code).toBe(0);
    expect(findings).toEqual([]);
  });
});

describe('6. a table of 3,321 rows', () => {
  test.each([
    ['as written through ExcelJS (no cached results)', 'bigOriginal'],
    ['recalculated by LibreOffice', 'big'],
  ])('%s: no finding; every total reconciles', async (_label, key) => {
    const file = stage1[key];
    const { code, findings } = findingsOf(file);
    expect(findings).toEqual([]);
    expect(code).toBe(0);
    const t = (await readWorkbook(file)).tables[0];
    const entries = entryColumns(template('b01'));
    expect(t.rowLabels).toHaveLength(BIG_ROWS);
    entries.forEach((c, j) => {
      const cells = t.columns[c.id];
      for (let r = 0; r < BIG_ROWS; r += 997) expect(cells[r].value).toBe(bigValues[r][j]);
    });
    const colSum = (j: number): number => bigValues.reduce((a, row) => a + row[j], 0);
    const totals = t.totals as Record<string, { value: unknown; formula: string | null }>;
    const first = t.columns['central.politburo'][0].address.replace(/\d+$/, '');
    expect(totals['central.politburo'].formula).toBe(`=SUM(${first}${8}:${first}${8 + BIG_ROWS - 1})`);
    if (key === 'big') {
      // LibreOffice's results, against the figures typed.
      entries.forEach((c, j) => expect(totals[c.id].value).toBe(colSum(j)));
      const central = entries.map((c, j) => (c.id.startsWith('central.') ? j : -1)).filter((j) => j >= 0);
      expect(totals['central.total'].value).toBe(central.reduce((a, j) => a + colSum(j), 0));
      expect(t.columns['central.total'][BIG_ROWS - 1].value).toBe(central.reduce((a, j) => a + bigValues[BIG_ROWS - 1][j], 0));
    }
  });
});
