/**
 * The one intake (src/xlsx/intake.ts) and the one catalogue of refusals (src/core/refusals.ts): a
 * file too large is refused by its size before its bytes are asked for (a 3 GB and a 600 MB browser
 * File whose arrayBuffer is a spy never called), every other refusal has its id and its words, and
 * the generic step takes another kind of input through a reading step given as a parameter.
 */
import { createHash } from 'crypto';
import { mkdtempSync, truncateSync, writeFileSync, closeSync, openSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { strToU8, zipSync } from 'fflate';
import { FIXED_REFUSAL_IDS, refusal, RefusalError, sizeText, tooLarge, XLSX_KIND, type FileKind } from '../../src/core/refusals';
import { inspect, take, takeWorkbook, type Source } from '../../src/xlsx/intake';
import { fileSource, readAhead } from '../../src/ui/FilePicker';
import { nodeSha256, pathSource } from '../../src/cli/path-source';
import { ZIP_LIMITS } from '../../src/xlsx/zip';
import { MAX_XLSX_BYTES } from '../../src/xlsx/limits';
import { buildWorkbook, parseNewArgs } from '../../src/cli/new';

const GB = 1024 * 1024 * 1024;
const MB = 1024 * 1024;

/** A browser File as the pane and the web page are given it, of `size` bytes, whose reading is a spy. */
function fakeFile(name: string, size: number): { file: File; arrayBuffer: jest.Mock } {
  const arrayBuffer = jest.fn(async () => new ArrayBuffer(0));
  const file = { name, size, arrayBuffer } as unknown as File;
  return { file, arrayBuffer };
}

function odsBytes(): Uint8Array {
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    'content.xml': [strToU8('<office:document-content><office:body><office:spreadsheet/></office:body></office:document-content>'), { level: 6 }],
  });
}

const bytesSource = (name: string, bytes: Uint8Array): Source => ({ name, bytes: async () => bytes });

let sample: Uint8Array;
let dir: string;

beforeAll(async () => {
  sample = new Uint8Array(await buildWorkbook(parseNewArgs(['x.xlsx', '--templates', '01', '--sample'])));
  dir = mkdtempSync(join(tmpdir(), 'bieumau-intake-'));
});

describe('refused by size before the bytes are read', () => {
  test.each([
    ['3 GB', 3 * GB, 'Tệp lớn 3.072 MB, quá giới hạn 32 MB cho một sổ biểu mẫu .xlsx; tệp không được mở.', 'The file is 3,072 MB, beyond the limit of 32 MB for a workbook of these tables; the file was not opened.'],
    ['600 MB', 600 * MB, 'Tệp lớn 600 MB, quá giới hạn 32 MB cho một sổ biểu mẫu .xlsx; tệp không được mở.', 'The file is 600 MB, beyond the limit of 32 MB for a workbook of these tables; the file was not opened.'],
  ])('a browser File of %s: too-large, arrayBuffer never called', async (_, size, vi, en) => {
    const { file, arrayBuffer } = fakeFile('lon.xlsx', size);
    const i = await inspect(fileSource(file));
    expect(i).toEqual({ name: 'lon.xlsx', refusal: { id: 'too-large', message: { vi, en } }, sha256: null });
    // the pages' read-ahead leaves it alone too
    await inspect(readAhead(fileSource(file)));
    await takeWorkbook(fileSource(file));
    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  test('the limit is the zip layer’s one figure, and a file just within it is read', async () => {
    expect(ZIP_LIMITS.maxFileBytes).toBe(MAX_XLSX_BYTES);
    const bytes = jest.fn(async () => sample);
    const i = await inspect({ name: 'vua.xlsx', size: MAX_XLSX_BYTES, bytes });
    expect(bytes).toHaveBeenCalledTimes(1);
    // the size said the file would fit; its bytes are the sample's
    expect('read' in i && i.read.tables.map((t) => t.templateId)).toEqual(['b01']);
    const over = jest.fn(async () => sample);
    expect(await inspect({ name: 'qua.xlsx', size: MAX_XLSX_BYTES + 1, bytes: over })).toMatchObject({ refusal: { id: 'too-large' } });
    expect(over).not.toHaveBeenCalled();
  });

  test('a source whose size is not known is refused by the length of its bytes', async () => {
    const limits = { ...ZIP_LIMITS, maxFileBytes: 1000 };
    const i = await inspect(bytesSource('x.xlsx', new Uint8Array(2000)), { limits });
    expect(i).toEqual({ name: 'x.xlsx', refusal: tooLarge(2000, 1000), sha256: null });
    expect(tooLarge(2000, 1000).message.vi).toBe('Tệp lớn 2.000 byte, quá giới hạn 1.000 byte cho một sổ biểu mẫu .xlsx; tệp không được mở.');
  });

  test('a path: stat first, a sparse 3 GB file is refused without reading it', async () => {
    const big = join(dir, 'big.xlsx');
    closeSync(openSync(big, 'w'));
    truncateSync(big, 3 * GB);
    const source = pathSource(big);
    expect(source.size).toBe(3 * GB);
    const spy = jest.spyOn(source, 'bytes');
    expect(await inspect(source)).toMatchObject({ refusal: { id: 'too-large', message: { vi: 'Tệp lớn 3.072 MB, quá giới hạn 32 MB cho một sổ biểu mẫu .xlsx; tệp không được mở.' } } });
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('each refusal: its id and the words of the catalogue', () => {
  const cases: [string, () => Source, string][] = [
    ['a missing path', () => pathSource(join(dir, 'none.xlsx')), 'not-found'],
    ['a folder', () => pathSource(dir), 'folder'],
    // stat answers, the read fails (EIO): as a file the user may not read
    ['a path whose read fails', () => pathSource('/proc/self/mem'), 'no-access'],
    ['a chosen file the browser cannot hand over', () => ({ name: 'x.xlsx', size: 10, bytes: () => Promise.reject(new DOMException('gone', 'NotReadableError')) }), 'no-access'],
    ['an empty file', () => bytesSource('x.xlsx', new Uint8Array(0)), 'empty'],
    ['text, not a workbook', () => bytesSource('x.xlsx', new TextEncoder().encode('không phải sổ tính')), 'not-xlsx'],
    ['an .ods', () => bytesSource('x.ods', odsBytes()), 'ods'],
    ['a zip that is not a workbook', () => bytesSource('x.zip', zipSync({ 'a.txt': strToU8('a') })), 'not-workbook'],
    ['a truncated zip', () => bytesSource('x.xlsx', sample.subarray(0, 200)), 'corrupt-zip'],
  ];
  test.each(cases)('%s', async (_, source, id) => {
    const i = await inspect(source());
    expect('refusal' in i && i.refusal).toEqual(refusal(id as (typeof FIXED_REFUSAL_IDS)[number]));
  });

  test('the catalogue: every fixed id has its own words in both languages', () => {
    const seen = new Set<string>();
    for (const id of FIXED_REFUSAL_IDS) {
      const r = refusal(id);
      expect(r.id).toBe(id);
      expect(r.message.vi).toMatch(/\.$/);
      expect(r.message.en).toMatch(/\.$/);
      expect(r.message.vi).not.toBe(r.message.en);
      seen.add(r.message.vi);
    }
    expect(seen.size).toBe(FIXED_REFUSAL_IDS.length);
    expect(refusal('folder').message).toEqual({ vi: 'Đây là một thư mục, không phải tệp .xlsx.', en: 'This is a folder, not an .xlsx file.' });
    expect(refusal('cannot-read').message).toEqual({ vi: 'Không đọc được tệp (tệp hỏng hoặc không phải .xlsx).', en: 'The file cannot be read (corrupt or not an .xlsx).' });
    expect(refusal('not-found').message).toEqual({ vi: 'Không tìm thấy tệp.', en: 'The file does not exist.' });
  });

  test('sizes as the refusals write them', () => {
    expect([sizeText(3 * GB, 'vi'), sizeText(3 * GB, 'en'), sizeText(1.5 * MB, 'vi'), sizeText(1.5 * MB, 'en'), sizeText(2000, 'en')]).toEqual(['3.072 MB', '3,072 MB', '1,5 MB', '1.5 MB', '2,000 bytes']);
  });
});

describe('a workbook taken in', () => {
  test('read, checked, counted and fingerprinted', async () => {
    const file = join(dir, 'mau.xlsx');
    writeFileSync(file, sample);
    const i = await inspect(pathSource(file), { fingerprint: nodeSha256, today: new Date(2026, 0, 15) });
    if ('refusal' in i) throw new Error(i.refusal.message.en);
    expect(i.sha256).toBe(createHash('sha256').update(sample).digest('hex'));
    expect(i.read.tables.map((t) => t.templateId)).toEqual(['b01']);
    expect(i.counts.errors + i.counts.warnings + i.counts.blank).toBe(i.findings.length);
    expect(i.counts.errors).toBe(i.findings.filter((f) => f.severity === 'error').length);
  });

  test('a refused file read whole keeps its fingerprint (the Nguồn sheet names it)', async () => {
    const bytes = new TextEncoder().encode('không phải sổ tính');
    const i = await inspect(bytesSource('hong.xlsx', bytes), { fingerprint: nodeSha256 });
    expect(i).toEqual({ name: 'hong.xlsx', refusal: refusal('not-xlsx'), sha256: createHash('sha256').update(bytes).digest('hex') });
  });
});

describe('another kind of input plugs in with its own reading step', () => {
  const CSV: FileKind = { ext: '.csv', anExt: 'a .csv', what: { vi: 'một danh sách .csv', en: 'a .csv list' } };

  test('its refusal, an unforeseen failure, its size and its words', async () => {
    const read = async (bytes: Uint8Array): Promise<string[]> => {
      const text = new TextDecoder().decode(bytes);
      if (text === '') throw new RefusalError(refusal('empty', CSV));
      if (text.includes('\0')) throw new Error('binary');
      return text.split('\n');
    };
    const opts = { read, maxBytes: 100, kind: CSV };
    expect(await take(bytesSource('a.csv', strToU8('x\ny')), opts)).toEqual({ name: 'a.csv', value: ['x', 'y'], sha256: null });
    expect(await take(bytesSource('a.csv', new Uint8Array(0)), opts)).toEqual({ name: 'a.csv', refusal: refusal('empty'), sha256: null });
    expect(await take(bytesSource('a.csv', strToU8('a\0b')), opts)).toEqual({
      name: 'a.csv',
      refusal: { id: 'cannot-read', message: { vi: 'Không đọc được tệp (tệp hỏng hoặc không phải .csv).', en: 'The file cannot be read (corrupt or not a .csv).' } },
      sha256: null,
    });
    const bytes = jest.fn(async () => new Uint8Array(0));
    expect(await take({ name: 'b.csv', size: 500, bytes }, opts)).toMatchObject({ refusal: { id: 'too-large', message: { vi: 'Tệp lớn 500 byte, quá giới hạn 100 byte cho một danh sách .csv; tệp không được mở.' } } });
    expect(bytes).not.toHaveBeenCalled();
    expect(pathSource(dir, CSV).refused).toEqual({ id: 'folder', message: { vi: 'Đây là một thư mục, không phải tệp .csv.', en: 'This is a folder, not a .csv file.' } });
    expect(XLSX_KIND.ext).toBe('.xlsx');
  });
});
