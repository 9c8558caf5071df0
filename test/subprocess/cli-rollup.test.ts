/**
 * `bieumau roll-up` (alias `luy-ke`) as a user runs it: `node bin/bieumau.js …` on real `.xlsx`
 * files written by the xlsx writer. JSON contract (also on a refusal), exit codes, nothing written
 * on a refusal, never a replaced file without --force, folders, and the written workbook read back
 * and checked by `bieumau check`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createHash } from 'crypto';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { entryColumns } from '../../src/core/forms/template';
import { periodRange } from '../../src/core/periods';
import { writeWorkbook } from '../../src/xlsx/writer';
import { readWorkbook } from '../../src/cli/path-source';
import { unitFigures, unitPlans } from '../support/units-fixture';
import { cliIn, ensureCliBuilt } from '../support/cli';

let dir: string;

const run = cliIn(() => dir);

interface Doc {
  output: string | null;
  period: { from: string; to: string; days: number } | null;
  sources: { file: string; unit: string; period: { from: string; to: string } | null; included: boolean; errors: number; warnings: number; sha256: string | null; reason: { vi: string; en: string } | null }[];
  gaps: { from: string; to: string }[];
  overlaps: { files: string[]; from: string; to: string }[];
  totals: Record<string, Record<string, number>>;
}

function json(...args: string[]): { code: number | null; doc: Doc; stderr: string } {
  const r = run(...args, '--json');
  return { code: r.code, doc: JSON.parse(r.stdout) as Doc, stderr: r.stderr };
}

const month = (m: number): { from: string; to: string } => periodRange({ kind: 'month', year: 2025, month: m });

async function unitFile(rel: string, unit: string, seed: number, period: { from: string; to: string }): Promise<string> {
  const full = path.join(dir, rel);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, await writeWorkbook(unitPlans({ unit, seed, period })));
  return rel;
}

/** Per template, per entry column: the flows summed over the seeds, the stock (b04) of the last seed. */
function expected(seeds: number[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const t of TEMPLATES) {
    const used = t.overTime === 'last' ? seeds.slice(-1) : seeds;
    out[t.id] = Object.fromEntries(entryColumns(t).map((c, k) => [c.id, used.reduce((a, s) => a + unitFigures(s)[t.id].reduce((b, row) => b + row[k], 0), 0)]));
  }
  return out;
}

function entryOnly(totals: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  return Object.fromEntries(TEMPLATES.map((t) => [t.id, Object.fromEntries(entryColumns(t).map((c) => [c.id, totals[t.id][c.id]]))]));
}

beforeAll(async () => {
  ensureCliBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-rollup-'));
  for (const m of [7, 8, 9]) await unitFile(`q3/thang-${m}.xlsx`, 'UBND XÃ A', m, month(m));
  await unitFile('other/thang-8-xa-b.xlsx', 'UBND XÃ B', 18, month(8));
  await unitFile('other/thang-8-lai.xlsx', 'UBND XÃ A', 28, { from: '2025-08-01', to: '2025-08-14' });
  fs.writeFileSync(path.join(dir, 'broken.xlsx'), 'not a workbook');
}, 180000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('three months into the quarter', () => {
  let r: ReturnType<typeof json>;
  beforeAll(() => {
    r = json('roll-up', 'quy-3.xlsx', 'q3/thang-9.xlsx', 'q3/thang-7.xlsx', 'q3/thang-8.xlsx', '--report', '7/BC-UBND', '--report-date', '2025-09-20');
  });

  test('exit 0; exactly the documented JSON keys; sources in period order', () => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(Object.keys(r.doc)).toEqual(['output', 'period', 'sources', 'gaps', 'overlaps', 'totals']);
    expect(r.doc.output).toBe('quy-3.xlsx');
    expect(r.doc.period).toEqual({ from: '2025-06-15', to: '2025-09-14', days: 92 });
    expect(r.doc.gaps).toEqual([]);
    expect(r.doc.overlaps).toEqual([]);
    expect(r.doc.sources.map((s) => s.file)).toEqual([7, 8, 9].map((m) => path.join('q3', `thang-${m}.xlsx`)));
    expect(Object.keys(r.doc.sources[0])).toEqual(['file', 'unit', 'period', 'included', 'errors', 'warnings', 'sha256', 'reason']);
    expect(r.doc.sources[0]).toMatchObject({ unit: 'UBND XÃ A', period: month(7), included: true, errors: 0, reason: null });
    expect(r.doc.sources[0].sha256).toBe(createHash('sha256').update(fs.readFileSync(path.join(dir, 'q3/thang-7.xlsx'))).digest('hex'));
  });

  test('totals: the flows are the sums of the months, Biểu 04 the last month', () => {
    expect(entryOnly(r.doc.totals)).toEqual(expected([7, 8, 9]));
    expect(r.doc.totals.b01['central.total']).toBe(entryColumns(TEMPLATES[0]).slice(0, 6).reduce((a, c) => a + r.doc.totals.b01[c.id], 0));
  });

  test('the workbook: a row per month, the covering period, the sheets; bieumau check finds no error in it', async () => {
    const read = await readWorkbook(fs.readFileSync(path.join(dir, 'quy-3.xlsx')));
    expect(read.tables.map((t) => t.sheet)).toEqual(['Biểu 01', 'Biểu 02', 'Biểu 03', 'Biểu 04']);
    const b01 = read.tables[0];
    expect(b01.rowLabels.map((c) => c.value)).toEqual(['Từ ngày 15/6/2025 đến 14/7/2025', 'Từ ngày 15/7/2025 đến 14/8/2025', 'Từ ngày 15/8/2025 đến 14/9/2025']);
    expect(b01.info.unit?.value).toBe('UBND XÃ A');
    expect(b01.info.reportNo?.value).toBe('7/BC-UBND');
    const check = run('check', 'quy-3.xlsx', '--json');
    const doc = JSON.parse(check.stdout) as { files: { findings: { severity: string; rule: string }[] }[] };
    expect(doc.files[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(check.code).toBe(0);
  });

  test('human output: one line per source, the covering period and its days', () => {
    const h = run('luy-ke', 'quy-3b.xlsx', 'q3');
    expect(h.code).toBe(0);
    const lines = h.stdout.trim().split('\n');
    expect(lines[0]).toBe('✓ UBND XÃ A 15/6/2025–14/7/2025 (q3/thang-7.xlsx) — 0 lỗi, 0 cảnh báo / 0 errors, 0 warnings');
    expect(lines.slice(-2)).toEqual([
      'Đã lũy kế 3 kỳ thành kỳ 15/6/2025–14/9/2025 (Quý III/2025, 92 ngày) vào quy-3b.xlsx.',
      'Rolled up 3 periods into 15/6/2025–14/9/2025 (Quarter 3/2025, 92 days) in quy-3b.xlsx.',
    ]);
  });

  test('OUT is never replaced without --force; with --force it is', () => {
    const before = fs.readFileSync(path.join(dir, 'quy-3.xlsx'));
    const again = run('roll-up', 'quy-3.xlsx', 'q3');
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('bieumau: tệp đã có: quy-3.xlsx (dùng --force để ghi đè) / file exists: quy-3.xlsx (use --force to overwrite)\n');
    expect(fs.readFileSync(path.join(dir, 'quy-3.xlsx'))).toEqual(before);
    expect(run('roll-up', 'quy-3.xlsx', 'q3', '--force', '--unit', 'Khác').code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'quy-3.xlsx')).equals(before)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('refusals: exit 1, nothing written, the JSON printed all the same', () => {
  test('a missing month: the gap with its dates, on stderr and in the JSON', () => {
    const r = json('roll-up', 'gap.xlsx', 'q3/thang-7.xlsx', 'q3/thang-9.xlsx');
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'gap.xlsx'))).toBe(false);
    expect(r.doc.output).toBeNull();
    expect(r.doc.period).toBeNull();
    expect(r.doc.gaps).toEqual([{ from: '2025-07-15', to: '2025-08-14' }]);
    expect(r.doc.totals).toEqual({});
    expect(r.doc.sources.every((s) => !s.included)).toBe(true);
    expect(r.stderr).toBe(
      'bieumau: Các kỳ không liền nhau: thiếu từ 15/7/2025 đến 14/8/2025 (giữa q3/thang-7.xlsx và q3/thang-9.xlsx). / ' +
        'The periods are not consecutive: missing from 15/7/2025 to 14/8/2025 (between q3/thang-7.xlsx and q3/thang-9.xlsx).\n',
    );
  });

  test('an overlap', () => {
    const r = json('roll-up', 'overlap.xlsx', 'q3', 'other/thang-8-lai.xlsx');
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'overlap.xlsx'))).toBe(false);
    expect(r.doc.overlaps).toEqual([{ files: ['q3/thang-8.xlsx', 'other/thang-8-lai.xlsx'], from: '2025-08-01', to: '2025-08-14' }]);
    expect(r.stderr).toContain('other/thang-8-lai.xlsx');
  });

  test('a different unit', () => {
    const r = json('roll-up', 'units.xlsx', 'q3/thang-7.xlsx', 'other/thang-8-xa-b.xlsx', 'q3/thang-9.xlsx');
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'units.xlsx'))).toBe(false);
    expect(r.stderr).toBe(
      'bieumau: Các tệp không cùng đơn vị: "UBND XÃ A" (q3/thang-7.xlsx, q3/thang-9.xlsx); "UBND XÃ B" (other/thang-8-xa-b.xlsx). / ' +
        'The files are not of the same unit: "UBND XÃ A" (q3/thang-7.xlsx, q3/thang-9.xlsx); "UBND XÃ B" (other/thang-8-xa-b.xlsx).\n',
    );
  });

  test('an unreadable source: exit 2, nothing written', () => {
    const r = json('roll-up', 'broken-out.xlsx', 'q3', 'broken.xlsx');
    expect(r.code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'broken-out.xlsx'))).toBe(false);
    expect(r.doc.sources.find((s) => s.file === 'broken.xlsx')).toMatchObject({ included: false, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown, period: null });
    expect(r.stderr).toContain('broken.xlsx');
  });
});

describe('usage: exit 2, one line', () => {
  test.each([
    [['roll-up'], 'bieumau: thiếu tên tệp lũy kế (OUT.xlsx) / missing the output file (OUT.xlsx)\n'],
    [['roll-up', 'out.xlsx'], 'bieumau: cần ít nhất một tệp hoặc thư mục nguồn / give at least one source file or folder\n'],
    [['roll-up', 'out.csv', 'q3'], 'bieumau: tệp lũy kế phải có đuôi .xlsx: out.csv / the output file must end in .xlsx: out.csv\n'],
    [['roll-up', 'q3/thang-7.xlsx', 'q3/thang-8.xlsx', 'q3/thang-7.xlsx'], 'bieumau: tệp lũy kế cũng là tệp nguồn: q3/thang-7.xlsx / the output file is also a source: q3/thang-7.xlsx\n'],
    [['roll-up', 'o.xlsx', 'q3', '--units', 'u.csv'], 'bieumau: tùy chọn không có: --units / unknown option --units\n'],
    [['roll-up', 'o.xlsx', 'q3', '--report-date', '2025-02-30'], 'bieumau: --report-date "2025-02-30" không phải ngày hợp lệ (yyyy-mm-dd) / --report-date "2025-02-30" is not a valid date (yyyy-mm-dd)\n'],
  ])('%j', (args, stderr) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(stderr);
    expect(r.stdout).toBe('');
    expect(fs.existsSync(path.join(dir, 'o.xlsx'))).toBe(false);
  });

  test('bieumau --help lists roll-up and its alias', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('bieumau roll-up OUT.xlsx INPUT...');
    expect(r.stdout).toContain('(luy-ke: the same)');
  });
});
