/**
 * Files from other spreadsheets, told apart by their bytes: an Excel 97–2003 `.xls` (OLE2 with a
 * Workbook stream), a password-protected `.xlsx` (OLE2 with EncryptionInfo and EncryptedPackage)
 * and a LibreOffice `.ods` (a zip whose mimetype says so) each get their own message, in Vietnamese
 * and English, from both readers and from the consolidation's source reader (the pane's Tổng hợp
 * and the web page), and exit 2 from the command line.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { WorkbookReadError } from '../../src/xlsx/errors';
import { readWorkbookExcelJS } from '../../src/xlsx/exceljs-read';
import { readWorkbookFast } from '../../src/xlsx/fast-read';
import { sourceFromBytes } from '../../src/xlsx/source';
import { ENCRYPTED_MESSAGE, ODS_MESSAGE, OLE_UNKNOWN_MESSAGE, XLS_MESSAGE, oleDirectoryNames, oleKind } from '../../src/xlsx/kind';
import { TEMPLATES } from '../../src/core/forms/builtin';
import type { Text } from '../../src/core/forms/template';
import { ENCRYPTED_XLSX_ENTRIES, XLS_ENTRIES, ole2 } from '../support/ole2';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'bieumau.js');

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
const CONTENT = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3"><office:body><office:spreadsheet><table:table xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" table:name="Biểu 01"/></office:spreadsheet></office:body></office:document-content>`;

/** An .ods as LibreOffice lays it out: `mimetype` first and stored, then the XML parts. */
function ods(withMimetype = true, mime = ODS_MIME): Buffer {
  const parts: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  if (withMimetype) parts.mimetype = [strToU8(mime), { level: 0 }];
  parts['content.xml'] = [strToU8(CONTENT), { level: 6 }];
  parts['META-INF/manifest.xml'] = [strToU8('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'), { level: 6 }];
  return Buffer.from(zipSync(parts));
}

async function reasonOf(read: () => Promise<unknown>): Promise<Text> {
  try {
    await read();
  } catch (e) {
    if (e instanceof WorkbookReadError) return e.reason;
    throw e;
  }
  throw new Error('read without an error');
}

const CASES: [string, () => Buffer, Text][] = [
  ['.xls (Workbook stream)', () => ole2(XLS_ENTRIES), XLS_MESSAGE],
  ['.xls of Excel 5 (Book stream)', () => ole2(['Book']), XLS_MESSAGE],
  ['encrypted .xlsx', () => ole2(ENCRYPTED_XLSX_ENTRIES), ENCRYPTED_MESSAGE],
  ['.ods', () => ods(), ODS_MESSAGE],
  ['.ods without a mimetype part (content.xml says spreadsheet)', () => ods(false), ODS_MESSAGE],
];

describe('the messages', () => {
  test('each kind has its own words, in Vietnamese and English', () => {
    expect(XLS_MESSAGE.vi.startsWith('Đây là tệp Excel 97–2003 (.xls)')).toBe(true);
    expect(XLS_MESSAGE.en.startsWith('This is an Excel 97–2003 file (.xls)')).toBe(true);
    expect(ODS_MESSAGE.vi.startsWith('Đây là tệp OpenDocument (.ods) của LibreOffice: hãy mở và lưu thành Excel (.xlsx)')).toBe(true);
    expect(ODS_MESSAGE.en.startsWith('This is an OpenDocument spreadsheet (.ods) from LibreOffice: open it and save it as Excel (.xlsx)')).toBe(true);
    expect(ENCRYPTED_MESSAGE.vi).toContain('được bảo vệ bằng mật khẩu');
    expect(ENCRYPTED_MESSAGE.en).toContain('password-protected');
    // the .xls message says nothing of a password, the password message nothing of .xls
    expect(XLS_MESSAGE.en).not.toMatch(/password/);
    expect(ENCRYPTED_MESSAGE.en).not.toMatch(/\.xls\b/);
  });
});

describe('told apart by their bytes', () => {
  test('the directory of a compound file is read: stream and storage names', () => {
    expect(oleDirectoryNames(ole2(XLS_ENTRIES))).toEqual(['Root Entry', 'Workbook', '\u0005SummaryInformation', '\u0005DocumentSummaryInformation']);
    // more entries than one directory sector holds: the chain is followed
    expect(oleDirectoryNames(ole2(ENCRYPTED_XLSX_ENTRIES))).toHaveLength(11);
    expect(oleKind(ole2(ENCRYPTED_XLSX_ENTRIES))).toBe('encrypted');
    expect(oleKind(ole2(['WordDocument']))).toBe('unknown');
  });

  test.each(CASES)('%s: both readers and the consolidation source give its message', async (_name, make, message) => {
    const bytes = make();
    expect(await reasonOf(() => readWorkbook(bytes))).toEqual(message);
    expect(await reasonOf(() => readWorkbookExcelJS(bytes))).toEqual(message);
    expect(await reasonOf(async () => readWorkbookFast(bytes))).toEqual(message);
    const source = await sourceFromBytes('x', bytes, '0'.repeat(64), TEMPLATES, new Date(2026, 0, 15));
    expect(source.readError).toEqual(message);
  });

  test('a compound file that is neither, or whose directory cannot be read, gets the message that names both', async () => {
    expect(await reasonOf(() => readWorkbook(ole2(['WordDocument'])))).toEqual(OLE_UNKNOWN_MESSAGE);
    expect(await reasonOf(() => readWorkbook(ole2(XLS_ENTRIES).subarray(0, 700)))).toEqual(OLE_UNKNOWN_MESSAGE);
    // a directory chain that loops on itself ends
    const loop = ole2(XLS_ENTRIES);
    loop.writeUInt32LE(1, 512 + 4);
    expect(await reasonOf(() => readWorkbook(loop))).toEqual(OLE_UNKNOWN_MESSAGE);
  });

  test('an OpenDocument text file is not called a spreadsheet', async () => {
    expect(await reasonOf(() => readWorkbook(ods(true, 'application/vnd.oasis.opendocument.text')))).toEqual({ vi: 'Không phải sổ tính Excel (.xlsx).', en: 'Not an Excel workbook (.xlsx).' });
  });
});

describe('bieumau check and consolidate: exit 2 with the message', () => {
  let dir: string;
  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, 'build', 'cli', 'main.js'))) spawnSync('npm', ['run', 'build:cli'], { cwd: ROOT });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-kinds-'));
    fs.writeFileSync(path.join(dir, 'cu.xls'), ole2(XLS_ENTRIES));
    fs.writeFileSync(path.join(dir, 'khoa.xlsx'), ole2(ENCRYPTED_XLSX_ENTRIES));
    fs.writeFileSync(path.join(dir, 'lo.ods'), ods());
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]): { code: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  test.each([
    ['cu.xls', XLS_MESSAGE],
    ['khoa.xlsx', ENCRYPTED_MESSAGE],
    ['lo.ods', ODS_MESSAGE],
  ])('%s', (file, message) => {
    const json = run('check', file, '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ files: [{ file, error: message }] });
    const vi = run('check', file);
    expect(vi.code).toBe(2);
    expect(vi.stdout).toContain(message.vi);
    const en = run('check', file, '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.stdout).toContain(message.en);
    expect(vi.stdout + vi.stderr + en.stdout + en.stderr).not.toMatch(/\bat .*\.js:\d+/);
    const cons = run('consolidate', 'out.xlsx', file, '--json');
    expect(cons.code).toBe(2);
    expect((JSON.parse(cons.stdout) as { sources: { reason: Text }[] }).sources[0].reason).toEqual(message);
    expect(fs.existsSync(path.join(dir, 'out.xlsx'))).toBe(false);
  });
});
