/**
 * Hostile `.xlsx` packages made on the spot, for the tests and the bench: a sample workbook whose
 * first sheet is replaced by hundreds of MB of deflated spaces (declared honestly, or declared
 * small), or padded with thousands of parts. Nothing of the inflated size is ever allocated here:
 * the deflate stream is one compressed 1 MiB block repeated.
 */
import * as zlib from 'zlib';
import JSZip from 'jszip';

export interface RawEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  /** The bytes as they go into the zip (compressed for method 8). */
  data: Buffer;
  /** The uncompressed size written in the headers (the truth, or not). */
  size: number;
  crc: number;
}

const MIB = 1024 * 1024;

/** A raw deflate stream that inflates to `mib` MiB of spaces, about 1 KB per MiB. */
export function deflatedSpaces(mib: number): { data: Buffer; size: number; crc: number } {
  const chunk = Buffer.alloc(MIB, 0x20);
  // A non-final, byte-aligned run of blocks: it can be repeated, then closed by an empty final block.
  const block = zlib.deflateRawSync(chunk, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const end = zlib.deflateRawSync(Buffer.alloc(0));
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = zlib.crc32(chunk, crc);
  return { data: Buffer.concat([...Array.from({ length: mib }, () => block), end]), size: mib * MIB, crc };
}

/** A zip of `entries` with exactly the sizes they declare. */
export function writeZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const fields = (b: Buffer, at: number): void => {
      b.writeUInt16LE(20, at); // version needed
      b.writeUInt16LE(0x800, at + 2); // UTF-8 name
      b.writeUInt16LE(e.method, at + 4);
      b.writeUInt32LE(0, at + 6); // time, date
      b.writeUInt32LE(e.crc >>> 0, at + 10);
      b.writeUInt32LE(e.data.length, at + 14);
      b.writeUInt32LE(e.size, at + 18);
      b.writeUInt16LE(name.length, at + 22);
      b.writeUInt16LE(0, at + 24);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(dir.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, eocd]);
}

/** The parts of a real workbook, deflated again, honest sizes. */
export async function workbookEntries(xlsx: Buffer): Promise<RawEntry[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const out: RawEntry[] = [];
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    const raw = await f.async('nodebuffer');
    out.push({ name: f.name, method: 8, data: zlib.deflateRawSync(raw), size: raw.length, crc: zlib.crc32(raw) });
  }
  return out;
}

export const BOMB_SHEET = 'xl/worksheets/sheet1.xml';

/**
 * The workbook with its first sheet replaced by `mib` MiB of spaces. `declared`: the size the
 * headers give for that part (default: the truth).
 */
export async function bombWorkbook(xlsx: Buffer, mib: number, declared?: number): Promise<Buffer> {
  const bomb = deflatedSpaces(mib);
  const entries = (await workbookEntries(xlsx)).map((e) =>
    e.name === BOMB_SHEET ? { ...e, data: bomb.data, size: declared ?? bomb.size, crc: bomb.crc } : e,
  );
  if (!entries.some((e) => e.name === BOMB_SHEET)) throw new Error(`${BOMB_SHEET} not in the workbook`);
  return writeZip(entries);
}

/** The workbook with `extra` more parts of one byte each. */
export async function manyPartsWorkbook(xlsx: Buffer, extra: number): Promise<Buffer> {
  const one = Buffer.from('x');
  const pad: RawEntry[] = Array.from({ length: extra }, (_, i) => ({ name: `xl/media/pad${i}.bin`, method: 0, data: one, size: 1, crc: zlib.crc32(one) }));
  return writeZip([...(await workbookEntries(xlsx)), ...pad]);
}
