/**
 * `bieumau count` (alias `dem`) as a clerk runs it: `node bin/bieumau.js …` on registers shaped like
 * e-office exports (title block above the header, dates as Excel dates and as text, symbols with
 * spaces, decomposed letters, local authors, a /TW document without an author, a CSV with `;` and a
 * BOM). Every figure is compared with a count of the hand-labelled rows (test/support/count-fixture);
 * the JSON contract, exit codes, nothing written on a refusal; the workbook passes `bieumau check`,
 * consolidates and rolls up like a typed one.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { entryColumns } from '../../src/core/forms/template';
import { readWorkbook } from '../../src/cli/path-source';
import { incomingXlsx, outgoingCsv, outgoingXlsx } from '../support/registers';
import { COMMITTEE_OUT, DUPLICATE, INCOMING, PARTY_OUT, expectedCounts, expectedUnclassified, isoOf } from '../support/count-fixture';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'bieumau.js');
let dir: string;

interface Doc {
  output: string;
  period: { from: string; to: string; days: number };
  registers: { file: string; kind: string; rows: number; counted: number; outside: number }[];
  counts: { table: string; column: string; value: number }[];
  unclassified: { file: string; row: number; symbol: string; author: string; reason: string }[];
  notCounted: { file: string; row: number; symbol: string; reason: string }[];
}

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const REGISTERS = ['den.xlsx', 'tu-di.csv', 'ubnd-di.xlsx'];
const BODY = ['--body', 'local.peoplesCommittee=ubnd-di.xlsx'];
/** The first data row of each file (title block, header, numbering row above it). */
const FIRST_ROW = { 'den.xlsx': 7, 'tu-di.csv': 3, 'ubnd-di.xlsx': 6 } as const;

function count(out: string, from: string, to: string, ...more: string[]): { code: number | null; doc: Doc; stderr: string } {
  const r = run('count', out, ...REGISTERS, '--from', from, '--to', to, ...BODY, '--json', ...more);
  if (r.code !== 0) throw new Error(`count exited ${r.code}: ${r.stderr}`);
  return { code: r.code, doc: JSON.parse(r.stdout) as Doc, stderr: r.stderr };
}

function figures(doc: Doc): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of doc.counts) if (c.value !== 0) out[`${c.table}:${c.column}`] = c.value;
  return out;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieumau-count-'));
  fs.writeFileSync(path.join(dir, 'den.xlsx'), await incomingXlsx(INCOMING));
  fs.writeFileSync(path.join(dir, 'tu-di.csv'), outgoingCsv(PARTY_OUT));
  fs.writeFileSync(path.join(dir, 'ubnd-di.xlsx'), await outgoingXlsx(COMMITTEE_OUT));
  fs.writeFileSync(path.join(dir, 'khong-phai-so.csv'), 'Họ tên,Địa chỉ\nA,B\n');
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('bieumau count: the figures', () => {
  test.each([
    ['July', '2025-07-01', '2025-07-31'],
    ['the quarter', '2025-07-01', '2025-09-30'],
    ['one day, both ends inclusive', '2025-07-03', '2025-07-03'],
  ])('%s: every column equals the hand-labelled rows counted in the test', (_name, from, to) => {
    const { doc } = count(`${from}-${to}.xlsx`, from, to);
    expect(figures(doc)).toEqual(expectedCounts(from, to));
    // Every counted column of both tables is reported, zeros included.
    const ids = TEMPLATES.filter((t) => t.id === 'b01' || t.id === 'b02').flatMap((t) => entryColumns(t).map((c) => `${t.id}:${c.id}`));
    expect(doc.counts.map((c) => `${c.table}:${c.column}`)).toEqual(ids);
    expect(doc.period).toEqual({ from, to, days: Math.round((Date.parse(to) - Date.parse(from)) / 86400000) + 1 });
    expect(doc.output).toBe(path.join(fs.realpathSync(dir), `${from}-${to}.xlsx`));
  });

  test('unclassified rows are listed exactly, with why: the /TW document without an author, the HĐND symbol in the UBND register', () => {
    const { doc } = count('jul.xlsx', '2025-07-01', '2025-07-31');
    const files = { incoming: 'den.xlsx', party: 'tu-di.csv', committee: 'ubnd-di.xlsx' } as const;
    const rows = { incoming: INCOMING, party: PARTY_OUT, committee: COMMITTEE_OUT } as const;
    const expected = expectedUnclassified('2025-07-01', '2025-07-31').map(({ register, index }) => ({
      file: files[register],
      row: FIRST_ROW[files[register]] + index,
      symbol: rows[register][index].symbol,
    }));
    expect(expected.length).toBe(2);
    expect(doc.unclassified.map(({ file, row, symbol }) => ({ file, row, symbol }))).toEqual(expected);
    const tw = doc.unclassified.find((u) => u.symbol === '08-QĐi/TW');
    expect(tw?.author).toBe('');
    expect(tw?.reason).toContain('Bộ Chính trị');
    expect(tw?.reason).toContain('Ban Bí thư');
    expect(tw?.reason).toContain('tác giả');
    // The Council's symbol in the register named (--body) as the Committee's: both columns it fits named, and the body said not to decide it.
    const council = doc.unclassified.find((u) => u.symbol === '05/2025/NQ-HĐND')?.reason;
    expect(council).toContain('"Hội đồng nhân dân" vừa "Cấp xã"');
    expect(council).toContain('; cơ quan của sổ (Ủy ban nhân dân) không phải cột nào trong đó');
  });

  test('local authors and rows outside the period are notCounted with the reason, never unclassified', () => {
    const { doc } = count('jul2.xlsx', '2025-07-01', '2025-07-31');
    const local = INCOMING.map((r, i) => ({ r, row: FIRST_ROW['den.xlsx'] + i })).filter((x) => x.r.expect.local);
    expect(local.length).toBe(3);
    for (const l of local) {
      const n = doc.notCounted.find((x) => x.file === 'den.xlsx' && x.row === l.row);
      expect(n?.reason).toContain('địa phương');
      expect(doc.unclassified.some((u) => u.file === 'den.xlsx' && u.row === l.row)).toBe(false);
    }
    const august = doc.notCounted.find((x) => x.symbol === '60-NQ/TW');
    expect(august?.reason).toContain('ngoài kỳ');
    const inc = doc.registers.find((r) => r.file === 'den.xlsx');
    // Counted: the July rows labelled with a column (the /TW row without author has none).
    const julyCounted = INCOMING.filter((r) => r.expect.b01 !== undefined && isoOf(r.arrival) >= '2025-07-01' && isoOf(r.arrival) <= '2025-07-31').length;
    expect(julyCounted).toBe(13);
    expect(inc).toEqual({ file: 'den.xlsx', kind: 'incoming', rows: INCOMING.length, counted: julyCounted, outside: 4 });
    expect(doc.registers.map((r) => r.kind)).toEqual(['incoming', 'outgoing', 'outgoing']);
  });

  test('without --body, -UBND is the province\'s and a commune\'s: those rows are unclassified, not guessed', () => {
    const r = run('count', 'nobody.xlsx', ...REGISTERS, '--from', '2025-07-01', '--to', '2025-07-31', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(figures(doc)['b01:local.peoplesCommittee']).toBeUndefined();
    expect(figures(doc)['b02:committee.decision']).toBeUndefined();
    const ubnd = doc.unclassified.filter((u) => u.file === 'ubnd-di.xlsx').map((u) => u.symbol);
    expect(ubnd).toEqual(['824/QĐ-UBND', '825/QĐ-UBND', '12/CT-UBND', '300/TB-UBND', '200/BC-UBND', '123/UBND-VX', '45/KH-UBND', '05/2025/NQ-HĐND', 'không số']);
  });
});

describe('bieumau count: the workbook', () => {
  test('passes bieumau check; its entry cells hold COUNTIFS over the register sheets and the table\'s own period cells', async () => {
    count('check.xlsx', '2025-07-01', '2025-07-31');
    const c = run('check', 'check.xlsx', '--json');
    expect(c.code).toBe(0);
    const checked = JSON.parse(c.stdout) as { files: { findings: { severity: string; rule: string }[] }[] };
    expect(checked.files[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
    const wb = await readWorkbook(path.join(dir, 'check.xlsx'));
    const b01 = wb.tables.find((t) => t.templateId === 'b01');
    const cell = b01?.columns['central.politburo'][0];
    const from = b01?.info.from?.address;
    // Register sheet: A row in the file, B–G the columns read, H the date counted, I the type, J Biểu 01's column.
    const abs = (a: string | undefined): string => (a ?? '').replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
    expect(cell?.formula).toBe(`=COUNTIFS('Sổ văn bản đến'!$J:$J,"central.politburo",'Sổ văn bản đến'!$H:$H,">="&${abs(from)},'Sổ văn bản đến'!$H:$H,"<="&${abs(b01?.info.to?.address)})`);
    const expected = expectedCounts('2025-07-01', '2025-07-31');
    for (const t of wb.tables) {
      for (const c2 of entryColumns(TEMPLATES.find((x) => x.id === t.templateId) as (typeof TEMPLATES)[number])) {
        expect([c2.id, t.columns[c2.id][0].value]).toEqual([c2.id, expected[`${t.templateId}:${c2.id}`] ?? 0]);
      }
    }
  });

  test('bieumau check lists the unclassified rows of the period and the document recorded twice, as warnings on the register sheets', () => {
    count('check2.xlsx', '2025-07-01', '2025-07-31');
    const c = run('check', 'check2.xlsx', '--json');
    expect(c.code).toBe(0);
    const found = (JSON.parse(c.stdout) as { files: { findings: { rule: string; severity: string; cells: { sheet: string; address: string }[] }[] }[] }).files[0].findings;
    const sheets = { incoming: 'Sổ văn bản đến', party: 'Sổ văn bản đi', committee: 'Sổ văn bản đi (2)' } as const;
    // Register sheet rows: the header, then the file's rows in order.
    const expected = expectedUnclassified('2025-07-01', '2025-07-31').map(({ register, index }) => `${sheets[register]}!A${index + 2}`);
    const unclassified = found.filter((f) => f.rule === 'register.unclassified');
    expect(unclassified.map((f) => `${f.cells[0].sheet}!${f.cells[0].address}`)).toEqual(expected);
    expect(unclassified.every((f) => f.severity === 'warning')).toBe(true);
    const dup = found.filter((f) => f.rule === 'register.duplicate');
    expect(dup.map((f) => f.cells.map((x) => `${x.sheet}!${x.address}`))).toEqual([[`Sổ văn bản đến!A${DUPLICATE.again + 2}`, `Sổ văn bản đến!A${DUPLICATE.first + 2}`]]);
    expect(dup[0].severity).toBe('warning');
  });

  test('consolidates (two units) and rolls up (July + August = July–August) like a typed workbook', () => {
    count('a.xlsx', '2025-07-01', '2025-07-31', '--unit', 'Xã A');
    count('b.xlsx', '2025-07-01', '2025-07-31', '--unit', 'Xã B');
    const con = run('consolidate', 'tong.xlsx', 'a.xlsx', 'b.xlsx', '--json');
    expect(con.code).toBe(0);
    const jul = expectedCounts('2025-07-01', '2025-07-31');
    const totals = (JSON.parse(con.stdout) as { totals: Record<string, Record<string, number>> }).totals;
    expect(totals.b01['central.politburo']).toBe(2 * jul['b01:central.politburo']);
    expect(totals.b02['party.report']).toBe(2 * jul['b02:party.report']);

    count('jul-u.xlsx', '2025-07-01', '2025-07-31', '--unit', 'Tỉnh');
    count('aug-u.xlsx', '2025-08-01', '2025-08-31', '--unit', 'Tỉnh');
    const roll = run('roll-up', 'luy-ke.xlsx', 'jul-u.xlsx', 'aug-u.xlsx', '--json');
    expect(roll.code).toBe(0);
    const both = expectedCounts('2025-07-01', '2025-08-31');
    const rt = (JSON.parse(roll.stdout) as { totals: Record<string, Record<string, number>> }).totals;
    for (const [k, v] of Object.entries(both)) {
      const [t, c] = k.split(':');
      expect([k, rt[t][c]]).toEqual([k, v]);
    }
  });
});

describe('bieumau count: exit codes and refusals', () => {
  test('dem is the same command; text output names the file and the figures', () => {
    const r = run('dem', 'dem.xlsx', ...REGISTERS, '--from', '2025-07-01', '--to', '2025-07-31', ...BODY);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dem.xlsx');
    expect(r.stdout).toContain(`Bộ Chính trị: ${expectedCounts('2025-07-01', '2025-07-31')['b01:central.politburo']}`);
  });

  test('a file that is no register is refused (exit 1), naming file and sheet; nothing is written', () => {
    const r = run('count', 'refused.xlsx', 'den.xlsx', 'khong-phai-so.csv', '--from', '2025-07-01', '--to', '2025-07-31');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('khong-phai-so.csv');
    expect(r.stderr).toContain('Số, ký hiệu');
    expect(r.stderr.split('\n').filter((l) => l !== '').length).toBe(1);
    expect(fs.existsSync(path.join(dir, 'refused.xlsx'))).toBe(false);
  });

  test('a register that cannot be read is exit 2; bad usage is exit 2; nothing written', () => {
    const missing = run('count', 'm.xlsx', 'khong-co.xlsx', '--from', '2025-07-01', '--to', '2025-07-31');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('khong-co.xlsx');
    expect(run('count', 'm.xlsx', 'den.xlsx', '--from', '2025-07-01').code).toBe(2);
    expect(run('count', 'm.xlsx', 'den.xlsx', '--from', '2025-08-01', '--to', '2025-07-01').code).toBe(2);
    expect(run('count', 'm.xlsx', 'den.xlsx', '--from', '2025-07-01', '--to', '2025-07-31', '--body', 'central.politburo=den.xlsx').code).toBe(2);
    expect(run('count', 'm.xlsx', 'den.xlsx', '--from', '2025-07-01', '--to', '2025-07-31', '--body', 'local.council=other.xlsx').code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'm.xlsx'))).toBe(false);
  });

  test('an existing workbook is not replaced without --force', () => {
    fs.writeFileSync(path.join(dir, 'keep.xlsx'), 'mine');
    const r = run('count', 'keep.xlsx', ...REGISTERS, '--from', '2025-07-01', '--to', '2025-07-31');
    expect(r.code).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'keep.xlsx'), 'utf8')).toBe('mine');
    expect(run('count', 'keep.xlsx', ...REGISTERS, '--from', '2025-07-01', '--to', '2025-07-31', '--force').code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'keep.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('what the command loads', () => {
  test('count writes its workbook without loading ExcelJS (its tables are written as text)', () => {
    // The command run in one process, then the modules it loaded listed: ExcelJS's Office theme
    // (one text) may be among them, ExcelJS itself (its workbook, zip and stream code) not.
    const script = `
      const { main } = require(${JSON.stringify(path.join(ROOT, 'build', 'cli', 'main.js'))});
      main(${JSON.stringify(['count', 'nap.xlsx', ...REGISTERS, '--from', '2025-07-01', '--to', '2025-09-30', ...BODY, '--json'])}).then((code) => {
        const loaded = Object.keys(require.cache).filter((f) => f.includes('node_modules'));
        process.stderr.write(JSON.stringify({ code, loaded }));
      });`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
    const { code, loaded } = JSON.parse(r.stderr) as { code: number; loaded: string[] };
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'nap.xlsx'))).toBe(true);
    expect(loaded.filter((f) => /[\\/]exceljs[\\/]/.test(f)).map((f) => f.replace(/.*[\\/]exceljs[\\/]/, ''))).toEqual(['lib/xlsx/xml/theme1.js'.replace(/\//g, path.sep)]);
    expect(loaded.some((f) => /[\\/](jszip|archiver|unzipper)[\\/]/.test(f))).toBe(false);
  });
});
