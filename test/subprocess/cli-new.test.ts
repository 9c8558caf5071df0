import { spawnSync } from 'child_process';
// the module object itself (not a namespace copy), so a spy on it is what src/cli/new.ts calls
import fs from 'fs';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import ExcelJS from 'exceljs';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { readSheetScopedNames } from '../../src/xlsx/scoped-names';
import * as writer from '../../src/xlsx/writer';
import { runNew } from '../../src/cli/new';
import { UsageError } from '../../src/cli/args';
import { runCli, type CliRun } from '../support/cli';

const BIN = resolve(__dirname, '..', '..', 'bin', 'bieumau.js');

function run(args: string[], cwd: string): CliRun {
  return runCli(cwd, args);
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
    // the Vietnamese half names the problem too, not just "tùy chọn không hợp lệ"
    ['unknown option, both languages', ['new', 'o.xlsx', '--colour', 'red'], /^bieumau: tùy chọn không có: --colour \/ unknown option --colour$/],
    ['flag given a value', ['new', 'o.xlsx', '--force=1'], /^bieumau: --force không nhận giá trị \/ --force takes no value$/],
    ['option without value, both languages', ['new', 'o.xlsx', '--unit', '--force'], /^bieumau: --unit cần một giá trị \/ --unit needs a value$/],
    // a short option is an option, not a second file name
    ['short option', ['new', 'o.xlsx', '-f'], /^bieumau: tùy chọn không có: -f \/ unknown option -f$/],
    ['short option before OUT', ['new', '-x', 'o.xlsx'], /unknown option -x/],
    ['second positional', ['new', 'o.xlsx', 'p.xlsx'], /thừa tham số: p\.xlsx \/ unexpected arguments: p\.xlsx/],
    ['empty --templates', ['new', 'o.xlsx', '--templates', ''], /--templates trống \/ --templates is empty/],
    ['--templates of commas', ['new', 'o.xlsx', '--templates', ',,'], /--templates is empty/],
    ['--templates b1', ['new', 'o.xlsx', '--templates', 'b1'], /unknown template "b1"/],
    ['--rows 0', ['new', 'o.xlsx', '--rows', '0'], /--rows must be a whole number from 1 to 10000: 0/],
    ['--rows too many', ['new', 'o.xlsx', '--rows', '99999999'], /--rows must be a whole number from 1 to 10000: 99999999/],
    ['--rows negative', ['new', 'o.xlsx', '--rows=-3'], /--rows must be a whole number/],
    ['report date in d/m/y', ['new', 'o.xlsx', '--report-date', '14/11/2025'], /--report-date "14\/11\/2025" .* \/ .*not a valid date/],
    ['report date without zero padding', ['new', 'o.xlsx', '--report-date', '2025-1-1'], /not a valid date/],
    // half a period: averages would be blank, and with --sample mixed with the seed's other end
    ['--from without --to', ['new', 'o.xlsx', '--from', '2025-07-01'], /^bieumau: có --from nhưng thiếu --to: .* \/ --from needs --to: the report period takes both dates$/],
    ['--to without --from', ['new', 'o.xlsx', '--to', '2025-10-15'], /có --to nhưng thiếu --from.* \/ --to needs --from/],
    ['--from without --to, with --sample', ['new', 'o.xlsx', '--sample', '--from', '2025-11-01'], /--from needs --to/],
    ['blank --unit', ['new', 'o.xlsx', '--unit', '   '], /--unit trống \/ --unit is empty/],
    ['empty --report', ['new', 'o.xlsx', '--report='], /--report trống \/ --report is empty/],
    ['nothing before .xlsx', ['new', '.xlsx'], /tên tệp trống .* \/ the output file has no name before \.xlsx/],
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

describe('bieumau new: text options, duplicates, messages', () => {
  async function cellOf(file: string, sheet: string, name: string): Promise<ExcelJS.CellValue> {
    const names = await readSheetScopedNames(readFileSync(file));
    const n = names.find((x) => x.sheetName === sheet && x.name === name);
    if (!n) throw new Error(`${sheet}!${name} missing`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb.getWorksheet(sheet)!.getCell(n.ref.split(':')[0]).value;
  }

  test('--unit and --report are trimmed and written in NFC (a Mac terminal sends decomposed letters)', async () => {
    const decomposed = 'UBND XÃ ĐẠ HUOAI'.normalize('NFD');
    expect(decomposed).not.toBe('UBND XÃ ĐẠ HUOAI');
    const r = run(['new', 'u.xlsx', '--templates', '02', '--unit', `  ${decomposed}  `, '--report', ' 123/BC-UBND\t'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await cellOf(join(dir, 'u.xlsx'), 'Biểu 02', 'BM_UNIT')).toBe('UBND XÃ ĐẠ HUOAI');
    expect(await cellOf(join(dir, 'u.xlsx'), 'Biểu 02', 'BM_REPORT_NO')).toBe('123/BC-UBND');
  });

  test('a table named twice (01,1,b01) is written once, in the order first given', async () => {
    const r = run(['new', 'd.xlsx', '--templates', '03,01,1,b01,03'], dir);
    expect(r.code).toBe(0);
    expect(await sheetNames(join(dir, 'd.xlsx'))).toEqual(['Biểu 03', 'Biểu 01']);
  });

  test('--from and --to together are still taken, with or without --sample', async () => {
    const r = run(['new', 'p.xlsx', '--sample', '--templates', '01', '--from', '2025-01-01', '--to', '2025-03-31'], dir);
    expect(r.code).toBe(0);
    const from = (await cellOf(join(dir, 'p.xlsx'), 'Biểu 01', 'BM_FROM')) as Date;
    const to = (await cellOf(join(dir, 'p.xlsx'), 'Biểu 01', 'BM_TO')) as Date;
    expect([from.toISOString().slice(0, 10), to.toISOString().slice(0, 10)]).toEqual(['2025-01-01', '2025-03-31']);
  });

  test('an unknown command is one line on stderr, exit 2', () => {
    const r = run(['neww', 'o.xlsx'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('bieumau: lệnh không có: neww (xem bieumau --help) / unknown command: neww (see bieumau --help)\n');
  });

  test('bieumau templates is stable: one tab-separated line per table, in template order', () => {
    const a = run(['templates'], dir);
    const b = run(['templates'], dir);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toBe(TEMPLATES.map((t) => `${t.id}\tv${t.version}\t${t.name.vi}\t${t.title.vi}\n`).join(''));
  });
});

describe('bieumau new: writing the file', () => {
  let out: string;
  const tmpFiles = (): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
  beforeEach(() => {
    out = join(dir, 'race.xlsx');
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  /** Runs `after` right after the temporary file is written, before it is moved into place. */
  function afterTempWritten(after: () => void): void {
    const real = fs.writeFileSync;
    jest.spyOn(fs, 'writeFileSync').mockImplementation((...args: Parameters<typeof fs.writeFileSync>) => {
      real(...args);
      if (String(args[0]).endsWith('.tmp')) after();
    });
  }

  test('a file created at the target while the workbook was written is not replaced without --force', async () => {
    afterTempWritten(() => writeFileSync(out, 'written by someone else'));
    const err = await runNew([out, '--templates', '01']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toBe('tệp đã có: ' + out + ' (dùng --force để ghi đè) / file exists: ' + out + ' (use --force to overwrite)');
    expect(readFileSync(out, 'utf8')).toBe('written by someone else');
    expect(tmpFiles()).toEqual([]);
  });

  test('with --force, a folder appearing at the target makes a one-line error and leaves no temporary file', async () => {
    afterTempWritten(() => mkdirSync(out));
    const err = await runNew([out, '--templates', '01', '--force']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(/^không ghi được tệp .*race\.xlsx: .* \/ cannot write .*race\.xlsx: /);
    expect((err as Error).message).not.toContain('\n');
    expect(readdirSync(dir)).toEqual(['race.xlsx']);
  });

  test('an exception from ExcelJS leaves no file at all', async () => {
    jest.spyOn(writer, 'writeWorkbook').mockRejectedValue(new Error('ExcelJS broke'));
    await expect(runNew([out])).rejects.toThrow('ExcelJS broke');
    expect(readdirSync(dir)).toEqual([]);
  });

  test('success: the file is in place and no temporary file remains', async () => {
    await expect(runNew([out, '--templates', '04'])).resolves.toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(dir)).toEqual(['race.xlsx']);
  });
});

describe('bin/bieumau.js never prints a stack trace', () => {
  /** A copy of bin/bieumau.js in a folder of its own, with `build/cli/main.js` as given (or none). */
  function binWith(mainJs: string | undefined): string {
    mkdirSync(join(dir, 'pkg', 'bin'), { recursive: true });
    copyFileSync(BIN, join(dir, 'pkg', 'bin', 'bieumau.js'));
    if (mainJs !== undefined) {
      mkdirSync(join(dir, 'pkg', 'build', 'cli'), { recursive: true });
      writeFileSync(join(dir, 'pkg', 'build', 'cli', 'main.js'), mainJs);
    }
    return join(dir, 'pkg', 'bin', 'bieumau.js');
  }
  function runBin(bin: string): { code: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [bin, 'templates'], { cwd: dir, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  test('build/ missing: one line in both languages, exit 2', () => {
    const r = runBin(binWith(undefined));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'bieumau: công cụ chưa được biên dịch, chạy `npm run build:cli` trước / the tool is not built; run `npm run build:cli` first.\n',
    );
  });

  test('a multi-line error from main: only its first line', () => {
    const r = runBin(binWith(`exports.main = async () => { throw new Error('ổ đĩa đầy / disk full\\n    at write (x.js:1:1)'); };`));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('bieumau: ổ đĩa đầy / disk full\n');
  });

  test('build/ present but broken: says what broke, not "not built"', () => {
    const r = runBin(binWith(`require('./no-such-module-here');`));
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(r.stderr).toMatch(/^bieumau: Cannot find module '\.\/no-such-module-here'/);
    expect(r.stderr).not.toMatch(/not built|\bat .*\.js:\d+/);
  });

  test('an error thrown later, outside the promise: one line, exit 2', () => {
    const r = runBin(binWith(`exports.main = () => new Promise(() => { setImmediate(() => { throw new TypeError('late\\nstack'); }); });`));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('bieumau: late\n');
  });
});
