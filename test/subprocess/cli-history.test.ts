/**
 * `bieumau check FILE --history EARLIER...` as a user runs it (`node bin/bieumau.js`; `npm run
 * build:cli` first): the warning in the human output and in --json, the notes, the exit codes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readWorkbook } from '../../src/cli/path-source';
import { splitHistoryArgs } from '../../src/cli/history-option';
import { insertBySheet } from '../../src/core/history/history-json';
import type { Finding } from '../../src/core/check/findings';
import { historyFromBytes } from '../../src/xlsx/earlier-files';
import { WorkbookReadError } from '../../src/xlsx/errors';
import { unitFigures } from '../support/units-fixture';
import { scaledReport } from '../support/history-fixture';
import { runCheck } from '../../src/cli/check';
import { readStats } from '../../src/xlsx/read-workbook';
import { cliIn, ensureCliBuilt } from '../support/cli';

const UNIT = 'Sở Nội vụ tỉnh Lâm Đồng';
let dir: string;
let cell: { sheet: string; address: string };

const run = cliIn(() => dir);


beforeAll(async () => {
  ensureCliBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-history-'));
  const assembly = unitFigures(5).b01[0][3];
  expect(assembly).toBeGreaterThan(0);
  // This month (31 days): Quốc hội ten times its usual rate; everything else in proportion.
  const current = await scaledReport(UNIT, '2025-07-01', '2025-07-31', 31, assembly * 310);
  fs.writeFileSync(path.join(dir, 'cur.xlsx'), current);
  fs.writeFileSync(path.join(dir, 'plain.xlsx'), await scaledReport(UNIT, '2025-07-01', '2025-07-31', 31));
  fs.mkdirSync(path.join(dir, 'earlier'));
  fs.writeFileSync(path.join(dir, 'earlier', 'q2.xlsx'), await scaledReport(UNIT, '2025-03-01', '2025-06-15', 107));
  fs.writeFileSync(path.join(dir, 'earlier', 'other.xlsx'), await scaledReport('Sở Tư pháp', '2025-03-01', '2025-06-15', 107));
  fs.writeFileSync(path.join(dir, 'bad.xlsx'), 'not a workbook');
  fs.mkdirSync(path.join(dir, 'empty'));
  const b01 = (await readWorkbook(current)).tables.find((t) => t.templateId === 'b01');
  if (!b01) throw new Error('no Biểu 01');
  cell = { sheet: b01.columns['central.assembly'][0].sheet, address: b01.columns['central.assembly'][0].address };
}, 120000);

interface Doc {
  files: {
    file: string;
    findings: { rule: string; severity: string; cells: { sheet: string; address: string }[]; message: { vi: string; en: string }; left?: number; right?: number }[];
    history?: { compared: { file: string; from: string; to: string; days: number }[]; notes: { file: string | null; kind: string; message: { vi: string; en: string } }[] };
  }[];
}

describe('bieumau check --history', () => {
  test('--json: exactly one warning at the cell, the history field, exit 0 (a warning alone)', () => {
    const r = run('check', 'cur.xlsx', '--history', 'earlier', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    const f = doc.files[0];
    expect(f.findings.filter((x) => x.severity === 'error')).toEqual([]);
    const h = f.findings.filter((x) => x.rule === 'history.outlier');
    expect(h).toHaveLength(1);
    expect(h[0].severity).toBe('warning');
    expect(h[0].cells).toEqual([cell]);
    expect(h[0].left! / h[0].right!).toBeCloseTo(10, 10);
    expect(h[0].message.vi).toMatch(/^Quốc hội: \d[\d.]* văn bản trong 31 ngày \([\d,]+ văn bản\/ngày\), gấp 10,0 lần mức kỳ trước \([\d,]+\/ngày\)\./);
    expect(f.history).toEqual({
      compared: [{ file: path.join('earlier', 'q2.xlsx'), from: '2025-03-01', to: '2025-06-15', days: 107 }],
      notes: [
        {
          file: path.join('earlier', 'other.xlsx'),
          kind: 'unit',
          message: { vi: `Đơn vị khác: "Sở Tư pháp", tệp đang kiểm tra là "${UNIT}".`, en: `Another unit: "Sở Tư pháp"; the file checked is "${UNIT}".` },
        },
      ],
    });
    // The same file without --history: no such warning and no history field.
    const plainDoc = JSON.parse(run('check', 'cur.xlsx', '--json').stdout) as Doc;
    expect(plainDoc.files[0].findings.some((x) => x.rule === 'history.outlier')).toBe(false);
    expect('history' in plainDoc.files[0]).toBe(false);
  });

  test('each file is read once: the figures compared are the figures checked', async () => {
    let out = '';
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    const cwd = process.cwd();
    const before = readStats.fast;
    let code: number;
    try {
      process.chdir(dir);
      code = await runCheck(['cur.xlsx', 'plain.xlsx', '--history', 'earlier', '--json']);
    } finally {
      process.chdir(cwd);
      write.mockRestore();
    }
    expect(code).toBe(0);
    // two files checked and two earlier ones: four reads (a second read of each checked file made six)
    expect(readStats.fast - before).toBe(4);
    const doc = JSON.parse(out) as Doc;
    expect(doc.files.map((f) => [f.file, f.findings.filter((x) => x.rule === 'history.outlier').length])).toEqual([
      ['cur.xlsx', 1],
      ['plain.xlsx', 0],
    ]);
  });

  test('proportional figures: nothing raised; human output lists what was compared and left out, the total last', () => {
    const r = run('check', 'plain.xlsx', '--history', 'earlier/q2.xlsx', 'earlier/other.xlsx');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('history.outlier');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('So với các kỳ trước (--history):');
    expect(lines).toContain('  plain.xlsx: so với 1 kỳ: earlier/q2.xlsx (01/3/2025–15/6/2025)');
    expect(lines).toContain(`    Bỏ qua earlier/other.xlsx: Đơn vị khác: "Sở Tư pháp", tệp đang kiểm tra là "${UNIT}".`);
    expect(lines[lines.length - 1]).toMatch(/^Tổng cộng: 0 lỗi, \d+ cảnh báo trong 1 tệp\.$/);
  });

  test('human output in English shows the warning at its cell', () => {
    const r = run('check', 'cur.xlsx', '--lang', 'en', '--history', 'earlier');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`[WARNING] ${cell.address}: National Assembly: `);
    expect(r.stdout).toContain("10.0 times the earlier period's level");
    expect(r.stdout).toContain('(history.outlier)');
    expect(r.stdout).toContain('  cur.xlsx: compared with 1 period: earlier/q2.xlsx (01/3/2025–15/6/2025)');
  });

  test('an earlier file that cannot be read: listed, the others still used, exit 2', () => {
    const r = run('check', 'cur.xlsx', '--history', 'earlier', 'bad.xlsx', 'missing.xlsx', '--json');
    expect(r.code).toBe(2);
    const f = (JSON.parse(r.stdout) as Doc).files[0];
    expect(f.findings.filter((x) => x.rule === 'history.outlier')).toHaveLength(1);
    expect(f.history?.notes.map((n) => [n.file, n.kind])).toEqual([
      [path.join('earlier', 'other.xlsx'), 'unit'],
      ['bad.xlsx', 'unreadable'],
      ['missing.xlsx', 'unreadable'],
    ]);
  });

  test('bad usage: exit 2, one bilingual line', () => {
    const none = run('check', 'cur.xlsx', '--history');
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('bieumau: --history cần ít nhất một tệp hoặc thư mục của các kỳ trước / --history needs at least one earlier file or folder\n');
    const empty = run('check', 'cur.xlsx', '--history', 'empty');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('bieumau: thư mục không có tệp .xlsx: empty / the folder holds no .xlsx file: empty\n');
    expect(empty.stdout).toBe('');
  });

  test('each warning goes after the last finding of its sheet', () => {
    const f = (sheet: string, rule: string): Finding => ({ rule, severity: 'warning', cells: [{ sheet, address: 'B8' }], message: { vi: rule, en: rule } });
    const findings = [f('Biểu 01', 'a'), f('Biểu 02', 'b'), f('Biểu 01', 'c'), f('Biểu 04', 'd')];
    insertBySheet(findings, [f('Biểu 01', 'h1'), f('Biểu 01', 'h2'), f('Biểu 03', 'h3'), f('Biểu 04', 'h4')]);
    expect(findings.map((x) => x.rule)).toEqual(['a', 'b', 'c', 'h1', 'h2', 'd', 'h4', 'h3']);
  });

  test('the option takes the arguments up to the next option', () => {
    expect(splitHistoryArgs(['a.xlsx', '--history', 'x', 'y', '--json', '--lang', 'en'])).toEqual({ rest: ['a.xlsx', '--json', '--lang', 'en'], history: ['x', 'y'] });
    expect(splitHistoryArgs(['a.xlsx', '--history=x', '--history', 'y'])).toEqual({ rest: ['a.xlsx'], history: ['x', 'y'] });
    expect(splitHistoryArgs(['a.xlsx', '--', '--history'])).toEqual({ rest: ['a.xlsx', '--', '--history'], history: null });
    expect(splitHistoryArgs(['a.xlsx'])).toEqual({ rest: ['a.xlsx'], history: null });
  });

  test('historyFromBytes (the pane and the web page): bytes or a read in, the same result; bad bytes a note', async () => {
    const bytes = (f: string): Uint8Array => fs.readFileSync(path.join(dir, f));
    const earlier = [
      { file: 'q2.xlsx', bytes: bytes(path.join('earlier', 'q2.xlsx')) },
      { file: 'bad.xlsx', bytes: bytes('bad.xlsx') },
    ];
    const fromBytes = await historyFromBytes(bytes('cur.xlsx'), earlier);
    expect(fromBytes.findings.map((f) => [f.rule, f.cells])).toEqual([['history.outlier', [cell]]]);
    expect(fromBytes.notes.map((n) => [n.file, n.kind])).toEqual([['bad.xlsx', 'unreadable']]);
    expect(fromBytes.compared.map((c) => c.days)).toEqual([107]);
    const fromRead = await historyFromBytes(await readWorkbook(bytes('cur.xlsx')), earlier);
    expect(fromRead).toEqual(fromBytes);
    await expect(historyFromBytes(bytes('bad.xlsx'), earlier)).rejects.toBeInstanceOf(WorkbookReadError);
  });
});
