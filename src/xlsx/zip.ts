/**
 * The zip layer of the `.xlsx` reader, with limits for hostile files. An `.xlsx` is a zip, and a
 * few hundred KB of zip can inflate to gigabytes. So before anything is inflated, the central
 * directory is read (a small parser on the bytes, no Node API: it protects the CLI, the task pane
 * and the web page alike) and a package beyond `ZIP_LIMITS` is refused; then each part is inflated
 * here with its declared size as a hard cap, so a part whose declared size lies is stopped at that
 * size. ExcelJS only ever sees `storedZip` of the parts inflated here (no compression left to undo).
 */
import { Inflate, inflateSync, zipSync, ZipDeflate, ZipPassThrough, type ZipInputFile, type Zippable } from 'fflate';
import { hostile, refusal, sizeText, tooLarge } from '../core/refusals';
import { VI_SEPARATORS, EN_SEPARATORS, formatNumber } from '../core/numbers';
import { WorkbookReadError } from './errors';
import { MAX_XLSX_BYTES } from './limits';

const MIB = 1024 * 1024;

/**
 * Limits for the workbooks of these tables: a normal one is tens of KB (the four tables with 23
 * data rows each inflate to about 100 KB), a workbook that also carries other sheets of a few
 * thousand rows stays well inside them.
 */
export interface ZipLimits {
  /** Size of the `.xlsx` file itself. */
  maxFileBytes: number;
  /** Entries in the central directory (parts and folders). */
  maxEntries: number;
  /** Inflated size of one part. */
  maxPartBytes: number;
  /** Inflated size of all parts together. */
  maxTotalBytes: number;
  /** Inflated : compressed size of one part, checked for parts inflating beyond `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /**
   * Room for the parts that grow with a sheet's rows (worksheets and the shared strings: a workbook
   * counted from a year of registers carries sheets of tens of MB) beyond `maxPartBytes`, for parts
   * honestly that large only: compressed no more than `maxRatio` times here (real sheets 5–15 times,
   * so the bytes on disk bound what is inflated), each at most `maxPartBytes` here and all of them
   * together at most `maxTotalBytes` here, counted apart from the other parts' total. A part beyond
   * the usual `maxPartBytes` that compresses more is refused as before.
   */
  dataParts?: { maxPartBytes: number; maxRatio: number; maxTotalBytes: number };
}

export const ZIP_LIMITS: ZipLimits = {
  maxFileBytes: MAX_XLSX_BYTES,
  maxEntries: 1000,
  maxPartBytes: 16 * MIB,
  maxTotalBytes: 32 * MIB,
  maxRatio: 100,
  ratioFloorBytes: 1 * MIB,
  dataParts: { maxPartBytes: 64 * MIB, maxRatio: 20, maxTotalBytes: 128 * MIB },
};

/** The parts whose size grows with a sheet's rows (`ZipLimits.dataParts`). */
function isDataPart(name: string): boolean {
  return /^xl\/worksheets\/[^/]+\.xml$/.test(name) || name === 'xl/sharedStrings.xml';
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

// ---------------------------------------------------------------------------------------------
// Messages (the words are core/refusals')

function refuse(vi: string, en: string): WorkbookReadError {
  return new WorkbookReadError(hostile(vi, en));
}

function corrupt(): WorkbookReadError {
  return new WorkbookReadError(refusal('corrupt-zip'));
}

/** The package's bytes beyond `limits.maxFileBytes` (catalogue id `too-large`). */
export function fileTooLarge(bytes: number, limits: ZipLimits = ZIP_LIMITS): WorkbookReadError {
  return new WorkbookReadError(tooLarge(bytes, limits.maxFileBytes));
}

// ---------------------------------------------------------------------------------------------
// Central directory

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

function u16(b: Uint8Array, at: number): number {
  if (at < 0 || at + 2 > b.length) throw corrupt();
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  if (at < 0 || at + 4 > b.length) throw corrupt();
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

const utf8 = new TextDecoder('utf-8');
const cp437ish = new TextDecoder('latin1');

/** Where the central directory is and how many entries it declares (ZIP64 when the 32-bit fields overflow). */
function directoryOf(bytes: Uint8Array): { count: number; dirSize: number; dirOffset: number } {
  // End of central directory: 22 bytes + a comment of at most 65535 bytes, at the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && u32(bytes, i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  const count = u16(bytes, eocd + 10);
  const dirSize = u32(bytes, eocd + 12);
  const dirOffset = u32(bytes, eocd + 16);
  if (count !== 0xffff && dirSize !== 0xffffffff && dirOffset !== 0xffffffff) return { count, dirSize, dirOffset };
  const loc = eocd - 20;
  if (loc < 0 || u32(bytes, loc) !== ZIP64_LOCATOR_SIG) throw corrupt();
  const z = u64(bytes, loc + 8);
  if (z > bytes.length - 56 || u32(bytes, z) !== ZIP64_EOCD_SIG) throw corrupt();
  return { count: u64(bytes, z + 32), dirSize: u64(bytes, z + 40), dirOffset: u64(bytes, z + 48) };
}

/** The central directory entry at `p` (its ZIP64 sizes and offset read), and where the next one starts. */
function entryAt(bytes: Uint8Array, p: number, end: number): { entry: ZipEntry; next: number } {
  if (u32(bytes, p) !== CENTRAL_SIG) throw corrupt();
  const flags = u16(bytes, p + 8);
  const method = u16(bytes, p + 10);
  let compressedSize = u32(bytes, p + 20);
  let size = u32(bytes, p + 24);
  const nameLen = u16(bytes, p + 28);
  const extraLen = u16(bytes, p + 30);
  const commentLen = u16(bytes, p + 32);
  let localOffset = u32(bytes, p + 42);
  const nameStart = p + 46;
  if (nameStart + nameLen + extraLen + commentLen > end) throw corrupt();
  const name = (flags & 0x800 ? utf8 : cp437ish).decode(bytes.subarray(nameStart, nameStart + nameLen));
  // ZIP64: the real sizes and offset are in the extra field 0x0001, in this order, each only when
  // its 32-bit field says 0xFFFFFFFF.
  let x = nameStart + nameLen;
  const xEnd = x + extraLen;
  while (x + 4 <= xEnd) {
    const id = u16(bytes, x);
    const len = u16(bytes, x + 2);
    if (id === 0x0001) {
      let q = x + 4;
      if (size === 0xffffffff) {
        size = u64(bytes, q);
        q += 8;
      }
      if (compressedSize === 0xffffffff) {
        compressedSize = u64(bytes, q);
        q += 8;
      }
      if (localOffset === 0xffffffff) localOffset = u64(bytes, q);
    }
    x += 4 + len;
  }
  return { entry: { name, method, flags, compressedSize, size, localOffset }, next: xEnd + commentLen };
}

/** The inflated bytes counted so far: of the ordinary parts, and of the data parts allowed beyond their cap. */
interface Totals {
  total: number;
  dataTotal: number;
}

/** Refuses an entry beyond the limits (a part's size and ratio, the running totals), counting it in. */
function checkEntry(e: ZipEntry, limits: ZipLimits, totals: Totals): void {
  const { name, size, compressedSize } = e;
  if (name.endsWith('/')) return;
  const data = limits.dataParts;
  // A data part beyond the usual cap but honestly that large (see `ZipLimits.dataParts`).
  const large = data !== undefined && size > limits.maxPartBytes && isDataPart(name) && size <= data.maxRatio * Math.max(1, compressedSize);
  if (large && data) {
    if (size > data.maxPartBytes) {
      throw refuse(
        `Phần "${name}" của tệp .xlsx giải nén ra ${sizeText(size, 'vi')}, quá giới hạn ${sizeText(data.maxPartBytes, 'vi')} cho một trang`,
        `The part "${name}" of the .xlsx file inflates to ${sizeText(size, 'en')}, beyond the limit of ${sizeText(data.maxPartBytes, 'en')} for one sheet`,
      );
    }
    totals.dataTotal += size;
    if (totals.dataTotal > data.maxTotalBytes) {
      throw refuse(
        `Các trang lớn của tệp .xlsx giải nén ra hơn ${sizeText(data.maxTotalBytes, 'vi')}, quá giới hạn cho một sổ biểu mẫu`,
        `The large sheets of the .xlsx file inflate to more than ${sizeText(data.maxTotalBytes, 'en')}, beyond the limit for a workbook of these tables`,
      );
    }
    return;
  }
  if (size > limits.maxPartBytes) {
    throw refuse(
      `Phần "${name}" của tệp .xlsx giải nén ra ${sizeText(size, 'vi')}, quá giới hạn ${sizeText(limits.maxPartBytes, 'vi')} cho một phần`,
      `The part "${name}" of the .xlsx file inflates to ${sizeText(size, 'en')}, beyond the limit of ${sizeText(limits.maxPartBytes, 'en')} for one part`,
    );
  }
  if (size > limits.ratioFloorBytes && size > limits.maxRatio * Math.max(1, compressedSize)) {
    const ratio = Math.round(size / Math.max(1, compressedSize));
    throw refuse(
      `Phần "${name}" của tệp .xlsx nén ${formatNumber(ratio, VI_SEPARATORS)} lần, quá giới hạn ${limits.maxRatio} lần`,
      `The part "${name}" of the .xlsx file is compressed ${formatNumber(ratio, EN_SEPARATORS)} times, beyond the limit of ${limits.maxRatio} times`,
    );
  }
  totals.total += size;
  if (totals.total > limits.maxTotalBytes) {
    throw refuse(
      `Các phần của tệp .xlsx giải nén ra hơn ${sizeText(limits.maxTotalBytes, 'vi')}, quá giới hạn cho một sổ biểu mẫu`,
      `The parts of the .xlsx file inflate to more than ${sizeText(limits.maxTotalBytes, 'en')}, beyond the limit for a workbook of these tables`,
    );
  }
}

/**
 * The entries of the zip's central directory, checked against `limits` as they are read: only
 * the directory is looked at, nothing is inflated and nothing of the declared sizes is allocated.
 * @throws WorkbookReadError for a corrupt zip or one beyond the limits.
 */
export function listZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] {
  const { count, dirSize, dirOffset } = directoryOf(bytes);
  if (count > limits.maxEntries) {
    throw refuse(
      `Tệp .xlsx có ${formatNumber(count, VI_SEPARATORS)} phần, quá giới hạn ${formatNumber(limits.maxEntries, VI_SEPARATORS)} phần`,
      `The .xlsx file has ${formatNumber(count, EN_SEPARATORS)} parts, beyond the limit of ${formatNumber(limits.maxEntries, EN_SEPARATORS)}`,
    );
  }
  if (dirOffset + dirSize > bytes.length) throw corrupt();
  const entries: ZipEntry[] = [];
  const totals: Totals = { total: 0, dataTotal: 0 };
  const end = dirOffset + dirSize;
  for (let p = dirOffset; p < end; ) {
    if (entries.length >= limits.maxEntries) {
      throw refuse(
        `Tệp .xlsx có hơn ${formatNumber(limits.maxEntries, VI_SEPARATORS)} phần`,
        `The .xlsx file has more than ${formatNumber(limits.maxEntries, EN_SEPARATORS)} parts`,
      );
    }
    const { entry, next } = entryAt(bytes, p, end);
    p = next;
    checkEntry(entry, limits, totals);
    entries.push(entry);
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------
// Inflating, capped

/** Compressed bytes are fed to the inflater in slices this big, so one step never outputs much. */
const SLICE = 2048;

/**
 * A part compressed into at most this many bytes is inflated in one go into a buffer of its declared
 * size plus one byte (which grows no further: what a lying part would write beyond is dropped and
 * shows as that extra byte filled), so inflating costs no memory beyond the declared size; and as
 * deflate expands at most about 1,032 times, decoding a part this small costs little time even when
 * it lies. A larger part, or one that does not come out at exactly its declared size, goes through
 * the sliced inflater above, which stops at the first byte beyond the declared size and tells why.
 */
const ONE_GO_MAX = 256 * 1024;

/** The part inflated in one go, or null when it does not inflate cleanly to exactly its declared size. */
function inflateInOneGo(data: Uint8Array, size: number): Uint8Array | null {
  const out = new Uint8Array(size + 1);
  try {
    const got = inflateSync(data, { out });
    return got.length === size ? out.subarray(0, size) : null;
  } catch {
    return null;
  }
}

class Overflow extends Error {}

/**
 * A raw-deflate inflater the host may supply in place of the one here (the command line gives
 * Node's zlib, several times faster on a year of registers): `data` inflated, stopping with a
 * `RangeError` as soon as the output would pass `max` bytes — the same hard cap as here.
 */
export type RawInflater = (data: Uint8Array, max: number) => Uint8Array;

let hostInflate: RawInflater | null = null;

/** Uses `inflate` for every part inflated from now on (null: the built-in inflater again). */
export function useRawInflater(inflate: RawInflater | null): void {
  hostInflate = inflate;
}

/**
 * A raw-deflate compressor the host may supply for writing packages (the command line: Node's
 * zlib). A part may come in several chunks: each but the last is flushed to a byte boundary and not
 * marked final, so the chunks' outputs, one after another, are one deflate stream.
 */
export type RawDeflater = (chunk: Uint8Array, level: number, final: boolean) => Uint8Array;

/** The CRC-32 of `data` continued from `crc` (0 to start), unsigned. */
export type Crc32 = (data: Uint8Array, crc: number) => number;

/**
 * A raw deflater that works beside the program (a worker thread): `done` is called with each
 * chunk's output, in the order the chunks were given. It may keep `chunk` (pass it a copy).
 */
export type ParallelDeflater = (chunk: Uint8Array, level: number, final: boolean, done: (err: Error | null, out: Uint8Array) => void) => void;

let hostDeflate: RawDeflater | null = null;
let hostCrc: Crc32 | null = null;
let parallelDeflate: ParallelDeflater | null = null;

/**
 * Deflates the large parts (a megabyte and more at a time) with `deflate` from now on, beside the
 * program writing them (null: the raw deflater again). Only with a CRC-32 of the host's
 * (`useRawDeflater`). An archive written so is complete when its last output has come (`Zip`'s
 * `ondata` with `final`), after `end()` has returned.
 */
export function useParallelDeflater(deflate: ParallelDeflater | null): void {
  parallelDeflate = deflate;
}

/**
 * Uses `deflate` for the parts written from now on (null: fflate's deflate again), and `crc32`
 * for their checksums when given (otherwise fflate's).
 */
export function useRawDeflater(deflate: RawDeflater | null, crc32: Crc32 | null = null): void {
  hostDeflate = deflate;
  hostCrc = deflate ? crc32 : null;
}

/** A zip entry deflated by the host's compressor. */
class HostDeflated extends ZipPassThrough {
  private running = 0;

  constructor(
    filename: string,
    private readonly level: number,
    private readonly deflate: RawDeflater,
    private readonly crc32: Crc32 | null,
    private readonly parallel: ParallelDeflater | null,
  ) {
    super(filename);
    this.compression = 8;
  }

  override push(chunk: Uint8Array, final = false): void {
    if (!this.crc32) return super.push(chunk, final);
    if (!this.ondata) throw new Error('a zip entry written before it was added to the archive');
    this.running = this.crc32(chunk, this.running);
    this.size += chunk.length;
    if (final) this.crc = this.running;
    if (this.parallel) this.parallel(chunk.slice(), this.level, final, (err, out) => this.ondata(err && Object.assign(err, { code: 0 }), out as Uint8Array<ArrayBuffer>, final));
    else this.process(chunk as Uint8Array<ArrayBuffer>, final);
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, this.deflate(chunk, this.level, final) as Uint8Array<ArrayBuffer>, final);
  }
}

/**
 * A deflated entry of a streamed `Zip` (fflate's), by the host's compressor when it gave one;
 * `large` (pushed a megabyte at a time): by the parallel deflater when there is one.
 */
export function deflatedEntry(filename: string, level: number, large = false): ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void } {
  return hostDeflate ? new HostDeflated(filename, level, hostDeflate, hostCrc, large && hostCrc ? parallelDeflate : null) : new ZipDeflate(filename, { level: level as 1 });
}

/**
 * The inflated bytes of one entry; the output is capped at the size the central directory
 * declared (already checked against the limits), and a part that inflates beyond it is refused.
 */
export function inflateEntry(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  if (e.flags & 0x1) {
    throw new WorkbookReadError({
      vi: 'Tệp được bảo vệ bằng mật khẩu (mã hóa); hãy gỡ mật khẩu và lưu lại thành .xlsx.',
      en: 'The file is password-protected (encrypted); remove the password and save it again as .xlsx.',
    });
  }
  if (u32(bytes, e.localOffset) !== LOCAL_SIG) throw corrupt();
  const start = e.localOffset + 30 + u16(bytes, e.localOffset + 26) + u16(bytes, e.localOffset + 28);
  if (start + e.compressedSize > bytes.length) throw corrupt();
  const data = bytes.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw lies(e);
    return data.slice();
  }
  if (e.method !== 8) throw corrupt();
  if (hostInflate) {
    let got: Uint8Array;
    try {
      got = hostInflate(data, Math.max(1, e.size));
    } catch (err) {
      if (err instanceof RangeError) throw lies(e);
      throw corrupt();
    }
    if (got.length !== e.size) throw corrupt();
    return got;
  }
  if (data.length <= ONE_GO_MAX) {
    const whole = inflateInOneGo(data, e.size);
    if (whole) return whole;
  }
  const out = new Uint8Array(e.size);
  let n = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    if (n + chunk.length > e.size) throw new Overflow();
    out.set(chunk, n);
    n += chunk.length;
    if (final) done = true;
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += SLICE) inflater.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
  } catch (err) {
    if (err instanceof Overflow) throw lies(e);
    throw corrupt();
  }
  if (!done || n !== e.size) throw corrupt();
  return out;
}

function lies(e: ZipEntry): WorkbookReadError {
  return refuse(
    `Phần "${e.name}" của tệp .xlsx giải nén ra nhiều hơn kích thước khai báo (${formatNumber(e.size, VI_SEPARATORS)} byte)`,
    `The part "${e.name}" of the .xlsx file inflates to more than its declared size (${formatNumber(e.size, EN_SEPARATORS)} bytes)`,
  );
}

/**
 * Every part of the package, inflated within the limits (folders left out).
 * @throws WorkbookReadError for a corrupt or encrypted zip or one beyond the limits.
 */
export function unzipChecked(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Map<string, Uint8Array> {
  if (bytes.length > limits.maxFileBytes) throw fileTooLarge(bytes.length, limits);
  const parts = new Map<string, Uint8Array>();
  for (const e of listZip(bytes, limits)) {
    if (e.name.endsWith('/')) continue;
    if (parts.has(e.name)) throw corrupt();
    parts.set(e.name, inflateEntry(bytes, e));
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// A zip without compression, for ExcelJS and the web page's SDMX download

/** A zip of `parts` stored without compression (fflate writes it; names in UTF-8). */
export function storedZip(parts: ReadonlyMap<string, Uint8Array>): Uint8Array {
  // No prototype: a part named `__proto__` is a part like any other.
  const files: Zippable = Object.create(null) as Zippable;
  for (const [name, data] of parts) files[name] = data;
  return zipSync(files, { level: 0 });
}
