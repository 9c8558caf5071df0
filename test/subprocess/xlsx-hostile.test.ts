/**
 * Hostile and oversized `.xlsx` packages are refused from the zip's central directory, before
 * anything is inflated, with a vi/en reason; a part whose declared size lies is stopped at that
 * size. The bombs are made here: hundreds of MB of spaces deflated to a few hundred KB.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildWorkbook, parseNewArgs } from '../../src/cli/new';
import { readWorkbook } from '../../src/cli/path-source';
import { WorkbookReadError } from '../../src/xlsx/errors';
import { listZip, storedZip, unzipChecked, ZIP_LIMITS } from '../../src/xlsx/zip';
import { BOMB_SHEET, bombWorkbook, manyPartsWorkbook, workbookEntries, writeZip } from '../support/zip-bomb';
import { runMeasured } from '../support/measure';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'bieumau.js');
let dir: string;
let sample: Buffer;

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'build', 'cli', 'main.js'))) spawnSync('npm', ['run', 'build:cli'], { cwd: ROOT });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-hostile-'));
  sample = await buildWorkbook(parseNewArgs(['unused.xlsx', '--sample']));
  fs.writeFileSync(path.join(dir, 'bomb.xlsx'), await bombWorkbook(sample, 300));
  fs.writeFileSync(path.join(dir, 'lying.xlsx'), await bombWorkbook(sample, 300, 40000));
  fs.writeFileSync(path.join(dir, 'many.xlsx'), await manyPartsWorkbook(sample, 5000));
  // A sparse file: 40 MB on the size, nothing on the disk.
  const big = path.join(dir, 'big.xlsx');
  fs.writeFileSync(big, sample);
  fs.truncateSync(big, 40 * 1024 * 1024);
}, 120000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function reason(bytes: Buffer): Promise<{ vi: string; en: string }> {
  try {
    await readWorkbook(bytes);
  } catch (e) {
    if (e instanceof WorkbookReadError) return e.reason;
    throw e;
  }
  throw new Error('the workbook was read');
}

/** `bieumau check FILE --json` with the peak memory of its process. */
function check(file: string): { code: number | null; doc: { files: { file: string; error?: { vi: string; en: string }; findings?: unknown[] }[] }; maxRssMb: number } {
  const m = runMeasured([BIN, 'check', file, '--json'], dir);
  return { code: m.result.status, doc: JSON.parse(m.result.stdout) as never, maxRssMb: m.rssMb };
}

describe('a part of 300 MB declared honestly', () => {
  test('refused from the central directory, naming the part, its size and the limit', async () => {
    const r = await reason(fs.readFileSync(path.join(dir, 'bomb.xlsx')));
    expect(r.vi).toBe(`Phần "${BOMB_SHEET}" của tệp .xlsx giải nén ra 300 MB, quá giới hạn 16 MB cho một phần: có thể là tệp độc hại (bom zip); tệp không được mở.`);
    expect(r.en).toBe(`The part "${BOMB_SHEET}" of the .xlsx file inflates to 300 MB, beyond the limit of 16 MB for one part: possibly a hostile file (zip bomb); the file was not opened.`);
  });

  test('bieumau check --json: {"file","error"}, exit 2, and the process never holds the 300 MB', () => {
    const r = check('bomb.xlsx');
    expect(r.code).toBe(2);
    expect(r.doc.files).toHaveLength(1);
    expect(Object.keys(r.doc.files[0])).toEqual(['file', 'error']);
    expect(r.doc.files[0].file).toBe('bomb.xlsx');
    expect(r.doc.files[0].error?.en).toContain('inflates to 300 MB, beyond the limit of 16 MB');
    expect(r.maxRssMb).toBeLessThan(200);
  });
});

describe('a part that lies about its size', () => {
  test('inflating stops at the declared 40,000 bytes: refused', async () => {
    const r = await reason(fs.readFileSync(path.join(dir, 'lying.xlsx')));
    expect(r.vi).toBe(`Phần "${BOMB_SHEET}" của tệp .xlsx giải nén ra nhiều hơn kích thước khai báo (40.000 byte): có thể là tệp độc hại (bom zip); tệp không được mở.`);
    expect(r.en).toBe(`The part "${BOMB_SHEET}" of the .xlsx file inflates to more than its declared size (40,000 bytes): possibly a hostile file (zip bomb); the file was not opened.`);
  });

  test('bieumau check --json: exit 2, and the process never holds the 300 MB', () => {
    const r = check('lying.xlsx');
    expect(r.code).toBe(2);
    expect(r.doc.files[0].error?.vi).toContain('nhiều hơn kích thước khai báo (40.000 byte)');
    expect(r.maxRssMb).toBeLessThan(200);
  });

  test('a lying part small enough to inflate in one go (8 MB in a few KB): refused the same way', async () => {
    const bytes = await bombWorkbook(sample, 8, 40000);
    const sheet = listZip(bytes).find((e) => e.name === BOMB_SHEET)!;
    expect(sheet.compressedSize).toBeLessThan(256 * 1024);
    expect(sheet.size).toBe(40000);
    const r = await reason(bytes);
    expect(r.en).toBe(`The part "${BOMB_SHEET}" of the .xlsx file inflates to more than its declared size (40,000 bytes): possibly a hostile file (zip bomb); the file was not opened.`);
    expect(r.vi).toBe(`Phần "${BOMB_SHEET}" của tệp .xlsx giải nén ra nhiều hơn kích thước khai báo (40.000 byte): có thể là tệp độc hại (bom zip); tệp không được mở.`);
  });

  test('a part declared one byte smaller than what it inflates to: refused as lying', async () => {
    const entries = (await workbookEntries(sample)).map((e) => (e.name === BOMB_SHEET ? { ...e, size: e.size - 1 } : e));
    expect((await reason(writeZip(entries))).en).toBe(
      `The part "${BOMB_SHEET}" of the .xlsx file inflates to more than its declared size (${(entries.find((e) => e.name === BOMB_SHEET)!.size).toLocaleString('en-US')} bytes): possibly a hostile file (zip bomb); the file was not opened.`,
    );
  });

  test('a part declared larger than what it inflates to is corrupt', async () => {
    const entries = (await workbookEntries(sample)).map((e) => (e.name === BOMB_SHEET ? { ...e, size: e.size + 10 } : e));
    expect(await reason(writeZip(entries))).toEqual({ vi: 'Tệp .xlsx bị hỏng (không giải nén được).', en: 'The .xlsx file is corrupt (it cannot be unzipped).' });
  });
});

describe('too many parts, too large a file, too high a ratio, too much in all', () => {
  test('5,013 parts: refused before reading any of them', async () => {
    const r = await reason(fs.readFileSync(path.join(dir, 'many.xlsx')));
    expect(r.vi).toBe('Tệp .xlsx có 5.013 phần, quá giới hạn 1.000 phần: có thể là tệp độc hại (bom zip); tệp không được mở.');
    expect(r.en).toBe('The .xlsx file has 5,013 parts, beyond the limit of 1,000: possibly a hostile file (zip bomb); the file was not opened.');
    const c = check('many.xlsx');
    expect(c.code).toBe(2);
    expect(c.doc.files[0].error?.en).toBe(r.en);
  });

  test('a file of 40 MB: refused from its size, before it is read', async () => {
    const c = check('big.xlsx');
    expect(c.code).toBe(2);
    expect(c.doc.files[0].error).toEqual({
      vi: 'Tệp lớn 40 MB, quá giới hạn 32 MB cho một sổ biểu mẫu .xlsx; tệp không được mở.',
      en: 'The file is 40 MB, beyond the limit of 32 MB for a workbook of these tables; the file was not opened.',
    });
    await expect(readWorkbook(path.join(dir, 'big.xlsx'))).rejects.toThrow('The file is 40 MB');
  });

  test('a part of 8 MB compressed 1000 times: refused by ratio (limit 100 above 1 MB)', async () => {
    const r = await reason(await bombWorkbook(sample, 8));
    expect(r.en).toMatch(/^The part "xl\/worksheets\/sheet1\.xml" of the \.xlsx file is compressed [\d,]+ times, beyond the limit of 100 times: possibly a hostile file/);
    expect(r.vi).toMatch(/^Phần "xl\/worksheets\/sheet1\.xml" của tệp \.xlsx nén [\d.]+ lần, quá giới hạn 100 lần/);
  });

  test('parts within the part limit but beyond the total: refused from the directory', () => {
    const limits = { ...ZIP_LIMITS, maxPartBytes: 1000, maxTotalBytes: 1500, ratioFloorBytes: Infinity };
    const data = Buffer.alloc(800, 0x20);
    const zip = writeZip(['a.xml', 'b.xml'].map((name) => ({ name, method: 0 as const, data, size: 800, crc: 0 })));
    expect(() => listZip(zip, limits)).toThrow('The parts of the .xlsx file inflate to more than 1,500 bytes, beyond the limit for a workbook of these tables');
    expect(listZip(zip, { ...limits, maxTotalBytes: 1600 }).map((e) => [e.name, e.size])).toEqual([['a.xml', 800], ['b.xml', 800]]);
  });
});

describe('a normal workbook', () => {
  test('every part is read, well inside the limits, and the stored copy holds the same bytes', async () => {
    const entries = listZip(sample);
    const total = entries.reduce((s, e) => s + e.size, 0);
    expect(entries.length).toBeLessThan(50);
    expect(total).toBeLessThan(ZIP_LIMITS.maxTotalBytes / 100);
    const parts = unzipChecked(sample);
    expect([...parts.keys()].sort()).toEqual(entries.map((e) => e.name).filter((n) => !n.endsWith('/')).sort());
    const again = unzipChecked(storedZip(parts));
    for (const [name, bytes] of parts) expect(Buffer.from(again.get(name)!).equals(Buffer.from(bytes))).toBe(true);
    const read = await readWorkbook(new Uint8Array(sample).buffer);
    expect(read.tables.map((t) => t.sheet)).toEqual(['Biểu 01', 'Biểu 02', 'Biểu 03', 'Biểu 04']);
  });
});

describe('the parts that grow with the rows (a workbook counted from a year of registers)', () => {
  const MB = 1024 * 1024;
  // The directory alone is read: declared sizes over small stored data.
  const entry = (name: string, size: number, compressed: number) => ({ name, method: 8 as const, data: Buffer.alloc(compressed), size, crc: 0 });

  test('a 20 MB sheet compressed 10 times is listed; the same compressed 40 times, or a 20 MB styles part, is refused at 16 MB', () => {
    expect(listZip(writeZip([entry('xl/worksheets/sheet3.xml', 20 * MB, 2 * MB)])).map((e) => e.size)).toEqual([20 * MB]);
    expect(listZip(writeZip([entry('xl/sharedStrings.xml', 20 * MB, 2 * MB)])).map((e) => e.size)).toEqual([20 * MB]);
    expect(() => listZip(writeZip([entry('xl/worksheets/sheet3.xml', 20 * MB, MB / 2)]))).toThrow('The part "xl/worksheets/sheet3.xml" of the .xlsx file inflates to 20 MB, beyond the limit of 16 MB for one part');
    expect(() => listZip(writeZip([entry('xl/styles.xml', 20 * MB, 2 * MB)]))).toThrow('The part "xl/styles.xml" of the .xlsx file inflates to 20 MB, beyond the limit of 16 MB for one part');
  });

  test('a sheet beyond 64 MB, or large sheets beyond 128 MB together, are refused', () => {
    expect(() => listZip(writeZip([entry('xl/worksheets/sheet1.xml', 70 * MB, 7 * MB)]))).toThrow('The part "xl/worksheets/sheet1.xml" of the .xlsx file inflates to 70 MB, beyond the limit of 64 MB for one sheet');
    const three = [1, 2, 3].map((i) => entry(`xl/worksheets/sheet${i}.xml`, 60 * MB, 4 * MB));
    expect(() => listZip(writeZip(three))).toThrow('The large sheets of the .xlsx file inflate to more than 128 MB, beyond the limit for a workbook of these tables');
    expect(listZip(writeZip(three.slice(0, 2)))).toHaveLength(2);
  });

  test('the other parts keep their own total of 32 MB beside the large sheets', () => {
    const small = [1, 2, 3].map((i) => entry(`xl/worksheets/sheet${i}.xml`, 12 * MB, 2 * MB));
    expect(() => listZip(writeZip([entry('xl/worksheets/sheet9.xml', 60 * MB, 4 * MB), ...small]))).toThrow('The parts of the .xlsx file inflate to more than 32 MB');
  });
});
