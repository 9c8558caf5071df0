/**
 * `bieumau consolidate` (alias `tong-hop`) as a user runs it: `node bin/bieumau.js …` on real
 * `.xlsx` files written by the xlsx writer. JSON contract, exit codes, never a partial or replaced
 * file, folders, units lists, refusals, and communes → provinces → centre giving one level's totals.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createHash } from 'crypto';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { entryColumns } from '../../src/core/forms/template';
import { writeWorkbook } from '../../src/xlsx/writer';
import { readWorkbook } from '../../src/cli/path-source';
import { setCell } from '../support/edit-xlsx';
import { PERIOD, unitFigures, unitPlans } from '../support/units-fixture';
import { cliIn, ensureCliBuilt } from '../support/cli';

let dir: string;

const run = cliIn(() => dir);

interface Doc {
  output: string | null;
  period: { from: string; to: string } | null;
  sources: { file: string; unit: string; included: boolean; errors: number; warnings: number; sha256: string | null; reason: { vi: string; en: string } | null }[];
  missing: string[];
  unexpected: string[];
  totals: Record<string, Record<string, number>>;
}

function json(...args: string[]): { code: number | null; doc: Doc; stderr: string } {
  const r = run(...args, '--json');
  return { code: r.code, doc: JSON.parse(r.stdout) as Doc, stderr: r.stderr };
}

async function unitFile(rel: string, unit: string, seed: number, period: { from: string; to: string } = PERIOD): Promise<string> {
  const full = path.join(dir, rel);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, await writeWorkbook(unitPlans({ unit, seed, period })));
  return rel;
}

function sums(seeds: number[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const t of TEMPLATES) {
    const ids = entryColumns(t).map((c) => c.id);
    out[t.id] = Object.fromEntries(ids.map((id, k) => [id, seeds.reduce((a, s) => a + unitFigures(s)[t.id].reduce((b, row) => b + row[k], 0), 0)]));
  }
  return out;
}

function entryOnly(totals: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  return Object.fromEntries(TEMPLATES.map((t) => [t.id, Object.fromEntries(entryColumns(t).map((c) => [c.id, totals[t.id][c.id]]))]));
}

const SEEDS = [21, 22, 23, 24, 25, 26];

beforeAll(async () => {
  ensureCliBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-cons-'));
  for (const s of SEEDS) await unitFile(`xa/xa-${s}.xlsx`, `Xã ${s}`, s);
  await unitFile('other-period.xlsx', 'Xã 99', 99, { from: '2025-07-01', to: '2025-10-15' });
  await unitFile('dup.xlsx', ' XÃ 21 ', 77);
  fs.writeFileSync(path.join(dir, 'broken.xlsx'), 'not a workbook');
  const clean = fs.readFileSync(path.join(dir, 'xa/xa-21.xlsx'));
  const council = (await readWorkbook(clean)).tables[0].columns['local.council'][0];
  fs.writeFileSync(path.join(dir, 'text-number.xlsx'), await setCell(Buffer.from(await writeWorkbook(unitPlans({ unit: 'Xã 31', seed: 31 }))), council.sheet, council.address, '1.292'));
  fs.writeFileSync(path.join(dir, 'units.csv'), '\ufeffđơn vị,nhóm\r\nXã 21,"Nhóm 1, vùng cao"\r\nXã 22,"Nhóm 1, vùng cao"\r\nXã 23,Nhóm 2\r\nXã 40,Nhóm 2\r\n');
}, 180000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a clean run', () => {
  let r: ReturnType<typeof json>;
  beforeAll(() => {
    r = json('consolidate', 'tinh.xlsx', 'xa', '--unit', 'UBND TỈNH A', '--report', '9/BC-UBND', '--report-date', '2025-10-20', '--report-by', 'Ủy ban nhân dân tỉnh');
  });

  test('exit 0; exactly the documented JSON keys; every folder .xlsx read by name', () => {
    expect(r.code).toBe(0);
    expect(Object.keys(r.doc)).toEqual(['output', 'period', 'sources', 'missing', 'unexpected', 'totals']);
    expect(r.doc.output).toBe('tinh.xlsx');
    expect(r.doc.period).toEqual(PERIOD);
    expect(r.doc.sources.map((s) => s.file)).toEqual(SEEDS.map((s) => path.join('xa', `xa-${s}.xlsx`)));
    expect(Object.keys(r.doc.sources[0])).toEqual(['file', 'unit', 'included', 'errors', 'warnings', 'sha256', 'reason']);
    expect(r.doc.sources[0]).toMatchObject({ unit: 'Xã 21', included: true, errors: 0, reason: null });
    expect(r.doc.sources[0].sha256).toBe(createHash('sha256').update(fs.readFileSync(path.join(dir, 'xa/xa-21.xlsx'))).digest('hex'));
    expect(r.doc.missing).toEqual([]);
    expect(r.doc.unexpected).toEqual([]);
  });

  test('totals are the sums of every source entry', () => {
    expect(entryOnly(r.doc.totals)).toEqual(sums(SEEDS));
    expect(r.doc.totals.b02['council.total']).toBe(r.doc.totals.b01['local.council']);
  });

  test('the consolidated workbook passes bieumau check and carries the report information', async () => {
    const c = run('check', 'tinh.xlsx', '--json');
    expect(c.code).toBe(0);
    const read = await readWorkbook(path.join(dir, 'tinh.xlsx'));
    expect(read.tables.map((t) => t.sheet)).toEqual(['Biểu 01', 'Biểu 02', 'Biểu 03', 'Biểu 04']);
    expect(read.tables[0].info.unit?.value).toBe('UBND TỈNH A');
    expect(read.tables[0].rowLabels.map((x) => x.value)).toEqual(SEEDS.map((s) => `Xã ${s}`));
  });

  test('human output: one line per source and a summary in Vietnamese and English', () => {
    const h = run('tong-hop', 'tinh2.xlsx', 'xa');
    expect(h.code).toBe(0);
    const lines = h.stdout.trim().split('\n');
    expect(lines).toHaveLength(SEEDS.length + 2);
    expect(lines[0]).toBe(`✓ Xã 21 (${path.join('xa', 'xa-21.xlsx')}) — 0 lỗi, 0 cảnh báo / 0 errors, 0 warnings`);
    expect(lines[SEEDS.length]).toBe('Đã tổng hợp 6/6 tệp vào tinh2.xlsx.');
    expect(lines[SEEDS.length + 1]).toBe('Consolidated 6 of 6 files into tinh2.xlsx.');
    expect(h.stderr).toBe('');
  });

  test('OUT is never replaced without --force; with --force it is', () => {
    const before = fs.readFileSync(path.join(dir, 'tinh.xlsx'));
    const again = run('consolidate', 'tinh.xlsx', 'xa');
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('bieumau: tệp đã có: tinh.xlsx (dùng --force để ghi đè) / file exists: tinh.xlsx (use --force to overwrite)\n');
    expect(fs.readFileSync(path.join(dir, 'tinh.xlsx')).equals(before)).toBe(true);
    expect(run('consolidate', 'tinh.xlsx', 'xa', '--force', '--unit', 'Khác').code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'tinh.xlsx')).equals(before)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('two levels: 6 communes → 2 provinces → 1 give the totals of one level', () => {
  test('same totals, and each level passes check', () => {
    const a = json('consolidate', 'tinh-a.xlsx', 'xa/xa-21.xlsx', 'xa/xa-22.xlsx', 'xa/xa-23.xlsx', '--unit', 'Tỉnh A');
    const b = json('consolidate', 'tinh-b.xlsx', 'xa/xa-24.xlsx', 'xa/xa-25.xlsx', 'xa/xa-26.xlsx', '--unit', 'Tỉnh B');
    expect([a.code, b.code]).toEqual([0, 0]);
    const top = json('consolidate', 'trung-uong.xlsx', 'tinh-a.xlsx', 'tinh-b.xlsx', '--unit', 'Trung ương');
    const one = json('consolidate', 'mot-cap.xlsx', 'xa');
    expect(top.code).toBe(0);
    expect(top.doc.sources.map((s) => s.unit)).toEqual(['Tỉnh A', 'Tỉnh B']);
    expect(top.doc.totals).toEqual(one.doc.totals);
    expect(entryOnly(top.doc.totals)).toEqual(sums(SEEDS));
    expect(run('check', 'trung-uong.xlsx').code).toBe(0);
  });
});

describe('units list', () => {
  test('missing units reported ("Chưa nộp: 1/4") with a blank marked row; unexpected ones reported', async () => {
    const r = json('consolidate', 'ds.xlsx', 'xa/xa-21.xlsx', 'xa/xa-22.xlsx', 'xa/xa-23.xlsx', 'xa/xa-24.xlsx', '--units', 'units.csv');
    expect(r.code).toBe(0);
    expect(r.doc.missing).toEqual(['Xã 40']);
    expect(r.doc.unexpected).toEqual(['Xã 24']);
    const h = run('consolidate', 'ds2.xlsx', 'xa/xa-21.xlsx', 'xa/xa-22.xlsx', 'xa/xa-23.xlsx', 'xa/xa-24.xlsx', '--units', 'units.csv');
    expect(h.stdout).toContain('Chưa nộp: 1/4 (Xã 40). Ngoài danh sách: 1 (Xã 24).');
    expect(h.stdout).toContain('Missing: 1 of 4 (Xã 40). Not listed: 1 (Xã 24).');
    const read = await readWorkbook(path.join(dir, 'ds.xlsx'));
    const b01 = read.tables[0];
    expect(b01.rowLabels.map((x) => x.value)).toEqual([
      'Nhóm 1, vùng cao',
      'Xã 21',
      'Xã 22',
      'Cộng Nhóm 1, vùng cao',
      'Nhóm 2',
      'Xã 23',
      'Xã 40 (chưa nộp)',
      'Cộng Nhóm 2',
      'Xã 24',
    ]);
    expect(b01.groups).toEqual([
      { top: 0, bottom: 3 },
      { top: 4, bottom: 7 },
    ]);
    expect(b01.columns['local.council'][6].value).toBeNull();
    const check = run('check', 'ds.xlsx', '--json');
    expect(check.code).toBe(0);
  });

  test('a bad units list: exit 2, one line naming the file and the line, nothing written', () => {
    fs.writeFileSync(path.join(dir, 'bad-units.csv'), 'unit,group\nXã 21,A\nxã 21,B\n');
    const r = run('consolidate', 'bad.xlsx', 'xa', '--units', 'bad-units.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('bieumau: bad-units.csv: dòng 3: đơn vị "xã 21" đã có ở dòng 2 / bad-units.csv: line 3: unit "xã 21" is already listed on line 2\n');
    expect(fs.existsSync(path.join(dir, 'bad.xlsx'))).toBe(false);
  });
});

describe('refusals', () => {
  test('different periods: exit 1, the files named, nothing written', () => {
    const r = json('consolidate', 'no1.xlsx', 'xa/xa-21.xlsx', 'other-period.xlsx');
    expect(r.code).toBe(1);
    expect(r.doc.output).toBeNull();
    expect(r.doc.period).toBeNull();
    expect(r.stderr).toContain('không cùng kỳ báo cáo');
    expect(r.stderr).toContain('other-period.xlsx');
    expect(r.doc.sources.every((s) => !s.included)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'no1.xlsx'))).toBe(false);
  });

  test('the same unit twice (trimmed, any case): exit 1, both files named', () => {
    const r = json('consolidate', 'no2.xlsx', 'xa/xa-21.xlsx', 'dup.xlsx');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Đơn vị "Xã 21" có trong nhiều tệp: ${path.join('xa', 'xa-21.xlsx')}, dup.xlsx.`);
    expect(r.doc.sources[1].reason?.vi).toBe(`cùng đơn vị với ${path.join('xa', 'xa-21.xlsx')}`);
    expect(fs.existsSync(path.join(dir, 'no2.xlsx'))).toBe(false);
  });

  test('error findings: exit 1, nothing written; --allow-errors writes it with the source flagged (exit 1)', () => {
    const r = json('consolidate', 'no3.xlsx', 'xa/xa-21.xlsx', 'text-number.xlsx');
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'no3.xlsx'))).toBe(false);
    const a = json('consolidate', 'yes3.xlsx', 'xa/xa-21.xlsx', 'text-number.xlsx', '--allow-errors');
    expect(a.code).toBe(1);
    expect(a.doc.output).toBe('yes3.xlsx');
    expect(a.doc.sources[1]).toMatchObject({ included: true, unit: 'Xã 31' });
    expect(a.doc.sources[1].errors).toBeGreaterThan(0);
    expect(a.doc.totals.b01['local.council']).toBe(unitFigures(21).b01[0][7]);
  });

  test('an unreadable source: exit 2, the others reported; --allow-errors lists it as not included', () => {
    const r = json('consolidate', 'no4.xlsx', 'xa/xa-21.xlsx', 'broken.xlsx', 'missing.xlsx');
    expect(r.code).toBe(2);
    expect(r.doc.sources.map((s) => [s.file, s.included, s.sha256 === null])).toEqual([
      [path.join('xa', 'xa-21.xlsx'), false, false],
      ['broken.xlsx', false, false],
      ['missing.xlsx', false, true],
    ]);
    expect(fs.existsSync(path.join(dir, 'no4.xlsx'))).toBe(false);
    const a = json('consolidate', 'yes4.xlsx', 'xa/xa-21.xlsx', 'broken.xlsx', '--allow-errors');
    expect(a.code).toBe(2);
    expect(a.doc.output).toBe('yes4.xlsx');
    expect(a.doc.sources[1]).toMatchObject({ file: 'broken.xlsx', included: false, reason: { vi: 'Không phải tệp .xlsx.', en: 'Not an .xlsx file.' } });
  });

  test('bad usage: one line, exit 2', () => {
    expect(run('consolidate').stderr).toBe('bieumau: thiếu tên tệp tổng hợp (OUT.xlsx) / missing the output file (OUT.xlsx)\n');
    expect(run('consolidate', 'x.xlsx').code).toBe(2);
    expect(run('consolidate', 'x.xlsx', 'xa', '--report-date', '2025-02-30').stderr).toContain('--report-date "2025-02-30"');
    expect(run('consolidate', 'x.xlsx', 'x.xlsx').stderr).toContain('the output file is also a source');
    fs.mkdirSync(path.join(dir, 'empty'), { recursive: true });
    expect(run('consolidate', 'x.xlsx', 'empty').stderr).toContain('the folder holds no .xlsx file');
  });
});
