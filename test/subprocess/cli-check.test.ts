/**
 * `bieumau check` as a user runs it: `node bin/bieumau.js check …` (run `npm run build:cli` first;
 * `pretest` does it).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildWorkbook, parseNewArgs } from '../../src/cli/new';
import { readWorkbook } from '../../src/cli/path-source';
import { setCell } from '../support/edit-xlsx';
import { cliIn, ensureCliBuilt } from '../support/cli';

let dir: string;
let seed: string;
let fixed: string;
let warnOnly: string;

const run = cliIn(() => dir);

beforeAll(async () => {
  ensureCliBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-check-'));
  const sample = await buildWorkbook(parseNewArgs(['unused.xlsx', '--sample']));
  seed = path.join(dir, 'seed.xlsx');
  fs.writeFileSync(seed, sample);
  const council = (await readWorkbook(sample)).tables[0].columns['local.council'][0];
  fixed = path.join(dir, 'fixed.xlsx');
  fs.writeFileSync(fixed, await setCell(sample, council.sheet, council.address, 732));
  const ministries = (await readWorkbook(sample)).tables[0].columns['central.ministries'][0];
  warnOnly = path.join(dir, 'warn.xlsx');
  fs.writeFileSync(warnOnly, await setCell(await setCell(sample, council.sheet, council.address, 732), ministries.sheet, ministries.address, null));
  fs.writeFileSync(path.join(dir, 'text.xlsx'), 'not a workbook');
  fs.writeFileSync(path.join(dir, 'locked.xlsx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]));
  fs.writeFileSync(path.join(dir, 'cut.xlsx'), sample.subarray(0, 3000));
}, 120000);

describe('bieumau check', () => {
  test('the seed: one error (HĐND 732 vs 752), exit 1, human output in Vietnamese', () => {
    const r = run('check', 'seed.xlsx');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Biểu 02');
    expect(r.stdout).toMatch(/\[LỖI\] [A-Z]+\d+: .*732.*752/);
    const lines = r.stdout.trim().split('\n');
    expect(lines[lines.length - 1]).toBe('Tổng cộng: 1 lỗi, 0 cảnh báo trong 1 tệp.');
  });

  test('--lang en', () => {
    const r = run('check', 'seed.xlsx', '--lang', 'en');
    expect(r.stdout).toContain('[ERROR]');
    expect(r.stdout.trim().split('\n').pop()).toBe('Total: 1 error, 0 warnings in 1 file.');
  });

  test('--json prints exactly the documented document', () => {
    const r = run('check', 'seed.xlsx', '--json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { files: { file: string; findings: Record<string, unknown>[] }[] };
    expect(doc.files).toHaveLength(1);
    expect(doc.files[0].file).toBe('seed.xlsx');
    const f = doc.files[0].findings[0];
    expect(Object.keys(f)).toEqual(['rule', 'severity', 'cells', 'message', 'left', 'right', 'difference']);
    expect(f).toMatchObject({ rule: 'cross.council', severity: 'error', left: 732, right: 752, difference: -20 });
    expect((f.cells as { sheet: string; address: string }[]).map((c) => c.sheet)).toEqual(['Biểu 02', 'Biểu 01']);
    for (const c of f.cells as { address: string }[]) expect(c.address).toMatch(/^[A-Z]+\d+$/);
  });

  test('the seed with 732 = 752: exit 0', () => {
    const r = run('check', 'fixed.xlsx', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ files: [{ file: 'fixed.xlsx', findings: [] }] });
  });

  test('warnings only: exit 0, the warning listed', () => {
    const r = run('check', 'warn.xlsx', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { files: { findings: { rule: string; severity: string; left?: number; fix?: unknown }[] }[] };
    expect(doc.files[0].findings.map((f) => [f.rule, f.severity])).toEqual([['entry.blank', 'warning']]);
    expect('left' in doc.files[0].findings[0]).toBe(false);
  });

  test('a fix in JSON: value fix and formula fix', async () => {
    const sample = fs.readFileSync(seed);
    const read = await readWorkbook(sample);
    const total = read.tables[0].columns['central.total'][0];
    const entry = read.tables[0].columns['central.ministries'][0];
    let buf = await setCell(sample, total.sheet, total.address, 4525);
    buf = await setCell(buf, entry.sheet, entry.address, '3.341');
    fs.writeFileSync(path.join(dir, 'fixes.xlsx'), buf);
    const r = run('check', 'fixes.xlsx', '--json');
    const fsx = (JSON.parse(r.stdout) as { files: { findings: { rule: string; fix?: Record<string, unknown> }[] }[] }).files[0].findings;
    const v = fsx.find((f) => f.rule === 'entry.text-number');
    expect(v?.fix).toEqual({ cell: { sheet: 'Biểu 01', address: entry.address }, value: 3341, label: { vi: 'Đổi thành số 3341', en: 'Change to the number 3341' } });
    const fm = fsx.find((f) => f.rule === 'computed.formula-missing');
    expect(fm?.fix).toMatchObject({ cell: { sheet: 'Biểu 01', address: total.address }, formula: '=SUM(B8:G8)' });
    expect(Object.keys(fm?.fix ?? {})).toEqual(['cell', 'formula', 'label']);
  });

  test('unreadable files: exit 2, each with its reason, the other files still checked', () => {
    const r = run('check', 'missing.xlsx', 'text.xlsx', 'locked.xlsx', 'cut.xlsx', 'seed.xlsx', '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { files: ({ file: string; error: { vi: string; en: string } } | { file: string; findings: unknown[] })[] };
    expect(doc.files.map((f) => f.file)).toEqual(['missing.xlsx', 'text.xlsx', 'locked.xlsx', 'cut.xlsx', 'seed.xlsx']);
    const errs = doc.files.slice(0, 4).map((f) => ('error' in f ? f.error.en : ''));
    expect(errs[0]).toMatch(/does not exist/);
    expect(errs[1]).toMatch(/Not an .xlsx/);
    expect(errs[2]).toMatch(/password-protected/);
    expect(errs[3]).toMatch(/corrupt/);
    for (const f of doc.files.slice(0, 4)) expect(Object.keys(f)).toEqual(['file', 'error']);
    expect('findings' in doc.files[4] && doc.files[4].findings).toHaveLength(1);
  });

  test('human output writes left / right / difference as the message does: 1.752 in Vietnamese, 1,752 in English', async () => {
    const sample = fs.readFileSync(seed);
    const council = (await readWorkbook(sample)).tables[0].columns['local.council'][0];
    fs.writeFileSync(path.join(dir, 'big.xlsx'), await setCell(sample, council.sheet, council.address, 1752));
    const vi = run('check', 'big.xlsx');
    expect(vi.code).toBe(1);
    expect(vi.stdout).toContain('là 1.752');
    expect(vi.stdout).toContain('      Trái / phải / chênh lệch: 732 / 1.752 / -1.020\n');
    const en = run('check', 'big.xlsx', '--lang', 'en');
    expect(en.stdout).toContain('is 1,752');
    expect(en.stdout).toContain('      Left / right / difference: 732 / 1,752 / -1,020\n');
    const json = JSON.parse(run('check', 'big.xlsx', '--json').stdout) as { files: { findings: Record<string, unknown>[] }[] };
    expect(json.files[0].findings[0]).toMatchObject({ left: 732, right: 1752, difference: -1020 });
  });

  test('human output for an unreadable file, no stack trace', () => {
    const r = run('check', 'locked.xlsx');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('KHÔNG ĐỌC ĐƯỢC');
    expect(r.stdout + r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  test('bad usage: no file, bad --lang, unknown option → exit 2 with one line on stderr', () => {
    for (const args of [['check'], ['check', 'seed.xlsx', '--lang', 'fr'], ['check', 'seed.xlsx', '--csv']]) {
      const r = run(...args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });
});
