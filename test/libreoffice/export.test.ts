/**
 * `bieumau export` as a user runs it (`node bin/bieumau.js export …` on real `.xlsx` files): the
 * seed sample and a grouped consolidation of several units exported as CSV, JSON and SDMX-CSV; the
 * records checked against the workbooks' own totals (LibreOffice recalculates them), against
 * `consolidate --json`, and through two parsers that are not ours (a strict RFC 4180 reader written
 * for the tests, and SQLite's CSV import); the SDMX-ML structure validated against the official
 * schemas with xmllint; exit codes, unreadable inputs and existing files.
 */
import { spawnSync, execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { entryColumns, columnsOf, type Template } from '../../src/core/forms/template';
import { RECORD_FIELDS } from '../../src/core/export/export';
import { SDMX_CSV_HEADER } from '../../src/core/export/sdmx';
import { EXPORT_USAGE } from '../../src/cli/usage';
import { workbookFigures } from '../../src/core/figures';
import { periodText } from '../../src/core/forms/layout-texts';
import { writeWorkbook } from '../../src/xlsx/writer';
import { readWorkbook } from '../../src/cli/path-source';
import { setCell } from '../support/edit-xlsx';
import { PERIOD, unitPlans } from '../support/units-fixture';
import { convertWithLibreOffice } from '../support/libreoffice';
import { csvObjects, parseCsvStrict } from '../support/strict-csv';
import { cliIn } from '../support/cli';

const ROOT = path.join(__dirname, '..', '..');
const SCHEMA = path.join(ROOT, 'schemas', 'sdmx-ml-3.0', 'SDMXMessage.xsd');
let dir: string;

const run = cliIn(() => dir, { maxBuffer: 64 * 1024 * 1024 });

type Rec = Record<(typeof RECORD_FIELDS)[number], string>;

function records(csv: string): Rec[] {
  return csvObjects(csv) as Rec[];
}

const T = (id: string): Template => TEMPLATES.find((t) => t.id === id) as Template;
const key = (r: Rec): string => `${r.source_file}|${r.template}|${r.row}|${r.column}`;

/** Figures a table has: every column in every data row and the totals row, and its averages. */
function figureCount(t: Template, dataRows: number, totals: boolean): number {
  return columnsOf(t).length * (dataRows + (totals ? 1 : 0)) + (t.averages?.length ?? 0);
}

// Units of the consolidation: text with commas, quotes and diacritics; two groups and a unit that did not report.
const UNITS = [
  { unit: 'Xã Đạ Huoai', group: 'Khu vực I, vùng cao', seed: 31 },
  { unit: 'Phường "Bảo Lộc", số 1', group: 'Khu vực I, vùng cao', seed: 32 },
  { unit: 'Xã Lộc Bắc', group: 'Khu vực II', seed: 33 },
  { unit: 'Xã Đinh Trang Thượng', group: 'Khu vực II', seed: 34 },
];
const NOT_REPORTED = 'Xã Quảng Hòa';
/** The blank entry: Biểu 03, "Quốc hội" of the second unit. */
const BLANK = { unit: 1, template: 'b03', column: 'central.assembly' };

let sampleCsv: string;
let consolidatedCsv: string;
let recalculatedCsv: string;
let consolidation: { totals: Record<string, Record<string, number>> };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieumau-export-'));
  expect(run('new', 'mau.xlsx', '--sample').code).toBe(0);
  const units: string[] = [];
  for (const [i, u] of UNITS.entries()) {
    let buf: Buffer = Buffer.from(await writeWorkbook(unitPlans({ unit: u.unit, seed: u.seed })));
    if (i === BLANK.unit) {
      const t = (await readWorkbook(buf)).tables.find((x) => x.templateId === BLANK.template);
      const cell = t?.columns[BLANK.column][0];
      if (!cell) throw new Error('no cell to blank');
      buf = await setCell(buf, cell.sheet, cell.address, null);
    }
    const f = `don-vi-${i + 1}.xlsx`;
    fs.writeFileSync(path.join(dir, f), buf);
    units.push(f);
  }
  const list = ['đơn vị,nhóm', ...UNITS.map((u) => `"${u.unit.replace(/"/g, '""')}","${u.group}"`), `${NOT_REPORTED},Khu vực II`].join('\r\n');
  fs.writeFileSync(path.join(dir, 'units.csv'), `${list}\r\n`);
  const c = run('consolidate', 'tong-hop.xlsx', ...units, '--units', 'units.csv', '--unit', 'UBND tỉnh Lâm Đồng', '--json');
  expect(c.code).toBe(0);
  consolidation = JSON.parse(c.stdout) as typeof consolidation;
  // The workbook's own totals: LibreOffice recalculates every formula and stores the results.
  const [recalculated] = convertWithLibreOffice([path.join(dir, 'tong-hop.xlsx')], 'xlsx', path.join(dir, 'lo'));
  fs.copyFileSync(recalculated, path.join(dir, 'tong-hop-lo.xlsx'));

  const s = run('export', 'mau.xlsx');
  expect(s).toMatchObject({ code: 0, stderr: '' });
  sampleCsv = s.stdout;
  const e = run('export', 'tong-hop.xlsx');
  expect(e).toMatchObject({ code: 0, stderr: '' });
  consolidatedCsv = e.stdout;
  const l = run('export', 'tong-hop-lo.xlsx');
  expect(l).toMatchObject({ code: 0, stderr: '' });
  recalculatedCsv = l.stdout;
}, 180000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the seed sample', () => {
  test('4 tables, every figure once, with its unit, period, pack and source', async () => {
    const rows = parseCsvStrict(sampleCsv);
    expect(rows[0]).toEqual([...RECORD_FIELDS]);
    const recs = records(sampleCsv);
    expect([...new Set(recs.map((r) => r.template))]).toEqual(['b01', 'b02', 'b03', 'b04']);
    // one row per table for the repeat tables (no totals row), Biểu 04's two fixed rows and its totals row
    const expected = figureCount(T('b01'), 1, false) + figureCount(T('b02'), 1, false) + figureCount(T('b03'), 1, false) + figureCount(T('b04'), 2, true);
    expect(recs).toHaveLength(expected);
    expect(new Set(recs.map(key)).size).toBe(expected);
    const sha = createHash('sha256').update(fs.readFileSync(path.join(dir, 'mau.xlsx'))).digest('hex');
    const check = JSON.parse(run('check', 'mau.xlsx', '--json').stdout) as { files: { findings: { severity: string }[] }[] };
    const errors = check.files[0].findings.filter((f) => f.severity === 'error').length;
    expect(errors).toBe(1); // the sample's deliberate HĐND mismatch: files with errors are exported
    for (const r of recs) {
      expect(r).toMatchObject({ unit: 'TỈNH ỦY LÂM ĐỒNG', period_from: '2025-07-01', period_to: '2025-10-15', pack: 'vn.standard', pack_version: '1', template_version: '1' });
      expect(r).toMatchObject({ source_file: 'mau.xlsx', source_sha256: sha, source_errors: String(errors) });
    }
    // the rows: the period for the per-period rows, the fixed ids, total, average
    expect(new Set(recs.filter((r) => r.template !== 'b04' && r.row !== 'average').map((r) => r.row))).toEqual(new Set(['2025-07-01/2025-10-15']));
    // its label is the text the sheet shows there (the period formula is never calculated in a file this tool wrote)
    expect(new Set(recs.filter((r) => r.row === '2025-07-01/2025-10-15').map((r) => r.row_label))).toEqual(new Set([periodText({ from: '2025-07-01', to: '2025-10-15' })]));
    expect(new Set(recs.filter((r) => r.template === 'b04').map((r) => r.row))).toEqual(new Set(['province', 'commune', 'total']));
    expect(recs.filter((r) => r.row === 'average').map((r) => r.column)).toEqual(['receivedPerDay', 'issuedPerDay', 'receivedPerMonth', 'issuedPerMonth']);
    // entry figures are the sample's, in entry-column order
    for (const t of TEMPLATES) {
      const ids = entryColumns(t).map((c) => c.id);
      const dataRows = [...new Set(recs.filter((r) => r.template === t.id && r.kind === 'entry').map((r) => r.row))];
      expect(dataRows).toHaveLength(t.sample.length);
      dataRows.forEach((row, i) => {
        const values = ids.map((id) => recs.find((r) => r.template === t.id && r.row === row && r.column === id && r.kind === 'entry')?.value);
        expect(values).toEqual(t.sample[i].map(String));
      });
    }
  });

  test('per column, the entry records add up to the workbook totals', async () => {
    const recs = records(sampleCsv);
    const read = await readWorkbook(path.join(dir, 'mau.xlsx'));
    const figures = workbookFigures(read);
    for (const table of figures.tables) {
      const t = T(table.templateId);
      for (const line of table.lines.filter((l) => l.kind === 'total')) {
        const column = columnsOf(t).find((c) => c.id === line.id);
        if (!column) throw new Error(line.id);
        const parts = column.kind === 'sum' ? column.of : [column.id];
        const entrySum = recs.filter((r) => r.template === t.id && r.kind === 'entry' && parts.includes(r.column)).reduce((a, r) => a + Number(r.value), 0);
        expect({ column: line.id, sum: entrySum }).toEqual({ column: line.id, sum: line.value });
        // the computed figure the workbook shows for that column: its totals row, or its one data row
        const shown = recs.filter((r) => r.template === t.id && r.column === line.id && r.kind === 'computed' && r.row !== 'average');
        const total = shown.find((r) => r.row === 'total') ?? (shown.length === 1 ? shown[0] : undefined);
        if (column.kind === 'sum' || t.rows.kind === 'fixed') expect(Number(total?.value)).toBe(line.value);
      }
      for (const line of table.lines.filter((l) => l.kind !== 'total')) {
        const rec = recs.find((r) => r.template === t.id && r.column === line.id && (r.row === 'total' || r.row === 'average'));
        if (line.value === null) expect(rec?.value).toBe('');
        else expect(Number(rec?.value)).toBeCloseTo(line.value, 9);
      }
    }
  });

  test('JSON carries the same records, numbers as numbers', () => {
    const r = run('export', 'mau.xlsx', '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { format: string; figures: Record<string, unknown>[] };
    expect(doc.format).toBe('bieumau-data/1');
    expect(Object.keys(doc.figures[0])).toEqual([...RECORD_FIELDS]);
    const csv = records(sampleCsv);
    expect(doc.figures).toHaveLength(csv.length);
    doc.figures.forEach((f, i) => {
      for (const k of RECORD_FIELDS) {
        const v = f[k];
        expect(typeof v === 'number' ? String(v) : v === null ? '' : v).toBe(csv[i][k]);
      }
      expect(typeof f.value === 'number' || f.value === null).toBe(true);
      expect(typeof f.source_errors).toBe('number');
    });
  });
});

describe('a consolidation of several units', () => {
  test('per-unit records add up to the subtotal and total records, as LibreOffice computes them', () => {
    const ours = records(consolidatedCsv);
    const lo = records(recalculatedCsv);
    expect(lo.map((r) => `${r.template}|${r.row}|${r.column}|${r.kind}`)).toEqual(ours.map((r) => `${r.template}|${r.row}|${r.column}|${r.kind}`));
    for (const t of TEMPLATES) {
      const here = ours.filter((r) => r.template === t.id);
      if (t.rows.kind === 'repeat') {
        const unitRows = [...new Set(here.filter((r) => r.kind === 'entry').map((r) => r.row))];
        expect(unitRows).toEqual([...UNITS.map((u) => u.unit), NOT_REPORTED].sort((a, b) => order(a) - order(b)));
        expect(new Set(here.map((r) => r.row))).toEqual(new Set([...unitRows, 'subtotal:Khu vực I, vùng cao', 'subtotal:Khu vực II', 'total', ...(t.averages?.length ? ['average'] : [])]));
        expect(here).toHaveLength(figureCount(t, unitRows.length + 2, true));
      }
      for (const c of columnsOf(t)) {
        if (c.kind === 'ratio') continue;
        const v = (rs: Rec[], row: string): number => Number(rs.find((r) => r.template === t.id && r.row === row && r.column === c.id)?.value ?? NaN);
        const unitValues = here.filter((r) => r.column === c.id && r.row !== 'total' && !r.row.startsWith('subtotal:') && r.row !== 'average');
        const sum = unitValues.reduce((a, r) => a + (r.value === '' ? 0 : Number(r.value)), 0);
        expect({ t: t.id, c: c.id, total: v(ours, 'total') }).toEqual({ t: t.id, c: c.id, total: sum });
        expect({ t: t.id, c: c.id, total: v(lo, 'total') }).toEqual({ t: t.id, c: c.id, total: sum });
        if (t.rows.kind === 'repeat') {
          for (const g of ['Khu vực I, vùng cao', 'Khu vực II']) {
            const members = UNITS.filter((u) => u.group === g).map((u) => u.unit);
            const gs = unitValues.filter((r) => members.includes(r.row)).reduce((a, r) => a + (r.value === '' ? 0 : Number(r.value)), 0);
            expect(v(ours, `subtotal:${g}`)).toBe(gs);
            expect(v(lo, `subtotal:${g}`)).toBe(gs);
          }
        }
      }
      // ratios and averages: ours equal LibreOffice's
      for (const r of here.filter((x) => x.kind === 'computed')) {
        const other = lo.find((x) => x.template === r.template && x.row === r.row && x.column === r.column);
        if (r.value === '') expect(other?.value).toBe('');
        else expect(Number(other?.value)).toBeCloseTo(Number(r.value), 9);
      }
    }
    // entry records only: the sums consolidate --json reports
    for (const t of TEMPLATES) {
      for (const c of entryColumns(t)) {
        const s = ours.filter((r) => r.template === t.id && r.column === c.id && r.kind === 'entry').reduce((a, r) => a + (r.value === '' ? 0 : Number(r.value)), 0);
        expect(s).toBe(consolidation.totals[t.id][c.id]);
      }
    }
  });

  test('a blank entry stays blank (never 0), in the unit file and in the consolidation; the unit that did not report is blank', () => {
    const recs = records(consolidatedCsv);
    const blank = recs.find((r) => r.template === BLANK.template && r.row === UNITS[BLANK.unit].unit && r.column === BLANK.column);
    expect(blank).toMatchObject({ value: '', kind: 'entry' });
    const missing = recs.filter((r) => r.row === NOT_REPORTED && r.kind === 'entry');
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((r) => r.value === '')).toBe(true);
    const unit = records(run('export', `don-vi-${BLANK.unit + 1}.xlsx`).stdout);
    expect(unit.find((r) => r.template === BLANK.template && r.column === BLANK.column)).toMatchObject({ value: '', kind: 'entry', unit: UNITS[BLANK.unit].unit });
    const json = JSON.parse(run('export', `don-vi-${BLANK.unit + 1}.xlsx`, '--format', 'json').stdout) as { figures: { template: string; column: string; value: unknown }[] };
    expect(json.figures.find((f) => f.template === BLANK.template && f.column === BLANK.column)?.value).toBeNull();
  });

  test('text with commas, quotes and diacritics comes back exactly from a strict CSV reader', () => {
    const recs = records(consolidatedCsv);
    const rows = new Set(recs.map((r) => r.row));
    for (const u of UNITS) expect(rows.has(u.unit)).toBe(true);
    expect(recs.every((r) => r.unit === 'UBND tỉnh Lâm Đồng')).toBe(true);
    expect(consolidatedCsv).toContain('"Phường ""Bảo Lộc"", số 1"');
    expect(recs.find((r) => r.column === 'central.politburo')?.column_label_vi).toBe('Văn bản do Trung ương ban hành – Bộ Chính trị');
  });

  test('SQLite loads the CSV with its own importer; the sums per indicator equal the consolidation totals', () => {
    const csvFile = path.join(dir, 'so-lieu.csv');
    expect(run('export', 'tong-hop.xlsx', 'don-vi-1.xlsx', '-o', 'so-lieu.csv').code).toBe(0);
    const unit = run('export', 'don-vi-1.xlsx').stdout;
    // one header, then the files' records in the order given
    expect(fs.readFileSync(csvFile, 'utf8')).toBe(consolidatedCsv + unit.slice(unit.indexOf('\r\n') + 2));
    const db = path.join(dir, 'so-lieu.sqlite');
    const sql = `.import --csv ${csvFile} figures
SELECT template || '|' || "column" || '|' || SUM(CAST(value AS INTEGER)) FROM figures
  WHERE kind = 'entry' AND source_file = 'tong-hop.xlsx' GROUP BY template, "column" ORDER BY template, "column";
SELECT COUNT(*) || '|' || COUNT(DISTINCT source_sha256) || '|' || SUM(value = '') FROM figures;`;
    const out = execFileSync('sqlite3', [db], { input: sql, encoding: 'utf8' }).trim().split('\n');
    const counts = out.pop() as string;
    const got = Object.fromEntries(out.map((l) => {
      const [t, c, s] = l.split('|');
      return [`${t}|${c}`, Number(s)];
    }));
    const want: Record<string, number> = {};
    for (const t of TEMPLATES) for (const c of entryColumns(t)) want[`${t.id}|${c.id}`] = consolidation.totals[t.id][c.id];
    expect(got).toEqual(want);
    const all = records(fs.readFileSync(csvFile, 'utf8'));
    expect(counts).toBe(`${all.length}|2|${all.filter((r) => r.value === '').length}`);
  });
});

function order(unit: string): number {
  const i = UNITS.findIndex((u) => u.unit === unit);
  // listed order: group I's units, then group II's (the unit that did not report last in its group)
  return unit === NOT_REPORTED ? 10 : i;
}

describe('a roll-up of three months', () => {
  test('each month is a row of its own period; in SDMX it is observed at that period, as the month\'s own report is', async () => {
    const months = [
      { from: '2025-07-01', to: '2025-07-31' },
      { from: '2025-08-01', to: '2025-08-31' },
      { from: '2025-09-01', to: '2025-09-30' },
    ];
    const files: string[] = [];
    for (const [i, period] of months.entries()) {
      const f = `thang-${i + 7}.xlsx`;
      fs.writeFileSync(path.join(dir, f), await writeWorkbook(unitPlans({ unit: 'Xã Đạ Huoai', seed: 50 + i, period })));
      files.push(f);
    }
    expect(run('roll-up', 'quy-3.xlsx', ...files).code).toBe(0);
    const recs = records(run('export', 'quy-3.xlsx').stdout);
    const b01 = recs.filter((r) => r.template === 'b01' && r.kind === 'entry');
    expect([...new Set(b01.map((r) => r.row))]).toEqual(months.map((m) => `${m.from}/${m.to}`));
    expect(new Set(b01.map((r) => `${r.period_from}/${r.period_to}`))).toEqual(new Set(['2025-07-01/2025-09-30']));
    const quarter = parseCsvStrict(run('export', 'quy-3.xlsx', '--format', 'sdmx-csv').stdout).slice(1);
    const monthly = files.flatMap((f) => parseCsvStrict(run('export', f, '--format', 'sdmx-csv').stdout).slice(1));
    const obs = (rows: string[][], table: string): string[] => rows.filter((x) => x[5] === table).map((x) => [x[3], x[4], x[5], x[6], x[7], x[8]].join('|')).sort();
    for (const table of ['b01', 'b02', 'b03']) expect(obs(quarter, table)).toEqual(obs(monthly, table));
  });
});

describe('SDMX', () => {
  test('SDMX-CSV: the header and rows of the field guide, entry figures only', () => {
    const r = run('export', 'tong-hop.xlsx', 'mau.xlsx', '--format', 'sdmx-csv');
    expect(r.code).toBe(0);
    const rows = parseCsvStrict(r.stdout);
    expect(rows[0]).toEqual([...SDMX_CSV_HEADER]);
    expect(r.stdout.startsWith('STRUCTURE,STRUCTURE_ID,ACTION,UNIT,TIME_PERIOD,TABLE,ROW,INDICATOR,OBS_VALUE,SOURCE_SHA256\r\n')).toBe(true);
    const entries = [...records(consolidatedCsv), ...records(sampleCsv)].filter((x) => x.kind === 'entry' && x.value !== '');
    expect(rows).toHaveLength(entries.length + 1);
    const id = /^[A-Za-z0-9_@$-]+$/;
    const sha = (f: string): string => createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex');
    for (const row of rows.slice(1)) {
      const [structure, structureId, action, unit, time, table, rowCode, indicator, value, source] = row;
      expect([structure, structureId, action]).toEqual(['dataflow', 'BIEUMAU:VN_STANDARD(1.0.0)', 'I']);
      for (const code of [unit, table, rowCode, indicator]) expect(code).toMatch(id);
      expect(['2025-07-01/2025-10-15', `${PERIOD.from}/${PERIOD.to}`]).toContain(time);
      expect(indicator.startsWith(`${table}_`)).toBe(true);
      expect(value).toMatch(/^\d+$/);
      expect([sha('tong-hop.xlsx'), sha('mau.xlsx')]).toContain(source);
    }
    // no computed figure is repeated: the sum of the observations equals the entries'
    const obsSum = rows.slice(1).reduce((a, x) => a + Number(x[8]), 0);
    expect(obsSum).toBe(entries.reduce((a, x) => a + Number(x.value), 0));
    // the sample's one row is the whole period; the consolidation's rows are its units, folded
    expect(new Set(rows.slice(1).filter((x) => x[3] === 'TINH_UY_LAM_DONG').map((x) => x[6]))).toEqual(new Set(['PERIOD', 'province', 'commune']));
    expect(new Set(rows.slice(1).filter((x) => x[3] === 'UBND_TINH_LAM_DONG' && x[5] === 'b01').map((x) => x[6]))).toEqual(
      new Set(['XA_DA_HUOAI', 'PHUONG_BAO_LOC_SO_1', 'XA_LOC_BAC', 'XA_DINH_TRANG_THUONG']),
    );
  });

  test('the structure message validates against the SDMX-ML 3.0 schemas and lists every code the data uses', () => {
    const r = run('export', 'tong-hop.xlsx', 'mau.xlsx', '--format', 'sdmx-csv', '-o', 'du-lieu.csv', '--structure', 'cau-truc.xml');
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const xmlFile = path.join(dir, 'cau-truc.xml');
    const v = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, xmlFile], { encoding: 'utf8' });
    expect(v.stderr).toContain('validates');
    expect(v.status).toBe(0);
    const xml = fs.readFileSync(xmlFile, 'utf8');
    // the check can fail: a code id the schemas do not allow is refused
    const broken = path.join(dir, 'hong.xml');
    fs.writeFileSync(broken, xml.replace('id="b01_central_politburo"', 'id="b01.central.politburo"'));
    expect(spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, broken], { encoding: 'utf8' }).status).not.toBe(0);
    for (const s of ['<str:Agency ', 'id="CS_BIEUMAU"', 'id="CL_VN_STANDARD_TABLE"', 'id="CL_VN_STANDARD_INDICATOR"', 'id="CL_VN_STANDARD_ROW"', 'id="CL_VN_STANDARD_UNIT"', 'id="DSD_VN_STANDARD"', '<str:Dataflow ']) {
      expect(xml).toContain(s);
    }
    expect(xml).toContain('<com:Name xml:lang="vi">Biểu 01: Văn bản do Trung ương ban hành – Bộ Chính trị</com:Name>');
    expect(xml).toContain('<com:Name xml:lang="en">Table 01: Documents issued by central bodies – Politburo</com:Name>'.replace('Documents issued by central bodies', T('b01').groups[0].label.en));
    expect(xml).toContain('<com:Name xml:lang="vi">Phường &quot;Bảo Lộc&quot;, số 1</com:Name>');
    const data = parseCsvStrict(fs.readFileSync(path.join(dir, 'du-lieu.csv'), 'utf8')).slice(1);
    for (const col of [3, 5, 6, 7]) {
      for (const code of new Set(data.map((x) => x[col]))) expect(xml).toContain(`id="${code}"`);
    }
  });
});

describe('the command line', () => {
  test('--for-excel: byte-order mark, formula-like text as text, numbers untouched; the machine CSV keeps text exactly', async () => {
    const buf = await writeWorkbook(unitPlans({ unit: '=HYPERLINK("http://x","y")', seed: 40 }));
    fs.writeFileSync(path.join(dir, 'hiem.xlsx'), buf);
    const excel = run('export', 'hiem.xlsx', '--for-excel');
    expect(excel.code).toBe(0);
    expect(excel.stdout.startsWith('\uFEFF')).toBe(true);
    const people = records(excel.stdout.slice(1));
    const machine = records(run('export', 'hiem.xlsx').stdout);
    expect(people.map((r) => r.unit)).toEqual(machine.map(() => `'=HYPERLINK("http://x","y")`));
    expect(machine.every((r) => r.unit === '=HYPERLINK("http://x","y")')).toBe(true);
    expect(people.map((r) => r.value)).toEqual(machine.map((r) => r.value));
  });

  test('an unreadable input is refused as check refuses it (exit 2, nothing written); --keep-going exports the rest (exit 1)', () => {
    fs.writeFileSync(path.join(dir, 'hong.xlsx'), 'không phải xlsx');
    const check = JSON.parse(run('check', 'hong.xlsx', '--json').stdout) as { files: { error: { vi: string; en: string } }[] };
    const r = run('export', 'mau.xlsx', 'hong.xlsx', '-o', 'ra.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`hong.xlsx: không đọc được: ${check.files[0].error.vi} / hong.xlsx: cannot be read: ${check.files[0].error.en}`);
    expect(r.stderr).toContain('--keep-going');
    expect(fs.existsSync(path.join(dir, 'ra.csv'))).toBe(false);
    const k = run('export', 'mau.xlsx', 'hong.xlsx', '-o', 'ra.csv', '--keep-going');
    expect(k.code).toBe(1);
    expect(k.stderr).toContain('bỏ qua 1 tệp không đọc được');
    expect(fs.readFileSync(path.join(dir, 'ra.csv'), 'utf8')).toBe(sampleCsv);
    expect(run('export', 'hong.xlsx', '--keep-going').code).toBe(2);
    fs.rmSync(path.join(dir, 'hong.xlsx'));
  });

  test('an existing file is replaced only with --force; bad options are one bilingual line', () => {
    fs.writeFileSync(path.join(dir, 'co-san.csv'), 'cũ');
    const r = run('export', 'mau.xlsx', '-o', 'co-san.csv');
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('bieumau: tệp đã có: co-san.csv (dùng --force để ghi đè) / file exists: co-san.csv (use --force to overwrite)\n');
    expect(fs.readFileSync(path.join(dir, 'co-san.csv'), 'utf8')).toBe('cũ');
    expect(run('export', 'mau.xlsx', '-o', 'co-san.csv', '--force').code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'co-san.csv'), 'utf8')).toBe(sampleCsv);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const bad = run('export', 'mau.xlsx', '--format', 'xml');
    expect(bad).toMatchObject({ code: 2, stdout: '', stderr: 'bieumau: --format phải là csv, sdmx-csv hoặc json: xml / --format must be csv, sdmx-csv or json: xml\n' });
    expect(run('export', 'mau.xlsx', '--format', 'json', '--for-excel').code).toBe(2);
    expect(run('export').code).toBe(2);
  });

  test('bieumau --help lists export with its usage', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${EXPORT_USAGE}\n`);
    expect(EXPORT_USAGE).toContain('bieumau export INPUT... [--format csv|sdmx-csv|json] [--structure OUT.xml] [-o OUT]');
  });

  test('a folder stands for the .xlsx files inside it, by name', () => {
    fs.mkdirSync(path.join(dir, 'thu-muc'));
    fs.copyFileSync(path.join(dir, 'mau.xlsx'), path.join(dir, 'thu-muc', 'b.xlsx'));
    fs.copyFileSync(path.join(dir, 'don-vi-1.xlsx'), path.join(dir, 'thu-muc', 'a.xlsx'));
    const recs = records(run('export', 'thu-muc').stdout);
    expect([...new Set(recs.map((r) => r.source_file))]).toEqual([path.join('thu-muc', 'a.xlsx'), path.join('thu-muc', 'b.xlsx')]);
  });
});
