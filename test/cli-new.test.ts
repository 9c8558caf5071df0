import { spawnSync } from 'child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import ExcelJS from 'exceljs';
import { TEMPLATES } from '../src/templates';
import { readSheetScopedNames } from '../src/xlsx/names';

const BIN = resolve(__dirname, '..', 'bin', 'bieumau.js');

function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bieumau-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

describe('bieumau templates', () => {
  test('lists id, version and title of every template', () => {
    const r = run(['templates'], dir);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(TEMPLATES.length);
    TEMPLATES.forEach((t, i) => {
      expect(lines[i]).toContain(t.id);
      expect(lines[i]).toContain(`v${t.version}`);
      expect(lines[i]).toContain(t.title.vi);
    });
  });
});

describe('bieumau new', () => {
  test('--sample writes all four tables with the seed figures and the seed report info', async () => {
    const r = run(['new', 'mau.xlsx', '--sample'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = join(dir, 'mau.xlsx');
    expect(r.stdout.trim()).toBe(file);
    expect(await sheetNames(file)).toEqual(['Biểu 01', 'Biểu 02', 'Biểu 03', 'Biểu 04']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names = await readSheetScopedNames(readFileSync(file));
    const at = (sheet: string, name: string) => {
      const n = names.find((x) => x.sheetName === sheet && x.name === name);
      if (!n) throw new Error(`${sheet}!${name} missing`);
      return wb.getWorksheet(sheet)!.getCell(n.ref.split(':')[0]).value;
    };
    expect(at('Biểu 01', 'BM_UNIT')).toBe('TỈNH ỦY LÂM ĐỒNG');
    expect(at('Biểu 01', 'BM_REPORT_NO')).toBe('52-BC/TU');
    expect(at('Biểu 01', 'BM_REPORT_BY')).toBe('Ban Thường vụ Tỉnh ủy');
    expect((at('Biểu 02', 'BM_REPORT_DATE') as Date).toISOString().slice(0, 10)).toBe('2025-11-14');
    expect((at('Biểu 03', 'BM_FROM') as Date).toISOString().slice(0, 10)).toBe('2025-07-01');
    expect((at('Biểu 04', 'BM_TO') as Date).toISOString().slice(0, 10)).toBe('2025-10-15');
    expect(at('Biểu 01', 'BM_C_local_commune')).toBe(340309);
    expect(at('Biểu 04', 'BM_C_published')).toBe(1939);
    expect(at('Biểu 04', 'BM_META')).toBe('bieumau:b04@1');
    expect(readdirSync(dir)).toEqual(['mau.xlsx']);
  });

  test('--templates accepts 01, 1 and b03; options override the sample defaults', async () => {
    const r = run(['new', 'a.xlsx', '--templates', '1,b03', '--unit', 'UBND XÃ ĐẠ HUOAI', '--from', '2025-01-01', '--to', '2025-03-31'], dir);
    expect(r.code).toBe(0);
    expect(await sheetNames(join(dir, 'a.xlsx'))).toEqual(['Biểu 01', 'Biểu 03']);
    const r2 = run(['new', 'b.xlsx', '--templates=04', '--sample', '--unit', 'SỞ NỘI VỤ'], dir);
    expect(r2.code).toBe(0);
    const file = join(dir, 'b.xlsx');
    const names = await readSheetScopedNames(readFileSync(file));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const unit = names.find((n) => n.name === 'BM_UNIT')!;
    expect(wb.worksheets[0].getCell(unit.ref).value).toBe('SỞ NỘI VỤ');
  });

  test('--force overwrites an existing file', () => {
    writeFileSync(join(dir, 'x.xlsx'), 'old');
    const r = run(['new', 'x.xlsx', '--force'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'x.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  const bad: [string, string[], RegExp][] = [
    ['unknown template', ['new', 'o.xlsx', '--templates', '01,07'], /không có biểu mẫu "07".* \/ unknown template "07"/],
    ['impossible date', ['new', 'o.xlsx', '--from', '2025-02-30'], /--from "2025-02-30" .* \/ .*not a valid date/],
    ['impossible report date', ['new', 'o.xlsx', '--report-date', '2025-13-01'], /--report-date/],
    ['from after to', ['new', 'o.xlsx', '--from', '2025-10-15', '--to', '2025-07-01'], /sau --to .* \/ --from 2025-10-15 is after --to 2025-07-01/],
    ['missing folder', ['new', join('no-such-dir', 'o.xlsx')], /thư mục không tồn tại: .* \/ folder does not exist/],
    ['unknown option', ['new', 'o.xlsx', '--colour', 'red'], /unknown option --colour/],
    ['missing output', ['new', '--sample'], /thiếu tên tệp .* \/ missing the output file/],
    ['not .xlsx', ['new', 'o.csv'], /\.xlsx/],
    ['bad --rows', ['new', 'o.xlsx', '--rows', 'two'], /--rows/],
    ['option without value', ['new', 'o.xlsx', '--unit'], /--unit needs a value/],
  ];
  test.each(bad)('%s → exit 2, one line on stderr, no file', (_name, args, message) => {
    const r = run(args, dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^bieumau: /);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).not.toMatch(/\bat .*\.js:\d+/);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('existing file without --force → exit 2, file untouched', () => {
    writeFileSync(join(dir, 'x.xlsx'), 'keep me');
    const r = run(['new', 'x.xlsx', '--sample'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/tệp đã có: x\.xlsx .* \/ file exists: x\.xlsx/);
    expect(readFileSync(join(dir, 'x.xlsx'), 'utf8')).toBe('keep me');
    expect(readdirSync(dir)).toEqual(['x.xlsx']);
  });

  test('a folder in the way → exit 2', () => {
    mkdirSync(join(dir, 'd.xlsx'));
    const r = run(['new', 'd.xlsx', '--force'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a folder has that name/);
  });

  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  test('unwritable folder → exit 2, one line, no file', () => {
    // root may write into a 0555 folder, so as root use a folder nobody can create files in
    const ro = asRoot ? '/sys' : join(dir, 'ro');
    if (!asRoot) {
      mkdirSync(ro);
      chmodSync(ro, 0o555);
    }
    const r = run(['new', join(ro, 'o.xlsx')], dir);
    if (!asRoot) chmodSync(ro, 0o755);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/(không ghi được vào thư mục|không ghi được tệp) .* \/ (cannot write to folder|cannot write)/);
    expect(existsSync(join(ro, 'o.xlsx'))).toBe(false);
    expect(readdirSync(ro).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
